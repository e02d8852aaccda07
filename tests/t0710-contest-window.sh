#!/bin/sh
# t0710: virtual windows: 'start' opens one window per user, 'submit' is
# accepted only inside it and says when it opened or closed; 'status' shows
# the time left and the user's attempts. JUDGE_NOW drives the clock.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/contest-fixture.sh"

export JUDGE_NOW=$(at 0)
expect_exit 2 "submit before start" $JC contest submit spring A ac_echo.c --user ana
contains "not started: how to start" "$ERR" "run 'judge contest start spring --user ana'"
expect_exit 0 "start" $JC contest start spring --user ana
contains "start says when it ends" "$OUT" "2026-12-01T12:00:00Z"
expect_exit 2 "second start refused" $JC contest start spring --user ana
contains "second start says when" "$ERR" "already started contest 'spring' at 2026-12-01T10:00:00Z"

JUDGE_NOW=$(at 5) expect_exit 1 "WA inside the window" $JC contest submit spring A wa.c --user ana
contains "verdict shown" "$OUT" "WA"
JUDGE_NOW=$(at 7 30) expect_exit 0 "AC inside the window, lowercase letter" $JC contest submit spring a ac_echo.c --user ana
contains "minute shown" "$OUT" "minute 7"
JUDGE_NOW=$(at 119 59) expect_exit 0 "last second is inside" $JC contest submit spring B ac_twice.c --user ana --json
equals "submit --json: letter" "$(echo "$OUT" | jq -r .letter)" B
equals "submit --json: verdict" "$(echo "$OUT" | jq -r .verdict)" AC
equals "submit --json: minute" "$(echo "$OUT" | jq -r .minute)" 119
JUDGE_NOW=$(at 120) expect_exit 2 "first second after the window" $JC contest submit spring C ac_inc.c --user ana
contains "closed: when" "$ERR" "contest 'spring' closed for 'ana' at 2026-12-01T12:00:00Z"
JUDGE_NOW=$(at -1) expect_exit 2 "before the window (clock set back)" $JC contest submit spring C ac_inc.c --user ana
contains "not open yet: when" "$ERR" "opens at 2026-12-01T10:00:00Z"
expect_exit 2 "unknown letter" $JC contest submit spring D ac_inc.c --user ana
contains "unknown letter names the range" "$ERR" "unknown letter 'D' in contest 'spring'; its problems are A to C"
expect_exit 2 "missing file" $JC contest submit spring C nosuch.c --user ana
expect_exit 2 "unknown contest" $JC contest submit sprig C ac_inc.c --user ana
contains "unknown contest suggests" "$ERR" "did you mean 'spring'?"
JUDGE_NOW=nonsense expect_exit 2 "malformed JUDGE_NOW" $JC contest submit spring C ac_inc.c --user ana
contains "JUDGE_NOW named" "$ERR" "JUDGE_NOW"

# what was stored: three submissions, with contest and letter
equals "stored submissions" "$(sqlite3 "$JUDGE_DB" "SELECT group_concat(letter || verdict, ',') FROM (SELECT letter, verdict FROM submissions WHERE contest = 'spring' AND user = 'ana' ORDER BY id)")" "AWA,AAC,BAC"

# 'judge submit --contest' is the same path: a letter or a problem id, the
# window enforced, stored at the checked time (the last second counts)
expect_exit 0 "dee starts" $JC contest start spring --user dee
JUDGE_NOW=$(at 119 59) expect_exit 0 "submit --contest in the last second" $JC submit --contest spring C ac_inc.c --user dee
contains "submit --contest says where it counts" "$OUT" "contest 'spring', problem C, minute 119"
equals "stored at the checked second" "$(sqlite3 "$JUDGE_DB" "SELECT letter || ':' || submitted_at FROM submissions WHERE contest = 'spring' AND user = 'dee'")" "C:$(date -d 2026-12-01T11:59:59Z +%s)"
JUDGE_NOW=$(at 120) expect_exit 2 "submit --contest after the window" $JC submit --contest spring C ac_inc.c --user dee
contains "submit --contest: closed" "$ERR" "contest 'spring' closed for 'dee'"

# bo starts later: his own clock
JUDGE_NOW=$(at 100) expect_exit 0 "bo starts later" $JC contest start spring --user bo
JUDGE_NOW=$(at 130) expect_exit 0 "bo submits after ana's window closed" $JC contest submit spring C ac_inc.c --user bo
contains "bo's minute is on his clock" "$OUT" "minute 30"

JUDGE_NOW=$(at 60) run $JC contest status spring --user ana
contains "status: time left" "$OUT" "1h left"
contains "status: solved count" "$OUT" "solved 1, penalty 27"
contains "status: attempt listed" "$OUT" "minute 5    WA"
JUDGE_NOW=$(at 100) run $JC contest status spring --user ana --json
equals "status --json: seconds left" "$(echo "$OUT" | jq .seconds_left)" 1200
equals "status --json: phase" "$(echo "$OUT" | jq -r .phase)" frozen
equals "status --json: attempts on A" "$(echo "$OUT" | jq -r '[.problems[0].attempts[].verdict] | join(",")')" "WA,AC"
equals "status --json: solved A at minute 7" "$(echo "$OUT" | jq '.problems[0].minute')" 7
JUDGE_NOW=$(at 200) run $JC contest status spring --user ana --json
equals "status after the end" "$(echo "$OUT" | jq -r .phase)" over
equals "status after the end: solved" "$(echo "$OUT" | jq .solved)" 2
run $JC contest status spring --user cy
contains "status of a user who has not started" "$OUT" "not started"

finish
