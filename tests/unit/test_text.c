/* test_text.c: unit tests for lib/text (UTF-8, showing untrusted text). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lib/text.h"
#include "lib/util.h"

int unit_text(void);

static void escape_controls_and_quotes(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	text_escape(&b, "\033[31mAC\033[0m", 11, 100, TEXT_QUOTE);
	assert_string_equal(buf_str(&b), "\\x1b[31mAC\\x1b[0m");
	buf_reset(&b);
	text_escape(&b, "a'b\\c\x7f\xff\xc3\xa9\xc2\x9b", 11, 100, TEXT_QUOTE);
	assert_string_equal(buf_str(&b), "a\\'b\\\\c\\x7f\\xff\xc3\xa9\\u{9b}");
	buf_reset(&b);
	text_escape(&b, "a'b\\c", 5, 100, 0);
	assert_string_equal(buf_str(&b), "a'b\\c");
	buf_reset(&b);
	text_escape(&b, "\xe2\x80\xae" "evil", 7, 100, 0);
	assert_string_equal(buf_str(&b), "\\u{202e}evil");
	buf_reset(&b);
	text_escape(&b, "a\033[2Jb\0c\r\n\td", 12, SIZE_MAX, TEXT_KEEP_LINES);
	assert_string_equal(buf_str(&b), "a\\x1b[2Jb\\x00c\\r\n\td");
	buf_reset(&b);
	text_escape(&b, "x\ny\t", 4, SIZE_MAX, 0);
	assert_string_equal(buf_str(&b), "x\\ny\\t");
	buf_release(&b);
}

static void escape_cuts_whole_characters(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(text_escape(&b, "abcdef", 6, 4, 0), 4);
	assert_string_equal(buf_str(&b), "abcd...");
	buf_reset(&b);
	/* never cut inside a UTF-8 sequence */
	assert_int_equal(text_escape(&b, "ab\xc3\xa9", 4, 3, 0), 2);
	assert_string_equal(buf_str(&b), "ab...");
	buf_release(&b);
	/* a capped buffer stops the escaping, and stays valid text */
	buf_init(&b, 8);
	text_escape(&b, "\033\033\033\033", 4, SIZE_MAX, 0);
	assert_true(b.truncated);
	assert_int_equal(b.len, 8);
	buf_release(&b);
}

static void escape_output_is_valid_utf8(void **state)
{
	static const char bad[] = "\xc0\xaf\xed\xa0\x80\xf5\x80\x80\x80\xc3";
	struct buf b = BUF_INIT;

	(void)state;
	text_escape(&b, bad, sizeof(bad) - 1, SIZE_MAX, TEXT_KEEP_LINES);
	assert_true(util_is_text(b.data, b.len));
	assert_null(strchr(buf_str(&b), '/')); /* the overlong '/' is not decoded */
	buf_release(&b);
}

static void fix_utf8_replaces_only_invalid(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	text_fix_utf8(&b, "\xc3\xa9\xff\xc3" "a\0b", 7);
	assert_int_equal(b.len, 2 + 3 + 3 + 3);
	assert_memory_equal(b.data, "\xc3\xa9\xef\xbf\xbd\xef\xbf\xbd" "a\0b", 11);
	buf_release(&b);
}

static void utf8_seq_rejects_invalid_forms(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xc0\xaf", 2, &cp), 0);
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xed\xa0\x80", 3, &cp), 0);
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4, &cp), 0);
	assert_int_equal(text_utf8_seq((const unsigned char *)"\xe2\x82", 2, &cp), 0);
}

int unit_text(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(escape_controls_and_quotes),
		cmocka_unit_test(escape_cuts_whole_characters),
		cmocka_unit_test(escape_output_is_valid_utf8),
		cmocka_unit_test(fix_utf8_replaces_only_invalid),
		cmocka_unit_test(utf8_seq_rejects_invalid_forms),
	};

	return cmocka_run_group_tests_name("text", tests, NULL, NULL);
}
