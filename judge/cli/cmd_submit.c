/* cmd_submit.c: 'judge submit ID FILE': grade one solution on every test of
 * a problem, show the table and the verdict, and record it all (the work is
 * submit_file's, shared with 'judge contest submit'). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "db/db.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/cli/cli.h"
#include "judge/cli/submit.h"
#include "lib/err.h"
#include "lib/util.h"

static const char submit_usage[] =
	"usage: judge submit ID FILE [--lang c|c++] [--all] [--json] [--user NAME]\n"
	"                   [--contest C] [--repeat N] [--queue]\n"
	"\n"
	"Compile FILE (cached; by its extension: .c is C, .cc .cpp .cxx are C++)\n"
	"  C    gcc -std=gnu17 -O2 -static -DONLINE_JUDGE -o prog prog.c -lm\n"
	"  C++  g++ -std=gnu++20 -O2 -static -DONLINE_JUDGE -o prog prog.cpp\n"
	"run it on every test of problem ID in the sandbox, check each output,\n"
	"print a table and the verdict, and record the submission in the database.\n"
	"It stops at the first failing test and lists the rest as skipped.\n"
	"\n"
	"  --lang c|c++    the language, whatever the file's extension\n"
	"  --json          print the result as one JSON object\n"
	"  --all           run every test, even after one failed\n"
	"  --fail-fast     stop at the first failing test (the default)\n"
	"  --user NAME     record the submission under NAME (default: your login\n"
	"                  name; on PostgreSQL you are the database role you connect\n"
	"                  as, and only the catalogue's writers may name another)\n"
	"  --contest C     submit to contest C, where ID is a letter or a problem id;\n"
	"                  accepted only while your window is open\n"
	"  --repeat N      runs in all for a test near its time limit (default 3;\n"
	"                  1: one measurement). A test whose CPU time reaches 80%\n"
	"                  of the limit, or a time-out, runs again until most of\n"
	"                  the N runs agree; its verdict and time are the median\n"
	"                  run's, and runs that disagree mark it \"unstable\"\n"
	"  --queue         (PostgreSQL) queue it for 'judge worker' and wait for the\n"
	"                  result, shown as a local run shows it\n"
	"\n"
	"exit codes: 0 AC, 1 any other verdict, 2 bad usage or input, 3 internal error\n";

int cmd_submit(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "fail-fast", no_argument, NULL, 'f' },
		{ "all", no_argument, NULL, 'a' },
		{ "user", required_argument, NULL, 'u' },
		{ "contest", required_argument, NULL, 'c' },
		{ "lang", required_argument, NULL, 'l' },
		{ "repeat", required_argument, NULL, 'r' },
		{ "queue", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct submit_req req = { .lang = -1, .fail_fast = 1 };
	const char *contest = NULL;
	enum compile_lang lang;
	char *user = NULL, *given;
	int c, rc;

	while ((c = judge_getopt(argc, argv, "h", opts, "submit")) != -1) {
		switch (c) {
		case 'j': req.json = 1; break;
		case 'f': req.fail_fast = 1; break;
		case 'a': req.fail_fast = 0; break;
		case 'u':
			free(user);
			user = xstrdup(optarg);
			break;
		case 'c': contest = optarg; break;
		case 'r':
			if (judge_repeat_arg(optarg, &req.repeat)) {
				free(user);
				return EXIT_BAD_INPUT;
			}
			break;
		case 'q': req.queue = 1; break;
		case 'l':
			if (compile_lang_parse(optarg, &lang) < 0) {
				free(user);
				return judge_fail();
			}
			req.lang = (int)lang;
			break;
		case 'h': fputs(submit_usage, stdout); free(user); return EXIT_ACCEPTED;
		default: free(user); return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind != 2) {
		fputs(submit_usage, stderr);
		free(user);
		return judge_bad("submit needs a problem id and a source file");
	}
	given = user;
	user = NULL;
	rc = judge_user(ctx, given, &user);
	free(given);
	if (rc) {
		/* said why */
	} else if (contest && !req.fail_fast) {
		rc = judge_bad("contest submissions stop at the first failing test; "
			       "--all does not apply with --contest");
	} else if (contest && req.repeat) {
		rc = judge_bad("contest submissions use the default re-runs near the time "
			       "limit; --repeat does not apply with --contest");
	} else if (req.queue && !db_is_uri(ctx->db_path)) {
		rc = judge_bad("--queue needs a PostgreSQL database, and '%s' is an SQLite file; "
			       "pass --db postgresql://HOST/DB (or set JUDGE_DB)", ctx->db_path);
	} else if (contest) {
		rc = submit_contest_file(ctx, contest, argv[optind], argv[optind + 1],
					 req.lang, user, req.json, req.queue);
	} else {
		req.problem = argv[optind];
		req.path = argv[optind + 1];
		req.user = user;
		rc = submit_file(ctx, &req);
	}
	free(user);
	return rc;
}
