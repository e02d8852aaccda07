#!/bin/sh
# t0960: a CLI without traps: an unknown command or option is one
# "judge: error:" line with the closest name and exit 2 (no getopt message,
# no usage dump); 'judge help [COMMAND]' and 'judge --version'.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"

one_line() { # DESC: $ERR is exactly one line starting "judge: error: "
	equals "$1: one line" "$(printf '%s\n' "$ERR" | wc -l | tr -d ' ')" 1
	contains "$1: an error line" "$ERR" "judge: error: "
	lacks "$1: no usage dump" "$ERR" "usage:"
	lacks "$1: no getopt message" "$ERR" "unrecognized option"
}

# 1. unknown commands
expect_exit 2 "unknown command" "$JUDGE" sumbit
equals "unknown command: did you mean" "$ERR" \
	"judge: error: unknown command 'sumbit'; did you mean 'submit'? run 'judge help' to see the commands"
expect_exit 2 "far from every command" "$JUDGE" xyzzy
equals "no suggestion when none is near" "$ERR" \
	"judge: error: unknown command 'xyzzy'; run 'judge help' to see the commands"
expect_exit 2 "a typo of contest" "$JUDGE" contets list
contains "contets: contest" "$ERR" "did you mean 'contest'?"

# 2. unknown options, for every command and the global ones
expect_exit 2 "submit --fail-fsat" "$JUDGE" submit --fail-fsat x y
equals "submit --fail-fsat: did you mean" "$ERR" \
	"judge: error: unknown option '--fail-fsat' for 'judge submit'; did you mean '--fail-fast'? run 'judge submit --help' for the usage"
expect_exit 2 "--verbsoe list" "$JUDGE" --verbsoe list
equals "--verbsoe: did you mean" "$ERR" \
	"judge: error: unknown option '--verbsoe'; did you mean '--verbose'? run 'judge --help' for the usage"
expect_exit 2 "--fail-fsat=1: the name without its value" "$JUDGE" submit --fail-fsat=1 x y
contains "--fail-fsat=1" "$ERR" "unknown option '--fail-fsat' for 'judge submit'; did you mean '--fail-fast'?"
for cmd in cases complexity contest doctor help history import list new regress result run show stress submit test; do
	if [ "$cmd" = contest ]; then args="contest start --jsno"; else args="$cmd --jsno"; fi
	expect_exit 2 "$cmd --jsno" "$JUDGE" $args
	one_line "$cmd --jsno"
	contains "$cmd --jsno: named" "$ERR" "unknown option '--jsno' for 'judge $cmd'"
done
run "$JUDGE" doctor --jsno
contains "doctor --jsno: --json" "$ERR" "did you mean '--json'?"
expect_exit 2 "a missing value" "$JUDGE" submit alpha x.c --user
one_line "a missing value"
contains "a missing value: named" "$ERR" "option '--user' needs a value"
expect_exit 2 "a value where none is taken" "$JUDGE" submit --json=yes alpha x.c
contains "a value where none is taken: named" "$ERR" "option '--json' takes no value"
expect_exit 2 "an unknown short option" "$JUDGE" list -x
one_line "an unknown short option"
contains "an unknown short option: named" "$ERR" "unknown option '-x' for 'judge list'"
expect_exit 2 "a short option missing its value" "$JUDGE" regress -j
contains "-j: needs a value" "$ERR" "option '-j' needs a value"

# 3. help and --version
expect_exit 0 "judge help" "$JUDGE" help
contains "help lists the commands" "$OUT" "  submit      grade a solution on every test of a problem"
contains "help lists itself" "$OUT" "  help        list the commands, or show one command's usage"
run "$JUDGE" --help
equals "judge help is judge --help" "$OUT" "$("$JUDGE" help)"
for cmd in cases complexity contest doctor help history import list new regress result run show stress submit test; do
	expect_exit 0 "help $cmd" "$JUDGE" help "$cmd"
	want=$("$JUDGE" "$cmd" --help)
	equals "help $cmd is $cmd --help" "$OUT" "$want"
	contains "help $cmd: its usage" "$OUT" "usage: judge $cmd"
done
expect_exit 2 "help of an unknown command" "$JUDGE" help sumbit
equals "help sumbit: did you mean" "$ERR" \
	"judge: error: unknown command 'sumbit'; did you mean 'submit'? run 'judge help' to see the commands"
expect_exit 2 "help of two commands" "$JUDGE" help list show
one_line "help of two commands"
expect_exit 0 "--version" "$JUDGE" --version
want=$(sed -n 's/^#define JUDGE_VERSION "\(.*\)"$/\1/p' "$ROOT/judge/cli/cli.h")
equals "--version: judge VERSION" "$OUT" "judge $want"
equals "--version: nothing on stderr" "$ERR" ""
finish
