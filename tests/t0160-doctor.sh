#!/bin/sh
# t0160: `judge doctor` describes this host as it is: every row present with
# a level, the summary and exit code follow the worst row, the cgroup row
# names the hierarchy that is mounted, the ia32 row agrees with a program
# that tries int 0x80 outside the sandbox, the user rows follow who runs it
# (as a normal user too, when root can become one), the noise row reports
# the spread of 8 sandboxed runs and is weaker exactly when it is above 10 %,
# and bad usage is exit 2.
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"

run "$JUDGE" doctor --json
rc=$RC
printf '%s' "$OUT" > doc.json
check "--json is one JSON object" jq -e 'type == "object"' doc.json
for n in user "namespace: user" "namespace: mount" "namespace: pid" "namespace: network" \
	"namespace: ipc" "namespace: uts" cgroup "cgroup: memory" "cgroup: pids" "cgroup: cpu" \
	seccomp "ia32 emulation" "worker uid" "compile sandbox" "run sandbox" \
	"measure: cpu time" "measure: wall time" "measure: memory" "measure: noise"; do
	check "row '$n' with a level" jq -e --arg n "$n" \
		'[.rows[] | select(.name == $n and (.level | IN("ok", "weaker", "missing")))] | length == 1' doc.json
done
check "every row that is not ok says what to do" jq -e \
	'all(.rows[]; .level == "ok" or (.fix | length > 0))' doc.json
worst=$(jq -r '[.rows[].level] | if index("missing") then "missing" elif index("weaker") then "weaker" else "ok" end' doc.json)
equals "status is the worst row" "$(jq -r .status doc.json)" "$worst"
case "$(jq -r '.can_run' doc.json)/$worst" in
false/*) want=3 ;;
true/ok) want=0 ;;
*) want=1 ;;
esac
equals "exit code follows the rows" "$rc" "$want"
equals "the sandbox runs here" "$(jq -r .can_run doc.json)" true

# The noise row: the spread of the runs it lists, weaker exactly above 10 %.
noise=$(jq -r '.rows[] | select(.name == "measure: noise") | .what' doc.json)
nlevel=$(jq -r '.rows[] | select(.name == "measure: noise") | .level' doc.json)
set -- $(printf '%s\n' "$noise" | sed -nE \
	's/^CPU time spread ([0-9]+\.[0-9])% over 8 runs of one program \(min ([0-9.]+), median ([0-9.]+), max ([0-9.]+) ms; weaker above 10%\)$/\1 \2 \3 \4/p')
if [ $# -eq 4 ]; then
	pass "noise row: spread, min, median and max"
	check "noise row: min <= median <= max" awk -v a="$2" -v m="$3" -v z="$4" 'BEGIN { exit !(a <= m && m <= z && a > 0) }'
	# the spread is (max - min) / median, from microseconds: the ms shown
	# (rounded to 0.1) agree within a percent
	check "noise row: the spread is (max - min) / median" awk -v s="$1" -v a="$2" -v m="$3" -v z="$4" \
		'BEGIN { d = (z - a) / m * 100 - s; exit !(d < 1 && d > -1) }'
	want=$(awk -v s="$1" 'BEGIN { print (s > 10 ? "weaker" : "ok") }')
	equals "noise row: weaker exactly above 10%" "$nlevel" "$want"
else
	fail "noise row: spread, min, median and max" "$noise"
fi

# The cgroup row names what is mounted.
case "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" in
cgroup2fs) v=v2 ;;
tmpfs) v=v1 ;;
*) v=v0 ;;
esac
contains "cgroup row: the mounted hierarchy ($v)" "$(jq -r '.rows[] | select(.name == "cgroup") | .what' doc.json)" "$v"

# ia32: the same answer as a program that tries it outside the sandbox.
printf '%s\n' 'int main(void) { long r; __asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory"); return r > 0 ? 0 : 1; }' > int80.c
if gcc -O0 -static -o int80 int80.c 2>/dev/null; then
	if ./int80 2>/dev/null; then want=present; else want=absent; fi
	contains "ia32 row agrees with int 0x80 tried directly ($want)" \
		"$(jq -r '.rows[] | select(.name == "ia32 emulation") | .what' doc.json)" "$want"
else
	fail "cannot build the int 0x80 probe"
fi

row_level() { jq -r --arg n "$2" '.rows[] | select(.name == $n) | .level' "$1"; }
if [ "$(id -u)" -eq 0 ]; then
	equals "as root: user ok" "$(row_level doc.json user)" ok
	equals "as root: worker uid ok" "$(row_level doc.json "worker uid")" ok
	if command -v setpriv >/dev/null; then
		# a copy of the binary anyone can run, wherever the checkout is
		mkdir -p nr/bin && cp "$JUDGE" nr/bin/judge && chmod -R a+rX nr && chmod 755 "$SCRATCH"
		(cd / && setpriv --reuid=65534 --regid=65534 --clear-groups "$SCRATCH/nr/bin/judge" \
			doctor --json) > user.json 2>/dev/null
		rc=$?
		equals "as uid 65534: user weaker" "$(row_level user.json user)" weaker
		equals "as uid 65534: worker uid weaker" "$(row_level user.json "worker uid")" weaker
		equals "as uid 65534: the sandbox still runs" "$(jq -r .can_run user.json)" true
		equals "as uid 65534: exit 1 (weaker)" "$rc" 1
		if [ "$v" = v1 ]; then
			equals "as uid 65534 on cgroup v1: no cgroup" "$(row_level user.json cgroup)" weaker
			contains "as uid 65534 on cgroup v1: says why" \
				"$(jq -r '.rows[] | select(.name == "cgroup") | .what' user.json)" "root's"
			contains "as uid 65534 on cgroup v1: RLIMIT_AS instead" \
				"$(jq -r '.rows[] | select(.name == "cgroup: memory") | .what' user.json)" "RLIMIT_AS"
		fi
	fi
else
	equals "as a normal user: user weaker" "$(row_level doc.json user)" weaker
fi

run "$JUDGE" --no-color doctor
contains "the table has the rows" "$OUT" "measure: memory"
case "$OUT" in *"every protection and measurement is in force"*|*"with less than every protection"*|*"cannot run"*) pass "the table ends with a verdict" ;;
*) fail "the table ends with a verdict" "$OUT" ;; esac
expect_exit 0 "--help" "$JUDGE" doctor --help
contains "--help says what it does" "$OUT" "usage: judge doctor"
expect_exit 2 "an unknown option is bad usage" "$JUDGE" doctor --jsno
expect_exit 2 "an argument is bad usage" "$JUDGE" doctor extra
finish
