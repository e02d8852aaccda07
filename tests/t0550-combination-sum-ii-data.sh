#!/bin/sh
# t0550: combination-sum-ii data. Every test input passes the validator and
# bad inputs are rejected; gen is deterministic and valid in every mode; the
# custom checker accepts every answer and the second accepted solution's
# output (a different order of lines and of numbers within lines).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=combination-sum-ii
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build chk "$P/checker.c"
build second "$S/accepted/2-multiplicities.c"

generated_tests_exist

n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	expect_exit 0 "$t: the checker accepts the answer itself" ./chk "$in" "$ans" "$ans"
	./second < "$in" > out 2>/dev/null
	expect_exit 0 "$t: the checker accepts the second accepted solution" ./chk "$in" out "$ans"
done
check "at least 14 tests" test "$n" -ge 14
equals "t05-all-ones: exactly one combination" "$(head -n 1 "$P/tests/t05-all-ones.ans")" 1
equals "t20-gen-max-rich: thousands of combinations" "$(head -n 1 "$P/tests/t20-gen-max-rich.ans")" 5562

bad "n = 0" '0 7\n\n'
bad "n = 101" "101 7\n$(yes 1 | head -n 101 | tr '\n' ' ' | sed 's/ $//')\n"
bad "target = 0" '1 0\n2\n'
bad "target = 31" '1 31\n2\n'
bad "a value 0" '2 7\n0 3\n'
bad "a value 51" '2 7\n51 3\n'
bad "a negative value" '2 7\n-1 3\n'
bad "too few values" '4 7\n2 3 6\n'
bad "too many values" '2 7\n2 3 6\n'
bad "values on two lines" '2 7\n2\n3\n'
bad "a tab" '2 7\n2\t3\n'
bad "a trailing space" '2 7\n2 3 \n'
bad "a missing final newline" '2 7\n2 3'
bad "CRLF line ends" '2 7\r\n2 3\r\n'
bad "an extra line" '2 7\n2 3\n1\n'
bad "a leading zero" '2 7\n02 3\n'
bad "empty input" ''
bad "binary bytes" '2 7\n2 \0003\n'

./gen 5 100 > g1; ./gen 5 100 > g2; ./gen 6 100 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random rich small equal; do
	for size in 1 2 30 100 150; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 nope
finish
