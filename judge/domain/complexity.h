/* complexity.h: estimating how a running time grows from measured points
 * (size, milliseconds): least-squares fits on log-log data (power law) and
 * on log-linear data (exponential), classification to the nearest common
 * class, extrapolation, the declared complexity of a problem, and a small
 * text plot: pure functions, no sandbox, no I/O (complexity.c). And the
 * measuring that feeds them: a solution run on the problem's generated
 * inputs of growing size in the sandbox (cx_measure, cx_measure.c). Used by
 * 'judge complexity' and the unit tests. */
#ifndef JUDGE_DOMAIN_COMPLEXITY_H
#define JUDGE_DOMAIN_COMPLEXITY_H

#include <stddef.h>

#include <signal.h>

#include "lib/buf.h"
#include "lib/verdict.h"

enum cx_class { CX_1, CX_LOGN, CX_N, CX_NLOGN, CX_N2, CX_N3, CX_EXP, CX_COUNT };

/* "1", "log n", "n", "n log n", "n^2", "n^3", "2^n" (the JSON names). */
const char *cx_class_name(enum cx_class c);

/* "constant", "logarithmic", "linear", "n log n", "quadratic", "cubic",
 * "exponential". */
const char *cx_class_word(enum cx_class c);

struct cx_point {
	double n;              /* the size (>= 1) */
	double ms;             /* the time measured at that size */
};

/* Points faster than this are timer noise and process start-up. */
#define CX_MIN_MS 5.0

struct cx_estimate {
	enum cx_class cls;     /* the nearest class */
	double exponent;       /* slope of ln(ms) against ln(n) */
	double coef;           /* ms ~ coef * n^exponent */
	double r2;             /* the chosen model's coefficient of determination:
	                        * the power law's, or the exponential's for CX_EXP */
	double base;           /* ms ~ exp_coef * base^n (exponential fit) */
	double exp_coef;
	double exp_r2;
	double power_r2;
	size_t used;           /* points the fit used */
	int too_fast;          /* no point reached min_ms: CX_1, nothing fitted */
};

/* Fit the points (any order, n >= 1, ms >= 0). Points under min_ms are left
 * out (and the rest weighted: a time of a few ms is mostly timer jitter);
 * when fewer than three remain, the three largest sizes with a time
 * above zero are used instead. With no point above min_ms, the class is
 * CX_1 and too_fast is set. The class is exponential when the log-log slope
 * is above 6, or above 2.5 with the exponential model (ln ms against n)
 * fitting at least as well as the power law (ln ms against ln n); otherwise
 * it is the polynomial class (1, log n, n, n log n, n^2, n^3) whose shape,
 * with only a constant factor free, leaves the least squared error on the
 * log scale, a faster-growing class having to leave 20% less than a slower
 * one. Returns 0, or -1 when there are fewer than two usable points (f->cls
 * is then CX_1). */
int cx_fit(const struct cx_point *pts, size_t npts, double min_ms, struct cx_estimate *f);

/* The fitted time at size n (the exponential model for CX_EXP, else the
 * power law). */
double cx_predict(const struct cx_estimate *f, double n);

/* A problem's declared complexity ("O(n)", "O(n log n)", "O(r*c)",
 * "O(n^2)", "O(2^n)", "O(n!)"): *degree is the polynomial degree (a
 * product's degrees add up: r*c is 2, since a generator's SIZE scales every
 * dimension), *exponential is 1 for k^x and x!. Returns 0, or -1 when the
 * text is not understood (empty, or not O(...)). */
int cx_parse_declared(const char *s, double *degree, int *exponential);

/* Whether class c grows faster than the declared complexity: an
 * exponential against a polynomial, or a higher polynomial degree (n log n
 * counts as degree 1). */
int cx_exceeds(enum cx_class c, double degree, int exponential);

/* Append a text plot of the points (sorted by size) to out: one row per
 * point, "size  time  bar", the bar's length proportional to log(time) over
 * `width` columns. */
void cx_plot(const struct cx_point *pts, size_t npts, int width, struct buf *out);

/* ---- measuring (cx_measure.c) --------------------------------------------- */

#define CX_MAX_POINTS 64

struct stress_tools;

struct cx_measure_opts {
	long max_size;                 /* the largest SIZE to run; 0: the generator's */
	unsigned budget_ms;            /* measuring time at most */
	const char *mode;              /* the generator's extra arguments, or NULL */
	volatile sig_atomic_t *cancel; /* stop after the current run when non-zero */
	/* before each run: its size and seed (1-based), the last point's time */
	void (*progress)(void *arg, long size, int seed, double last_ms);
	void *progress_arg;
};

struct cx_measurement {
	struct cx_point pts[CX_MAX_POINTS];
	size_t npts;
	long max_size;                 /* the largest SIZE that changes the input */
	double max_n;                  /* n at max_size: the size the generator
	                                * reports there, else max_size */
	long stopped_at;               /* a size whose run failed, 0: none */
	enum verdict stop_verdict;     /* that run's verdict */
	int over_budget;               /* the next size would have overrun the budget */
	int interrupted;               /* *cancel stopped it */
};

/* Run the solution binary `bin` on the generator's inputs (t: the problem's
 * tools) of growing size: every size 1..MAX when the generator's maximum
 * is at most 32 (for exponential problems each step matters), else 1, 2,
 * 4, ... and MAX; a size's time is the minimum CPU time over its seeds (on
 * a shared machine noise only adds time). Stops before a size whose runs
 * would take longer than about 600 ms each or would overrun the budget, at
 * the first run that fails (stopped_at), or when cancelled. Each run gets
 * twice the problem's time limit. A point's n is the size the generator
 * reports for its input ("size N" on stderr, see stress_generate), else
 * SIZE; its time is the CPU time less the smallest time measured (the
 * start-up, which does not grow). Fills m (zeroed first) and returns 0, or
 * -1 with err set: ERR_INPUT when the generator failed, ERR_INTERNAL when
 * the sandbox did. */
int cx_measure(struct stress_tools *t, const char *bin, const struct cx_measure_opts *o,
	       struct cx_measurement *m);

#endif
