#!/bin/sh
# t0130: every kind of bad catalogue gets one clear error (FILE:LINE:COL
# where there is one), exit 2, and leaves the database as it was, both for
# 'judge import' and for the automatic sync of any other command.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/catalog-fixture.sh"

pristine_catalog
expect_exit 0 "the good catalogue imports" "$JUDGE" import
SUM=$(dbsum)
check "the database has content" [ "$SUM" != none ]

# bad DESC ERROR: after the edit, import and list both fail with exactly
# "judge: error: ERROR" on stderr and change nothing; then restore.
bad() {
	desc=$1
	for cmd in import list; do
		expect_exit 2 "$desc ($cmd): exit 2" "$JUDGE" $cmd
		equals "$desc ($cmd): the error" "$ERR" "judge: error: $2"
		equals "$desc ($cmd): nothing printed" "$OUT" ""
		equals "$desc ($cmd): database unchanged" "$(dbsum)" "$SUM"
	done
	reset_catalog
}

# bad_prefix DESC PREFIX: like bad, for messages whose end is the TOML
# reader's wording: one line starting "judge: error: PREFIX".
bad_prefix() {
	expect_exit 2 "$1: exit 2" "$JUDGE" import
	contains "$1: the location" "$ERR" "judge: error: $2"
	equals "$1: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
	equals "$1: database unchanged" "$(dbsum)" "$SUM"
	reset_catalog
}

edit 'title = "Alpha"' 'title = "Alpha'
bad_prefix "TOML syntax error" "problems.toml:4:"

edit 'time_limit_ms = 1000' 'time_limit = 1000'
bad "unknown key" "problems.toml:5:1: unknown key 'time_limit' in problem 'alpha'; did you mean 'time_limit_ms'?"

edit 'id = "alpha"' 'id = "alpha"
zzz = 1'
bad "unknown key, no hint" "problems.toml:4:1: unknown key 'zzz' in problem 'alpha'"

edit '[[contest]]' '[[contests]]'
bad "unknown top-level key" "problems.toml:20:3: unknown key 'contests' in the catalogue; did you mean 'contest'?"

edit 'memory_limit_mb = 64' 'memory_limit_mb = "64"'
bad "wrong type" "problems.toml:6:19: memory_limit_mb must be a positive integer, not a string"

edit 'tags = ["math", "easy"]' 'tags = ["math", 1]'
bad "wrong element type" "problems.toml:8:17: tags must hold only strings, not an integer"

edit 'title = "Beta"
' ''
bad "missing required field" "problems.toml:11:1: problem 'beta' has no 'title'; add title = \"...\""

edit 'checker = "tokens"
' ''
bad "missing checker" "problems.toml:2:1: problem 'alpha' has no 'checker'; add checker = \"...\""

edit 'id = "beta"' 'id = "alpha"'
bad "duplicate id" "problems.toml:12:6: duplicate problem id 'alpha' (first defined at line 3)"

edit 'time_limit_ms = 2000' 'time_limit_ms = 0'
bad "zero time limit" "problems.toml:14:17: time_limit_ms must be a positive integer"

edit 'stack_limit_mb = 16' 'stack_limit_mb = -16'
bad "negative stack limit" "problems.toml:16:18: stack_limit_mb must be a positive integer"

edit 'checker = "tokens"' 'checker = "tokenz"'
bad "unknown checker" "problems.toml:7:11: unknown checker 'tokenz'; did you mean 'tokens'? (one of exact, tokens, float, unordered-lines, regex, custom)"

edit 'checker = "tokens"' 'checker = "tokens"
abs_tolerance = 0.1'
bad "tolerance without the float checker" "problems.toml:8:17: tolerances apply only to checker = \"float\", not \"tokens\""

edit 'title = "Beta"' 'title = "Be\nta"'
bad "title on two lines" "problems.toml:13:9: title must be one line of text"

edit 'id = "alpha"' 'id = "Alpha"'
bad "bad id" "problems.toml:3:6: problem id 'Alpha' must be lowercase letters, digits and '-', not starting with '-'"

rm -r problems/beta
bad "missing problem folder" "problems.toml:11:1: folder 'problems/beta' of problem 'beta' does not exist"

edit 'id = "beta"' 'id = "beta"
folder = "elsewhere/beta"'
bad "missing explicit folder" "problems.toml:13:10: folder 'elsewhere/beta' of problem 'beta' does not exist"

rm problems/alpha/statement.md
bad "missing statement" "problems.toml:2:1: problem 'alpha' has no statement: 'problems/alpha/statement.md' does not exist"

rm problems/alpha/tests/02-big.ans
bad "test input without its answer" "test input 'problems/alpha/tests/02-big.in' has no answer; add 'problems/alpha/tests/02-big.ans'"

rm problems/alpha/tests/sample-1.in
bad "test answer without its input" "test answer 'problems/alpha/tests/sample-1.ans' has no input; add 'problems/alpha/tests/sample-1.in'"

rm problems/beta/tests/*
bad "no tests" "problem 'beta' has no tests; add NAME.in and NAME.ans files to 'problems/beta/tests'"

rm problems/beta/checker.c
bad "checker source missing" "problems.toml:18:18: checker source 'problems/beta/checker.c' of problem 'beta' does not exist"

edit 'checker_source = "checker.c"
' ''
bad "custom checker without a source" "problems.toml:11:1: problem 'beta' has no 'checker_source'; add checker_source = \"...\""

edit 'problems = ["beta", "alpha"]' 'problems = ["beta", "alpah"]'
bad "contest with an unknown problem" "problems.toml:23:21: unknown problem 'alpah' in contest 'cup'; did you mean 'alpha'?"

edit 'duration_minutes = 60' 'duration_minutes = 60
freeze_minutes = 60'
bad "freeze not shorter than the contest" "problems.toml:25:18: freeze_minutes must be less than duration_minutes (60)"

printf '' > problems.toml
bad "empty catalogue" "no problems in 'problems.toml'; add a [[problem]] table"

finish
