#!/bin/sh
# 'judge history' and 'judge result' read back what 'judge submit' stored;
# a judge killed mid-run never leaves a lie: its 'running' row becomes IE at
# the next command; SIGTERM during a run is recorded as IE "interrupted".
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
command -v pgrep >/dev/null || skip "needs pgrep (procps)"
grade_fixtures

prog ac '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b); return 0; }'
printf '/* caf\303\251 */\n' >> ac.c          # UTF-8, and no final newline below
printf '/* no final newline */' >> ac.c
prog sleepy '#include <unistd.h>
int main(void) { for (;;) sleep(100); }'

run "$JUDGE" submit sum ac.c --user ana
A=$(sed -n 's/.*submission \([0-9]*\)$/\1/p' .out)
check "submit printed its id" test -n "$A"
run "$JUDGE" submit echo-tokens cat.c --user bob --all
B=$(sed -n 's/.*submission \([0-9]*\)$/\1/p' .out)

# history: the table and the JSON
run "$JUDGE" history
equals "history: exit 0" "$RC" 0
contains "history: header" "$OUT" "verdict"
contains "history: ana's AC" "$OUT" "ana"
contains "history: passed column" "$OUT" "3/3"
contains "history: file column" "$(printf '%s\n' "$OUT" | sed -n 1p)" "file"
check "history: ana's row names ac.c" sh -c "printf '%s\n' '$OUT' | grep -E '^ *$A .*ana .* ac\.c\$'"
check "history: bob's row names cat.c" sh -c "printf '%s\n' '$OUT' | grep -E '^ *$B .*bob .* cat\.c\$'"
run "$JUDGE" history --json
check "history json: newest first, fields" jq -e --argjson a "$A" --argjson b "$B" '
	length == 2 and .[0].id == $b and .[1].id == $a and .[1].problem == "sum" and
	.[1].user == "ana" and .[1].verdict == "AC" and .[1].passed == 3 and .[1].total == 3 and
	.[0].verdict == "WA" and (.[0].submitted_at | test("^[0-9]{4}-[0-9]{2}-[0-9]{2}T")) and
	.[1].file == "ac.c" and .[0].file == "cat.c"' .out
run "$JUDGE" history sum --json
check "history ID filters" jq -e 'length == 1 and .[0].problem == "sum"' .out
run "$JUDGE" history --user bob --json
check "history --user filters" jq -e 'length == 1 and .[0].user == "bob"' .out
run "$JUDGE" history --verdict WA --json
check "history --verdict WA: only the WA" jq -e --argjson b "$B" 'length == 1 and .[0].id == $b' .out
run "$JUDGE" history --verdict ac
contains "history --verdict ac: any case" "$OUT" "ana"
lacks "history --verdict ac: not the WA" "$OUT" "bob"
run "$JUDGE" history sum --verdict WA
equals "history --verdict: no match, exit 0" "$RC" 0
contains "history --verdict: says none match" "$OUT" "no submissions match"
expect_exit 2 "history --verdict: not a verdict" "$JUDGE" history --verdict WAA
contains "history --verdict: lists the verdicts" "$ERR" "use one of AC WA PE TLE"
expect_exit 2 "history: unknown problem" "$JUDGE" history smu
contains "history: suggestion" "$ERR" "did you mean 'sum'?"

# result: in full, as JSON, and the source exactly
run "$JUDGE" result "$B"
equals "result: exit 0" "$RC" 0
contains "result: header" "$OUT" "submission $B"
contains "result: header names the file" "$(printf '%s\n' "$OUT" | sed -n 1p)" " · echo-tokens · C · cat.c · bob · "
contains "result: table" "$OUT" "t05-wrong"
contains "result: message" "$OUT" "line 1, token 3: expected '3', got '4'"
contains "result: summary" "$OUT" "echo-tokens: WA on test t04-empty (4/10 passed)"
run "$JUDGE" result "$B" --json
check "result json" jq -e '.verdict == "WA" and .user == "bob" and .file == "cat.c" and .status == "done" and
	(.tests | length) == 10 and .tests[6].name == "t06-extra" and .tests[6].verdict == "WA"' .out
"$JUDGE" result "$A" --source > got.c
check "result --source: byte for byte" cmp got.c ac.c
run "$JUDGE" result "$A" --source --json
check "result --source --json: valid JSON, source equals the file" \
	jq -e --rawfile src ac.c '.source == $src and .verdict == "AC" and .user == "ana"' .out
run "$JUDGE" result "$A" --json
check "result --json alone: no source" jq -e 'has("source") | not' .out
# a Latin-1 comment: accepted (gcc compiles it), stored byte for byte,
# escaped on a terminal, U+FFFD in JSON
{ printf '/* r\351sum\351 */\n'; cat ac.c; } > latin.c
expect_exit 0 "a Latin-1 comment is accepted" "$JUDGE" submit sum latin.c
L=$(sed -n 's/.*submission \([0-9]*\)$/\1/p' .out)
"$JUDGE" result "$L" --source > got.c
check "Latin-1: stored byte for byte" cmp got.c latin.c
TTYOUT=$(script -qec "$JUDGE result $L --source" /dev/null 2>/dev/null)
contains "Latin-1: escaped on a terminal" "$TTYOUT" '/* r\xe9sum\xe9 */'
lacks "Latin-1: no raw byte on the terminal" "$TTYOUT" "$(printf '\351')"
run "$JUDGE" result "$L" --source --json
check "Latin-1: valid JSON, U+FFFD in the source" jq -e '.source | startswith("/* r\ufffdsum\ufffd */")' .out
expect_exit 2 "result: unknown submission" "$JUDGE" result 999
contains "result: unknown message" "$ERR" "unknown submission 999"
expect_exit 2 "result: not a number" "$JUDGE" result abc

# kill -9 of the judge mid-run: the row stays 'running' until the next
# command, which marks it IE; the program died with the judge
wait_running() {
	i=0
	while [ $i -lt 100 ]; do
		[ "$(dbq "select count(*) from results r join submissions s on r.submission = s.id where s.status = 'running'" 2>/dev/null)" = 0 ] &&
		[ "$(dbq "select count(*) from submissions where status = 'running'" 2>/dev/null)" = 1 ] && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# descendants PID: every process below PID (the sandbox's helpers and the
# program itself), whatever the sandbox's layout
descendants() {
	for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done
}
# alive PID...: those still running (a zombie waiting for init is not)
alive() {
	for p in "$@"; do
		st=$(sed 's/.*) \(.\).*/\1/' "/proc/$p/stat" 2>/dev/null) || continue
		[ -n "$st" ] && [ "$st" != Z ] && echo "$p"
	done
}
# wait_program PID: up to 10 s for the program to run below PID (a
# descendant that is neither the judge's own box process nor the
# compiler); its descendants then in $below.
wait_program() {
	i=0
	while [ $i -lt 100 ]; do
		below=$(descendants "$1")
		for p in $below; do
			case "$(cat "/proc/$p/comm" 2>/dev/null)" in
			''|judge|gcc|cc1|as|collect2|ld) ;;
			*) [ -n "$(alive "$p")" ] && return 0 ;;
			esac
		done
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# wait_gone PID...: up to 3 s for them all to be gone; those left printed.
wait_gone() {
	i=0
	while [ $i -lt 30 ] && [ -n "$(alive "$@")" ]; do sleep 0.1; i=$((i + 1)); done
	alive "$@"
}
"$JUDGE" submit sum sleepy.c --all >/dev/null 2>&1 &
pid=$!
check "kill -9: the row is running" wait_running
check "kill -9: the judge has a run below it" wait_program $pid
kill -9 $pid; wait $pid 2>/dev/null
left=$(wait_gone $below)
equals "kill -9: the run died with the judge" "$left" ""
[ -n "$left" ] && kill -9 $left
run "$JUDGE" history --json
check "kill -9: reaped as IE" jq -e '.[0].status == "done" and .[0].verdict == "IE"' .out
K=$(jq '.[0].id' .out)
run "$JUDGE" result "$K" --json
check "kill -9: a reason is stored" jq -e '.error | type == "string" and length > 0' .out

# SIGTERM: the current test ends, the row is finished as IE "interrupted"
"$JUDGE" submit sum sleepy.c --all >term.out 2>term.err &
pid=$!
check "SIGTERM: the row is running" wait_running
check "SIGTERM: the judge has a run below it" wait_program $pid
kill -TERM $pid
wait $pid; rc=$?
equals "SIGTERM: exit 3" "$rc" 3
contains "SIGTERM: error line" "$(cat term.err)" "judge: error: internal error while grading 'sum': interrupted"
run "$JUDGE" history --json
check "SIGTERM: recorded as IE interrupted, with the test that ran" jq -e '.[0].verdict == "IE"' .out
T=$(jq '.[0].id' .out)
run "$JUDGE" result "$T" --json
check "SIGTERM: error and the finished test" jq -e '.error == "interrupted" and (.tests | length) == 1 and .tests[0].verdict == "TLE"' .out
equals "SIGTERM: nothing left running" "$(wait_gone $below)" ""

finish
