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

check_stored_verdicts "$ID"
finish
