# lib.sh: shared helpers for the end-to-end tests (tests/tNNNN-area-detail.sh).
#
# Sourcing it makes a private scratch directory (removed at exit), cd's into
# it and points JUDGE_DB at a database of its own. Assertions count passes
# and failures; `finish` prints the closing "N passed, N failed" line (with
# ", N skipped" when part of the script was skipped) and exits non-zero on
# any failure. `skip REASON` skips the whole script, `skip_part REASON`
# counts one skipped part and says why.
#
# Tests adapt to the host instead of failing: `is_root` and `host_ia32` are
# probed here, and a test expects what the host can give (the same verdict
# as root and as a normal user; RE instead of SV for int 0x80 where the
# kernel has no ia32 emulation). What a host cannot run is skipped, with
# the reason, never passed.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JUDGE="$ROOT/bin/judge"
TESTNAME=$(basename "$0" .sh)
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/judge-$TESTNAME.XXXXXX")
export JUDGE_DB="$SCRATCH/judge.db"
export NO_COLOR=1
# Each test has a compile cache of its own: building the precompiled header
# of <bits/stdc++.h> in each (about 10 s of CPU) would slow the suite down.
# The tests of the PCH itself turn it back on (t0905).
export JUDGE_PCH=0
unset JUDGE_NOW
PASSED=0
FAILED=0
SKIPPED=0
. "$ROOT/tests/pg.sh"
trap 'cd /; pg_stop; rm -rf "$SCRATCH"' EXIT
cd "$SCRATCH" || exit 3

pass() { PASSED=$((PASSED + 1)); [ -n "$VERBOSE" ] && echo "  ok: $1"; return 0; }
fail() { FAILED=$((FAILED + 1)); echo "  FAIL: $1" >&2; [ -n "$2" ] && printf '%s\n' "$2" | head -n 20 | sed 's/^/    | /' >&2; return 0; }

# run CMD...: run a command, keeping its stdout in $OUT, stderr in $ERR and
# exit code in $RC.
run() {
	"$@" >"$SCRATCH/.out" 2>"$SCRATCH/.err"
	RC=$?
	OUT=$(cat "$SCRATCH/.out")
	ERR=$(cat "$SCRATCH/.err")
}

# expect_exit N DESC CMD...: the command exits with N.
expect_exit() {
	want=$1; desc=$2; shift 2
	run "$@"
	if [ "$RC" -eq "$want" ]; then pass "$desc"
	else fail "$desc: exit $RC, expected $want" "$OUT
$ERR"; fi
}

# check DESC CMD...: the command (a test, grep, ...) succeeds.
check() {
	desc=$1; shift
	if "$@" >/dev/null 2>&1; then pass "$desc"; else fail "$desc"; fi
}

# contains DESC HAYSTACK NEEDLE: fixed-string containment.
contains() {
	case "$2" in
	*"$3"*) pass "$1" ;;
	*) fail "$1: '$3' not found" "$2" ;;
	esac
}

# lacks DESC HAYSTACK NEEDLE
lacks() {
	case "$2" in
	*"$3"*) fail "$1: '$3' found" "$2" ;;
	*) pass "$1" ;;
	esac
}

# equals DESC GOT WANT
equals() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', expected '$3'"; fi
}

# skip REASON: skip this whole script.
skip() {
	echo "skip: $TESTNAME: $1"
	echo "0 passed, 0 failed, 1 skipped"
	exit 0
}

# skip_part REASON: one part of the script cannot run on this host.
skip_part() {
	SKIPPED=$((SKIPPED + 1))
	echo "skip: $TESTNAME: $1"
}

# is_root: the test runs as root (else the sandbox runs in a user namespace,
# without a worker uid, and RLIMIT_AS stands in for a memory cgroup).
is_root() { [ "$(id -u)" -eq 0 ]; }

# need_root WHY: skip the whole script unless root; only for what is truly
# root's (the per-worker uids, reading /etc/shadow, ...): the sandbox runs
# as a normal user too, with the same verdicts.
need_root() { is_root || skip "needs root${1:+: $1}"; }

# host_ia32: succeeds when the kernel runs 32-bit system calls (int 0x80):
# the sandbox then refuses them by name (SV "i386:NAME"). Without ia32
# emulation the instruction faults before any call is made (RE, SIGSEGV).
# Probed once per script with 'judge doctor --json'; no answer is a failure.
HOST_IA32=
host_ia32() {
	if [ -z "$HOST_IA32" ]; then
		_w=$("$JUDGE" doctor --json 2>/dev/null |
			jq -r '.rows[] | select(.name == "ia32 emulation") | .what' 2>/dev/null)
		case "$_w" in
		present*) HOST_IA32=yes ;;
		absent*) HOST_IA32=no ;;
		*) HOST_IA32=unknown
		   fail "probe: 'judge doctor --json' has no ia32 emulation row" "$_w" ;;
		esac
	fi
	[ "$HOST_IA32" = yes ]
}

# host_memcg: succeeds when the sandbox has a memory cgroup here (root on
# cgroup v1 or v2, a normal user with a delegated v2 subtree); without one
# RLIMIT_AS stands in. Probed once per script with 'judge doctor --json'.
HOST_MEMCG=
host_memcg() {
	if [ -z "$HOST_MEMCG" ]; then
		_w=$("$JUDGE" doctor --json 2>/dev/null |
			jq -r '.rows[] | select(.name == "cgroup: memory") | .level' 2>/dev/null)
		case "$_w" in
		ok) HOST_MEMCG=yes ;;
		weaker|missing) HOST_MEMCG=no ;;
		*) HOST_MEMCG=unknown
		   fail "probe: 'judge doctor --json' has no 'cgroup: memory' row" "$_w" ;;
		esac
	fi
	[ "$HOST_MEMCG" = yes ]
}

finish() {
	if [ "$SKIPPED" -gt 0 ]; then echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
	else echo "$PASSED passed, $FAILED failed"; fi
	[ "$FAILED" -eq 0 ]
}

# JUDGE_TEST_DB=pg: the storage runs on PostgreSQL instead of an SQLite file.
# JUDGE_DB is then a fresh database of its own in a private cluster: the one
# in JUDGE_TEST_PGDIR when a caller (t1200) started it for several scripts,
# else one this script starts (and stops at exit).
if [ "$JUDGE_TEST_DB" = pg ]; then
	pg_have || skip "JUDGE_TEST_DB=pg: no PostgreSQL server binaries in /usr/lib/postgresql/*/bin (make deps)"
	if [ -n "$JUDGE_TEST_PGDIR" ]; then
		PGDIR=$JUDGE_TEST_PGDIR
		[ "$(id -u)" -eq 0 ] && PG_SUPER=postgres || PG_SUPER=$(id -un)
	else
		pg_start || skip "JUDGE_TEST_DB=pg: cannot start a PostgreSQL cluster"
	fi
	PG_DBNAME=$(printf '%s_%s' "$TESTNAME" "$$" | tr -c 'a-z0-9_\n' _)
	pg_createdb "$PG_DBNAME" || skip "JUDGE_TEST_DB=pg: cannot create database '$PG_DBNAME'"
	export JUDGE_DB=$(pg_uri "$PG_DBNAME")
fi

# dbq SQL: run one query on the test's database, either backend; rows one a
# line, columns separated by '|'. Portable SQL only: quote "user".
dbq() {
	if [ "$JUDGE_TEST_DB" = pg ]; then pg_sql "$PG_DBNAME" "$1"
	else sqlite3 "$JUDGE_DB" "$1"; fi
}

# dbsum: a fingerprint of the database's contents (to show it is unchanged).
dbsum() {
	if [ "$JUDGE_TEST_DB" = pg ]; then
		# rows come in no fixed order (an UPDATE moves one): sorted lines,
		# without the dump's random \\restrict lines
		"$PG_BIN/pg_dump" -h "$PGDIR" -U "$PG_SUPER" -a "$PG_DBNAME" 2>/dev/null | grep -v "^\\\\" | sort | sha256sum | cut -c1-16
	else
		[ -f "$JUDGE_DB" ] && sqlite3 "$JUDGE_DB" .dump 2>/dev/null | sha256sum | cut -c1-16 || echo none
	fi
}

# mini_catalog: a one-problem catalogue (a-plus-b) in the scratch dir.
mini_catalog() {
	mkdir -p problems
	cp -r "$ROOT/problems/a-plus-b" problems/
	sed -n '/^\[\[problem\]\]/,$p' "$ROOT/problems.toml" | awk '
		/^\[\[problem\]\]/ { n++ } n == 1 { print }' > problems.toml
}

# check_stored_verdicts ID: every solutions/ID/VERDICT/*.c (and *.cpp) gets its folder's
# verdict through 'judge submit --json' (wrong ones with --fail-fast: their
# verdict is the first failing test's), failing first on the test that the
# caller's `first_fail SOURCE` names (empty for accepted ones, which must
# pass every test). The first accepted solution must be AC, or the script
# stops with one failure.
check_stored_verdicts() {
	_id=$1
	[ -x "$JUDGE" ] || skip "bin/judge is not built"
	_ntests=$(ls "$ROOT/problems/$_id/tests/"*.in | wc -l)
	_ref=$(ls "$ROOT/solutions/$_id/accepted/"*.c | sort | head -n 1)
	run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$_id" "$_ref" --json --fail-fast
	if [ "$RC" -ne 0 ] || [ -z "$OUT" ]; then
		fail "the reference $(basename "$_ref") gets AC through 'judge submit': exit $RC" "$ERR"
		finish
		exit 1
	fi
	for _src in "$ROOT"/solutions/"$_id"/*/*.c "$ROOT"/solutions/"$_id"/*/*.cpp; do
		[ -f "$_src" ] || continue
		_folder=$(basename "$(dirname "$_src")")
		_name=$_folder/$(basename "$_src")
		case "$_folder" in
		accepted) _want=AC ;; wrong_answer) _want=WA ;; time_limit_exceeded) _want=TLE ;;
		memory_limit_exceeded) _want=MLE ;; runtime_error) _want=RE ;; output_limit_exceeded) _want=OLE ;;
		*) fail "$_name: unknown folder '$_folder'"; continue ;;
		esac
		[ "$_want" = AC ] && _ff= || _ff=--fail-fast
		run "$JUDGE" --catalog "$ROOT/problems.toml" submit "$_id" "$_src" --json $_ff
		equals "$_name: verdict" "$(printf '%s' "$OUT" | jq -r '.verdict' 2>/dev/null)" "$_want"
		[ "$_want" = AC ] && _w=0 || _w=1
		equals "$_name: exit code" "$RC" "$_w"
		equals "$_name: first failing test" \
			"$(printf '%s' "$OUT" | jq -r '[.tests[] | select(.verdict != "AC")][0].name // ""' 2>/dev/null)" \
			"$(first_fail "$_src")"
		if [ "$_want" = AC ]; then
			equals "$_name: passed every test" \
				"$(printf '%s' "$OUT" | jq -r '"\(.passed)/\(.total)"' 2>/dev/null)" "$_ntests/$_ntests"
		fi
	done
}
