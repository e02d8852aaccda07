#!/bin/sh
# t1122: 'judge mutate' finds a problem's accepted solutions by itself,
# mutates only code (never comments, strings or preprocessor lines), and
# refuses bad input with one "judge: error:" line and exit 2: an unknown
# problem, a missing file, a solution that is not accepted (before any
# mutant is graded), no accepted solution, bad options, and --stress on a
# problem without a generator.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/mutate-fixture.sh"
command -v jq >/dev/null || skip "jq is not installed"
mutate_copy a-plus-b ab full
mkdir -p solutions/ab/accepted
# an accepted solution with operators and numbers in comments, strings, a
# character literal and preprocessor lines: only the code's 7 mutants (two
# statements deleted, '+' swapped four ways, 'return 0' -> 1)
cat > solutions/ab/accepted/1-tiny.c <<'C'
#include <stdio.h>
#define M (1 + 2 < 3 && 4 \
	   || 5 - 6)
int main(void) { long long a, b; /* a < b + 1, 0 || 1 */
	const char *note = "<= 7 - 8 '"; char c = '-', d = '\'';
	scanf("%lld %lld", &a, &b); // x * 2 > 1
	printf("%lld\n" /* - */, a + b);
	return 0; }
C

# every accepted solution by default
run "$JUDGE" mutate ab --json
equals "default: exit 0" "$RC" 0
equals "default: the stored solution" "$(printf '%s' "$OUT" | jq -r '[.solutions[].file] | join(" ")')" \
	"solutions/ab/accepted/1-tiny.c"
set -- $(mutate_counts)
equals "only code is mutated, all of it (killed survived stillborn mutants)" "$*" "7 0 0 7"
equals "default: score 1" "$(printf '%s' "$OUT" | jq .score)" 1
equals "default: no survivors" "$(printf '%s' "$OUT" | jq -c '[.solutions[].survivors[]]')" "[]"
run "$JUDGE" mutate ab solutions/ab/accepted/1-tiny.c
contains "text: every mutant killed" "$OUT" "score: 7/7 killed = 100.0% (0 stillborn)"

# the reference of a-plus-b: its survivors only change what happens on
# input that is not valid (the test of scanf's count, the exit code after)
cp "$ROOT/solutions/a-plus-b/accepted/1-ref-long-long.c" ref.c
run "$JUDGE" mutate ab ref.c --max 8 --seed 2 --json
equals "ref: exit 0" "$RC" 0
check "ref: every survivor is on line 8 or 9" sh -c \
	"printf '%s' '$OUT' | jq -e '[.solutions[].survivors[].line] | all(. == 8 or . == 9)'"

# bad input
expect_exit 2 "unknown problem: exit 2" "$JUDGE" mutate a-plus-c
contains "unknown problem: did you mean" "$ERR" "judge: error: "
expect_exit 2 "missing file: exit 2" "$JUDGE" mutate ab nosuch.c
contains "missing file: named" "$ERR" "nosuch.c"
cp "$ROOT/solutions/a-plus-b/wrong_answer/int32.c" wrong.c
expect_exit 2 "not accepted: exit 2" "$JUDGE" mutate ab wrong.c
contains "not accepted: says so, with the test" "$ERR" \
	"judge: error: 'wrong.c' is not accepted (WA on test "
equals "not accepted: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
equals "not accepted: nothing on stdout" "$OUT" ""
expect_exit 2 "--save without --stress: exit 2" "$JUDGE" mutate ab --save
contains "--save without --stress: says why" "$ERR" "give --stress too"
expect_exit 2 "--max 0: exit 2" "$JUDGE" mutate ab --max 0
contains "--max 0: says what is expected" "$ERR" "judge: error: bad --max '0'"
expect_exit 2 "-j 0: exit 2" "$JUDGE" mutate ab -j 0
expect_exit 2 "--time x: exit 2" "$JUDGE" mutate ab --stress --time x
expect_exit 2 "three arguments: exit 2" "$JUDGE" mutate ab a.c b.c
expect_exit 2 "unknown option: exit 2" "$JUDGE" mutate ab --maxx 3
contains "unknown option: did you mean" "$ERR" "--max"
mutate_copy a-plus-b lonely samples
expect_exit 2 "no accepted solution: exit 2" "$JUDGE" mutate lonely
contains "no accepted solution: says where and what to do" "$ERR" "solutions/lonely/accepted/"
rm problems/ab/gen.c
expect_exit 2 "--stress without a generator: exit 2, before grading" "$JUDGE" mutate ab ref.c --stress
contains "--stress without a generator: says so" "$ERR" "judge: error: problem 'ab' has no generator (gen.c)"
expect_exit 0 "--help: exit 0" "$JUDGE" mutate --help
contains "--help: usage" "$OUT" "usage: judge mutate ID [FILE]"
finish
