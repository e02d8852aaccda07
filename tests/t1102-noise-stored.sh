#!/bin/sh
# t1102: what noise-aware timing stores. Every run of a test is a row's
# "VERDICT:MICROSECONDS" list in run order (one for a test far from the
# limit), time_us is the median run's, and 'judge result' reads them back
# as submit showed them; a result stored before they were kept (time_us -1,
# no runs: a database from before migration 6) still shows, with whole
# milliseconds in the table, null times in microseconds and no runs.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"
[ "$JUDGE_TEST_DB" = pg ] || command -v sqlite3 >/dev/null || skip "needs sqlite3"

export JUDGE_CACHE="$SCRATCH/cache"
. "$ROOT/tests/sum-fixture.sh"
sum_fixture
sq() { dbq "$1"; }

run "$JUDGE" submit sum ok.c --json
ok=$(printf '%s' "$OUT" | jq .submission)
check "far from the limit: one run stored, its time the test's" \
	test "$(sq "SELECT CASE WHEN runs = 'AC:' || time_us THEN 1 ELSE 0 END FROM results WHERE submission = $ok")" = 1
run "$JUDGE" submit sum spin.c --repeat 3 --json
printf '%s' "$OUT" > spin.json
tle=$(jq .submission spin.json)
equals "a time-out: the runs in run order, as JSON listed them" \
	"$(sq "SELECT runs FROM results WHERE submission = $tle")" \
	"$(jq -r '[.tests[0].runs[] | "\(.verdict):\(.time_us)"] | join(" ")' spin.json)"
equals "time_us stored is the median run's" "$(sq "SELECT time_us FROM results WHERE submission = $tle")" \
	"$(jq .tests[0].time_us spin.json)"
run "$JUDGE" result "$tle" --json
equals "result --json reads the runs back" "$(printf '%s' "$OUT" | jq -c '.tests[0] | [.runs, .time_us, .unstable]')" \
	"$(jq -c '.tests[0] | [.runs, .time_us, .unstable]' spin.json)"
run "$JUDGE" result "$tle"
check "result: the runs in the table" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1  sample-1 +TLE +[0-9]+ ms .* 2 runs \(min [0-9]+ ms, median [0-9]+ ms, max [0-9]+ ms\)'" _ "$OUT"

# as if stored before migration 6
sq "UPDATE results SET time_us = -1, runs = '', time_ms = 7 WHERE submission = $ok;
UPDATE submissions SET time_ms = 7 WHERE id = $ok"
run "$JUDGE" result "$ok" --json
equals "an older result: exit 0" "$RC" 0
equals "an older result: no microseconds, no runs" \
	"$(printf '%s' "$OUT" | jq -c '.tests[0] | [.time_ms, .time_us, .time_min_us, .time_max_us, .runs, .unstable]')" \
	'[7,null,null,null,[],false]'
equals "an older result: time_us at the top is null too" "$(printf '%s' "$OUT" | jq -c '[.time_ms, .time_us]')" \
	"[7,null]"
run "$JUDGE" result "$ok"
check "an older result: whole milliseconds in the table" \
	sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1  sample-1 +AC +7 ms '" _ "$OUT"
sq "UPDATE results SET runs = 'XX:1 AC' WHERE submission = $ok"
run "$JUDGE" result "$ok" --json
equals "runs that cannot be read are left out" "$(printf '%s' "$OUT" | jq -c '.tests[0].runs')" '[]'
finish
