#!/bin/sh
# t0730: eight participants submitting at the same moment, as eight
# processes: every submission is stored with its contest and letter, none
# fails, and nobody sees "database is locked".
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/contest-fixture.sh"

export JUDGE_NOW=$(at 0)
# eight starts at once on a database that does not exist yet (db_open
# retries the switch to WAL, which SQLite does not wait for), plus a second start of u1 that must lose
for i in 1 2 3 4 5 6 7 8 1; do
	$JC contest start spring --user "u$i" >/dev/null 2>>starts.err &
done
wait
equals "eight participants" "$(sqlite3 "$JUDGE_DB" "SELECT count(*) FROM participants WHERE contest = 'spring'")" 8
equals "the double start refused, nothing else" "$(cat starts.err)" "judge: error: 'u1' already started contest 'spring' at 2026-12-01T10:00:00Z; the window closes at 2026-12-01T12:00:00Z"

export JUDGE_NOW=$(at 10)
for i in 1 2 3 4 5 6 7 8; do
	case $i in
	1|5) f=wa.c ;;
	*) f=ac_echo.c ;;
	esac
	$JC contest submit spring A "$f" --user "u$i" >"out.$i" 2>"err.$i" &
done
wait

ok=0
for i in 1 2 3 4 5 6 7 8; do
	case $i in
	1|5) want=WA ;;
	*) want=AC ;;
	esac
	if grep -q "^echo: $want" "out.$i"; then ok=$((ok + 1)); else fail "u$i: no $want" "$(cat "out.$i" "err.$i")"; fi
done
equals "eight verdicts reported" "$ok" 8
# (not as root, each judge first warns once that the sandbox is weaker)
errs=$(cat err.1 err.2 err.3 err.4 err.5 err.6 err.7 err.8 |
	grep -v "^judge: warning: the sandbox is weaker than it could be: ")
lacks "nobody saw a locked database" "$errs" "locked"
equals "nothing on stderr" "$errs" ""
equals "eight submissions stored" "$(sqlite3 "$JUDGE_DB" "SELECT count(*) FROM submissions WHERE contest = 'spring' AND letter = 'A' AND status = 'done'")" 8
equals "one per user" "$(sqlite3 "$JUDGE_DB" "SELECT count(DISTINCT user) FROM submissions WHERE contest = 'spring'")" 8
run $JC contest scoreboard spring --json --user u1
equals "scoreboard: six solved A" "$(echo "$OUT" | jq '[.rows[] | select(.solved == 1)] | length')" 6
equals "scoreboard: solvers share rank 1" "$(echo "$OUT" | jq '[.rows[] | select(.rank == 1)] | length')" 6

finish
