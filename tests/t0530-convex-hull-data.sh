#!/bin/sh
# t0530: convex-hull data. Every test input (committed and generated) passes
# the validator and bad inputs are rejected with a one-line message; every
# answer is the reference's output; the Graham scan agrees under the float
# checker's rule (absolute or relative error <= 1e-6), and so does gift
# wrapping wherever it is fast (not on the circles); the collinear tests
# equal twice the distance between their extreme points, and the one-point
# tests are 0; gen is deterministic and valid in every mode.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=convex-hull
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build ref "$S/accepted/1-ref-monotone-chain.c"
build second "$S/accepted/2-graham-scan.c"
build wrap "$S/time_limit_exceeded/gift-wrapping.c"

# close GOT WANT: the float checker's rule, |got - want| <= 1e-6 or <= 1e-6 * |want|
close() { awk -v g="$1" -v w="$2" 'BEGIN { d = g - w; if (d < 0) d = -d; m = w < 0 ? -w : w
	exit !(g != "" && (d <= 1e-6 || d <= 1e-6 * m)) }'; }
# twice the distance between the lexicographically smallest and largest points
twice_extent() { awk '
	NR == 1 { next }
	NR == 2 { ax = bx = $1; ay = by = $2; next }
	$1 < ax || ($1 == ax && $2 < ay) { ax = $1; ay = $2 }
	$1 > bx || ($1 == bx && $2 > by) { bx = $1; by = $2 }
	END { printf "%.6f\n", 2 * sqrt((bx - ax) ^ 2 + (by - ay) ^ 2) }' "$1"; }

generated_tests_exist

n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	./ref < "$in" > out
	check "$t: the answer is the reference's output" cmp -s out "$ans"
	want=$(cat "$ans")
	got=$(./second < "$in")
	check "$t: Graham scan agrees ($got vs $want)" close "$got" "$want"
	case "$t" in
	*circle*) ;;
	*) check "$t: gift wrapping agrees" close "$(./wrap < "$in")" "$want" ;;
	esac
	case "$t" in
	sample-2|t02-*|t04-*|t05-*|t06-*|t07-*|t13-*|*-gen-line-*|*-gen-max-line|*-gen-max-vline)
		check "$t: collinear, twice the extent ($(twice_extent "$in"))" close "$(twice_extent "$in")" "$want" ;;
	sample-3|t01-*|t03-*)
		equals "$t: one distinct point, perimeter 0" "$want" 0.000000 ;;
	esac
done
check "at least 25 tests" test "$n" -ge 25
check "a test with 10^5 points on a circle" grep -qx 100000 "$P/tests/t50-gen-max-circle.in"

bad "n = 0" '0\n'
bad "n above 10^5" '100001\n0 0\n'
bad "x above 10^9" '1\n1000000001 0\n'
bad "y below -10^9" '1\n0 -1000000001\n'
bad "minus zero" '1\n-0 0\n'
bad "too few points" '3\n0 0\n1 1\n'
bad "too many points" '1\n0 0\n1 1\n'
bad "one coordinate" '1\n5\n'
bad "three coordinates" '1\n1 2 3\n'
bad "a double space" '1\n1  2\n'
bad "a trailing space" '1\n1 2 \n'
bad "a missing final newline" '1\n1 2'
bad "CRLF line ends" '1\r\n1 2\r\n'
bad "an extra blank line" '1\n1 2\n\n'
bad "a leading zero" '1\n01 2\n'
bad "a real number" '1\n1.5 2\n'
bad "a letter" '1\nx 2\n'
bad "empty input" ''

./gen 5 1000 > g1; ./gen 5 1000 > g2; ./gen 6 1000 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random circle line vline square dups smallbox; do
	for size in 1 2 3 100 20000; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
./gen 9 999999 > g
check "gen clamps n to 10^5" test "$(head -n 1 g)" = 100000
./gen 3 500 vline > g
equals "gen vline: one x" "$(tail -n +2 g | cut -d ' ' -f 1 | sort -u | wc -l)" 1
./gen 3 500 dups > g
check "gen dups: at most 6 distinct points" test "$(tail -n +2 g | sort -u | wc -l)" -le 6
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral
finish
