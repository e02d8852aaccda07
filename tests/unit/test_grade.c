/* test_grade.c: unit tests for noise-aware timing's pure parts
 * (judge/domain/grade.c): which run is the median, when the runs so far
 * settle a test, and which first run is near the limit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "judge/domain/grade.h"

int unit_grade(void);

static void median_run(void **state)
{
	struct grade_run one[] = { { 500, V_AC } };
	struct grade_run three[] = { { 1010, V_TLE }, { 990, V_AC }, { 995, V_AC } };
	struct grade_run ties[] = { { 7, V_AC }, { 7, V_WA }, { 7, V_RE } };
	/* even: the faster of the two middle ones */
	struct grade_run four[] = { { 40, V_TLE }, { 10, V_AC }, { 30, V_TLE }, { 20, V_AC } };
	struct grade_run two[] = { { 300, V_TLE }, { 200, V_AC } };

	(void)state;
	assert_int_equal(grade_runs_median(one, 1), 0);
	assert_int_equal(grade_runs_median(three, 3), 2);
	assert_int_equal(three[grade_runs_median(three, 3)].verdict, V_AC);
	assert_int_equal(grade_runs_median(ties, 3), 1);   /* equal times: run order */
	assert_int_equal(grade_runs_median(four, 4), 3);
	assert_int_equal(grade_runs_median(two, 2), 1);
}

static void settled(void **state)
{
	struct grade_run tle2[] = { { 1001, V_TLE }, { 1002, V_TLE } };
	struct grade_run split[] = { { 1001, V_TLE }, { 990, V_AC } };
	struct grade_run three[] = { { 1001, V_TLE }, { 990, V_AC }, { 995, V_AC } };

	(void)state;
	assert_int_equal(grade_runs_settled(tle2, 1, 1), 1);   /* --repeat 1 */
	assert_int_equal(grade_runs_settled(tle2, 1, 3), 0);
	assert_int_equal(grade_runs_settled(tle2, 2, 3), 1);   /* 2 of 3 agree */
	assert_int_equal(grade_runs_settled(tle2, 2, 4), 0);   /* 2 of 4 do not settle it */
	assert_int_equal(grade_runs_settled(split, 2, 3), 0);
	assert_int_equal(grade_runs_settled(three, 3, 3), 1);
	assert_int_equal(grade_runs_settled(three, 3, 5), 0);
}

static void near_limit(void **state)
{
	(void)state;
	assert_int_equal(grade_run_near(799999, 1000), 0);
	assert_int_equal(grade_run_near(800000, 1000), 1);   /* 80 % */
	assert_int_equal(grade_run_near(1000001, 1000), 1);  /* a time-out */
	assert_int_equal(grade_run_near(5000000, 1000), 1);
	assert_int_equal(grade_run_near(3800, 300), 0);      /* a fast test */
	assert_int_equal(grade_run_near(240000, 300), 1);
	assert_int_equal(grade_run_near(123, 0), 0);         /* no limit */
}

int unit_grade(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(median_run),
		cmocka_unit_test(settled),
		cmocka_unit_test(near_limit),
	};

	return cmocka_run_group_tests_name("grade", tests, NULL, NULL);
}
