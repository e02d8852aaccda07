#!/bin/sh
# t0511: every stored a-plus-b solution gets its folder's verdict through
# 'judge submit', failing first on the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=a-plus-b
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/int32.c) echo sample-3 ;;
	*/wrong_answer/double.c) echo t08-double-trap ;;
	*) echo "" ;;
	esac
}

ntests=$(ls "$ROOT/problems/$ID/tests/"*.in | wc -l)
need_root
[ -x "$JUDGE" ] || skip "bin/judge is not built"
run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$ROOT/solutions/$ID/accepted/1-ref-long-long.c" --json --fail-fast
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
