/* cx_measure.c: measuring a solution's running time at growing input sizes
 * for the fits of complexity.c (see complexity.h). */
#include <string.h>

#include "judge/domain/complexity.h"
#include "lib/err.h"
#include "judge/domain/grade.h"
#include "judge/domain/stress.h"
#include "lib/buf.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

#define SEEDS        3        /* runs per size */
#define TARGET_MS    600.0    /* no size whose runs are expected to take longer */
#define DENSE_MAX    32       /* every size up to this maximum */

/* The next size after s (up to max). */
static long next_size(long s, long max)
{
	long n = max <= DENSE_MAX ? s + 1 : s * 2;

	return s < max && n > max ? max : n;
}

/* Whether to stop before the next size, from the growth so far: 0 no, 1
 * its runs would take too long, 2 they would overrun what is left of the
 * budget. */
static int stop_before_next(const struct cx_measurement *m, double prev, long max,
			    long long left_ms)
{
	double last = m->pts[m->npts - 1].ms;
	double ratio = prev > 0 && last > prev ? last / prev : 1, expect;

	if (max > DENSE_MAX && ratio < 2)
		ratio = 2;
	expect = last * ratio;
	if (expect > TARGET_MS)
		return 1;
	return expect * SEEDS + 200 > (double)left_ms ? 2 : 0;
}

/* The best (least) CPU time over SEEDS runs at size, in *best; 1 when a run
 * failed or the measuring was cancelled (m says which), 0, or -1. */
static int measure_size(struct stress_tools *t, const char *bin,
			const struct cx_measure_opts *o, long size,
			struct cx_measurement *m, double *best, double *n)
{
	struct sbx_result r = SBX_RESULT_INIT;
	struct buf in = BUF_INIT;
	unsigned cpu_ms = 2 * (unsigned)t->p->time_limit_ms;
	int seed, rc = 0;

	*best = -1;
	*n = (double)size;
	for (seed = 1; seed <= SEEDS && rc == 0; seed++) {
		if (o->cancel && *o->cancel) {
			m->interrupted = 1;
			rc = 1;
		} else if (stress_generate(t, (unsigned long long)seed, size, o->mode, &in) < 0) {
			rc = -1;
		} else {
			if (t->reported_size > 0 && (seed == 1 || t->reported_size > *n))
				*n = (double)t->reported_size;
			if (o->progress)
				o->progress(o->progress_arg, size, seed,
					    m->npts ? m->pts[m->npts - 1].ms : 0);
			sbx_result_release(&r);
			r = (struct sbx_result)SBX_RESULT_INIT;
			if (stress_run(t, bin, in.data, in.len, cpu_ms, &r) < 0) {
				rc = -1;
			} else if (o->cancel && *o->cancel > 1) {
				m->interrupted = 1;   /* the run was cut short */
				rc = 1;
			} else if (r.status != SBX_OK ||
				   (t->interact && t->last.verdict != V_AC)) {
				m->stopped_at = size;
				m->stop_verdict = t->interact ? t->last.verdict :
					grade_status_verdict(r.status);
				rc = 1;
			} else if (*best < 0 || r.cpu_ms < *best) {
				*best = r.cpu_ms;
			}
		}
	}
	sbx_result_release(&r);
	buf_release(&in);
	return rc;
}

/* Take the smallest time (size 1's, usually: starting the process and
 * reading a tiny input) off every point: it does not grow with n, and for a
 * fast linear solution (islands: 20 ms at a million cells, 3 ms at one) it
 * would read as sub-linear growth. */
static void less_startup(struct cx_measurement *m)
{
	double base = -1;
	size_t i;

	for (i = 0; i < m->npts; i++)
		if (base < 0 || m->pts[i].ms < base)
			base = m->pts[i].ms;
	for (i = 0; i < m->npts && base > 0; i++)
		m->pts[i].ms -= base;
}

/* m->max_n: what the generator reports at m->max_size, else max_size. */
static int max_reported(struct stress_tools *t, const struct cx_measure_opts *o,
			struct cx_measurement *m)
{
	struct buf in = BUF_INIT;
	int rc = stress_generate(t, 1, m->max_size, o->mode, &in);

	m->max_n = rc == 0 && t->reported_size > 0 ? (double)t->reported_size :
		(double)m->max_size;
	buf_release(&in);
	return rc;
}

int cx_measure(struct stress_tools *t, const char *bin, const struct cx_measure_opts *o,
	       struct cx_measurement *m)
{
	long long start = util_monotonic_ms();
	double best, prev = 0, n;
	long size, max;
	int rc, stop;

	memset(m, 0, sizeof(*m));
	if (t->p->generator_contract == DB_CONTRACT_TESTLIB)
		return err_input("the generator of '%s' follows testlib's contract (free "
				 "arguments): measuring needs one that takes a size, "
				 "'gen SEED SIZE'", t->p->id);
	if (stress_max_size(t, &m->max_size) < 0 || max_reported(t, o, m) < 0)
		return -1;
	max = o->max_size && o->max_size < m->max_size ? o->max_size : m->max_size;
	for (size = 1; size <= max && m->npts < CX_MAX_POINTS; size = next_size(size, max)) {
		stop = m->npts == 0 ? 0 : stop_before_next(m, prev, max, (long long)o->budget_ms -
							    (util_monotonic_ms() - start));
		if (stop) {
			m->over_budget = stop == 2;
			break;
		}
		if ((rc = measure_size(t, bin, o, size, m, &best, &n)) != 0)
			return rc < 0 ? -1 : 0;
		prev = m->npts ? m->pts[m->npts - 1].ms : 0;
		m->pts[m->npts].n = n;
		m->pts[m->npts].ms = best;
		m->npts++;
		if (size == max)
			break;
	}
	less_startup(m);
	return 0;
}
