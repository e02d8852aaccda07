/* cmd_list.c: 'judge list': the catalogue as aligned columns, with the
 * user's best verdict on each problem. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/domain/contest.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char list_usage[] =
	"usage: judge list [--all] [--json]\n"
	"\n"
	"The problems of the catalogue: id, title, time and memory limits,\n"
	"checker, tags, number of tests, and your best verdict (- when you have\n"
	"not submitted). --all also lists retired problems (dropped from the\n"
	"catalogue; their submissions are kept). --json prints a JSON array, one\n"
	"object per problem: id, title, time_limit_ms, memory_limit_mb,\n"
	"stack_limit_mb, output_limit_kb, checker, tags, complexity, tests, best\n"
	"(null when you have not submitted), retired.\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage or a bad catalogue, 3 internal error\n";

enum { C_ID, C_TITLE, C_TIME, C_MEMORY, C_CHECKER, C_TAGS, C_TESTS, C_BEST, NCOLS };

static const char *const headers[NCOLS] = {
	"ID", "TITLE", "TIME", "MEMORY", "CHECKER", "TAGS", "TESTS", "BEST",
};

/* Columns aligned to the right (numbers). */
static int right_aligned(int col)
{
	return col == C_TESTS;
}

static const char *best_color(const struct judge_ctx *ctx, int verdict)
{
	if (verdict < 0)
		return "";
	return judge_color(ctx, verdict == V_AC ? "32" : "31");
}

/* The cells of problem p's row (malloc'd); best is the user's verdict or -1. */
static void fill_row(char *row[NCOLS], const struct db_problem *p, int best)
{
	struct buf b = BUF_INIT;
	size_t k;

	for (k = 0; k < p->ntags; k++)
		buf_addf(&b, "%s%s", k ? ", " : "", p->tags[k]);
	row[C_ID] = p->retired ? xasprintf("%s (retired)", p->id) : xstrdup(p->id);
	row[C_TITLE] = xstrdup(p->title);
	row[C_TIME] = xasprintf("%d ms", p->time_limit_ms);
	row[C_MEMORY] = xasprintf("%d MB", p->memory_limit_mb);
	row[C_CHECKER] = xstrdup(p->interactor_file ? "interactive" : db_checker_name(p->checker));
	row[C_TAGS] = xstrdup(b.len ? buf_str(&b) : "-");
	row[C_TESTS] = xasprintf("%d", p->test_count);
	row[C_BEST] = xstrdup(best < 0 ? "-" : verdict_name((enum verdict)best));
	buf_release(&b);
}

/* Problem p as list --json shows it; best is the user's verdict or -1. */
static json_t *json_problem(const struct db_problem *p, int best)
{
	json_t *o = json_object(), *tags = json_array();
	size_t k;

	for (k = 0; k < p->ntags; k++)
		json_array_append_new(tags, report_json_string(p->tags[k], strlen(p->tags[k])));
	json_object_set_new(o, "id", report_json_string(p->id, strlen(p->id)));
	json_object_set_new(o, "title", report_json_string(p->title, strlen(p->title)));
	json_object_set_new(o, "time_limit_ms", json_integer(p->time_limit_ms));
	json_object_set_new(o, "memory_limit_mb", json_integer(p->memory_limit_mb));
	json_object_set_new(o, "stack_limit_mb", json_integer(p->stack_limit_mb));
	json_object_set_new(o, "output_limit_kb", json_integer(p->output_limit_kb));
	json_object_set_new(o, "checker", json_string(db_checker_name(p->checker)));
	json_object_set_new(o, "interactive", json_boolean(p->interactor_file != NULL));
	json_object_set_new(o, "tags", tags);
	json_object_set_new(o, "complexity", report_json_string(p->complexity,
			    strlen(p->complexity)));
	json_object_set_new(o, "tests", json_integer(p->test_count));
	json_object_set_new(o, "best", best < 0 ? json_null()
			    : json_string(verdict_name((enum verdict)best)));
	json_object_set_new(o, "retired", json_boolean(p->retired));
	return o;
}

/* The header, then one row per problem; padding is computed on the visible
 * text so colour escapes do not break the alignment. */
static void print_rows(const struct judge_ctx *ctx, char *(*cells)[NCOLS], const int *best,
		       size_t n)
{
	size_t w[NCOLS], i, j, pad;
	const char *text, *on;

	for (j = 0; j < NCOLS; j++) {
		w[j] = text_width(headers[j]);
		for (i = 0; i < n; i++)
			if (text_width(cells[i][j]) > w[j])
				w[j] = text_width(cells[i][j]);
	}
	for (i = 0; i <= n; i++) {
		for (j = 0; j < NCOLS; j++) {
			text = i == 0 ? headers[j] : cells[i - 1][j];
			on = i == 0 ? judge_color(ctx, "1") :
				j == C_BEST ? best_color(ctx, best[i - 1]) : "";
			pad = w[j] - text_width(text);
			if (j)
				fputs("  ", stdout);
			if (right_aligned((int)j))
				printf("%*s", (int)pad, "");
			printf("%s%s%s", on, text, *on ? judge_color(ctx, "0") : "");
			if (!right_aligned((int)j) && j + 1 < NCOLS)
				printf("%*s", (int)pad, "");
		}
		putchar('\n');
	}
}

int cmd_list(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 'a' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_problem *v = NULL;
	char *(*cells)[NCOLS] = NULL, *user = NULL;
	int *best = NULL, c, all = 0, json = 0, rc = EXIT_INTERNAL;
	json_t *arr = NULL;
	size_t n = 0, i, j;

	while ((c = judge_getopt(argc, argv, "ah", opts, "list")) != -1) {
		if (c == 'a') {
			all = 1;
		} else if (c == 'j') {
			json = 1;
		} else if (c == 'h') {
			fputs(list_usage, stdout);
			return EXIT_ACCEPTED;
		} else {
			return EXIT_BAD_INPUT;
		}
	}
	if (optind < argc)
		return judge_bad("list takes no arguments; run 'judge show %s' to see one "
				 "problem", argv[optind]);

	user = contest_login_name();
	if (db_problem_list(ctx->db, all, &v, &n) < 0) {
		rc = judge_fail();
		goto out;
	}
	cells = xcalloc(n + 1, sizeof(*cells));
	best = xcalloc(n + 1, sizeof(*best));
	for (i = 0; i < n; i++) {
		const struct db_problem *p = &v[i];

		if (db_best_verdict(ctx->db, p->id, user, &best[i]) < 0) {
			rc = judge_fail();
			goto out;
		}
		if (!json)
			fill_row(cells[i], p, best[i]);
	}
	if (json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_problem(&v[i], best[i]));
		report_print_json(arr);
		json_decref(arr);
	} else {
		print_rows(ctx, cells, best, n);
	}
	rc = EXIT_ACCEPTED;
out:
	for (i = 0; cells && i < n; i++)
		for (j = 0; j < NCOLS; j++)
			free(cells[i][j]);
	free(cells);
	free(best);
	free(user);
	db_problem_list_free(v, n);
	return rc;
}
