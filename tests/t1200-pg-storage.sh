#!/bin/sh
# t1200: the storage tests again, on PostgreSQL. One private cluster
# (tests/pg.sh) serves them all; each script gets a fresh database of its
# own through JUDGE_TEST_DB=pg (tests/lib.sh) and must pass as it does on
# SQLite. Its counts are added to this script's, a failing one's output shown.
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"

[ -x "$JUDGE" ] || skip "bin/judge is not built"
pg_have || skip "no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (make deps installs postgresql)"
pg_start || skip "cannot start a private PostgreSQL cluster"

# catalogue sync, list and show; submit, history, result and interrupted
# submissions; regress and its stored runs; contests made with the CLI
# and from the catalogue, and their scoreboard; local test cases (origin,
# removal: t0930); a Kattis package's contracts, validator arguments and
# scoring groups (t1000)
# (t1210, t1220 and t1230 add the queue, roles, shared contests and the
# worker's timing runs).
SCRIPTS="t0120 t0430 t0600 t0700 t0720 t0930 t1000"

for t in $SCRIPTS; do
	script=$(ls "$ROOT"/tests/"$t"-*.sh 2>/dev/null | head -n 1)
	[ -n "$script" ] || { fail "$t: no such script"; continue; }
	start=$(date +%s)
	JUDGE_TEST_DB=pg JUDGE_TEST_PGDIR=$PGDIR sh "$script" >"$SCRATCH/$t.log" 2>&1
	rc=$?
	echo "  $t on PostgreSQL: $(($(date +%s) - start)) s"
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$SCRATCH/$t.log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p')
	s=$(echo "$line" | sed -n 's/.*failed, \([0-9]*\) skipped.*/\1/p')
	PASSED=$((PASSED + ${p:-0}))
	SKIPPED=$((SKIPPED + ${s:-0}))
	if [ -z "$line" ] || [ "$rc" -ne 0 ] || [ "${f:-1}" -ne 0 ]; then
		fail "$(basename "$script" .sh) on PostgreSQL: exit $rc, ${line:-no summary}" \
			"$(grep -E 'FAIL|error' "$SCRATCH/$t.log" | head -n 20)"
	fi
	grep '^skip:' "$SCRATCH/$t.log" | sed "s/^/  ($t) /"
done

# the databases really were PostgreSQL's: one per script, with submissions
n=$(pg_sql postgres "SELECT count(*) FROM pg_database WHERE datname ~ '^t[0-9]{4}_'")
equals "one database per script in the cluster" "$n" "$(echo $SCRIPTS | wc -w)"

finish
