#!/bin/sh
# t1220: who may see what on a shared PostgreSQL database (contrib/
# pg-roles.sql): the user is the database role, not --user; a participant
# reads and writes only their own submissions, results, jobs and sources,
# through every command and through plain SQL; a shared contest's
# submissions go through the queue to a worker of the judge_worker role,
# and its scoreboard shows everyone's results but nobody's source. The
# contest window is the server's: a participant's client with a wrong clock,
# or plain SQL, can neither submit outside it nor move a time.
. "$(dirname "$0")/lib.sh"

[ -x "$JUDGE" ] || skip "bin/judge is not built"
need_root # a local practice submission and a worker in the sandbox
pg_start || skip "no PostgreSQL server here (make deps installs postgresql)"
JUDGE_TEST_DB=pg
PG_DBNAME=judge
pg_createdb judge || skip "cannot create a database"
export JUDGE_DB=$(pg_uri judge)   # the owner: the admin here
export JUDGE_QUEUE_LEASE_MS=5000

mkdir -p problems/sum/tests
echo "# sum" > problems/sum/statement.md
printf '1 2\n' > problems/sum/tests/t1.in; printf '3\n' > problems/sum/tests/t1.ans
printf '5 -7\n' > problems/sum/tests/t2.in; printf -- '-2\n' > problems/sum/tests/t2.ans
cat > problems.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "tokens"

[[contest]]
id = "cup"
title = "Cup"
problems = ["sum"]
duration_minutes = 600
TOML
cat > ok.c <<'EOF'
#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\n", a + b); return 0; }
EOF
cat > wa.c <<'EOF'
#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\n", a - b); return 0; }
EOF
expect_exit 0 "the admin imports the catalogue" "$JUDGE" import
run "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U "$PG_SUPER" -d judge -f "$ROOT/contrib/pg-roles.sql"
equals "contrib/pg-roles.sql runs" "$RC" 0
run "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U "$PG_SUPER" -d judge -f "$ROOT/contrib/pg-roles.sql"
equals "contrib/pg-roles.sql runs again (idempotent)" "$RC" 0
pg_sql judge "CREATE ROLE ana LOGIN IN ROLE judge_participant;
	CREATE ROLE bob LOGIN IN ROLE judge_participant;
	CREATE ROLE box LOGIN IN ROLE judge_worker"

ANA="env JUDGE_DB=$(pg_uri judge ana) $JUDGE"
BOB="env JUDGE_DB=$(pg_uri judge bob) $JUDGE"
as_sql() { "$PG_BIN/psql" -X -q -At -h "$PGDIR" -U "$1" -d judge -c "$2" 2>&1; }

JUDGE_DB=$(pg_uri judge box) "$JUDGE" worker --name box > box.log 2>&1 &
WPID=$!
trap 'kill -TERM $WPID 2>/dev/null; wait $WPID; cd /; pg_stop; rm -rf "$SCRATCH"' EXIT

# ---- the user is the role --------------------------------------------------------
expect_exit 0 "ana lists the catalogue (no sync: her role cannot write it)" $ANA list
contains "ana sees the problem" "$OUT" "sum"
run $ANA submit sum ok.c --json
equals "ana's practice submission, graded here: exit 0" "$RC" 0
ana_local=$(printf '%s' "$OUT" | jq .submission)
run $ANA submit --queue sum ok.c --json
equals "ana's queued submission: exit 0" "$RC" 0
ana_queued=$(printf '%s' "$OUT" | jq .submission)
equals "stored as ana, the role" "$(dbq "SELECT string_agg(DISTINCT \"user\", ',') FROM submissions")" ana
expect_exit 2 "ana cannot submit as bob (--user)" $ANA submit --user bob sum ok.c
contains "the role decides" "$ERR" "you are the database role you connect as; --user 'bob'"
expect_exit 2 "nor start a contest as bob" $ANA contest start cup --user bob

# ---- bob sees none of it, through every command ---------------------------------
run $BOB history --json
equals "bob's history is empty" "$(printf '%s' "$OUT" | jq length)" 0
expect_exit 2 "bob cannot read ana's submission (judge result)" $BOB result "$ana_local"
contains "as if it did not exist" "$ERR" "unknown submission $ana_local"
expect_exit 2 "nor her queued one" $BOB result "$ana_queued"
run $BOB queue --json
equals "bob's queue shows none of ana's jobs" "$(printf '%s' "$OUT" | jq '[.jobs[] | select(.user == "ana")] | length')" 0
run $ANA history --json
equals "ana's history has both of hers" "$(printf '%s' "$OUT" | jq length)" 2
expect_exit 0 "ana reads her own result" $ANA result "$ana_local"

# ---- and none of it through SQL -----------------------------------------------
equals "SQL: bob reads no submission" "$(as_sql bob "SELECT count(*) FROM submissions")" 0
equals "SQL: bob reads no source in the queue" "$(as_sql bob "SELECT count(*) FROM jobs")" 0
equals "SQL: bob reads no result" "$(as_sql bob "SELECT count(*) FROM results")" 0
contains "SQL: bob cannot store a submission as ana" \
	"$(as_sql bob "INSERT INTO submissions (problem, \"user\", source, source_hash, submitted_at) VALUES ('sum', 'ana', 'x', 'h', 0)")" \
	"row-level security"
contains "SQL: bob cannot queue a job as ana" \
	"$(as_sql bob "INSERT INTO jobs (problem, \"user\", source, submitted_at) VALUES ('sum', 'ana', 'x', 0)")" \
	"row-level security"
contains "SQL: bob cannot write the catalogue" \
	"$(as_sql bob "UPDATE problems SET title = 'x'")" "permission denied"
contains "SQL: bob cannot store a contest result himself" \
	"$(as_sql bob "INSERT INTO submissions (problem, \"user\", source, source_hash, submitted_at, contest, letter) VALUES ('sum', 'bob', 'x', 'h', 0, 'cup', 'A')")" \
	"row-level security"
equals "SQL: the worker's role reads everything" "$(as_sql box "SELECT count(*) FROM submissions")" 2

# ---- local tests ('judge cases') and the timing columns, each their own -----------
printf '2 2\n' > in1; printf '4\n' > ans1
expect_exit 0 "ana adds a local case" $ANA cases add sum in1 ans1
run $ANA cases list sum --json
equals "ana's case: hers, origin user" "$(printf '%s' "$OUT" | jq -c '[.user, [.cases[] | [.name, .origin]]]')" '["ana",[["local-1","user"]]]'
run $BOB cases list sum --json
equals "bob's list has none of ana's cases" "$(printf '%s' "$OUT" | jq '.cases | length')" 0
equals "SQL: bob reads no local test" "$(as_sql bob "SELECT count(*) FROM local_tests")" 0
expect_exit 2 "bob cannot remove ana's case" $BOB cases rm sum local-1
equals "SQL: ana's case is still there, origin user" "$(dbq "SELECT \"user\" || ':' || origin FROM local_tests")" "ana:user"
equals "SQL: ana reads her results' timing (time_us, runs)" \
	"$(as_sql ana "SELECT count(*) FROM results WHERE time_us > 0 AND runs <> ''")" 4
equals "SQL: bob reads none of it" "$(as_sql bob "SELECT count(*) FROM results WHERE runs <> ''")" 0
expect_exit 0 "ana removes her case" $ANA cases rm sum local-1
equals "SQL: gone" "$(dbq "SELECT count(*) FROM local_tests")" 0

# ---- a shared contest: through the queue, one scoreboard ---------------------------
expect_exit 0 "ana starts the contest" $ANA contest start cup
expect_exit 0 "bob starts the contest" $BOB contest start cup
run $ANA contest submit cup A ok.c
equals "ana's contest submission: AC through the queue" "$RC" 0
contains "it went to the queue" "$ERR" "queued as job"
run $BOB contest submit cup A wa.c
equals "bob's contest submission: WA" "$RC" 1
run $BOB contest scoreboard cup --json
equals "bob's scoreboard shows ana's result" \
	"$(printf '%s' "$OUT" | jq -c '.rows[] | select(.user == "ana") | [.solved, .problems[0].attempts]')" "[1,1]"
equals "and his own" \
	"$(printf '%s' "$OUT" | jq -c '.rows[] | select(.user == "bob") | [.solved, .problems[0].attempts]')" "[0,1]"
run $ANA contest scoreboard cup --json
equals "ana's scoreboard is the same board" \
	"$(printf '%s' "$OUT" | jq -c '[.rows[] | [.user, .solved]]')" '[["ana",1],["bob",0]]'
equals "SQL: the scoreboard's view has no source" \
	"$(as_sql bob "SELECT count(*) FROM information_schema.columns WHERE table_name = 'contest_attempts' AND column_name = 'source'")" 0
equals "SQL: bob sees ana's contest attempt there, not her source" \
	"$(as_sql bob "SELECT \"user\" || ':' || verdict FROM contest_attempts WHERE \"user\" = 'ana'")|$(as_sql bob "SELECT count(*) FROM submissions WHERE \"user\" = 'ana'")" "ana:AC|0"

# ---- the window by the server's clock: a wrong clock or plain SQL cannot move it ----
pg_sql judge "CREATE ROLE cal LOGIN IN ROLE judge_participant;
	CREATE ROLE dee LOGIN IN ROLE judge_participant"
now=$(dbq "SELECT floor(extract(epoch FROM now()))::bigint")
# cal's window (600 minutes) opened a day ago: the admin recorded it
pg_sql judge "INSERT INTO participants (contest, \"user\", started_at) VALUES ('cup', 'cal', $now - 86400)"
inside=$(date -u -d "@$((now - 86400 + 60))" +%Y-%m-%dT%H:%M:%SZ)
jobs_before=$(dbq "SELECT count(*) FROM jobs")
run env JUDGE_NOW="$inside" JUDGE_DB="$(pg_uri judge cal)" "$JUDGE" contest submit cup A ok.c
equals "a client whose clock says the window is open: refused, exit 2" "$RC" 2
contains "the server's clock decides" "$ERR" "judge: error: contest 'cup' is closed for 'cal' by the server's clock"
equals "nothing was queued" "$(dbq "SELECT count(*) FROM jobs")" "$jobs_before"
contains "SQL: cal cannot queue a contest job outside his window" \
	"$(as_sql cal "INSERT INTO jobs (problem, \"user\", source, submitted_at, contest, letter) VALUES ('sum', 'cal', 'x', $now - 86000, 'cup', 'A')")" \
	"is closed for 'cal'"
contains "SQL: nor dee, who never started it" \
	"$(as_sql dee "INSERT INTO jobs (problem, \"user\", source, submitted_at, contest, letter) VALUES ('sum', 'dee', 'x', $now, 'cup', 'A')")" \
	"'dee' has not started contest 'cup'"
contains "SQL: nor ana under a letter that is not the problem's" \
	"$(as_sql ana "INSERT INTO jobs (problem, \"user\", source, submitted_at, contest, letter) VALUES ('sum', 'ana', 'x', $now, 'cup', 'B')")" \
	"problem 'sum' is not letter B of contest 'cup'"
as_sql ana "INSERT INTO jobs (problem, \"user\", source, submitted_at, contest, letter) VALUES ('sum', 'ana', 'int main(void){return 0;}', 0, 'cup', 'A')" >/dev/null
equals "SQL: ana's job inside her window is queued, at the server's time, not hers" \
	"$(dbq "SELECT \"user\", submitted_at >= $now FROM jobs ORDER BY id DESC LIMIT 1")" "ana|t"
contains "SQL: ana cannot move a queued job's time" \
	"$(as_sql ana "UPDATE jobs SET submitted_at = 0 WHERE \"user\" = 'ana'")" "permission denied"
as_sql dee "INSERT INTO participants (contest, \"user\", started_at) VALUES ('cup', 'dee', 0)" >/dev/null
equals "SQL: dee's start is the server's time, not the one she wrote" \
	"$(dbq "SELECT started_at >= $now FROM participants WHERE \"user\" = 'dee'")" t
pg_sql judge "CREATE ROLE eve LOGIN IN ROLE judge_participant"
run env JUDGE_NOW=2020-01-01T00:00:00Z JUDGE_DB="$(pg_uri judge eve)" "$JUDGE" contest start cup
equals "a client starting with a wrong clock: exit 0" "$RC" 0
check "it is told the server's start time, not its own" sh -c "! printf '%s' \"\$1\" | grep -q 2020-01-01" _ "$OUT"
equals "and that is the one stored" "$(dbq "SELECT started_at >= $now FROM participants WHERE \"user\" = 'eve'")" t

finish
