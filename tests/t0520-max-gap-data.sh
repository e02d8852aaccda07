#!/bin/sh
# t0520: max-gap data. Every test input (committed and generated) passes the
# validator and bad inputs are rejected with a one-line message; every
# answer is the reference's output, and the radix-sort and qsort solutions
# agree (tokens); gen is deterministic and valid in every mode.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=max-gap
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build ref "$S/accepted/1-ref-buckets.c"
build second "$S/accepted/2-radix-sort.c"
build third "$S/accepted/3-qsort.c"

generated_tests_exist

n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	./ref < "$in" > out
	check "$t: the answer is the reference's output" cmp -s out "$ans"
	toks "$ans" > b
	for s in second third; do
		./$s < "$in" > out2
		toks out2 > a
		check "$t: $s accepted solution agrees" cmp -s a b
	done
done
check "at least 25 tests" test "$n" -ge 25
check "a test with n = 10^6" grep -qx 1000000 "$P/tests/t50-gen-max-random.in"

bad "n = 0" '0\n\n'
bad "n above 10^6" '1000001\n1\n'
bad "a value above 10^9" '2\n1 1000000001\n'
bad "a negative value" '2\n1 -1\n'
bad "too few values" '3\n1 2\n'
bad "too many values" '2\n1 2 3\n'
bad "values on two lines" '2\n1\n2\n'
bad "a double space" '2\n1  2\n'
bad "a trailing space" '2\n1 2 \n'
bad "a leading space" '2\n 1 2\n'
bad "a missing final newline" '2\n1 2'
bad "CRLF line ends" '2\r\n1 2\r\n'
bad "an extra blank line" '2\n1 2\n\n'
bad "a leading zero" '2\n01 2\n'
bad "a plus sign" '2\n+1 2\n'
bad "a letter" '2\n1 x\n'
bad "a tab" '2\n1\t2\n'
bad "empty input" ''

./gen 5 1000 > g1; ./gen 5 1000 > g2; ./gen 6 1000 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random equal sorted desc clusters endgap dense spread; do
	for size in 1 2 3 50 5000; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
./gen 9 5000000 > g
check "gen clamps n to 10^6" test "$(head -n 1 g)" = 1000000
./gen 4 100 equal > g
equals "gen equal: one distinct value" "$(tail -n 1 g | tr ' ' '\n' | sort -u | wc -l)" 1
./gen 4 100 endgap > g
contains "gen endgap: 10^9 is present" " $(tail -n 1 g) " " 1000000000 "
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral
finish
