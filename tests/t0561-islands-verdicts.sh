#!/bin/sh
# t0561: every stored islands solution gets its folder's verdict
# through 'judge submit' (--fail-fast for the wrong ones), failing first on
# the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=islands
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/*.c) echo sample-1 ;;
	*/time_limit_exceeded/rescan-from-start.c) echo t20-gen-checker-500 ;;
	*/runtime_error/fixed-stack.c) echo t30-gen-max-snake ;;
	*) echo "" ;;
	esac
}

check_stored_verdicts "$ID"
finish
