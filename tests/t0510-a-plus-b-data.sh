#!/bin/sh
# t0510: a-plus-b data. Every test input passes the validator and bad inputs
# are rejected with a one-line message; every answer is what the reference
# prints, equals a + b computed by bc (arbitrary precision), and the second
# accepted solution agrees (tokens); gen is deterministic and valid.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=a-plus-b
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build ref "$S/accepted/1-ref-long-long.c"
build second "$S/accepted/2-decimal-strings.c"

generated_tests_exist

n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	./ref < "$in" > out
	check "$t: the answer is the reference's output" cmp -s out "$ans"
	equals "$t: the answer is a + b (bc)" "$(cat "$ans")" "$(tr ' ' '+' < "$in" | BC_LINE_LENGTH=0 bc)"
	./second < "$in" > out2
	toks out2 > a; toks "$ans" > b
	check "$t: the second accepted solution agrees" cmp -s a b
done
check "at least 14 tests" test "$n" -ge 14

bad "a above 10^18" '1000000000000000001 0\n'
bad "b below -10^18" '0 -1000000000000000001\n'
bad "a number beyond 64 bits" '99999999999999999999999 1\n'
bad "a leading zero" '01 2\n'
bad "minus zero" '-0 2\n'
bad "a plus sign" '+1 2\n'
bad "one number" '1\n'
bad "three numbers" '1 2 3\n'
bad "numbers on two lines" '1\n2\n'
bad "a double space" '1  2\n'
bad "a trailing space" '1 2 \n'
bad "a missing final newline" '1 2'
bad "CRLF line ends" '1 2\r\n'
bad "an extra blank line" '1 2\n\n'
bad "a letter" '1 x\n'
bad "empty input" ''

./gen 5 18 > g1; ./gen 5 18 > g2; ./gen 6 18 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random extreme; do
	for size in 1 9 17 18 40; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
./gen 3 2 > g
check "gen SIZE 2 keeps |a|, |b| <= 100" awk '{ exit !($1 >= -100 && $1 <= 100 && $2 >= -100 && $2 <= 100) }' g
./gen 3 18 extreme > g
check "gen extreme gives |a|, |b| >= 10^18 - 1000" awk '{ a = $1 < 0 ? -$1 : $1; b = $2 < 0 ? -$2 : $2; exit !(a >= 999999999999999000 && b >= 999999999999999000) }' g
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral
finish
