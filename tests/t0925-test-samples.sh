#!/bin/sh
# t0925: 'judge test ID FILE' runs the samples and the user's local tests
# (not the other tests) under the problem's limits and checker, stores
# nothing, shows each failing case's input, expected answer and output side
# by side cut to the terminal's width ($COLUMNS, 80 when not a terminal),
# exits 0 when all pass and 1 otherwise; --json is submit's object.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
need_root
grade_fixtures
problem nosamples exact
tcase nosamples t01 '1\n' '1\n'
prog plus1 '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b + 1); return 0; }'
prog ok '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b); return 0; }'
prog crash '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
if (b == 1) { volatile int *p = 0; *p = 1; } printf("%lld\n", a + b); return 0; }'
sq() { dbq "$1"; }

run "$JUDGE" test sum plus1.c
equals "WA on the sample: exit 1" "$RC" 1
contains "the failing row" "$OUT" "sample-1     WA"
check "the columns' heads" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +input +\\| expected +\\| got\$'" _ "$OUT"
check "input, expected and got on one line" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +1 2 +\\| 3 +\\| 4\$'" _ "$OUT"
contains "summary" "$OUT" "sum: WA on test sample-1 (0/1 passed)"
lacks "only the samples: not t01-big" "$OUT" "t01-big"
lacks "nothing stored: no submission number" "$OUT" "submission"
equals "nothing stored" "$(sq 'SELECT count(*) FROM submissions')" 0

run "$JUDGE" test sum ok.c
equals "all pass: exit 0" "$RC" 0
contains "all pass: summary" "$OUT" "sum: AC (1/1 passed)"

# a local test joins the samples; a long line is cut to the width
awk 'BEGIN { printf "1"; for (i = 0; i < 100; i++) printf " "; print "1" }' > long.in
printf '2\n' > long.ans
expect_exit 0 "cases add a local test" "$JUDGE" cases add sum long.in long.ans
run env COLUMNS=60 "$JUDGE" test sum plus1.c
equals "local test runs too: exit 1" "$RC" 1
contains "local test's row" "$OUT" "local-1      WA"
contains "long line cut with ~" "$OUT" "~"
equals "every line fits in 60 columns" \
	"$(printf '%s\n' "$OUT" | grep '|' | awk 'length($0) > 60' | wc -l)" 0
run "$JUDGE" test sum plus1.c
equals "not a terminal, no COLUMNS: 80 columns" \
	"$(printf '%s\n' "$OUT" | grep '|' | awk 'length($0) > 80' | wc -l)" 0
run "$JUDGE" test sum ok.c --json
equals "ok on sample and local: exit 0" "$RC" 0
equals "json: the samples and local tests" "$(printf '%s' "$OUT" | jq -c '[.verdict, .total, [.tests[].name], .submission]')" \
	'["AC",2,["sample-1","local-1"],null]'

# any failure shows the data (not only WA), in JSON too
run "$JUDGE" test sum crash.c --json
equals "RE on the local test: exit 1" "$RC" 1
equals "json: RE with its input" "$(printf '%s' "$OUT" | jq -r '.tests[1] | .verdict + " " + (.input | .[0:5])')" "RE 1    "
equals "json: the first test passed, no data" "$(printf '%s' "$OUT" | jq -c '.tests[0] | [.verdict, has("input")]')" '["AC",false]'
run "$JUDGE" test sum plus1.c --json
equals "json: input, expected, got" "$(printf '%s' "$OUT" | jq -c '.tests[0] | [.input, .expected, .got]')" '["1 2\n","3\n","4\n"]'
equals "still nothing stored" "$(sq 'SELECT count(*) FROM submissions')" 0

run "$JUDGE" test sum nothere.c
equals "missing file: exit 2" "$RC" 2
run "$JUDGE" test summ ok.c
equals "unknown problem: exit 2" "$RC" 2
contains "unknown problem: did you mean" "$ERR" "did you mean 'sum'"
run "$JUDGE" test nosamples ok.c
equals "no samples, no local tests: exit 2" "$RC" 2
contains "no samples: what to do" "$ERR" "judge cases add nosamples"
prog bad 'int main(void) { return x; }'
run "$JUDGE" test sum bad.c
equals "compile error: exit 1" "$RC" 1
contains "compile error shown" "$OUT" "sum: CE"

finish
