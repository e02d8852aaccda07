#!/bin/sh
# t0560: islands data. Every test input passes the validator and bad inputs
# are rejected; gen is deterministic and valid in every mode; the union-find
# and BFS solutions agree with every answer (tokens); the deep tests really
# are deep: the recursive reference overflows an 8 MB stack on them and
# passes with the judge's 256 MB stack.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/problem-data.sh"

ID=islands
P=$ROOT/problems/$ID
S=$ROOT/solutions/$ID
build val "$P/validator.c"
build gen "$P/gen.c"
build ref "$S/accepted/1-ref-dfs-recursive.c"
build uf "$S/accepted/2-union-find.c"
build bfs "$S/accepted/3-bfs-queue.c"

generated_tests_exist

n=0
for in in "$P"/tests/*.in; do
	t=$(basename "$in" .in)
	n=$((n + 1))
	expect_exit 0 "$t passes the validator" ./val < "$in"
	want=$(cat "$P/tests/$t.ans")
	equals "$t: union-find agrees" "$(./uf < "$in")" "$want"
	equals "$t: BFS agrees" "$(./bfs < "$in")" "$want"
done
check "at least 19 tests" test "$n" -ge 19
equals "t32-gen-max-checker: 5*10^5 islands" "$(cat "$P/tests/t32-gen-max-checker.ans")" 500000
equals "t31-gen-max-full: one island" "$(cat "$P/tests/t31-gen-max-full.ans")" 1
equals "t30-gen-max-snake: one island" "$(cat "$P/tests/t30-gen-max-snake.ans")" 1

# the flood fill of t31 is about 10^6 calls deep (48 bytes a frame: ~48 MB)
deep=$P/tests/t31-gen-max-full.in
run sh -c "ulimit -s 8192 && ./ref < '$deep'"
check "the recursive reference overflows an 8 MB stack on t31" test "$RC" -ne 0
run sh -c "ulimit -s 262144 && ./ref < '$deep'"
equals "the recursive reference passes t31 with a 256 MB stack" "$RC $OUT" "0 1"

bad "r = 0" '0 3\n'
bad "c = 0" '1 0\n\n'
bad "r = 1001" '1001 1\n1\n'
bad "a short row" '2 3\n101\n01\n'
bad "a long row" '2 3\n101\n0110\n'
bad "a missing row" '3 3\n101\n010\n'
bad "an extra row" '1 3\n101\n010\n'
bad "a 2 in the grid" '2 3\n101\n021\n'
bad "spaces in a row" '1 3\n1 0 1\n'
bad "a trailing space" '1 3\n101 \n'
bad "CRLF line ends" '1 3\r\n101\r\n'
bad "a missing final newline" '1 3\n101'
bad "a leading zero" '01 3\n101\n'
bad "a double space in the header" '1  3\n101\n'
bad "empty input" ''
bad "a NUL byte" '1 3\n1\0001\n'

./gen 5 300 > g1; ./gen 5 300 > g2; ./gen 6 300 > g3
check "gen is deterministic" cmp -s g1 g2
check "gen depends on the seed" test "$(cat g1)" != "$(cat g3)"
for mode in random full snake checker; do
	for size in 1 2 7 64 1500; do
		./gen 9 $size $mode > g
		expect_exit 0 "gen 9 $size $mode is valid" ./val < g
		equals "gen 9 $size $mode: union-find and BFS agree" "$(./uf < g)" "$(./bfs < g)"
	done
done
equals "gen SIZE is clamped to 1000" "$(head -n 1 g)" "1000 1000"
./gen 1 7 snake > g
equals "the snake is one island" "$(./uf < g)" 1
expect_exit 2 "gen rejects an unknown mode" ./gen 1 5 spiral
finish
