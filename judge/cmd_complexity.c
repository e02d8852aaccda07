/* cmd_complexity.c: 'judge complexity ID FILE.c': run a solution on
 * generated inputs of doubling size (several seeds each), measure its CPU
 * time in the sandbox, fit the growth and compare it with the problem's
 * declared complexity and time limit.
 *
 * Sizes: every size 1..MAX when the generator's maximum is at most 32 (for
 * exponential problems each step matters), else 1, 2, 4, ... and MAX. A
 * size's time is the minimum over its seeds: on a shared machine noise only
 * adds time. Measuring stops before a size whose runs would take longer than
 * about TARGET_MS each, or would overrun the budget.
 *
 * Interrupts: the first SIGINT/SIGTERM stops after the current run and fits
 * what was measured; a second one kills the judge (its runs die with it). */
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "judge/complexity.h"
#include "judge/judge.h"
#include "judge/report.h"
#include "judge/stress.h"
#include "lib/err.h"
#include "lib/util.h"

static const char complexity_usage[] =
	"usage: judge complexity ID FILE.c [--max-size N] [--budget S] [--mode ARGS]\n"
	"                        [--json]\n"
	"\n"
	"Run FILE.c on inputs from the problem's generator (gen SEED SIZE) of\n"
	"doubling size, several seeds per size, measure its CPU time in the\n"
	"sandbox, and fit the growth (power law on log-log data, n log n,\n"
	"exponential). Prints the estimate and the fit's quality, a plot of time\n"
	"against size, and a warning when the growth exceeds the problem's\n"
	"declared complexity or the extrapolated time at the maximum size exceeds\n"
	"the time limit.\n"
	"\n"
	"  --max-size N   largest SIZE to run (default: the generator's maximum)\n"
	"  --budget S     seconds of measuring at most (default 30)\n"
	"  --mode ARGS    the generator's extra arguments (gen SEED SIZE ARGS), e.g.\n"
	"                 a worst-case mode listed in the problem's gen.list\n"
	"  --json         print {\"class\", \"exponent\", \"r2\", \"points\",\n"
	"                 \"predicted_max_ms\"} as one JSON object\n"
	"\n"
	"exit codes: 0 measured, 1 measured with a warning, 2 bad usage or input,\n"
	"3 internal error\n";

#define SEEDS        3        /* runs per size */
#define TARGET_MS    600.0    /* no size whose runs are expected to take longer */
#define DENSE_MAX    32       /* every size up to this maximum */
#define MAX_POINTS   64

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct measure {
	struct cx_point pts[MAX_POINTS];
	size_t npts;
	long max_size;               /* the largest SIZE that changes the input */
	long stopped_at;             /* a size whose run failed, 0: none */
	enum verdict stop_verdict;
	int over_budget;
};

static double round_to(double x, double unit)
{
	return round(x / unit) * unit;
}

static void progress_line(int on, long size, int seed, double last_ms)
{
	if (!on)
		return;
	fprintf(stderr, "\r\033[Kmeasuring: size %ld, seed %d, last %.0f ms", size, seed, last_ms);
	fflush(stderr);
}

/* The next size after s (up to max). */
static long next_size(long s, long max)
{
	long n = max <= DENSE_MAX ? s + 1 : s * 2;

	return s < max && n > max ? max : n;
}

/* Measure until the sizes, the budget or the expected time run out. Returns
 * 0, STRESS_BAD or -1 (err set). */
static int measure(struct stress_session *ss, const char *bin, const char *mode, long max,
		   unsigned budget_ms, int show, struct measure *m)
{
	struct sbx_result r = SBX_RESULT_INIT;
	struct buf in = BUF_INIT;
	long long start = util_monotonic_ms(), left;
	unsigned cpu_ms = 2 * (unsigned)ss->p.time_limit_ms;
	double best, prev = 0, ratio, expect;
	long size;
	int seed, rc = 0;

	for (size = 1; size <= max && m->npts < MAX_POINTS; size = next_size(size, max)) {
		if (m->npts > 0) {
			/* the next size's runs, from the growth so far */
			ratio = prev > 0 && m->pts[m->npts - 1].ms > prev ?
				m->pts[m->npts - 1].ms / prev : 1;
			if (max > DENSE_MAX && ratio < 2)
				ratio = 2;
			expect = m->pts[m->npts - 1].ms * ratio;
			left = (long long)budget_ms - (util_monotonic_ms() - start);
			if (expect > TARGET_MS)
				break;
			if (expect * SEEDS + 200 > (double)left) {
				m->over_budget = 1;
				break;
			}
		}
		best = -1;
		for (seed = 1; seed <= SEEDS; seed++) {
			if (interrupted)
				goto out;
			if ((rc = stress_generate(&ss->tools, (unsigned long long)seed, size, mode, &in)))
				goto out;
			progress_line(show, size, seed, m->npts ? m->pts[m->npts - 1].ms : 0);
			sbx_result_release(&r);
			r = (struct sbx_result)SBX_RESULT_INIT;
			if (stress_run(&ss->tools, bin, in.data, in.len, cpu_ms, &r) < 0) {
				rc = -1;
				goto out;
			}
			if (r.status != SBX_OK) {
				m->stopped_at = size;
				m->stop_verdict = grade_status_verdict(r.status);
				goto out;
			}
			if (best < 0 || r.cpu_ms < best)
				best = r.cpu_ms;
		}
		prev = m->npts ? m->pts[m->npts - 1].ms : 0;
		m->pts[m->npts].n = (double)size;
		m->pts[m->npts].ms = best;
		m->npts++;
		if (size == max)
			break;
	}
out:
	sbx_result_release(&r);
	buf_release(&in);
	return rc;
}

static void print_json(const struct cx_fit *f, const struct measure *m, double predicted)
{
	json_t *j, *pts = json_array(), *pt;
	char *text;
	size_t i;

	for (i = 0; i < m->npts; i++) {
		pt = json_pack("[I, I]", (json_int_t)m->pts[i].n, (json_int_t)m->pts[i].ms);
		json_array_append_new(pts, pt);
	}
	j = json_pack("{s:s, s:f, s:f, s:o, s:I}",
		      "class", cx_class_name(f->cls),
		      "exponent", round_to(f->exponent, 0.01),
		      "r2", round_to(f->r2, 0.001),
		      "points", pts,
		      "predicted_max_ms", (json_int_t)llround(predicted));
	/* six significant digits: 1.02, not 1.0200000000000000178 */
	text = j ? json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(6)) : NULL;
	if (text)
		puts(text);
	free(text);
	json_decref(j);
}

static void print_text(const struct judge_ctx *ctx, const struct stress_session *ss,
		       const struct cx_fit *f, const struct measure *m, double predicted)
{
	struct buf plot = BUF_INIT;

	cx_plot(m->pts, m->npts, 40, &plot);
	fputs(buf_str(&plot), stdout);
	printf("%s%s: ", judge_color(ctx, "1"), ss->p.id);
	if (f->too_fast)
		printf("too fast to measure (every run under %.0f ms): constant", CX_MIN_MS);
	else if (f->cls == CX_EXP)
		printf("about %.2f^n (n^%.2f over these sizes): exponential", f->base, f->exponent);
	else
		printf("about n^%.2f: %s", f->exponent, cx_class_word(f->cls));
	printf("%s", judge_color(ctx, "0"));
	if (!f->too_fast)
		printf(" (r2 %.3f over %zu points)", f->r2, f->used);
	printf("\n");
	if (ss->p.complexity && *ss->p.complexity)
		printf("declared: %s\n", ss->p.complexity);
	if (!f->too_fast)
		printf("predicted at size %ld: %.0f ms (time limit %d ms)\n", m->max_size,
		       predicted, ss->p.time_limit_ms);
	buf_release(&plot);
}

int cmd_complexity(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "max-size", required_argument, NULL, 'm' },
		{ "budget", required_argument, NULL, 'b' },
		{ "mode", required_argument, NULL, 'M' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct stress_session ss;
	struct measure m;
	struct cx_fit f;
	struct sigaction sa, old_int, old_term;
	char *bin = NULL, *end;
	const char *mode = NULL;
	unsigned long long v;
	unsigned budget_ms = 30000;
	long max_size = 0, top;
	double predicted = 0, degree;
	int c, json = 0, rc, signals = 0, show, warned = 0, declared_exp;

	memset(&ss, 0, sizeof(ss));
	memset(&m, 0, sizeof(m));
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'm':
		case 'b':
			v = strtoull(optarg, &end, 10);
			if (!*optarg || *end || optarg[0] == '-' || v < 1 ||
			    v > (c == 'm' ? 1000000000ULL : 3600ULL)) {
				rc = judge_error("bad --%s '%s': expected a whole number from 1 to %s",
						 c == 'm' ? "max-size" : "budget", optarg,
						 c == 'm' ? "1000000000" : "3600");
				goto out;
			}
			if (c == 'm')
				max_size = (long)v;
			else
				budget_ms = (unsigned)v * 1000;
			break;
		case 'M': mode = optarg; break;
		case 'j': json = 1; break;
		case 'h':
			fputs(complexity_usage, stdout);
			rc = EXIT_ACCEPTED;
			goto out;
		default:
			fputs(complexity_usage, stderr);
			rc = EXIT_BAD_INPUT;
			goto out;
		}
	}
	if (argc - optind != 2) {
		fputs(complexity_usage, stderr);
		rc = judge_error("complexity needs a problem id and a C source file");
		goto out;
	}
	if ((rc = stress_session_open(ctx, argv[optind], &ss)) ||
	    (rc = stress_compile_file(&ss, argv[optind + 1], "solution", &bin)))
		goto out;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	signals = 1;
	show = !ctx->quiet && isatty(2);

	if ((rc = stress_max_size(&ss.tools, &m.max_size))) {
		judge_error("%s", err_msg());
		rc = rc == STRESS_BAD ? EXIT_BAD_INPUT : EXIT_INTERNAL;
		goto out;
	}
	top = max_size && max_size < m.max_size ? max_size : m.max_size;
	rc = measure(&ss, bin, mode, top, budget_ms, show, &m);
	if (show)
		fputs("\r\033[K", stderr);
	if (rc) {
		judge_error("%s", err_msg());
		rc = rc == STRESS_BAD ? EXIT_BAD_INPUT : EXIT_INTERNAL;
		goto out;
	}
	if (interrupted && m.npts < 2) {
		judge_error("interrupted before enough sizes were measured");
		rc = EXIT_INTERNAL;
		goto out;
	}
	if (m.npts == 0) {
		rc = judge_error("the solution got %s on the smallest input (gen 1 1); "
				 "fix it before measuring its growth",
				 verdict_name(m.stop_verdict));
		goto out;
	}
	cx_fit(m.pts, m.npts, CX_MIN_MS, &f);
	predicted = cx_predict(&f, (double)m.max_size);
	if (m.pts[m.npts - 1].n == (double)m.max_size)
		predicted = m.pts[m.npts - 1].ms;

	if (json)
		print_json(&f, &m, predicted);
	else
		print_text(ctx, &ss, &f, &m, predicted);
	if (m.stopped_at) {
		judge_warn("the solution got %s at size %ld; measured up to the size before",
			   verdict_name(m.stop_verdict), m.stopped_at);
		warned = 1;
	}
	if (interrupted)
		judge_warn("interrupted: fitted the %zu sizes measured so far", m.npts);
	if (m.over_budget)
		judge_warn("stopped after size %.0f: the next size would overrun the budget "
			   "of %u s (--budget)", m.pts[m.npts - 1].n, budget_ms / 1000);
	if (f.used < 3 && !f.too_fast)
		judge_warn("only %zu sizes took long enough to time (%.0f ms or more): "
			   "the estimate is rough", f.used, CX_MIN_MS);
	if (!f.too_fast && ss.p.complexity &&
	    cx_parse_declared(ss.p.complexity, &degree, &declared_exp) == 0 &&
	    cx_exceeds(f.cls, degree, declared_exp)) {
		judge_warn("the growth (%s) exceeds the declared complexity %s",
			   cx_class_name(f.cls), ss.p.complexity);
		warned = 1;
	}
	if (!f.too_fast && predicted > ss.p.time_limit_ms) {
		judge_warn("at the maximum size %ld the time would be about %.0f ms, over the "
			   "time limit of %d ms", m.max_size, predicted, ss.p.time_limit_ms);
		warned = 1;
	}
	rc = warned ? EXIT_REJECTED : EXIT_ACCEPTED;

out:
	if (signals) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
	}
	stress_session_close(&ss);
	free(bin);
	return rc;
}
