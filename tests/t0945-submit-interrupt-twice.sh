#!/bin/sh
# t0945: Ctrl-C at a terminal reaches the judge's whole process group. The
# sandbox is not in it, so the first one lets the test finish (no "the
# sandbox failed") and the second cuts the run short; both record the
# submission as IE "interrupted" (exit 3), never a sandbox failure, and
# leave no run behind. The signals go to the group, as a terminal's do.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
command -v setsid >/dev/null || skip "no setsid"
grade_fixtures
problem slow exact 'stack_limit_mb = 8'
sed -i 's/^time_limit_ms = 1000$/time_limit_ms = 20000/' problems.toml
sed -n '/id = "slow"/,$p' problems.toml | grep -q 'time_limit_ms = 20000' || fail "slow: 20 s limit"
tcase slow sample-1 '1\n' '1\n'
tcase slow t01 '1\n' '1\n'
prog spin 'int main(void) { volatile unsigned long x = 0; for (;;) x++; }'
prog nap '#include <stdio.h>
#include <unistd.h>
int main(void) { sleep(2); puts("1"); return 0; }'
sq() { sqlite3 "$JUDGE_DB" "$1"; }
expect_exit 0 "import" "$JUDGE" import

# The processes under PID; those running a binary of the compile cache.
under() { for k in $(pgrep -P "$1"); do echo "$k"; under "$k"; done; }
runs_of() {
	for k in $(under "$1"); do
		case "$(readlink "/proc/$k/exe" 2>/dev/null)" in "$JUDGE_CACHE"/*) echo "$k" ;; esac
	done
}
# submit_bg FILE: 'judge submit slow FILE --all' leading a process group of
# its own (as a terminal's foreground job); $pid is its pid and group.
submit_bg() {
	setsid "$JUDGE" submit slow "$1" --all >out.txt 2>err.txt &
	pid=$!
	[ "$(ps -o pgid= -p $pid | tr -d ' ')" = "$pid" ] || fail "setsid: the judge leads its group"
	i=0
	while [ $i -lt 300 ] && [ -z "$(runs_of $pid)" ]; do sleep 0.1; i=$((i + 1)); done
	kids=$(runs_of $pid)
	[ -n "$kids" ] || fail "$1: no run started within 30 s"
}
# wait_gone: wait for the judge (at most 30 s) and set $RC.
wait_gone() {
	i=0
	while kill -0 $pid 2>/dev/null && [ $i -lt 300 ]; do sleep 0.1; i=$((i + 1)); done
	if kill -0 $pid 2>/dev/null; then
		fail "the judge still runs 30 s after the signals"
		kill -9 -$pid
	fi
	wait $pid
	RC=$?
}

# two Ctrl-C: the spinning run (20 s limit) is cut short at once
submit_bg spin.c
kill -INT -$pid
sleep 0.3
kill -INT -$pid
wait_gone
equals "twice: exit 3" "$RC" 3
contains "twice: says interrupted" "$(cat err.txt)" "judge: error: internal error while grading 'slow': interrupted"
lacks "twice: not a sandbox failure" "$(cat out.txt err.txt)" "sandbox failed"
equals "twice: recorded as interrupted" "$(sq "SELECT verdict || ' ' || error FROM submissions ORDER BY id DESC LIMIT 1")" "IE interrupted"
equals "twice: the cut run is not stored" "$(sq "SELECT count(*) FROM results")" 0
for k in $kids; do
	check "twice: run $k is gone" sh -c "! readlink /proc/$k/exe 2>/dev/null | grep -q '^$JUDGE_CACHE/'"
done

# one Ctrl-C: the run (2 s) finishes and counts, then the submission stops
submit_bg nap.c
kill -INT -$pid
wait_gone
equals "once: exit 3" "$RC" 3
lacks "once: not a sandbox failure" "$(cat out.txt err.txt)" "sandbox failed"
equals "once: recorded as interrupted" "$(sq "SELECT verdict || ' ' || error FROM submissions ORDER BY id DESC LIMIT 1")" "IE interrupted"
equals "once: the test that ran is stored as it ended" \
	"$(sq "SELECT name || ' ' || verdict FROM results WHERE submission = (SELECT max(id) FROM submissions)")" "sample-1 AC"

prog ok '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b); return 0; }'
expect_exit 0 "the next submit works" "$JUDGE" submit sum ok.c --all
finish
