#!/bin/sh
# t0810: 'judge complexity' classifies the growth of stored solutions (the
# class only, never a timing): max-gap's linear solution against its
# quadratic TLE one, n-queens as exponential; warnings, JSON shape, options
# and bad inputs.
# run-all: alone
. "$(dirname "$0")/lib.sh"
S="$ROOT/solutions"

# class P FILE: run --json; $J holds the JSON.
class() {
	run "$JUDGE" complexity "$@" --json
	J=$OUT
	C=$(printf '%s' "$J" | jq -r .class)
}

class max-gap "$S/max-gap/accepted/1-ref-buckets.c"
equals "linear max-gap: exit 0 (no warning)" "$RC" "0"
case "$C" in "n"|"n log n") pass "linear max-gap is n or n log n" ;; *) fail "linear max-gap is '$C'" "$J" ;; esac
check "JSON: every field" sh -c "printf '%s' '$J' | jq -e '(keys == [\"class\",\"exponent\",\"points\",\"predicted_max_ms\",\"r2\"]) and (.exponent|type==\"number\") and (.r2|type==\"number\") and (.predicted_max_ms|type==\"number\")'"
check "JSON: points are [size, ms] pairs up to the maximum n" sh -c "printf '%s' '$J' | jq -e '(.points|length >= 5) and all(.points[]; length == 2) and (.points[-1][0] == 1000000)'"
check "JSON: sizes double" sh -c "printf '%s' '$J' | jq -e '.points[1][0] == 2 * .points[0][0] and .points[2][0] == 2 * .points[1][0]'"

class max-gap "$S/max-gap/time_limit_exceeded/insertion-sort.c"
equals "quadratic max-gap is n^2" "$C" "n^2"
equals "with a warning: exit 1" "$RC" "1"
contains "over the declared complexity" "$ERR" "judge: warning: the growth (n^2) exceeds the declared complexity O(n)"
contains "over the time limit at the maximum size" "$ERR" "at the maximum size 1000000 (n = 1000000) the time would be about"

class n-queens "$S/n-queens/accepted/1-ref-bitmask.c"
equals "n-queens is exponential" "$C" "2^n"
equals "within its declared O(n!): exit 0" "$RC" "0"
check "every n from 1 to 14 measured" sh -c "printf '%s' '$J' | jq -e '[.points[][0]] == [range(1; 15)]'"
class n-queens "$S/n-queens/accepted/2-arrays-symmetry.c"
equals "the other n-queens solution too" "$C" "2^n"

# A 2-D problem: islands' generator reports its input's size on stderr
# ("size R*C"), so n is the cells, not the grid's side, and O(r*c) reads as
# linear.
class islands "$S/islands/accepted/3-bfs-queue.c"
check "islands: n is the cells (1, 4, 16, ... a million)" sh -c "printf '%s' '$J' | jq -e '.points[0][0] == 1 and .points[1][0] == 4 and .points[2][0] == 16 and .points[-1][0] == 1000000'"
# the sizes are the cells (above: what the fix is about); the class of a
# BFS over a million cells reads as n or, on a busy moment, n log n (not
# the side's n^2, nor log n)
check "islands' O(r*c) is linear (n, or n log n)" sh -c "[ '$C' = n ] || [ '$C' = 'n log n' ]"
equals "islands: within its declared O(r*c): exit 0" "$RC" "0"

# The text report: plot, estimate, declared complexity.
expect_exit 0 "text report" "$JUDGE" complexity max-gap "$S/max-gap/accepted/2-radix-sort.c" --max-size 200000
contains "plot header" "$OUT" "size        time  (log scale)"
contains "the estimate" "$OUT" "max-gap: about n^"
contains "the declared complexity" "$OUT" "declared: O(n)"
contains "the prediction at the maximum" "$OUT" "predicted at size 1000000 (n = 1000000):"
lacks "--max-size caps the sizes" "$OUT" "  262144 "
contains "the last size measured is the cap" "$OUT" "      200000 "
lacks "no progress line off a terminal" "$ERR" "measuring"

# Too fast to time: a + b.
class a-plus-b "$S/a-plus-b/accepted/1-ref-long-long.c"
equals "a + b is constant" "$C" "1"

# Bad usage and input.
expect_exit 2 "no arguments" "$JUDGE" complexity
contains "usage" "$ERR" "usage: judge complexity ID FILE.c"
expect_exit 2 "unknown problem" "$JUDGE" complexity n-queen "$S/n-queens/accepted/1-ref-bitmask.c"
contains "suggestion" "$ERR" "judge: error: unknown problem 'n-queen'; did you mean 'n-queens'?"
expect_exit 2 "bad --max-size" "$JUDGE" complexity n-queens "$S/n-queens/accepted/1-ref-bitmask.c" --max-size 0
contains "says which option" "$ERR" "bad --max-size '0'"
expect_exit 2 "bad --budget" "$JUDGE" complexity n-queens "$S/n-queens/accepted/1-ref-bitmask.c" --budget -3
expect_exit 2 "missing file" "$JUDGE" complexity n-queens nothere.c
printf 'int main(void) { return 3; }\n' > crash.c
expect_exit 2 "a solution failing on the smallest input" "$JUDGE" complexity n-queens crash.c
contains "says so" "$ERR" "the solution got RE on the smallest input"
finish
