/* cmd_doctor.c: `judge doctor [--json]`: what this host gives the sandbox,
 * one row per protection and measurement, and what to do about each. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "sandbox/sandbox.h"

static const char usage[] =
	"usage: judge doctor [--json]\n"
	"\n"
	"Probe this host: who runs the judge, each namespace, the cgroup version\n"
	"and controllers, seccomp, ia32 emulation, the worker uid, the compile and\n"
	"run sandboxes (a real compile and run), and how time and memory are\n"
	"measured. Each row is ok, weaker (what is used instead) or missing, with\n"
	"the one thing to do about it.\n"
	"\n"
	"exit: 0 everything in force, 1 weaker somewhere, 3 the sandbox cannot run\n";

static int print_json(const struct sbx_host *h)
{
	json_t *rows = json_array(), *j;
	int rc;

	for (size_t i = 0; i < h->n; i++) {
		const struct sbx_host_row *r = &h->rows[i];

		json_array_append_new(rows, json_pack("{s:s, s:s, s:s, s:s}",
			"name", r->name, "level", sbx_level_name(r->level),
			"what", r->what, "fix", r->fix));
	}
	j = json_pack("{s:s, s:b, s:o}", "status", sbx_level_name(h->worst),
		      "can_run", h->can_run, "rows", rows);
	rc = report_print_json(j);
	json_decref(j);
	return rc;
}

static void print_table(const struct judge_ctx *ctx, const struct sbx_host *h)
{
	for (size_t i = 0; i < h->n; i++) {
		const struct sbx_host_row *r = &h->rows[i];
		const char *color = r->level == SBX_HOST_OK ? "32" :
			r->level == SBX_HOST_WEAKER ? "33" : "31";

		printf("%-18s %s%-7s%s %s\n", r->name, judge_color(ctx, color),
		       sbx_level_name(r->level), judge_color(ctx, "0"), r->what);
		if (r->fix[0])
			printf("%-18s %-7s -> %s\n", "", "", r->fix);
	}
	if (!h->can_run)
		printf("\nthe sandbox cannot run on this host: see the missing rows\n");
	else if (h->worst != SBX_HOST_OK)
		printf("\nthe sandbox runs, with less than every protection: see the weaker rows\n");
	else
		printf("\nevery protection and measurement is in force\n");
}

int cmd_doctor(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct sbx_host h;
	int c, json = 0;

	while ((c = judge_getopt(argc, argv, "h", opts, "doctor")) != -1) {
		if (c == 'j') {
			json = 1;
			continue;
		}
		if (c != 'h')
			return EXIT_BAD_INPUT;
		fputs(usage, stdout);
		return EXIT_ACCEPTED;
	}
	if (optind < argc)
		return judge_bad("doctor takes no arguments (only --json)");
	sbx_host_probe(&h);
	if (json) {
		if (print_json(&h) < 0)
			return EXIT_INTERNAL;
	} else {
		print_table(ctx, &h);
	}
	if (!h.can_run)
		return EXIT_INTERNAL;
	return h.worst == SBX_HOST_OK ? EXIT_ACCEPTED : EXIT_REJECTED;
}
