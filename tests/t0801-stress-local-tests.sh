#!/bin/sh
# t0801: the counterexample 'judge stress' finds is saved as the user's local
# test: the next 'judge submit' by that user runs it after the problem's
# tests (marked local), other users' do not, and finding it again does not
# add a copy.
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"
S="$ROOT/solutions"
WRONG="$S/max-gap/wrong_answer/buckets-miss-last.c"
sq() { dbq "$1"; }
# a blob as text on either backend (JUDGE_TEST_DB=pg: bytea)
txt() { if [ "$JUDGE_TEST_DB" = pg ]; then echo "convert_from($1, 'UTF8')"; else echo "CAST($1 AS TEXT)"; fi; }

expect_exit 1 "stress finds a counterexample" "$JUDGE" stress max-gap "$WRONG" --user ana --json
input=$(printf '%s' "$OUT" | jq -j .input)
expected=$(printf '%s' "$OUT" | jq -j .expected)
equals "one local test stored" "$(sq "SELECT count(*) FROM local_tests")" "1"
equals "for ana and max-gap, named local-1" \
	"$(sq "SELECT \"user\" || ' ' || problem || ' ' || name FROM local_tests")" "ana max-gap local-1"
equals "its input is the minimal input" "$(sq "SELECT $(txt input) FROM local_tests")" "$input"
equals "its answer is the reference's output" "$(sq "SELECT $(txt answer) FROM local_tests")" "$expected"

ntests=$(sq "SELECT count(*) FROM tests WHERE problem = 'max-gap'")
expect_exit 1 "ana submits the wrong solution" "$JUDGE" submit max-gap "$WRONG" --user ana --json --all
equals "every test plus the local one" "$(printf '%s' "$OUT" | jq .total)" "$((ntests + 1))"
equals "the local test comes last" "$(printf '%s' "$OUT" | jq -r '.tests[-1].name')" "local-1"
equals "and fails" "$(printf '%s' "$OUT" | jq -r '.tests[-1].verdict')" "WA"
sub=$(printf '%s' "$OUT" | jq .submission)
equals "stored as a local result" "$(sq "SELECT CAST(is_local AS INTEGER) FROM results WHERE submission = $sub AND name = 'local-1'")" "1"
equals "the submission is marked as run with local tests" \
	"$(sq "SELECT CAST(local_tests AS INTEGER) FROM submissions WHERE id = $sub")" "1"
equals "the catalogue's tests are not local" \
	"$(sq "SELECT count(*) FROM results WHERE submission = $sub AND NOT is_local")" "$ntests"

expect_exit 1 "the text table shows it too" "$JUDGE" submit max-gap "$WRONG" --user ana --all
contains "table row" "$OUT" "local-1"

expect_exit 0 "an accepted solution passes the local test" \
	"$JUDGE" submit max-gap "$S/max-gap/accepted/2-radix-sort.c" --user ana --json
equals "local test AC" "$(printf '%s' "$OUT" | jq -r '.tests[-1].name + " " + .tests[-1].verdict')" "local-1 AC"

expect_exit 1 "bob's submission" "$JUDGE" submit max-gap "$WRONG" --user bob --json --all
equals "bob has no local tests" "$(printf '%s' "$OUT" | jq .total)" "$ntests"

expect_exit 1 "stress again finds the same input" "$JUDGE" stress max-gap "$WRONG" --user ana
contains "reports the existing local test" "$OUT" "saved as local test 'local-1'"
equals "no copy stored" "$(sq "SELECT count(*) FROM local_tests")" "1"

expect_exit 1 "another bug, another local test" \
	"$JUDGE" stress max-gap "$S/max-gap/wrong_answer/sort-n1-garbage.c" --user ana
contains "named local-2" "$OUT" "saved as local test 'local-2'"
expect_exit 1 "both run" "$JUDGE" submit max-gap "$WRONG" --user ana --json --all
equals "two local tests in order" "$(printf '%s' "$OUT" | jq -r '[.tests[-2,-1].name] | join(" ")')" "local-1 local-2"
finish
