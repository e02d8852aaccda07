/* cmd_queue.c: 'judge queue': the jobs of a PostgreSQL database's queue
 * (queued, running, the last finished) and its workers' heartbeats. */
#include <getopt.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/err.h"

static const char queue_usage[] =
	"usage: judge queue [--json] [--done N]\n"
	"\n"
	"Show the job queue of a PostgreSQL database: the queued and running jobs,\n"
	"the last N finished ones (default 20) with their submissions, and every\n"
	"worker with its state and last heartbeat.\n"
	"\n"
	"  --json     print one JSON object {\"jobs\": [...], \"workers\": [...]}\n"
	"  --done N   how many finished jobs to show\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage or input, 3 internal error\n";

static json_t *jobs_json(const struct db_job *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:s, s:s?, s:s?, s:i, "
			"s:o?, s:f, s:o?, s:s}", "id", (json_int_t)v[i].id, "status", v[i].status,
			"problem", v[i].problem, "user", v[i].user, "enqueued_by",
			v[i].enqueued_by ? v[i].enqueued_by : "", "label", v[i].label,
			"worker", v[i].worker, "claims", v[i].claim,
			"submission", v[i].submission ? json_integer(v[i].submission) : NULL,
			"age_s", v[i].age_s, "lease_left_s",
			!strcmp(v[i].status, "running") ? json_real(v[i].lease_left_s) : NULL,
			"flag", v[i].flag ? v[i].flag : ""));
	return a;
}

static json_t *workers_json(const struct db_worker *v, size_t n)
{
	json_t *a = json_array();
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:s, s:i, s:f}",
			"name", v[i].name, "host", v[i].host, "pid", (json_int_t)v[i].pid,
			"state", v[i].state, "jobs_done", v[i].jobs_done,
			"heartbeat_age_s", v[i].beat_age_s));
	return a;
}

static void print_text(const struct db_job *jobs, size_t nj, const struct db_worker *w,
		       size_t nw)
{
	size_t i, queued = 0, running = 0;
	char sub[32];

	for (i = 0; i < nj; i++) {
		queued += !strcmp(jobs[i].status, "queued");
		running += !strcmp(jobs[i].status, "running");
	}
	printf("jobs: %zu queued, %zu running, %zu finished shown\n", queued, running,
	       nj - queued - running);
	if (nj)
		printf("  %-6s %-8s %-20s %-12s %-24s %7s %10s\n", "JOB", "STATUS", "PROBLEM",
		       "USER", "WORKER", "AGE", "SUBMISSION");
	for (i = 0; i < nj; i++) {
		snprintf(sub, sizeof(sub), "%lld", jobs[i].submission);
		printf("  %-6lld %-8s %-20s %-12s %-24s %6.0fs %10s\n", jobs[i].id,
		       jobs[i].status, jobs[i].problem, jobs[i].user,
		       jobs[i].worker ? jobs[i].worker : "-", jobs[i].age_s,
		       jobs[i].submission ? sub : "-");
	}
	printf("workers: %zu\n", nw);
	if (nw)
		printf("  %-24s %-16s %8s %-20s %5s %s\n", "NAME", "HOST", "PID", "STATE", "JOBS",
		       "HEARTBEAT");
	for (i = 0; i < nw; i++)
		printf("  %-24s %-16s %8lld %-20s %5d %.0fs ago\n", w[i].name, w[i].host,
		       w[i].pid, w[i].state, w[i].jobs_done, w[i].beat_age_s);
}

int cmd_queue(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "done", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_job *jobs = NULL;
	struct db_worker *w = NULL;
	size_t nj = 0, nw = 0;
	int c, json = 0, done = 20, rc = EXIT_ACCEPTED;
	struct db *db;
	char *end;
	json_t *o;

	while ((c = judge_getopt(argc, argv, "h", opts, "queue")) != -1) {
		switch (c) {
		case 'j': json = 1; break;
		case 'd':
			done = (int)strtol(optarg, &end, 10);
			if (!*optarg || *end || done < 0 || done > 100000)
				return judge_bad("bad --done '%s': give a number from 0 to 100000",
						 optarg);
			break;
		case 'h': fputs(queue_usage, stdout); return EXIT_ACCEPTED;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind < argc)
		return judge_bad("queue takes no arguments ('%s')", argv[optind]);
	/* no catalogue sync: the queue is the database's alone */
	if (!db_is_uri(ctx->db_path))
		return judge_bad("the job queue needs a PostgreSQL database, and '%s' is an "
				 "SQLite file; pass --db postgresql://HOST/DB (or set JUDGE_DB)",
				 ctx->db_path);
	if (!(db = db_open(ctx->db_path)))
		return judge_fail();
	if (db_job_list(db, done, &jobs, &nj) < 0 || db_worker_list(db, &w, &nw) < 0) {
		rc = judge_fail();
		goto out;
	}
	if (json) {
		o = json_pack("{s:o, s:o}", "jobs", jobs_json(jobs, nj), "workers",
			      workers_json(w, nw));
		report_print_json(o);
		json_decref(o);
	} else {
		print_text(jobs, nj, w, nw);
	}
out:
	db_job_list_free(jobs, nj);
	db_worker_list_free(w, nw);
	db_close(db);
	return rc;
}
