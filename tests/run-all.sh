#!/bin/sh
# run-all.sh: every test suite, then one closing "N passed, N failed, N
# skipped" line. T=PATTERN limits the end-to-end scripts to those whose name
# contains it (T=unit: the unit tests alone).
#
# Run as root (as CI does), it then runs the sandbox's tests a second time
# as a normal user (uid 65534, with setpriv), with the same expectations:
# the unit tests and the scripts of USER_PASS, from a world-readable copy
# of what they need in a fresh folder of /tmp, so that the checkout's own
# permissions never matter. Their lines say "(as uid 65534)" and count in
# the closing line. JUDGE_TEST_USER_PASS=0 leaves that pass out.
cd "$(dirname "$0")/.." || exit 3
BUILD=${BUILD:-build/out}
# The compile cache of a test run stays in the checkout (the judge's default
# is per user, ~/.cache/judge): tests/vm/inside.sh copies compiled programs
# from here, and gives its non-root pass a JUDGE_CACHE of its own. Scripts
# that need a private cache set JUDGE_CACHE again.
export JUDGE_CACHE="${JUDGE_CACHE:-$PWD/.cache/judge}"
total_pass=0
total_fail=0
total_skip=0
bad=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

tally() { # NAME RC: add the counts from the last "N passed, N failed" line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p')
	s=$(echo "$line" | sed -n 's/.*failed, \([0-9]*\) skipped.*/\1/p')
	p=${p:-0}; f=${f:-0}; s=${s:-0}
	if [ "$2" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f)); total_skip=$((total_skip + s))
	[ "$f" -ne 0 ] && bad="$bad $1"
	printf '%-44s %s\n' "$1" "$(echo "${line:-exit $2}")"
}

# unit_tests NAME CMD...: the cmocka binary; its "[  PASSED  ] N" lines
# (and skipped ones) summed.
unit_tests() {
	name=$1; shift
	"$@" >"$log" 2>&1
	rc=$?
	p=$(grep -Eo '^\[  PASSED  \] [0-9]+' "$log" | awk '{s += $4} END {print s + 0}')
	f=$(grep -Eo '^\[  FAILED  \] [0-9]+' "$log" | awk '{s += $4} END {print s + 0}')
	s=$(grep -Eo '^\[  SKIPPED \] [0-9]+' "$log" | awk '{s += $4} END {print s + 0}')
	[ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && f=1
	[ "$f" -ne 0 ] && cat "$log"
	echo "$p passed, $f failed, $s skipped" >>"$log"
	tally "$name" "$rc"
}

if [ -z "$T" ] || [ "$T" = unit ]; then
	unit_tests unit-tests "$BUILD/unit-tests"
fi

# The scripts run JOBS at a time (JUDGE_TEST_JOBS, default the number of
# CPUs plus one): each has a scratch folder, database and sandbox workers of its
# own, and none asserts a time; those whose result depends on how fast
# the machine runs (complexity classes, how deep a recursion gets in its
# time) or that look at every process of the sandbox's uids (which the
# next judge may take as soon as one lets them go) say "# run-all: alone"
# and run with no other beside them. The reports are printed in the order
# the scripts started.
# One more job than CPUs: a script spends much of its time waiting (on
# wall-clock limits, a server starting, the kernel setting up sandboxes),
# and with only as many jobs as CPUs a third of the machine sat idle.
JOBS=${JUDGE_TEST_JOBS:-$(( $(nproc 2>/dev/null || echo 1) + 1 ))}
verdicts=$(mktemp -d "${TMPDIR:-/tmp}/judge-verdicts.XXXXXX") || exit 3
trap 'rm -f "$log"; rm -rf "$verdicts"' EXIT
mkdir "$verdicts/jobs" || exit 3
# start_script NAME CMD...: run CMD in the background as the next job,
# once fewer than JOBS run; its output goes to jobs/N.log, then "RC
# SECONDS" to jobs/N.rc. The finished ones are reported meanwhile.
start_script() {
	while [ $((started - $(ls "$verdicts/jobs" | grep -c '\.rc$'))) -ge "$JOBS" ]; do
		sleep 0.2
		report_done
	done
	eval "name_$started=\$1"
	shift
	(
		n=$started
		start=$(date +%s)
		"$@" >"$verdicts/jobs/$n.log" 2>&1
		echo "$? $(( $(date +%s) - start ))" >"$verdicts/jobs/$n.tmp"
		mv "$verdicts/jobs/$n.tmp" "$verdicts/jobs/$n.rc"
	) &
	started=$((started + 1))
	report_done
}
# report_done: print the finished jobs from the next one in order on.
report_done() {
	while [ "$shown" -lt "$started" ] && [ -e "$verdicts/jobs/$shown.rc" ]; do
		read -r rc secs < "$verdicts/jobs/$shown.rc"
		cp "$verdicts/jobs/$shown.log" "$log"
		if [ "$rc" -ne 0 ] || [ -n "$VERBOSE" ]; then sed 's/^/    /' "$log"; fi
		tally "$(eval echo "\$name_$shown") (${secs}s)" "$rc"
		shown=$((shown + 1))
	done
}

# parity NAME ROOT USER: the hostile battery's rows got the same verdict
# as root and as the user, but where the table says the host may differ
# (nomemcg=, when the user has no memory cgroup and root has one).
parity() {
	{
		LC_ALL=C join -t '	' "$2" "$3" | awk -F '\t' -v memcg="$4" '
			BEGIN {
				while ((getline l < "tests/progs/expect.tsv") > 0) {
					n = split(l, c, "\t"); p = c[1]; sub(/\.c$/, "", p)
					if (match(c[3], /nomemcg=[A-Z]+/))
						alt[p] = substr(c[3], RSTART + 8, RLENGTH - 8)
				}
			}
			{ if ($2 == $3 || (memcg == "no" && alt[$1] == $3)) ok++
			  else { bad++; print "  FAIL: " $1 ": " $2 " as root, " $3 " as the user" } }
			END { print ok + 0 " passed, " bad + 0 " failed" }'
	} > "$log" 2>&1
	f=$(tail -n 1 "$log" | sed -n 's/.* \([0-9]*\) failed/\1/p')
	[ "${f:-1}" -eq 0 ] || sed '$d' "$log"
	tally "$1" 0
}

# The second pass, as a normal user: the sandbox's tests. Its unit tests
# run alone here; its scripts join the first pass's (started right after
# the long ones), each with its "(as uid 65534)" name.
USER_PASS="t0200 t0250 t0300 t0400"
USER_UID=65534
if [ "$(id -u)" -eq 0 ] && [ "${JUDGE_TEST_USER_PASS:-1}" != 0 ]; then
	if ! command -v setpriv >/dev/null; then
		echo "skip: the pass as uid $USER_UID: setpriv (util-linux) is not installed"
		total_skip=$((total_skip + 1))
	else
		user=$(mktemp -d /tmp/judge-user-pass.XXXXXX) || exit 3
		trap 'rm -f "$log"; rm -rf "$user" "$verdicts"' EXIT
		chmod 755 "$user"
		mkdir -p "$user/tree/$BUILD" "$user/home"
		cp -R bin tests problems solutions problems.toml "$user/tree/" &&
			cp "$BUILD/unit-tests" "$user/tree/$BUILD/" || exit 3
		chmod -R a+rX "$user/tree"
		# The compile cache as it is, as the user's own: the programs
		# it already holds are not compiled again (the compile sandbox
		# as a normal user still runs for everything else: the unit
		# tests' builds, every CE, each new source).
		[ -d .cache/judge ] && cp -R .cache/judge "$user/home/cache"
		chown -R "$USER_UID:$USER_UID" "$user/home"
		as_user() {
			(cd "$user/tree" && setpriv --reuid="$USER_UID" --regid="$USER_UID" \
				--clear-groups env HOME="$user/home" JUDGE_CACHE="$user/home/cache" \
				TMPDIR=/tmp JUDGE_TEST_VERDICTS="$user/home/verdicts" "$@")
		}
		user_memcg=$(as_user bin/judge doctor --json 2>/dev/null |
			jq -r '.rows[] | select(.name == "cgroup: memory") | .level')
		if [ -n "$T" ] && [ "$T" != unit ]; then
			:
		elif [ -n "$SANITIZE" ] && [ "$user_memcg" != ok ]; then
			# Without a memory cgroup a program's peak is its RSS,
			# which includes what the box had when it forked it; a
			# sanitized unit-test binary holds 100+ MB by then.
			echo "skip: unit-tests (as uid $USER_UID): a sanitized build without a memory cgroup measures its own RSS in every program"
			total_skip=$((total_skip + 1))
		else
			unit_tests "unit-tests (as uid $USER_UID)" as_user "$BUILD/unit-tests"
		fi
		user_pass=1
	fi
fi

# start_user_scripts: the second pass's scripts, as uid USER_UID.
start_user_scripts() {
	for t in $USER_PASS; do
		for f in tests/"$t"-*.sh; do
			[ -e "$f" ] || continue
			case "$f" in *"$T"*) ;; *) continue ;; esac
			start_script "$(basename "$f" .sh) (as uid $USER_UID)" as_user sh "$f"
		done
	done
}
started=0; shown=0
# The longest scripts (a line "# run-all: long") start first, so that none
# of them is left running alone at the end; then the others, in order.
long=$(grep -l '^# run-all: long' tests/t[0-9]*.sh 2>/dev/null)
rest=$(ls tests/t[0-9]*.sh | grep -vxF "$long")
[ -n "$user_pass" ] && rest="USER-PASS $rest"
for t in $long $rest; do
	[ "$T" = unit ] && break      # the unit tests alone (not t0620-...-junit)
	if [ "$t" = USER-PASS ]; then
		start_user_scripts
		continue
	fi
	[ -e "$t" ] || continue
	case "$t" in *"$T"*) ;; *) continue ;; esac
	# A script that measures time (a line "# run-all: alone") runs with
	# no other beside it.
	alone=$(grep -c '^# run-all: alone' "$t")
	[ "$alone" -gt 0 ] && { wait; report_done; }
	start_script "$(basename "$t" .sh)" env JUDGE_TEST_VERDICTS="$verdicts/root" sh "$t"
	[ "$alone" -gt 0 ] && { wait; report_done; }
done
wait
report_done

# Same program, same verdict: the battery's rows, root and user.
if [ -n "$user_pass" ] && [ -s "$verdicts/root" ] && [ -s "$user/home/verdicts" ]; then
	[ "$user_memcg" = ok ] && memcg=yes || memcg=no
	LC_ALL=C sort -u "$verdicts/root" > "$verdicts/root.sorted"
	LC_ALL=C sort -u "$user/home/verdicts" > "$verdicts/user.sorted"
	parity "hostile battery: root and uid $USER_UID agree" \
		"$verdicts/root.sorted" "$verdicts/user.sorted" "$memcg"
fi

[ -n "$bad" ] && echo "failing:$bad"
echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
