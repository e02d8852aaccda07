/* cmd_show.c: 'judge show ID': a problem's limits, checker, statement and
 * sample tests. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/domain/compile.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

static const char show_usage[] =
	"usage: judge show ID\n"
	"\n"
	"Problem ID's title, limits, checker, tags, expected complexity and the\n"
	"compile commands, its statement, then its sample tests (input and answer). 'judge list' shows\n"
	"the problem ids.\n"
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
		printf("\n%s%s: input%s\n", bold, p->tests[i].name, off);
		print_block(buf_str(&in), in.len);
		printf("%s%s: answer%s\n", bold, p->tests[i].name, off);
		print_block(buf_str(&ans), ans.len);
	}
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

int cmd_show(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_problem p = DB_PROBLEM_INIT;
	const char *bold = judge_color(ctx, "1"), *off = judge_color(ctx, "0");
	char *hint;
	int c, i, samples = 0, rc;
	size_t k;

	while ((c = judge_getopt(argc, argv, "h", opts, "show")) != -1) {
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

	for (i = 0; i < p.test_count; i++)
		samples += p.tests[i].is_sample != 0;
	printf("%s%s: %s%s%s\n", bold, p.id, p.title, off,
	       p.retired ? " (retired: no longer in the catalogue)" : "");
	printf("time limit: %d ms\nmemory limit: %d MB\nstack limit: %d MB\noutput limit: ",
	       p.time_limit_ms, p.memory_limit_mb, p.stack_limit_mb);
	print_kb(p.output_limit_kb);
	printf("\nchecker: %s", db_checker_name(p.checker));
	if (p.checker == DB_CHECKER_FLOAT)
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
