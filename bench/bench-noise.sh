#!/bin/sh
# bench-noise.sh: how often a verdict near the time limit flips, with one
# measurement and with noise-aware timing, in one run on one scratch database.
# A program doing a fixed number of additions (read from its input) is tuned
# here, at run time, to about 95 % of a 300 ms limit: its CPU times for two
# calibrating counts (median of 5 'judge run's each) give the count for
# 285 ms.
# It is then submitted 10 times with --repeat 1 and 10 times with the default
# (near-limit re-runs, median verdict), interleaved so that drifting machine
# load hits both alike. Its true verdict is AC (95 % of the limit); a
# submission judged anything else flipped. Prints each submission's verdict
# and time, the noise measured by 'judge doctor', and last
# "flips single=A aware=B". BENCH_NOISE_N (default 10) changes the count,
# BENCH_NOISE_PERCENT (default 95) the target.
cd "$(dirname "$0")/.." || exit 3
JUDGE="$PWD/bin/judge"
[ -x "$JUDGE" ] || { echo "bench-noise: build bin/judge first (make)" >&2; exit 3; }
command -v jq >/dev/null || { echo "bench-noise: jq is needed" >&2; exit 3; }
TMP=$(mktemp -d "${TMPDIR:-/tmp}/judge-bench-noise.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
cd "$TMP" || exit 3
export JUDGE_DB="$TMP/bench.db" JUDGE_CACHE="$TMP/cache" NO_COLOR=1
unset JUDGE_NOW
N=${BENCH_NOISE_N:-10}
PCT=${BENCH_NOISE_PERCENT:-95}
LIMIT=300

cat > add.c <<'C'
#include <stdio.h>
int main(void) {
	unsigned long long n = 0, i;
	volatile unsigned long long x = 0;
	if (scanf("%llu", &n) != 1) return 1;
	for (i = 0; i < n; i++) x += i;
	puts("done");
	return 0;
}
C

# Calibrate: CPU microseconds for C1 and C2 additions (the median of 5 runs
# each), fitted as a start-up cost plus a cost per addition.
median_us() {
	echo "$1" > cal.in
	for i in 1 2 3 4 5; do
		"$JUDGE" run add.c --stdin cal.in --time-limit 5000 --json | jq .time_us
	done | sort -n | sed -n 3p
}
C1=20000000 C2=200000000
us1=$(median_us $C1) us2=$(median_us $C2)
[ -n "$us1" ] && [ -n "$us2" ] && [ "$us2" -gt "$us1" ] ||
	{ echo "bench-noise: calibration failed" >&2; exit 3; }
count=$(awk -v c1=$C1 -v c2=$C2 -v u1="$us1" -v u2="$us2" -v l=$LIMIT -v p="$PCT" \
	'BEGIN { b = (u2 - u1) / (c2 - c1); a = u1 - b * c1; printf "%d", (l * 10 * p - a) / b }')

mkdir -p problems/near/tests
printf '# Near\n' > problems/near/statement.md
echo "$count" > problems/near/tests/t01.in
echo done > problems/near/tests/t01.ans
cat > problems.toml <<TOML
[[problem]]
id = "near"
title = "Near the limit"
time_limit_ms = $LIMIT
memory_limit_mb = 64
checker = "exact"
TOML
"$JUDGE" import >/dev/null || exit 3

echo "bench-noise: $count additions, tuned to $PCT% of a $LIMIT ms limit" \
	"($C1 took $(awk -v u="$us1" 'BEGIN { printf "%.1f", u / 1000 }') ms, $C2" \
	"$(awk -v u="$us2" 'BEGIN { printf "%.1f", u / 1000 }') ms)," \
	"$N submissions each way, load $(cut -d' ' -f1 /proc/loadavg)"
noise=$("$JUDGE" doctor --json 2>/dev/null | jq -r '.rows[] | select(.name == "measure: noise") | .what')
echo "  doctor: ${noise:-no noise row}"

single=0 aware=0 i=0
while [ "$i" -lt "$N" ]; do
	i=$((i + 1))
	"$JUDGE" submit near add.c --repeat 1 --json > s.json
	"$JUDGE" submit near add.c --json > a.json
	sv=$(jq -r .verdict s.json) av=$(jq -r .verdict a.json)
	[ "$sv" = AC ] || single=$((single + 1))
	[ "$av" = AC ] || aware=$((aware + 1))
	printf '  %2d  single %-3s %6.1f ms   aware %-3s %6.1f ms (runs: %s)%s\n' "$i" \
		"$sv" "$(jq '.time_us / 1000' s.json)" "$av" "$(jq '.time_us / 1000' a.json)" \
		"$(jq -r '[.tests[0].runs[] | "\(.verdict) \(.time_us / 1000 | floor)"] | join(", ")' a.json)" \
		"$(jq -r 'if .unstable_tests > 0 then "  unstable" else "" end' a.json)"
done
echo "flips single=$single aware=$aware"
