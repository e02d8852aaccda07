#!/bin/sh
# t1092: testlib programs put in a Kattis package (a Polygon problem
# converted): an output validator or input validator that includes
# "testlib.h" follows testlib's contract, as on a native problem (checker
# input output answer, exit 0 OK; a validator accepts with exit 0, not 42),
# unless a *_contract key says otherwise; exporting a native problem with
# testlib programs writes them as they are, with their headers, and the
# round trip judges alike. The header is our stand-in.
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v jq >/dev/null || skip "jq is not installed"
command -v g++ >/dev/null || skip "g++ is not installed"

F=$ROOT/tests/fixtures/testlib
P=tlsum
mkdir -p $P/data/sample $P/data/secret $P/data/invalid_input $P/output_validators/chk \
	$P/input_validators/val $P/submissions/accepted $P/submissions/wrong_answer \
	$P/problem_statement
printf 'name: testlib sum\nvalidation: custom\n' > $P/problem.yaml
echo '\problemname{testlib sum}' > $P/problem_statement/problem.en.tex
cp "$F/testlib.h" "$F/sum/checker.cpp" $P/output_validators/chk/
cp "$F/testlib.h" "$F/sum/validator.cpp" $P/input_validators/val/
cp "$F/sum/tests/sample-1.in" "$F/sum/tests/sample-1.ans" $P/data/sample/
cp "$F/sum/tests/t01-one.in" "$F/sum/tests/t01-one.ans" $P/data/secret/
printf '3\n1 2\n' > $P/data/invalid_input/short.in
cat > $P/submissions/accepted/ac.c <<'C'
#include <stdio.h>
int main(void) { long n, x, s = 0; scanf("%ld", &n);
for (long i = 0; i < n; i++) { scanf("%ld", &x); s += x; } printf("%ld\n", s); return 0; }
C
sed 's/printf("%ld\\n", s)/printf("%ld\\n", s - 1)/' $P/submissions/accepted/ac.c \
	> $P/submissions/wrong_answer/wa.c
printf '[[problem]]\nid = "tlsum"\npackage = "tlsum"\n' > problems.toml
J="$JUDGE --catalog $SCRATCH/problems.toml"

run $J list
equals "a package with a testlib input validator imports (exit 0 accepts)" "$RC" 0
run $J show tlsum --json
equals "the contracts detected from #include \"testlib.h\"" \
	"$(printf '%s' "$OUT" | jq -c '[.checker_contract, .validator_contract]')" '["testlib","testlib"]'
run $J regress tlsum
equals "regress: the testlib output validator judges as testlib (exit 0)" "$RC" 0
contains "...both submissions as their folders say" "$OUT" "2 matched, 0 mismatched"
run $J submit tlsum "$P/submissions/wrong_answer/wa.c" --json
equals "its message is testlib's stderr" \
	"$(printf '%s' "$OUT" | jq -r '.tests[0].message')" "wrong answer expected 6, found 5"

# data/invalid_input: the testlib validator must reject it (exit 3 there)
printf '2\n1 2\n' > $P/data/invalid_input/short.in
run $J list
equals "an invalid_input case the testlib validator accepts: exit 2" "$RC" 2
contains "...said" "$ERR" "invalid_input/short.in"

# export: the testlib checker and validator as they are (an adapter's
# macros cannot wrap testlib), and back
cp -r "$F/sum" sum
cp "$F/testlib.h" sum/
cat > native.toml <<'TOML'
[[problem]]
id = "sum"
title = "Sum"
folder = "sum"
time_limit_ms = 1000
memory_limit_mb = 256
checker = "custom"
checker_source = "checker.cpp"
TOML
N="$JUDGE --catalog $SCRATCH/native.toml --db $SCRATCH/native.db"
run $N export sum out/sum
equals "export of a problem with testlib programs: exit 0" "$RC" 0
contains "...says how the checker went" "$OUT" "the testlib checker as it is, with its headers"
check "the checker and testlib.h in output_validator/" \
	test -f out/sum/output_validator/checker.cpp -a -f out/sum/output_validator/testlib.h
check "the validator and testlib.h in input_validator/" \
	test -f out/sum/input_validator/validator.cpp -a -f out/sum/input_validator/testlib.h
printf '[[problem]]\nid = "back"\npackage = "out/sum"\n' > back.toml
B="$JUDGE --catalog $SCRATCH/back.toml --db $SCRATCH/back.db"
for s in ac wa; do
	cp "$P/submissions/"*/$s.c . 2>/dev/null
	run $N submit sum $s.c --json
	want=$(printf '%s' "$OUT" | jq -c '[.verdict, [.tests[].message]]')
	run $B submit back $s.c --json
	equals "round trip: $s.c judged alike" "$(printf '%s' "$OUT" | jq -c '[.verdict, [.tests[].message]]')" "$want"
done
finish
