/* test_toml.c: unit tests for the TOML reader's API (lib/toml.h): error
 * positions, lookup, types, value positions, NUL in strings, integer limits.
 * The full conformance suite is tests/t0110-toml-conformance.sh. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "lib/err.h"
#include "lib/toml.h"

int unit_toml(void);

static struct toml_value *parse(const char *doc)
{
	return toml_parse(doc, strlen(doc));
}

/* A malformed document and the exact message it must give. */
static const struct {
	const char *doc;
	const char *msg;
} bad_docs[] = {
	{ "a = 1\nb = \n", "2:5: expected a value, found end of line" },
	{ "a = 1\nb = 2\na = 3\n", "3:1: duplicate key 'a' (first defined on line 1)" },
	{ "[t]\nx = 1\n\n[t]\n", "4:1: 't' is already defined as a table (line 1)" },
	/* columns count characters, not bytes: é is one column */
	{ "s = \"\xc3\xa9\\q\"\n", "1:7: invalid escape sequence '\\q'" },
	{ "d = 2023-02-29\n", "1:5: invalid date-time '2023-02-29': no such day in that month" },
	{ "t = 24:00:00\n", "1:5: invalid date-time '24:00:00': hour must be 00 to 23" },
	{ "n = 0123\n", "1:5: leading zeros are not allowed in '0123'" },
	{ "a = 1\r\nb = 'x\ry'\n", "2:7: carriage return not followed by a newline" },
	{ "big = 9223372036854775808\n", "1:7: integer '9223372036854775808' does not fit in 64 bits" },
	{ "h = 0x8000000000000000\n", "1:5: integer '0x8000000000000000' does not fit in 64 bits" },
	{ "x = \"\\uD800\"\n", "1:6: escape \\uD800 is not a Unicode scalar value" },
	{ "x = \"\\U00110000\"\n", "1:6: escape \\U00110000 is not a Unicode scalar value" },
	{ "a = [1, 2\n", "2:1: expected ',' or ']' in array, found end of input" },
	{ "k = \"\xff\"\n", "1:6: invalid UTF-8" },
	{ "# ok\n  [a]\n  b = 1 c = 2\n", "3:9: expected end of line, found 'c'" },
	{ "[a]\nb.c = 1\n[a.b]\n", "3:1: 'a.b' is already defined as a table (line 2)" },
	{ "a = {b = 1}\n[a]\n", "2:1: 'a' is already defined as an inline table (line 1)" },
	{ "a = [{}]\n[[a]]\n", "2:1: 'a' is already defined as an array (line 1)" },
	{ "[a.b]\n[a]\nb.c = 1\n",
	  "3:1: cannot add to table 'b' with a dotted key: it was defined by a header (line 1)" },
	/* b was only named by [a.b.c]: the dotted key defines it, a header cannot */
	{ "[a.b.c]\n[a]\nb.d = 1\n[a.b]\n", "4:1: 'a.b' is already defined as a table (line 3)" },
	{ "v = yes\n", "1:5: invalid value 'yes' (strings need quotes)" },
	{ "s = \"open\n", "1:10: newline in a single-line string" },
	{ "c = 1 # bell \a\n", "1:14: control character U+0007 in comment" },
};

static void errors_have_line_and_column(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(bad_docs) / sizeof(bad_docs[0]); i++) {
		struct toml_value *v;

		err_clear();
		v = parse(bad_docs[i].doc);
		if (v) {
			toml_free(v);
			fail_msg("accepted: %s", bad_docs[i].doc);
		}
		assert_string_equal(err_msg(), bad_docs[i].msg);
	}
}

static void lookup_and_types(void **state)
{
	struct toml_value *root;
	const struct toml_value *v, *srv, *arr;

	(void)state;
	root = parse("title = 'judge'\n"
		     "n = -17\n"
		     "pi = 3.25\n"
		     "on = true\n"
		     "when = 1979-05-27T07:32:00.999999-07:00\n"
		     "ld = 1979-05-27\n"
		     "lt = 07:32:00\n"
		     "ldt = 1979-05-27 07:32:00\n"
		     "[server]\n"
		     "ports = [8001, 8002]\n"
		     "[[p]]\nid = 'a'\n[[p]]\nid = 'b'\n");
	assert_non_null(root);
	assert_int_equal(root->type, TOML_TABLE);
	assert_string_equal(toml_get(root, "title")->u.string.s, "judge");
	assert_int_equal(toml_get(root, "n")->u.integer, -17);
	assert_true(toml_get(root, "pi")->u.fp == 3.25);
	assert_int_equal(toml_get(root, "on")->type, TOML_BOOL);
	assert_true(toml_get(root, "on")->u.boolean);

	v = toml_get(root, "when");
	assert_int_equal(v->type, TOML_DATETIME);
	assert_int_equal(v->u.dt.year, 1979);
	assert_int_equal(v->u.dt.day, 27);
	assert_int_equal(v->u.dt.minute, 32);
	assert_int_equal(v->u.dt.nanosecond, 999999000);
	assert_int_equal(v->u.dt.frac_digits, 6);
	assert_int_equal(v->u.dt.offset_minutes, -420);
	assert_int_equal(toml_get(root, "ld")->type, TOML_DATE_LOCAL);
	assert_int_equal(toml_get(root, "lt")->type, TOML_TIME_LOCAL);
	assert_int_equal(toml_get(root, "ldt")->type, TOML_DATETIME_LOCAL);
	assert_int_equal(toml_get(root, "ldt")->u.dt.hour, 7);

	srv = toml_get(root, "server");
	assert_int_equal(srv->type, TOML_TABLE);
	arr = toml_get(srv, "ports");
	assert_int_equal(arr->type, TOML_ARRAY);
	assert_int_equal(arr->u.array.n, 2);
	assert_int_equal(arr->u.array.items[1]->u.integer, 8002);
	arr = toml_get(root, "p");
	assert_int_equal(arr->u.array.n, 2);
	assert_string_equal(toml_get(arr->u.array.items[1], "id")->u.string.s, "b");

	assert_null(toml_get(root, "missing"));
	assert_null(toml_get(root, "ports"));              /* not at the root */
	assert_null(toml_get(toml_get(root, "n"), "x"));   /* not a table */
	assert_null(toml_get(NULL, "x"));
	assert_string_equal(toml_type_name(TOML_BOOL), "boolean");
	assert_string_equal(toml_type_name(TOML_DATETIME_LOCAL), "datetime-local");
	assert_string_equal(toml_type_name(TOML_TABLE), "table");
	toml_free(root);
}

static void values_know_their_position(void **state)
{
	struct toml_value *root;
	const struct toml_value *srv, *v;

	(void)state;
	root = parse("# catalogue\n"
		     "\n"
		     "[server]\n"
		     "  port   = 8080\n"
		     "  name.first = \"\xc3\xa9t\xc3\xa9\"\n"
		     "  list = [\n    1,\n    \"two\"]\n");
	assert_non_null(root);
	srv = toml_get(root, "server");
	assert_int_equal(srv->line, 3);
	assert_int_equal(srv->col, 1);
	v = toml_get(srv, "port");
	assert_int_equal(v->line, 4);
	assert_int_equal(v->col, 12);
	assert_int_equal(srv->u.table.items[0].line, 4);  /* the key */
	assert_int_equal(srv->u.table.items[0].col, 3);
	v = toml_get(toml_get(srv, "name"), "first");
	assert_int_equal(v->line, 5);
	assert_int_equal(v->col, 16);
	assert_string_equal(v->u.string.s, "\xc3\xa9t\xc3\xa9");
	v = toml_get(srv, "list");
	assert_int_equal(v->line, 6);
	assert_int_equal(v->u.array.items[1]->line, 8);
	assert_int_equal(v->u.array.items[1]->col, 5);
	toml_free(root);
}

static void strings_may_hold_nul(void **state)
{
	static const char doc[] = "s = \"a\\u0000b\"\n\"\\u0000\" = 1\n'\\u0000' = 2\n"
				  "m = \"\"\"\nx\\\n   y\"\"\"\n";
	struct toml_value *root;
	const struct toml_value *s;

	(void)state;
	root = toml_parse(doc, sizeof(doc) - 1);
	assert_non_null(root);
	s = toml_get(root, "s");
	assert_int_equal(s->u.string.len, 3);
	assert_memory_equal(s->u.string.s, "a\0b", 4);
	assert_int_equal(root->u.table.n, 4);
	assert_int_equal(root->u.table.items[1].keylen, 1);
	assert_int_equal(root->u.table.items[1].key[0], 0);
	assert_int_equal(toml_get(root, "\\u0000")->u.integer, 2);
	assert_string_equal(toml_get(root, "m")->u.string.s, "xy");
	toml_free(root);

	/* a NUL byte outside a string is an error, not the end of the text */
	root = toml_parse("a = 1\0b", 7);
	assert_null(root);
	assert_string_equal(err_msg(), "1:6: expected end of line, found control character U+0000");
}

static void integers_at_the_limits(void **state)
{
	struct toml_value *root;

	(void)state;
	root = parse("max = 9223372036854775807\n"
		     "min = -9223372036854775808\n"
		     "hex = 0x7FFF_FFFF_FFFF_FFFF\n"
		     "oct = 0o755\n"
		     "bin = 0b1010_1010\n"
		     "sep = 1_000_000\n"
		     "zero = -0\n"
		     "exp = 1e3\n"
		     "tiny = 5e-324\n"
		     "ninf = -inf\n"
		     "nan = nan\n");
	assert_non_null(root);
	assert_true(toml_get(root, "max")->u.integer == INT64_MAX);
	assert_true(toml_get(root, "min")->u.integer == INT64_MIN);
	assert_true(toml_get(root, "hex")->u.integer == INT64_MAX);
	assert_int_equal(toml_get(root, "oct")->u.integer, 0755);
	assert_int_equal(toml_get(root, "bin")->u.integer, 0xAA);
	assert_int_equal(toml_get(root, "sep")->u.integer, 1000000);
	assert_int_equal(toml_get(root, "zero")->u.integer, 0);
	assert_int_equal(toml_get(root, "exp")->type, TOML_FLOAT);
	assert_true(toml_get(root, "exp")->u.fp == 1000.0);
	assert_true(toml_get(root, "tiny")->u.fp > 0);
	assert_true(isinf(toml_get(root, "ninf")->u.fp) && toml_get(root, "ninf")->u.fp < 0);
	assert_true(isnan(toml_get(root, "nan")->u.fp));
	toml_free(root);

	assert_null(parse("min = -9223372036854775809\n"));
	assert_null(parse("x = 1__0\n"));
	assert_null(parse("x = +0x10\n"));
	assert_null(parse("x = 1e400\n"));
}

int unit_toml(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(errors_have_line_and_column),
		cmocka_unit_test(lookup_and_types),
		cmocka_unit_test(values_know_their_position),
		cmocka_unit_test(strings_may_hold_nul),
		cmocka_unit_test(integers_at_the_limits),
	};

	return cmocka_run_group_tests_name("toml", tests, NULL, NULL);
}
