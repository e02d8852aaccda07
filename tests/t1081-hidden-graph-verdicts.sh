#!/bin/sh
# t1081: every stored hidden-graph solution (interactive: each runs against
# the interactor) gets its folder's verdict through 'judge submit', failing
# first on the test its comment names; the messages say why.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "jq is not installed"

ID=hidden-graph
S=$ROOT/solutions/$ID
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/too-many-queries.c) echo sample-1 ;;
	*/wrong_answer/edges-formula.c) echo t04-two-triangles ;;
	*/time_limit_exceeded/no-flush.c) echo sample-1 ;;
	*/runtime_error/late-mark.c) echo sample-1 ;;
	*) echo "" ;;
	esac
}

check_stored_verdicts "$ID"

# message: the first failing test's
msg() {
	run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$ID" "$1" --json --fail-fast
	printf '%s' "$OUT" | jq -r '[.tests[] | select(.verdict != "AC")][0].message'
}
equals "too many questions: the interactor's judgemessage.txt" \
	"$(msg "$S/wrong_answer/too-many-queries.c")" "too many questions: more than n = 5"
equals "a wrong count: the interactor says which" \
	"$(msg "$S/wrong_answer/edges-formula.c")" "wrong answer: 0 components, expected 2"
contains "the crash is the program's (RE), not the interactor's EOF" \
	"$(msg "$S/runtime_error/late-mark.c")" "SIGSEGV"
run "$JUDGE" --catalog "$ROOT/problems.toml" result 1 --json
equals "the accepted message counts the questions" \
	"$(printf '%s' "$OUT" | jq -r '.tests[0].message')" "2 components found with 5 questions"
finish
