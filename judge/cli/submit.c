/* submit.c: grade one source file for the terminal (see submit.h).
 *
 * Interrupts (ctx->cancel, CMD_CANCEL): the first SIGINT/SIGTERM/SIGHUP lets
 * the current test finish (at most its wall limit), then the submission is
 * recorded as IE "interrupted", the sandbox is cleaned up and the exit code
 * is 3. A second one kills the current run at once (sbx_cancel) and records
 * the same. A third kills the judge (the default action is restored): its
 * run dies with it (PR_SET_PDEATHSIG) and the 'running' row is marked IE by
 * the next command (db_submissions_reap). A terminal's Ctrl-C reaches only
 * the judge: the sandbox's processes are in a process group of their own. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/domain/catalog.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/cli/report.h"
#include "judge/cli/submit.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

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
	struct grade_opts go = GRADE_OPTS_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	struct buf source = BUF_INIT;
	struct live live = { ctx, 0, 0 };
	struct grade_env env;
	int rc, graded, i;
	json_t *j;

	if ((rc = judge_find_problem(ctx, req->problem, &p)))
		goto out;
	if (compile_read_source(req->path, &source) < 0) {
		rc = judge_fail();
		goto out;
	}
	if ((rc = judge_sandbox(ctx)))
		goto out;
	env.db = ctx->db;
	env.sbx = ctx->sbx;
	env.cache = ctx->cache;
	go.user = req->user;
	go.lang = req->lang >= 0 ? (enum compile_lang)req->lang : compile_lang_of_path(req->path);
	go.file_name = strrchr(req->path, '/') ? strrchr(req->path, '/') + 1 : req->path;
	go.store = 1;
	/* a scoring problem runs every group (its results are per group) */
	go.fail_fast = req->fail_fast && !(p.scoring && !req->contest);
	go.contest = req->contest;
	go.letter = req->letter;
	go.submitted_at = req->submitted_at;
	go.cancel = ctx->cancel;
	go.repeat = req->repeat;
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

	if (req->json) {
		j = report_json(&r);
		if (p.scoring)
			json_object_set_new(j, "groups", report_json_groups(&p, &r));
		if (req->after)
			req->after(req->arg, &r, j);
		report_print_json(j);
		json_decref(j);
	} else {
		if (live.header && r.nskipped)
			report_skipped(ctx, stdout, live.width, &r);
		if (r.verdict == V_CE)
			report_compile_error(ctx, stdout, &r, 20);
		if (p.scoring && r.verdict != V_CE && r.ntests)
			report_groups(ctx, stdout, &p, &r);
		report_summary(ctx, stdout, &r);
		if (req->after)
			req->after(req->arg, &r, NULL);
	}
	if (graded < 0) {
		err_prefix("cannot record the result");
		rc = judge_fail();
	} else if (r.verdict == V_IE) {
		err_set("internal error while grading '%s': %s", p.id,
			r.error ? r.error : "unknown");
		rc = judge_fail();
	} else {
		rc = r.verdict == V_AC ? EXIT_ACCEPTED : EXIT_REJECTED;
	}

out:
	grade_result_release(&r);
	db_problem_release(&p);
	buf_release(&source);
	return rc;
}

/* ---- a contest submission --------------------------------------------------- */

struct contest_note {
	const char *contest, *letter, *user;
	char left[32];
	int minute;
};

/* After grading: where the submission counts. */
static void contest_after(void *arg, const struct grade_result *r, json_t *j)
{
	const struct contest_note *n = arg;

	if (j) {
		/* design.md's submission object plus where it counts */
		json_object_set_new(j, "contest", json_string(n->contest));
		json_object_set_new(j, "letter", json_string(n->letter));
		json_object_set_new(j, "user", json_string(n->user));
		json_object_set_new(j, "minute", json_integer(n->minute));
		return;
	}
	printf("contest '%s', problem %s, minute %d, %s left%s\n", n->contest,
	       n->letter, n->minute, n->left, r->verdict == V_CE ?
	       " (a compile error costs no penalty)" : "");
}

int submit_contest_file(struct judge_ctx *ctx, const char *contest, const char *which,
			const char *path, int lang, const char *user, int json)
{
	struct db_contest c = DB_CONTEST_INIT;
	struct submit_req req = { 0 };
	struct contest_entry e;
	struct contest_note note;
	time_t now, end;
	int rc;

	if (util_now(&now) < 0 || contest_load(ctx->db, contest, &c) < 0 ||
	    contest_entry_check(ctx->db, &c, which, user, now, &e) < 0) {
		rc = judge_fail();
		goto out;
	}
	end = contest_end(&e.rules, e.started);
	note.contest = c.id;
	note.letter = e.letter;
	note.user = user;
	contest_format_duration(end > now ? (long)(end - now + 59) / 60 : 0, note.left);
	note.minute = contest_minute(e.started, now);
	req.problem = e.problem;
	req.path = path;
	req.lang = lang;
	req.user = user;
	req.json = json;
	req.fail_fast = 1;   /* contest submissions always stop at the first failure */
	req.contest = c.id;
	req.letter = e.letter;
	/* stored at the moment the window was checked, so a submission accepted
	 * in the window's last second counts */
	req.submitted_at = now;
	req.after = contest_after;
	req.arg = &note;
	if (ctx->cancel == NULL)
		judge_signals_catch(ctx);
	rc = submit_file(ctx, &req);
out:
	db_contest_release(&c);
	return rc;
}
