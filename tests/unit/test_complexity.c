/* test_complexity.c: unit tests for the growth fitting of 'judge complexity'
 * (judge/domain/complexity.c) on synthetic measurements: every class, noise,
 * too-fast data, the n-queens shape, declared complexities, extrapolation
 * and the plot. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "judge/domain/complexity.h"
#include "lib/buf.h"

int unit_complexity(void);

/* Deterministic multiplicative noise in [1 - amp, 1 + amp]. */
static double noise(unsigned i, double amp)
{
	unsigned x = i * 2654435761u;

	x ^= x >> 13;
	return 1 + amp * ((double)(x % 2001) / 1000.0 - 1);
}

/* Doubling sizes from 2^lo to 2^hi with ms = f(n) * noise. */
static size_t doubling(struct cx_point *p, int lo, int hi, double (*f)(double), double amp)
{
	size_t k = 0;
	int e;

	for (e = lo; e <= hi; e++, k++) {
		p[k].n = ldexp(1, e);
		p[k].ms = f(p[k].n) * noise((unsigned)e + 7, amp);
	}
	return k;
}

static double lin(double n) { return 5e-5 * n; }
static double nlogn(double n) { return 4e-6 * n * log2(n); }
static double quad(double n) { return 2e-7 * n * n; }
static double cube(double n) { return 1e-7 * n * n * n; }
static double flat(double n) { (void)n; return 40; }
static double logn(double n) { return 3 * log2(n); }
static double quart(double n) { return 1e-9 * n * n * n * n; }
static double between(double n) { return 1e-8 * pow(n, 2.5); }

static enum cx_class classify(double (*f)(double), int lo, int hi, double amp, double *exponent)
{
	struct cx_point p[64];
	struct cx_estimate fit;
	size_t n = doubling(p, lo, hi, f, amp);

	assert_int_equal(cx_fit(p, n, CX_MIN_MS, &fit), 0);
	if (exponent)
		*exponent = fit.exponent;
	return fit.cls;
}

static void polynomial_classes(void **state)
{
	double e;

	(void)state;
	assert_int_equal(classify(lin, 10, 20, 0, &e), CX_N);
	assert_true(fabs(e - 1) < 0.01);
	assert_int_equal(classify(lin, 10, 20, 0.1, NULL), CX_N);
	assert_int_equal(classify(nlogn, 10, 22, 0, &e), CX_NLOGN);
	assert_true(e > 1.03 && e < 1.15);
	assert_int_equal(classify(quad, 8, 17, 0, &e), CX_N2);
	assert_true(fabs(e - 2) < 0.01);
	assert_int_equal(classify(quad, 8, 17, 0.15, NULL), CX_N2);
	assert_int_equal(classify(cube, 5, 11, 0.1, NULL), CX_N3);
	assert_int_equal(classify(flat, 1, 20, 0.05, NULL), CX_1);
	assert_int_equal(classify(logn, 4, 30, 0, NULL), CX_LOGN);
	/* half way between two classes: the slower-growing one */
	assert_int_equal(classify(between, 8, 14, 0, &e), CX_N2);
	assert_true(fabs(e - 2.5) < 0.01);
	/* steeper than any class but straight on log-log axes: not exponential */
	assert_int_equal(classify(quart, 5, 9, 0.05, &e), CX_N3);
	assert_true(e > 3.8);
}

static void exponential(void **state)
{
	struct cx_point p[32];
	struct cx_estimate f;
	size_t k = 0;
	int n;

	(void)state;
	for (n = 1; n <= 24; n++, k++) {
		p[k].n = n;
		p[k].ms = 0.001 * pow(2, n) * noise((unsigned)n, 0.05);
	}
	assert_int_equal(cx_fit(p, k, CX_MIN_MS, &f), 0);
	assert_int_equal(f.cls, CX_EXP);
	assert_true(f.base > 1.9 && f.base < 2.1);
	assert_true(f.r2 > 0.99);
	assert_true(f.used >= 10);

	/* n-queens as measured: only the last three sizes take any time */
	k = 0;
	for (n = 1; n <= 14; n++, k++) {
		p[k].n = n;
		p[k].ms = n == 12 ? 6 : n == 13 ? 32 : n == 14 ? 169 : n == 11 ? 1 : 0;
	}
	assert_int_equal(cx_fit(p, k, CX_MIN_MS, &f), 0);
	assert_int_equal(f.cls, CX_EXP);
	assert_int_equal(f.used, 3);
	assert_true(f.exponent > 4);

	/* the same over sizes where noise makes the log-log line the straighter:
	 * a slope of 20 is no polynomial */
	k = 0;
	for (n = 1; n <= 14; n++, k++) {
		p[k].n = n;
		p[k].ms = n == 12 ? 9 : n == 13 ? 56 : n == 14 ? 308 : n == 11 ? 2 : 0;
	}
	assert_int_equal(cx_fit(p, k, CX_MIN_MS, &f), 0);
	assert_true(f.power_r2 > f.exp_r2);
	assert_int_equal(f.cls, CX_EXP);
}

static void too_fast_and_few(void **state)
{
	struct cx_point p[4] = { { 1, 0 }, { 10, 1 }, { 100, 2 }, { 1000, 4 } };
	struct cx_point q[5] = { { 1, 0 }, { 2, 0 }, { 4, 1 }, { 8, 6 }, { 16, 25 } };
	struct cx_estimate f;

	(void)state;
	assert_int_equal(cx_fit(p, 4, CX_MIN_MS, &f), 0);
	assert_true(f.too_fast);
	assert_int_equal(f.cls, CX_1);
	assert_true(cx_predict(&f, 1e6) == 0);
	/* two points above the threshold: the three largest sizes are used */
	assert_int_equal(cx_fit(q, 5, CX_MIN_MS, &f), 0);
	assert_false(f.too_fast);
	assert_int_equal(f.used, 3);
	/* one point only cannot be fitted */
	assert_int_equal(cx_fit(q + 4, 1, CX_MIN_MS, &f), -1);
	assert_int_equal(f.cls, CX_1);
}

static void prediction(void **state)
{
	struct cx_point p[16];
	struct cx_estimate f;
	size_t n = doubling(p, 8, 16, quad, 0);
	double at;

	(void)state;
	assert_int_equal(cx_fit(p, n, CX_MIN_MS, &f), 0);
	at = cx_predict(&f, 1e6);
	assert_true(fabs(at - quad(1e6)) / quad(1e6) < 0.01);
	/* the points' order does not matter */
	{
		struct cx_point t = p[0];

		p[0] = p[n - 1];
		p[n - 1] = t;
	}
	assert_int_equal(cx_fit(p, n, CX_MIN_MS, &f), 0);
	assert_int_equal(f.cls, CX_N2);
}

static void declared(void **state)
{
	double d;
	int e;

	(void)state;
	assert_int_equal(cx_parse_declared("O(n)", &d, &e), 0);
	assert_true(d == 1 && !e);
	assert_int_equal(cx_parse_declared("O(n log n)", &d, &e), 0);
	assert_true(d == 1 && !e);
	assert_int_equal(cx_parse_declared("O(r*c)", &d, &e), 0);
	assert_true(d == 2 && !e);
	assert_int_equal(cx_parse_declared("O(n^2)", &d, &e), 0);
	assert_true(d == 2 && !e);
	assert_int_equal(cx_parse_declared("O(1)", &d, &e), 0);
	assert_true(d == 0 && !e);
	assert_int_equal(cx_parse_declared("O(2^target)", &d, &e), 0);
	assert_true(e);
	assert_int_equal(cx_parse_declared("O(n!)", &d, &e), 0);
	assert_true(e);
	assert_int_equal(cx_parse_declared("O(n log(n))", &d, &e), 0);
	assert_true(d == 1 && !e);
	assert_int_equal(cx_parse_declared("", &d, &e), -1);
	assert_int_equal(cx_parse_declared("n^2", &d, &e), -1);
	assert_int_equal(cx_parse_declared("O()", &d, &e), -1);
	assert_int_equal(cx_parse_declared("O(n^k)", &d, &e), -1);

	assert_true(cx_exceeds(CX_N2, 1, 0));
	assert_false(cx_exceeds(CX_NLOGN, 1, 0));
	assert_false(cx_exceeds(CX_N, 1, 0));
	assert_true(cx_exceeds(CX_EXP, 3, 0));
	assert_false(cx_exceeds(CX_EXP, 0, 1));
	assert_false(cx_exceeds(CX_N2, 2, 0));
	assert_true(cx_exceeds(CX_N, 0, 0));
}

static void names(void **state)
{
	(void)state;
	assert_string_equal(cx_class_name(CX_N), "n");
	assert_string_equal(cx_class_name(CX_NLOGN), "n log n");
	assert_string_equal(cx_class_name(CX_N2), "n^2");
	assert_string_equal(cx_class_name(CX_EXP), "2^n");
	assert_string_equal(cx_class_word(CX_N), "linear");
	assert_string_equal(cx_class_word(CX_EXP), "exponential");
}

static void plot(void **state)
{
	struct cx_point p[3] = { { 4, 100 }, { 1, 0 }, { 2, 10 } };
	struct buf b = BUF_INIT;
	const char *r1, *r2, *r4;

	(void)state;
	cx_plot(p, 3, 20, &b);
	r1 = strstr(buf_str(&b), "\n           1 ");
	r2 = strstr(buf_str(&b), "\n           2 ");
	r4 = strstr(buf_str(&b), "\n           4 ");
	/* sorted by size, bars growing with the time: none, one, full width */
	assert_non_null(r1);
	assert_non_null(r2);
	assert_non_null(r4);
	assert_true(r1 < r2 && r2 < r4);
	assert_non_null(strstr(r1, "|\n"));
	assert_true(strstr(r1, "|\n") < r2);
	assert_non_null(strstr(r2, "|#\n"));
	assert_non_null(strstr(r4, "|####################\n"));
	buf_release(&b);
}

int unit_complexity(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(polynomial_classes),
		cmocka_unit_test(exponential),
		cmocka_unit_test(too_fast_and_few),
		cmocka_unit_test(prediction),
		cmocka_unit_test(declared),
		cmocka_unit_test(names),
		cmocka_unit_test(plot),
	};

	return cmocka_run_group_tests_name("complexity", tests, NULL, NULL);
}
