#!/bin/sh
# t0521: every stored max-gap solution gets its folder's verdict through
# 'judge submit', failing first on the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=max-gap
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/sort-n1-garbage.c) echo sample-2 ;;
	*/wrong_answer/buckets-skip-empty.c|*/wrong_answer/buckets-miss-last.c) echo sample-3 ;;
	*/runtime_error/bucket-size-zero.c) echo t04-two-equal ;;
	*/time_limit_exceeded/insertion-sort.c|*/time_limit_exceeded/next-larger-scan.c) echo t20-gen-random-300k ;;
	*/memory_limit_exceeded/count-every-value.c) echo sample-1 ;;
	*) echo "" ;;
	esac
}

ntests=$(ls "$ROOT/problems/$ID/tests/"*.in | wc -l)
need_root
[ -x "$JUDGE" ] || skip "bin/judge is not built"
run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$ROOT/solutions/$ID/accepted/1-ref-buckets.c" --json --fail-fast
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
