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
#include "judge/domain/queue.h"
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
		report_compile_line(stdout, r->compile_ok, r->compile_cached, r->compile_time_ms);
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

/* After grading (graded: grade_submission's return): the JSON object or
 * the skipped tests, compile error and summary; the exit code. */
static int submit_output(struct judge_ctx *ctx, const struct submit_req *req,
			 const struct db_problem *p, struct grade_result *r, int graded,
			 const struct live *live)
{
	json_t *j;

	if (req->json) {
		j = report_json(r);
		if (p->scoring)
			json_object_set_new(j, "groups", report_json_groups(p, r));
		if (req->after)
			req->after(req->arg, r, j);
		report_print_json(j);
		json_decref(j);
	} else {
		if (live->header && r->nskipped)
			report_skipped(ctx, stdout, live->width, r);
		if (r->verdict == V_CE)
			report_compile_error(ctx, stdout, r, 20);
		if (p->scoring && r->verdict != V_CE && r->ntests)
			report_groups(ctx, stdout, p, r);
		report_summary(ctx, stdout, r);
		if (req->after)
			req->after(req->arg, r, NULL);
	}
	if (graded < 0) {
		err_prefix("cannot record the result");
		return judge_fail();
	}
	if (r->verdict == V_IE) {
		err_set("internal error while grading '%s': %s", p->id,
			r->error ? r->error : "unknown");
		return judge_fail();
	}
	return r->verdict == V_AC ? EXIT_ACCEPTED : EXIT_REJECTED;
}

static void job_done(void *arg, size_t i, long long submission)
{
	(void)i;
	*(long long *)arg = submission;
}

/* The tests of p that a fail-fast grading did not run: those after the
 * last one it ran. */
static void fill_skipped(const struct db_problem *p, struct grade_result *r)
{
	size_t ran = 0, k;

	for (k = 0; k < r->ntests; k++)
		ran += !r->tests[k].is_local;
	if (r->verdict == V_AC || ran >= (size_t)p->test_count || r->verdict == V_CE)
		return;
	r->skipped = xcalloc((size_t)p->test_count - ran, sizeof(*r->skipped));
	for (k = ran; k < (size_t)p->test_count; k++)
		r->skipped[r->nskipped++] = xstrdup(p->tests[k].name);
}

/* --queue: enqueue the source, wait for a worker to grade it, and show the
 * stored submission as a local run shows its result. */
static int submit_queued(struct judge_ctx *ctx, const struct submit_req *req,
			 const struct db_problem *p, const struct buf *source,
			 const struct grade_opts *go, struct live *live)
{
	struct db_submission s = DB_SUBMISSION_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	long long sub = 0;
	struct db_job j;
	size_t i, n;
	int rc;

	queue_job_for(&j, p->id, req->user, buf_str(source), compile_lang_name(go->lang),
		      go->file_name, go->fail_fast);
	j.contest = (char *)req->contest;
	j.letter = (char *)req->letter;
	j.submitted_at = req->submitted_at;
	j.repeat = go->repeat;
	if (db_job_enqueue(ctx->db, &j) < 0)
		return judge_fail();
	if (!ctx->quiet)
		fprintf(stderr, "judge: queued as job %lld; waiting for a worker\n", j.id);
	if (queue_wait(ctx->db, &j.id, 1, ctx->cancel, job_done, &sub) < 0) {
		err_prefix("job %lld is still queued and will be graded: 'judge queue' shows "
			   "its submission when it is done", j.id);
		return judge_fail();
	}
	if (db_submission_get(ctx->db, sub, &s) != 0)
		return judge_fail();
	grade_result_from_db(&s, p, &r);
	if (go->fail_fast)
		fill_skipped(p, &r);
	if (go->progress) {
		/* the live table's rows, all at once: as the progress callback
		 * sees them, r->ntests counts the tests so far */
		go->progress(live, &r, NULL);
		for (i = 0, n = r.ntests; i < n; i++) {
			r.ntests = i + 1;
			go->progress(live, &r, &r.tests[i]);
		}
	}
	rc = submit_output(ctx, req, p, &r, 0, live);
	grade_result_release(&r);
	db_submission_release(&s);
	return rc;
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

	if ((rc = judge_find_problem(ctx, req->problem, &p)))
		goto out;
	if (compile_read_source(req->path, &source) < 0) {
		rc = judge_fail();
		goto out;
	}
	if (!req->queue && (rc = judge_sandbox(ctx)))
		goto out;
	env.db = ctx->db;
	env.sbx = ctx->sbx;
	env.cache = ctx->cache;
	env.tests = NULL;
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
	if (req->queue) {
		rc = submit_queued(ctx, req, &p, &source, &go, &live);
		goto out;
	}
	graded = grade_submission(&env, &p, buf_str(&source), source.len, &go, &r);
	rc = submit_output(ctx, req, &p, &r, graded, &live);
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
			const char *path, int lang, const char *user, int json, int queue)
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
	/* a shared contest's submissions are graded by the workers: a
	 * participant's role may not store them itself */
	req.queue = queue || (ctx->db && db_is_uri(ctx->db_path) &&
			      db_can_write_catalog(ctx->db) == 0);
	if (ctx->cancel == NULL)
		judge_signals_catch(ctx);
	rc = submit_file(ctx, &req);
out:
	db_contest_release(&c);
	return rc;
}
