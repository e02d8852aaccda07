/* cmd_stress.c: 'judge stress ID FILE.c': run a solution and a reference on
 * generated inputs of growing size until they disagree, shrink the failing
 * input, show it, and save it as the user's local test of the problem.
 *
 * Interrupts: the first SIGINT/SIGTERM stops after the current run; what was
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

#include "judge/compile.h"
#include "judge/contest.h"
#include "judge/grade.h"
#include "judge/judge.h"
#include "judge/report.h"
#include "judge/stress.h"
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
	"  --iterations N    inputs to try at most (default 300)\n"
	"  --time S          seconds of searching at most (default 60); shrinking\n"
	"                    takes at most 30 s (3000 runs) more\n"
	"  --seed S          the first seed (default 1; then one more per input)\n"
	"  --mode ARGS       the generator's extra arguments (gen SEED SIZE ARGS);\n"
	"                    default: no arguments and each mode of gen.list in turn\n"
	"  --user NAME       save the local test for NAME (default: login name)\n"
	"  --json            print {\"found\": ..., ...} as one JSON object\n"
	"\n"
	"exit codes: 0 no counterexample found, 1 found, 2 bad usage or input,\n"
	"3 internal error or interrupted before anything was found\n";

/* Shown of an input or output in the text report. */
#define SHOW_LINES 20
#define SHOW_BYTES 2000

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

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
		       const char *local, double secs)
{
	struct buf msg = BUF_INIT;

	if (!r->found) {
		printf("%s: no counterexample in %u runs (sizes %ld..%ld, %.1f s)\n", id, r->runs,
		       stress_size_at(0), stress_size_at(r->runs ? r->runs - 1 : 0), secs);
		return;
	}
	printf("%s: %s%s%s after %u runs, on 'gen %llu %ld%s%s' (%zu bytes)\n", id,
	       judge_color(ctx, report_verdict_color(r->verdict)), verdict_name(r->verdict),
	       judge_color(ctx, "0"), r->runs, r->found_seed, r->found_size,
	       *r->mode ? " " : "", r->mode, r->found_bytes);
	printf("minimal input after %u shrinking runs%s: %zu bytes, from 'gen %llu %ld%s%s'\n",
	       r->shrink_runs, r->interrupted ? " (interrupted)" : "", r->input.len, r->seed,
	       r->size, *r->mode ? " " : "", r->mode);
	show_block(ctx, "input", &r->input);
	show_block(ctx, "expected", &r->expected);
	show_block(ctx, "got", &r->got);
	if (r->message[0]) {
		text_escape(&msg, r->message, strlen(r->message), SIZE_MAX, 0);
		printf("%s: %s\n", r->verdict == V_WA || r->verdict == V_PE ? "checker" : "run",
		       buf_str(&msg));
	}
	if (local)
		printf("saved as local test '%s': 'judge submit %s FILE.c' runs it after the "
		       "problem's tests\n", local, id);
	buf_release(&msg);
}

int cmd_stress(struct judge_ctx *ctx, int argc, char **argv)
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
	struct stress_opts so = STRESS_OPTS_INIT;
	struct stress_result r = STRESS_RESULT_INIT;
	struct stress_session ss;
	struct sigaction sa, old_int, old_term;
	struct grade_checker *chk = NULL;
	struct grade_env env;
	struct live live = { 0, 0 };
	char *user = NULL, *ref = NULL, *sol_bin = NULL, *ref_bin = NULL, *local = NULL, *end;
	const char *id, *file, *mode = NULL;
	long long start;
	double secs;
	int c, json = 0, rc, signals = 0;
	unsigned long long v;

	memset(&ss, 0, sizeof(ss));
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'r':
			free(ref);
			ref = xstrdup(optarg);
			break;
		case 'n':
		case 't':
		case 's':
			v = strtoull(optarg, &end, 10);
			if (!*optarg || *end || optarg[0] == '-' ||
			    (c != 's' && (v < 1 || v > 1000000)) || (c == 's' && v < 1)) {
				rc = judge_error("bad --%s '%s': expected a whole number %s",
						 c == 'n' ? "iterations" : c == 't' ? "time" : "seed",
						 optarg, c == 's' ? "of at least 1" : "from 1 to 1000000");
				goto out;
			}
			if (c == 'n')
				so.iterations = (unsigned)v;
			else if (c == 't')
				so.time_ms = (unsigned)v * 1000;
			else
				so.first_seed = v;
			break;
		case 'M':
			mode = optarg;
			break;
		case 'u':
			free(user);
			user = xstrdup(optarg);
			break;
		case 'j': json = 1; break;
		case 'h':
			fputs(stress_usage, stdout);
			rc = EXIT_ACCEPTED;
			goto out;
		default:
			fputs(stress_usage, stderr);
			rc = EXIT_BAD_INPUT;
			goto out;
		}
	}
	if (argc - optind != 2) {
		fputs(stress_usage, stderr);
		rc = judge_error("stress needs a problem id and a C source file");
		goto out;
	}
	id = argv[optind];
	file = argv[optind + 1];
	if (!user)
		user = contest_login_name();
	if (contest_check_user(user) < 0) {
		rc = judge_error("bad --user: %s", err_msg());
		goto out;
	}
	if ((rc = stress_session_open(ctx, id, &ss)))
		goto out;
	if (!ref && !(ref = stress_default_ref(ctx, ss.p.id))) {
		rc = judge_error("problem '%s' has no accepted solution to use as the "
				 "reference; pass one with --ref REF.c", ss.p.id);
		goto out;
	}
	if (mode)
		stress_tools_set_mode(&ss.tools, mode);
	if ((rc = stress_compile_file(&ss, file, "solution", &sol_bin)) ||
	    (rc = stress_compile_file(&ss, ref, "reference", &ref_bin)))
		goto out;
	env.db = ctx->db;
	env.sbx = ss.sbx;
	env.cache = ss.cache;
	chk = grade_checker_open(&env, &ss.p);
	if (!chk) {
		judge_error("%s", err_msg());
		rc = EXIT_INTERNAL;
		goto out;
	}

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);
	signals = 1;
	so.cancel = &interrupted;
	if (!ctx->quiet && isatty(2)) {
		so.progress = progress;
		so.progress_arg = &live;
	}

	start = util_monotonic_ms();
	rc = stress_search(&ss.tools, chk, sol_bin, ref_bin, &so, &r);
	if (rc == 0 && r.found && !r.interrupted)
		rc = stress_shrink(&ss.tools, chk, sol_bin, ref_bin, &so, &r);
	secs = (double)(util_monotonic_ms() - start) / 1000.0;
	progress_clear(&live);
	if (rc) {
		judge_error("%s", err_msg());
		rc = rc == STRESS_BAD ? EXIT_BAD_INPUT : EXIT_INTERNAL;
		goto out;
	}
	if (!r.found && r.interrupted) {
		rc = judge_error("interrupted after %u runs, before any counterexample", r.runs);
		rc = EXIT_INTERNAL;
		goto out;
	}
	if (r.found && db_local_test_add(ctx->db, ss.p.id, user, r.input.data ? r.input.data : "",
					 r.input.len, r.expected.data ? r.expected.data : "",
					 r.expected.len, &local, NULL) < 0) {
		judge_error("cannot save the local test: %s", err_msg());
		rc = EXIT_INTERNAL;
		goto out;
	}
	if (json)
		print_json(&r);
	else
		print_text(ctx, ss.p.id, &r, local, secs);
	rc = r.found ? EXIT_REJECTED : EXIT_ACCEPTED;

out:
	if (signals) {
		sigaction(SIGINT, &old_int, NULL);
		sigaction(SIGTERM, &old_term, NULL);
	}
	grade_checker_close(chk);
	stress_session_close(&ss);
	stress_result_release(&r);
	free(sol_bin);
	free(ref_bin);
	free(local);
	free(user);
	free(ref);
	return rc;
}
