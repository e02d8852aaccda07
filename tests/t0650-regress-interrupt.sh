#!/bin/sh
# t0650: Ctrl-C during 'judge regress': the running solutions are killed at
# once, the workers' sandboxes are closed, nothing is stored, exit 3; then
# the next run works (the compile cache was not poisoned).
# run-all: alone
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs

# A slow problem: 20 s limit, a sleeper (wall limit 41 s) and a spinner.
mkdir -p problems/slow
cp -r problems/sum/tests problems/sum/statement.md problems/slow/
cat >> problems.toml <<'TOML'

[[problem]]
id = "slow"
title = "Slow"
time_limit_ms = 20000
memory_limit_mb = 64
checker = "tokens"
TOML
mkdir -p solutions/slow/time_limit_exceeded
printf '#include <unistd.h>\nint main(void) { for (;;) sleep(100); }\n' > solutions/slow/time_limit_exceeded/sleep.c
cp solutions/sum/time_limit_exceeded/spin.c solutions/slow/time_limit_exceeded/spin.c

# The processes under PID (the sandbox's waiter, box and run processes).
under() { for k in $(pgrep -P "$1"); do echo "$k"; under "$k"; done; }
# Those that run a binary of the compile cache: the solutions.
runs_of() {
	for k in $(under "$1"); do
		case "$(readlink "/proc/$k/exe" 2>/dev/null)" in "$JUDGE_CACHE"/*) echo "$k" ;; esac
	done
}

"$JUDGE" regress -j 2 '^slow/' >out.txt 2>err.txt &
pid=$!
kids=""
i=0
while [ $i -lt 300 ]; do   # up to 30 s for both compiles and both runs to start
	kids=$(runs_of $pid)
	[ "$(echo $kids | wc -w)" -ge 2 ] && break
	sleep 0.1
	i=$((i + 1))
done
equals "two solutions running in the sandbox" "$(echo $kids | wc -w)" "2"
uids=""
for k in $kids; do uids="$uids $(stat -c %u /proc/$k)"; done
kill -INT $pid
i=0
while kill -0 $pid 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
if kill -0 $pid 2>/dev/null; then
	fail "the judge still runs 30 s after SIGINT (the runs were not killed)"
	kill -9 $pid
fi
wait $pid
equals "exit code 3" "$?" "3"
contains "says it was interrupted" "$(cat err.txt)" "judge: error: interrupted after 0 of 2 solutions; nothing was stored"
equals "no table" "$(cat out.txt)" ""
for k in $kids; do
	check "run $k is gone" sh -c "! readlink /proc/$k/exe 2>/dev/null | grep -q '^$JUDGE_CACHE/'"
done
# As root each run had a worker uid of its own: nothing of it may be left.
# As a normal user the runs had this user's uid: the checks above by
# process are what can be told.
if is_root; then
	for u in $uids; do
		check "no process of sandbox uid $u" sh -c "! pgrep -u $u >/dev/null"
	done
	box=/tmp/judge-box
else
	box=/tmp/judge-box-$(id -u)
fi
check "no box left" sh -c "! ls -d $box/*-$pid $box/*-$pid-* 2>/dev/null | grep -q ."
check "no cgroup left" sh -c "! ls -d /sys/fs/cgroup/*/judge/*-$pid /sys/fs/cgroup/*/judge/*-$pid-* 2>/dev/null | grep -q ."
check "no checker scratch left" sh -c "! ls /tmp/judge-check-* 2>/dev/null | xargs -r grep -l . 2>/dev/null | grep -q ."
equals "no run stored" "$(sq 'SELECT count(*) FROM regress_runs')" "0"
equals "no result stored" "$(sq 'SELECT count(*) FROM regress_results')" "0"
equals "no submission stored" "$(sq 'SELECT count(*) FROM submissions')" "0"
check "no compile error cached" sh -c "! ls '$JUDGE_CACHE' | grep -q '\.ce$'"

expect_exit 0 "the next run works" "$JUDGE" regress '^sum/'
contains "all four" "$OUT" "4 solutions: 4 matched, 0 mismatched"
finish
