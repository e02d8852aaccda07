#!/bin/sh
# t0620: 'judge regress --json' prints design.md's object and '--junit FILE'
# writes JUnit XML; both parsed (jq, python3 xml.etree) and checked,
# including XML escaping of what a program printed.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs
command -v python3 >/dev/null || skip "python3 is not installed"

solution accepted 'x&y' <<'C'
#include <stdio.h>
int main(void) { puts("<a&b>\"'"); return 0; }
C

expect_exit 1 "--json with a mismatch exits 1" "$JUDGE" regress --json --junit report.xml
equals "stdout is one line" "$(printf '%s\n' "$OUT" | wc -l)" "1"
check "it is JSON" jq -e . "$SCRATCH/.out"
j() { jq -c "$1" "$SCRATCH/.out"; }
equals "top-level keys" "$(j 'keys')" '["solutions","summary"]'
equals "summary keys" "$(j '.summary | keys')" '["cached","compiled","matched","mismatched","total","wall_ms"]'
equals "summary counts" "$(j '.summary | [.total, .matched, .mismatched, .compiled, .cached]')" '[5,4,1,5,0]'
check "wall_ms is a positive integer" jq -e '.summary.wall_ms | type == "number" and . > 0 and floor == .' "$SCRATCH/.out"
equals "one entry per solution" "$(j '[.solutions[].solution] | sort')" \
	'["sum/accepted/ok.c","sum/accepted/x&y.c","sum/runtime_error/crash.c","sum/time_limit_exceeded/spin.c","sum/wrong_answer/int32.c"]'
check "design.md's keys in every entry" jq -e '[.solutions[] | has("problem") and has("solution") and has("expected") and has("got") and has("match") and has("time_ms") and has("memory_kb")] | all' "$SCRATCH/.out"
equals "the TLE entry" "$(j '.solutions[] | select(.solution == "sum/time_limit_exceeded/spin.c") | [.problem, .expected, .got, .match, .time_limit_ms]')" '["sum","TLE","TLE",true,300]'
equals "the mismatch entry" "$(j '.solutions[] | select(.match == false) | [.solution, .expected, .got]')" '["sum/accepted/x&y.c","AC","WA"]'
check "times and memory are numbers" jq -e '[.solutions[] | (.time_ms | type) == "number" and (.memory_kb | type) == "number" and .memory_kb >= 0 and .time_ms >= 0] | all' "$SCRATCH/.out"

check "the JUnit file exists" test -s report.xml
cat > junit.py <<'PY'
import json, sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
out = []
for s in suites:
    cases = s.findall("testcase")
    out.append({"tests": int(s.get("tests")), "failures": int(s.get("failures")),
                "errors": int(s.get("errors")), "cases": len(cases),
                "names": sorted(c.get("name") for c in cases),
                "classnames": sorted(set(c.get("classname") for c in cases)),
                "failed": [{"name": c.get("name"), "message": f.get("message"), "text": f.text}
                           for c in cases for f in c.findall("failure")]})
print(json.dumps(out))
PY
run python3 junit.py report.xml
equals "the XML parses" "$RC" "0"
printf '%s\n' "$OUT" > junit.json
equals "one testsuite with the counts" "$(jq -c '[.[] | [.tests, .failures, .errors, .cases]]' junit.json)" '[[5,1,0,5]]'
equals "one testcase per solution, named by path" "$(jq -c '.[0].names' junit.json)" \
	'["sum/accepted/ok.c","sum/accepted/x&y.c","sum/runtime_error/crash.c","sum/time_limit_exceeded/spin.c","sum/wrong_answer/int32.c"]'
equals "classname is the problem" "$(jq -c '.[0].classnames' junit.json)" '["sum"]'
equals "the failure says expected vs got" "$(jq -r '.[0].failed[0].message' junit.json)" "expected AC, got WA"
equals "on the mismatching solution" "$(jq -r '.[0].failed[0].name' junit.json)" "sum/accepted/x&y.c"
contains "the program's output survives escaping" "$(jq -r '.[0].failed[0].text' junit.json)" "got '<a&b>\""
check "raw markup is escaped in the file" grep -q "&lt;a&amp;b&gt;" report.xml

runs=$(sq 'SELECT count(*) FROM regress_runs')
expect_exit 2 "--junit into a missing folder fails before the run" "$JUDGE" regress --junit nowhere/report.xml
contains "says why" "$ERR" "judge: error: cannot write the JUnit report 'nowhere/report.xml' in 'nowhere': No such file or directory"
expect_exit 2 "--junit naming a folder" "$JUDGE" regress --junit problems
equals "nothing ran" "$(sq 'SELECT count(*) FROM regress_runs')" "$runs"

rm -f solutions/sum/accepted/'x&y.c'
expect_exit 0 "all matching with --junit" "$JUDGE" regress --junit report.xml
run python3 junit.py report.xml
printf '%s\n' "$OUT" > junit.json
equals "no failures" "$(jq -c '[.[] | [.tests, .failures, .errors]]' junit.json)" '[[4,0,0]]'
finish
