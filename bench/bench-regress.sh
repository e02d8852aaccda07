#!/bin/sh
# bench-regress.sh: time a full 'judge regress' over the real solutions/ with
# -j1 and with -j2, each cold (an empty compile cache: every solution is
# compiled) and warm (the same cache again: nothing is compiled), all in one
# run on one scratch database, so the ratios compare like with like.
# Prints the times, the speed-up of -j2 over -j1 (target: at least 1.8x on
# two cores) and of warm over cold, and last "speedup X.XX": cold -j2 over
# cold -j1. BENCH_REGRESS_ARGS adds options (e.g. --no-margins). Each line
# also shows the load average after the run: on a machine busy with other
# work, -j2 cannot get two whole cores and the speed-up shrinks.
cd "$(dirname "$0")/.." || exit 3
JUDGE="$PWD/bin/judge"
[ -x "$JUDGE" ] || { echo "bench-regress: build bin/judge first (make)" >&2; exit 3; }
command -v jq >/dev/null || { echo "bench-regress: jq is needed" >&2; exit 3; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/judge-bench-regress.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export JUDGE_DB="$TMP/bench.db"
unset JUDGE_NOW
"$JUDGE" import >/dev/null || exit 3

now_ms() { date +%s%3N; }

# one NAME JOBS CACHE: a full regress; sets T_NAME (ms) and prints a line.
one() {
	name=$1 jobs=$2
	export JUDGE_CACHE="$TMP/$3"
	start=$(now_ms)
	# shellcheck disable=SC2086
	"$JUDGE" regress -j "$jobs" --json $BENCH_REGRESS_ARGS > "$TMP/$name.json"
	rc=$?
	end=$(now_ms)
	ms=$((end - start))
	eval "T_$(echo "$name" | tr - _)=$ms"
	set -- $(jq -r '.summary | "\(.total) \(.matched) \(.compiled) \(.cached)"' "$TMP/$name.json")
	printf '  %-9s %7.1f s   %2s solutions, %2s matched, %2s compiled, %2s cached, load %s%s\n' \
		"$name" "$(echo "$ms" | awk '{print $1 / 1000}')" "$1" "$2" "$3" "$4" \
		"$(cut -d' ' -f1 /proc/loadavg)" "$([ "$rc" -ne 0 ] && echo "  (exit $rc)")"
}

echo "bench-regress: full 'judge regress' on $(nproc) CPUs${BENCH_REGRESS_ARGS:+ (with$BENCH_REGRESS_ARGS)}"
# Interleaved so that drifting machine load hits both job counts alike.
one j1-cold 1 cache-j1
one j2-cold 2 cache-j2
one j1-warm 1 cache-j1
one j2-warm 2 cache-j2

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "speed-up of -j2 over -j1: cold $(ratio "$T_j1_cold" "$T_j2_cold")x," \
	"warm $(ratio "$T_j1_warm" "$T_j2_warm")x (target: at least 1.8x on two quiet cores)"
echo "speed-up of warm over cold: -j1 $(ratio "$T_j1_cold" "$T_j1_warm")x," \
	"-j2 $(ratio "$T_j2_cold" "$T_j2_warm")x"
echo "speedup $(ratio "$T_j1_cold" "$T_j2_cold")"
