#!/bin/sh
# tests/vm/inside.sh: what the test VM runs (as PID 1, under Debian's kernel,
# on a pure cgroup v2 hierarchy), with the host's userland: the same tests
# in three host kinds, each as its own pass:
#   root       the judge makes /sys/fs/cgroup/judge;
#   delegated  a normal user in a subtree chowned as systemd's Delegate=yes
#              leaves it (the directory, cgroup.procs, cgroup.subtree_control
#              and cgroup.threads), the user's shell inside it;
#   plain      a normal user in a cgroup it cannot write (doctor only).
# Ends with "vm: N passed, N failed, N skipped" and powers off.
. /run/judge-vm-plan
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t tmpfs -o mode=1777,size=1g tmp /tmp
mkdir -p /dev/shm && mount -t tmpfs -o mode=1777 shm /dev/shm
mkdir -p /dev/pts && mount -t devpts -o newinstance,ptmxmode=0666 devpts /dev/pts
mount -t cgroup2 -o nsdelegate cgroup2 /sys/fs/cgroup
hostname judge-vm
CG=/sys/fs/cgroup
# The harness's own files, out of /tmp: the battery as a normal user lists
# /tmp before and after each row, and the root pass runs beside it.
H=/run/judge-vm
mkdir -p $H
cd "$ROOT" || { echo "vm: 0 passed, 1 failed, 0 skipped"; poweroff -f; }
echo "vm: $(uname -r), $(nproc) CPUs, cgroup controllers: $(cat $CG/cgroup.controllers)"

# A normal user of our own: the first free uid from 1000.
U=1000
while getent passwd $U >/dev/null || getent group $U >/dev/null; do U=$((U + 1)); done
echo "judgeuser:x:$U:$U:judge test user:$H/home:/bin/sh" >> /etc/passwd
echo "judgeuser:x:$U:" >> /etc/group
mkdir -p $H/home && chown $U:$U $H/home

PASSED=0; FAILED=0; SKIPPED=0
tally() { # NAME LOGFILE: add the last "N passed, N failed[, N skipped]" line
	line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
	p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed.*/\1/p')
	f=$(echo "$line" | sed -n 's/.*passed, \([0-9]*\) failed.*/\1/p')
	s=$(echo "$line" | sed -n 's/.*failed, \([0-9]*\) skipped.*/\1/p')
	[ -n "$line" ] || f=1
	PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-0})); SKIPPED=$((SKIPPED + ${s:-0}))
	printf 'vm: %-44s %s\n' "$1" "${line:-no summary}"
	[ -n "$line" ] || { tail -n 5 "$2"; df -h "$H" /tmp; } 2>&1 | sed "s/^/vm: | /"
	[ -n "$line" ] || tail -n 20 "$2" | sed "s/^/vm: | /"
	[ "${f:-0}" -eq 0 ] || grep -E 'FAIL|ERROR|LINE|^ +\| ' "$2" | head -n 40 | sed 's/^/vm:     /'
}
check() { # NAME CMD...: one counted check
	name=$1; shift
	if "$@" >$H/check.log 2>&1; then PASSED=$((PASSED + 1)); echo "vm: ok   $name"
	else FAILED=$((FAILED + 1)); echo "vm: FAIL $name"; sed 's/^/vm:     /' $H/check.log | head -n 20; fi
}

# as USER CMD...: run CMD as root (USER=root) or as the test user.
as() {
	who=$1; shift
	if [ "$who" = root ]; then env HOME=/root "$@"
	else setpriv --reuid=$U --regid=$U --clear-groups env HOME=$H/home USER=judgeuser "$@"; fi
}

# doctor WHO LABEL: `judge doctor` as WHO, its table into the log (for the
# README) and its JSON kept for doctor_row.
doctor() {
	as "$1" "$ROOT/bin/judge" --no-color doctor 2>&1 | sed "s/^/doctor ($2): /"
	as "$1" "$ROOT/bin/judge" doctor --json > $H/doctor.json 2>$H/doctor.err
}
# doctor_row NAME LEVEL TEXT: the last doctor's row NAME is at LEVEL with
# TEXT in its description.
doctor_row() {
	jq -e --arg n "$1" --arg l "$2" --arg t "$3" \
		'.rows[] | select(.name == $n) | select(.level == $l and (.what | contains($t)))' \
		$H/doctor.json || { cat $H/doctor.json $H/doctor.err; return 1; }
}

# suite WHO LABEL [TESTS]: the sandbox's tests (or TESTS) as WHO. Compiled programs come from
# the host's compile cache when `make test` filled it (built there, run
# here; a copy owned by the user for the user's pass): the compile sandbox
# itself is exercised by the unit tests, which compile in the VM.
suite() { # WHO LABEL [TESTS]
	who=$1; label=$2; tests=${3:-${VM_TESTS:-unit t0200 t0300}}
	if [ "$who" = root ]; then
		unset JUDGE_CACHE
	else
		export JUDGE_CACHE=$H/cache-$label
		mkdir -p "$JUDGE_CACHE"
		# the compiled programs, not the precompiled header (these
		# tests set JUDGE_PCH=0; 120 MB) nor a worker's test data: the
		# overlay is a tmpfs, and a full one fails every test at once
		for e in "$ROOT/.cache/judge"/*; do
			case "${e##*/}" in pch|tests) continue ;; esac
			cp -a "$e" "$JUDGE_CACHE/" 2>/dev/null
		done
		chown -R $U:$U "$JUDGE_CACHE" && chmod 700 "$JUDGE_CACHE"
	fi
	for t in $tests; do
		T=$t JUDGE_TEST_USER_PASS=0 as "$who" sh tests/run-all.sh > $H/suite-$label.log 2>&1
		tally "$t ($label)" $H/suite-$label.log
	done
}

bench() {
	as "$1" "$ROOT/$BUILD/bench/bench-sandbox" "$ROOT/$BUILD/bench/hello" \
		"$ROOT/$BUILD/bench/spin" 2>&1 | sed "s/^/bench ($2): /"
}

# --- root ----------------------------------------------------------------------
if [ "$MODE" = bench ]; then bench root root; else
doctor root root
check "doctor as root: cgroup v2 under /sys/fs/cgroup/judge" \
	doctor_row cgroup ok "v2, worker groups under /sys/fs/cgroup/judge"
check "doctor as root: memory cgroup" doctor_row "cgroup: memory" ok "memory.max"
check "doctor as root: ia32 emulation present" doctor_row "ia32 emulation" ok present
check "doctor as root: the sandbox runs" doctor_row "run sandbox" ok "a program ran"
fi

# --- a normal user in a cgroup it cannot write ---------------------------------
if [ "$MODE" != bench ]; then
doctor user plain
check "doctor as a user without delegation: cgroup weaker, says why" \
	doctor_row cgroup weaker "not delegated"
check "doctor as a user without delegation: RLIMIT_AS instead" \
	doctor_row "cgroup: memory" weaker "RLIMIT_AS"
suite user plain t0150
# The root pass runs beside the delegated user's (two vCPUs; neither
# asserts a timing), from here: in the root cgroup, outside the subtree.
# Its scratch folders go elsewhere too (TMPDIR), for the same reason.
( PASSED=0 FAILED=0 SKIPPED=0
  mkdir -p $H/tmp-root && export TMPDIR=$H/tmp-root
  suite root root > $H/root-pass.out 2>&1
  echo "$PASSED $FAILED $SKIPPED" > $H/root-pass.counts ) &
root_pass=$!
fi

# --- a normal user in a delegated subtree --------------------------------------
D=$CG/deleg
mkdir $D
echo "+memory +pids" > $CG/cgroup.subtree_control
chown $U:$U $D $D/cgroup.procs $D/cgroup.subtree_control $D/cgroup.threads
echo $$ > $D/cgroup.procs
if [ "$MODE" = bench ]; then bench user delegated; else
doctor user delegated
check "doctor as a delegated user: cgroup v2, delegated" \
	doctor_row cgroup ok "delegated to this user"
check "doctor as a delegated user: pids cgroup" doctor_row "cgroup: pids" ok "pids.max"
suite user delegated
wait $root_pass
cat $H/root-pass.out
read -r p f k < $H/root-pass.counts || f=1
PASSED=$((PASSED + ${p:-0})); FAILED=$((FAILED + ${f:-1})); SKIPPED=$((SKIPPED + ${k:-0}))
# the judge may not loosen its own limits or leave its subtree
check "the user cannot raise the delegated group's memory.max" \
	sh -c "! setpriv --reuid=$U --regid=$U --clear-groups sh -c 'echo max > $D/memory.max' 2>/dev/null"
# nothing of the judge is left: no group but the leaf it moved us into,
# and nobody but this script in that leaf
leftover=$(find $D -mindepth 1 -type d ! -name judge-leaf)
while read -r p; do   # read in this shell: a subshell would count itself
	[ "$p" = $$ ] || leftover="$leftover process $p"
done < $D/judge-leaf/cgroup.procs
check "nothing of the judge is left in the subtree" sh -c 'echo "$1"; test -z "$1"' _ "$leftover"
fi

echo "vm: $PASSED passed, $FAILED failed, $SKIPPED skipped"
sync
poweroff -f
