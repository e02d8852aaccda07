#!/bin/sh
# bench-distributed.sh: a full 'judge regress' over the real solutions/, once
# locally with -j2 and once through a PostgreSQL job queue with two workers
# of -j1 on this machine, on one private cluster (tests/pg.sh), both with a
# warm compile cache and without the margin re-runs, so the times compare
# like with like. The queue runs twice: first with the workers' test data
# cache empty (they fetch each test once), then warm (they fetch none), as
# workers that stay up run. Prints the times, the queue's own cost per job
# (the workers' claim and result-storing times, as they log them, and the
# test data they fetched) and last "ratio X": the warm queue run's wall over
# the local wall (target: at most 1.10).
cd "$(dirname "$0")/.." || exit 3
ROOT=$PWD
JUDGE="$ROOT/bin/judge"
[ -x "$JUDGE" ] || { echo "bench-distributed: build bin/judge first (make)" >&2; exit 3; }
command -v jq >/dev/null || { echo "bench-distributed: jq is needed" >&2; exit 3; }
. "$ROOT/tests/pg.sh"
pg_have || { echo "bench-distributed: no PostgreSQL server (make deps)" >&2; exit 3; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/judge-bench-distributed.XXXXXX")
W1= W2=
cleanup() {
	[ -n "$W1" ] && kill -TERM $W1 $W2 2>/dev/null && wait $W1 $W2 2>/dev/null
	pg_stop
	rm -rf "$TMP"
}
trap cleanup EXIT
pg_start || { echo "bench-distributed: cannot start PostgreSQL" >&2; exit 3; }
trap 'exit 130' INT TERM
pg_createdb bench || exit 3
export JUDGE_DB=$(pg_uri bench)
export JUDGE_CACHE="$TMP/cache"
unset JUDGE_NOW
"$JUDGE" import >/dev/null || exit 3

now_ms() { date +%s%3N; }
secs() { awk -v ms="$1" 'BEGIN { printf "%.1f", ms / 1000 }'; }

# a warm-up run fills the compile cache both runs then share
"$JUDGE" regress -j 2 --no-margins --json > "$TMP/warm.json"

start=$(now_ms)
"$JUDGE" regress -j 2 --no-margins --json > "$TMP/local.json"
rc_local=$?
T_local=$(($(now_ms) - start))

"$JUDGE" worker --name bench-1 > "$TMP/w1.log" 2>&1 & W1=$!
"$JUDGE" worker --name bench-2 > "$TMP/w2.log" 2>&1 & W2=$!
sleep 1   # both connected and listening before the clock starts
start=$(now_ms)
"$JUDGE" regress --queue --no-margins --json > "$TMP/cold.json"
rc_cold=$?
T_cold=$(($(now_ms) - start))
cat "$TMP/w1.log" "$TMP/w2.log" > "$TMP/cold.log"
: > "$TMP/w1.log"; : > "$TMP/w2.log"
start=$(now_ms)
"$JUDGE" regress --queue --no-margins --json > "$TMP/queue.json"
rc_queue=$?
T_queue=$(($(now_ms) - start))

n=$(jq '.summary.total' "$TMP/queue.json")
summary() { jq -r '.summary | "\(.total) solutions, \(.matched) matched"' "$1"; }
echo "bench-distributed: full 'judge regress' over solutions/ on $(nproc) CPUs"
printf '  local -j2             %6s s   %s%s\n' "$(secs "$T_local")" "$(summary "$TMP/local.json")" \
	"$([ "$rc_local" -ne 0 ] && echo "  (exit $rc_local)")"
cost() { # LOG: the workers' claim and store times, and the test data fetched
	sed -n 's/.*(claim \([0-9]*\) ms, store \([0-9]*\) ms; test data: \([0-9]*\) fetched, \([0-9]*\) cached)$/\1 \2 \3 \4/p' "$1" |
	awk '{ c += $1; s += $2; f += $3; h += $4; k++ }
	END { if (k) printf "%.1f ms a job (claim %.1f + result %.1f, over %d jobs); tests fetched %d, cached %d",
		(c + s) / k, c / k, s / k, k, f, h }'
}
printf '  queue, cold test data %6s s   %s%s\n' "$(secs "$T_cold")" "$(summary "$TMP/cold.json")" \
	"$([ "$rc_cold" -ne 0 ] && echo "  (exit $rc_cold)")"
printf '  queue, 2 workers -j1  %6s s   %s%s\n' "$(secs "$T_queue")" "$(summary "$TMP/queue.json")" \
	"$([ "$rc_queue" -ne 0 ] && echo "  (exit $rc_queue)")"
echo "  queue cost, cold      $(cost "$TMP/cold.log")"
cat "$TMP/w1.log" "$TMP/w2.log" > "$TMP/warm.log"
echo "  queue cost, warm      $(cost "$TMP/warm.log")"
awk -v a="$T_cold" -v b="$T_local" 'BEGIN { printf "  cold ratio            %.2f\n", a / b }'
echo "  load average $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v a="$T_queue" -v b="$T_local" 'BEGIN { printf "ratio %.2f\n", a / b }'
