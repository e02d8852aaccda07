/* test_lib.c: unit tests for lib/ (buffer, errors, utilities). */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

int unit_lib(void);

static void buf_caps_and_truncates(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 5);
	assert_int_equal(buf_addstr(&b, "abc"), 0);
	assert_int_equal(buf_addstr(&b, "defg"), -1);
	assert_string_equal(buf_str(&b), "abcde");
	assert_true(b.truncated);
	buf_reset(&b);
	assert_false(b.truncated);
	assert_int_equal(buf_addf(&b, "%d", 42), 0);
	assert_string_equal(buf_str(&b), "42");
	buf_release(&b);
	assert_string_equal(buf_str(&b), "");
}

static void buf_addf_long(void **state)
{
	struct buf b = BUF_INIT;
	char big[1000];

	(void)state;
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	buf_addf(&b, "<%s>", big);
	assert_int_equal(b.len, 1001);
	assert_int_equal(buf_str(&b)[1000], '>');
	buf_release(&b);
}

static void err_prefix_chains(void **state)
{
	(void)state;
	assert_int_equal(err_set("bad %s", "value"), -1);
	err_prefix("problems.toml:%d:%d", 3, 9);
	assert_string_equal(err_msg(), "problems.toml:3:9: bad value");
}

/* The kind goes with the message: set by err_input/err_cancelled, kept by
 * err_prefix, changed by err_as, back to internal on err_set and err_clear. */
static void err_kind_travels(void **state)
{
	(void)state;
	assert_int_equal(err_input("unknown problem '%s'", "x"), -1);
	assert_int_equal(err_kind(), ERR_INPUT);
	err_prefix("submit");
	assert_int_equal(err_kind(), ERR_INPUT);
	assert_string_equal(err_msg(), "submit: unknown problem 'x'");
	err_set("disk full");
	assert_int_equal(err_kind(), ERR_INTERNAL);
	assert_int_equal(err_cancelled("interrupted"), -1);
	assert_int_equal(err_kind(), ERR_CANCELLED);
	assert_int_equal(err_as(ERR_INPUT), -1);
	assert_int_equal(err_kind(), ERR_INPUT);
	assert_string_equal(err_msg(), "interrupted");
	err_clear();
	assert_int_equal(err_kind(), ERR_INTERNAL);
	assert_string_equal(err_msg(), "");
}

static void signal_names(void **state)
{
	char out[16];

	(void)state;
	assert_string_equal(util_signal_name(SIGSEGV, out), "SIGSEGV");
	assert_string_equal(util_signal_name(SIGKILL, out), "SIGKILL");
	assert_string_equal(util_signal_name(200, out), "SIG200");
}

static void sha256_known(void **state)
{
	char hex[65];

	(void)state;
	util_sha256_hex("abc", 3, hex);
	assert_string_equal(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

static void rfc3339_parses_offsets(void **state)
{
	time_t a, b;
	char out[32];

	(void)state;
	assert_int_equal(util_parse_rfc3339("2026-12-01T10:00:00Z", &a), 0);
	assert_int_equal(util_parse_rfc3339("2026-12-01T12:30:00.5+02:30", &b), 0);
	assert_true(a == b);
	util_format_rfc3339(a, out);
	assert_string_equal(out, "2026-12-01T10:00:00Z");
	assert_int_equal(util_parse_rfc3339("2026-13-01T10:00:00Z", &a), -1);
	assert_int_equal(util_parse_rfc3339("yesterday", &a), -1);
}

static void edit_distance_counts(void **state)
{
	(void)state;
	assert_int_equal(util_edit_distance("max-gap", "max-gap"), 0);
	assert_int_equal(util_edit_distance("max-gpa", "max-gap"), 2);
	assert_int_equal(util_edit_distance("", "abc"), 3);
}

static void is_text_rejects_binary(void **state)
{
	(void)state;
	assert_true(util_is_text("hello\n", 6));
	assert_true(util_is_text("h\xc3\xa9", 3));
	assert_false(util_is_text("a\0b", 3));
	assert_false(util_is_text("\xc3", 1));
	assert_false(util_is_text("\xff\xfe", 2));
	assert_false(util_is_text("\xed\xa0\x80", 3)); /* surrogate */
}

static void verdict_names_roundtrip(void **state)
{
	(void)state;
	assert_string_equal(verdict_name(V_TLE), "TLE");
	assert_int_equal(verdict_parse("time_limit_exceeded"), V_TLE);
	assert_int_equal(verdict_parse("AC"), V_AC);
	assert_int_equal(verdict_parse("nope"), -1);
}

int unit_lib(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_caps_and_truncates),
		cmocka_unit_test(buf_addf_long),
		cmocka_unit_test(err_prefix_chains),
		cmocka_unit_test(err_kind_travels),
		cmocka_unit_test(signal_names),
		cmocka_unit_test(sha256_known),
		cmocka_unit_test(rfc3339_parses_offsets),
		cmocka_unit_test(edit_distance_counts),
		cmocka_unit_test(is_text_rejects_binary),
		cmocka_unit_test(verdict_names_roundtrip),
	};

	return cmocka_run_group_tests_name("lib", tests, NULL, NULL);
}
