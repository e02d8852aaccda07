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

check_stored_verdicts "$ID"
finish
