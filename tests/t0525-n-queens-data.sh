#!/bin/sh
# t0525: n-queens data. There is one test for every n from 1 to 14; each
# input passes the validator and bad inputs are rejected with a one-line
# message; every answer is the reference's output, the second accepted
# solution agrees, and both match the published sequence (OEIS A000170);
# gen is deterministic and always valid.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=n-queens
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build ref "$S/accepted/1-ref-bitmask.c"
build second "$S/accepted/2-arrays-symmetry.c"

# OEIS A000170, n = 1..14
known() { echo 1 0 0 2 10 4 40 92 352 724 2680 14200 73712 365596 | cut -d ' ' -f "$1"; }

seen=""
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	expect_exit 0 "$t passes the validator" ./val < "$in"
	nq=$(cat "$in")
	seen="$seen $nq"
	./ref < "$in" > out
	check "$t: the answer is the reference's output" cmp -s out "$ans"
	./second < "$in" > out2
	check "$t: the second accepted solution agrees" cmp -s out2 "$ans"
	equals "$t: the answer is A000170($nq)" "$(cat "$ans")" "$(known "$nq")"
done
equals "one test for every n from 1 to 14" "$(echo $seen | tr ' ' '\n' | sort -n | tr '\n' ' ')" \
	"$(seq 1 14 | tr '\n' ' ')"

bad "n = 0" '0\n'
bad "n = 15" '15\n'
bad "a negative n" '-4\n'
bad "a huge n" '99999999999999999999\n'
bad "a leading zero" '04\n'
bad "two numbers" '4 5\n'
bad "a trailing space" '4 \n'
bad "a missing final newline" '4'
bad "CRLF line ends" '4\r\n'
bad "an extra blank line" '4\n\n'
bad "a letter" 'x\n'
bad "empty input" ''

./gen 5 0 > g1; ./gen 5 0 > g2
check "gen is deterministic" cmp -s g1 g2
distinct=$(for seed in 1 2 3 4 5 6 7 8 9 10 11 12; do ./gen $seed 0; done | sort -u | wc -l)
check "gen SIZE 0 picks n from the seed" test "$distinct" -ge 3
for seed in 1 2 3; do
	for size in -3 0 1 7 14 15 1000; do
		./gen $seed $size > g
		expect_exit 0 "gen $seed $size is valid" ./val < g
	done
done
equals "gen SIZE is n" "$(./gen 1 9)" 9
equals "gen clamps SIZE to 14" "$(./gen 1 99)" 14
finish
