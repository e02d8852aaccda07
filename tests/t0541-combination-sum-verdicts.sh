#!/bin/sh
# t0541: every stored combination-sum solution gets its folder's verdict
# through 'judge submit' (--fail-fast for the wrong ones), failing first on
# the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=combination-sum
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/no-reuse.c|*/wrong_answer/permutations.c|*/wrong_answer/descending-lines.c) echo sample-1 ;;
	*/wrong_answer/fixed-buffer.c) echo t08-max-n ;;
	*/time_limit_exceeded/compositions-dedup.c) echo t20-gen-max-smallest ;;
	*) echo "" ;;
	esac
}

check_stored_verdicts "$ID"
finish
