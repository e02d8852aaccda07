/* test_check.c: unit tests for the built-in checkers (judge/domain/check.c) and the
 * PCRE2 wrapper (lib/regex.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "judge/domain/check.h"
#include "lib/err.h"
#include "lib/regex.h"
#include "lib/util.h"

int unit_check(void);

static struct check_result res;

/* The Kattis default output validator with flags on NUL-terminated texts. */
static enum verdict kat(const char *flags, const char *out, const char *ans)
{
	struct check_params p;

	assert_int_equal(check_kattis_flags(flags, &p), 0);
	return check_output(&p, out, strlen(out), ans, strlen(ans), &res);
}

static void kattis_default(void **state)
{
	(void)state;
	/* case-insensitive, whitespace free */
	assert_int_equal(kat("", "Hello  WORLD\n\n", "hello world"), V_AC);
	assert_int_equal(kat("", " \t\n", ""), V_AC);
	assert_int_equal(kat("", "1 2 3", "1 2"), V_WA);
	assert_string_equal(res.message, "line 1, token 3: expected end of output, got '3'");
	assert_int_equal(kat("", "1", "1 2"), V_WA);
	assert_int_equal(kat("", "1.0", "1"), V_WA);   /* no tolerance: strings */
	assert_int_equal(kat("", "helloo", "hello"), V_WA);
}

static void kattis_case_sensitive(void **state)
{
	(void)state;
	assert_int_equal(kat("case_sensitive", "Hello", "Hello"), V_AC);
	assert_int_equal(kat("case_sensitive", "hello", "Hello"), V_WA);
	assert_string_equal(res.message, "line 1, token 1: expected 'Hello', got 'hello'");
}

static void kattis_space_change_sensitive(void **state)
{
	(void)state;
	assert_int_equal(kat("space_change_sensitive", "a b\n", "a b\n"), V_AC);
	assert_int_equal(kat("space_change_sensitive", "a  b\n", "a b\n"), V_WA);
	assert_int_equal(kat("space_change_sensitive", "a b", "a b\n"), V_WA);
	assert_int_equal(kat("space_change_sensitive", "a\tb\n", "a b\n"), V_WA);
	assert_int_equal(kat("space_change_sensitive", "A B\n", "a b\n"), V_AC);
	assert_int_equal(kat("space_change_sensitive case_sensitive", "A B\n", "a b\n"), V_WA);
}

static void kattis_float_tolerances(void **state)
{
	(void)state;
	/* absolute */
	assert_int_equal(kat("float_absolute_tolerance 0.01", "1.005", "1"), V_AC);
	assert_int_equal(kat("float_absolute_tolerance 0.01", "1000.5", "1000"), V_WA);
	/* relative */
	assert_int_equal(kat("float_relative_tolerance 0.001", "1000.5", "1000"), V_AC);
	assert_int_equal(kat("float_relative_tolerance 0.001", "1.005", "1"), V_WA);
	/* both: either one suffices */
	assert_int_equal(kat("float_tolerance 0.001", "1000.5", "1000"), V_AC);
	assert_int_equal(kat("float_tolerance 0.001", "0.0005", "0"), V_AC);
	assert_int_equal(kat("float_tolerance 0.001", "0.01", "0"), V_WA);
	/* a number is needed where the answer has one; words stay words */
	assert_int_equal(kat("float_tolerance 1e-6", "abc", "1.5"), V_WA);
	assert_string_equal(res.message, "line 1, token 1: expected '1.5', got 'abc' (expected a number)");
	assert_int_equal(kat("float_tolerance 1e-6", "YES 2.0000001", "yes 2"), V_AC);
	assert_int_equal(kat("float_tolerance 1e-6 case_sensitive", "YES 2", "yes 2"), V_WA);
}

static void kattis_bad_flags(void **state)
{
	struct check_params p;

	(void)state;
	assert_int_equal(check_kattis_flags("float_tol 1", &p), -1);
	assert_int_equal(err_kind(), ERR_INPUT);
	assert_int_equal(check_kattis_flags("float_tolerance", &p), -1);
	assert_int_equal(check_kattis_flags("float_tolerance -1", &p), -1);
	assert_int_equal(check_kattis_flags("float_tolerance x", &p), -1);
}

static void kattis_validator_exit_codes(void **state)
{
	const enum db_contract k = DB_CONTRACT_KATTIS;
	const char *v = "output validator";

	assert_int_equal(check_program_verdict(k, v, 42, NULL, "", 0, &res), V_AC);
	assert_int_equal(check_program_verdict(k, v, 43, NULL, "case 2: wrong\nmore", 18, &res), V_WA);
	assert_string_equal(res.message, "case 2: wrong ... more");
	/* validate.h's log: the first line and the reason written last, quotes as written */
	assert_int_equal(check_program_verdict(k, v, 43, NULL, "I'm thinking of 7\nGuess 1 is 3\n"
					       "guess 1: that's not it\n", 54, &res), V_WA);
	assert_string_equal(res.message, "I'm thinking of 7 ... guess 1: that's not it");
	assert_int_equal(check_program_verdict(k, v, 0, NULL, "", 0, &res), V_IE);
	assert_int_equal(check_program_verdict(k, v, 1, NULL, "", 0, &res), V_IE);
	assert_int_equal(check_program_verdict(k, v, -1, "killed by SIGSEGV", "", 0, &res), V_IE);
	assert_string_equal(res.message, "output validator failed: killed by SIGSEGV");
	(void)state;
}

/* Run checker kind on NUL-terminated output and answer. */
static enum verdict chk(enum db_checker kind, const char *out, const char *ans)
{
	struct check_params p = { .kind = kind, .abs_tol = CHECK_DEFAULT_TOL, .rel_tol = CHECK_DEFAULT_TOL };

	return check_output(&p, out, strlen(out), ans, strlen(ans), &res);
}

static enum verdict chkn(enum db_checker kind, const char *out, size_t outlen, const char *ans)
{
	struct check_params p = { .kind = kind, .abs_tol = CHECK_DEFAULT_TOL, .rel_tol = CHECK_DEFAULT_TOL };

	return check_output(&p, out, outlen, ans, strlen(ans), &res);
}

static void tokens_layout_free(void **state)
{
	(void)state;
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1 2\n", "1 2\n"), V_AC);
	assert_string_equal(res.message, "");
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1   2  \n\n", "1 2\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1\r\n2\r\n", "1 2\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1 2", "1\n2\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_TOKENS, "", ""), V_AC);
	assert_int_equal(chk(DB_CHECKER_TOKENS, " \n\t\n", "\n"), V_AC);
}

static void tokens_messages(void **state)
{
	(void)state;
	assert_int_equal(chk(DB_CHECKER_TOKENS, "999999936\n", "999999937\n"), V_WA);
	assert_string_equal(res.message,
			    "line 1, token 1: expected '999999937', got '999999936'");
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1 2\n3 5\n", "1 2\n3 4\n"), V_WA);
	assert_string_equal(res.message, "line 2, token 2: expected '4', got '5'");
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1 2\n", "1 2 3\n"), V_WA);
	assert_string_equal(res.message, "line 2, token 1: expected '3', got end of output");
	assert_int_equal(chk(DB_CHECKER_TOKENS, "1 2 3", "1 2\n"), V_WA);
	assert_string_equal(res.message, "line 1, token 3: expected end of output, got '3'");
	assert_int_equal(chk(DB_CHECKER_TOKENS, "", "7\n"), V_WA);
	assert_string_equal(res.message,
			    "line 1, token 1: expected '7', got end of output (the output is empty)");
	/* a NUL byte is part of a token, shown escaped */
	assert_int_equal(chkn(DB_CHECKER_TOKENS, "4\0002\n", 4, "42\n"), V_WA);
	assert_string_equal(res.message, "line 1, token 1: expected '42', got '4\\x002'");
}

static void exact_presentation(void **state)
{
	(void)state;
	assert_int_equal(chk(DB_CHECKER_EXACT, "3\n", "3\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_EXACT, "3 \n", "3\n"), V_PE);
	assert_string_equal(res.message,
			    "line 1, column 2: expected '\\n', got ' \\n' (only whitespace differs)");
	assert_int_equal(chk(DB_CHECKER_EXACT, "3", "3\n"), V_PE);
	assert_string_equal(res.message,
			    "line 1, column 2: expected '\\n', got end of output (only whitespace differs)");
	assert_int_equal(chk(DB_CHECKER_EXACT, "a\r\nb\r\n", "a\nb\n"), V_PE);
	assert_string_equal(res.message,
			    "line 1, column 2: expected '\\n', got '\\r\\n' (only whitespace differs)");
	assert_int_equal(chk(DB_CHECKER_EXACT, "a\nb  c\n", "a\nb c\n"), V_PE);
	assert_string_equal(res.message,
			    "line 2, column 3: expected 'c\\n', got ' c\\n' (only whitespace differs)");
	assert_int_equal(chk(DB_CHECKER_EXACT, "3\n", "4\n"), V_WA);
	assert_string_equal(res.message, "line 1, token 1: expected '4', got '3'");
	assert_int_equal(chk(DB_CHECKER_EXACT, "", "4\n"), V_WA);
	assert_int_equal(chk(DB_CHECKER_EXACT, "\n", ""), V_PE);
}

static void float_tolerance(void **state)
{
	struct check_params p = { .kind = DB_CHECKER_FLOAT, .abs_tol = 1e-6 };

	(void)state;
	assert_int_equal(chk(DB_CHECKER_FLOAT, "3.1415927\n", "3.14159265\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1.0000001", "1"), V_AC);     /* 1e-7 */
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1.00001", "1"), V_WA);       /* 1e-5 */
	assert_string_equal(res.message,
			    "line 1, token 1: expected '1', got '1.00001' (difference 1e-05, tolerance 1e-06)");
	assert_int_equal(chk(DB_CHECKER_FLOAT, "-0.0", "0"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "0", "-0.000000"), V_AC);
	/* relative tolerance on huge numbers */
	assert_int_equal(chk(DB_CHECKER_FLOAT, "123456789012345678901", "1.23456789012345e20"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1.2346e20", "1.2345e20"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1e308", "-1e308"), V_WA);
	assert_int_equal(check_output(&p, "1000000.5", 9, "1000000", 7, &res), V_WA);
	/* nan and inf */
	assert_int_equal(chk(DB_CHECKER_FLOAT, "nan", "NaN"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1", "nan"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "nan", "1"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "inf", "Infinity"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "-inf", "inf"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1e308", "inf"), V_WA);
	/* words are compared exactly, numbers must be numbers, hex is a word */
	assert_int_equal(chk(DB_CHECKER_FLOAT, "YES 2.0000000001", "YES 2"), V_AC);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "yes 2", "YES 2"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "two", "2"), V_WA);
	assert_string_equal(res.message, "line 1, token 1: expected '2', got 'two' (not a number)");
	assert_int_equal(chk(DB_CHECKER_FLOAT, "0x10", "16"), V_WA);
	assert_int_equal(chk(DB_CHECKER_FLOAT, "1.5 2", "1.5"), V_WA);
}

static void unordered_lines(void **state)
{
	(void)state;
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n3 4\n1  2\n", "2\n1 2\n3 4\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "\n2\r\n\n3 4\n 1 2", "2\n1 2\n3 4\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n1 2\n1 3\n", "2\n1 2\n3 4\n"), V_WA);
	assert_string_equal(res.message, "expected 3 lines in any order, got 3; missing '3 4'; "
			    "extra line 3 '1 3'");
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n1 2\n1 2\n", "2\n1 2\n3 4\n"), V_WA);
	assert_string_equal(res.message, "expected 3 lines in any order, got 3; missing '3 4'; "
			    "extra line 3 '1 2' (more often than in the answer)");
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n3 4\n3 4\n1 2\n", "2\n1 2\n3 4\n"), V_WA);
	assert_string_equal(res.message, "expected 3 lines in any order, got 4; "
			    "extra line 3 '3 4' (more often than in the answer)");
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "1\n", "1\n2\n2\n"), V_WA);
	assert_string_equal(res.message, "expected 3 lines in any order, got 1; "
			    "missing '2' (2 times)");
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n3 4\n", "2\n1 2\n3 4\n"), V_WA);
	assert_string_equal(res.message, "expected 3 lines in any order, got 2; missing '1 2'");
	/* at most three of each are named; blank lines are not lines */
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "9\n\n8\n7\n6\n5\n",
			     "1\n2\n3\n4\n5\n"), V_WA);
	assert_string_equal(res.message, "expected 5 lines in any order, got 5; missing '1', "
			    "'2', '3' and 1 more; extra line 1 '9', line 3 '8', line 4 '7' "
			    "and 1 more");
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2\n1\n", "1\n2\n"), V_AC);
	assert_string_equal(res.message, "");
	/* order within a line matters: lines are token sequences */
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "2 1\n", "1 2\n"), V_WA);
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "", ""), V_AC);
	assert_int_equal(chk(DB_CHECKER_UNORDERED_LINES, "", "0\n"), V_WA);
	assert_string_equal(res.message, "expected 1 line in any order, got 0; missing '0'");
}

static void unordered_many_lines(void **state)
{
	struct buf out = BUF_INIT, ans = BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < 20000; i++)
		buf_addf(&ans, "%d %d\n", i, i % 7);
	for (i = 19999; i >= 0; i--)
		buf_addf(&out, "%d   %d\n", i, i % 7);
	assert_int_equal(chkn(DB_CHECKER_UNORDERED_LINES, out.data, out.len, ans.data), V_AC);
	buf_addstr(&out, "5 6\n");
	assert_int_equal(chkn(DB_CHECKER_UNORDERED_LINES, out.data, out.len, ans.data), V_WA);
	assert_string_equal(res.message, "expected 20000 lines in any order, got 20001; "
			    "extra line 20001 '5 6'");
	buf_release(&out);
	buf_release(&ans);
}

static void regex_lines(void **state)
{
	(void)state;
	assert_int_equal(chk(DB_CHECKER_REGEX, "Case #1: 42\nok\n", "Case #\\d+: \\d+\nok|fine\n"), V_AC);
	assert_int_equal(chk(DB_CHECKER_REGEX, "Case #1: 42\r\nfine", "Case #\\d+: \\d+\nok|fine\n"), V_AC);
	/* the whole line must match */
	assert_int_equal(chk(DB_CHECKER_REGEX, "Case #1: 42!\n", "Case #\\d+: \\d+\n"), V_WA);
	assert_string_equal(res.message,
			    "line 1: 'Case #1: 42!' does not match 'Case #\\\\d+: \\\\d+'");
	assert_int_equal(chk(DB_CHECKER_REGEX, "xok\n", "ok|fine\n"), V_WA);
	/* line counts */
	assert_int_equal(chk(DB_CHECKER_REGEX, "1\n", "\\d\n\\d\n"), V_WA);
	assert_string_equal(res.message, "line 2: expected a line matching '\\\\d', got end of output");
	assert_int_equal(chk(DB_CHECKER_REGEX, "1\n2\n", "\\d\n"), V_WA);
	assert_string_equal(res.message, "line 2: expected end of output, got '2'");
	assert_int_equal(chk(DB_CHECKER_REGEX, "1\n\n\n", "\\d\n\n"), V_AC);
	/* a bad pattern is the problem's fault */
	assert_int_equal(chk(DB_CHECKER_REGEX, "1\n", "(\\d\n"), V_IE);
	assert_true(strstr(res.message, "answer line 1: bad pattern") != NULL);
	/* catastrophic backtracking gives up */
	assert_int_equal(chk(DB_CHECKER_REGEX, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n", "(a+)+c\n"), V_WA);
	/* invalid UTF-8 in the output does not break matching */
	assert_int_equal(chk(DB_CHECKER_REGEX, "\xff\xfe ok\n", ".* ok\n"), V_WA);
	assert_int_equal(chk(DB_CHECKER_REGEX, "h\xc3\xa9 ok\n", "h. ok\n"), V_AC);
}

static void regex_wrapper(void **state)
{
	struct regex *re;

	(void)state;
	re = regex_compile("max-*", 5, 0);
	assert_non_null(re);
	assert_int_equal(regex_match(re, "the max-gap", 11), 1);
	regex_free(re);
	re = regex_compile("max", 3, REGEX_FULL | REGEX_CASELESS);
	assert_int_equal(regex_match(re, "MAX", 3), 1);
	assert_int_equal(regex_match(re, "MAX-gap", 7), 0);
	regex_free(re);
	/* invalid UTF-8 never matches, with or without JIT, and never lets a
	 * match start after it */
	re = regex_compile("\\d+", 3, REGEX_FULL);
	assert_int_equal(regex_match(re, "\xff" "1", 2), 0);
	assert_int_equal(regex_match(re, "12", 2), 1);
	regex_free(re);
	re = regex_compile("\\d+", 3, REGEX_FULL | REGEX_NO_JIT);
	assert_false(regex_jit(re));
	assert_int_equal(regex_match(re, "\xff" "1", 2), 0);
	assert_int_equal(regex_match(re, "12", 2), 1);
	regex_free(re);
	assert_null(regex_compile("a(", 2, 0));
	assert_true(strstr(err_msg(), "bad pattern 'a(' at offset 2") != NULL);
	re = regex_compile("(a|aa)+$", 8, 0);
	{
		char s[200];

		memset(s, 'a', sizeof(s) - 1);
		s[sizeof(s) - 1] = 'b';
		assert_int_equal(regex_match(re, s, sizeof(s)), -1);
	}
	regex_free(re);
}

static void long_values_are_cut(void **state)
{
	char out[301], ans[301];

	(void)state;
	memset(out, '7', 300);
	memset(ans, '7', 300);
	out[300] = ans[300] = 0;
	out[200] = '8';
	assert_int_equal(chk(DB_CHECKER_TOKENS, out, ans), V_WA);
	/* the window starts shortly before the difference */
	assert_true(strstr(res.message, "expected '...7777777777777777777777777777777777777777...', "
			   "got '...7777777777778777777777777777777777777777...'") != NULL);
	assert_true(strlen(res.message) < 200);
}

static void big_outputs_are_linear(void **state)
{
	struct buf out = BUF_INIT;
	size_t i;

	(void)state;
	/* 12 MB of tokens and one huge line: fast, and the right position */
	for (i = 0; i < 1500000; i++)
		buf_addstr(&out, "1234567 ");
	assert_int_equal(chkn(DB_CHECKER_TOKENS, out.data, out.len, "1234567\n"), V_WA);
	assert_string_equal(res.message, "line 1, token 2: expected end of output, got '1234567'");
	assert_int_equal(chkn(DB_CHECKER_EXACT, out.data, out.len, "1234567\n"), V_WA);
	assert_int_equal(chkn(DB_CHECKER_FLOAT, out.data, out.len, "1234567\n"), V_WA);
	assert_int_equal(chkn(DB_CHECKER_UNORDERED_LINES, out.data, out.len, "1234567\n"), V_WA);
	assert_int_equal(chkn(DB_CHECKER_REGEX, out.data, out.len, "[0-9]+\n"), V_WA);
	assert_int_equal(chkn(DB_CHECKER_REGEX, out.data, out.len - 1, "[0-9 ]+\n"), V_AC);
	assert_int_equal(chkn(DB_CHECKER_REGEX, out.data, out.len - 1, "[0-9 ]+0\n"), V_WA);
	buf_release(&out);
}

static void custom_exit_codes(void **state)
{
	(void)state;
	assert_int_equal(check_custom_verdict(0, NULL, "", 0, &res), V_AC);
	assert_int_equal(check_custom_verdict(1, NULL, "wrong sum\nmore", 14, &res), V_WA);
	assert_string_equal(res.message, "wrong sum");
	assert_int_equal(check_custom_verdict(1, NULL, NULL, 0, &res), V_WA);
	assert_string_equal(res.message, "the checker rejected the output");
	assert_int_equal(check_custom_verdict(2, NULL, "\033[2J", 4, &res), V_PE);
	assert_string_equal(res.message, "\\x1b[2J");
	assert_int_equal(check_custom_verdict(3, NULL, "bad answer file", 15, &res), V_IE);
	assert_string_equal(res.message, "checker failed with exit code 3: bad answer file");
	assert_int_equal(check_custom_verdict(-1, "killed by SIGSEGV", "", 0, &res), V_IE);
	assert_string_equal(res.message, "checker failed: killed by SIGSEGV");
}

/* The contracts of a problem's own programs: testlib's and Kattis' exit
 * codes, and the judge's own unchanged. */
static void contract_exit_codes(void **state)
{
	const enum db_contract T = DB_CONTRACT_TESTLIB, K = DB_CONTRACT_KATTIS;

	(void)state;
	assert_int_equal(check_program_verdict(T, "checker", 0, NULL, "ok 3 numbers", 12, &res), V_AC);
	assert_string_equal(res.message, "ok 3 numbers");
	assert_int_equal(check_program_verdict(T, "checker", 1, NULL, NULL, 0, &res), V_WA);
	assert_string_equal(res.message, "the checker rejected the output");
	assert_int_equal(check_program_verdict(T, "checker", 2, NULL, "", 0, &res), V_PE);
	assert_int_equal(check_program_verdict(T, "checker", 4, NULL, "", 0, &res), V_PE);
	assert_int_equal(check_program_verdict(T, "interactor", 8, NULL, "unexpected eof", 14, &res), V_WA);
	assert_int_equal(check_program_verdict(T, "checker", 3, NULL, "FAIL bad answer", 15, &res), V_IE);
	assert_string_equal(res.message, "checker failed (testlib FAIL, exit code 3): FAIL bad answer");
	assert_int_equal(check_program_verdict(T, "checker", 7, NULL, "points 0.25 close", 17, &res), V_WA);
	assert_string_equal(res.message, "partially correct: points 0.25 close");
	/* quitf(_pc(13)) exits 13 (testlib's PC_BASE_EXIT_CODE is 0): its
	 * stderr says it, whatever the code, even 0 or 1 */
	assert_int_equal(check_program_verdict(T, "checker", 13, NULL,
					       "partially correct (13) half", 27, &res), V_WA);
	assert_string_equal(res.message, "partially correct (13) half");
	assert_int_equal(check_program_verdict(T, "checker", 0, NULL,
					       "partially correct (0) none", 26, &res), V_WA);
	assert_int_equal(check_program_verdict(T, "checker", 16 + 13, NULL, "half", 4, &res), V_IE);
	/* a message's quotes stay as written */
	assert_int_equal(check_program_verdict(T, "checker", 1, NULL,
					       "wrong answer expected: '6'", 26, &res), V_WA);
	assert_string_equal(res.message, "wrong answer expected: '6'");
	assert_int_equal(check_program_verdict(T, "checker", 5, NULL, "", 0, &res), V_IE);
	assert_int_equal(check_program_verdict(T, "checker", -1, "killed by SIGSEGV", "", 0, &res), V_IE);
	assert_int_equal(check_program_verdict(K, "interactor", 42, NULL, "found it", 8, &res), V_AC);
	assert_int_equal(check_program_verdict(K, "interactor", 43, NULL, "too many\nx", 10, &res), V_WA);
	assert_string_equal(res.message, "too many ... x");
	assert_int_equal(check_program_verdict(K, "interactor", 0, NULL, "", 0, &res), V_IE);
	assert_string_equal(res.message, "interactor failed with exit code 0 (42 accepts, 43 rejects)");
	assert_int_equal(check_program_verdict(K, "checker", 1, NULL, "", 0, &res), V_IE);
	assert_int_equal(check_program_verdict(DB_CONTRACT_JUDGE, "checker", 3, NULL, "x", 1, &res), V_IE);
	assert_int_equal(check_program_verdict(DB_CONTRACT_JUDGE, "checker", 2, NULL, "", 0, &res), V_PE);
}

int unit_check(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokens_layout_free),
		cmocka_unit_test(tokens_messages),
		cmocka_unit_test(exact_presentation),
		cmocka_unit_test(float_tolerance),
		cmocka_unit_test(unordered_lines),
		cmocka_unit_test(unordered_many_lines),
		cmocka_unit_test(regex_lines),
		cmocka_unit_test(regex_wrapper),
		cmocka_unit_test(long_values_are_cut),
		cmocka_unit_test(big_outputs_are_linear),
		cmocka_unit_test(custom_exit_codes),
		cmocka_unit_test(kattis_default),
		cmocka_unit_test(kattis_case_sensitive),
		cmocka_unit_test(kattis_space_change_sensitive),
		cmocka_unit_test(kattis_float_tolerances),
		cmocka_unit_test(kattis_bad_flags),
		cmocka_unit_test(kattis_validator_exit_codes),
		cmocka_unit_test(contract_exit_codes),
	};

	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
