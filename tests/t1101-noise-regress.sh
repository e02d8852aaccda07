#!/bin/sh
# t1101: noise-aware timing in 'judge regress'. --repeat applies there too:
# a solution whose test's runs disagree on the verdict is flagged
# "unstable: N test(s)" (a margin warning), which one measurement
# (--repeat 1) can never do; a bad --repeat is bad usage. The coin flips
# between an instant answer and a time-out on each run (the low bits of the
# time-stamp counter): no timing thresholds, and twenty tries with
# --repeat 9 all miss the flag about once in 300 000.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs
[ "$(uname -m)" = x86_64 ] || skip "the coin reads the x86 time-stamp counter"

# the coin has a problem of its own: one test, 100 ms
mkdir -p problems/flip/tests
printf '# Flip\n' > problems/flip/statement.md
printf '1 2\n' > problems/flip/tests/t01.in
printf '3\n' > problems/flip/tests/t01.ans
cat >> problems.toml <<'TOML'

[[problem]]
id = "flip"
title = "Flip"
time_limit_ms = 100
memory_limit_mb = 64
checker = "tokens"
TOML
mkdir -p solutions/flip/accepted
cat > solutions/flip/accepted/coin.c <<'C'
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

flag() { jq -r '.solutions[] | select(.solution == "flip/accepted/coin.c") | .flag // ""' "$SCRATCH/.out"; }

never=1
for i in 1 2; do
	run "$JUDGE" regress coin --repeat 1 --json
	case "$(flag)" in unstable*) never= ;; esac
done
equals "--repeat 1: never unstable (one measurement per test)" "$never" 1

found=
i=0
while [ $i -lt 20 ] && [ -z "$found" ]; do
	i=$((i + 1))
	run "$JUDGE" regress coin --repeat 9 --json
	case "$(flag)" in unstable*) found=$i ;; esac
done
if [ -n "$found" ]; then
	pass "runs that disagree flag the solution (try $found)"
	check "the flag counts the test" sh -c 'flag=$1; printf "%s\n" "$flag" | grep -Eq "^unstable: 1 test$"' _ "$(flag)"
	equals "stored with the run" "$(sq "SELECT flag LIKE 'unstable: %' FROM regress_results WHERE solution = 'flip/accepted/coin.c' ORDER BY run DESC LIMIT 1")" 1
	run "$JUDGE" regress coin --repeat 9
	# the table again: whatever this run gives, its row is well formed
	check "the table has the coin's row" sh -c 'printf "%s\n" "$1" | grep -Eq "^flip +accepted/coin\.c +AC "' _ "$OUT"
else
	fail "no unstable flag in 20 runs of the coin"
fi

run "$JUDGE" regress --repeat 0
equals "--repeat 0: exit 2" "$RC" 2
contains "--repeat 0: why" "$ERR" "judge: error: bad --repeat '0'"
expect_exit 2 "--repeat 99" "$JUDGE" regress --repeat 99
finish
