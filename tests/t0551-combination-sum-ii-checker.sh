#!/bin/sh
# t0551: the combination-sum-ii custom checker on right, wrong and malformed
# outputs: exit 0 AC, 1 WA, 2 PE (blank lines only), 3 checker failure (bad
# input or answer), never a crash. The malformed cases also run under
# AddressSanitizer and UBSan when the compiler has them.
. "$(dirname "$0")/lib.sh"

P=$ROOT/problems/combination-sum-ii
gcc -O2 -std=gnu17 -static -o chk "$P/checker.c" 2>chk.log || fail "checker compiles" "$(cat chk.log)"
if gcc -O1 -g -std=gnu17 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-o chk-san "$P/checker.c" 2>/dev/null; then
	CHECKERS="chk chk-san"
else
	CHECKERS="chk"
fi
export ASAN_OPTIONS=exitcode=99:detect_leaks=0 UBSAN_OPTIONS=exitcode=98

# sample-1: 10 1 2 7 6 1 5, target 8 -> 1 1 6 / 1 2 5 / 1 7 / 2 6
cp "$P/tests/sample-1.in" in
cp "$P/tests/sample-1.ans" ans
# t03: no combination
cp "$P/tests/t03-k0-sum-short.in" in0
cp "$P/tests/t03-k0-sum-short.ans" ans0

# case WANT DESC OUTPUT-PRINTF [INPUT ANSWER]: the checker exits WANT.
case_() {
	want=$1; desc=$2
	printf -- "$3" > out
	for c in $CHECKERS; do
		run "./$c" "${4:-in}" out "${5:-ans}"
		if [ "$RC" -eq "$want" ] && [ -n "$ERR" ]; then pass "$c: $desc"
		else fail "$c: $desc: exit $RC, expected $want" "$ERR"; fi
	done
}
# file_case WANT DESC: the same with an output already in the file out.
file_case() {
	for c in $CHECKERS; do
		run "./$c" in out ans
		if [ "$RC" -eq "$1" ]; then pass "$c: $2"; else fail "$c: $2: exit $RC, expected $1" "$ERR"; fi
	done
}

# right
case_ 0 "the answer itself" '4\n1 1 6\n1 2 5\n1 7\n2 6\n'
case_ 0 "other line order, numbers in any order" '4\n7 1\n6 2\n5 2 1\n6 1 1\n'
case_ 0 "CRLF, tabs, extra spaces" '4\r\n1\t1 6\r\n  1  2 5 \r\n1 7\r\n2 6\r\n'
case_ 0 "no final newline" '4\n1 1 6\n1 2 5\n1 7\n2 6'
case_ 0 "trailing blank lines and spaces" '4\n1 1 6\n1 2 5\n1 7\n2 6\n\n   \n\n'
case_ 0 "k = 0" '0\n' in0 ans0
printf '4\n7 1\n6 2\n5 2 1\n6 1 1\n' > out
run ./chk in out ans
contains "the AC message gives the count" "$ERR" "4 combinations"

# wrong
case_ 1 "a count too small" '3\n1 1 6\n1 2 5\n1 7\n'
case_ 1 "a count too large" '5\n1 1 6\n1 2 5\n1 7\n2 6\n1 7\n'
case_ 1 "a wrong sum" '4\n1 1 6\n1 2 5\n1 7\n2 5\n'
case_ 1 "a value not in the input" '4\n1 1 6\n1 2 5\n1 7\n4 4\n'
case_ 1 "a value used more often than in the input" '4\n1 1 6\n1 2 5\n1 7\n1 1 1 5\n'
case_ 1 "the same multiset twice (right count)" '4\n1 1 6\n1 2 5\n7 1\n1 7\n'
case_ 1 "too few lines" '4\n1 1 6\n1 2 5\n1 7\n'
case_ 1 "too many lines" '4\n1 1 6\n1 2 5\n1 7\n2 6\n2 6\n'
case_ 1 "extra text after the answer" '4\n1 1 6\n1 2 5\n1 7\n2 6\nok\n'
case_ 1 "two combinations on one line" '3\n1 1 6 1 2 5\n1 7\n2 6\n'
case_ 1 "k = 0 with a line after it" '0\n1 2\n' in0 ans0
case_ 1 "k = 1 when none exists" '1\n1 2 3\n' in0 ans0
case_ 1 "empty output" ''
case_ 1 "only white space" '  \n\n \t\n'
case_ 1 "a non-number count" 'four\n1 1 6\n1 2 5\n1 7\n2 6\n'
case_ 1 "a negative count" '-4\n'
case_ 1 "the count with more on its line" '4 1 7\n1 1 6\n1 2 5\n2 6\n'
case_ 1 "a non-number in a line" '4\n1 1 6\n1 2 five\n1 7\n2 6\n'
case_ 1 "a number glued to letters" '4\n1 1 6\n1 2 5x\n1 7\n2 6\n'
case_ 1 "a negative number" '4\n1 1 6\n1 2 5\n-1 9\n2 6\n'
case_ 1 "a signed number" '4\n1 1 6\n1 2 5\n+1 7\n2 6\n'
case_ 1 "zero" '4\n1 1 6\n1 2 5\n0 1 7\n2 6\n'
case_ 1 "a number that overflows 64 bits" '4\n1 1 6\n1 2 5\n18446744073709551617 1\n2 6\n'
case_ 1 "a count that overflows 64 bits" '18446744073709551620\n'
case_ 1 "a decimal point" '4\n1 1 6\n1 2 5\n1.0 7\n2 6\n'
case_ 1 "binary bytes" '4\n1 1 6\n\001\002\377\000\n1 7\n2 6\n'
case_ 1 "a NUL inside a number" '4\n1 1 6\n1 2 \0005\n1 7\n2 6\n'
run ./chk in out ans
contains "binary bytes: the message names the line" "$ERR" "line 3:"
equals "binary bytes are not echoed raw" "$(printf '%s' "$ERR" | tr -d '[:print:]\n' | wc -c)" 0

# malformed and huge
printf '4\n' > out; yes '1 ' | head -n 2000000 | tr -d '\n' >> out; printf '\n' >> out
file_case 1 "a line of 2*10^6 numbers"
printf '4\n1 1 6\n' > out; head -c 5000000 /dev/zero | tr '\0' '7' >> out; printf '\n' >> out
file_case 1 "a 5 MB number"
python3 -c '
import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(r.randrange(256) for _ in range(200000)))' > out
file_case 1 "200 KB of random bytes"
printf '4\n1 1 6\n1 2 5\n1 7\n2 6\n' > out; head -c 3000000 /dev/zero | tr '\0' ' ' >> out
file_case 0 "3 MB of trailing spaces"

# presentation: blank lines in an otherwise right answer; WA wins over PE
case_ 2 "a blank line between combinations" '4\n1 1 6\n\n1 2 5\n1 7\n2 6\n'
case_ 2 "a blank line before the count" '\n4\n1 1 6\n1 2 5\n1 7\n2 6\n'
case_ 1 "a blank line and a wrong line" '4\n1 1 6\n\n1 2 5\n1 7\n2 5\n'
printf '4\n1 1 6\n\n1 2 5\n1 7\n2 6\n' > out
run ./chk in out ans
contains "the PE message names the blank line" "$ERR" "line 3: blank line"

# messages say where and what
printf '4\n1 1 6\n1 2 5\n1 7\n2 5\n' > out; run ./chk in out ans
contains "wrong sum message" "$ERR" "line 5: the numbers sum to 7, not 8"
printf '4\n1 1 6\n1 2 5\n7 1\n1 7\n' > out; run ./chk in out ans
contains "duplicate message" "$ERR" "line 5: the same combination as line 4"
printf '3\n' > out; run ./chk in out ans
contains "count message" "$ERR" "expected 4, got 3"

# checker failures: bad input or answer files are never the contestant's fault
printf '4\n1 7\n' > out
printf 'x\n' > badans
expect_exit 3 "a malformed answer is a checker failure" ./chk in out badans
printf '7 8\n10 1 2\n' > badin
expect_exit 3 "a truncated input is a checker failure" ./chk badin out ans
expect_exit 3 "a missing file is a checker failure" ./chk in out nonexistent
expect_exit 3 "wrong usage is a checker failure" ./chk in out
finish
