#!/bin/sh
# t0930: 'judge cases list|add|rm ID': local tests saved by stress (origin
# stress) and added by the user (origin user); add computes the answer with
# the reference when none is given, refuses an input the validator rejects
# (exit 2); rm by name or number; submit and 'judge test' run them.
. "$(dirname "$0")/lib.sh"
need_root
# a catalogue of a-plus-b alone (its validator, generator and reference)
mkdir -p problems solutions
cp -r "$ROOT/problems/a-plus-b" problems/
cp -r "$ROOT/solutions/a-plus-b" solutions/
sed -n '/^id = "a-plus-b"/,/^$/p' "$ROOT/problems.toml" | { echo '[[problem]]'; cat; } > problems.toml
S="$SCRATCH/solutions/a-plus-b"
sq() { dbq "$1"; }
# a blob column as text, in either backend's SQL
if [ "$JUDGE_TEST_DB" = pg ]; then as_text() { echo "convert_from($1, 'UTF8')"; }
else as_text() { echo "CAST($1 AS TEXT)"; }; fi

run "$JUDGE" cases list a-plus-b
equals "empty list: exit 0" "$RC" 0
contains "empty list says how to add" "$OUT" "judge cases add a-plus-b IN"

printf '2 3\n' > in1
expect_exit 0 "add without an answer" "$JUDGE" cases add a-plus-b in1
contains "saved as local-1 from the reference" "$OUT" "saved as local test 'local-1' of a-plus-b (4 bytes in, 2 bytes answer from the reference)"
equals "the reference's answer stored" "$(sq "SELECT $(as_text answer) FROM local_tests WHERE name = 'local-1'")" 5
run "$JUDGE" cases add a-plus-b in1
equals "the same input again: exit 0" "$RC" 0
contains "the same input: nothing saved" "$OUT" "already local test 'local-1'"

printf '99999999999999999999 1\n' > bad.in
run "$JUDGE" cases add a-plus-b bad.in
equals "invalid input: exit 2" "$RC" 2
contains "invalid input: the validator's reason" "$ERR" "judge: error: 'bad.in' is not a valid input for 'a-plus-b': the validator says: "
equals "invalid input: nothing saved" "$(sq 'SELECT count(*) FROM local_tests')" 1

printf '1 1\n' > in2
printf '3\n' > ans2
expect_exit 0 "add with an answer (wrong on purpose)" "$JUDGE" cases add a-plus-b in2 ans2
contains "named local-2" "$OUT" "local-2"
run "$JUDGE" cases add a-plus-b missing.in
equals "missing input file: exit 2" "$RC" 2
run "$JUDGE" cases add a-plus-b in1 --ref nothere.c
equals "missing reference file: exit 2" "$RC" 2

expect_exit 1 "stress saves a counterexample" "$JUDGE" stress a-plus-b "$S/wrong_answer/int32.c" --json
run "$JUDGE" cases list a-plus-b
check "list: local-1 from the user, with sizes" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^local-1 +user +4 B +2 B\$'" _ "$OUT"
check "list: local-3 from stress" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^local-3 +stress '" _ "$OUT"
run "$JUDGE" cases list a-plus-b --json
equals "list --json" "$(printf '%s' "$OUT" | jq -c '[.cases[] | [.name, .origin, .input_bytes]] | .[0:2]')" '[["local-1","user",4],["local-2","user",4]]'
run "$JUDGE" cases list a-plus-b --user bob --json
equals "another user has none" "$(printf '%s' "$OUT" | jq '.cases | length')" 0

run "$JUDGE" submit a-plus-b "$S/accepted/1-ref-long-long.c" --all --json
equals "submit runs the user's cases: the wrong answer fails" \
	"$(printf '%s' "$OUT" | jq -r '.tests[] | select(.name == "local-2") | .verdict')" WA
run "$JUDGE" test a-plus-b "$S/accepted/1-ref-long-long.c" --json
equals "judge test runs them too" "$(printf '%s' "$OUT" | jq -c '[.tests[].name | select(startswith("local"))]')" '["local-1","local-2","local-3"]'

expect_exit 0 "rm by number" "$JUDGE" cases rm a-plus-b 2
contains "rm says what it removed" "$OUT" "removed local test 'local-2'"
expect_exit 0 "rm by name" "$JUDGE" cases rm a-plus-b local-3
equals "one case left" "$(sq 'SELECT name FROM local_tests')" local-1
run "$JUDGE" cases rm a-plus-b local-9
equals "rm an unknown case: exit 2" "$RC" 2
contains "rm an unknown case: why" "$ERR" "no local test 'local-9'"
run "$JUDGE" cases lst a-plus-b
equals "a mistyped action: exit 2" "$RC" 2
contains "a mistyped action: did you mean" "$ERR" "did you mean 'list'?"
run "$JUDGE" cases list a-plus-c
equals "unknown problem: exit 2" "$RC" 2

finish
