#!/bin/sh
# t0300-hostile-battery: every program of tests/progs/expect.tsv through
# `judge run --json`, its verdict and extras checked, and the threat model's
# invariants checked after each one: no process of the sandbox left, no
# sentinel file changed (an owner-only secret, a world-readable secret, a
# world-writable file, the database, the test data, /etc/passwd and
# /etc/shadow), no new file in /tmp; no secret in any output. Then the judge
# itself: kill -9 mid-run and mid-compile, a hostile run beside an honest one
# in another worker, an oversized source, and an honest run at the end.
#
# As root and as a normal user alike, with the same expectations. What
# differs is how the sandbox's processes and files are told apart: as root
# they are those of the sandbox uids; as a normal user the programs run as
# its own uid, so they are its processes in a PID namespace other than this
# script's, and its files in /tmp that were not there before (the judge's
# own folders and the scratch directory aside).
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"
command -v jq >/dev/null || skip "needs jq"
command -v sqlite3 >/dev/null || skip "needs sqlite3"
command -v ps >/dev/null || skip "needs ps (procps)"

PROGS="$ROOT/tests/progs"
# A private copy of the binary (others may rebuild bin/judge meanwhile),
# with the project's compile cache.
mkdir -p "$SCRATCH/bin" && cp "$JUDGE" "$SCRATCH/bin/judge" || exit 3
JUDGE="$SCRATCH/bin/judge"
if [ -z "$JUDGE_CACHE" ]; then
	mkdir -p "$ROOT/.cache" 2>/dev/null
	[ -w "$ROOT/.cache" ] && JUDGE_CACHE="$ROOT/.cache/judge" || JUDGE_CACHE="$SCRATCH/.cache/judge"
fi
export JUDGE_CACHE
# Sandbox uids of our own, so that other judges on the machine do not
# disturb the process checks (the sandbox takes its uids from here).
JUDGE_SANDBOX_UID_BASE=$((61000 + ($$ % 100) * 8))
JUDGE_SANDBOX_UID_COUNT=8
export JUDGE_SANDBOX_UID_BASE JUDGE_SANDBOX_UID_COUNT
UID_LO=$JUDGE_SANDBOX_UID_BASE
UID_HI=$((UID_LO + JUDGE_SANDBOX_UID_COUNT - 1))
# A secret in the judge's environment: it must never reach a program.
ENV_TOKEN="envtoken$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
export JUDGE_TEST_SECRET_ENV="$ENV_TOKEN"

# The scratch dir is made traversable, as a project folder is: then only the
# sandbox stands between a program and the world-readable files in it.
chmod 755 "$SCRATCH"
SECRET_TOKEN="secrettoken$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
PUBLIC_TOKEN="publictoken$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
DB_TOKEN="dbtoken$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
echo "$SECRET_TOKEN" > "$SCRATCH/secret"; chmod 600 "$SCRATCH/secret"
echo "$PUBLIC_TOKEN" > "$SCRATCH/public-secret"; chmod 644 "$SCRATCH/public-secret"
echo "writable sentinel" > "$SCRATCH/world-writable"; chmod 666 "$SCRATCH/world-writable"
sqlite3 "$JUDGE_DB" "create table t(x); insert into t values('$DB_TOKEN');"
chmod 644 "$JUDGE_DB"
mkfifo "$SCRATCH/fifo"
echo "3 4" > "$SCRATCH/input.txt"
mkdir -p "$SCRATCH/data"
echo "$PUBLIC_TOKEN answer" > "$SCRATCH/data/01.ans"
cp "$ROOT"/problems/a-plus-b/tests/*.ans "$SCRATCH/data/" 2>/dev/null
ANSWER="$SCRATCH/data/01.ans"
printf '%s\n' "$SCRATCH/secret" "$SCRATCH/public-secret" "$SCRATCH/world-writable" \
	"$JUDGE_DB" "$SCRATCH/input.txt" "$ANSWER" /etc/shadow > "$SCRATCH/paths.txt"
SHADOW_LINE=$(head -n 1 /etc/shadow 2>/dev/null)   # empty when not readable
PASSWD_LINE=$(head -n 1 /etc/passwd)
ESC=$(printf '\033')
# What must never appear in a result, one per line (never an empty one: it
# would match everything).
for tok in ESCAPED "$SECRET_TOKEN" "$PUBLIC_TOKEN" "$DB_TOKEN" "$ENV_TOKEN" \
	"SQLite format 3" "$SHADOW_LINE" "$PASSWD_LINE" "root:x:0:0"; do
	[ -n "$tok" ] && printf '%s\n' "$tok"
done > "$SCRATCH/tokens"
ME=$(id -u)
MY_PIDNS=$(readlink /proc/self/ns/pid | tr -dc 0-9)
is_root && BOX_ROOT=/tmp/judge-box || BOX_ROOT=/tmp/judge-box-$ME

sentinels() {
	{ sha256sum "$SCRATCH/secret" "$SCRATCH/public-secret" "$SCRATCH/world-writable" \
		"$SCRATCH/input.txt" "$SCRATCH/paths.txt" "$JUDGE_DB" /etc/passwd /etc/shadow
	  ls -l "$SCRATCH/fifo" "$JUDGE_DB"* | awk '{print $1, $5, $NF}'
	  cat "$SCRATCH"/data/* | sha256sum
	} 2>&1 | sha256sum
}
# box_procs [prog]: the sandbox's processes ("uid pid stat comm"): as root
# those of the sandbox uids (the programs and compilers). As a normal user
# those of its own uid in a PID namespace other than this script's whose
# init is one of this script's judges (its environment holds $ENV_TOKEN:
# other judges of the same user are not counted), but for a dead box
# process the host's init has yet to reap (a zombie whose parent is PID 1:
# nothing of it runs). With "prog", only the program or compiler, not the
# judge's box process.
box_procs() {
	if is_root; then
		ps -eo uid=,pid=,stat=,comm= | awk -v lo="$UID_LO" -v hi="$UID_HI" \
			'$1 >= lo && $1 <= hi'
		return
	fi
	ps -eo uid=,pid=,ppid=,stat=,pidns=,comm= | awk -v me="$ME" -v ns="$MY_PIDNS" \
		'$1 == me && $5 != ns && $5 != "-" && !($3 == 1 && $4 ~ /^Z/)' > "$SCRATCH/.procs"
	[ -s "$SCRATCH/.procs" ] || return 0
	ours=$(while read -r _u _p _pp _s _ns _c; do
		grep -qaF -- "$ENV_TOKEN" "/proc/$_p/environ" 2>/dev/null && echo "$_ns"
	done < "$SCRATCH/.procs" | sort -u | tr '\n' ' ')
	awk -v ours=" $ours" -v prog="$1" 'index(ours, " " $5 " ") &&
		(prog == "" || $6 != "judge") { print $1, $2, $4, $6 }' "$SCRATCH/.procs"
}
# The shared temporary folders are searched two levels deep after each
# row (where a file made by an escaped program would be: the folders
# anyone may write), and to the bottom before the battery and at the end
# (a shared /tmp holds thousands of files: a full search costs more than
# the run).
# own_files [DEPTH]: as a normal user, its files in the shared temporary
# folders, but for the scratch dir, the compile cache and the sandbox's own
# folder, and what other judges of the same user make meanwhile (their
# scratch dirs /tmp/judge-*, compile caches .cache/judge: the debris the
# hostile programs aim at is looked for by name below).
own_files() {
	find /tmp /var/tmp /dev/shm ${1:+-maxdepth "$1"} -xdev \( -path "$SCRATCH" \
		-o -path "$BOX_ROOT" -o -path "$JUDGE_CACHE" -o -path '/tmp/judge-*' \
		-o -path '*/.cache' \) -prune -o -user "$ME" -print 2>/dev/null | LC_ALL=C sort
}
is_root || own_files > "$SCRATCH/own-files.before"
# uid_files [DEPTH]: files the sandbox left outside the box.
uid_files() {
	if is_root; then
		find /tmp /var/tmp /dev/shm ${1:+-maxdepth "$1"} -xdev \( -uid "$UID_LO" \
			$(i=$((UID_LO + 1)); while [ $i -le $UID_HI ]; do
				printf -- '-o -uid %s ' $i; i=$((i + 1)); done) \) \
			-print 2>/dev/null | head -n 5
	else
		own_files "$1" | LC_ALL=C comm -13 "$SCRATCH/own-files.before" - | head -n 5
	fi
	ls -d /tmp/judge-escape* /tmp/judge-carry /tmp/judge-fifo /tmp/judge-fill \
		/tmp/judge-plugin.so /dev/shm/judge-carry 2>/dev/null
	find "$SCRATCH" "$ROOT" /tmp -maxdepth 2 -xdev \( -name 'ESCAPED*' -o -name 'core' \
		-o -name 'core.[0-9]*' \) -print 2>/dev/null | grep -v "^$ROOT/tests/progs"
}

# invariants NAME [DEPTH]: what must hold after any run (files searched
# DEPTH levels deep: 2 unless given; "" for all).
invariants() {
	p=$(box_procs)
	if [ -n "$p" ]; then
		fail "$1: processes of the sandbox left behind" "$p"
		sleep 1
		box_procs | awk '{print $2}' | xargs -r kill -9 2>/dev/null
	fi
	f=$(uid_files "${2-2}" | grep -vxF -e "$REPORTED_FILES")
	if [ -n "$f" ]; then
		fail "$1: files left outside the box" "$f"
		REPORTED_FILES="$REPORTED_FILES
$f"
	fi
	s=$(sentinels)
	[ "$s" = "$SENTINELS" ] || { fail "$1: a file outside the box changed"; SENTINELS=$s; }
}

# no_leak NAME FILE...: nothing secret in the files.
no_leak() {
	n=$1; shift
	grep -qF -f "$SCRATCH/tokens" "$@" 2>/dev/null || return 0
	while IFS= read -r tok; do
		if grep -qF -- "$tok" "$@" 2>/dev/null; then
			fail "$n: leaked '$(printf '%s' "$tok" | cut -c1-24)'" \
				"$(grep -hF -- "$tok" "$@" | cut -c1-300 | head -n 3)"
		fi
	done < "$SCRATCH/tokens"
}

# prepare PROG: the source to run (tokens replaced when it has any).
prepare() {
	if grep -q '@[A-Z_]*@' "$PROGS/$1"; then
		mkdir -p "$SCRATCH/src"
		sed -e "s|@SECRET@|$SCRATCH/secret|g" -e "s|@PUBLIC_SECRET@|$SCRATCH/public-secret|g" \
			-e "s|@SCRATCH@|$SCRATCH|g" "$PROGS/$1" > "$SCRATCH/src/$1"
		SRC="$SCRATCH/src/$1"
	else
		SRC="$PROGS/$1"
	fi
}

extra() { # extra KEY: the value of KEY=... in $extras ("" if absent)
	for e in $extras; do case "$e" in "$1="*) echo "${e#*=}"; return ;; esac; done
}
has() { case " $extras " in *" $1 "*) return 0 ;; esac; return 1; }

SENTINELS=$(sentinels)
REPORTED_FILES=$(uid_files)     # debris of earlier runs is reported once
[ -z "$REPORTED_FILES" ] || fail "files of the sandbox uids exist before the battery" "$REPORTED_FILES"
REPORTED_FILES="${REPORTED_FILES:-/nonexistent}"
leftover=$(box_procs)
[ -z "$leftover" ] || fail "sandbox processes exist before the battery" "$leftover"
# Rows expect what this host can give (noia32=, nomemcg=).
host_ia32
host_memcg

rows=0
while IFS='	' read -r prog want extras; do
	case "$prog" in ''|'#'*) continue ;; esac
	rows=$((rows + 1))
	prepare "$prog"
	tl=$(extra tl); ml=$(extra ml)
	input="$SCRATCH/input.txt"
	[ "$(extra stdin)" = paths ] && input="$SCRATCH/paths.txt"
	src=$SRC
	if has weirdname; then
		src="$SCRATCH/ -o x;touch ESCAPED\$(id)
\`touch ESCAPED2\` -Wl,--help.c"
		cp "$SRC" "$src"
	fi
	name=${prog%.c}
	# On a host without ia32 emulation or a memory cgroup, the row's
	# alternative: VERDICT:KEY=VALUE:... (the limits stay).
	for alt in noia32:$HOST_IA32 nomemcg:$HOST_MEMCG; do
		v=$(extra "${alt%:*}")
		if [ -n "$v" ] && [ "${alt#*:}" = no ]; then
			want=${v%%:*}
			extras=$(echo "${v#"$want"}" | tr ':' ' ')
		fi
	done
	"$JUDGE" run --json --time-limit "${tl:-500}" --memory-limit "${ml:-64}" \
		--stdin "$input" "$src" >"$SCRATCH/res.json" 2>"$SCRATCH/res.err" </dev/null
	rc=$?
	# one jq for what every row needs: the verdict, and whether the
	# compile message holds a raw ESC
	got=$(jq -r 'if type == "object" then .verdict + " " +
		((.compile.message // "") | test("\u001b") | tostring) else error("not an object") end' \
		"$SCRATCH/res.json" 2>/dev/null)
	if [ -z "$got" ]; then
		fail "$name: exit $rc, no valid JSON" "$(head -c 600 "$SCRATCH/res.json" "$SCRATCH/res.err")"
		invariants "$name"
		continue
	fi
	esc_in_message=${got#* }
	got=${got%% *}
	# the verdict of each row, for run-all.sh to compare root's and a
	# normal user's (the table allows alternatives; the two must agree)
	[ -z "$JUDGE_TEST_VERDICTS" ] || printf '%s\t%s\n' "$name" "$got" >> "$JUDGE_TEST_VERDICTS"
	case "|$want|" in
	*"|$got|"*) pass "$name: $got" ;;
	*) fail "$name: verdict $got, expected $want" \
		"$(jq -c '{exit,signal,syscall,message,stdout:(.stdout|.[0:200]),stderr:(.stderr|.[0:200]),compile:{ok:.compile.ok,message:(.compile.message|.[0:300])}}' "$SCRATCH/res.json")" ;;
	esac
	case "$got" in
	OK) [ "$rc" -eq 0 ] || fail "$name: exit code $rc for OK" ;;
	IE) [ "$rc" -eq 3 ] || fail "$name: exit code $rc for IE" ;;
	*) [ "$rc" -eq 1 ] || fail "$name: exit code $rc for $got" ;;
	esac
	for k in signal exit syscall; do
		v=$(extra $k)
		[ -z "$v" ] || [ "$got" != "${want%%|*}" ] ||
			equals "$name: $k" "$(jq -r ".$k" "$SCRATCH/res.json")" "$v"
	done
	if has wall; then
		contains "$name: TLE by the wall clock" "$(jq -r .message "$SCRATCH/res.json")" wall
	fi
	v=$(extra stderr_max)
	if [ -n "$v" ]; then
		n=$(jq -r '.stderr | length' "$SCRATCH/res.json")
		[ "$n" -le "$v" ] && [ "$n" -gt 0 ] && pass "$name: stderr capped ($n)" ||
			fail "$name: stderr has $n characters, cap $v"
	fi
	v=$(extra msg_max)
	if [ -n "$v" ]; then
		n=$(jq -r '.compile.message | length' "$SCRATCH/res.json")
		[ "$n" -le "$v" ] && [ "$n" -gt 0 ] && pass "$name: compile message capped ($n)" ||
			fail "$name: compile message has $n characters, cap $v"
	fi
	[ "$esc_in_message" = false ] || fail "$name: raw escape character in the compile message"
	no_leak "$name" "$SCRATCH/res.json" "$SCRATCH/res.err"
	if has noesc; then
		"$JUDGE" run --time-limit "${tl:-500}" --memory-limit "${ml:-64}" \
			--stdin "$input" "$src" >"$SCRATCH/human.out" 2>"$SCRATCH/human.err" </dev/null
		if grep -q "$ESC" "$SCRATCH/human.err" || tr -d '\n' < "$SCRATCH/human.err" |
			od -An -c | grep -q '\\0'; then
			fail "$name: raw control characters on the judge's stderr" "$(od -c "$SCRATCH/human.err" | head -n 5)"
		else
			pass "$name: judge's stderr is escaped"
		fi
		# (not as root, the judge's own first line warns that the
		# sandbox is weaker; the program's lines are all marked)
		if grep -v "^judge: warning: the sandbox is weaker than it could be: " "$SCRATCH/human.err" |
			grep -Eq '^(judge: |AC|OK )'; then
			fail "$name: program text passes for the judge's" "$(grep -E '^(judge: |AC|OK )' "$SCRATCH/human.err")"
		fi
		no_leak "$name (human)" "$SCRATCH/human.out" "$SCRATCH/human.err"
	fi
	invariants "$name"
done < "$PROGS/expect.tsv"
[ "$rows" -ge 45 ] && pass "battery has $rows rows" || fail "battery has only $rows rows"

# --- the judge itself ---

# wait_box_procs N [COMM]: up to N tenths of a second for a program or
# compiler of the sandbox (named COMM, when given) to run.
wait_box_procs() {
	i=0
	while [ $i -lt "$1" ]; do
		box_procs prog | awk -v c="$2" 'c == "" || $4 == c { f = 1 } END { exit !f }' && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}
# gone_box_procs N: up to N tenths of a second for them all to be gone.
gone_box_procs() {
	i=0
	while [ $i -lt "$1" ]; do
		[ -z "$(box_procs)" ] && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# kill -9 of the judge mid-run: the program must die with it. It is
# compiled first, so that what runs in the sandbox is the program.
"$JUDGE" run --time-limit 10 "$PROGS/j01-long-runner.c" >/dev/null 2>&1 </dev/null
"$JUDGE" run --time-limit 20000 "$PROGS/j01-long-runner.c" >/dev/null 2>&1 </dev/null &
jpid=$!
if wait_box_procs 100; then
	kill -9 $jpid
	wait $jpid 2>/dev/null
	KILLED="$jpid"
	if gone_box_procs 30; then pass "kill -9 mid-run: no process left"
	else fail "kill -9 mid-run: the program outlived the judge" "$(box_procs)"
		box_procs | awk '{print $2}' | xargs -r kill -9; fi
else
	fail "kill -9 mid-run: the program never started"
	kill -9 $jpid 2>/dev/null; wait $jpid 2>/dev/null
fi
invariants "kill -9 mid-run"

# kill -9 of the judge mid-compile (a fresh source: not in the cache), once
# the compiler proper (cc1) runs.
{ cat "$PROGS/c08-self-include.c"; echo "/* $ENV_TOKEN */"; } > "$SCRATCH/slow-compile.c"
"$JUDGE" run "$SCRATCH/slow-compile.c" >/dev/null 2>&1 </dev/null &
jpid=$!
if wait_box_procs 100 cc1; then
	kill -9 $jpid
	wait $jpid 2>/dev/null
	KILLED="$KILLED $jpid"
	if gone_box_procs 30; then pass "kill -9 mid-compile: no compiler left"
	else fail "kill -9 mid-compile: compiler processes outlived the judge" "$(box_procs)"
		box_procs | awk '{print $2}' | xargs -r kill -9; fi
else
	fail "kill -9 mid-compile: the compiler never started"
	kill -9 $jpid 2>/dev/null; wait $jpid 2>/dev/null
fi
invariants "kill -9 mid-compile"

# A hostile run beside an honest one: another worker is not disturbed.
"$JUDGE" run --json --time-limit 10000 "$PROGS/h02-busy-honest.c" >"$SCRATCH/honest.json" 2>"$SCRATCH/honest.err" </dev/null &
hpid=$!
wait_box_procs 100 || fail "the honest run never started"
for p in p05-kill-all.c p04-kill-judge.c p12-ptrace.c r13-fork-bomb.c; do
	"$JUDGE" run --json "$PROGS/$p" >/dev/null 2>&1 </dev/null
done
wait $hpid
equals "honest run beside hostile ones" "$(jq -r '.verdict + " " + .stdout' "$SCRATCH/honest.json" 2>/dev/null)" "OK done 1"
invariants "parallel workers"

# Oversized source: bad input, no compile.
awk 'BEGIN { for (i = 0; i < 9000; i++) printf "int v%d = %d; /* padding padding */\n", i, i; print "int main(void) { return 0; }" }' \
	> "$SCRATCH/big.c"
expect_exit 2 "oversized source is bad input" "$JUDGE" run --json "$SCRATCH/big.c"
contains "oversized source named" "$ERR" "too large"

# The judge still works.
"$JUDGE" run --json --stdin "$SCRATCH/input.txt" "$PROGS/h01-honest.c" >"$SCRATCH/res.json" 2>"$SCRATCH/res.err" </dev/null
equals "honest program after the battery" "$(jq -r '.verdict + " " + .stdout' "$SCRATCH/res.json" 2>/dev/null)" "OK 7"
invariants "final" ""
# What the killed judges left (their worker folders) is cleaned up by the
# judges that came after: disk use stays bounded however often it happens.
for p in $KILLED; do
	left=$(ls -d "$BOX_ROOT"/*-"$p" 2>/dev/null)
	[ -z "$left" ] && pass "killed judge $p: no folder left" ||
		fail "killed judge $p: its folder is never removed" "$left"
done
finish
