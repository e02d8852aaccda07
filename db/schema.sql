-- schema.sql: the judge's database schema, as an append-only list of
-- migrations. A line "-- migration N" starts migration N (1, 2, 3... in
-- order); db_open applies, each in one BEGIN IMMEDIATE transaction, every
-- migration above PRAGMA user_version and then sets user_version to N. A new
-- database gets them all. Never edit a migration that has been committed:
-- add the next one (ALTER TABLE ..., CREATE TABLE ...).
--
-- Times are Unix seconds (from util_now, so JUDGE_NOW applies). Verdicts are
-- the short codes of lib/verdict.h. Problems and contests are never deleted,
-- only retired, so submissions always keep their problem.

-- migration 1

-- Small settings: the catalogue's path and fingerprint for the cheap sync check.
CREATE TABLE meta (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE problems (
	id              TEXT PRIMARY KEY CHECK (id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
	title           TEXT NOT NULL,
	folder          TEXT NOT NULL,       -- relative to the catalogue file's folder
	position        INTEGER NOT NULL,    -- order in the catalogue
	time_limit_ms   INTEGER NOT NULL CHECK (time_limit_ms > 0),
	memory_limit_mb INTEGER NOT NULL CHECK (memory_limit_mb > 0),
	stack_limit_mb  INTEGER NOT NULL CHECK (stack_limit_mb > 0),
	output_limit_kb INTEGER NOT NULL CHECK (output_limit_kb > 0),
	checker         TEXT NOT NULL CHECK (checker IN
	                  ('exact', 'tokens', 'float', 'unordered-lines', 'regex', 'custom')),
	abs_tolerance   REAL NOT NULL DEFAULT 1e-6,
	rel_tolerance   REAL NOT NULL DEFAULT 1e-6,
	checker_file    TEXT,                -- custom: path relative to the folder
	checker_source  TEXT,                -- custom: the checker's source text
	tags            TEXT NOT NULL DEFAULT '',  -- tags joined with newlines
	complexity      TEXT NOT NULL DEFAULT '',
	statement       TEXT NOT NULL,
	content_hash    TEXT NOT NULL,       -- sha256 over every field above and the tests
	fingerprint     TEXT NOT NULL DEFAULT '',  -- sizes + mtimes of the folder's files
	retired         INTEGER NOT NULL DEFAULT 0,
	updated_at      INTEGER NOT NULL,
	CHECK ((checker = 'custom') = (checker_source IS NOT NULL))
);

-- Test data lives here, so one database file is a complete problem set.
CREATE TABLE tests (
	id        INTEGER PRIMARY KEY,
	problem   TEXT NOT NULL REFERENCES problems(id) ON DELETE CASCADE,
	ord       INTEGER NOT NULL CHECK (ord > 0),  -- 1-based, in name order
	name      TEXT NOT NULL,
	is_sample INTEGER NOT NULL DEFAULT 0,
	input     BLOB NOT NULL,
	answer    BLOB NOT NULL,
	hash      TEXT NOT NULL,             -- sha256, see db_test_hash()
	UNIQUE (problem, ord),
	UNIQUE (problem, name)
);

CREATE TABLE contests (
	id               TEXT PRIMARY KEY,
	title            TEXT NOT NULL,
	duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
	freeze_minutes   INTEGER NOT NULL DEFAULT 0
	                   CHECK (freeze_minutes >= 0 AND freeze_minutes < duration_minutes),
	penalty_minutes  INTEGER NOT NULL DEFAULT 20 CHECK (penalty_minutes >= 0),
	source           TEXT NOT NULL CHECK (source IN ('catalog', 'cli')),
	created_at       INTEGER NOT NULL,
	starts_at        INTEGER,            -- NULL until started
	retired          INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE contest_problems (
	contest TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
	letter  TEXT NOT NULL,               -- 'A', 'B', ... in catalogue order
	problem TEXT NOT NULL REFERENCES problems(id),
	PRIMARY KEY (contest, letter),
	UNIQUE (contest, problem)
) WITHOUT ROWID;

CREATE TABLE participants (
	contest    TEXT NOT NULL REFERENCES contests(id) ON DELETE CASCADE,
	user       TEXT NOT NULL,
	started_at INTEGER NOT NULL,
	PRIMARY KEY (contest, user)
) WITHOUT ROWID;

CREATE TABLE submissions (
	id              INTEGER PRIMARY KEY,
	problem         TEXT NOT NULL REFERENCES problems(id),
	user            TEXT NOT NULL,
	source          TEXT NOT NULL,
	source_hash     TEXT NOT NULL,
	submitted_at    INTEGER NOT NULL,
	status          TEXT NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done')),
	verdict         TEXT CHECK (verdict IN
	                  ('AC', 'WA', 'PE', 'TLE', 'MLE', 'OLE', 'RE', 'SV', 'CE', 'IE')),
	passed          INTEGER NOT NULL DEFAULT 0,
	total           INTEGER NOT NULL DEFAULT 0,
	time_ms         INTEGER NOT NULL DEFAULT 0,
	memory_kb       INTEGER NOT NULL DEFAULT 0,
	compile_ok      INTEGER NOT NULL DEFAULT 0,
	compile_message TEXT NOT NULL DEFAULT '',
	compile_time_ms INTEGER NOT NULL DEFAULT 0,
	compile_cached  INTEGER NOT NULL DEFAULT 0,
	contest         TEXT REFERENCES contests(id),
	letter          TEXT,
	error           TEXT,                -- why it ended IE
	local_tests     INTEGER NOT NULL DEFAULT 0,
	-- who writes a running row, so a dead writer's row can be reaped as IE
	writer_pid      INTEGER,
	writer_start    INTEGER,             -- the writer's start time (clock ticks since boot)
	writer_boot     TEXT,                -- /proc/sys/kernel/random/boot_id
	writer_host     TEXT,
	CHECK ((status = 'done') = (verdict IS NOT NULL)),
	CHECK ((contest IS NULL) = (letter IS NULL))
);
CREATE INDEX submissions_problem_user ON submissions (problem, user);
CREATE INDEX submissions_running ON submissions (status) WHERE status = 'running';
CREATE INDEX submissions_contest ON submissions (contest, user) WHERE contest IS NOT NULL;

CREATE TABLE results (
	submission INTEGER NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
	ord        INTEGER NOT NULL CHECK (ord > 0),
	name       TEXT NOT NULL,
	verdict    TEXT NOT NULL CHECK (verdict IN
	             ('AC', 'WA', 'PE', 'TLE', 'MLE', 'OLE', 'RE', 'SV', 'CE', 'IE')),
	time_ms    INTEGER NOT NULL DEFAULT 0,
	wall_ms    INTEGER NOT NULL DEFAULT 0,
	memory_kb  INTEGER NOT NULL DEFAULT 0,
	exit_code  INTEGER,                  -- NULL when it did not exit by itself
	signal     TEXT,                     -- 'SIGSEGV', NULL when none
	message    TEXT NOT NULL DEFAULT '',
	is_local   INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (submission, ord)
) WITHOUT ROWID;

CREATE TABLE regress_runs (
	id          INTEGER PRIMARY KEY,
	started_at  INTEGER NOT NULL,
	finished_at INTEGER,                 -- NULL while running (or if it died)
	jobs        INTEGER NOT NULL DEFAULT 1,
	total       INTEGER NOT NULL DEFAULT 0,
	matched     INTEGER NOT NULL DEFAULT 0,
	mismatched  INTEGER NOT NULL DEFAULT 0,
	compiled    INTEGER NOT NULL DEFAULT 0,
	cached      INTEGER NOT NULL DEFAULT 0,
	wall_ms     INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE regress_results (
	run       INTEGER NOT NULL REFERENCES regress_runs(id) ON DELETE CASCADE,
	problem   TEXT NOT NULL,             -- no foreign key: the folder may name an unknown problem
	solution  TEXT NOT NULL,             -- "max-gap/accepted/buckets.c"
	expected  TEXT NOT NULL,
	got       TEXT NOT NULL,
	match     INTEGER NOT NULL,
	time_ms   INTEGER NOT NULL DEFAULT 0,
	memory_kb INTEGER NOT NULL DEFAULT 0,
	message   TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (run, solution)
) WITHOUT ROWID;

-- The stress tool's saved counterexamples, graded as local tests.
CREATE TABLE local_tests (
	id         INTEGER PRIMARY KEY,
	problem    TEXT NOT NULL REFERENCES problems(id),
	user       TEXT NOT NULL,
	name       TEXT NOT NULL,
	input      BLOB NOT NULL,
	answer     BLOB NOT NULL,
	created_at INTEGER NOT NULL,
	UNIQUE (problem, user, name)
);

-- migration 2

-- judge regress: the margin flag ("slow: 62% of limit", "tight: 1.4x"), the
-- time limit the solution was measured against, and how long grading it took
-- (the next run starts the longest jobs first).
ALTER TABLE regress_results ADD COLUMN flag TEXT NOT NULL DEFAULT '';
ALTER TABLE regress_results ADD COLUMN time_limit_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE regress_results ADD COLUMN wall_ms INTEGER NOT NULL DEFAULT 0;
CREATE INDEX regress_results_solution ON regress_results (solution, run);

-- migration 3

-- The language a submission was compiled as: 'c' (gcc -std=gnu17) or 'c++'
-- (g++ -std=gnu++20). Submissions from before C++ are C.
ALTER TABLE submissions ADD COLUMN lang TEXT NOT NULL DEFAULT 'c'
	CHECK (lang IN ('c', 'c++'));

-- migration 4

-- The name of the file that was submitted ("sum.c"), shown by history and
-- result; NULL for submissions made before it was kept.
ALTER TABLE submissions ADD COLUMN file_name TEXT;

-- migration 5

-- What a program wrote to stderr on a test: how much, and its start (at most
-- 200 bytes), for the feedback of 'judge result'.
ALTER TABLE results ADD COLUMN stderr TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN stderr_bytes INTEGER NOT NULL DEFAULT 0;

-- migration 6

-- Where a local test came from: 'stress' (a counterexample 'judge stress'
-- saved) or 'user' (added with 'judge cases add').
ALTER TABLE local_tests ADD COLUMN origin TEXT NOT NULL DEFAULT 'stress'
	CHECK (origin IN ('stress', 'user'));

-- migration 7

-- Noise-aware timing: a test's CPU time in microseconds (its median run's;
-- -1 for results stored before), every measurement in run order as
-- "VERDICT:MICROSECONDS" separated by spaces (one for a test far from the
-- limit, up to --repeat near it), and whether the runs disagreed on the
-- verdict.
ALTER TABLE results ADD COLUMN time_us INTEGER NOT NULL DEFAULT -1;
ALTER TABLE results ADD COLUMN runs TEXT NOT NULL DEFAULT '';
ALTER TABLE results ADD COLUMN unstable INTEGER NOT NULL DEFAULT 0;

-- migration 8

-- Problem packages (Kattis format) and the contracts programs follow. A
-- program's contract: 'judge' (ours), 'kattis' (exit 42/43, feedback
-- folder) or 'testlib'. checker = 'tokens' with checker_contract 'kattis'
-- is the Kattis default output validator, its flags in checker_args; a
-- custom checker with 'kattis' is an output validator run with checker_args.
-- package: the package's problem_format_version ('' for a native problem);
-- time_limit_from: how the time limit was derived; validation_*: the
-- output validator's limits (0: the judge's defaults); scoring: a scoring
-- problem (per-group results). tests.args: the test's own output validator
-- arguments (from testdata.yaml), tests.interaction: a sample's .interaction.
ALTER TABLE problems ADD COLUMN checker_contract TEXT NOT NULL DEFAULT 'judge'
	CHECK (checker_contract IN ('judge', 'kattis', 'testlib'));
ALTER TABLE problems ADD COLUMN validator_contract TEXT NOT NULL DEFAULT 'judge'
	CHECK (validator_contract IN ('judge', 'kattis', 'testlib'));
ALTER TABLE problems ADD COLUMN interactor_file TEXT;
ALTER TABLE problems ADD COLUMN interactor_source TEXT;
ALTER TABLE problems ADD COLUMN interactor_contract TEXT NOT NULL DEFAULT 'kattis'
	CHECK (interactor_contract IN ('judge', 'kattis', 'testlib'));
ALTER TABLE problems ADD COLUMN checker_args TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN package TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN time_limit_from TEXT NOT NULL DEFAULT '';
ALTER TABLE problems ADD COLUMN validation_time_ms INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN validation_memory_mb INTEGER NOT NULL DEFAULT 0;
ALTER TABLE problems ADD COLUMN scoring INTEGER NOT NULL DEFAULT 0;
ALTER TABLE tests ADD COLUMN args TEXT NOT NULL DEFAULT '';
ALTER TABLE tests ADD COLUMN interaction TEXT;
-- a scoring package: the score of the test's group (test_group.yaml), 0 none
ALTER TABLE tests ADD COLUMN score REAL NOT NULL DEFAULT 0;

-- migration 9

-- The contract of a problem's generator: 'judge' (gen SEED SIZE [MODE]) or
-- 'testlib' (free arguments, the lines of gen.list).
ALTER TABLE problems ADD COLUMN generator_contract TEXT NOT NULL DEFAULT 'judge'
	CHECK (generator_contract IN ('judge', 'testlib'));
