#!/bin/sh
# t1100: noise-aware timing in 'judge submit' and 'judge result'. A test far
# from the time limit runs once; a time-out (CPU or wall clock) runs again
# until most of the --repeat runs agree (2 of 3 by default, 3 of 5, 1 with
# --repeat 1); every
# run is kept (JSON, the database, 'judge result'), the test's verdict and
# time are its median run's, and runs that disagree flag it "unstable".
# No timing thresholds: the programs either finish at once (far under the
# 80 % band) or never (a time-out), and the coin flips between the two on
# each run from the low bits of the time-stamp counter, submitted until one
# submission shows both (each try does so with probability 15/32 with
# --repeat 9; twenty tries all fail about once in 300 000).
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"
command -v sqlite3 >/dev/null || skip "needs sqlite3"

export JUDGE_CACHE="$SCRATCH/cache"
. "$ROOT/tests/sum-fixture.sh"
sum_fixture
printf '5 7\n' > problems/sum/tests/t01.in
printf '12\n' > problems/sum/tests/t01.ans
cat > sleepy.c <<'C'
#include <unistd.h>
int main(void) { for (;;) sleep(100); }
C
cat > coin.c <<'C'
#include <stdio.h>
#include <x86intrin.h>
int main(void) {
	unsigned long long t = __rdtsc();
	long long a, b;
	t ^= t >> 7;
	t *= 0x9E3779B97F4A7C15ULL;
	if ((t >> 40) & 1) { volatile unsigned long x = 0; for (;;) x++; }
	if (scanf("%lld %lld", &a, &b) != 2) return 1;
	printf("%lld\n", a + b);
	return 0;
}
C
[ "$(uname -m)" = x86_64 ] || skip "the coin reads the x86 time-stamp counter"

# jq: the structure every test's runs must have. The median run (by time,
# ties in run order; of an even count the faster middle one) gives the
# verdict and time_us; min and max are the runs' extremes; unstable iff
# the verdicts differ.
STRUCT='all(.tests[];
	(.runs | length) >= 1 and
	.time_min_us <= .time_us and .time_us <= .time_max_us and
	.time_min_us == ([.runs[].time_us] | min) and .time_max_us == ([.runs[].time_us] | max) and
	((.runs | to_entries | sort_by(.value.time_us) | .[((length - 1) / 2 | floor)].value) as $m
	 | $m.verdict == .verdict and $m.time_us == .time_us) and
	.unstable == ([.runs[].verdict] | unique | length > 1) and
	(.time_us / 1000 | floor) == .time_ms)'

# Far from the limit: one run each, microseconds beside milliseconds.
run "$JUDGE" submit sum ok.c --json
equals "AC" "$(printf '%s' "$OUT" | jq -r .verdict)" AC
printf '%s' "$OUT" > ok.json
equals "far from the limit: one run per test" "$(jq -c '[.tests[].runs | length]' ok.json)" "[1,1]"
check "far from the limit: the structure holds" jq -e "$STRUCT" ok.json
check "far from the limit: not unstable" jq -e 'all(.tests[]; .unstable == false) and .unstable_tests == 0' ok.json
check "time_us at the top is the tests' maximum" jq -e '.time_us == ([.tests[].time_us] | max)' ok.json
run "$JUDGE" submit sum ok.c
check "table: a small time with a decimal ('3.8 ms', not '3 ms')" \
	sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1  sample-1 +AC +[0-9]\.[0-9] ms '" _ "$OUT"
lacks "table: one run says nothing about runs" "$OUT" "runs"

# A time-out: run again until most runs agree.
run "$JUDGE" submit sum spin.c --json
printf '%s' "$OUT" > spin.json
equals "time-out: TLE" "$(jq -r .verdict spin.json)" TLE
equals "time-out: 2 runs of 3 settle it" "$(jq -c '[.tests[0].runs[].verdict]' spin.json)" '["TLE","TLE"]'
check "time-out: the structure holds" jq -e "$STRUCT" spin.json
check "time-out: stable" jq -e '.tests[0].unstable == false' spin.json
sub=$(jq .submission spin.json)
equals "time-out: every run stored" \
	"$(sqlite3 "$JUDGE_DB" "SELECT runs LIKE 'TLE:% TLE:%' AND time_us > 0 AND unstable = 0 FROM results WHERE submission = $sub")" 1
run "$JUDGE" submit sum spin.c --repeat 1 --json
equals "--repeat 1: one measurement" "$(printf '%s' "$OUT" | jq '.tests[0].runs | length')" 1
run "$JUDGE" submit sum spin.c --repeat 5 --json
equals "--repeat 5: 3 runs of 5 settle it" "$(printf '%s' "$OUT" | jq '.tests[0].runs | length')" 3
# 'judge test' re-runs the same way (samples only, nothing stored).
run "$JUDGE" test sum spin.c --json
equals "test: a time-out runs again (2 of 3 settle it)" "$(printf '%s' "$OUT" | jq -c '[.tests[0].runs[].verdict]')" '["TLE","TLE"]'
run "$JUDGE" test sum spin.c --repeat 1 --json
equals "test --repeat 1: one measurement" "$(printf '%s' "$OUT" | jq '.tests[0].runs | length')" 1
run "$JUDGE" test sum spin.c --repeat 5 --json
equals "test --repeat 5: 3 runs of 5 settle it" "$(printf '%s' "$OUT" | jq '.tests[0].runs | length')" 3
expect_exit 2 "test --repeat 0" "$JUDGE" test sum ok.c --repeat 0
contains "test --repeat 0: why" "$ERR" "bad --repeat '0'"
run "$JUDGE" submit sum sleepy.c --json
printf '%s' "$OUT" > sleepy.json
equals "a wall-clock time-out (far under the CPU band) runs again too" \
	"$(jq -c '[.tests[0].runs[].verdict]' sleepy.json)" '["TLE","TLE"]'
check "a wall-clock time-out: its CPU time is far under the band" jq -e '.tests[0].time_max_us < 80000' sleepy.json
run "$JUDGE" submit sum spin.c
check "table: the runs with min, median and max" \
	sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1  sample-1 +TLE +[0-9]+ ms .* 2 runs \(min [0-9]+ ms, median [0-9]+ ms, max [0-9]+ ms\); CPU time'" _ "$OUT"

# Runs that disagree: unstable.
found=
i=0
while [ $i -lt 20 ] && [ -z "$found" ]; do
	i=$((i + 1))
	run "$JUDGE" submit sum coin.c --repeat 9 --json
	printf '%s' "$OUT" > coin.json
	if ! jq -e "$STRUCT" coin.json >/dev/null; then
		fail "coin try $i: the structure does not hold" "$OUT"
		break
	fi
	if jq -e '.unstable_tests > 0' coin.json >/dev/null; then found=$i; fi
done
if [ -n "$found" ]; then
	pass "a test whose runs disagree is flagged unstable (try $found)"
	check "unstable: re-run at most 9 times, more than once" \
		jq -e 'all(.tests[] | select(.unstable); (.runs | length) >= 2 and (.runs | length) <= 9)' coin.json
	check "unstable: the first run was a time-out (near the limit)" \
		jq -e 'all(.tests[] | select(.unstable); .runs[0].verdict == "TLE")' coin.json
	check "unstable_tests counts them" jq -e '.unstable_tests == ([.tests[] | select(.unstable)] | length)' coin.json
	sub=$(jq .submission coin.json)
	run "$JUDGE" result "$sub" --json
	printf '%s' "$OUT" > back.json
	equals "result --json: the same runs as submit" \
		"$(jq -c '[.tests[] | {runs, unstable, time_us, time_min_us, time_max_us}]' back.json)" \
		"$(jq -c '[.tests[] | {runs, unstable, time_us, time_min_us, time_max_us}]' coin.json)"
	run "$JUDGE" result "$sub"
	check "result: the unstable row lists the runs' verdicts" \
		sh -c "printf '%s\n' \"\$1\" | grep -Eq '  unstable:( (AC|TLE))+ \(min [0-9.]+ ms, median [0-9.]+ ms, max [0-9]+ ms\)'" _ "$OUT"
	contains "result: the summary counts unstable tests" "$OUT" "unstable test"
else
	fail "no unstable test in 20 submissions of the coin"
fi

# Bad usage.
run "$JUDGE" submit sum ok.c --repeat 0
equals "--repeat 0: exit 2" "$RC" 2
contains "--repeat 0: why" "$ERR" "judge: error: bad --repeat '0': give the runs in all for a test near its time limit, from 1 to 15"
expect_exit 2 "--repeat 16" "$JUDGE" submit sum ok.c --repeat 16
expect_exit 2 "--repeat x" "$JUDGE" submit sum ok.c --repeat x
run "$JUDGE" submit sum ok.c --repeat 2 --contest c
equals "--repeat with --contest: exit 2" "$RC" 2
contains "--repeat with --contest: why" "$ERR" "--repeat does not apply with --contest"
finish
