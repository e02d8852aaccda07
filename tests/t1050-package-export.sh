#!/bin/sh
# judge export ID DIR [--format legacy|2025-09] writes a native problem as a
# Kattis package; importing it back (add-package) regresses with the same
# verdicts as the original: a-plus-b (tokens: the default validator with
# case_sensitive) as legacy, combination-sum-ii (a custom checker in a
# generated adapter, its validator as an input validator) as 2025-09.
. "$(dirname "$0")/lib.sh"
for id in a-plus-b combination-sum-ii; do
	[ -f "$ROOT/problems/$id/tests/sample-1.in" ] || skip "no test data for $id (run make)"
done
export JUDGE_DB="$SCRATCH/orig.db"
run "$JUDGE" --catalog "$ROOT/problems.toml" regress --no-margins --json '^(a-plus-b|combination-sum-ii)/'
equals "original: regress runs" "$RC" 0
printf '%s' "$OUT" | jq -r '.solutions[] | "\(.solution) \(.got)"' | sort > orig.txt
check "original: some solutions" test "$(wc -l < orig.txt)" -ge 8

run "$JUDGE" --catalog "$ROOT/problems.toml" export a-plus-b pk/a-plus-b --format legacy
equals "export legacy: exit 0" "$RC" 0
contains "export legacy: what it wrote" "$OUT" "exported 'a-plus-b' to 'pk/a-plus-b' (format legacy): 3 sample and"
check "legacy: .timelimit" test "$(cat pk/a-plus-b/.timelimit)" = 1
contains "legacy: validator_flags" "$(cat pk/a-plus-b/problem.yaml)" "validator_flags: case_sensitive"
check "legacy: the statement" cmp -s pk/a-plus-b/problem_statement/problem.en.md "$ROOT/problems/a-plus-b/statement.md"
check "legacy: a sample" cmp -s pk/a-plus-b/data/sample/sample-1.in "$ROOT/problems/a-plus-b/tests/sample-1.in"
check "legacy: the input validator" test -f pk/a-plus-b/input_validators/judge_validator/validator_adapter.c
run "$JUDGE" --catalog "$ROOT/problems.toml" export combination-sum-ii pk/combination-sum-ii
equals "export 2025-09: exit 0" "$RC" 0
contains "export 2025-09: the adapter" "$OUT" "checker: the custom checker in a generated adapter (exit codes mapped)"
contains "2025-09: time_limit" "$(cat pk/combination-sum-ii/problem.yaml)" "  time_limit: 1"
check "2025-09: the output validator" test -f pk/combination-sum-ii/output_validator/checker_adapter.c

export JUDGE_DB="$SCRATCH/rt.db"
: > problems.toml
expect_exit 0 "import a-plus-b" "$JUDGE" add-package pk/a-plus-b
expect_exit 0 "import combination-sum-ii" "$JUDGE" add-package pk/combination-sum-ii
run "$JUDGE" regress --no-margins --json
equals "round trip: every submission matches its folder" "$(printf '%s' "$OUT" | jq -c '.summary | [.mismatched, .skipped]')" "[0,0]"
# the same verdicts, folder names mapped (Kattis has run_time_error and no MLE)
printf '%s' "$OUT" | jq -r '.solutions[] | "\(.solution) \(.got)"' |
	sed 's|/run_time_error/|/runtime_error/|' | sort > rt.txt
sed 's|/memory_limit_exceeded/\(.*\) MLE$|/runtime_error/\1 RE|' orig.txt | sort > orig-mapped.txt
check "round trip: the same verdicts" cmp -s orig-mapped.txt rt.txt
[ "$FAILED" -gt 0 ] && diff orig-mapped.txt rt.txt >&2

# what cannot be exported
mkdir -p nat/problems/rx/tests && echo "# rx" > nat/problems/rx/statement.md
printf 'a\n' > nat/problems/rx/tests/t.in && printf 'a+\n' > nat/problems/rx/tests/t.ans
printf '[[problem]]\nid = "rx"\ntitle = "Rx"\ntime_limit_ms = 1000\nmemory_limit_mb = 64\nchecker = "regex"\n' > nat/problems.toml
export JUDGE_DB="$SCRATCH/rx.db"
run "$JUDGE" --catalog nat/problems.toml export rx out-rx
equals "regex: exit 2" "$RC" 2
equals "regex: why" "$ERR" "judge: error: problem 'rx' has a regex checker, which has no Kattis equivalent; it cannot be exported"
check "regex: nothing written" test ! -e out-rx
mkdir full && touch full/x
run "$JUDGE" --catalog nat/problems.toml export rx full
equals "not empty: why" "$ERR" "judge: error: 'full' is not empty; name a new or empty folder"
run "$JUDGE" --catalog nat/problems.toml export rx new --format 2023
equals "bad format: why" "$ERR" "judge: error: unknown package format '2023' (legacy or 2025-09)"
export JUDGE_DB="$SCRATCH/rt.db"
run "$JUDGE" export a-plus-b again
equals "a package: why" "$ERR" "judge: error: problem 'a-plus-b' is a package already (pk/a-plus-b)"
finish
