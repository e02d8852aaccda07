#!/bin/sh
# bench-compile.sh: the compile of a '#include <bits/stdc++.h>' solution by
# 'judge run', with an empty compile cache each time (a new source every
# round), with the precompiled header (built once first, not timed in the
# rounds) and without it (JUDGE_PCH=0), interleaved so that drifting machine
# load hits both alike. Each time is the compile's wall time as the judge
# reports it (compile.time_ms) and the CPU time of the judge and everything
# it ran (user + system). Then, outside the judge with the same g++
# command, where the time of one compile with the PCH goes: cc1plus and as
# (-c), and the static link with ld.bfd (the default) and, for comparison
# only, ld.gold. Last line: "ratio X.XX", the median wall time without the
# PCH over the median with it. The target is at most 1 s with the PCH; on a
# machine busy with other work, wall times grow past the CPU times: the
# load average is shown on every line. BENCH_COMPILE_ROUNDS (default 5).
cd "$(dirname "$0")/.." || exit 3
JUDGE="$PWD/bin/judge"
[ -x "$JUDGE" ] || { echo "bench-compile: build bin/judge first (make)" >&2; exit 3; }
command -v jq >/dev/null || { echo "bench-compile: jq is needed" >&2; exit 3; }
command -v python3 >/dev/null || { echo "bench-compile: python3 is needed" >&2; exit 3; }
ROUNDS=${BENCH_COMPILE_ROUNDS:-5}
TMP=$(mktemp -d "${TMPDIR:-/tmp}/judge-bench-compile.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
export JUDGE_DB="$TMP/bench.db"
unset JUDGE_NOW
printf '3 4\n' > "$TMP/in.txt"

# src N: a bits/stdc++.h solution, a different source (cache key) for each N
src() {
	cat > "$TMP/sol$1.cpp" <<SRC
#include <bits/stdc++.h>
using namespace std;
// round $1
int main() {
	long long a, b;
	cin >> a >> b;
	vector<long long> v{a, b};
	sort(v.begin(), v.end());
	map<long long, int> m;
	for (auto x : v) m[x]++;
	cout << accumulate(v.begin(), v.end(), 0LL) << "\n";
}
SRC
}

# cpu CMD...: run CMD (stdout to $TMP/out.json); print the CPU seconds it
# and its waited-for descendants used
cpu() {
	python3 -c '
import resource, subprocess, sys
with open(sys.argv[1], "w") as out:
    rc = subprocess.call(sys.argv[2:], stdout=out, stderr=subprocess.DEVNULL)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.2f %d" % (r.ru_utime + r.ru_stime, rc))' "$TMP/out.json" "$@"
}

load() { cut -d' ' -f1 /proc/loadavg; }
secs() { awk -v m="$1" 'BEGIN { printf "%.2f", m / 1000 }'; }

# one NAME N [VAR=VALUE...]: compile round N's source; appends "wall cpu"
# to $TMP/NAME and prints the line
one() {
	name=$1 n=$2
	shift 2
	set -- $(cpu env "$@" "$JUDGE" run "$TMP/sol$n.cpp" --stdin "$TMP/in.txt" --json)
	c=$1 rc=$2
	ms=$(jq -r '.compile.time_ms' "$TMP/out.json")
	pch=$(jq -r '.compile.pch' "$TMP/out.json")
	out=$(jq -r '.stdout' "$TMP/out.json")
	[ "$rc" -eq 0 ] && [ "$out" = 7 ] || echo "bench-compile: round $n ($name) failed: exit $rc" >&2
	echo "$ms $c" >> "$TMP/$name"
	printf '  round %d %-8s compile %5s s wall, %5s s CPU (pch %s), load %s\n' \
		"$n" "$name" "$(secs "$ms")" "$c" "$pch" "$(load)"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "bench-compile: a bits/stdc++.h solution, empty compile cache, $(nproc) CPUs, load $(load)"
FLAGS="-std=gnu++20 -O2 -static -DONLINE_JUDGE"
echo "  $(g++ --version | head -n 1): g++ $FLAGS [-I/pch] -o prog prog.cpp"
export JUDGE_CACHE="$TMP/pch-cache"
src 0
set -- $(cpu env JUDGE_PCH=1 "$JUDGE" run "$TMP/sol0.cpp" --stdin "$TMP/in.txt" --json)
[ "$(jq -r .compile.pch "$TMP/out.json")" = true ] ||
	{ echo "bench-compile: the precompiled header could not be built" >&2; exit 3; }
GCH=$(ls "$JUDGE_CACHE"/pch/*/inc/bits/stdc++.h.gch)
echo "  the PCH: built once in $1 s of CPU (with that first compile), $(du -m "$GCH" | cut -f1) MB"
i=1
while [ "$i" -le "$ROUNDS" ]; do
	src "$i"
	# an empty compile cache, the PCH kept
	find "$JUDGE_CACHE" -maxdepth 1 -type f -delete
	one pch "$i" JUDGE_PCH=1
	one no-pch "$i" JUDGE_PCH=0 JUDGE_CACHE="$TMP/plain-$i"
	i=$((i + 1))
done

W_PCH=$(cut -d' ' -f1 "$TMP/pch" | median)
W_NO=$(cut -d' ' -f1 "$TMP/no-pch" | median)
C_PCH=$(cut -d' ' -f2 "$TMP/pch" | median)
C_NO=$(cut -d' ' -f2 "$TMP/no-pch" | median)
echo "median over $ROUNDS rounds: without the PCH $(secs "$W_NO") s wall, $C_NO s CPU;" \
	"with it $(secs "$W_PCH") s wall, $C_PCH s CPU (target: at most 1 s)"

# Where the time of a compile with the PCH goes: the same g++ command
# outside the sandbox, the PCH's folder first on the include path.
INC=$(dirname "$(dirname "$GCH")")
cp "$TMP/sol1.cpp" "$TMP/prog.cpp"
cd "$TMP" || exit 3
part() { # NAME CMD...: the median CPU of three runs
	name=$1
	shift
	for k in 1 2 3; do cpu "$@" | cut -d' ' -f1; done | median > "$TMP/part"
	printf '  %-34s %5s s CPU\n' "$name" "$(cat "$TMP/part")"
}
echo "where a compile with the PCH spends its CPU (plain g++, median of 3):"
# shellcheck disable=SC2086
part "cc1plus + as (-c)" g++ $FLAGS -I"$INC" -c -o prog.o prog.cpp
# shellcheck disable=SC2086
part "static link, ld.bfd (the default)" g++ $FLAGS -o prog prog.o
# shellcheck disable=SC2086
part "static link, ld.gold (not used)" g++ $FLAGS -fuse-ld=gold -o prog-gold prog.o
awk -v a="$W_NO" -v b="$W_PCH" 'BEGIN { printf "ratio %.2f\n", a / b }'
