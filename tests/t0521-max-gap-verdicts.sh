#!/bin/sh
# t0521: every stored max-gap solution gets its folder's verdict through
# 'judge submit', failing first on the test its comment names.
# run-all: long (started first)
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

check_stored_verdicts "$ID"
finish
