/* cmd_stress.c: 'judge stress ID FILE.c': run a solution and a reference on
 * generated inputs of growing size until they disagree, shrink the failing
 * input, show it, and save it as the user's local test of the problem.
 *
 * Interrupts (CMD_CANCEL): the first signal stops after the current run; what was
 * found so far is shown (a counterexample part-way through shrinking is
 * still saved) and the sandbox is cleaned up. A second one kills the judge
 * at once; its runs die with it (PR_SET_PDEATHSIG). */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/cli/tools.h"
#include "judge/domain/contest.h"
#include "judge/domain/grade.h"
#include "judge/domain/stress.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/util.h"

static const char stress_usage[] =
	"usage: judge stress ID FILE.c [--ref REF.c] [--iterations N] [--time S]\n"
	"                    [--seed S] [--mode ARGS] [--user NAME] [--json]\n"
	"\n"
	"Run the problem's generator (gen SEED SIZE) with growing SIZE and fresh\n"
	"seeds; run FILE.c and the reference on each input in the sandbox and\n"
	"compare them with the problem's checker. At the first disagreement,\n"
	"crash or timeout, shrink the input (smallest size, then seed, then\n"
	"deleting lines, tokens and grid columns, then making numbers smaller,\n"
	"while the validator accepts it and FILE.c still fails the same way),\n"
	"print it with the expected and actual output, and save it as a local\n"
	"test that your later 'judge submit' runs include (marked local).\n"
	"\n"
	"  --ref REF.c       the reference (default: the problem's first accepted\n"
	"                    solution in solutions/ID/accepted/)\n"
	"  --iterations N    inputs to try at most (default " UTIL_STR(STRESS_ITERATIONS) ")\n"
	"  --time S          seconds of searching at most (default " UTIL_STR(STRESS_TIME_S)
	"); shrinking\n"
	"                    takes at most " UTIL_STR(STRESS_SHRINK_S) " s ("
	UTIL_STR(STRESS_SHRINK_RUNS) " runs) more\n"
	"  --seed S          the first seed (default 1; then one more per input)\n"
	"  --mode ARGS       the generator's extra arguments (gen SEED SIZE ARGS);\n"
	"                    default: no arguments and each mode of gen.list in turn\n"
	"  --user NAME       save the local test for NAME (default: your login name;\n"
	"                    on PostgreSQL your database role, as for 'judge submit')\n"
	"  --json            print {\"found\": ..., ...} as one JSON object\n"
	"\n"
	"exit codes: 0 no counterexample found, 1 found, 2 bad usage or input,\n"
	"3 internal error or interrupted before anything was found\n";

/* Shown of an input or output in the text report. */
#define SHOW_LINES 20
#define SHOW_BYTES 2000

struct live {
	long long last_ms;
	int shown;
};

/* The progress line on a terminal, at most ten times a second. */
static void progress(void *arg, const struct stress_progress *p)
{
	struct live *l = arg;
	long long now = util_monotonic_ms();

	if (now - l->last_ms < 100)
		return;
	l->last_ms = now;
	fprintf(stderr, "\r\033[K%s: run %u, size %ld, seed %llu, %zu bytes",
		!strcmp(p->phase, "search") ? "searching" : "shrinking", p->runs, p->size,
		p->seed, p->bytes);
	fflush(stderr);
	l->shown = 1;
}

static void progress_clear(struct live *l)
{
	if (l->shown)
		fputs("\r\033[K", stderr);
	fflush(stderr);
	l->shown = 0;
}

/* Print a block of program text, each line marked, cut to SHOW_LINES lines
 * and SHOW_BYTES bytes, escaped for the terminal. */
static void show_block(const struct judge_ctx *ctx, const char *title, const struct buf *b)
{
	struct buf e = BUF_INIT;
	size_t n = 0, lines = 0, i, start;

	while (n < b->len && n < SHOW_BYTES && lines < SHOW_LINES)
		if (b->data[n++] == '\n')
			lines++;
	text_escape(&e, b->data ? b->data : "", n, SIZE_MAX, TEXT_KEEP_LINES);
	printf("%s%s%s (%zu bytes)%s\n", judge_color(ctx, "1"), title, judge_color(ctx, "0"),
	       b->len, b->len == 0 ? ": empty" : "");
	for (i = 0, start = 0; i <= e.len; i++) {
		if (i == e.len || e.data[i] == '\n') {
			if (i > start || i < e.len)
				printf("  | %.*s\n", (int)(i - start), e.data + start);
			start = i + 1;
		}
	}
	if (n < b->len)
		printf("  | ... (%zu more bytes)\n", b->len - n);
	buf_release(&e);
}

static void print_json(const struct stress_result *r)
{
	json_t *j;

	if (r->found)
		j = json_pack("{s:b, s:I, s:I, s:o, s:o, s:o, s:s}",
			      "found", 1, "size", (json_int_t)r->size,
			      "seed", (json_int_t)r->seed,
			      "input", report_json_string(r->input.data, r->input.len),
			      "expected", report_json_string(r->expected.data, r->expected.len),
			      "got", report_json_string(r->got.data, r->got.len),
			      "verdict", verdict_name(r->verdict));
	else
		j = json_pack("{s:b, s:I}", "found", 0, "runs", (json_int_t)r->runs);
	report_print_json(j);
	json_decref(j);
}

static void print_text(const struct judge_ctx *ctx, const char *id, const struct stress_result *r,
		       const char *local, double secs, int interactive, int testlib)
{
	struct buf g1 = BUF_INIT, g2 = BUF_INIT;
	struct buf msg = BUF_INIT;

	if (!r->found) {
		printf("%s: no counterexample in %u run%s (sizes %ld..%ld, %.1f s)\n", id, r->runs,
		       r->runs == 1 ? "" : "s", stress_size_at(0), stress_size_at(r->runs ? r->runs - 1 : 0), secs);
		return;
	}
	stress_gen_line(testlib, r->found_seed, r->found_size, r->mode, &g1);
	stress_gen_line(testlib, r->seed, r->size, r->mode, &g2);
	printf("%s: %s%s%s after %u run%s, on '%s' (%zu bytes)\n", id,
	       judge_color(ctx, report_verdict_color(r->verdict)), verdict_name(r->verdict),
	       judge_color(ctx, "0"), r->runs, r->runs == 1 ? "" : "s", buf_str(&g1),
	       r->found_bytes);
	printf("minimal input after %u shrinking run%s%s: %zu bytes, from '%s'\n",
	       r->shrink_runs, r->shrink_runs == 1 ? "" : "s",
	       r->interrupted ? " (interrupted)" : "", r->input.len, buf_str(&g2));
	buf_release(&g1);
	buf_release(&g2);
	show_block(ctx, "input", &r->input);
	if (!interactive) {         /* the programs talked with the interactor */
		show_block(ctx, "expected", &r->expected);
		show_block(ctx, "got", &r->got);
	}
	if (r->message[0]) {
		text_escape(&msg, r->message, strlen(r->message), SIZE_MAX, 0);
		printf("%s: %s\n", r->verdict == V_WA || r->verdict == V_PE ?
		       (interactive ? "interactor" : "checker") : "run", buf_str(&msg));
	}
	if (local)
		printf("saved as local test '%s': 'judge submit %s FILE.c' runs it after the "
		       "problem's tests\n", local, id);
	buf_release(&msg);
}

struct stress_args {
	struct stress_opts so;
	char *user, *ref;            /* owned */
	const char *id, *file, *mode;
	int json;
};

static void args_release(struct stress_args *a)
{
	free(a->user);
	free(a->ref);
}

static int bad_number(int opt, const char *arg)
{
	return judge_bad("bad --%s '%s': expected a whole number %s",
			 opt == 'n' ? "iterations" : opt == 't' ? "time" : "seed",
			 arg, opt == 's' ? "of at least 1" : "from 1 to 1000000");
}

/* One numeric option into a; 0, or -1 when it is not a valid number. */
static int set_number(struct stress_args *a, int opt, const char *arg)
{
	unsigned long long v;
	char *end;

	v = strtoull(arg, &end, 10);
	if (!*arg || *end || arg[0] == '-' ||
	    (opt != 's' && (v < 1 || v > 1000000)) || (opt == 's' && v < 1))
		return -1;
	if (opt == 'n')
		a->so.iterations = (unsigned)v;
	else if (opt == 't')
		a->so.time_ms = (unsigned)v * 1000;
	else
		a->so.first_seed = v;
	return 0;
}

/* Parse argv into a; -1 when the command is done (help, or an error), with
 * *rc the exit code. */
static int parse_args(int argc, char **argv, struct stress_args *a, int *rc)
{
	static const struct option opts[] = {
		{ "ref", required_argument, NULL, 'r' },
		{ "iterations", required_argument, NULL, 'n' },
		{ "time", required_argument, NULL, 't' },
		{ "seed", required_argument, NULL, 's' },
		{ "mode", required_argument, NULL, 'M' },
		{ "user", required_argument, NULL, 'u' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	while ((c = judge_getopt(argc, argv, "h", opts, "stress")) != -1) {
		switch (c) {
		case 'r':
			free(a->ref);
			a->ref = xstrdup(optarg);
			break;
		case 'n':
		case 't':
		case 's':
			if (set_number(a, c, optarg) < 0)
				return *rc = bad_number(c, optarg), -1;
			break;
		case 'M': a->mode = optarg; break;
		case 'u':
			free(a->user);
			a->user = xstrdup(optarg);
			break;
		case 'j': a->json = 1; break;
		case 'h': fputs(stress_usage, stdout); return *rc = EXIT_ACCEPTED, -1;
		default: return *rc = EXIT_BAD_INPUT, -1;
		}
	}
	if (argc - optind != 2) {
		fputs(stress_usage, stderr);
		return *rc = judge_bad("stress needs a problem id and a C source file"), -1;
	}
	a->id = argv[optind];
	a->file = argv[optind + 1];
	if (a->user && contest_check_user(a->user) < 0) {
		err_prefix("bad --user");
		return *rc = judge_fail(), -1;
	}
	return 0;
}

/* The two programs compiled and the checker ready (it borrows env): 0, or
 * the exit code. */
static int prepare(struct judge_ctx *ctx, struct stress_args *a, struct judge_tools *jt,
		   char **sol_bin, char **ref_bin, struct grade_env *env,
		   struct grade_checker **chk)
{
	char *dir;
	int rc;

	if ((rc = judge_tools_open(ctx, a->id, jt)))
		return rc;
	if (!a->ref) {
		dir = judge_catalog_dir(ctx);
		a->ref = stress_default_ref(dir, jt->p.id);
		free(dir);
		if (!a->ref)
			return judge_bad("problem '%s' has no accepted solution to use as the "
					 "reference; pass one with --ref REF.c", jt->p.id);
	}
	if (a->mode)
		stress_tools_set_mode(&jt->tools, a->mode);
	if ((rc = judge_tools_compile(jt, a->file, "solution", sol_bin)) ||
	    (rc = judge_tools_compile(jt, a->ref, "reference", ref_bin)))
		return rc;
	env->db = ctx->db;
	env->sbx = ctx->sbx;
	env->cache = ctx->cache;
	env->tests = NULL;
	*chk = grade_checker_open(env, &jt->p);
	return *chk ? 0 : judge_fail();
}

/* Search and shrink; 0 with r filled, or the exit code. */
static int search(struct judge_ctx *ctx, struct stress_args *a, struct judge_tools *jt,
		  const char *sol_bin, const char *ref_bin, struct grade_checker *chk,
		  struct stress_result *r, double *secs)
{
	struct live live = { 0, 0 };
	long long start = util_monotonic_ms();
	int rc;

	a->so.cancel = ctx->cancel;
	if (!ctx->quiet && isatty(2)) {
		a->so.progress = progress;
		a->so.progress_arg = &live;
	}
	rc = stress_search(&jt->tools, chk, sol_bin, ref_bin, &a->so, r);
	if (rc == 0 && r->found && !r->interrupted)
		rc = stress_shrink(&jt->tools, chk, sol_bin, ref_bin, &a->so, r);
	*secs = (double)(util_monotonic_ms() - start) / 1000.0;
	progress_clear(&live);
	if (rc < 0)
		return judge_fail();
	if (!r->found && r->interrupted) {
		err_cancelled("interrupted after %u run%s, before any counterexample", r->runs,
			      r->runs == 1 ? "" : "s");
		return judge_fail();
	}
	return 0;
}

int cmd_stress(struct judge_ctx *ctx, int argc, char **argv)
{
	struct stress_args a;
	struct stress_result r = STRESS_RESULT_INIT;
	struct judge_tools jt;
	struct grade_checker *chk = NULL;
	struct grade_env env;
	char *sol_bin = NULL, *ref_bin = NULL, *local = NULL, *given;
	double secs;
	int rc;

	memset(&a, 0, sizeof(a));
	memset(&jt, 0, sizeof(jt));
	if (parse_args(argc, argv, &a, &rc) < 0)
		goto out;
	/* the login name, or on PostgreSQL the database role */
	given = a.user;
	rc = judge_user(ctx, given, &a.user);
	free(given);
	if (rc)
		goto out;
	if ((rc = prepare(ctx, &a, &jt, &sol_bin, &ref_bin, &env, &chk)) ||
	    (rc = search(ctx, &a, &jt, sol_bin, ref_bin, chk, &r, &secs)))
		goto out;
	if (r.found && db_local_test_add(ctx->db, jt.p.id, a.user, "stress",
					 r.input.data ? r.input.data : "", r.input.len,
					 r.expected.data ? r.expected.data : "",
					 r.expected.len, &local, NULL) < 0) {
		err_prefix("cannot save the local test");
		rc = judge_fail();
		goto out;
	}
	if (a.json)
		print_json(&r);
	else
		print_text(ctx, jt.p.id, &r, local, secs, jt.p.interactor_file != NULL,
			   jt.p.generator_contract == DB_CONTRACT_TESTLIB);
	rc = r.found ? EXIT_REJECTED : EXIT_ACCEPTED;
out:
	grade_checker_close(chk);
	judge_tools_close(&jt);
	stress_result_release(&r);
	free(sol_bin);
	free(ref_bin);
	free(local);
	args_release(&a);
	return rc;
}
