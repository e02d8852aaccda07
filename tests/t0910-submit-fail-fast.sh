#!/bin/sh
# judge submit stops at the first failing test by default and lists the rest
# as skipped (table and JSON); --all runs every test; contest submissions
# always stop at the first failure, and 'judge contest submit' takes the
# options of 'judge submit --contest' (--lang, --fail-fast; --all refused);
# a contest problem may be named by its id as well as its letter.
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
need_root
grade_fixtures
cat >> problems.toml <<'TOML'
[[contest]]
id = "cup"
title = "Cup"
problems = ["echo-exact", "sum"]
duration_minutes = 60
TOML
prog plus1 '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b + 1); return 0; }'
prog int32 '#include <stdio.h>
int main(void) { int a, b; if (scanf("%d %d", &a, &b) != 2) return 1;
printf("%d\n", a + b); return 0; }'
prog ok '#include <stdio.h>
int main(void) { long long a, b; if (scanf("%lld %lld", &a, &b) != 2) return 1;
printf("%lld\n", a + b); return 0; }'

run "$JUDGE" submit sum plus1.c --json
equals "fail fast: WA" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
equals "fail fast: one test ran" "$(printf '%s' "$OUT" | jq '.tests | length')" 1
equals "fail fast: the rest skipped, in order" "$(printf '%s' "$OUT" | jq -c .skipped)" '["t01-big","t02-neg"]'
equals "fail fast: total is every test" "$(printf '%s' "$OUT" | jq .total)" 3
sub=$(printf '%s' "$OUT" | jq .submission)
equals "fail fast: one result stored" "$(sqlite3 "$JUDGE_DB" "SELECT count(*) FROM results WHERE submission = $sub")" 1

run "$JUDGE" submit sum int32.c
equals "table: exit 1" "$RC" 1
check "table: the failing row" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +2  t01-big +WA '" _ "$OUT"
check "table: the skipped row" sh -c "printf '%s\n' \"\$1\" | grep -Eq '^ +3  t02-neg +skipped +- +- +not run: stopped at the first failing test'" _ "$OUT"
contains "summary: the first failure" "$OUT" "sum: WA on test t01-big (1/3 passed)"

run "$JUDGE" submit sum plus1.c --all --json
equals "--all: every test ran" "$(printf '%s' "$OUT" | jq '.tests | length')" 3
equals "--all: none skipped" "$(printf '%s' "$OUT" | jq -c .skipped)" '[]'
equals "--all: still WA" "$(printf '%s' "$OUT" | jq -r .verdict)" WA
run "$JUDGE" submit sum ok.c --json
equals "AC: nothing skipped" "$(printf '%s' "$OUT" | jq -c '[.verdict, (.tests | length), .skipped]')" '["AC",3,[]]'
run "$JUDGE" submit sum plus1.c --fail-fast --json
equals "--fail-fast is still accepted" "$(printf '%s' "$OUT" | jq '.tests | length')" 1

# contests
expect_exit 0 "start the contest" "$JUDGE" contest start cup
run "$JUDGE" submit --contest cup B plus1.c --all
equals "submit --contest --all: exit 2" "$RC" 2
contains "submit --contest --all: why" "$ERR" "contest submissions stop at the first failing test"
run "$JUDGE" submit sum plus1.c --contest cup --json
equals "submit --contest: the letter's problem by id" "$(printf '%s' "$OUT" | jq -r .letter)" B
equals "submit --contest: stops at the first failure" "$(printf '%s' "$OUT" | jq '.tests | length')" 1
run "$JUDGE" contest submit cup sum plus1.c --fail-fast --lang c --json
equals "contest submit takes --fail-fast and --lang" "$RC" 1
equals "contest submit: a problem id for the letter" "$(printf '%s' "$OUT" | jq -r .letter)" B
equals "contest submit: skipped listed" "$(printf '%s' "$OUT" | jq -c .skipped)" '["t01-big","t02-neg"]'
equals "contest submit: lang" "$(printf '%s' "$OUT" | jq -r .lang)" c
run "$JUDGE" contest submit cup B plus1.c --all
equals "contest submit --all: exit 2" "$RC" 2
contains "contest submit --all: why" "$ERR" "--all does not apply"
run "$JUDGE" contest submit cup B plus1.c --lang cobol
equals "contest submit --lang cobol: exit 2" "$RC" 2

finish
