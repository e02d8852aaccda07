/* cmd_result.c: 'judge result N': one submission in full, or its source. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "judge/domain/check.h"
#include "judge/domain/grade.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/util.h"

static const char result_usage[] =
	"usage: judge result N [--source] [--json]\n"
	"\n"
	"Show submission N in full: who, when, the compile result, every test's\n"
	"verdict, time, memory and message, and the overall verdict.\n"
	"\n"
	"  --source   print the submitted source exactly as it was stored (on a\n"
	"             terminal, bytes that are not UTF-8 are shown as \\xHH)\n"
	"  --json     print the result as JSON (the object of 'judge submit --json',\n"
	"             plus user, submitted_at, status, error); with --source, the\n"
	"             same object with the source as its \"source\" string\n";

/* The inputs and answers of sample tests that got WA or PE, from the database (when the
 * problem still has a test of that name). */
static void add_sample_inputs(struct judge_ctx *ctx, const struct db_problem *p,
			      struct grade_result *r)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	size_t i, k;

	for (i = 0; i < r->ntests; i++) {
		if (!r->tests[i].is_sample ||
		    (r->tests[i].verdict != V_WA && r->tests[i].verdict != V_PE))
			continue;
		for (k = 0; k < (size_t)p->test_count; k++) {
			if (strcmp(p->tests[k].name, r->tests[i].name))
				continue;
			buf_reset(&in);
			buf_reset(&ans);
			if (db_test_data(ctx->db, p->tests[k].id, &in, &ans) == 0) {
				r->tests[i].input = grade_input_excerpt(buf_str(&in), in.len);
				r->tests[i].expected = grade_input_excerpt(buf_str(&ans), ans.len);
			}
			break;
		}
	}
	buf_release(&in);
	buf_release(&ans);
}

static void print_json(const struct db_submission *s, const struct grade_result *r,
		       const struct db_problem *p, const char *when, int source)
{
	json_t *j = report_json(r);

	if (p && p->scoring)
		json_object_set_new(j, "groups", report_json_groups(p, r));
	json_object_set_new(j, "user", report_json_string(s->user, strlen(s->user)));
	json_object_set_new(j, "submitted_at", json_string(when));
	json_object_set_new(j, "status", json_string(s->running ? "running" : "done"));
	if (s->running)
		json_object_set_new(j, "verdict", json_null());
	json_object_set_new(j, "error", s->error ? report_json_string(s->error,
			    strlen(s->error)) : json_null());
	/* bytes that are not UTF-8 (a Latin-1 comment) become U+FFFD: JSON
	 * strings are Unicode; 'result --source' keeps the exact bytes */
	if (source)
		json_object_set_new(j, "source", report_json_string(s->source ? s->source : "",
				    s->source ? strlen(s->source) : 0));
	report_print_json(j);
	json_decref(j);
}

static void print_text(const struct judge_ctx *ctx, const struct db_submission *s,
		       const struct grade_result *r, const struct db_problem *p,
		       const char *when)
{
	struct buf user = BUF_INIT, file = BUF_INIT;
	char **names;
	int width;
	size_t i;

	text_escape(&user, s->user, strlen(s->user), 64, TEXT_QUOTE);
	if (s->file_name) {
		text_escape(&file, s->file_name, strlen(s->file_name), 64, TEXT_QUOTE);
		buf_addstr(&file, " \xc2\xb7 ");
	}
	printf("submission %lld \xc2\xb7 %s \xc2\xb7 %s \xc2\xb7 %s%s \xc2\xb7 %s\n", s->id,
	       s->problem, r->lang == LANG_CXX ? "C++" : "C", buf_str(&file), buf_str(&user), when);
	buf_release(&user);
	buf_release(&file);
	if (!s->compile_ok && !s->running && s->verdict == V_CE)
		report_compile_error(ctx, stdout, r, 200);
	else if (s->compile_ok)
		printf("compile: ok%s\n", s->compile_cached ? " (cached)" : "");
	names = xcalloc(r->ntests + 1, sizeof(*names));
	for (i = 0; i < r->ntests; i++)
		names[i] = r->tests[i].name;
	width = report_name_width((const char *const *)names, r->ntests);
	free(names);
	if (r->ntests)
		report_table_header(ctx, stdout, width);
	for (i = 0; i < r->ntests; i++)
		report_table_row(ctx, stdout, width, i + 1, &r->tests[i]);
	if (p && p->scoring && r->ntests && !s->running)
		report_groups(ctx, stdout, p, r);
	if (s->running)
		printf("%s: still running (%zu of %d tests so far) \xc2\xb7 submission %lld\n",
		       s->problem, r->ntests, s->total, s->id);
	else
		report_summary(ctx, stdout, r);
}

int cmd_result(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "source", no_argument, NULL, 's' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_submission s = DB_SUBMISSION_INIT;
	struct db_problem p = DB_PROBLEM_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	int c, json = 0, source = 0, rc, have_problem;
	long long id;
	char *end, when[32];

	while ((c = judge_getopt(argc, argv, "h", opts, "result")) != -1) {
		switch (c) {
		case 's': source = 1; break;
		case 'j': json = 1; break;
		case 'h': fputs(result_usage, stdout); return EXIT_ACCEPTED;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind != 1) {
		fputs(result_usage, stderr);
		return judge_bad("result needs one submission number");
	}
	errno = 0;
	id = strtoll(argv[optind], &end, 10);
	if (errno || *end || id <= 0 || argv[optind][0] == '+')
		return judge_bad("'%s' is not a submission number; run 'judge history' "
				 "to see them", argv[optind]);
	rc = db_submission_get(ctx->db, id, &s);
	if (rc == DB_NOTFOUND)
		return judge_bad("unknown submission %lld; run 'judge history' to see "
				 "them", id);
	if (rc < 0)
		return judge_fail();
	if (source && !json && isatty(STDOUT_FILENO)) {
		/* on a terminal, bytes that are not UTF-8 and control characters
		 * are escaped (\xE9): a source cannot garble or drive the terminal */
		struct buf shown = BUF_INIT;

		text_escape(&shown, s.source ? s.source : "", s.source ? strlen(s.source) : 0,
			    SIZE_MAX, TEXT_KEEP_LINES);
		fwrite(buf_str(&shown), 1, shown.len, stdout);
		buf_release(&shown);
		db_submission_release(&s);
		return EXIT_ACCEPTED;
	}
	if (source && !json) {
		fwrite(s.source ? s.source : "", 1, s.source ? strlen(s.source) : 0, stdout);
		db_submission_release(&s);
		return EXIT_ACCEPTED;
	}
	have_problem = db_problem_get(ctx->db, s.problem, &p) == 0;
	err_clear();
	grade_result_from_db(&s, have_problem ? &p : NULL, &r);
	util_format_rfc3339(s.submitted_at, when);
	if (json) {
		print_json(&s, &r, have_problem ? &p : NULL, when, source);
	} else {
		if (have_problem)
			add_sample_inputs(ctx, &p, &r);
		print_text(ctx, &s, &r, have_problem ? &p : NULL, when);
	}
	grade_result_release(&r);
	db_problem_release(&p);
	db_submission_release(&s);
	return EXIT_ACCEPTED;
}
