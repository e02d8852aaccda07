/* test_cli.c: unit tests for the front end's shared pieces (judge/cli):
 * the one mapping from an error's kind to the exit code. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "judge/cli/cli.h"
#include "lib/err.h"

int unit_cli(void);

static void exit_code_of_each_kind(void **state)
{
	(void)state;
	assert_int_equal(judge_exit_code(ERR_INPUT), EXIT_BAD_INPUT);
	assert_int_equal(judge_exit_code(ERR_INTERNAL), EXIT_INTERNAL);
	assert_int_equal(judge_exit_code(ERR_CANCELLED), EXIT_INTERNAL);
}

/* judge_bad records its message as bad input, so a caller that prints it
 * and one that returns it agree. */
static void bad_is_input(void **state)
{
	(void)state;
	assert_int_equal(judge_bad("bad -j '%s'", "x"), EXIT_BAD_INPUT);
	assert_int_equal(err_kind(), ERR_INPUT);
	assert_string_equal(err_msg(), "bad -j 'x'");
	err_clear();
}

int unit_cli(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(exit_code_of_each_kind),
		cmocka_unit_test(bad_is_input),
	};

	return cmocka_run_group_tests_name("cli", tests, NULL, NULL);
}
