# grade_fixtures.sh: fixture problems for the grading tests (t04xx), sourced
# after lib.sh. grade_fixtures writes problems.toml and one small problem
# per checker kind into the scratch dir, independent of the real problem set:
#   sum           exact checker, input "a b", answer a+b (3 tests); limits
#                 1000 ms, 64 MB, stack 8 MB, output 256 KB
#   echo-*        one per checker kind; the input of each test is the exact
#                 output to produce, so the solution cat.c (print your input)
#                 exercises many checker cases in one submission
#   custom-broken a custom checker that always fails (IE)
# prog NAME 'C SOURCE' writes NAME.c.

# tcase PROBLEM NAME OUTPUT ANSWER: one test (printf formats: \n \r \t).
tcase() {
	mkdir -p "problems/$1/tests"
	printf %b "$3" > "problems/$1/tests/$2.in"
	printf %b "$4" > "problems/$1/tests/$2.ans"
}

problem() { # ID CHECKER [EXTRA TOML LINES]
	mkdir -p "problems/$1/tests"
	echo "# $1" > "problems/$1/statement.md"
	{
		echo "[[problem]]"
		echo "id = \"$1\""
		echo "title = \"$1\""
		echo "time_limit_ms = 1000"
		echo "memory_limit_mb = 64"
		echo "checker = \"$2\""
		[ -n "$3" ] && printf '%s\n' "$3"
		echo
	} >> problems.toml
}

prog() { printf '%s\n' "$2" > "$1.c"; }

grade_fixtures() {
	: > problems.toml
	problem sum exact 'stack_limit_mb = 8
output_limit_kb = 256'
	tcase sum sample-1 '1 2\n' '3\n'
	tcase sum t01-big '1000000000000 2000000000000\n' '3000000000000\n'
	tcase sum t02-neg '-5 3\n' '-2\n'

	problem echo-tokens tokens
	tcase echo-tokens sample-1 '1 2 3\n' '1 2 3\n'
	tcase echo-tokens t01-trailing-space '1 2 3   \n\n' '1 2 3\n'
	tcase echo-tokens t02-no-newline '1 2 3' '1 2 3\n'
	tcase echo-tokens t03-crlf '1\r\n2 3\r\n' '1 2 3\n'
	tcase echo-tokens t04-empty '' '7\n'
	tcase echo-tokens t05-wrong '1 2 4\n' '1 2 3\n'
	tcase echo-tokens t06-extra '1 2 3 4\n' '1 2 3\n'
	tcase echo-tokens t07-escape '\033[32mAC\n' '5\n'
	tcase echo-tokens t08-nul 'A\0B\n' 'AB\n'
	# one 2 MB line of tokens
	yes '7 ' | head -n 1000000 | tr -d '\n' > problems/echo-tokens/tests/t09-huge-line.in
	printf '7\n' > problems/echo-tokens/tests/t09-huge-line.ans

	problem echo-exact exact
	tcase echo-exact sample-1 'a b\n' 'a b\n'
	tcase echo-exact t01-trailing-space 'a b \n' 'a b\n'
	tcase echo-exact t02-no-newline 'a b' 'a b\n'
	tcase echo-exact t03-crlf 'a b\r\n' 'a b\n'
	tcase echo-exact t04-empty '' 'a b\n'
	tcase echo-exact t05-wrong 'a c\n' 'a b\n'
	tcase echo-exact t06-both-empty '' ''

	problem echo-float float 'abs_tolerance = 1e-6
rel_tolerance = 1e-6'
	tcase echo-float sample-1 '3.14159265\n' '3.14159265\n'
	tcase echo-float t01-1e-7 '1.0000001\n' '1\n'
	tcase echo-float t02-1e-5 '1.00001\n' '1\n'
	tcase echo-float t03-neg-zero '-0.0\n' '0\n'
	tcase echo-float t04-huge '123456789012345678901234567890\n' '1.2345678901234567e29\n'
	tcase echo-float t05-huge-wrong '1.24e29\n' '1.2345678901234567e29\n'
	tcase echo-float t06-nan 'nan\n' 'nan\n'
	tcase echo-float t07-nan-wrong '0\n' 'nan\n'
	tcase echo-float t08-inf 'inf\n' 'inf\n'
	tcase echo-float t09-word 'YES 2.0000000001\n' 'YES 2\n'
	tcase echo-float t10-word-wrong 'NO 2\n' 'YES 2\n'
	tcase echo-float t11-empty '' '1.5\n'

	problem echo-lines unordered-lines
	tcase echo-lines sample-1 '2\n1 2\n3 4\n' '2\n1 2\n3 4\n'
	tcase echo-lines t01-permuted '2\n3   4\n1 2' '2\n1 2\n3 4\n'
	tcase echo-lines t02-crlf-blank '2\r\n\r\n3 4\r\n1 2\r\n' '2\n1 2\n3 4\n'
	tcase echo-lines t03-missing '2\n3 4\n' '2\n1 2\n3 4\n'
	tcase echo-lines t04-duplicate '2\n1 2\n1 2\n' '2\n1 2\n3 4\n'
	tcase echo-lines t05-empty '' '0\n'

	problem echo-regex regex
	tcase echo-regex sample-1 'Case #1: 42\n' 'Case #\\d+: \\d+\n'
	tcase echo-regex t01-alternatives 'fine\r\n' 'ok|fine\n'
	tcase echo-regex t02-partial 'Case #1: 42!\n' 'Case #\\d+: \\d+\n'
	tcase echo-regex t03-fewer-lines '1\n' '\\d\n\\d\n'
	tcase echo-regex t04-more-lines '1\n2\n' '\\d\n'

	problem echo-custom custom 'checker_source = "checker.c"'
	cat > problems/echo-custom/checker.c <<'CHK'
/* AC when the output holds the answer's number, give or take 1; PE when the
 * output is empty; WA otherwise. */
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv)
{
	FILE *out, *ans;
	long a, o;

	if (argc != 4 || !(out = fopen(argv[2], "r")) || !(ans = fopen(argv[3], "r")))
		return 3;
	if (fscanf(ans, "%ld", &a) != 1)
		return 3;
	if (fscanf(out, "%ld", &o) != 1) {
		fprintf(stderr, "no number in the output\n");
		return 2;
	}
	if (labs(o - a) > 1) {
		fprintf(stderr, "%ld is too far from %ld\n", o, a);
		return 1;
	}
	return 0;
}
CHK
	tcase echo-custom sample-1 '10\n' '10\n'
	tcase echo-custom t01-close '11\n' '10\n'
	tcase echo-custom t02-far '13\n' '10\n'
	tcase echo-custom t03-empty '' '10\n'

	problem custom-broken custom 'checker_source = "checker.c"'
	printf '#include <stdio.h>\nint main(void) { fputs("cannot read the answer\\n", stderr); return 3; }\n' \
		> problems/custom-broken/checker.c
	tcase custom-broken sample-1 '1\n' '1\n'

	prog cat '#include <stdio.h>
int main(void) { int c; while ((c = getchar()) != EOF) putchar(c); return 0; }'
}

# tverdict JSON TEST: the verdict of test TEST in a submit --json object.
tverdict() { printf '%s' "$1" | jq -r --arg t "$2" '.tests[] | select(.name == $t) | .verdict'; }
tmessage() { printf '%s' "$1" | jq -r --arg t "$2" '.tests[] | select(.name == $t) | .message'; }
