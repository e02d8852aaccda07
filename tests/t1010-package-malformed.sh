#!/bin/sh
# Malformed problem.yaml files (tests/packages/malformed/cases.txt, one case
# per "=== LINE:COL: message" header): each one is a single line
# "judge: error: FILE:LINE:COL: message", exit 2, and the database is left as
# it was.
. "$(dirname "$0")/lib.sh"
FIX="$ROOT/tests/packages"
mkdir pk
cp -r "$FIX/float-sum" pk/good
rm -rf pk/good/submissions pk/good/input_validators pk/good/data/invalid_input
cat > problems.toml <<'TOML'
[[problem]]
id = "good"
package = "pk/good"
TOML
expect_exit 0 "a good package syncs" "$JUDGE" import
before=$(sqlite3 "$JUDGE_DB" "SELECT title, time_limit_ms, content_hash FROM problems" | sha256sum)

# split the cases into case-N.yaml and case-N.want
awk -v dir="$SCRATCH" '
/^#/ && !started { next }
/^=== / { n++; started = 1; sub(/^=== /, ""); print > (dir "/case-" n ".want"); close(dir "/case-" n ".want"); printf "" > (dir "/case-" n ".yaml"); next }
started { print >> (dir "/case-" n ".yaml") }
' "$FIX/malformed/cases.txt"
n=0
for want in case-*.want; do
	n=$((n + 1))
	c=${want%.want}
	cp "$c.yaml" pk/good/problem.yaml
	run "$JUDGE" list
	equals "$c: exit 2" "$RC" 2
	equals "$c: one line" "$(printf '%s\n' "$ERR" | wc -l)" 1
	equals "$c: the message" "$ERR" "judge: error: pk/good/problem.yaml:$(cat "$want")"
	equals "$c: database unchanged" \
		"$(sqlite3 "$JUDGE_DB" "SELECT title, time_limit_ms, content_hash FROM problems" | sha256sum)" "$before"
done
check "all cases were read" test "$n" -ge 15
finish
