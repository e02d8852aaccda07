/* cmd_test.c: 'judge test ID FILE': run a solution on the problem's samples
 * and the user's local tests, under the problem's limits and checker, and
 * show each failing case's input, expected answer and output side by side.
 * Nothing is stored: it is the quick check before a submit. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/domain/grade.h"
#include "lib/err.h"
#include "lib/util.h"

static const char test_usage[] =
	"usage: judge test ID FILE [--lang c|c++] [--repeat N] [--json] [--user NAME]\n"
	"\n"
	"Compile FILE as 'judge submit' does (cached) and run it on problem ID's\n"
	"sample tests and your local tests ('judge cases list ID'), under the\n"
	"problem's limits and checker. Every test runs; for each one that fails\n"
	"the input, the expected answer and the output got are shown side by\n"
	"side, cut to the terminal's width ($COLUMNS; 80 when not a terminal).\n"
	"Nothing is stored.\n"
	"\n"
	"  --lang c|c++    the language, whatever the file's extension\n"
	"  --repeat N      runs in all for a test near its time limit (default 3;\n"
	"                  the median decides; 1: one run), as 'judge submit'\n"
	"  --json          print the result as one JSON object, as 'judge submit\n"
	"                  --json' does (submission null; a failing test also has\n"
	"                  input, expected and got)\n"
	"  --user NAME     whose local tests (default: your login name; on\n"
	"                  PostgreSQL your database role, as for 'judge submit')\n"
	"\n"
	"exit codes: 0 every test passed, 1 one failed (or a compile error),\n"
	"2 bad usage or input (no samples and no local tests too), 3 internal error\n";

struct live {
	const struct judge_ctx *ctx;
	int header, width, columns;
};

/* Each test's row as soon as it is judged, with its data side by side when
 * it failed. */
static void progress(void *arg, const struct grade_result *r, const struct grade_test *t)
{
	struct live *l = arg;
	struct grade_test row;

	if (!t) {
		report_compile_line(stdout, r->compile_ok, r->compile_cached, r->compile_time_ms);
		fflush(stdout);
		return;
	}
	if (!l->header) {
		report_table_header(l->ctx, stdout, l->width);
		l->header = 1;
	}
	row = *t;            /* the row alone: the data comes side by side */
	row.input = row.expected = row.got = NULL;
	report_table_row(l->ctx, stdout, l->width, r->ntests, &row);
	report_side_by_side(stdout, t, l->columns);
	fflush(stdout);
}

/* The width of the name column: the samples' and local tests' names. */
static int name_width(const struct db_problem *p, const struct db_local_test *v, size_t n)
{
	const char **names = xcalloc((size_t)p->test_count + n + 1, sizeof(*names));
	size_t k = 0, i;
	int w;

	for (i = 0; i < (size_t)p->test_count; i++)
		if (p->tests[i].is_sample)
			names[k++] = p->tests[i].name;
	for (i = 0; i < n; i++)
		names[k++] = v[i].name;
	w = report_name_width(names, k);
	free(names);
	return w;
}

/* Grade path on p for user and print the result; the exit code. */
static int test_file(struct judge_ctx *ctx, struct db_problem *p, const char *path,
		     int lang, int repeat, const char *user, int json)
{
	struct grade_opts go = GRADE_OPTS_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	struct db_local_test *locals = NULL;
	struct buf source = BUF_INIT;
	struct live live = { ctx, 0, 0, 80 };
	struct grade_env env;
	size_t nlocals = 0;
	int rc, i, samples = 0;
	json_t *j;

	if (compile_read_source(path, &source) < 0 ||
	    db_local_test_list(ctx->db, p->id, user, &locals, &nlocals) < 0) {
		rc = judge_fail();
		goto out;
	}
	for (i = 0; i < p->test_count; i++)
		samples += p->tests[i].is_sample != 0;
	if (!samples && !nlocals) {
		rc = judge_bad("problem '%s' has no sample tests and you have no local "
			       "tests for it; add one with 'judge cases add %s IN [ANS]'",
			       p->id, p->id);
		goto out;
	}
	if ((rc = judge_sandbox(ctx)))
		goto out;
	env.db = ctx->db;
	env.sbx = ctx->sbx;
	env.cache = ctx->cache;
	env.tests = NULL;
	go.user = user;
	go.lang = lang >= 0 ? (enum compile_lang)lang : compile_lang_of_path(path);
	go.file_name = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	go.repeat = repeat;
	go.samples_only = 1;
	go.local_tests = 1;
	go.excerpts = 1;
	go.cancel = ctx->cancel;
	if (!json && !ctx->quiet) {
		live.width = name_width(p, locals, nlocals);
		live.columns = report_columns();
		go.progress = progress;
		go.progress_arg = &live;
	}
	grade_submission(&env, p, buf_str(&source), source.len, &go, &r);
	if (json) {
		j = report_json(&r);
		report_print_json(j);
		json_decref(j);
	} else {
		if (r.verdict == V_CE)
			report_compile_error(ctx, stdout, &r, 20);
		report_summary(ctx, stdout, &r);
	}
	if (r.verdict == V_IE) {
		err_set("internal error while testing '%s': %s", p->id,
			r.error ? r.error : "unknown");
		rc = judge_fail();
	} else {
		rc = r.verdict == V_AC ? EXIT_ACCEPTED : EXIT_REJECTED;
	}
out:
	grade_result_release(&r);
	db_local_test_list_free(locals, nlocals);
	buf_release(&source);
	return rc;
}

int cmd_test(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "user", required_argument, NULL, 'u' },
		{ "lang", required_argument, NULL, 'l' },
		{ "repeat", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_problem p = DB_PROBLEM_INIT;
	enum compile_lang lang;
	int c, rc, json = 0, lang_i = -1, repeat = 0;
	char *user = NULL, *given;

	while ((c = judge_getopt(argc, argv, "h", opts, "test")) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'u':
			free(user);
			user = xstrdup(optarg);
			break;
		case 'l':
			if (compile_lang_parse(optarg, &lang) < 0) {
				free(user);
				return judge_fail();
			}
			lang_i = (int)lang;
			break;
		case 'r':
			if (judge_repeat_arg(optarg, &repeat)) {
				free(user);
				return EXIT_BAD_INPUT;
			}
			break;
		case 'h': fputs(test_usage, stdout); free(user); return EXIT_ACCEPTED;
		default: free(user); return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind != 2) {
		fputs(test_usage, stderr);
		free(user);
		return judge_bad("test needs a problem id and a source file");
	}
	/* the login name, or on PostgreSQL the database role (as submit) */
	given = user;
	user = NULL;
	rc = judge_user(ctx, given, &user);
	free(given);
	if (rc) {
		/* said why */
	} else if ((rc = judge_find_problem(ctx, argv[optind], &p)) == 0) {
		rc = test_file(ctx, &p, argv[optind + 1], lang_i, repeat, user, json);
	}
	db_problem_release(&p);
	free(user);
	return rc;
}
