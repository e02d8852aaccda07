#!/bin/sh
# t0531: every stored convex-hull solution gets its folder's verdict through
# 'judge submit', failing first on the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=convex-hull
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/collinear-once.c) echo sample-2 ;;
	*/wrong_answer/sort-x-only.c) echo t06-vertical-line ;;
	*/wrong_answer/int32-cross.c) echo t08-square-max-interior ;;
	*/wrong_answer/float-perimeter.c|*/time_limit_exceeded/gift-wrapping.c|*/time_limit_exceeded/all-pairs.c) echo t20-gen-circle-50k ;;
	*) echo "" ;;
	esac
}

ntests=$(ls "$ROOT/problems/$ID/tests/"*.in | wc -l)
need_root
[ -x "$JUDGE" ] || skip "bin/judge is not built"
run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$ROOT/solutions/$ID/accepted/1-ref-monotone-chain.c" --json --fail-fast
if [ "$RC" -ne 0 ] || [ -z "$OUT" ]; then
	fail "the reference gets AC through 'judge submit': exit $RC" "$ERR"
	finish
	exit 1
fi

for src in "$ROOT"/solutions/$ID/*/*.c; do
	folder=$(basename "$(dirname "$src")")
	name=$folder/$(basename "$src")
	case "$folder" in
	accepted) want=AC ;; wrong_answer) want=WA ;; time_limit_exceeded) want=TLE ;;
	memory_limit_exceeded) want=MLE ;; runtime_error) want=RE ;; output_limit_exceeded) want=OLE ;;
	*) fail "$name: unknown folder '$folder'"; continue ;;
	esac
	# --fail-fast: the verdict is the first failing test's, the rest only cost time
	run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$src" --json --fail-fast
	got=$(printf '%s' "$OUT" | jq -r '.verdict' 2>/dev/null)
	equals "$name: verdict" "$got" "$want"
	[ "$want" = AC ] && w=0 || w=1
	equals "$name: exit code" "$RC" "$w"
	first=$(printf '%s' "$OUT" | jq -r '[.tests[] | select(.verdict != "AC")][0].name // ""' 2>/dev/null)
	equals "$name: first failing test" "$first" "$(first_fail "$src")"
	if [ "$want" = AC ]; then
		equals "$name: passed every test" "$(printf '%s' "$OUT" | jq -r '"\(.passed)/\(.total)"' 2>/dev/null)" "$ntests/$ntests"
	fi
done
finish
