/* submit.c: grade one source file for the terminal (see submit.h).
 *
 * Interrupts: the first SIGINT/SIGTERM lets the current test finish (at most
 * its wall limit), then the submission is recorded as IE "interrupted", the
 * sandbox is cleaned up and the exit code is 3. A second one kills the judge
 * at once (the default action is restored): its run dies with it
 * (PR_SET_PDEATHSIG) and the 'running' row is marked IE by the next command
 * (db_submissions_reap). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/compile.h"
#include "judge/judge.h"
#include "judge/report.h"
#include "judge/submit.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct live {
	const struct judge_ctx *ctx;
	int header, width;
};

/* Print each test's row as soon as it is judged. */
static void progress(void *arg, const struct grade_result *r, const struct grade_test *t)
{
	struct live *l = arg;

	if (!t) {
		if (r->compile_cached)
			printf("compile: %s (cached)\n", r->compile_ok ? "ok" : "error");
		else
			printf("compile: %s in %u ms\n", r->compile_ok ? "ok" : "error",
			       r->compile_time_ms);
		fflush(stdout);
		return;
	}
	if (!l->header) {
		report_table_header(l->ctx, stdout, l->width);
		l->header = 1;
	}
	report_table_row(l->ctx, stdout, l->width, r->ntests, t);
	fflush(stdout);
}

int submit_file(struct judge_ctx *ctx, const struct submit_req *req)
{
	struct db_problem p = DB_PROBLEM_INIT;
	struct compile_cache cache = COMPILE_CACHE_INIT;
	struct grade_opts go = GRADE_OPTS_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	struct buf source = BUF_INIT;
	struct live live = { ctx, 0, 0 };
	struct sigaction sa, old_int, old_term;
	struct grade_env env;
	struct sbx *s = NULL;
	int rc, graded, i;
	json_t *j;

	if ((rc = judge_find_problem(ctx, req->problem, &p)))
		goto out;
	if (compile_read_source(req->path, &source) < 0) {
		rc = judge_error("%s", err_msg());
		goto out;
	}
	if (compile_cache_open(&cache, ctx->root) < 0) {
		judge_error("compile cache: %s", err_msg());
		rc = EXIT_INTERNAL;
		goto out;
	}
	s = sbx_open(0);
	if (!s) {
		judge_error("cannot set up the sandbox: %s", err_msg());
		rc = EXIT_INTERNAL;
		goto out;
	}
	judge_sandbox_warn(ctx, s);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESETHAND;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	env.db = ctx->db;
	env.sbx = s;
	env.cache = &cache;
	go.user = req->user;
	go.store = 1;
	go.fail_fast = req->fail_fast;
	go.contest = req->contest;
	go.letter = req->letter;
	go.submitted_at = req->submitted_at;
	go.cancel = &interrupted;
	if (!req->json && !ctx->quiet) {
		char **names = xcalloc((size_t)p.test_count + 1, sizeof(*names));

		for (i = 0; i < p.test_count; i++)
			names[i] = p.tests[i].name;
		live.width = report_name_width((const char *const *)names, (size_t)p.test_count);
		free(names);
		go.progress = progress;
		go.progress_arg = &live;
	}
	graded = grade_submission(&env, &p, buf_str(&source), source.len, &go, &r);

	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);

	if (req->json) {
		j = report_json(&r);
		if (req->after)
			req->after(req->arg, &r, j);
		report_print_json(j);
		json_decref(j);
	} else {
		if (r.verdict == V_CE)
			report_compile_error(ctx, stdout, &r, 20);
		report_summary(ctx, stdout, &r);
		if (req->after)
			req->after(req->arg, &r, NULL);
	}
	if (graded < 0) {
		judge_error("cannot record the result: %s", err_msg());
		rc = EXIT_INTERNAL;
	} else if (r.verdict == V_IE) {
		judge_error("internal error while grading '%s': %s", p.id,
			    r.error ? r.error : "unknown");
		rc = EXIT_INTERNAL;
	} else {
		rc = r.verdict == V_AC ? EXIT_ACCEPTED : EXIT_REJECTED;
	}

out:
	if (s)
		sbx_close(s);
	grade_result_release(&r);
	compile_cache_release(&cache);
	db_problem_release(&p);
	buf_release(&source);
	return rc;
}
