#!/bin/sh
# t0690: the problem set's own CI: 'judge regress' over the real solutions/
# against the real catalogue: every stored solution gets its folder's
# verdict. Margins are not checked here (they are timing: see
# 'make bench-regress' and 'make demo'); the JUnit report is parsed.
# run-all: long (started first)
. "$(dirname "$0")/lib.sh"
[ -x "$JUDGE" ] || skip "bin/judge is not built"
command -v python3 >/dev/null || skip "python3 is not installed"

expect_exit 0 "every stored solution matches its folder" \
	"$JUDGE" --catalog "$ROOT/problems.toml" regress --no-margins --junit "$SCRATCH/ps.xml"
n=$(ls "$ROOT"/solutions/*/*/* | grep -cE '\.(c|cpp)$')
contains "all $n solutions graded, none mismatched" "$OUT" "$n solutions: $n matched, 0 mismatched"
run python3 -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot().find("testsuite")
print(s.get("tests"), s.get("failures"), s.get("errors"), len(s.findall("testcase")))' "$SCRATCH/ps.xml"
equals "the JUnit report agrees" "$OUT" "$n 0 0 $n"
for p in $(ls "$ROOT/solutions"); do
	grep -q "^id = \"$p\"" "$ROOT/problems.toml" || fail "solutions/$p has no problem in problems.toml"
done
finish
