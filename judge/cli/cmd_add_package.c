/* cmd_add_package.c: 'judge add-package DIR [--id ID]': add a Kattis problem
 * package to the catalogue and load it. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "judge/domain/catalog.h"
#include "judge/cli/cli.h"
#include "lib/err.h"
#include "lib/util.h"

static const char add_package_usage[] =
	"usage: judge add-package DIR [--id ID]\n"
	"\n"
	"Append a [[problem]] entry for the Kattis problem package in DIR to the\n"
	"catalogue (problems.toml, or --catalog), keeping the rest of the file\n"
	"byte for byte, then load it: when the package does not load, the\n"
	"catalogue is put back as it was and the error says why.\n"
	"\n"
	"  --id ID   the problem's id (default: DIR's name, lowercased)\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage, a bad package or catalogue, 3 internal error\n";

int cmd_add_package(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "id", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct catalog_stats st = { 0 };
	const char *id = NULL;
	char *old = NULL, *used = NULL;
	size_t oldlen = 0;
	int c, rc;

	while ((c = judge_getopt(argc, argv, "h", opts, "add-package")) != -1) {
		if (c == 'i') {
			id = optarg;
			continue;
		}
		if (c == 'h') {
			fputs(add_package_usage, stdout);
			return EXIT_ACCEPTED;
		}
		return EXIT_BAD_INPUT;
	}
	if (argc - optind != 1)
		return judge_bad("add-package takes one package folder; run 'judge add-package "
				 "--help'");
	if (judge_db_check(ctx, ctx->catalog_path) < 0)
		return judge_fail();
	if (!ctx->db && !(ctx->db = db_open(ctx->db_path)))
		return judge_fail();
	if (catalog_add_package(ctx->catalog_path, argv[optind], id, &old, &oldlen, &used) < 0)
		return judge_fail();
	if (judge_catalog_sync(ctx, ctx->catalog_path, 0, &st) < 0) {
		char *msg = xstrdup(err_msg());
		enum err_kind kind = err_kind();

		rc = util_write_file(ctx->catalog_path, old, oldlen, 0644);
		if (rc == 0)
			err_set("%s (the catalogue was left as it was)", msg);
		else
			err_prefix("%s; and the catalogue could not be put back", msg);
		err_as(kind);
		free(msg);
		free(old);
		free(used);
		return judge_fail();
	}
	if (!ctx->quiet)
		printf("added problem '%s' from '%s' to '%s'\n%s", used, argv[optind],
		       ctx->catalog_path, st.notes);
	free(old);
	free(used);
	return EXIT_ACCEPTED;
}
