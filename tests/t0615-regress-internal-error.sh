#!/bin/sh
# t0615: when the judge itself fails on a solution (IE: here a custom
# checker that fails, exit code 7; one that does not compile is refused at
# the sync, t0131), regress still shows the table and stores
# the run, but exits 3 and says so; JUnit reports it as an <error>.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs
command -v python3 >/dev/null || skip "python3 is not installed"

mkdir -p problems/broken
cp -r problems/sum/tests problems/sum/statement.md problems/broken/
printf 'int main(void) { return 7; }\n' > problems/broken/checker.c
cat >> problems.toml <<'TOML'

[[problem]]
id = "broken"
title = "Broken checker"
time_limit_ms = 300
memory_limit_mb = 64
checker = "custom"
checker_source = "checker.c"
TOML
mkdir -p solutions/broken/accepted
cp solutions/sum/accepted/ok.c solutions/broken/accepted/ok.c

expect_exit 3 "an internal error exits 3" "$JUDGE" regress --junit report.xml
contains "says the judge failed" "$ERR" "judge: error: the judge failed (IE) on 1 solution; see the messages above"
contains "and that it tried again" "$ERR" "judge: warning: 'broken/accepted/ok.c' was graded again after an internal error: test 'sample-1': checker failed with exit code 7"
check "the IE row comes first" sh -c "printf '%s\n' \"\$1\" | sed -n 2p | grep -Eq '^broken +accepted/ok\.c +AC +IE .*checker failed with exit code 7'" - "$OUT"
contains "the others still graded" "$OUT" "5 solutions: 4 matched, 1 mismatched"
equals "the run is stored" "$(sq "SELECT got FROM regress_results WHERE solution = 'broken/accepted/ok.c'")" "IE"
run python3 -c '
import sys, xml.etree.ElementTree as ET
s = ET.parse(sys.argv[1]).getroot().find("testsuite")
e = [c.get("name") + ": " + x.get("message") for c in s.findall("testcase") for x in c.findall("error")]
print(s.get("failures"), s.get("errors"), e)' report.xml
equals "JUnit: an error, not a failure" "$OUT" "0 1 ['broken/accepted/ok.c: expected AC, got IE']"
finish
