#!/bin/sh
# t0251-run-bad-input: `judge run` refuses bad sources, inputs and options
# with exit 2 and one "judge: error:" line, before compiling anything.
. "$(dirname "$0")/lib.sh"

printf 'int main(void) { return 0; }\n' > ok.c
mkdir folder.c
printf 'int main(void) { return 0; }\0\n' > nul.c
printf 'int main(void) { return 0; } /* \377 */\n' > latin1.c
awk 'BEGIN { for (i = 0; i < 9000; i++) printf "int v%d = %d; /* padding padding */\n", i, i }' > big.c
mkfifo fifo.c

bad() { # bad DESC WANT-IN-ERROR ARGS...
	desc=$1; why=$2; shift 2
	expect_exit 2 "$desc" "$JUDGE" run "$@"
	contains "$desc: message" "$ERR" "judge: error: "
	contains "$desc: says why" "$ERR" "$why"
	equals "$desc: one error line" "$(printf '%s\n' "$ERR" | grep -c '^judge: error:')" 1
	equals "$desc: nothing on stdout" "$OUT" ""
}

bad "missing source" "'missing.c' does not exist" missing.c
bad "missing source, --json" "does not exist" --json missing.c
bad "a folder" "is a folder" folder.c
bad "NUL bytes" "not text" nul.c
bad "over 256 KB" "too large" big.c
expect_exit 0 "a Latin-1 byte in a comment is not bad input" "$JUDGE" run latin1.c
bad "a FIFO" "not a regular file" fifo.c
bad "no file" "needs one source file"
bad "two files" "one source file" ok.c ok.c
bad "zero time limit" "--time-limit '0'" --time-limit 0 ok.c
bad "negative time limit" "--time-limit '-5'" --time-limit -5 ok.c
bad "word time limit" "--time-limit 'fast'" --time-limit fast ok.c
bad "huge time limit" "--time-limit" --time-limit 99999999999999999999 ok.c
bad "time limit with junk" "--time-limit '100ms'" --time-limit 100ms ok.c
bad "zero memory limit" "--memory-limit '0'" --memory-limit 0 ok.c
bad "huge memory limit" "--memory-limit" --memory-limit 1000000 ok.c
bad "missing stdin file" "input file 'nothere.txt' does not exist" --stdin nothere.txt ok.c
bad "stdin is a folder" "not a regular file" --stdin folder.c ok.c
expect_exit 2 "unknown option" "$JUDGE" run --frobnicate ok.c
equals "unknown option: one line, no usage" "$ERR" "judge: error: unknown option '--frobnicate' for 'judge run'; run 'judge run --help' for the usage"
expect_exit 0 "--help" "$JUDGE" run --help
contains "--help: usage" "$OUT" "usage: judge run FILE "
finish
