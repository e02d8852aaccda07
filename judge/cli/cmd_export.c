/* cmd_export.c: 'judge export ID DIR [--format legacy|2025-09]': write a
 * problem as a Kattis problem package. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "judge/domain/catalog.h"
#include "judge/domain/export.h"
#include "judge/cli/cli.h"
#include "lib/err.h"

static const char export_usage[] =
	"usage: judge export ID DIR [--format legacy|2025-09]\n"
	"\n"
	"Write problem ID as a Kattis problem package in DIR (a new or empty\n"
	"folder): problem.yaml with the limits (legacy: and .timelimit), the\n"
	"statement, data/sample and data/secret, the checker as the default\n"
	"output validator with flags (tokens, exact, float) or a generated C\n"
	"output validator (unordered-lines, a custom checker in an adapter that\n"
	"maps its exit codes), validator.c as an input validator, and the stored\n"
	"solutions as submissions/FOLDER. 'judge add-package DIR' reads it back.\n"
	"\n"
	"  --format F   legacy or 2025-09 (default 2025-09)\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage, an unknown problem or one that cannot be\n"
	"exported, 3 internal error\n";

int cmd_export(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct export_stats st;
	struct db_problem p = DB_PROBLEM_INIT;
	const char *format = "2025-09";
	char *cdir;
	int c, rc;

	while ((c = judge_getopt(argc, argv, "h", opts, "export")) != -1) {
		if (c == 'f') {
			format = optarg;
			continue;
		}
		if (c == 'h') {
			fputs(export_usage, stdout);
			return EXIT_ACCEPTED;
		}
		return EXIT_BAD_INPUT;
	}
	if (argc - optind != 2)
		return judge_bad("export takes a problem id and a folder; run 'judge export "
				 "--help'");
	if (catalog_find_problem(ctx->db, argv[optind], &p) < 0)
		return judge_fail();
	db_problem_release(&p);
	cdir = judge_catalog_dir(ctx);
	rc = export_problem(ctx->db, cdir, argv[optind], argv[optind + 1], format, &st);
	free(cdir);
	if (rc < 0)
		return judge_fail();
	if (!ctx->quiet) {
		printf("exported '%s' to '%s' (format %s): %d sample and %d secret tests, "
		       "%d submissions; checker: %s\n", argv[optind], argv[optind + 1], format,
		       st.samples, st.secret, st.submissions, st.checker);
		fputs(st.notes, stdout);
	}
	return EXIT_ACCEPTED;
}
