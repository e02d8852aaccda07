/* cmd_history.c: 'judge history [ID]': past submissions, newest first. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/domain/catalog.h"
#include "judge/domain/check.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char history_usage[] =
	"usage: judge history [ID] [--user NAME] [--verdict V] [--limit N] [--json]\n"
	"\n"
	"List past submissions, newest first: id, when (UTC), problem, user,\n"
	"verdict, tests passed, time and memory (maxima over the tests), and the\n"
	"name of the file submitted.\n"
	"\n"
	"  ID            only this problem's submissions\n"
	"  --user NAME   only NAME's submissions (on PostgreSQL a participant's role\n"
	"                sees only its own anyway)\n"
	"  --verdict V   only finished submissions with verdict V (AC, WA, PE, TLE,\n"
	"                MLE, OLE, RE, SV, CE or IE; any case)\n"
	"  --limit N     at most N submissions (default: all)\n"
	"  --json        print a JSON array\n";

static const char *verdict_text(const struct db_submission *s)
{
	if (s->running)
		return "running";
	return s->verdict >= 0 && s->verdict < V_COUNT ? verdict_name((enum verdict)s->verdict)
		: "?";
}

static json_t *json_row(const struct db_submission *s)
{
	json_t *o = json_object();
	char when[32];

	util_format_rfc3339(s->submitted_at, when);
	json_object_set_new(o, "id", json_integer(s->id));
	json_object_set_new(o, "submitted_at", json_string(when));
	json_object_set_new(o, "problem", report_json_string(s->problem, strlen(s->problem)));
	json_object_set_new(o, "lang", json_string(s->lang ? s->lang : "c"));
	json_object_set_new(o, "file", s->file_name ? report_json_string(s->file_name,
			    strlen(s->file_name)) : json_null());
	json_object_set_new(o, "user", report_json_string(s->user, strlen(s->user)));
	json_object_set_new(o, "status", json_string(s->running ? "running" : "done"));
	json_object_set_new(o, "verdict", s->running ? json_null() : json_string(verdict_text(s)));
	json_object_set_new(o, "passed", json_integer(s->passed));
	json_object_set_new(o, "total", json_integer(s->total));
	json_object_set_new(o, "time_ms", json_integer(s->time_ms));
	json_object_set_new(o, "memory_kb", json_integer(s->memory_kb));
	json_object_set_new(o, "contest", s->contest ? json_string(s->contest) : json_null());
	json_object_set_new(o, "letter", s->letter ? json_string(s->letter) : json_null());
	return o;
}

static void print_row(const struct judge_ctx *ctx, const struct db_submission *s)
{
	struct buf user = BUF_INIT, file = BUF_INIT;
	char when[32], mem[32], time[32], passed[32];

	util_format_rfc3339(s->submitted_at, when);
	text_escape(&user, s->user, strlen(s->user), 16, TEXT_QUOTE);
	if (s->file_name)
		text_escape(&file, s->file_name, strlen(s->file_name), 40, TEXT_QUOTE);
	else
		buf_addch(&file, '-');
	snprintf(time, sizeof(time), "%d ms", s->time_ms);
	/* nothing ran: no time or memory to show */
	if (!s->running && s->verdict == V_CE)
		snprintf(time, sizeof(time), "-");
	snprintf(passed, sizeof(passed), "%d/%d", s->passed, s->total);
	printf("%6lld  %-20s  %-20s  %-4s  %-16s  %s%-7s%s %7s %8s %10s  %s\n", s->id, when,
	       s->problem, s->lang ? s->lang : "c", buf_str(&user),
	       judge_color(ctx, s->running ? "1" : report_verdict_color((enum verdict)s->verdict)),
	       verdict_text(s), judge_color(ctx, "0"), passed, time,
	       !s->running && s->verdict == V_CE ? "-" :
	       report_memory((unsigned long)(s->memory_kb > 0 ? s->memory_kb : 0), mem),
	       buf_str(&file));
	buf_release(&user);
	buf_release(&file);
}

int cmd_history(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "verdict", required_argument, NULL, 'V' },
		{ "limit", required_argument, NULL, 'l' },
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct db_problem p = DB_PROBLEM_INIT;
	struct db_submission *v = NULL;
	const char *user = NULL, *problem = NULL, *verdict = NULL;
	char vname[8];
	size_t n = 0, i;
	long limit = 0;
	char *end;
	int c, json = 0, rc;
	json_t *arr;

	while ((c = judge_getopt(argc, argv, "h", opts, "history")) != -1) {
		switch (c) {
		case 'u': user = optarg; break;
		case 'V':
			if (strlen(optarg) >= sizeof(vname))
				return judge_bad("--verdict '%s' is not a verdict; use one of "
						 "AC WA PE TLE MLE OLE RE SV CE IE", optarg);
			for (i = 0; optarg[i]; i++)
				vname[i] = (char)toupper((unsigned char)optarg[i]);
			vname[i] = 0;
			if ((rc = verdict_parse(vname)) < 0)
				return judge_bad("--verdict '%s' is not a verdict; use one of "
						 "AC WA PE TLE MLE OLE RE SV CE IE", optarg);
			verdict = verdict_name((enum verdict)rc);
			break;
		case 'l':
			errno = 0;
			limit = strtol(optarg, &end, 10);
			if (errno || *end || limit <= 0 || limit > 1000000000L)
				return judge_bad("--limit '%s' must be a positive whole number",
						 optarg);
			break;
		case 'j': json = 1; break;
		case 'h': fputs(history_usage, stdout); return EXIT_ACCEPTED;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind > 1) {
		fputs(history_usage, stderr);
		return judge_bad("history takes at most one problem id");
	}
	if (argc - optind == 1) {
		problem = argv[optind];
		if (catalog_lookup_problem(ctx->db, problem, &p) < 0)
			return judge_fail();
		db_problem_release(&p);
	}
	if (db_submission_list(ctx->db, problem, user, verdict, (int)limit, &v, &n) < 0) {
		return judge_fail();
	}
	if (json) {
		arr = json_array();
		for (i = 0; i < n; i++)
			json_array_append_new(arr, json_row(&v[i]));
		report_print_json(arr);
		json_decref(arr);
	} else if (n == 0) {
		if (!ctx->quiet)
			printf(problem || user || verdict ? "no submissions match\n"
			       : "no submissions yet\n");
	} else {
		printf("%s%6s  %-20s  %-20s  %-4s  %-16s  %-7s %7s %8s %10s  %s%s\n",
		       judge_color(ctx, "1"), "id", "when", "problem", "lang", "user", "verdict",
		       "passed", "time", "memory", "file", judge_color(ctx, "0"));
		for (i = 0; i < n; i++)
			print_row(ctx, &v[i]);
	}
	db_submission_list_free(v, n);
	return EXIT_ACCEPTED;
}
