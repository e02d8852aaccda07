/* cmd_show.c: 'judge show ID': a problem's limits, checker, statement and
 * sample tests. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/domain/catalog.h"
#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

static const char show_usage[] =
	"usage: judge show ID [--json]\n"
	"\n"
	"Problem ID's title, limits, checker, tags, expected complexity and the\n"
	"compile commands, its statement, then the sample tests (input and\n"
	"answer) the statement does not already show. 'judge list' shows the\n"
	"problem ids. --json prints one object:\n"
	"id, title, time_limit_ms, memory_limit_mb, stack_limit_mb,\n"
	"output_limit_kb, checker (and abs_tolerance, rel_tolerance for float),\n"
	"tags, complexity, tests, retired, statement, samples [{name, input,\n"
	"answer, and interaction for an interactive package}], and for a\n"
	"package problem package {folder, format, time_limit_from,\n"
	"checker_contract, checker_args, interactor, scoring}.\n"
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

/* Call fn for each sample test of p with its input and answer; 0, or -1
 * with err set when a sample's data cannot be read. */
static int each_sample(const struct judge_ctx *ctx, const struct db_problem *p,
		       void (*fn)(void *arg, const struct db_test *t, const struct buf *in,
				  const struct buf *ans),
		       void *arg)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	int i, rc = 0;

	for (i = 0; i < p->test_count; i++) {
		if (!p->tests[i].is_sample)
			continue;
		buf_reset(&in);
		buf_reset(&ans);
		if (db_test_data(ctx->db, p->tests[i].id, &in, &ans) != 0) {
			rc = -1;
			break;
		}
		fn(arg, &p->tests[i], &in, &ans);
	}
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* Whether the statement shows text already (trimmed of surrounding
 * whitespace): a sample written into the statement is not printed again. */
static int in_statement(const char *statement, const struct buf *text)
{
	const char *p = buf_str(text), *end = p + text->len;
	char *needle;
	int found;

	while (p < end && strchr(" \t\r\n", *p))
		p++;
	while (end > p && strchr(" \t\r\n", end[-1]))
		end--;
	if (p == end || memchr(p, 0, (size_t)(end - p)))
		return 0;
	needle = xstrndup(p, (size_t)(end - p));
	found = strstr(statement, needle) != NULL;
	free(needle);
	return found;
}

struct text_samples {
	const struct judge_ctx *ctx;
	const char *statement;
	int shown, in_statement;
	int interactive;           /* the input is the interactor's */
	struct buf names;          /* "sample-1, sample-2": the ones in the statement */
};

static void print_sample(void *arg, const struct db_test *t, const struct buf *in,
			 const struct buf *ans)
{
	struct text_samples *ts = arg;
	const char *name = t->name;
	const char *bold = judge_color(ts->ctx, "1"), *off = judge_color(ts->ctx, "0");

	if (in_statement(ts->statement, in) && in_statement(ts->statement, ans)) {
		buf_addf(&ts->names, "%s%s", ts->in_statement++ ? ", " : "", name);
		return;
	}
	ts->shown++;
	printf("\n%s%s: %s%s\n", bold, name,
	       ts->interactive ? "input (the interactor's)" : "input", off);
	print_block(buf_str(in), in->len);
	printf("%s%s: answer%s\n", bold, name, off);
	print_block(buf_str(ans), ans->len);
	if (t->interaction) {
		printf("%s%s: interaction%s\n", bold, name, off);
		print_block(t->interaction, strlen(t->interaction));
	}
}

static void json_sample(void *arg, const struct db_test *test, const struct buf *in,
			const struct buf *ans)
{
	json_t *t = json_object();

	json_object_set_new(t, "name", report_json_string(test->name, strlen(test->name)));
	json_object_set_new(t, "input", report_json_string(buf_str(in), in->len));
	json_object_set_new(t, "answer", report_json_string(buf_str(ans), ans->len));
	if (test->interaction)
		json_object_set_new(t, "interaction",
				    report_json_string(test->interaction,
						       strlen(test->interaction)));
	json_array_append_new(arg, t);
}

/* Problem p as show --json prints it; 0, or -1 with err set (the samples'
 * data could not be read). */
static int print_json(const struct judge_ctx *ctx, const struct db_problem *p)
{
	json_t *o = report_problem_json(p), *samples = json_array(), *t;
	int rc;

	json_object_set_new(o, "statement", report_json_string(p->statement,
			    strlen(p->statement)));
	if (p->package && *p->package) {
		/* a package's: its format, where the limit came from, contracts */
		t = json_object();
		json_object_set_new(t, "folder", report_json_string(p->folder, strlen(p->folder)));
		json_object_set_new(t, "format", json_string(p->package));
		json_object_set_new(t, "time_limit_from", report_json_string(p->time_limit_from,
				    strlen(p->time_limit_from)));
		json_object_set_new(t, "checker_contract",
				    json_string(db_contract_name(p->checker_contract)));
		json_object_set_new(t, "checker_args", report_json_string(p->checker_args,
				    strlen(p->checker_args)));
		json_object_set_new(t, "interactor", p->interactor_file ?
				    report_json_string(p->interactor_file,
						       strlen(p->interactor_file)) : json_null());
		json_object_set_new(t, "scoring", json_boolean(p->scoring));
		json_object_set_new(o, "package", t);
	}
	rc = each_sample(ctx, p, json_sample, samples);
	json_object_set_new(o, "samples", samples);
	if (rc == 0)
		report_print_json(o);
	json_decref(o);
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
	struct text_samples ts = { NULL, NULL, 0, 0, 0, BUF_INIT };
	const char *bold = judge_color(ctx, "1"), *off = judge_color(ctx, "0");
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

	if (catalog_lookup_problem(ctx->db, argv[optind], &p) < 0)
		return judge_fail();
	if (json) {
		rc = print_json(ctx, &p) < 0 ? judge_fail() : EXIT_ACCEPTED;
		db_problem_release(&p);
		return rc;
	}

	for (i = 0; i < p.test_count; i++)
		samples += p.tests[i].is_sample != 0;
	printf("%s%s: %s%s%s\n", bold, p.id, p.title, off,
	       p.retired ? " (retired: no longer in the catalogue)" : "");
	if (p.package && *p.package)
		printf("package: %s (format %s)\n", p.folder, p.package);
	printf("time limit: %d ms", p.time_limit_ms);
	if (p.time_limit_from && *p.time_limit_from)
		printf(" (%s)", p.time_limit_from);
	printf("\nmemory limit: %d MB\nstack limit: %d MB\noutput limit: ",
	       p.memory_limit_mb, p.stack_limit_mb);
	print_kb(p.output_limit_kb);
	if (p.interactor_file) {
		struct sbx_limits l = { .cpu_ms = (unsigned)p.time_limit_ms };

		printf("\ninteractive: %s (%s contract); wall limit %u ms", p.interactor_file,
		       db_contract_name(p.interactor_contract), grade_interactive_wall_ms(&l));
		if (grade_interactor_checked(&p))
			printf("\nchecker: custom (%s, %s contract), on the interactor's output file",
			       p.checker_file ? p.checker_file : "?",
			       db_contract_name(p.checker_contract));
	} else if (p.checker == DB_CHECKER_CUSTOM) {
		printf("\nchecker: custom (%s, %s contract)", p.checker_file ? p.checker_file : "?",
		       db_contract_name(p.checker_contract));
	} else {
		printf("\nchecker: %s", judge_checker_label(&p));
	}
	if (!p.interactor_file && p.checker_contract == DB_CONTRACT_KATTIS &&
	    p.checker_args && *p.checker_args)
		printf(" (arguments: %s)", p.checker_args);
	if ((p.interactor_file || p.checker == DB_CHECKER_CUSTOM) &&
	    (p.validation_time_ms > 0 || p.validation_memory_mb > 0)) {
		printf("\nvalidation limits (the %s): ", p.interactor_file ? "interactor" :
		       "output validator");
		if (p.validation_time_ms > 0)
			printf("%d ms CPU%s", p.validation_time_ms,
			       p.validation_memory_mb > 0 ? ", " : "");
		if (p.validation_memory_mb > 0)
			printf("%d MB", p.validation_memory_mb);
	}
	if (p.scoring)
		printf("\ntype: scoring (results per test group)");
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
	ts.ctx = ctx;
	ts.statement = p.statement;
	ts.interactive = p.interactor_file != NULL;
	rc = each_sample(ctx, &p, print_sample, &ts) < 0 ? judge_fail() : EXIT_ACCEPTED;
	if (rc == EXIT_ACCEPTED && ts.in_statement)
		printf("\n%s: in the statement above\n", buf_str(&ts.names));
	buf_release(&ts.names);
	db_problem_release(&p);
	return rc;
}
