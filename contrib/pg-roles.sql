-- pg-roles.sql: who may see what in a judge database shared on PostgreSQL.
--
-- Run it with psql as the database's owner (the role that ran the first
-- 'judge import', or a superuser), in the judge's database, after that
-- import; again after a newer judge migrated the schema. It is idempotent.
--
--   psql "postgresql://admin@HOST/judge" -f contrib/pg-roles.sql
--
-- It makes three group roles (NOLOGIN) and the row-level security behind
-- them; one LOGIN role per person joins one of them:
--
--   judge_participant  reads the catalogue and contests; reads and writes
--                      only their own submissions, results (with their
--                      timing runs), jobs and local tests (from stress or
--                      'judge cases', which also removes them) ("user" =
--                      current_user: nobody submits as
--                      someone else); the scoreboard shows everyone's
--                      results through the view contest_attempts, which has
--                      no source column; the server's clock, not theirs,
--                      says when they started a contest and submitted, and
--                      a contest job outside their window is refused
--   judge_worker       'judge worker': reads everything, stores results
--   judge_admin        everything: catalogue imports, contests, regress
--
--   CREATE ROLE ana LOGIN PASSWORD '...' IN ROLE judge_participant;
--   CREATE ROLE box1 LOGIN PASSWORD '...' IN ROLE judge_worker;
--
-- The owner of the tables bypasses row-level security, as owners do.

SET client_min_messages = warning;

DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'judge_participant') THEN
		CREATE ROLE judge_participant NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'judge_worker') THEN
		CREATE ROLE judge_worker NOLOGIN;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'judge_admin') THEN
		CREATE ROLE judge_admin NOLOGIN;
	END IF;
END $$;

-- ---- privileges --------------------------------------------------------------

GRANT USAGE ON SCHEMA public TO judge_participant, judge_worker, judge_admin;
GRANT ALL ON ALL TABLES IN SCHEMA public TO judge_admin;
GRANT SELECT ON ALL TABLES IN SCHEMA public TO judge_worker;
GRANT INSERT, UPDATE ON submissions, results, jobs, workers TO judge_worker;

GRANT SELECT ON meta, problems, tests, contests, contest_problems, participants,
	contest_attempts, workers TO judge_participant;
GRANT SELECT, INSERT, UPDATE ON submissions, results, local_tests TO judge_participant;
-- a job, once queued, is the workers' (a participant changing its time or
-- contest afterwards would get round the window below)
GRANT SELECT, INSERT ON jobs TO judge_participant;
REVOKE UPDATE, DELETE ON jobs FROM judge_participant;
-- 'judge cases rm' (the policy below: only their own)
GRANT DELETE ON local_tests TO judge_participant;
GRANT INSERT ON participants TO judge_participant;

-- ---- row-level security ----------------------------------------------------------

ALTER TABLE submissions ENABLE ROW LEVEL SECURITY;
ALTER TABLE results ENABLE ROW LEVEL SECURITY;
ALTER TABLE jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE local_tests ENABLE ROW LEVEL SECURITY;
ALTER TABLE participants ENABLE ROW LEVEL SECURITY;

DROP POLICY IF EXISTS everything ON submissions;
DROP POLICY IF EXISTS own ON submissions;
CREATE POLICY everything ON submissions TO judge_worker, judge_admin USING (true) WITH CHECK (true);
-- a participant stores practice submissions graded on their own machine;
-- a contest's are stored by the workers only (through the queue)
CREATE POLICY own ON submissions TO judge_participant
	USING ("user" = current_user) WITH CHECK ("user" = current_user AND contest IS NULL);

DROP POLICY IF EXISTS everything ON results;
DROP POLICY IF EXISTS own ON results;
CREATE POLICY everything ON results TO judge_worker, judge_admin USING (true) WITH CHECK (true);
CREATE POLICY own ON results TO judge_participant
	USING (EXISTS (SELECT 1 FROM submissions s WHERE s.id = submission AND s."user" = current_user))
	WITH CHECK (EXISTS (SELECT 1 FROM submissions s WHERE s.id = submission
	                    AND s."user" = current_user));

DROP POLICY IF EXISTS everything ON jobs;
DROP POLICY IF EXISTS own ON jobs;
CREATE POLICY everything ON jobs TO judge_worker, judge_admin USING (true) WITH CHECK (true);
CREATE POLICY own ON jobs TO judge_participant
	USING ("user" = current_user) WITH CHECK ("user" = current_user);

DROP POLICY IF EXISTS everything ON local_tests;
DROP POLICY IF EXISTS own ON local_tests;
CREATE POLICY everything ON local_tests TO judge_worker, judge_admin USING (true) WITH CHECK (true);
CREATE POLICY own ON local_tests TO judge_participant
	USING ("user" = current_user) WITH CHECK ("user" = current_user);

-- everyone's start times are the scoreboard's; each starts only themself
DROP POLICY IF EXISTS everything ON participants;
DROP POLICY IF EXISTS read_all ON participants;
DROP POLICY IF EXISTS start_own ON participants;
CREATE POLICY everything ON participants TO judge_worker, judge_admin USING (true) WITH CHECK (true);
CREATE POLICY read_all ON participants FOR SELECT TO judge_participant USING (true);
CREATE POLICY start_own ON participants FOR INSERT TO judge_participant
	WITH CHECK ("user" = current_user);

-- ---- the contest window, by the server's clock ---------------------------------
--
-- A participant's client checks the window too, but a client with a wrong
-- clock (or JUDGE_NOW, or a modified binary) must not decide it: for a
-- participant, the server sets participants.started_at and jobs.submitted_at
-- to its own time, and refuses a contest job unless they started the
-- contest, its letter is the problem's, and now is inside their window
-- [started_at, started_at + duration). Admins and workers are trusted with
-- their own times (imports, tests with JUDGE_NOW). The refusals carry
-- SQLSTATE JG001, which the judge reports as bad input (exit 2).

CREATE OR REPLACE FUNCTION judge_participant_clock() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	now_s bigint := floor(extract(epoch FROM now()));
	t0 bigint;
	minutes integer;
BEGIN
	IF NOT pg_has_role(current_user, 'judge_participant', 'MEMBER') OR
	   pg_has_role(current_user, 'judge_admin', 'MEMBER') OR
	   pg_has_role(current_user, 'judge_worker', 'MEMBER') THEN
		RETURN NEW;
	END IF;
	IF TG_TABLE_NAME = 'participants' THEN
		NEW.started_at := now_s;
		RETURN NEW;
	END IF;
	NEW.submitted_at := now_s;
	IF NEW.contest IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT p.started_at, c.duration_minutes INTO t0, minutes
		FROM participants p JOIN contests c ON c.id = p.contest
		WHERE p.contest = NEW.contest AND p."user" = NEW."user";
	IF NOT FOUND THEN
		RAISE EXCEPTION '''%'' has not started contest ''%''; run ''judge contest start %'' first',
			NEW."user", NEW.contest, NEW.contest USING ERRCODE = 'JG001';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM contest_problems WHERE contest = NEW.contest
	               AND letter = NEW.letter AND problem = NEW.problem) THEN
		RAISE EXCEPTION 'problem ''%'' is not letter % of contest ''%''',
			NEW.problem, NEW.letter, NEW.contest USING ERRCODE = 'JG001';
	END IF;
	IF now_s < t0 OR now_s >= t0 + minutes * 60 THEN
		RAISE EXCEPTION 'contest ''%'' is closed for ''%'' by the server''s clock: it is %, and the window is % to %',
			NEW.contest, NEW."user",
			to_char(to_timestamp(now_s) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			to_char(to_timestamp(t0) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
			to_char(to_timestamp(t0 + minutes * 60) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
			USING ERRCODE = 'JG001';
	END IF;
	RETURN NEW;
END $$;

DROP TRIGGER IF EXISTS participant_clock ON participants;
CREATE TRIGGER participant_clock BEFORE INSERT ON participants
	FOR EACH ROW EXECUTE FUNCTION judge_participant_clock();
DROP TRIGGER IF EXISTS participant_clock ON jobs;
CREATE TRIGGER participant_clock BEFORE INSERT ON jobs
	FOR EACH ROW EXECUTE FUNCTION judge_participant_clock();
