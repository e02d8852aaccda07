/* test_stress.c: unit tests for the pure parts of the stress tool
 * (judge/domain/stress.c): deleting lines, tokens and grid columns of an input with
 * its leading counts fixed up, replacing a token, and the size schedule. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "judge/domain/stress.h"
#include "lib/buf.h"

/* A testlib generator's seed goes after its last non-option argument: never
 * where an option or a bare flag would take it as its value. */
static void testlib_seed_slot(void **state)
{
	const char *kv[] = { "-n", "10", "-max", "5" }, *flag[] = { "-n", "10", "-sorted" };
	const char *flags[] = { "-sorted", "-dense" }, *pos[] = { "10", "100" };
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(stress_seed_slot(kv, 4), 4);
	assert_int_equal(stress_seed_slot(flag, 3), 2);
	assert_int_equal(stress_seed_slot(flags, 2), 0);
	assert_int_equal(stress_seed_slot(pos, 2), 2);
	assert_int_equal(stress_seed_slot(NULL, 0), 0);
	stress_gen_line(1, 7, 0, "-n 10 -sorted", &b);
	assert_string_equal(buf_str(&b), "gen -n 10 7 -sorted");
	buf_reset(&b);
	stress_gen_line(0, 7, 30, "path", &b);
	assert_string_equal(buf_str(&b), "gen 7 30 path");
	buf_release(&b);
}

int unit_stress(void);

/* The input without units [at, at + count) of kind u, or "(none)" when the
 * deletion is refused. Static buffer: one result at a time. */
static const char *del(const char *in, enum stress_unit u, size_t at, size_t count)
{
	static char out[256];
	struct buf b = BUF_INIT;

	if (stress_delete(in, strlen(in), u, at, count, &b) < 0)
		snprintf(out, sizeof(out), "(none)");
	else
		snprintf(out, sizeof(out), "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

static void units(void **state)
{
	(void)state;
	assert_int_equal(stress_units("3\n5 1 9\n", 8, STRESS_LINES), 2);
	assert_int_equal(stress_units("3\n5 1 9\n", 8, STRESS_TOKENS), 4);
	assert_int_equal(stress_units("3\n5 1 9\n", 8, STRESS_COLUMNS), 0);
	assert_int_equal(stress_units("2 3\n101\n010\n", 12, STRESS_COLUMNS), 3);
	/* rows of the wrong width: not a grid */
	assert_int_equal(stress_units("2 3\n101\n01\n", 11, STRESS_COLUMNS), 0);
	assert_int_equal(stress_units("", 0, STRESS_LINES), 0);
}

static void tokens_with_count(void **state)
{
	(void)state;
	/* max-gap: n, then n numbers on one line */
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 1, 1), "2\n1 9\n");
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 2, 2), "1\n5\n");
	/* combination-sum: "n target", then n numbers */
	assert_string_equal(del("3 10\n2 3 5\n", STRESS_TOKENS, 3, 1), "2 10\n2 5\n");
	/* no count to fix: a + b */
	assert_string_equal(del("1 2\n", STRESS_TOKENS, 1, 1), "1\n");
	/* deleting the count itself leaves the rest as it is */
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 0, 1), "5 1 9\n");
	/* a line left empty is dropped; one number per line */
	assert_string_equal(del("2\n5\n7\n", STRESS_TOKENS, 1, 1), "1\n7\n");
	/* the layout is normalised to single spaces; no final newline kept */
	assert_string_equal(del("3\n5  1\t9", STRESS_TOKENS, 3, 1), "2\n5 1");
}

static void lines_with_count(void **state)
{
	(void)state;
	/* convex-hull: n, then n lines of points */
	assert_string_equal(del("3\n0 0\n1 1\n2 2\n", STRESS_LINES, 2, 1), "2\n0 0\n2 2\n");
	assert_string_equal(del("3\n0 0\n1 1\n2 2\n", STRESS_LINES, 1, 2), "1\n2 2\n");
	/* islands: r c, then r rows */
	assert_string_equal(del("2 3\n101\n010\n", STRESS_LINES, 1, 1), "1 3\n010\n");
	/* a first token that counts nothing stays */
	assert_string_equal(del("7 x\na\nb\n", STRESS_LINES, 1, 1), "7 x\nb\n");
}

static void columns(void **state)
{
	(void)state;
	assert_string_equal(del("2 3\n101\n010\n", STRESS_COLUMNS, 1, 1), "2 2\n11\n00\n");
	assert_string_equal(del("2 3\n101\n010\n", STRESS_COLUMNS, 0, 2), "2 1\n1\n0\n");
}

static void refused(void **state)
{
	(void)state;
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 4, 1), "(none)");
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 1, 0), "(none)");
	assert_string_equal(del("3\n5 1 9\n", STRESS_TOKENS, 2, 3), "(none)");
	assert_string_equal(del("3\n5 1 9\n", STRESS_COLUMNS, 0, 1), "(none)");
}

static void replace(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	assert_int_equal(stress_replace("3\n5 1 9\n", 8, 2, "0", &b), 0);
	assert_string_equal(buf_str(&b), "3\n5 0 9\n");
	buf_reset(&b);
	assert_int_equal(stress_replace("1 2", 3, 0, "-7", &b), 0);
	assert_string_equal(buf_str(&b), "-7 2");
	buf_reset(&b);
	assert_int_equal(stress_replace("1 2\n", 4, 2, "0", &b), -1);
	buf_release(&b);
}

static void schedule(void **state)
{
	unsigned i;

	(void)state;
	assert_int_equal(stress_size_at(0), 1);
	for (i = 1; i < 400; i++)
		assert_true(stress_size_at(i) >= stress_size_at(i - 1));
	assert_true(stress_size_at(100) > 10000);
	assert_int_equal(stress_size_at(100000), 1L << 30);
}

int unit_stress(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(units),
		cmocka_unit_test(tokens_with_count),
		cmocka_unit_test(lines_with_count),
		cmocka_unit_test(columns),
		cmocka_unit_test(refused),
		cmocka_unit_test(replace),
		cmocka_unit_test(schedule),
		cmocka_unit_test(testlib_seed_slot),
	};

	return cmocka_run_group_tests_name("stress", tests, NULL, NULL);
}
