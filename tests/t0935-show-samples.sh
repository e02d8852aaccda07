#!/bin/sh
# t0935: 'judge show' prints each sample once: the ones the statement already
# shows are named, not printed again; the others are printed after it.
# 'judge show --json' and 'judge list --json' describe a problem with the
# same fields (one function builds both).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
grade_fixtures
cat > problems/sum/statement.md <<'MD'
# Sum

Print a + b.

Input
```
1 2
```
Output
```
3
```
MD
tcase sum sample-2 '40 2\n' '42\n'

run "$JUDGE" show sum
equals "show: exit 0" "$RC" 0
equals "the sample in the statement: its input once" "$(printf '%s\n' "$OUT" | grep -cx '1 2')" 1
equals "the sample in the statement: its answer once" "$(printf '%s\n' "$OUT" | grep -cx '3')" 1
contains "the sample in the statement is named" "$OUT" "sample-1: in the statement above"
lacks "no section for it" "$OUT" "sample-1: input"
contains "the other sample is printed" "$OUT" "sample-2: input
40 2
sample-2: answer
42"
equals "the other sample's input once" "$(printf '%s\n' "$OUT" | grep -cx '40 2')" 1
run "$JUDGE" show echo-tokens
contains "a statement without samples: every sample printed" "$OUT" "sample-1: input
1 2 3"
lacks "a statement without samples: no note" "$OUT" "in the statement above"

run "$JUDGE" show sum --json
equals "show --json: both samples" "$(printf '%s' "$OUT" | jq -c '[.samples[].name]')" '["sample-1","sample-2"]'
show=$(printf '%s' "$OUT" | jq -c 'del(.statement, .samples)')
run "$JUDGE" list --json
equals "list --json and show --json: the same problem fields" \
	"$(printf '%s' "$OUT" | jq -c '.[] | select(.id == "sum") | del(.best)')" "$show"
run "$JUDGE" show echo-float --json
equals "show --json: tolerances for float" "$(printf '%s' "$OUT" | jq -c '[.abs_tolerance, .rel_tolerance]')" '[1e-06,1e-06]'

finish
