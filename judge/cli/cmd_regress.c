/* cmd_regress.c: 'judge regress': grade every stored solution against its
 * problem in parallel, compare each verdict with its folder's, show the
 * table (mismatches first), store the run, and optionally compare it with
 * the previous results, print JSON and write JUnit XML.
 *
 * The work is judge/domain/regress.c's; this file parses the options, shows
 * the progress, the table, the comparison and the JSON.
 *
 * Interrupts (CMD_CANCEL: SIGINT, SIGTERM, SIGHUP): the running solutions
 * are killed, compiles in flight finish, the workers close their sandboxes,
 * nothing is stored (a run is stored whole at its end, in one transaction),
 * and the exit code is 3. A second signal does the same (the runs are
 * killed again); a third kills the judge at once. */
#include <getopt.h>
#include <jansson.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/domain/compile.h"
#include "judge/cli/cli.h"
#include "judge/domain/regress.h"
#include "judge/cli/report.h"
#include "lib/err.h"
#include "lib/util.h"

static const char regress_usage[] =
	"usage: judge regress [-j N] [PATTERN...] [--json] [--junit FILE] [--fail-fast]\n"
	"                     [--compare] [--no-margins] [--repeat N] [--queue]\n"
	"\n"
	"Grade every stored solution, solutions/PROBLEM/VERDICT/NAME.c next to the\n"
	"catalogue, on N parallel workers (each with its own sandbox), compare each\n"
	"verdict with the one its folder promises, print a table (mismatches first)\n"
	"and a summary, and store the run. Kattis packages in the catalogue bring\n"
	"their submissions/ folders (and the rules of a submissions.yaml); files\n"
	"in other languages are listed as skipped.\n"
	"\n"
	"  -j, --jobs N    parallel workers (default: the number of CPUs)\n"
	"  PATTERN         PCRE2 patterns matched against \"PROBLEM/VERDICT/NAME.c\";\n"
	"                  only solutions matching one of them run\n"
	"  --json          print the result as one JSON object\n"
	"  --junit FILE    also write JUnit XML to FILE (one testcase per solution)\n"
	"  --fail-fast     start no new solution after the first mismatch\n"
	"  --compare       then show what changed since each solution's previous\n"
	"                  stored result, newly failing first\n"
	"  --no-margins    do not re-run TLE solutions at twice the limit (a\n"
	"                  package's: its time_limit_to_tle / time_safety_margin)\n"
	"  --repeat N      runs in all for a test near its time limit (default 3;\n"
	"                  1: one measurement); the verdict and time are the\n"
	"                  median run's (see 'judge submit --help')\n"
	"  --queue         (PostgreSQL) queue every solution for 'judge worker' and\n"
	"                  wait for the results: the workers grade with --repeat\n"
	"                  and do the margin re-runs; the jobs are yours (the\n"
	"                  database role); -j and --fail-fast do not apply\n"
	"\n"
	"Margins (warnings, not mismatches): an accepted solution above 50% of the\n"
	"time limit is flagged \"slow\"; a TLE solution whose failing test finishes\n"
	"when given twice the limit (a package's margin) is flagged \"tight\" (both\n"
	"by median times); one\n"
	"with a test whose runs disagreed on the verdict, \"unstable\".\n"
	"\n"
	"exit codes: 0 every solution matches, 1 a mismatch, 2 bad usage or input,\n"
	"3 internal error, or interrupted (then nothing is stored)\n";

/* The live progress line on a terminal (stderr), redrawn when it changes. */
struct live {
	int shown;
	char last[160];
};

static void fmt_duration(long long ms, char out[32])
{
	long long s = (ms + 500) / 1000;

	snprintf(out, 32, "%lld:%02lld", s / 60, s % 60);
}

static void tick(void *arg, const struct regress_progress *p)
{
	struct live *l = arg;
	char el[32], left[32], line[160], mism[48] = "";

	fmt_duration(p->elapsed_ms, el);
	if (p->left_ms >= 0)
		fmt_duration(p->left_ms, left);
	if (p->mismatched)
		snprintf(mism, sizeof(mism), ", %zu mismatched", p->mismatched);
	snprintf(line, sizeof(line), "regress: %zu/%zu done%s · %s elapsed · %s%s left",
		 p->done, p->total, mism, el, p->left_ms >= 0 ? "~" : "",
		 p->left_ms >= 0 ? left : "?");
	if (l->shown && !strcmp(line, l->last))
		return;
	fprintf(stderr, "\r\033[K%s", line);
	fflush(stderr);
	snprintf(l->last, sizeof(l->last), "%s", line);
	l->shown = 1;
}

static void clear_line(struct live *l)
{
	if (l->shown) {
		fputs("\r\033[K", stderr);
		fflush(stderr);
		l->shown = 0;
	}
}

/* The solutions folder: next to the catalogue file. */
static char *solutions_dir(const struct judge_ctx *ctx)
{
	char *d = judge_catalog_dir(ctx), *dir;

	dir = !strcmp(d, ".") ? xstrdup("solutions") : xasprintf("%s/solutions", d);
	free(d);
	return dir;
}

/* ---- the table ---------------------------------------------------------- */

/* qsort_r order of item indices: mismatches first, then catalogue order,
 * then path. */
static int cmp_row(const void *a, const void *b, void *arg)
{
	const struct regress_set *set = arg;
	const struct regress_item *x = &set->v[*(const size_t *)a];
	const struct regress_item *y = &set->v[*(const size_t *)b];

	if (x->res.match != y->res.match)
		return x->res.match - y->res.match;
	if (x->position != y->position)
		return x->position - y->position;
	return strcmp(x->res.solution, y->res.solution);
}

static const char *after_problem(const char *solution)
{
	const char *s = strchr(solution, '/');

	return s ? s + 1 : solution;
}

static void fmt_time(const struct db_regress_result *r, char out[48])
{
	if (r->got == V_CE)     /* nothing ran */
		snprintf(out, 48, "-");
	else
		snprintf(out, 48, "%d/%d ms", r->time_ms, r->time_limit_ms);
}

static void note_of(const struct regress_item *it, struct buf *note)
{
	buf_reset(note);
	if (!it->res.match && it->res.got == V_AC)
		buf_addf(note, "passed all %d tests", it->total);
	else if (!it->res.match)
		buf_addstr(note, it->res.message);
	else if (it->res.flag[0])
		buf_addstr(note, it->res.flag);
}

static void print_table(const struct judge_ctx *ctx, const struct regress_set *set,
			const size_t *rows, size_t nrows)
{
	const struct regress_item *it;
	struct buf note = BUF_INIT;
	int wp = 7, ws = 8, wt = 4, n;
	char tm[48], mem[32];
	size_t i;

	for (i = 0; i < nrows; i++) {
		it = &set->v[rows[i]];
		if ((n = (int)strlen(it->res.problem)) > wp)
			wp = n;
		if ((n = (int)strlen(after_problem(it->res.solution))) > ws)
			ws = n;
		fmt_time(&it->res, tm);
		if ((n = (int)strlen(tm)) > wt)
			wt = n;
	}
	printf("%s%-*s  %-*s  %-8s %-4s %*s  %9s  %s%s\n", judge_color(ctx, "1"), wp, "problem",
	       ws, "solution", "expected", "got", wt, "time", "memory", "note",
	       judge_color(ctx, "0"));
	for (i = 0; i < nrows; i++) {
		it = &set->v[rows[i]];
		fmt_time(&it->res, tm);
		note_of(it, &note);
		printf("%-*s  %-*s  %-8s %s%-4s%s %*s  %9s", wp, it->res.problem,
		       ws, after_problem(it->res.solution),
		       verdict_name((enum verdict)it->res.expected),
		       judge_color(ctx, it->res.match ? "32" : "1;31"),
		       verdict_name((enum verdict)it->res.got), judge_color(ctx, "0"),
		       wt, tm, it->res.got == V_CE ? "-" :
		       report_memory((unsigned long)it->res.memory_kb, mem));
		if (note.len)
			printf("  %s%s%s", judge_color(ctx, it->res.match ? "33" : "31"),
			       buf_str(&note), judge_color(ctx, "0"));
		putchar('\n');
	}
	buf_release(&note);
}

static void print_summary(const struct judge_ctx *ctx, const struct regress_summary *s,
			  long long wall_ms)
{
	printf("%s%d solution%s: %d matched, %d mismatched%s · %d compiled, %d cached · %.1f s",
	       judge_color(ctx, s->mismatched ? "1;31" : "1;32"), s->total,
	       s->total == 1 ? "" : "s", s->matched, s->mismatched, judge_color(ctx, "0"),
	       s->compiled, s->cached, wall_ms / 1000.0);
	if (s->flagged)
		printf(" · %d margin warning%s", s->flagged, s->flagged == 1 ? "" : "s");
	if (s->not_run)
		printf(" · %d not run (--fail-fast)", s->not_run);
	if (s->skipped)
		printf(" · %d skipped (not C or C++)", s->skipped);
	putchar('\n');
}

/* ---- JSON ----------------------------------------------------------------- */

static json_t *json_result(const struct db_regress_result *r)
{
	return json_pack("{s:s, s:s, s:s, s:s, s:b, s:i, s:I, s:i, s:o, s:o}",
			 "problem", r->problem, "solution", r->solution,
			 "expected", verdict_name((enum verdict)r->expected),
			 "got", verdict_name((enum verdict)r->got), "match", r->match,
			 "time_ms", r->time_ms, "memory_kb", (json_int_t)r->memory_kb,
			 "time_limit_ms", r->time_limit_ms,
			 "flag", r->flag[0] ? report_json_string(r->flag, strlen(r->flag)) : json_null(),
			 "message", report_json_string(r->message, strlen(r->message)));
}

static json_t *json_diff(const struct regress_diff *d)
{
	json_t *o = json_pack("{s:s, s:s}", "change", regress_change_name(d->kind),
			      "solution", d->solution);

	json_object_set_new(o, "before", d->before ? json_result(d->before) : json_null());
	json_object_set_new(o, "now", d->now ? json_result(d->now) : json_null());
	return o;
}

static int print_json(const struct regress_set *set, const struct regress_summary *s,
		      long long wall_ms, const struct regress_diff *diffs, size_t ndiffs,
		      int compare)
{
	json_t *root, *sols, *ch, *skipped;
	size_t i;
	int rc;

	sols = json_array();
	for (i = 0; i < set->n; i++)
		if (set->v[i].done)
			json_array_append_new(sols, json_result(&set->v[i].res));
	root = json_pack("{s:{s:i, s:i, s:i, s:i, s:i, s:I}, s:o}",
			 "summary", "total", s->total, "matched", s->matched,
			 "mismatched", s->mismatched, "compiled", s->compiled,
			 "cached", s->cached, "wall_ms", (json_int_t)wall_ms,
			 "solutions", sols);
	for (i = 0; i < set->n && !set->v[i].kattis; i++)
		;
	if (i < set->n || set->nskipped) {
		/* packages: the submissions in other languages, listed and counted */
		skipped = json_array();
		for (i = 0; i < set->nskipped; i++)
			json_array_append_new(skipped, json_string(set->skipped[i]));
		json_object_set_new(json_object_get(root, "summary"), "skipped",
				    json_integer(s->skipped));
		json_object_set_new(root, "skipped", skipped);
	}
	if (compare) {
		ch = json_array();
		for (i = 0; i < ndiffs; i++)
			json_array_append_new(ch, json_diff(&diffs[i]));
		json_object_set_new(root, "changes", ch);
	}
	rc = report_print_json(root);
	json_decref(root);
	return rc;
}

/* ---- compare ---------------------------------------------------------------- */

static void print_diff_detail(const struct regress_diff *d)
{
	const struct db_regress_result *b = d->before, *n = d->now;

	switch (d->kind) {
	case REGRESS_NEWLY_FAILING:
	case REGRESS_NEWLY_PASSING:
	case REGRESS_VERDICT:
		printf("%s -> %s (expected %s)", verdict_name((enum verdict)b->got),
		       verdict_name((enum verdict)n->got), verdict_name((enum verdict)n->expected));
		break;
	case REGRESS_FLAG:
		printf("%s -> %s", b->flag[0] ? b->flag : "no warning",
		       n->flag[0] ? n->flag : "no warning");
		break;
	case REGRESS_TIME:
		printf("%d -> %d ms (limit %d ms)", b->time_ms, n->time_ms, n->time_limit_ms);
		break;
	case REGRESS_NEW:
		printf("%s (expected %s)", verdict_name((enum verdict)n->got),
		       verdict_name((enum verdict)n->expected));
		break;
	case REGRESS_GONE:
		printf("was %s", verdict_name((enum verdict)b->got));
		break;
	}
	putchar('\n');
}

static void print_compare(const struct judge_ctx *ctx, const struct db_regress_run *prev_run,
			  int have_prev, const struct regress_diff *d, size_t n)
{
	char when[32];
	size_t i;
	int w = 8;

	putchar('\n');
	if (!have_prev) {
		printf("no earlier regress run to compare with\n");
		return;
	}
	util_format_rfc3339(prev_run->started_at, when);
	if (n == 0) {
		printf("no changes since run #%lld (%s)\n", prev_run->id, when);
		return;
	}
	printf("%schanges since run #%lld (%s):%s\n", judge_color(ctx, "1"), prev_run->id,
	       when, judge_color(ctx, "0"));
	for (i = 0; i < n; i++)
		if ((int)strlen(d[i].solution) > w)
			w = (int)strlen(d[i].solution);
	for (i = 0; i < n; i++) {
		printf("  %s%-15s%s  %-*s  ",
		       judge_color(ctx, d[i].kind == REGRESS_NEWLY_FAILING ? "1;31" :
				   d[i].kind == REGRESS_NEWLY_PASSING ? "32" : ""),
		       regress_change_name(d[i].kind),
		       judge_color(ctx, d[i].kind <= REGRESS_NEWLY_PASSING ? "0" : ""),
		       w, d[i].solution);
		print_diff_detail(&d[i]);
	}
}

/* ---- the command -------------------------------------------------------- */

struct regress_args {
	struct regress_opts ro;
	const char *junit;
	char *const *patterns;
	size_t npatterns;
	int json, compare;
};

/* Parse argv into a; -1 when the command is done (help, or an error), with
 * *rc the exit code. */
static int parse_args(int argc, char **argv, struct regress_args *a, int *rc)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "json", no_argument, NULL, 'J' },
		{ "junit", required_argument, NULL, 'x' },
		{ "fail-fast", no_argument, NULL, 'f' },
		{ "compare", no_argument, NULL, 'c' },
		{ "no-margins", no_argument, NULL, 'm' },
		{ "repeat", required_argument, NULL, 'r' },
		{ "queue", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
	char *end;
	int c;

	a->ro.margins = 1;
	while ((c = judge_getopt(argc, argv, "j:h", opts, "regress")) != -1) {
		switch (c) {
		case 'j':
			jobs = strtol(optarg, &end, 10);
			if (!*optarg || *end || jobs < 1 || jobs > REGRESS_MAX_JOBS) {
				fputs(regress_usage, stderr);
				*rc = judge_bad("bad -j '%s': give a number of workers from 1 to "
						"%d", optarg, REGRESS_MAX_JOBS);
				return -1;
			}
			break;
		case 'J': a->json = 1; break;
		case 'x': a->junit = optarg; break;
		case 'f': a->ro.fail_fast = 1; break;
		case 'c': a->compare = 1; break;
		case 'm': a->ro.margins = 0; break;
		case 'r':
			if ((*rc = judge_repeat_arg(optarg, &a->ro.repeat)))
				return -1;
			break;
		case 'q': a->ro.queue = 1; break;
		case 'h': fputs(regress_usage, stdout); return *rc = EXIT_ACCEPTED, -1;
		default: return *rc = EXIT_BAD_INPUT, -1;
		}
	}
	a->ro.jobs = jobs < 1 ? 1 : jobs > REGRESS_MAX_JOBS ? REGRESS_MAX_JOBS : (int)jobs;
	a->patterns = argv + optind;
	a->npatterns = (size_t)(argc - optind);
	return 0;
}

/* Fail early, not after the whole run, when FILE cannot be written: its
 * folder must be writable and FILE not a folder. */
static int junit_writable(const char *path)
{
	char *copy = xstrdup(path);
	const char *d = dirname(copy);
	struct stat st;
	int rc = 0;

	if (access(d, W_OK) < 0) {
		err_errno("cannot write the JUnit report '%s' in '%s'", path, d);
		rc = err_as(ERR_INPUT);
	} else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		rc = err_input("cannot write the JUnit report '%s': it is a folder", path);
	}
	free(copy);
	return rc;
}

static int write_junit(const char *path, const struct regress_set *set, long long wall_ms,
		       time_t started)
{
	struct buf xml = BUF_INIT;
	char ts[32];
	struct tm tm;
	int rc;

	gmtime_r(&started, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%S", &tm);
	regress_junit(&xml, set, wall_ms, ts);
	rc = util_write_file(path, buf_str(&xml), xml.len, 0644);
	buf_release(&xml);
	return rc;
}

/* Find, filter and read the solutions and queue them; the exit code. */
static int prepare(struct judge_ctx *ctx, const struct regress_args *a, const char *dir,
		   struct regress_set *set, struct db_regress_result **prev, size_t *nprev)
{
	char *cdir = judge_catalog_dir(ctx);
	int rc = 0;

	/* solutions/ (it may be missing when the catalogue's packages have
	 * submissions of their own) and the packages' submissions/ */
	if (a->junit && junit_writable(a->junit) < 0)
		rc = -1;
	else if (access(dir, F_OK) == 0 && regress_discover(dir, set) < 0)
		rc = -1;
	else if (regress_discover_packages(ctx->db, cdir, set) < 0)
		rc = -1;
	else if (!set->n && !set->nskipped && regress_discover(dir, set) < 0)
		rc = -1;
	free(cdir);
	if (rc < 0 || regress_filter(set, a->patterns, a->npatterns) < 0)
		return judge_fail();
	if (set->n == 0 && a->npatterns)
		return judge_bad("no solution in '%s' matches the pattern%s given; "
				 "patterns match \"PROBLEM/VERDICT/NAME.c\"", dir,
				 a->npatterns > 1 ? "s" : "");
	if (set->n == 0)
		return judge_bad("no solutions in '%s': store them as PROBLEM/VERDICT/NAME.c",
				 dir);
	if (regress_check_folders(set, dir) < 0 ||
	    regress_prepare(ctx->db, set, dir, ctx->catalog_path, prev, nprev) < 0)
		return judge_fail();
	return 0;
}

/* Grade everything with the progress line; the exit code (0 when every
 * job ran). */
static int run(struct judge_ctx *ctx, struct regress_args *a, struct regress_set *set,
	       long long *wall_ms)
{
	struct live live = { 0, "" };
	int ran;

	a->ro.db_path = ctx->db_path;
	a->ro.cache = ctx->cache;
	a->ro.cancel = ctx->cancel;
	if (!ctx->quiet && isatty(2)) {
		a->ro.tick = tick;
		a->ro.tick_arg = &live;
	}
	ran = regress_run(set, &a->ro, wall_ms);
	clear_line(&live);
	if (ran < 0 && err_kind() == ERR_CANCELLED) {
		struct regress_summary sum;

		regress_summarize(set, &sum);
		err_cancelled("interrupted after %d of %zu solutions; nothing was stored",
			      sum.total, set->n);
	} else if (ran < 0) {
		err_prefix("cannot start the regress workers");
	}
	return ran < 0 ? judge_fail() : 0;
}

static void print_text(struct judge_ctx *ctx, const struct regress_args *a,
		       const struct regress_set *set, const struct regress_summary *sum,
		       long long wall_ms, const struct db_regress_run *prev_run, int have_prev,
		       const struct regress_diff *diffs, size_t ndiffs)
{
	size_t *rows = xcalloc(set->n, sizeof(*rows)), nrows = 0, i;

	for (i = 0; i < set->n; i++)
		if (set->v[i].done && (!ctx->quiet || !set->v[i].res.match ||
				       set->v[i].res.flag[0]))
			rows[nrows++] = i;
	qsort_r(rows, nrows, sizeof(*rows), cmp_row, (void *)set);
	if (nrows)
		print_table(ctx, set, rows, nrows);
	for (i = 0; i < set->nskipped && !ctx->quiet; i++)
		printf("skipped: %s (%s)\n", set->skipped[i],
		       set->skipped[i][strlen(set->skipped[i]) - 1] == '/' ?
		       "a program in a folder, not one C or C++ file" : "not C or C++");
	print_summary(ctx, sum, wall_ms);
	if (a->compare)
		print_compare(ctx, prev_run, have_prev, diffs, ndiffs);
	free(rows);
}

/* Store the run, compare, print and write the report; the exit code. */
static int finish(struct judge_ctx *ctx, const struct regress_args *a,
		  const struct regress_set *set, const struct db_regress_result *prev,
		  size_t nprev, time_t started, long long wall_ms)
{
	struct regress_summary sum;
	struct db_regress_run run, prev_run;
	struct regress_diff *diffs = NULL;
	size_t ndiffs = 0, i;
	int have_prev = 0, rc = EXIT_INTERNAL;

	regress_summarize(set, &sum);
	if (regress_store(ctx->db, set, &sum, a->ro.jobs, started, wall_ms, &run) < 0) {
		err_prefix("cannot store the regress run");
		return judge_fail();
	}
	if (a->compare) {
		have_prev = db_regress_run_before(ctx->db, run.id, &prev_run);
		if (have_prev < 0)
			return judge_fail();
		have_prev = have_prev == 0;
		regress_compare(set, prev, nprev, a->npatterns > 0, &diffs, &ndiffs);
	}
	if (a->json && print_json(set, &sum, wall_ms, diffs, ndiffs, a->compare) < 0) {
		err_set("cannot encode the result as JSON");
		rc = judge_fail();
		goto out;
	}
	if (!a->json)
		print_text(ctx, a, set, &sum, wall_ms, &prev_run, have_prev, diffs, ndiffs);
	for (i = 0; i < set->n; i++)
		if (set->v[i].done && set->v[i].retried)
			judge_warn("'%s' was graded again after an internal error: %s",
				   set->v[i].res.solution, set->v[i].retried);
	if (a->junit && write_junit(a->junit, set, wall_ms, started) < 0) {
		err_prefix("cannot write the JUnit report");
		rc = judge_fail();
	} else if (sum.ie) {
		err_set("the judge failed (IE) on %d solution%s; see the messages above",
			sum.ie, sum.ie == 1 ? "" : "s");
		rc = judge_fail();
	} else {
		rc = sum.mismatched ? EXIT_REJECTED : EXIT_ACCEPTED;
	}
out:
	free(diffs);
	return rc;
}

int cmd_regress(struct judge_ctx *ctx, int argc, char **argv)
{
	struct regress_args a;
	struct regress_set set = REGRESS_SET_INIT;
	struct db_regress_result *prev = NULL;
	size_t nprev = 0;
	long long wall_ms = 0;
	time_t started;
	char *dir = NULL, *user = NULL;
	int rc;

	memset(&a, 0, sizeof(a));
	if (parse_args(argc, argv, &a, &rc) < 0)
		return rc;
	dir = solutions_dir(ctx);
	if (a.ro.queue && !db_is_uri(ctx->db_path)) {
		rc = judge_bad("--queue needs a PostgreSQL database, and '%s' is an SQLite file; "
			       "pass --db postgresql://HOST/DB (or set JUDGE_DB)", ctx->db_path);
		goto out;
	}
	if ((rc = prepare(ctx, &a, dir, &set, &prev, &nprev)))
		goto out;
	if (a.ro.queue && (rc = judge_user(ctx, NULL, &user)))
		goto out;
	a.ro.user = user;
	if (!a.ro.queue && judge_cache_open(ctx) < 0) {
		rc = judge_fail();
	} else if (util_now(&started) < 0) {
		rc = judge_fail();
	} else if (!(rc = run(ctx, &a, &set, &wall_ms))) {
		rc = finish(ctx, &a, &set, prev, nprev, started, wall_ms);
	}
out:
	free(dir);
	free(user);
	db_regress_results_free(prev, nprev);
	regress_set_release(&set);
	return rc;
}
