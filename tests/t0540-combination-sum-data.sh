#!/bin/sh
# t0540: combination-sum data. Every test input passes the validator and bad
# inputs are rejected; gen is deterministic and valid in every mode; every
# answer is well formed (k, then k non-decreasing lines summing to target, no
# repeats); the second accepted solution agrees with every answer under
# unordered-lines semantics (lines as token sequences, line order free).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=combination-sum
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build second "$S/accepted/2-dp-lists.c"

# the generated tests exist (make runs problems/generate.sh)
generated_tests_exist

norm() { awk 'NF { $1 = $1; print }' "$1" | sort; }
n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	ans=$P/tests/$t.ans
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	# the answer: k lines, each non-decreasing, summing to target, distinct
	target=$(awk 'NR == 1 { print $2 }' "$in")
	run awk -v target="$target" '
		NR == 1 { k = $1; next }
		{ s = 0; for (i = 1; i <= NF; i++) { s += $i; if (i > 1 && $i < $(i - 1)) bad = "not sorted: " $0 }
		  if (s != target) bad = "sum " s ": " $0
		  if (seen[$0]++) bad = "repeated: " $0; lines++ }
		END { if (lines != k) bad = "k = " k ", lines = " lines; if (bad != "") { print bad; exit 1 } }' "$ans"
	equals "$t: the answer is well formed" "$RC $OUT" "0 "
	./second < "$in" > out 2>/dev/null
	norm out > a; norm "$ans" > b
	check "$t: the second accepted solution agrees" cmp -s a b
done
check "at least 12 tests" test "$n" -ge 12

# bad inputs are rejected, each with a one-line message
bad "n = 0" '0 7\n\n'
bad "n = 31" '31 7\n2 3\n'
bad "target = 0" '1 0\n2\n'
bad "target = 41" '1 41\n2\n'
bad "a candidate 1" '2 7\n1 3\n'
bad "a candidate 41" '2 7\n41 3\n'
bad "repeated candidates" '3 7\n2 3 2\n'
bad "too few candidates" '4 7\n2 3 6\n'
bad "too many candidates" '2 7\n2 3 6\n'
bad "candidates on two lines" '2 7\n2\n3\n'
bad "a double space" '2 7\n2  3\n'
bad "a trailing space" '2 7\n2 3 \n'
bad "a missing final newline" '2 7\n2 3'
bad "CRLF line ends" '2 7\r\n2 3\r\n'
bad "an extra blank line" '2 7\n2 3\n\n'
bad "a leading zero" '2 07\n2 3\n'
bad "a sign" '2 7\n+2 3\n'
bad "a letter" '2 7\n2 x\n'
bad "empty input" ''
bad "a huge number" '2 99999999999999999999999\n2 3\n'

# gen: deterministic, seed-dependent, valid in every mode and size
./gen 5 30 > g1; ./gen 5 30 > g2; ./gen 6 30 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random smallest; do
	for size in 1 2 17 30 99; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
	done
done
./gen 1 30 smallest > g
equals "smallest mode: candidates 2..31, target 40" "$(head -n 1 g) $(tr ' ' '\n' < g | tail -n +3 | sort -n | tr '\n' ' ')" \
	"30 40 $(seq 2 31 | tr '\n' ' ')"
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral
finish
