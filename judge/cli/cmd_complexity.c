/* cmd_complexity.c: 'judge complexity ID FILE.c': run a solution on
 * generated inputs of doubling size (several seeds each), measure its CPU
 * time in the sandbox, fit the growth and compare it with the problem's
 * declared complexity and time limit.
 *
 * The measuring is cx_measure's (judge/domain/complexity.h); this file parses
 * the options, shows the progress, prints the fit and the warnings.
 *
 * Interrupts (CMD_CANCEL): the first signal stops after the current run and
 * fits what was measured; a second one kills the judge (its runs die with
 * it). */
#include <getopt.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "judge/domain/complexity.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/cli/tools.h"
#include "lib/err.h"
#include "lib/util.h"

#define DEFAULT_BUDGET_S 30   /* --budget */

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
	"  --budget S     seconds of measuring at most (default " UTIL_STR(DEFAULT_BUDGET_S) ")\n"
	"  --mode ARGS    the generator's extra arguments (gen SEED SIZE ARGS), e.g.\n"
	"                 a worst-case mode listed in the problem's gen.list\n"
	"  --json         print {\"class\", \"exponent\", \"r2\", \"points\",\n"
	"                 \"predicted_max_ms\"} as one JSON object\n"
	"\n"
	"exit codes: 0 measured, 1 measured with a warning, 2 bad usage or input,\n"
	"3 internal error\n";

static double round_to(double x, double unit)
{
	return round(x / unit) * unit;
}

static void progress_line(void *arg, long size, int seed, double last_ms)
{
	(void)arg;
	fprintf(stderr, "\r\033[Kmeasuring: size %ld, seed %d, last %.0f ms", size, seed, last_ms);
	fflush(stderr);
}

static void print_json(const struct cx_estimate *f, const struct cx_measurement *m,
		       double predicted)
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

static void print_text(const struct judge_ctx *ctx, const struct db_problem *p,
		       const struct cx_estimate *f, const struct cx_measurement *m, double predicted)
{
	struct buf plot = BUF_INIT;

	cx_plot(m->pts, m->npts, 40, &plot);
	fputs(buf_str(&plot), stdout);
	printf("%s%s: ", judge_color(ctx, "1"), p->id);
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
	if (p->complexity && *p->complexity)
		printf("declared: %s\n", p->complexity);
	if (!f->too_fast)
		printf("predicted at size %ld (n = %.0f): %.0f ms (time limit %d ms)\n",
		       m->max_size, m->max_n, predicted, p->time_limit_ms);
	buf_release(&plot);
}

struct complexity_args {
	struct cx_measure_opts mo;
	int json;
	const char *id, *file;
};

static int bad_number(int opt, const char *arg)
{
	return judge_bad("bad --%s '%s': expected a whole number from 1 to %s",
			 opt == 'm' ? "max-size" : "budget", arg,
			 opt == 'm' ? "1000000000" : "3600");
}

/* Parse argv into a; -1 when the command is done (help, or an error), with
 * *rc the exit code. */
static int parse_args(int argc, char **argv, struct complexity_args *a, int *rc)
{
	static const struct option opts[] = {
		{ "max-size", required_argument, NULL, 'm' },
		{ "budget", required_argument, NULL, 'b' },
		{ "mode", required_argument, NULL, 'M' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	unsigned long long v;
	char *end;
	int c;

	a->mo.budget_ms = DEFAULT_BUDGET_S * 1000;
	while ((c = judge_getopt(argc, argv, "h", opts, "complexity")) != -1) {
		switch (c) {
		case 'm':
		case 'b':
			v = strtoull(optarg, &end, 10);
			if (!*optarg || *end || optarg[0] == '-' || v < 1 ||
			    v > (c == 'm' ? 1000000000ULL : 3600ULL))
				return *rc = bad_number(c, optarg), -1;
			if (c == 'm')
				a->mo.max_size = (long)v;
			else
				a->mo.budget_ms = (unsigned)v * 1000;
			break;
		case 'M': a->mo.mode = optarg; break;
		case 'j': a->json = 1; break;
		case 'h': fputs(complexity_usage, stdout); return *rc = EXIT_ACCEPTED, -1;
		default: return *rc = EXIT_BAD_INPUT, -1;
		}
	}
	if (argc - optind != 2) {
		fputs(complexity_usage, stderr);
		*rc = judge_bad("complexity needs a problem id and a C source file");
		return -1;
	}
	a->id = argv[optind];
	a->file = argv[optind + 1];
	return 0;
}

/* The warnings after the result; 1 when one of them makes the exit code 1. */
static int warn_about(const struct db_problem *p, const struct cx_estimate *f,
		      const struct cx_measurement *m, double predicted, unsigned budget_ms)
{
	double degree;
	int declared_exp, warned = 0;

	if (m->stopped_at) {
		judge_warn("the solution got %s at size %ld; measured up to the size before",
			   verdict_name(m->stop_verdict), m->stopped_at);
		warned = 1;
	}
	if (m->interrupted)
		judge_warn("interrupted: fitted the %zu sizes measured so far", m->npts);
	if (m->over_budget)
		judge_warn("stopped after n = %.0f: the next size would overrun the budget "
			   "of %u s (--budget)", m->pts[m->npts - 1].n, budget_ms / 1000);
	if (f->used < 3 && !f->too_fast)
		judge_warn("only %zu sizes took long enough to time (%.0f ms or more): "
			   "the estimate is rough", f->used, CX_MIN_MS);
	if (!f->too_fast && p->complexity &&
	    cx_parse_declared(p->complexity, &degree, &declared_exp) == 0 &&
	    cx_exceeds(f->cls, degree, declared_exp)) {
		judge_warn("the growth (%s) exceeds the declared complexity %s",
			   cx_class_name(f->cls), p->complexity);
		warned = 1;
	}
	if (!f->too_fast && predicted > p->time_limit_ms) {
		judge_warn("at the maximum size %ld (n = %.0f) the time would be about %.0f ms, "
			   "over the time limit of %d ms", m->max_size, m->max_n, predicted,
			   p->time_limit_ms);
		warned = 1;
	}
	return warned;
}

/* Fit what was measured, print it and the warnings; the exit code. */
static int report(struct judge_ctx *ctx, const struct complexity_args *a,
		  const struct db_problem *p, const struct cx_measurement *m)
{
	struct cx_estimate f;
	double predicted;

	if (m->interrupted && m->npts < 2) {
		err_cancelled("interrupted before enough sizes were measured");
		return judge_fail();
	}
	if (m->npts == 0)
		return judge_bad("the solution got %s on the smallest input (gen 1 1); "
				 "fix it before measuring its growth",
				 verdict_name(m->stop_verdict));
	cx_fit(m->pts, m->npts, CX_MIN_MS, &f);
	predicted = cx_predict(&f, m->max_n);
	if (m->pts[m->npts - 1].n == m->max_n)
		predicted = m->pts[m->npts - 1].ms;
	if (a->json)
		print_json(&f, m, predicted);
	else
		print_text(ctx, p, &f, m, predicted);
	return warn_about(p, &f, m, predicted, a->mo.budget_ms) ? EXIT_REJECTED : EXIT_ACCEPTED;
}

int cmd_complexity(struct judge_ctx *ctx, int argc, char **argv)
{
	struct complexity_args a;
	struct judge_tools jt;
	struct cx_measurement m;
	char *bin = NULL;
	int rc, show;

	memset(&a, 0, sizeof(a));
	memset(&jt, 0, sizeof(jt));
	if (parse_args(argc, argv, &a, &rc) < 0)
		return rc;
	if ((rc = judge_tools_open(ctx, a.id, &jt)) ||
	    (rc = judge_tools_compile(&jt, a.file, "solution", &bin)))
		goto out;
	show = !ctx->quiet && isatty(2);
	a.mo.cancel = ctx->cancel;
	a.mo.progress = show ? progress_line : NULL;
	rc = cx_measure(&jt.tools, bin, &a.mo, &m);
	if (show)
		fputs("\r\033[K", stderr);
	rc = rc < 0 ? judge_fail() : report(ctx, &a, &jt.p, &m);
out:
	judge_tools_close(&jt);
	free(bin);
	return rc;
}
