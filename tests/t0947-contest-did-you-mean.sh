#!/bin/sh
# t0947: a mistyped contest subcommand is one 'judge: error:' line naming the
# closest one, exit 2, as mistyped commands are; one far from all of them
# lists them.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
grade_fixtures
run "$JUDGE" contest sumbit
equals "contest sumbit: exit 2" "$RC" 2
equals "contest sumbit: did you mean" "$ERR" "judge: error: unknown subcommand 'contest sumbit'; did you mean 'contest submit'? use one of create, list, scoreboard, start, status, submit"
equals "contest sumbit: nothing on stdout" "$OUT" ""
run "$JUDGE" contest scorebaord
contains "contest scorebaord: did you mean" "$ERR" "did you mean 'contest scoreboard'?"
run "$JUDGE" contest stat
contains "contest stat: the nearest" "$ERR" "did you mean 'contest start'?"
run "$JUDGE" contest xyzzyq
equals "far from all: exit 2" "$RC" 2
equals "far from all: the list only" "$ERR" "judge: error: unknown subcommand 'contest xyzzyq'; use one of create, list, scoreboard, start, status, submit"
finish
