# lib.sh: shared helpers for the end-to-end tests (tests/tNNNN-area-detail.sh).
#
# Sourcing it makes a private scratch directory (removed at exit), cd's into
# it and points JUDGE_DB at a database of its own. Assertions count passes
# and failures; `finish` prints the closing "N passed, N failed" line and
# exits non-zero on any failure. `skip REASON` skips the whole script.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
JUDGE="$ROOT/bin/judge"
TESTNAME=$(basename "$0" .sh)
SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/judge-$TESTNAME.XXXXXX")
export JUDGE_DB="$SCRATCH/judge.db"
export NO_COLOR=1
unset JUDGE_NOW
PASSED=0
FAILED=0
trap 'cd /; rm -rf "$SCRATCH"' EXIT
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

need_root() { [ "$(id -u)" -eq 0 ] || skip "needs root"; }

finish() {
	echo "$PASSED passed, $FAILED failed"
	[ "$FAILED" -eq 0 ]
}

# dbsum: a fingerprint of the database's contents (to show it is unchanged).
dbsum() { [ -f "$JUDGE_DB" ] && sqlite3 "$JUDGE_DB" .dump 2>/dev/null | sha256sum | cut -c1-16 || echo none; }

# mini_catalog: a one-problem catalogue (a-plus-b) in the scratch dir.
mini_catalog() {
	mkdir -p problems
	cp -r "$ROOT/problems/a-plus-b" problems/
	sed -n '/^\[\[problem\]\]/,$p' "$ROOT/problems.toml" | awk '
		/^\[\[problem\]\]/ { n++ } n == 1 { print }' > problems.toml
}
