#!/bin/sh
# Every checker kind on matching and non-matching outputs, through
# 'judge submit --json' on fixture problems: trailing whitespace, a missing
# final newline, CRLF, empty output, -0.0, differences of 1e-7, huge
# numbers, nan and inf, a custom checker (AC WA PE, and IE when it fails).
. "$(dirname "$0")/lib.sh"
. "$ROOT/tests/grade_fixtures.sh"
grade_fixtures

# submit PROBLEM: cat.c on PROBLEM, JSON in $J
submit() { run "$JUDGE" submit "$1" cat.c --json --all; J=$OUT; }
expect() { # TEST VERDICT
	equals "$P/$1" "$(tverdict "$J" "$1")" "$2"
}

P=echo-tokens; submit $P
equals "tokens: exit 1" "$RC" 1
check "tokens: json parses" jq -e '.verdict == "WA" and .total == 10 and .passed == 4' .out
expect sample-1 AC; expect t01-trailing-space AC; expect t02-no-newline AC
expect t03-crlf AC; expect t04-empty WA; expect t05-wrong WA; expect t06-extra WA
expect t07-escape WA; expect t08-nul WA; expect t09-huge-line WA
equals "tokens: first failure" "$(printf '%s' "$J" | jq -r '.tests[4].name')" t04-empty
equals "tokens: empty message" "$(tmessage "$J" t04-empty)" \
	"line 1, token 1: expected '7', got end of output (the output is empty)"
equals "tokens: wrong message" "$(tmessage "$J" t05-wrong)" \
	"line 1, token 3: expected '3', got '4'"
equals "tokens: extra message" "$(tmessage "$J" t06-extra)" \
	"line 1, token 4: expected end of output, got '4'"
equals "tokens: escapes are escaped" "$(tmessage "$J" t07-escape)" \
	"line 1, token 1: expected '5', got '\\x1b[32mAC'"
equals "tokens: NUL shown escaped" "$(tmessage "$J" t08-nul)" \
	"line 1, token 1: expected 'AB', got 'A\\x00B'"
equals "tokens: huge line" "$(tmessage "$J" t09-huge-line)" \
	"line 1, token 2: expected end of output, got '7'"
# the table on a terminal-less stdout holds no escape byte either
run "$JUDGE" submit $P cat.c --all
check "tokens: no ESC byte in the table" sh -c "! grep -q \"\$(printf '\\033')\" .out"
contains "tokens: summary" "$OUT" "echo-tokens: WA on test t04-empty (4/10 passed)"

P=echo-exact; submit $P
check "exact: json" jq -e '.verdict == "PE" and .passed == 2' .out
expect sample-1 AC; expect t01-trailing-space PE; expect t02-no-newline PE
expect t03-crlf PE; expect t04-empty WA; expect t05-wrong WA; expect t06-both-empty AC
equals "exact: crlf message" "$(tmessage "$J" t03-crlf)" \
	"line 1, column 4: expected '\\n', got '\\r\\n' (only whitespace differs)"
equals "exact: no newline message" "$(tmessage "$J" t02-no-newline)" \
	"line 1, column 4: expected '\\n', got end of output (only whitespace differs)"

P=echo-float; submit $P
check "float: json" jq -e '.verdict == "WA" and .total == 12' .out
expect sample-1 AC; expect t01-1e-7 AC; expect t02-1e-5 WA; expect t03-neg-zero AC
expect t04-huge AC; expect t05-huge-wrong WA; expect t06-nan AC; expect t07-nan-wrong WA
expect t08-inf AC; expect t09-word AC; expect t10-word-wrong WA; expect t11-empty WA
contains "float: tolerance named" "$(tmessage "$J" t02-1e-5)" "tolerance 1e-06"

P=echo-lines; submit $P
expect sample-1 AC; expect t01-permuted AC; expect t02-crlf-blank AC
expect t03-missing WA; expect t04-duplicate WA; expect t05-empty WA
equals "lines: missing message" "$(tmessage "$J" t03-missing)" \
	"expected 3 lines in any order, got 2; missing '1 2'"
equals "lines: duplicate message" "$(tmessage "$J" t04-duplicate)" \
	"expected 3 lines in any order, got 3; missing '3 4'; extra line 3 '1 2' (more often than in the answer)"
equals "lines: empty output message" "$(tmessage "$J" t05-empty)" \
	"expected 1 line in any order, got 0; missing '0'"

P=echo-regex; submit $P
expect sample-1 AC; expect t01-alternatives AC; expect t02-partial WA
expect t03-fewer-lines WA; expect t04-more-lines WA

P=echo-custom; submit $P
check "custom: json" jq -e '.verdict == "WA" and .passed == 2' .out
expect sample-1 AC; expect t01-close AC; expect t02-far WA; expect t03-empty PE
equals "custom: checker's message" "$(tmessage "$J" t02-far)" "13 is too far from 10"
# a checker that fails is the judge's problem: IE, exit 3
run "$JUDGE" submit custom-broken cat.c --json
equals "custom-broken: exit 3" "$RC" 3
check "custom-broken: IE" jq -e '.verdict == "IE" and .tests[0].verdict == "IE"' .out
contains "custom-broken: message" "$(tmessage "$OUT" sample-1)" \
	"checker failed with exit code 3: cannot read the answer"
contains "custom-broken: one error line" "$ERR" "judge: error: internal error while grading"

# the checker was compiled once: a second submission finds it cached and
# the results agree
run "$JUDGE" submit echo-custom cat.c --json
check "custom again: same verdicts" jq -e '.compile.cached == true and .tests[2].verdict == "WA"' .out

finish
