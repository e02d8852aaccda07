/* cmd_mutate.c: 'judge mutate ID [FILE]': mutation testing of a problem's
 * tests. Mutants of its accepted solutions (or of FILE) are graded on N
 * workers; the score says how many of them the tests reject. With --stress
 * the survivors are searched for a killing input with the problem's
 * generator, and --save writes those inputs as new tests.
 *
 * The work is judge/domain/mutate.c's (mutants) and mutate_run.c's
 * (grading, searching); this file parses the options and prints.
 *
 * Interrupts (CMD_CANCEL): the running mutants are killed, the workers close
 * their sandboxes, and the exit code is 3. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/cli/tools.h"
#include "judge/domain/grade.h"
#include "judge/domain/mutate.h"
#include "judge/domain/regress.h"
#include "judge/domain/stress.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/util.h"

/* Seconds of generator search per survivor (--time), and of shrinking. */
#define MUTATE_STRESS_S   10
#define MUTATE_SHRINK_S   5

static const char mutate_usage[] =
	"usage: judge mutate ID [FILE] [-j N] [--max N] [--seed S] [--json]\n"
	"                   [--stress [--time S] [--iterations N] [--save]]\n"
	"\n"
	"Mutation testing of a problem's tests: make small changes (mutants) to\n"
	"an accepted solution -- a relational or arithmetic operator swapped, an\n"
	"integer constant one more or one less, && and || swapped, an if or while\n"
	"condition negated, an expression statement, break or continue deleted;\n"
	"never inside comments, strings or preprocessor lines -- and grade each\n"
	"on the problem's tests, stopping at its first failing test. A mutant\n"
	"with any verdict but AC is killed; CE is stillborn (not counted); AC\n"
	"survived. The score is killed / (killed + survived).\n"
	"\n"
	"  FILE          the solution to mutate (default: every accepted solution,\n"
	"                solutions/ID/accepted/ next to the catalogue)\n"
	"  -j, --jobs N  parallel workers (default: the number of CPUs)\n"
	"  --max N       grade at most N mutants in all, shared between the\n"
	"                solutions, chosen at random with the seed (default: all)\n"
	"  --seed S      the seed of that choice (default 1)\n"
	"  --json        print one JSON object\n"
	"  --stress      for each survivor, search the problem's generator for an\n"
	"                input on which it and the reference disagree, shrink it\n"
	"                and print it; one not found is \"possibly equivalent\"\n"
	"  --time S      seconds of search per survivor (default "
	UTIL_STR(MUTATE_STRESS_S) ")\n"
	"  --iterations N\n"
	"                generated inputs per survivor at most (default "
	UTIL_STR(STRESS_ITERATIONS) ")\n"
	"  --save        write each input found as a new test of the problem,\n"
	"                tests/t90-mutant-NN.in (after the other tests) with the\n"
	"                reference's answer, once the problem's validator accepts it\n"
	"\n"
	"Tests' kills count the mutants each test was the first to reject.\n"
	"\n"
	"exit codes: 0 the mutants were graded (whatever the score), 2 bad usage\n"
	"or input (a solution that is not accepted, no generator for --stress),\n"
	"3 internal error (the judge failed on a mutant), or interrupted\n";

struct mutate_args {
	const char *id, *file;
	int jobs, json, stress, save;
	size_t max;
	unsigned long long seed;
	unsigned time_s, iterations;
};

/* A whole number from lo to hi; -1 when arg is not one. */
static int number(const char *arg, unsigned long long lo, unsigned long long hi,
		  unsigned long long *v)
{
	char *end;

	if (!*arg || arg[0] == '-')
		return -1;
	*v = strtoull(arg, &end, 10);
	return *end || *v < lo || *v > hi ? -1 : 0;
}

/* Parse argv into a; -1 when the command is done (help, or an error), with
 * *rc the exit code. */
static int parse_args(int argc, char **argv, struct mutate_args *a, int *rc)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "max", required_argument, NULL, 'm' },
		{ "seed", required_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'J' },
		{ "stress", no_argument, NULL, 'S' },
		{ "time", required_argument, NULL, 't' },
		{ "iterations", required_argument, NULL, 'n' },
		{ "save", no_argument, NULL, 'w' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned long long v;
	int c;

	a->jobs = cpus < 1 ? 1 : cpus > REGRESS_MAX_JOBS ? REGRESS_MAX_JOBS : (int)cpus;
	a->seed = 1;
	a->time_s = MUTATE_STRESS_S;
	while ((c = judge_getopt(argc, argv, "j:h", opts, "mutate")) != -1) {
		switch (c) {
		case 'j':
			if (number(optarg, 1, REGRESS_MAX_JOBS, &v) < 0)
				return *rc = judge_bad("bad -j '%s': give a number of workers "
						       "from 1 to %d", optarg, REGRESS_MAX_JOBS), -1;
			a->jobs = (int)v;
			break;
		case 'm':
			if (number(optarg, 1, 1000000, &v) < 0)
				return *rc = judge_bad("bad --max '%s': expected a whole number "
						       "from 1 to 1000000", optarg), -1;
			a->max = (size_t)v;
			break;
		case 's':
			if (number(optarg, 0, ~0ULL, &v) < 0)
				return *rc = judge_bad("bad --seed '%s': expected a whole number",
						       optarg), -1;
			a->seed = v;
			break;
		case 't':
			if (number(optarg, 1, 3600, &v) < 0)
				return *rc = judge_bad("bad --time '%s': expected seconds from 1 "
						       "to 3600", optarg), -1;
			a->time_s = (unsigned)v;
			break;
		case 'n':
			if (number(optarg, 1, 1000000, &v) < 0)
				return *rc = judge_bad("bad --iterations '%s': expected a whole number "
						       "from 1 to 1000000", optarg), -1;
			a->iterations = (unsigned)v;
			break;
		case 'J': a->json = 1; break;
		case 'S': a->stress = 1; break;
		case 'w': a->save = 1; break;
		case 'h': fputs(mutate_usage, stdout); return *rc = EXIT_ACCEPTED, -1;
		default: return *rc = EXIT_BAD_INPUT, -1;
		}
	}
	if (argc - optind < 1 || argc - optind > 2) {
		fputs(mutate_usage, stderr);
		return *rc = judge_bad("mutate needs a problem id and at most one source file"), -1;
	}
	if (a->save && !a->stress)
		return *rc = judge_bad("--save writes the inputs --stress finds: give --stress "
				       "too"), -1;
	a->id = argv[optind];
	a->file = argc - optind == 2 ? argv[optind + 1] : NULL;
	return 0;
}

/* ---- loading ------------------------------------------------------------- */

static char *solutions_dir(const struct judge_ctx *ctx)
{
	char *d = judge_catalog_dir(ctx), *dir;

	dir = !strcmp(d, ".") ? xstrdup("solutions") : xasprintf("%s/solutions", d);
	free(d);
	return dir;
}

/* The solutions to mutate, their mutants enumerated and sampled; the exit
 * code. */
static int load(struct judge_ctx *ctx, const struct mutate_args *a, const char *id,
		struct mutate_solution **sols, size_t *n)
{
	char **paths = NULL, *dir = solutions_dir(ctx);
	size_t np = 0, i, share;
	int rc = 0;

	*sols = NULL;
	*n = 0;
	if (a->file) {
		paths = xmalloc(sizeof(*paths));
		paths[np++] = xstrdup(a->file);
	} else if (mutate_find_accepted(dir, id, &paths, &np) < 0) {
		rc = judge_fail();
		goto out;
	} else if (np == 0) {
		rc = judge_bad("problem '%s' has no accepted solution in '%s/%s/accepted/'; "
			       "give one: judge mutate %s FILE", id, dir, id, id);
		goto out;
	}
	*sols = xcalloc(np, sizeof(**sols));
	for (i = 0; i < np; i++) {
		share = a->max ? a->max / np + (i < a->max % np) : 0;
		if (a->max && share == 0)
			share = 1;
		if (mutate_solution_load(&(*sols)[i], paths[i], paths[i], share, a->seed) < 0) {
			rc = judge_fail();
			goto out;
		}
		*n = i + 1;
	}
out:
	for (i = 0; i < np; i++)
		free(paths[i]);
	free(paths);
	free(dir);
	return rc;
}

/* ---- grading ------------------------------------------------------------- */

struct live {
	int shown;
};

static void tick(void *arg, size_t done, size_t total)
{
	struct live *l = arg;

	fprintf(stderr, "\r\033[Kmutate: %zu/%zu graded", done, total);
	fflush(stderr);
	l->shown = 1;
}

/* Grade, and refuse a solution that is not accepted; the exit code. */
static int grade(struct judge_ctx *ctx, const struct mutate_args *a, const char *id,
		 struct mutate_solution *sols, size_t n, long long *wall_ms)
{
	struct mutate_opts o;
	struct live live = { 0 };
	size_t i, total = 0;
	int rc;

	memset(&o, 0, sizeof(o));
	o.db_path = ctx->db_path;
	o.cache = ctx->cache;
	o.jobs = a->jobs;
	o.cancel = ctx->cancel;
	if (!ctx->quiet && !a->json && isatty(2)) {
		o.tick = tick;
		o.tick_arg = &live;
	}
	for (i = 0; i < n; i++)
		total += sols[i].m.n + 1;
	rc = mutate_grade(id, sols, n, &o, wall_ms);
	if (live.shown)
		fputs("\r\033[K", stderr);
	if (rc < 0 && err_kind() == ERR_CANCELLED) {
		err_cancelled("interrupted while grading %zu mutants", total - n);
		return judge_fail();
	}
	if (rc < 0)
		return err_prefix("cannot grade the mutants"), judge_fail();
	for (i = 0; i < n; i++) {
		if (sols[i].original == V_AC)
			continue;
		if (sols[i].original == V_IE) {
			err_set("the judge failed on '%s' itself", sols[i].file);
			return judge_fail();
		}
		return judge_bad("'%s' is not accepted (%s%s%s): mutation testing starts from "
				 "an accepted solution", sols[i].file,
				 verdict_name(sols[i].original),
				 sols[i].original_test ? " on test " : "",
				 sols[i].original_test ? sols[i].original_test : "");
	}
	return 0;
}

/* ---- --stress --------------------------------------------------------------- */

struct found {
	struct buf *in, *ans;
	char **saved;          /* the test each was saved as, or NULL */
	size_t n;
};

static void found_release(struct found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		buf_release(&f->in[i]);
		buf_release(&f->ans[i]);
		free(f->saved[i]);
	}
	free(f->in);
	free(f->ans);
	free(f->saved);
}

static void found_add(struct found *f, struct mutate_mutant *m)
{
	f->in = xrealloc(f->in, (f->n + 1) * sizeof(*f->in));
	f->ans = xrealloc(f->ans, (f->n + 1) * sizeof(*f->ans));
	f->saved = xrealloc(f->saved, (f->n + 1) * sizeof(*f->saved));
	f->in[f->n] = (struct buf)BUF_INIT;
	f->ans[f->n] = (struct buf)BUF_INIT;
	buf_add(&f->in[f->n], m->input.data ? m->input.data : "", m->input.len);
	buf_add(&f->ans[f->n], m->answer.data ? m->answer.data : "", m->answer.len);
	f->saved[f->n] = NULL;
	m->reused = (long)f->n;
	f->n++;
}

/* Search every survivor; save what is found (--save). The exit code. */
static int stress_survivors(struct judge_ctx *ctx, const struct mutate_args *a,
			    struct judge_tools *jt, struct mutate_solution *sols, size_t n)
{
	struct stress_opts so = STRESS_OPTS_INIT;
	struct grade_checker *chk = NULL;
	struct grade_env env;
	struct found f;
	struct mutate_mutant *m;
	char *ref = NULL, *ref_bin = NULL, *dir = judge_catalog_dir(ctx);
	size_t i, k;
	int rc;

	memset(&f, 0, sizeof(f));
	ref = stress_default_ref(dir, jt->p.id);
	if (!ref)
		ref = xstrdup(sols[0].file);
	if ((rc = judge_tools_compile(jt, ref, "reference", &ref_bin)))
		goto out;
	env.db = ctx->db;
	env.sbx = ctx->sbx;
	env.cache = ctx->cache;
	env.tests = NULL;
	if (!(chk = grade_checker_open(&env, &jt->p))) {
		rc = judge_fail();
		goto out;
	}
	so.time_ms = a->time_s * 1000;
	so.iterations = a->iterations;
	so.shrink_ms = MUTATE_SHRINK_S * 1000;
	so.shrink_runs = 500;
	so.cancel = ctx->cancel;
	for (i = 0; i < n; i++)
		for (k = 0; k < sols[i].m.n; k++) {
			m = &sols[i].m.v[k];
			if (m->fate != MUTATE_SURVIVED)
				continue;
			if (ctx->cancel && *ctx->cancel) {
				err_cancelled("interrupted while searching inputs for the survivors");
				rc = judge_fail();
				goto out;
			}
			if (mutate_stress(&jt->tools, chk, ref_bin, &sols[i], m, f.in, f.ans, f.n,
					  &so) < 0) {
				rc = judge_fail();
				goto out;
			}
			if (m->found && m->reused < 0)
				found_add(&f, m);
			if (m->found && a->save && !f.saved[m->reused] &&
			    mutate_save_test(&jt->tools, ref_bin, jt->folder, &m->input,
					     &f.saved[m->reused]) < 0) {
				err_prefix("cannot save the input that kills '%s:%d'",
					   sols[i].file, m->line);
				rc = judge_fail();
				goto out;
			}
			if (m->found && a->save)
				m->saved = xstrdup(f.saved[m->reused]);
		}
out:
	grade_checker_close(chk);
	found_release(&f);
	free(ref);
	free(ref_bin);
	free(dir);
	return rc;
}

/* ---- printing --------------------------------------------------------------- */

/* Each test's kills: the mutants it was the first to reject. */
static int *test_kills(const struct db_problem *p, const struct mutate_solution *sols, size_t n)
{
	int *kills = xcalloc((size_t)p->test_count + 1, sizeof(*kills));
	size_t i, k;
	int t;

	for (i = 0; i < n; i++)
		for (k = 0; k < sols[i].m.n; k++)
			for (t = 0; sols[i].m.v[k].test && t < p->test_count; t++)
				if (!strcmp(p->tests[t].name, sols[i].m.v[k].test))
					kills[t]++;
	return kills;
}

static json_t *json_score(int killed, int survived)
{
	return killed + survived ? json_real((double)killed / (killed + survived)) : json_null();
}

static json_t *json_solution(const struct mutate_solution *s)
{
	json_t *surv = json_array(), *o;
	const struct mutate_mutant *m;
	size_t k;

	for (k = 0; k < s->m.n; k++) {
		m = &s->m.v[k];
		if (m->fate != MUTATE_SURVIVED)
			continue;
		o = json_pack("{s:i, s:s, s:s}", "line", m->line, "from", m->from, "to", m->to);
		if (m->found)
			json_object_set_new(o, "killing_input",
					    report_json_string(m->input.data, m->input.len));
		json_array_append_new(surv, o);
	}
	return json_pack("{s:s, s:I, s:i, s:i, s:i, s:o, s:o}", "file", s->file,
			 "mutants", (json_int_t)s->m.n, "killed", s->killed,
			 "survived", s->survived, "stillborn", s->stillborn,
			 "score", json_score(s->killed, s->survived), "survivors", surv);
}

static int print_json(const struct db_problem *p, const struct mutate_solution *sols, size_t n)
{
	json_t *root, *js = json_array(), *jt = json_array();
	int *kills = test_kills(p, sols, n), killed = 0, survived = 0, rc, t;
	size_t i;

	for (i = 0; i < n; i++) {
		json_array_append_new(js, json_solution(&sols[i]));
		killed += sols[i].killed;
		survived += sols[i].survived;
	}
	for (t = 0; t < p->test_count; t++)
		json_array_append_new(jt, json_pack("{s:s, s:i}", "name", p->tests[t].name,
						    "kills", kills[t]));
	root = json_pack("{s:s, s:o, s:o, s:o}", "problem", p->id, "solutions", js,
			 "tests", jt, "score", json_score(killed, survived));
	rc = report_print_json(root);
	json_decref(root);
	free(kills);
	return rc;
}

static void print_score(int killed, int survived, int width)
{
	if (killed + survived)
		printf("%*.1f%%", width ? width - 1 : 0, 100.0 * killed / (killed + survived));
	else
		printf("%*s", width, "-");
}

/* An input on one line, escaped ("3\n1 2 3"; the final newline left out),
 * at most 300 bytes of it. */
static void print_input(const struct buf *in)
{
	struct buf e = BUF_INIT;
	size_t n = in->len > 300 ? 300 : in->len;

	if (n == in->len && n > 0 && in->data[n - 1] == '\n')
		n--;
	text_escape(&e, in->data ? in->data : "", n, SIZE_MAX, 0);
	printf("%s%s", buf_str(&e), in->len > 300 ? " ..." : "");
	buf_release(&e);
}

/* "st", "nd", "rd", "th" */
static const char *ordinal(int n)
{
	if (n % 100 >= 11 && n % 100 <= 13)
		return "th";
	return n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

static void print_survivors(const struct judge_ctx *ctx, const struct mutate_solution *sols,
			    size_t n)
{
	const struct mutate_mutant *m;
	size_t i, k;
	int any = 0;

	for (i = 0; i < n; i++)
		for (k = 0; k < sols[i].m.n; k++) {
			m = &sols[i].m.v[k];
			if (m->fate != MUTATE_SURVIVED)
				continue;
			if (!any++)
				printf("\n%ssurvivors:%s\n", judge_color(ctx, "1"), judge_color(ctx, "0"));
			printf("  %s:%d: '%s' -> '%s'", sols[i].file, m->line, m->from, m->to);
			if (m->nth)
				printf(" (the %d%s '%s' on the line)", m->nth, ordinal(m->nth), m->from);
			if (m->stressed && m->found) {
				printf("\n      killed by: ");
				print_input(&m->input);
				if (m->saved)
					printf("  (saved as test '%s')", m->saved);
			} else if (m->stressed) {
				printf("  %spossibly equivalent%s", judge_color(ctx, "33"),
				       judge_color(ctx, "0"));
			}
			putchar('\n');
		}
}

static void print_tests(const struct judge_ctx *ctx, const struct db_problem *p,
			const struct mutate_solution *sols, size_t n)
{
	int *kills = test_kills(p, sols, n), t, w = 4, none = 0;

	for (t = 0; t < p->test_count; t++)
		if ((int)strlen(p->tests[t].name) > w)
			w = (int)strlen(p->tests[t].name);
	printf("\n%s%-*s  kills%s\n", judge_color(ctx, "1"), w, "test", judge_color(ctx, "0"));
	for (t = 0; t < p->test_count; t++)
		if (kills[t])
			printf("%-*s  %5d\n", w, p->tests[t].name, kills[t]);
	for (t = 0; t < p->test_count; t++)
		if (!kills[t])
			printf("%s%s", none++ ? ", " : "kill nothing: ", p->tests[t].name);
	if (none)
		putchar('\n');
	free(kills);
}

static void print_text(const struct judge_ctx *ctx, const struct mutate_args *a,
		       const struct db_problem *p, const struct mutate_solution *sols, size_t n,
		       long long wall_ms)
{
	size_t i, graded = 0, total = 0;
	int w = 8, killed = 0, survived = 0, stillborn = 0;

	for (i = 0; i < n; i++) {
		if ((int)strlen(sols[i].file) > w)
			w = (int)strlen(sols[i].file);
		graded += sols[i].m.n;
		total += sols[i].total;
	}
	printf("%s: %zu of %zu mutant%s", p->id, graded, total, total == 1 ? "" : "s");
	if (graded < total)
		printf(" (--max %zu, --seed %llu)", a->max, a->seed);
	printf(" of %zu accepted solution%s\n\n", n, n == 1 ? "" : "s");
	printf("%s%-*s  mutants  killed  survived  stillborn   score%s\n", judge_color(ctx, "1"),
	       w, "solution", judge_color(ctx, "0"));
	for (i = 0; i < n; i++) {
		printf("%-*s  %7zu  %6d  %8d  %9d  ", w, sols[i].file, sols[i].m.n,
		       sols[i].killed, sols[i].survived, sols[i].stillborn);
		print_score(sols[i].killed, sols[i].survived, 6);
		putchar('\n');
		killed += sols[i].killed;
		survived += sols[i].survived;
		stillborn += sols[i].stillborn;
	}
	print_survivors(ctx, sols, n);
	print_tests(ctx, p, sols, n);
	printf("\n%sscore: %d/%d killed = ", judge_color(ctx, "1"), killed, killed + survived);
	print_score(killed, survived, 0);
	printf("%s (%d stillborn) · %.1f s\n", judge_color(ctx, "0"), stillborn,
	       wall_ms / 1000.0);
}

/* ---- the command ------------------------------------------------------------ */

/* --stress needs the problem's generator: say so before grading. The exit
 * code. */
static int need_generator(const struct judge_ctx *ctx, const struct db_problem *p)
{
	static const char *const ext[] = { "c", "cc", "cpp", "cxx" };
	char *dir = judge_catalog_dir(ctx), *path;
	size_t i;
	int found = 0;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]) && !found; i++) {
		path = p->folder[0] == '/' ? xasprintf("%s/gen.%s", p->folder, ext[i]) :
			xasprintf("%s/%s/gen.%s", dir, p->folder, ext[i]);
		found = access(path, F_OK) == 0;
		free(path);
	}
	free(dir);
	return found ? 0 : judge_bad("problem '%s' has no generator (gen.c): --stress needs "
				     "one", p->id);
}

int cmd_mutate(struct judge_ctx *ctx, int argc, char **argv)
{
	struct mutate_args a;
	struct mutate_solution *sols = NULL;
	struct judge_tools jt;
	struct db_problem p = DB_PROBLEM_INIT;
	long long wall_ms = 0, start = util_monotonic_ms();
	size_t n = 0, i;
	int rc, failed = 0, survivors = 0;

	memset(&a, 0, sizeof(a));
	memset(&jt, 0, sizeof(jt));
	if (parse_args(argc, argv, &a, &rc) < 0)
		return rc;
	if ((rc = judge_find_problem(ctx, a.id, &p)) || (rc = load(ctx, &a, p.id, &sols, &n)) ||
	    (a.stress && (rc = need_generator(ctx, &p))))
		goto out;
	if (judge_cache_open(ctx) < 0) {
		rc = judge_fail();
		goto out;
	}
	if ((rc = grade(ctx, &a, p.id, sols, n, &wall_ms)))
		goto out;
	for (i = 0; i < n; i++) {
		failed += sols[i].failed;
		survivors += sols[i].survived;
	}
	if (a.stress && survivors &&
	    ((rc = judge_tools_open(ctx, p.id, &jt)) ||
	     (rc = stress_survivors(ctx, &a, &jt, sols, n))))
		goto out;
	wall_ms = util_monotonic_ms() - start;
	if (a.json && print_json(&p, sols, n) < 0) {
		err_set("cannot encode the result as JSON");
		rc = judge_fail();
		goto out;
	}
	if (!a.json)
		print_text(ctx, &a, &p, sols, n, wall_ms);
	rc = EXIT_ACCEPTED;
	if (failed) {
		err_set("the judge failed (IE) on %d mutant%s; they are left out of the score",
			failed, failed == 1 ? "" : "s");
		rc = judge_fail();
	}
out:
	judge_tools_close(&jt);
	for (i = 0; i < n; i++)
		mutate_solution_release(&sols[i]);
	free(sols);
	db_problem_release(&p);
	return rc;
}
