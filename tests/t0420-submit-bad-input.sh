#!/bin/sh
# Bad input to 'judge submit': exit 2, one 'judge: error:' line, nothing
# stored. Missing file, a directory, a binary file, invalid UTF-8, a 1 MB
# file, an unknown problem (with the closest id suggested), bad usage.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
grade_fixtures

# bad DESC ERROR-FRAGMENT ARGS...: exit 2 with exactly one error line
bad() {
	desc=$1; frag=$2; shift 2
	expect_exit 2 "$desc: exit 2" "$JUDGE" "$@"
	equals "$desc: one line on stderr" "$(printf '%s\n' "$ERR" | wc -l)" 1
	contains "$desc: message" "$ERR" "judge: error: "
	contains "$desc: says what" "$ERR" "$frag"
	equals "$desc: nothing on stdout" "$OUT" ""
}

"$JUDGE" import >/dev/null 2>&1
before=$(dbsum)

bad "missing file" "nothere.c" submit sum nothere.c
mkdir adir.c
bad "directory" "adir.c" submit sum adir.c
printf 'int main(void) { return 0; }\0\n' > nul.c
bad "NUL bytes" "nul.c" submit sum nul.c
{ echo 'int main(void) { return 0; }'; head -c 1048576 /dev/zero | tr '\0' '/'; echo; } > big.c
bad "1 MB file" "big.c" submit sum big.c
bad "unknown problem" "unknown problem 'smu'; did you mean 'sum'?" submit smu cat.c
bad "far unknown problem" "run 'judge list'" submit zzzzzzzzzzzz cat.c
bad "bad user" "user name" submit sum cat.c --user "$(printf 'a\tb')"
expect_exit 2 "no arguments: exit 2" "$JUDGE" submit
contains "no arguments: usage" "$ERR" "usage: judge submit"
expect_exit 2 "unknown option: exit 2" "$JUDGE" submit sum cat.c --frobnicate

equals "nothing stored" "$(dbsum)" "$before"
equals "no submission rows" "$(sqlite3 "$JUDGE_DB" 'select count(*) from submissions')" 0

finish
