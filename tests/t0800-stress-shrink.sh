#!/bin/sh
# t0800: 'judge stress' finds and shrinks counterexamples for stored
# wrong_answer solutions: the verdict, an input the problem's validator
# accepts, and sizes that are properties of each bug (not of timing).
. "$(dirname "$0")/lib.sh"
S="$ROOT/solutions"

# validator P: build problems/P/validator.c on the host (once).
validator() {
	[ -x "v-$1" ] || cc -O2 -o "v-$1" "$ROOT/problems/$1/validator.c" || return 1
	echo "./v-$1"
}

# stress P FILE: run stress --json; $J holds the JSON, input.txt the input.
stress() {
	run "$JUDGE" stress "$1" "$2" --json
	J=$OUT
	printf '%s' "$J" | jq -j .input > input.txt 2>/dev/null
}

# found P WHAT VERDICT: the JSON says found with VERDICT, exit 1, and the
# input passes the validator.
found() {
	equals "$2: exit 1" "$RC" "1"
	equals "$2: found" "$(printf '%s' "$J" | jq -r .found)" "true"
	equals "$2: verdict" "$(printf '%s' "$J" | jq -r .verdict)" "$3"
	check "$2: the minimal input passes the validator" sh -c "$(validator "$1") < input.txt"
	check "$2: size and seed are numbers" sh -c "printf '%s' '$J' | jq -e '(.size|type==\"number\") and (.seed|type==\"number\")'"
}

# max-gap: the last bucket is never scanned; two numbers show it.
stress max-gap "$S/max-gap/wrong_answer/buckets-miss-last.c"
found max-gap "max-gap buckets-miss-last" WA
n=$(head -n 1 input.txt)
check "max-gap: shrunk to n <= 3 (got $n)" test "$n" -le 3
equals "max-gap: the count matches the numbers" "$(sed -n 2p input.txt | wc -w)" "$n"
equals "max-gap: expected is the reference's answer" \
	"$("$JUDGE" run "$S/max-gap/accepted/1-ref-buckets.c" --stdin input.txt --json | jq -r .stdout)" \
	"$(printf '%s' "$J" | jq -r .expected)"
lacks "max-gap: got differs" "$(printf '%s' "$J" | jq -r .got)" "$(printf '%s' "$J" | jq -r .expected)"

# max-gap with n = 1: the garbage of an unset variable shows on one number.
stress max-gap "$S/max-gap/wrong_answer/sort-n1-garbage.c"
found max-gap "max-gap sort-n1-garbage" WA
equals "max-gap n1: shrunk to n = 1" "$(head -n 1 input.txt)" "1"

# a-plus-b: 32-bit overflow; only values past 2^31 show it.
stress a-plus-b "$S/a-plus-b/wrong_answer/int32.c"
found a-plus-b "a-plus-b int32" WA
check "a-plus-b: a, b or a + b is outside 32 bits" python3 -c "
import sys
a, b = map(int, open('input.txt').read().split())
sys.exit(0 if any(abs(v) > 2**31 - 1 for v in (a, b, a + b)) else 1)"

# combination-sum: no reuse; the minimal case needs a repeated candidate.
stress combination-sum "$S/combination-sum/wrong_answer/no-reuse.c"
found combination-sum "combination-sum no-reuse" WA
n=$(head -n 1 input.txt | cut -d' ' -f1)
check "combination-sum: shrunk to n <= 2 (got $n)" test "$n" -le 2
check "combination-sum: an expected combination repeats a candidate" python3 -c "
import json, sys
lines = json.loads(open('/dev/stdin').read())['expected'].split('\n')[1:]
sys.exit(0 if any(len(l.split()) != len(set(l.split())) for l in lines if l) else 1)" <<JSON
$J
JSON

# combination-sum-ii (custom checker): reuse of one input position.
stress combination-sum-ii "$S/combination-sum-ii/wrong_answer/reuse.c"
found combination-sum-ii "combination-sum-ii reuse" WA
n=$(head -n 1 input.txt | cut -d' ' -f1)
check "combination-sum-ii: shrunk to n <= 2 (got $n)" test "$n" -le 2

# islands: 8-connectivity; rows and columns deleted down to a 2 x 2 grid.
stress islands "$S/islands/wrong_answer/diagonals.c"
found islands "islands diagonals" WA
equals "islands: shrunk to 2 x 2" "$(head -n 1 input.txt)" "2 2"
check "islands: two cells touching at a corner" grep -qx '10\|01' input.txt

# convex-hull: points on one vertical line, found through the generator's
# modes (gen.list), shrunk to at most 3 points.
stress convex-hull "$S/convex-hull/wrong_answer/sort-x-only.c"
found convex-hull "convex-hull sort-x-only" WA
n=$(head -n 1 input.txt)
check "convex-hull: shrunk to n <= 3 (got $n)" test "$n" -le 3
equals "convex-hull: one x for every point" "$(sed 1d input.txt | cut -d' ' -f1 | sort -u | wc -l)" "1"

# The text report: the input, expected and actual output, the local test.
expect_exit 1 "text report" "$JUDGE" stress n-queens "$S/n-queens/wrong_answer/one-diagonal.c"
contains "text: verdict line" "$OUT" "n-queens: WA after"
contains "text: input block" "$OUT" "input ("
contains "text: expected block" "$OUT" "expected ("
contains "text: got block" "$OUT" "got ("
contains "text: saved" "$OUT" "saved as local test 'local-1'"
lacks "text: no progress line off a terminal" "$ERR" "searching"
finish
