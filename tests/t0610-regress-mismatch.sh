#!/bin/sh
# t0610: mismatches: exit 1, listed first with the failing test or "passed
# all N tests", counted in the summary; --fail-fast starts nothing after the
# first mismatch.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs

solution accepted minus <<'C'
#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1; printf("%lld\n", a - b); return 0; }
C
cp solutions/sum/accepted/ok.c solutions/sum/wrong_answer/actually-right.c
solution compile_error syntax <<'C'
int main(void) { return 0 }
C

expect_exit 1 "a mismatch exits 1" "$JUDGE" regress
contains "summary counts them" "$OUT" "7 solutions: 5 matched, 2 mismatched"
first=$(printf '%s\n' "$OUT" | sed -n 2,3p)
contains "mismatches first (1)" "$first" "accepted/minus.c"
contains "mismatches first (2)" "$first" "wrong_answer/actually-right.c"
row() { printf '%s\n' "$OUT" | grep -Eq "$1"; }
check "expected AC, got WA, with the failing test" row "^sum +accepted/minus\.c +AC +WA .*test sample-1: line 1, token 1: expected '3', got '-1'"
check "expected WA, got AC: passed every test" row "^sum +wrong_answer/actually-right\.c +WA +AC .*passed all 3 tests$"
equals "stored as mismatches" "$(sq "SELECT group_concat(solution, ' ') FROM (SELECT solution FROM regress_results WHERE match = 0 ORDER BY solution)")" \
	"sum/accepted/minus.c sum/wrong_answer/actually-right.c"
check "a compile error where one is expected matches, no time or memory" row '^sum +compile_error/syntax\.c +CE +CE +- +-$'
equals "with the diagnostics' first line stored" "$(sq "SELECT substr(message, 1, 14) FROM regress_results WHERE solution = 'sum/compile_error/syntax.c'")" "compile error:"
equals "the failure message stored" "$(sq "SELECT message FROM regress_results WHERE solution = 'sum/accepted/minus.c'")" \
	"test sample-1: line 1, token 1: expected '3', got '-1'"

# A fresh database: no earlier times, so equal estimates run in name order
# with one worker: minus.c first, then ok.c is never started.
expect_exit 1 "--fail-fast stops at the first mismatch" env JUDGE_DB="$SCRATCH/ff.db" "$JUDGE" regress -j 1 --fail-fast '^sum/accepted/'
contains "only the mismatch ran" "$OUT" "1 solution: 0 matched, 1 mismatched"
contains "the rest not run" "$OUT" "1 not run (--fail-fast)"
lacks "ok.c not in the table" "$OUT" "accepted/ok.c"
expect_exit 0 "-q shows only what needs attention" "$JUDGE" -q regress '^sum/(accepted/ok|time)'
lacks "no matched rows with -q" "$OUT" "accepted/ok.c"
contains "the summary with -q" "$OUT" "2 solutions: 2 matched, 0 mismatched"
finish
