/* cmd_show.c: 'judge show ID': a problem's limits, checker, statement and
 * sample tests. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

static const char show_usage[] =
	"usage: judge show ID [--json]\n"
	"\n"
	"Problem ID's title, limits, checker, tags, expected complexity and the\n"
	"compile commands, its statement, then its sample tests (input and\n"
	"answer). 'judge list' shows the problem ids. --json prints one object:\n"
	"id, title, time_limit_ms, memory_limit_mb, stack_limit_mb,\n"
	"output_limit_kb, checker (and abs_tolerance, rel_tolerance for float),\n"
	"tags, complexity, tests, retired, statement, samples [{name, input,\n"
	"answer}].\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage, an unknown problem or a bad catalogue,\n"
	"3 internal error\n";

/* "64 MB" when it is a whole number of MB, else "1500 KB". */
static void print_kb(int kb)
{
	if (kb % 1024 == 0)
		printf("%d MB", kb / 1024);
	else
		printf("%d KB", kb);
}

/* Text as is, with a final newline when it has none. */
static void print_block(const char *data, size_t len)
{
	fwrite(data, 1, len, stdout);
	if (!len || data[len - 1] != '\n')
		putchar('\n');
}

static int print_samples(const struct judge_ctx *ctx, const struct db_problem *p)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	const char *bold = judge_color(ctx, "1"), *off = judge_color(ctx, "0");
	int i, rc = 0;

	for (i = 0; i < p->test_count && rc == 0; i++) {
		if (!p->tests[i].is_sample)
			continue;
		buf_reset(&in);
		buf_reset(&ans);
		if (db_test_data(ctx->db, p->tests[i].id, &in, &ans) != 0) {
			rc = -1;
			break;
		}
		/* interactive: the solution never reads this file */
		printf("\n%s%s: %s%s\n", bold, p->tests[i].name,
		       p->interactor_file ? "input (the interactor's)" : "input", off);
		print_block(buf_str(&in), in.len);
		printf("%s%s: answer%s\n", bold, p->tests[i].name, off);
		print_block(buf_str(&ans), ans.len);
	}
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* Problem p as show --json prints it; 0, or -1 with err set (the samples'
 * data could not be read). */
static int print_json(const struct judge_ctx *ctx, const struct db_problem *p)
{
	json_t *o = json_object(), *tags = json_array(), *samples = json_array(), *t;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	int i, rc = 0;
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
	if (p->checker == DB_CHECKER_CUSTOM)
		json_object_set_new(o, "checker_contract",
				    json_string(db_contract_name(p->checker_contract)));
	if (p->interactor_file) {
		json_object_set_new(o, "interactor", report_json_string(p->interactor_file,
				    strlen(p->interactor_file)));
		json_object_set_new(o, "interactor_contract",
				    json_string(db_contract_name(p->interactor_contract)));
	}
	json_object_set_new(o, "validator_contract",
			    json_string(db_contract_name(p->validator_contract)));
	if (p->checker == DB_CHECKER_FLOAT) {
		json_object_set_new(o, "abs_tolerance", json_real(p->abs_tolerance));
		json_object_set_new(o, "rel_tolerance", json_real(p->rel_tolerance));
	}
	json_object_set_new(o, "tags", tags);
	json_object_set_new(o, "complexity", report_json_string(p->complexity,
			    strlen(p->complexity)));
	json_object_set_new(o, "tests", json_integer(p->test_count));
	json_object_set_new(o, "retired", json_boolean(p->retired));
	json_object_set_new(o, "statement", report_json_string(p->statement,
			    strlen(p->statement)));
	for (i = 0; i < p->test_count && rc == 0; i++) {
		if (!p->tests[i].is_sample)
			continue;
		buf_reset(&in);
		buf_reset(&ans);
		if (db_test_data(ctx->db, p->tests[i].id, &in, &ans) != 0) {
			rc = -1;
			break;
		}
		t = json_object();
		json_object_set_new(t, "name", report_json_string(p->tests[i].name,
				    strlen(p->tests[i].name)));
		json_object_set_new(t, "input", report_json_string(buf_str(&in), in.len));
		json_object_set_new(t, "answer", report_json_string(buf_str(&ans), ans.len));
		json_array_append_new(samples, t);
	}
	json_object_set_new(o, "samples", samples);
	if (rc == 0)
		report_print_json(o);
	json_decref(o);
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

int cmd_show(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_problem p = DB_PROBLEM_INIT;
	const char *bold = judge_color(ctx, "1"), *off = judge_color(ctx, "0");
	char *hint;
	int c, i, samples = 0, rc, json = 0;
	size_t k;

	while ((c = judge_getopt(argc, argv, "h", opts, "show")) != -1) {
		if (c == 'j') {
			json = 1;
			continue;
		}
		if (c == 'h') {
			fputs(show_usage, stdout);
			return EXIT_ACCEPTED;
		}
		return EXIT_BAD_INPUT;
	}
	if (argc - optind != 1)
		return judge_bad("show takes one problem id; run 'judge list' to see "
				 "the problem ids");

	rc = db_problem_get(ctx->db, argv[optind], &p);
	if (rc == DB_NOTFOUND) {
		hint = db_problem_nearest(ctx->db, argv[optind]);
		rc = judge_bad("unknown problem '%s'; %s%s%srun 'judge list' to see the problem ids",
			       argv[optind], hint ? "did you mean '" : "", hint ? hint : "",
			       hint ? "'? " : "");
		free(hint);
		return rc;
	}
	if (rc < 0) {
		return judge_fail();
	}
	if (json) {
		rc = print_json(ctx, &p) < 0 ? judge_fail() : EXIT_ACCEPTED;
		db_problem_release(&p);
		return rc;
	}

	for (i = 0; i < p.test_count; i++)
		samples += p.tests[i].is_sample != 0;
	printf("%s%s: %s%s%s\n", bold, p.id, p.title, off,
	       p.retired ? " (retired: no longer in the catalogue)" : "");
	printf("time limit: %d ms\nmemory limit: %d MB\nstack limit: %d MB\noutput limit: ",
	       p.time_limit_ms, p.memory_limit_mb, p.stack_limit_mb);
	print_kb(p.output_limit_kb);
	if (p.interactor_file) {
		struct sbx_limits l = { .cpu_ms = (unsigned)p.time_limit_ms };

		printf("\ninteractive: %s (%s contract); wall limit %u ms", p.interactor_file,
		       db_contract_name(p.interactor_contract), grade_interactive_wall_ms(&l));
	} else {
		printf("\nchecker: %s", db_checker_name(p.checker));
	}
	if (!p.interactor_file && p.checker == DB_CHECKER_CUSTOM)
		printf(" (%s, %s contract)", p.checker_file ? p.checker_file : "?",
		       db_contract_name(p.checker_contract));
	if (!p.interactor_file && p.checker == DB_CHECKER_FLOAT)
		printf(" (absolute tolerance %g, relative tolerance %g)",
		       p.abs_tolerance, p.rel_tolerance);
	printf("\ntags: ");
	for (k = 0; k < p.ntags; k++)
		printf("%s%s", k ? ", " : "", p.tags[k]);
	printf("%s\ncomplexity: %s\ntests: %d (%d %s)\n", p.ntags ? "" : "-",
	       *p.complexity ? p.complexity : "-", p.test_count, samples,
	       samples == 1 ? "sample" : "samples");
	printf("compile C (.c):              %s\n", compile_lang_command(LANG_C));
	printf("compile C++ (.cc .cpp .cxx): %s\n\n", compile_lang_command(LANG_CXX));
	print_block(p.statement, strlen(p.statement));
	rc = EXIT_ACCEPTED;
	if (print_samples(ctx, &p) < 0) {
		rc = judge_fail();
	}
	db_problem_release(&p);
	return rc;
}
