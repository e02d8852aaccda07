#!/bin/sh
# t0526: every stored n-queens solution gets its folder's verdict through
# 'judge submit', failing first on the test its comment names.
. "$(dirname "$0")/lib.sh"

ID=n-queens
# solution -> the first test it must fail (empty: accepted)
first_fail() {
	case "$1" in
	*/wrong_answer/diag-abs.c|*/wrong_answer/one-diagonal.c) echo sample-1 ;;
	*/wrong_answer/short-counter.c) echo t13-n13 ;;
	*/time_limit_exceeded/permutations.c) echo t12-n12 ;;
	*/time_limit_exceeded/cell-subsets.c) echo t08-n8 ;;
	*) echo "" ;;
	esac
}

check_stored_verdicts "$ID"
finish
