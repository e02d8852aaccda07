#!/bin/sh
# t0552: every stored combination-sum-ii solution gets its folder's verdict
# through 'judge submit' (--fail-fast for the wrong ones), failing first on
# the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=combination-sum-ii
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/skip-last-value.c) echo sample-2 ;;
	*/wrong_answer/*.c) echo sample-1 ;;
	*/time_limit_exceeded/all-subsets.c) echo t05-all-ones ;;
	*) echo "" ;;
	esac
}

need_root
[ -x "$JUDGE" ] || skip "bin/judge is not built"
grep -q "^id = \"$ID\"" "$ROOT/problems.toml" || skip "$ID is not in problems.toml yet"
run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$ROOT/solutions/$ID/accepted/1-ref-backtrack.c" --json
case "$ERR" in *"not built yet"*) skip "'judge submit' is not built yet" ;; esac
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
	# a wrong solution's verdict is its first failing test's: stop there
	[ "$want" = AC ] && ff= || ff=--fail-fast
	run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$src" --json $ff
	got=$(printf '%s' "$OUT" | jq -r '.verdict' 2>/dev/null)
	equals "$name: verdict" "$got" "$want"
	[ "$want" = AC ] && w=0 || w=1
	equals "$name: exit code" "$RC" "$w"
	first=$(printf '%s' "$OUT" | jq -r '[.tests[] | select(.verdict != "AC")][0].name // ""' 2>/dev/null)
	equals "$name: first failing test" "$first" "$(first_fail "$src")"
done
finish
