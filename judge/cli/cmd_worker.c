/* cmd_worker.c: 'judge worker': grade the jobs of a PostgreSQL database's
 * queue in this machine's sandbox until stopped (judge/domain/queue.h). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/domain/queue.h"
#include "lib/err.h"
#include "lib/util.h"

static const char worker_usage[] =
	"usage: judge worker [-j N] [--name NAME] [--idle-exit S]\n"
	"\n"
	"Grade the jobs queued in a PostgreSQL database ('judge submit --queue',\n"
	"'judge regress --queue') in this machine's sandbox, N at a time, until\n"
	"SIGTERM or SIGINT (the current jobs are finished and stored first). Needs\n"
	"only --db postgresql://... (or JUDGE_DB): the tests are in the database.\n"
	"Each job is claimed under a lease that the worker renews while it grades;\n"
	"a job whose worker died is claimed again when its lease expires\n"
	"(JUDGE_QUEUE_LEASE_MS, default 30000). Binaries come from the compile\n"
	"cache; test data is kept by content hash in its folder 'tests'\n"
	"(JUDGE_TEST_CACHE_MAX_MB, default 1024) and fetched only when missing.\n"
	"\n"
	"  -j, --jobs N     grade N jobs at once (default 1)\n"
	"  --name NAME      the worker's name in 'judge queue' (default HOST-PID)\n"
	"  --idle-exit S    stop after S seconds without a job\n"
	"\n"
	"exit codes: 0 stopped, 2 bad usage or input, 3 internal error\n";

static void log_line(void *arg, const char *name, const char *event)
{
	char stamp[32];
	time_t now = time(NULL);

	(void)arg;
	strftime(stamp, sizeof(stamp), "%H:%M:%S", localtime(&now));
	printf("%s %s: %s\n", stamp, name, event);
	fflush(stdout);
}

static int parse_count(const char *arg, const char *what, int lo, int hi, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (!*arg || *end || v < lo || v > hi) {
		fputs(worker_usage, stderr);
		return judge_bad("bad %s '%s': give a number from %d to %d", what, arg, lo, hi);
	}
	*out = (int)v;
	return 0;
}

int cmd_worker(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "jobs", required_argument, NULL, 'j' },
		{ "name", required_argument, NULL, 'n' },
		{ "idle-exit", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct queue_worker_opts o = { 0 };
	char host[256], *name = NULL;
	int c, rc;

	o.jobs = 1;
	while ((c = judge_getopt(argc, argv, "hj:", opts, "worker")) != -1) {
		switch (c) {
		case 'j':
			if (parse_count(optarg, "-j", 1, 64, &o.jobs))
				return EXIT_BAD_INPUT;
			break;
		case 'n': o.name = optarg; break;
		case 'i':
			if (parse_count(optarg, "--idle-exit", 1, 86400 * 365, &o.idle_exit_s))
				return EXIT_BAD_INPUT;
			break;
		case 'h': fputs(worker_usage, stdout); return EXIT_ACCEPTED;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind < argc) {
		fputs(worker_usage, stderr);
		return judge_bad("worker takes no arguments ('%s')", argv[optind]);
	}
	if (!db_is_uri(ctx->db_path))
		return judge_bad("a worker grades the queue of a PostgreSQL database, and '%s' is "
				 "an SQLite file; pass --db postgresql://HOST/DB (or set JUDGE_DB)",
				 ctx->db_path);
	if (o.name && (!*o.name || strlen(o.name) > 100))
		return judge_bad("bad --name: give 1 to 100 characters");
	if (!o.name) {
		if (gethostname(host, sizeof(host) - 1) < 0)
			snprintf(host, sizeof(host), "worker");
		host[sizeof(host) - 1] = 0;
		name = xasprintf("%s-%ld", host, (long)getpid());
		o.name = name;
	}
	if (judge_cache_open(ctx) < 0) {
		free(name);
		return judge_fail();
	}
	o.db_path = ctx->db_path;
	o.lease_ms = queue_lease_ms();
	o.cache = ctx->cache;
	o.stop = ctx->cancel;
	o.log = ctx->quiet ? NULL : log_line;
	if (!ctx->quiet)
		log_line(NULL, o.name, "started");
	rc = queue_worker_run(&o) < 0 ? judge_fail() : EXIT_ACCEPTED;
	if (rc == EXIT_ACCEPTED && !ctx->quiet)
		log_line(NULL, o.name, "stopped");
	free(name);
	return rc;
}
