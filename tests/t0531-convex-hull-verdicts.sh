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

check_stored_verdicts "$ID"
finish
