#!/bin/sh
# t0600: 'judge regress' over a fixture: every solution gets its folder's
# verdict, the table and summary, runs stored (not as submissions), a warm
# run compiles nothing, PCRE2 filters, and bad input (exit 2, nothing stored).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/regress-fixture.sh"
regress_prereqs

expect_exit 0 "every solution matches its folder" "$JUDGE" regress
contains "summary line" "$OUT" "4 solutions: 4 matched, 0 mismatched · 4 compiled, 0 cached ·"
row() { printf '%s\n' "$OUT" | grep -Eq "$1"; }
check "accepted row" row '^sum +accepted/ok\.c +AC +AC +[0-9]+/300 ms +[0-9.]+ MB$'
check "wrong answer row" row '^sum +wrong_answer/int32\.c +WA +WA +[0-9]+/300 ms +[0-9.]+ MB$'
check "time limit row" row '^sum +time_limit_exceeded/spin\.c +TLE +TLE +[0-9]+/300 ms'
check "runtime error row" row '^sum +runtime_error/crash\.c +RE +RE '
equals "no progress line when stderr is not a terminal" "$ERR" ""
equals "one run stored" "$(sq 'SELECT count(*), sum(total), sum(matched), sum(compiled) FROM regress_runs')" "1|4|4|4"
equals "its results stored" "$(sq "SELECT expected || got || CAST(match AS INTEGER) FROM regress_results WHERE solution = 'sum/time_limit_exceeded/spin.c'")" "TLETLE1"
equals "the limit and grading time stored" "$(sq "SELECT count(*) FROM regress_results WHERE time_limit_ms = 300 AND wall_ms > 0")" "4"
equals "no submission recorded" "$(sq 'SELECT count(*) FROM submissions')" "0"

expect_exit 0 "a second run" "$JUDGE" regress -j 1
contains "a warm run compiles nothing" "$OUT" "4 solutions: 4 matched, 0 mismatched · 0 compiled, 4 cached ·"

expect_exit 0 "patterns select solutions" "$JUDGE" regress 'spin|crash'
contains "two selected" "$OUT" "2 solutions: 2 matched"
lacks "ok.c not selected" "$OUT" "ok.c"
expect_exit 0 "several patterns: any may match" "$JUDGE" regress '^sum/accepted/' 'int\d\d'
contains "two selected by two patterns" "$OUT" "2 solutions: 2 matched"
contains "int32 selected" "$OUT" "wrong_answer/int32.c"

runs=$(sq 'SELECT count(*) FROM regress_runs')
expect_exit 2 "a bad pattern" "$JUDGE" regress '('
contains "the pattern's error" "$ERR" "judge: error: bad pattern '(' at offset"
expect_exit 2 "a pattern that matches nothing" "$JUDGE" regress 'nothing-here'
contains "says no solution matches" "$ERR" "judge: error: no solution in 'solutions' matches"
expect_exit 2 "-j 0" "$JUDGE" regress -j 0
contains "-j error" "$ERR" "judge: error: bad -j '0'"
expect_exit 2 "-j not a number" "$JUDGE" regress -j two
expect_exit 2 "an unknown option" "$JUDGE" regress --bogus

mkdir -p solutions/sum/acepted
cp solutions/sum/accepted/ok.c solutions/sum/acepted/
expect_exit 2 "an unknown verdict folder" "$JUDGE" regress
contains "names the folder and the accepted names" "$ERR" "judge: error: 'solutions/sum/acepted/ok.c': unknown verdict folder 'acepted'; use one of accepted, wrong_answer"
expect_exit 0 "a filter that leaves it out runs" "$JUDGE" regress '^sum/accepted/'
rm -r solutions/sum/acepted
mkdir -p solutions/summ/accepted
cp solutions/sum/accepted/ok.c solutions/summ/accepted/
expect_exit 2 "a problem not in the catalogue" "$JUDGE" regress
contains "names the problem" "$ERR" "judge: error: 'solutions/summ/accepted/ok.c': no problem 'summ' in the catalogue 'problems.toml'; did you mean 'sum'?"
rm -r solutions/summ
printf 'int main(void) { return 0; }\0' > solutions/sum/accepted/binary.c
expect_exit 2 "a source that is not text" "$JUDGE" regress
contains "names the file" "$ERR" "solutions/sum/accepted/binary.c"
rm solutions/sum/accepted/binary.c
equals "bad input stores no run" "$(sq 'SELECT count(*) FROM regress_runs')" "$((runs + 1))"

mkdir elsewhere
cp problems.toml elsewhere/
cp -r problems elsewhere/
expect_exit 2 "no solutions folder next to the catalogue" "$JUDGE" --catalog elsewhere/problems.toml regress
contains "says where it looked" "$ERR" "judge: error: no solutions folder 'elsewhere/solutions'"
finish
