#!/bin/sh
# t1210: the job queue on PostgreSQL: 'judge worker', 'judge submit --queue'
# and 'judge queue', and the faults it must survive: a worker killed with
# -9 mid-job (claimed again after its lease, graded once), 3 workers and 8
# concurrent submitters (each judged exactly once), a waiting client
# interrupted (its job still completes; 'judge result' shows it), and the
# server stopped for 10 s while jobs run (workers and clients reconnect,
# nothing lost or duplicated). A worker's caches: a second job on a problem
# fetches no test data, a changed test is fetched again. Leases are short
# here (JUDGE_QUEUE_LEASE_MS).
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"

[ -x "$JUDGE" ] || skip "bin/judge is not built"
need_root # per-slot sandbox uids for several workers at once
[ "$JUDGE_TEST_DB" = pg ] || {
	pg_start || skip "no PostgreSQL server here (make deps installs postgresql)"
	JUDGE_TEST_DB=pg
	PG_DBNAME=queue
	pg_createdb queue || skip "cannot create a database"
	export JUDGE_DB=$(pg_uri queue)
}
export JUDGE_QUEUE_LEASE_MS=1500

mkdir -p problems/sum/tests
echo "# sum" > problems/sum/statement.md
cat > problems.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
time_limit_ms = 1000
memory_limit_mb = 64
checker = "exact"
TOML
i=1
for t in "1 2:3" "10 20:30" "-5 3:-2"; do
	printf '%s\n' "${t%%:*}" > problems/sum/tests/t$i.in
	printf '%s\n' "${t##*:}" > problems/sum/tests/t$i.ans
	i=$((i + 1))
done
cat > ok.c <<'EOF'
#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\n", a + b); return 0; }
EOF
cat > wa.c <<'EOF'
#include <stdio.h>
int main(void) { long long a, b; scanf("%lld %lld", &a, &b); printf("%lld\n", a * b); return 0; }
EOF
# sleeps 0.4 s a test (no CPU time): a job long enough to be caught mid-way
cat > slow.c <<'EOF'
#include <stdio.h>
#include <unistd.h>
int main(void) { long long a, b; usleep(400000); scanf("%lld %lld", &a, &b); printf("%lld\n", a + b); return 0; }
EOF
expect_exit 0 "import the catalogue" "$JUDGE" import

PIDS=
worker() { # NAME [ARGS]: start a worker in the background, its log in NAME.log
	_n=$1; shift
	"$JUDGE" worker --name "$_n" "$@" > "$_n.log" 2>&1 &
	PIDS="$PIDS $!"
	LAST=$!
}
stop_workers() {
	for _p in $PIDS; do kill -TERM "$_p" 2>/dev/null; done
	for _p in $PIDS; do wait "$_p" 2>/dev/null; done
	PIDS=
}
trap 'stop_workers; cd /; pg_stop; rm -rf "$SCRATCH"' EXIT

# job_field ID FIELD: a field of job ID in 'judge queue --json'
job_field() {
	"$JUDGE" queue --json --done 1000 2>/dev/null |
		jq -r --argjson id "$1" ".jobs[] | select(.id == \$id) | .$2"
}
# wait_status ID STATUS: until job ID has STATUS (a guard of 90 s, no timing)
wait_status() {
	_n=0
	while [ "$(job_field "$1" status)" != "$2" ] && [ $_n -lt 450 ]; do
		sleep 0.2; _n=$((_n + 1))
	done
	[ "$(job_field "$1" status)" = "$2" ]
}
last_job() { dbq "SELECT max(id) FROM jobs"; }

# ---- the same result as a local run ------------------------------------------
worker w1
for s in ok wa; do
	run "$JUDGE" submit sum $s.c --json
	local_rc=$RC
	local_sum=$(printf '%s' "$OUT" | jq -c '[.verdict, .passed, .total, [.tests[] | [.name, .verdict]], .skipped]')
	run "$JUDGE" submit --queue sum $s.c --json
	equals "$s: the queue's exit code is the local one" "$RC" "$local_rc"
	equals "$s: the queue's verdicts are the local ones" \
		"$(printf '%s' "$OUT" | jq -c '[.verdict, .passed, .total, [.tests[] | [.name, .verdict]], .skipped]')" "$local_sum"
	contains "$s: the client says it queued" "$ERR" "judge: queued as job"
done
run "$JUDGE" submit --queue sum wa.c
equals "table: exit 1" "$RC" 1
check "table: the failing row" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1  t1 +WA '" _ "$OUT"
check "table: the skipped rows" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +3  t3 +skipped'" _ "$OUT"
contains "table: the summary" "$OUT" "sum: WA on test t1 (0/3 passed)"
sub=$(job_field "$(last_job)" submission)
run "$JUDGE" result "$sub"
equals "judge result shows the queued submission" "$RC" 0
contains "judge result: its verdict" "$OUT" "WA"
# regress --queue: the same verdicts, table and exit code as a local run
mkdir -p solutions/sum/accepted solutions/sum/wrong_answer solutions/sum/runtime_error
cp ok.c solutions/sum/accepted/ok.c
cp wa.c solutions/sum/wrong_answer/mul.c
cp wa.c solutions/sum/runtime_error/not-really.c
run "$JUDGE" regress --json
local_rc=$RC
local_sum=$(printf '%s' "$OUT" | jq -c '[.solutions[] | [.solution, .expected, .got, .match]] | sort')
run "$JUDGE" regress --queue --json
equals "regress --queue: the local exit code" "$RC" "$local_rc"
equals "regress --queue: the local verdicts" \
	"$(printf '%s' "$OUT" | jq -c '[.solutions[] | [.solution, .expected, .got, .match]] | sort')" "$local_sum"
run "$JUDGE" regress --queue accepted
equals "regress --queue accepted: exit 0" "$RC" 0
contains "regress --queue: the summary" "$OUT" "1 solution: 1 matched, 0 mismatched"
equals "regress --queue: every job labelled with its solution" \
	"$(dbq "SELECT count(*) FROM jobs WHERE label = 'sum/accepted/ok.c'")" 2

run "$JUDGE" queue
contains "queue: the worker and its heartbeat" "$OUT" "w1"
contains "queue: finished jobs" "$OUT" "done"
run "$JUDGE" queue --json
equals "queue --json: the worker's jobs" "$(printf '%s' "$OUT" | jq '.workers[] | select(.name == "w1") | .jobs_done')" 7
stop_workers
check "SIGTERM: the worker stopped and says so" grep -q "w1: stopped" w1.log
equals "SIGTERM: its state is 'stopped'" "$("$JUDGE" queue --json | jq -r '.workers[] | select(.name == "w1") | .state')" stopped

# ---- bad usage ------------------------------------------------------------------
expect_exit 2 "--queue on an SQLite database: exit 2" env JUDGE_DB="$SCRATCH/x.db" "$JUDGE" submit --queue sum ok.c
contains "--queue on SQLite: says why" "$ERR" "needs a PostgreSQL database"
expect_exit 2 "worker on an SQLite database: exit 2" env JUDGE_DB="$SCRATCH/x.db" "$JUDGE" worker
expect_exit 3 "a server that is not there: exit 3" env JUDGE_DB="postgresql:///queue?host=$SCRATCH" "$JUDGE" list
check "a server that is not there: one line" test "$(printf '%s\n' "$ERR" | wc -l)" -eq 1
contains "a server that is not there: says which" "$ERR" "judge: error: cannot open the database 'postgresql:///queue"

# ---- a worker's caches: test data by content hash, binaries by source ---------
# the worker log's "test data: N fetched, M cached" counts the tests whose
# bytes came from the database; the folder holds one file per hash
JUDGE_CACHE="$SCRATCH/wcache" worker cw
run "$JUDGE" submit --queue sum ok.c --json
job1=$(last_job)
equals "cache: the first job compiles" "$(printf '%s' "$OUT" | jq .compile.cached)" false
run "$JUDGE" submit --queue sum ok.c --json
job2=$(last_job)
equals "cache: the second job's binary comes from the worker's compile cache" \
	"$(printf '%s' "$OUT" | jq -c '[.verdict, .compile.cached]')" '["AC",true]'
check "cache: the first job fetches every test's data" grep -q "job $job1: AC.*test data: 3 fetched, 0 cached" cw.log
check "cache: the second job on the problem fetches none" grep -q "job $job2: AC.*test data: 0 fetched, 3 cached" cw.log
equals "cache: one file per test, named by its content hash" \
	"$(ls wcache/tests | sort | tr '\n' ' ')" "$(dbq "SELECT hash FROM tests WHERE problem = 'sum' ORDER BY hash" | tr '\n' ' ')"
equals "cache: hidden from the machine's other users" "$(stat -c %a wcache/tests/* | sort -u)" 600
printf '10 21\n' > problems/sum/tests/t2.in; printf '31\n' > problems/sum/tests/t2.ans
run "$JUDGE" submit --queue sum ok.c --json
job3=$(last_job)
equals "cache: a changed test still gives AC" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
check "cache: a changed test (new hash) is fetched again, only it" grep -q "job $job3: AC.*test data: 1 fetched, 2 cached" cw.log
check "cache: its new hash is there" test -f "wcache/tests/$(dbq "SELECT hash FROM tests WHERE problem = 'sum' AND name = 't2'")"
h1=$(dbq "SELECT hash FROM tests WHERE problem = 'sum' AND name = 't1'")
printf '1:x1:y' > "wcache/tests/$h1"   # a damaged entry: not the listed sizes
run "$JUDGE" submit --queue sum ok.c --json
job4=$(last_job)
equals "cache: a damaged entry is not used" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
check "cache: it is fetched again" grep -q "job $job4: AC.*test data: 1 fetched, 2 cached" cw.log
equals "cache: and stored whole" "$(stat -c %s "wcache/tests/$h1")" \
	"$(dbq "SELECT length(length(input)::text) + length(input) + length(length(answer)::text) + length(answer) + 2 FROM tests WHERE hash = '$h1'")"
stop_workers

# ---- an interrupted client: the job completes, judge result shows it -----------
"$JUDGE" submit --queue sum ok.c > int.out 2> int.err &
client=$!
n=0; while ! grep -q "queued as job" int.err && [ $n -lt 300 ]; do sleep 0.1; n=$((n + 1)); done
kill -INT $client; wait $client
equals "interrupted client: exit 3" "$?" 3
contains "interrupted client: the job goes on" "$(cat int.err)" "is still queued and will be graded"
job=$(last_job)
equals "interrupted client: the job is still queued" "$(job_field "$job" status)" queued
worker w2 --idle-exit 30
check "interrupted client: a worker grades it later" wait_status "$job" done
expect_exit 0 "interrupted client: judge result shows it" "$JUDGE" result "$(job_field "$job" submission)"
stop_workers

# ---- kill -9 mid-job: claimed again after the lease, graded once ---------------
worker k1
"$JUDGE" submit --queue sum slow.c --json > kill.out 2>kill.err &
client=$!
n=0; while [ -z "$(dbq "SELECT id FROM jobs WHERE status = 'running' AND worker = 'k1'")" ] && [ $n -lt 300 ]; do
	sleep 0.1; n=$((n + 1)); done
job=$(last_job)
kill -KILL $LAST
wait $LAST 2>/dev/null
PIDS=
equals "kill -9: the job was running when its worker died" "$(job_field "$job" status)" running
worker k2
wait $client
equals "kill -9: the waiting client gets AC" "$(jq -r .verdict kill.out 2>/dev/null)" AC
equals "kill -9: claimed twice" "$(job_field "$job" claims)" 2
equals "kill -9: graded by the second worker" "$(job_field "$job" worker)" k2
equals "kill -9: one submission stored for it" "$(dbq "SELECT count(*) FROM submissions s JOIN jobs j ON j.submission = s.id WHERE j.id = $job")|$(dbq "SELECT count(*) FROM submissions WHERE source = (SELECT source FROM jobs WHERE id = $job)")" "1|1"
stop_workers

# ---- SIGTERM mid-job: the job is finished and stored, then the worker stops ----
worker t1
"$JUDGE" submit --queue sum slow.c --json > term.out 2>term.err &
client=$!
n=0; while [ -z "$(dbq "SELECT id FROM jobs WHERE status = 'running' AND worker = 't1'")" ] && [ $n -lt 300 ]; do
	sleep 0.1; n=$((n + 1)); done
job=$(last_job)
kill -TERM $LAST
wait $LAST
equals "SIGTERM mid-job: the worker exits 0" "$?" 0
PIDS=
equals "SIGTERM mid-job: the job was finished first" "$(job_field "$job" status)|$(job_field "$job" claims)" "done|1"
wait $client
equals "SIGTERM mid-job: the client gets its AC" "$(jq -r .verdict term.out 2>/dev/null)" AC
check "SIGTERM mid-job: stored before 'stopped'" sh -c "grep -n 'job $job: AC' t1.log | cut -d: -f1 | { read a; b=\$(grep -n 'stopped' t1.log | cut -d: -f1); [ \"\$a\" -lt \"\$b\" ]; }"

# ---- 3 workers, 8 concurrent submitters: each judged exactly once --------------
before=$(dbq "SELECT count(*) FROM submissions")
worker c1; worker c2; worker c3
cpids=
for u in u1 u2 u3 u4 u5 u6 u7 u8; do
	"$JUDGE" submit --queue --user "$u" sum ok.c --json > "$u.json" 2>"$u.err" &
	cpids="$cpids $!"
done
bad=0
for p in $cpids; do wait "$p" || bad=$((bad + 1)); done
equals "8 submitters: every client exits 0" "$bad" 0
equals "8 submitters: every client got AC" "$(cat u?.json | jq -r .verdict | sort | uniq -c | tr -s ' ')" " 8 AC"
equals "8 submitters: 8 submissions stored" "$(($(dbq "SELECT count(*) FROM submissions") - before))" 8
equals "8 submitters: one per user" "$(dbq "SELECT count(DISTINCT \"user\") FROM submissions WHERE \"user\" LIKE 'u_'")" 8
equals "8 submitters: every job done with its own submission" \
	"$(dbq "SELECT count(*), count(DISTINCT submission) FROM jobs WHERE \"user\" LIKE 'u_' AND status = 'done'")" "8|8"
equals "8 submitters: each client shows its own submission" \
	"$(cat u?.json | jq .submission | sort -u | wc -l)" 8
check "8 submitters: more than one worker graded" test "$(dbq "SELECT count(DISTINCT worker) FROM jobs WHERE \"user\" LIKE 'u_'")" -ge 2
stop_workers

# ---- the server away for 10 s while jobs run --------------------------------
before=$(dbq "SELECT count(*) FROM submissions")
worker p1 -j 2
cpids=
for u in p1 p2 p3 p4; do
	"$JUDGE" submit --queue --user "$u" sum slow.c --json > "$u.json" 2>"$u.err" &
	cpids="$cpids $!"
done
n=0; while [ "$(dbq "SELECT count(*) FROM jobs WHERE status = 'running'")" -lt 1 ] && [ $n -lt 300 ]; do
	sleep 0.1; n=$((n + 1)); done
pg_pause
sleep 10
pg_resume
bad=0
for p in $cpids; do wait "$p" || bad=$((bad + 1)); done
equals "server away: every client exits 0" "$bad" 0
equals "server away: every client got AC" "$(cat p?.json | jq -r .verdict 2>/dev/null | sort | uniq -c | tr -s ' ')" " 4 AC"
equals "server away: 4 submissions stored, none twice" "$(($(dbq "SELECT count(*) FROM submissions") - before))" 4
equals "server away: every job done once" \
	"$(dbq "SELECT count(*), count(DISTINCT submission) FROM jobs WHERE \"user\" LIKE 'p_' AND status = 'done'")" "4|4"
check "server away: the worker reconnected" grep -q "reconnected\|went away" p1.log
stop_workers

finish
