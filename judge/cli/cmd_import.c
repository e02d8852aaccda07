/* cmd_import.c: 'judge import [FILE]': load the catalogue into the database
 * now, reading and hashing everything, and say what changed. */
#include <getopt.h>
#include <stdio.h>

#include "db/db.h"
#include "judge/domain/catalog.h"
#include "judge/cli/cli.h"
#include "lib/err.h"

static const char import_usage[] =
	"usage: judge import [FILE]\n"
	"\n"
	"Validate the catalogue FILE (default: problems.toml, or --catalog) and\n"
	"every problem folder, then load them into the database in one\n"
	"transaction: a bad catalogue changes nothing. Unchanged problems are\n"
	"not rewritten; problems no longer listed are retired (their submissions\n"
	"are kept). Other commands do this by themselves when files changed,\n"
	"from the catalogue of --catalog (default problems.toml): to keep using\n"
	"another FILE, pass --catalog FILE to them too.\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage or a bad catalogue, 3 internal error\n";

static const char *plural(int n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

int cmd_import(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct catalog_stats st = { 0 };
	const char *file = ctx->catalog_path;
	int c;

	while ((c = judge_getopt(argc, argv, "h", opts, "import")) != -1) {
		if (c == 'h') {
			fputs(import_usage, stdout);
			return EXIT_ACCEPTED;
		}
		return EXIT_BAD_INPUT;
	}
	if (argc - optind > 1)
		return judge_bad("import takes at most one catalogue file; "
				 "run 'judge import --help'");
	if (optind < argc)
		file = argv[optind];

	if (!ctx->db) {
		if (judge_db_check(ctx, file) < 0)
			return judge_fail();
		ctx->db = db_open(ctx->db_path);
		if (!ctx->db) {
			return judge_fail();
		}
	}
	if (judge_catalog_sync(ctx, file, CATALOG_FORCE, &st) < 0)
		return judge_fail();
	if (!ctx->quiet)
		printf("imported '%s': %d added, %d updated, %d unchanged, %d retired; "
		       "%d %s\n", file, st.added, st.updated, st.unchanged, st.retired,
		       st.contests, plural(st.contests, "contest", "contests"));
	if (!ctx->quiet && st.notes[0])
		printf("%s", st.notes);
	return EXIT_ACCEPTED;
}
