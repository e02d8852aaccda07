#!/bin/sh
# t1230: the PostgreSQL backend keeps up with the SQLite one. Every public
# db_* function of db/*.c dispatches to its dbpg_ side ("if (db->pg)")
# unless it is backend-independent (the list below: freeing, names,
# hashing, or built on dispatching ones); a new one without it would run
# SQLite code on a PostgreSQL handle. A database at schema version 3
# migrates with its rows kept and the new columns' defaults (an old result
# has no microseconds, an old local test is stress's). And a job graded by
# 'judge worker' stores what a local submit stores: the noise-aware timing
# (time_us, each run in 'runs') with the job's --repeat, read back by
# 'judge result'.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"

# ---- dispatch: a static check of the sources -------------------------------
INDEPENDENT=" db_open db_path db_is_uri db_schema_version db_checker_name db_checker_parse
db_contract_name db_contract_parse db_test_hash db_problem_release db_problem_list_free
db_problem_nearest db_test_write_files db_contest_release db_contest_list_free
db_contest_nearest db_participant_list_free db_contest_attempts_free
db_local_test_release db_local_test_list_free db_job_release db_job_list_free
db_worker_list_free db_regress_result_release db_regress_results_free
db_submission_release db_submission_list_free "
# the functions db.h declares, then each definition's body in db/*.c
grep -o 'db_[a-z0-9_]*(' "$ROOT/db/db.h" | tr -d '(' | sort -u > public
awk '/^[a-z].*[ *]db_[a-z0-9_]+\(/ && !/;$/ { if (match($0, /db_[a-z0-9_]+\(/)) {
		fn = substr($0, RSTART, RLENGTH - 1); body = ""; inb = 1; next } }
	inb { body = body $0 "\n"; if ($0 ~ /^}/) { inb = 0; print fn, (body ~ /db->pg/) } }' \
	$(ls "$ROOT"/db/*.c | grep -v '/pg[^/]*$') > defined
missing=
for f in $(cat public); do
	case "$INDEPENDENT" in *" $f "* | *"
$f "* | *" $f
"*) continue ;; esac
	line=$(grep "^$f " defined)
	if [ -z "$line" ]; then
		missing="$missing $f(not defined)"
	elif [ "${line#* }" != 1 ]; then
		missing="$missing $f"
	fi
done
equals "every public db_ function dispatches to PostgreSQL or is backend-independent" \
	"${missing# }" ""
check "the static check sees the functions (db_local_test_remove among them)" \
	grep -q '^db_local_test_remove 1$' defined

# ---- a worker stores the noise-aware timing ------------------------------
[ -x "$JUDGE" ] || skip "bin/judge is not built"
[ "$JUDGE_TEST_DB" = pg ] || {
	pg_start || skip "no PostgreSQL server here (make deps installs postgresql)"
	JUDGE_TEST_DB=pg
	PG_DBNAME=parity
	pg_createdb parity || skip "cannot create a database"
	export JUDGE_DB=$(pg_uri parity)
}
export JUDGE_CACHE="$SCRATCH/cache"

# ---- a database from before migration 4 keeps its rows, with the defaults ----
pg_createdb old || skip "cannot create a database"
sed '/^-- migration 4$/,$d' "$ROOT/db/schema-pg.sql" > old.sql
run "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PGDIR" -U "$PG_SUPER" -d old -f old.sql
equals "schema-pg.sql's migrations 1-3 load" "$RC" 0
pg_sql old "CREATE TABLE meta (key text PRIMARY KEY, value text NOT NULL);
INSERT INTO meta VALUES ('schema_version', '3');
INSERT INTO problems (id, title, folder, position, time_limit_ms, memory_limit_mb,
	stack_limit_mb, output_limit_kb, checker, statement, content_hash, updated_at)
	VALUES ('old', 'Old', 'problems/old', 0, 1000, 64, 64, 1024, 'tokens', '# Old', 'x', 0);
INSERT INTO tests (problem, ord, name, is_sample, input, answer, hash)
	VALUES ('old', 1, 'sample-1', true, '\\x310a', '\\x310a', 'h');
INSERT INTO submissions (problem, \"user\", source, source_hash, submitted_at, status,
	verdict, passed, total, time_ms) VALUES ('old', current_user, 'x', 'h', 0, 'done', 'AC', 1, 1, 7);
INSERT INTO results (submission, ord, name, verdict, time_ms) VALUES (1, 1, 'sample-1', 'AC', 7);
INSERT INTO local_tests (problem, \"user\", name, input, answer, created_at)
	VALUES ('old', current_user, 'local-1', '\\x320a', '\\x320a', 0)" > /dev/null
# no catalogue (a missing one is optional): nothing synced over the old rows
mkdir old && cd old
OLD="env JUDGE_DB=$(pg_uri old) JUDGE_CATALOG=$SCRATCH/old/none.toml $JUDGE"
run $OLD result 1 --json
equals "migrated: an old result reads back, no microseconds, no runs" \
	"$(printf '%s' "$OUT" | jq -c '[.verdict, .tests[0].time_ms, .tests[0].time_us, .tests[0].runs]')" '["AC",7,null,[]]'
equals "migrated: schema version 4 or later" "$(pg_sql old "SELECT value::int >= 4 FROM meta WHERE key = 'schema_version'")" t
equals "migrated: an old problem is native, its checker the judge's" \
	"$(pg_sql old "SELECT package || ':' || checker_contract || ':' || scoring FROM problems WHERE id = 'old'")" ":judge:false"
run $OLD cases list old --json
equals "migrated: the old local test is stress's" "$(printf '%s' "$OUT" | jq -c '[.cases[] | [.name, .origin]]')" '[["local-1","stress"]]'
run $OLD show old --json
equals "migrated: an old problem reads back" "$(printf '%s' "$OUT" | jq -r .id)" old
cd ..

. "$ROOT/tests/sum-fixture.sh"
sum_fixture
expect_exit 0 "import the catalogue" "$JUDGE" import

"$JUDGE" worker --name w1 > w1.log 2>&1 &
WPID=$!
trap 'kill -TERM $WPID 2>/dev/null; wait $WPID 2>/dev/null; cd /; pg_stop; rm -rf "$SCRATCH"' EXIT

run "$JUDGE" submit --queue sum ok.c --json
ok=$(printf '%s' "$OUT" | jq .submission)
equals "queued ok.c: AC" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
equals "queued: one run stored, its time the test's (not 0, not -1)" \
	"$(dbq "SELECT CASE WHEN runs = 'AC:' || time_us AND time_us > 0 THEN 1 ELSE 0 END FROM results WHERE submission = $ok")" 1
run "$JUDGE" submit --queue sum spin.c --repeat 1 --json
one=$(printf '%s' "$OUT" | jq .submission)
check "queued --repeat 1: a time-out measured once" \
	sh -c "printf '%s' \"\$1\" | grep -Eqx 'TLE:[0-9]+'" _ "$(dbq "SELECT runs FROM results WHERE submission = $one")"
run "$JUDGE" submit --queue sum spin.c --repeat 2 --json
two=$(printf '%s' "$OUT" | jq .submission)
check "queued --repeat 2: measured twice, as stored" \
	sh -c "printf '%s' \"\$1\" | grep -Eqx 'TLE:[0-9]+ TLE:[0-9]+'" _ "$(dbq "SELECT runs FROM results WHERE submission = $two")"
equals "time_us is the median (the faster of two) run's" \
	"$(dbq "SELECT time_us FROM results WHERE submission = $two")" \
	"$(dbq "SELECT runs FROM results WHERE submission = $two" | tr ' ' '\n' | cut -d: -f2 | sort -n | head -n 1)"
run "$JUDGE" result "$two" --json
equals "result --json reads the worker's runs back" \
	"$(printf '%s' "$OUT" | jq -c '[(.tests[0].runs | length), (.tests[0].time_us > 0)]')" '[2,true]'

# ---- regress --queue: the local run's margins and repeats, the role's jobs --------
# tight.c burns 130 ms of CPU (TLE at 100 ms, done under 2x: "tight: 1.3x");
# spin.c never ends (no flag)
mkdir -p solutions/sum/accepted solutions/sum/time_limit_exceeded
cp ok.c solutions/sum/accepted/ok.c
cp spin.c solutions/sum/time_limit_exceeded/spin.c
cat > solutions/sum/time_limit_exceeded/tight.c <<'C'
#include <stdio.h>
#include <time.h>
int main(void) {
	long long a, b; struct timespec t;
	do clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t); while (t.tv_sec * 1000 + t.tv_nsec / 1000000 < 130);
	if (scanf("%lld %lld", &a, &b) != 2) return 1;
	printf("%lld\n", a + b);
	return 0;
}
C
flags='[.solutions[] | [.solution, .got, (.flag // "" | sub("[0-9]\\.[0-9]x$"; "N"))]] | sort'
run "$JUDGE" regress --json
equals "local regress: exit 0" "$RC" 0
local_flags=$(printf '%s' "$OUT" | jq -c "$flags")
equals "local regress: tight.c is flagged" "$(printf '%s' "$OUT" | jq -r '.solutions[] | select(.solution == "sum/time_limit_exceeded/tight.c") | .flag')" "tight: 1.3x"
run "$JUDGE" regress --queue --repeat 2 --json
equals "regress --queue: exit 0" "$RC" 0
equals "regress --queue: the local verdicts and margin flags" "$(printf '%s' "$OUT" | jq -c "$flags")" "$local_flags"
equals "regress --queue: the worker's margin re-run found tight.c's 1.3x" \
	"$(printf '%s' "$OUT" | jq -r '.solutions[] | select(.solution == "sum/time_limit_exceeded/tight.c") | .flag')" "tight: 1.3x"
equals "regress --queue: only the TLE solutions asked for the re-run" \
	"$(dbq "SELECT string_agg(label || ':' || tight, ',' ORDER BY label) FROM jobs WHERE label IS NOT NULL")" \
	"sum/accepted/ok.c:false,sum/time_limit_exceeded/spin.c:true,sum/time_limit_exceeded/tight.c:true"
equals "regress --queue --repeat 2: spin.c measured twice (medians, as locally)" \
	"$(dbq "SELECT r.runs FROM results r JOIN jobs j ON j.submission = r.submission WHERE j.label = 'sum/time_limit_exceeded/spin.c'" | wc -w)" 2
equals "regress --queue: stored as the role that ran it, not 'regress'" \
	"$(dbq "SELECT string_agg(DISTINCT \"user\" || '/' || enqueued_by, ',') FROM jobs WHERE label IS NOT NULL")" "$PG_SUPER/$PG_SUPER"
run "$JUDGE" regress --queue --no-margins --json spin
equals "regress --queue --no-margins: no re-run asked" "$(dbq "SELECT tight FROM jobs ORDER BY id DESC LIMIT 1")" f
pg_sql parity "CREATE ROLE mallory LOGIN; GRANT INSERT, SELECT ON jobs TO mallory"
"$PG_BIN/psql" -X -q -At -h "$PGDIR" -U mallory -d parity -c \
	"INSERT INTO jobs (problem, \"user\", source, submitted_at, enqueued_by) VALUES ('sum', 'x', 'int main(void){return 0;}', 0, 'ana')" > forge.out 2>&1
equals "enqueued_by is the server's current_user, whatever the client writes" \
	"$(dbq "SELECT enqueued_by FROM jobs ORDER BY id DESC LIMIT 1")" mallory
forged=$(dbq "SELECT max(id) FROM jobs")
run "$JUDGE" queue --json --done 100
equals "judge queue --json shows who enqueued" \
	"$(printf '%s' "$OUT" | jq -r --argjson id "$forged" '.jobs[] | select(.id == $id) | .enqueued_by')" mallory
finish
