#!/bin/sh
# t0700: defining contests (catalogue and 'contest create'), listing them,
# and the input errors of every subcommand.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/contest-fixture.sh"

expect_exit 0 "catalogue contest listed" $JC contest list
contains "list shows spring" "$OUT" "spring"
contains "list shows its title" "$OUT" "Spring Cup"

expect_exit 0 "create with every option" $JC contest create sprint \
	--problems inc,echo --duration 1h30m --freeze 20m --penalty 10 --title "Sprint <1>"
contains "create names the letters" "$OUT" "A  inc"
run $JC contest list --json
equals "list --json: two contests" "$(echo "$OUT" | jq '.contests | length')" 2
equals "create: duration" "$(echo "$OUT" | jq '.contests[] | select(.id == "sprint") | .duration_minutes')" 90
equals "create: freeze" "$(echo "$OUT" | jq '.contests[] | select(.id == "sprint") | .freeze_minutes')" 20
equals "create: penalty" "$(echo "$OUT" | jq '.contests[] | select(.id == "sprint") | .penalty_minutes')" 10
equals "create: letters in order" "$(echo "$OUT" | jq -r '.contests[] | select(.id == "sprint") | [.problems[] | .letter + "=" + .problem] | join(",")')" "A=inc,B=echo"
equals "catalogue: penalty defaults to 20" "$(echo "$OUT" | jq '.contests[] | select(.id == "spring") | .penalty_minutes')" 20
equals "catalogue: source" "$(echo "$OUT" | jq -r '.contests[] | select(.id == "spring") | .source')" catalog

expect_exit 0 "create with defaults" $JC contest create solo --problems twice --duration 45m
run $JC contest list --json
equals "default penalty" "$(echo "$OUT" | jq '.contests[] | select(.id == "solo") | .penalty_minutes')" 20
equals "default freeze" "$(echo "$OUT" | jq '.contests[] | select(.id == "solo") | .freeze_minutes')" 0
equals "default title" "$(echo "$OUT" | jq -r '.contests[] | select(.id == "solo") | .title')" solo

# errors: exit 2, one line, what and how to fix
expect_exit 2 "bad duration" $JC contest create x --problems echo --duration 2x
contains "bad duration names the accepted forms" "$ERR" "'2h', '90m' or '1h30m'"
contains "bad duration quotes the value" "$ERR" "'2x'"
expect_exit 2 "zero duration" $JC contest create x --problems echo --duration 0m
expect_exit 2 "freeze not shorter than duration" $JC contest create x --problems echo --duration 1h --freeze 60m
contains "freeze error" "$ERR" "shorter than --duration"
expect_exit 2 "bad penalty" $JC contest create x --problems echo --duration 1h --penalty -3
expect_exit 2 "unknown problem" $JC contest create x --problems echo,twic --duration 1h
contains "unknown problem suggests" "$ERR" "unknown problem 'twic' in --problems; did you mean 'twice'?"
expect_exit 2 "repeated problem" $JC contest create x --problems echo,echo --duration 1h
expect_exit 2 "empty problem in the list" $JC contest create x --problems echo,,inc --duration 1h
expect_exit 2 "duplicate CLI contest id" $JC contest create sprint --problems echo --duration 1h
contains "duplicate id" "$ERR" "contest 'sprint' already exists"
expect_exit 2 "CLI contest may not take a catalogue id" $JC contest create spring --problems echo --duration 1h
expect_exit 2 "bad contest id" $JC contest create "Bad Id" --problems echo --duration 1h
expect_exit 2 "missing --duration" $JC contest create y --problems echo
expect_exit 2 "missing id" $JC contest create --problems echo --duration 1h
run $JC contest list --json
equals "failed creates stored nothing" "$(echo "$OUT" | jq '.contests | length')" 3

expect_exit 2 "unknown contest" $JC contest start sprnt
contains "unknown contest suggests" "$ERR" "unknown contest 'sprnt'; did you mean 'sprint'?"
expect_exit 2 "unknown contest, nothing close" $JC contest scoreboard zzzzzzzz
contains "unknown contest hint" "$ERR" "judge contest list"
expect_exit 2 "unknown subcommand" $JC contest frobnicate
expect_exit 2 "unknown option" $JC contest start spring --json
contains "unknown option named" "$ERR" "'--json'"
expect_exit 2 "no subcommand" $JC contest
expect_exit 0 "help" $JC contest --help
contains "help lists scoreboard" "$OUT" "judge contest scoreboard ID"
expect_exit 2 "too many arguments" $JC contest status spring extra
expect_exit 2 "control character in --user" $JC contest start spring --user "$(printf 'a\tb')"
lacks "errors are one line" "$(echo "$ERR" | sed -n 2p)" "judge"

finish
