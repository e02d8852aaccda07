/* cmd_new.c: 'judge new ID': scaffold a problem (scaffold_problem) and load
 * it, so that 'judge regress ID' passes on it at once. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/cli/cli.h"
#include "judge/domain/catalog.h"
#include "judge/domain/scaffold.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

static const char new_usage[] =
	"usage: judge new ID [--title TITLE]\n"
	"\n"
	"Scaffold problem ID beside the catalogue: problems/ID/ with statement.md,\n"
	"tests/ (a sample and two tests), gen.c and validator.c;\n"
	"solutions/ID/accepted/ref.c (the reference) and\n"
	"solutions/ID/wrong_answer/int-sum.c; and its [[problem]] entry appended\n"
	"to the catalogue (the rest of the file is kept as it is). The template is\n"
	"a whole small problem, the sum of n integers: 'judge regress ID' passes\n"
	"on it as written; edit it into yours.\n"
	"\n"
	"  --title TITLE   the problem's title (default: ID)\n"
	"\n"
	"exit codes: 0 created, 2 a bad or taken id (nothing is written),\n"
	"3 internal error\n";

/* Load the catalogue with the new problem (compiling its generator and
 * validator); on failure undo the scaffold. The exit code. */
static int load_new(struct judge_ctx *ctx, const char *dir, const char *id,
		    const struct buf *old)
{
	struct catalog_stats st = { 0 };
	int rc;

	if (judge_catalog_sync(ctx, ctx->catalog_path, 0, &st) == 0)
		return EXIT_ACCEPTED;
	err_prefix("the new problem '%s' does not load; nothing was kept", id);
	rc = judge_fail();
	if (scaffold_undo(dir, ctx->catalog_path, id, buf_str(old), old->len) < 0)
		judge_fail();
	return rc;
}

int cmd_new(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "title", required_argument, NULL, 't' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct scaffold_files files = { NULL, 0 };
	struct buf old = BUF_INIT;
	const char *title = NULL, *id;
	char *dir = NULL;
	size_t i;
	int c, rc;

	while ((c = judge_getopt(argc, argv, "h", opts, "new")) != -1) {
		switch (c) {
		case 't': title = optarg; break;
		case 'h': fputs(new_usage, stdout); return EXIT_ACCEPTED;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind != 1) {
		fputs(new_usage, stderr);
		return judge_bad("new takes one problem id");
	}
	id = argv[optind];
	if (title && !*title)
		return judge_bad("the --title is empty");
	dir = judge_catalog_dir(ctx);
	if (util_read_file(ctx->catalog_path, &old, 16UL << 20) < 0 ||
	    scaffold_problem(dir, ctx->catalog_path, id, title, &files) < 0) {
		rc = judge_fail();
		goto out;
	}
	if ((rc = load_new(ctx, dir, id, &old)) != EXIT_ACCEPTED)
		goto out;
	printf("created problem '%s' from the template (the sum of n integers):\n", id);
	for (i = 0; i < files.n; i++)
		printf("  %s%s\n", files.paths[i], i + 1 == files.n ?
		       " (its [[problem]] entry appended)" : "");
	printf("next: edit them; 'judge show %s' shows it, 'judge regress %s' checks "
	       "the solutions\n", id, id);
out:
	scaffold_files_release(&files);
	buf_release(&old);
	free(dir);
	return rc;
}
