#!/bin/sh
# t0630: 'judge regress --compare': what changed since each solution's
# previous stored result, newly failing first; also in --json ("changes").
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs

expect_exit 0 "a first run with --compare" "$JUDGE" regress --compare
contains "nothing to compare with" "$OUT" "no earlier regress run to compare with"
expect_exit 0 "nothing changed" "$JUDGE" regress --compare
contains "no changes since run 1" "$OUT" "no changes since run #1 ("

# break ok.c, add a new solution
sed -i 's/a + b/a - b/' solutions/sum/accepted/ok.c
cp solutions/sum/runtime_error/crash.c solutions/sum/runtime_error/crash2.c
expect_exit 1 "a regression" "$JUDGE" regress --compare
section=$(printf '%s\n' "$OUT" | sed -n '/^changes since run #2/,$p')
contains "a changes section" "$section" "changes since run #2"
first=$(printf '%s\n' "$section" | sed -n 2p)
check "newly failing first" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^  newly failing +sum/accepted/ok\.c +AC -> WA \(expected AC\)$'" - "$first"
second=$(printf '%s\n' "$section" | sed -n 3p)
check "then the new solution" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^  new +sum/runtime_error/crash2\.c +RE \(expected RE\)$'" - "$second"
equals "nothing else changed" "$(printf '%s\n' "$section" | wc -l)" "3"

# fix it again: newly passing, in JSON
sed -i 's/a - b/a + b/' solutions/sum/accepted/ok.c
expect_exit 0 "fixed, with --json" "$JUDGE" regress --compare --json
check "valid JSON" jq -e . "$SCRATCH/.out"
equals "design.md's keys plus changes" "$(jq -c keys "$SCRATCH/.out")" '["changes","solutions","summary"]'
equals "one change: newly passing" "$(jq -c '[.changes[] | [.change, .solution, .before.got, .now.got]]' "$SCRATCH/.out")" \
	'[["newly passing","sum/accepted/ok.c","WA","AC"]]'

# a solution removed: gone, unless the run was filtered
rm solutions/sum/runtime_error/crash2.c
expect_exit 0 "a filtered run does not call others gone" "$JUDGE" regress --compare '^sum/accepted/'
lacks "no gone with a filter" "$OUT" "gone"
contains "no changes for the selected ones" "$OUT" "no changes since run #4"
expect_exit 0 "a removed solution" "$JUDGE" regress --compare
check "is gone" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^  gone +sum/runtime_error/crash2\.c +was RE$'" - "$OUT"
equals "runs stored" "$(sq 'SELECT count(*) FROM regress_runs')" "6"
finish
