#!/bin/sh
# t0640: time margins. An accepted solution above half of the limit is
# flagged "slow"; a TLE solution whose failing test finishes with twice the
# limit is flagged "tight" (measured by a re-run; --no-margins skips it).
# The programs burn their own CPU time (200 ms and 390 ms against 300 ms),
# far from the 150/300/600 ms boundaries, so load does not move them.
# Flags are warnings: the exit code stays 0.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs

burn_source 200 > solutions/sum/accepted/slow.c
burn_source 390 > solutions/sum/time_limit_exceeded/tight.c

expect_exit 0 "flags do not make a mismatch" "$JUDGE" regress
row() { printf '%s\n' "$OUT" | grep -Eq "$1"; }
check "slow accepted solution flagged" row '^sum +accepted/slow\.c +AC +AC +[0-9]+/300 ms +[0-9.]+ MB +slow: [6-9][0-9]% of limit$'
check "TLE under 2x flagged" row '^sum +time_limit_exceeded/tight\.c +TLE +TLE .* tight: 1\.[0-9]x$'
check "a TLE far over 2x is not" row '^sum +time_limit_exceeded/spin\.c +TLE +TLE +[0-9]+/300 ms +[0-9.]+ MB$'
check "a fast accepted one is not" row '^sum +accepted/ok\.c +AC +AC +[0-9]+/300 ms +[0-9.]+ MB$'
contains "counted in the summary" "$OUT" "6 solutions: 6 matched, 0 mismatched"
contains "margin warnings in the summary" "$OUT" "· 2 margin warnings"
equals "flags stored" "$(sq "SELECT group_concat(substr(flag, 1, 6), ',') FROM (SELECT flag FROM regress_results WHERE flag != '' ORDER BY solution)")" "slow: ,tight:"

expect_exit 0 "--no-margins" "$JUDGE" regress --no-margins --json
equals "the slow flag needs no re-run" "$(jq -r '.solutions[] | select(.solution == "sum/accepted/slow.c") | .flag | startswith("slow: ")' "$SCRATCH/.out")" "true"
equals "no tight flag without the re-run" "$(jq -c '.solutions[] | select(.solution == "sum/time_limit_exceeded/tight.c") | .flag' "$SCRATCH/.out")" "null"
finish
