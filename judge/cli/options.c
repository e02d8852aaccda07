/* options.c: getopt_long for every command, with one-line errors that name
 * the closest valid option, and the "did you mean" distance they share with
 * the command table. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include <stdlib.h>

#include "judge/cli/cli.h"
#include "judge/domain/grade.h"
#include "lib/util.h"

int judge_repeat_arg(const char *arg, int *out)
{
	char *end;
	long n = strtol(arg, &end, 10);

	if (!*arg || *end || n < 1 || n > GRADE_REPEAT_MAX)
		return judge_bad("bad --repeat '%s': give the runs in all for a test near its "
				 "time limit, from 1 to %d", arg, GRADE_REPEAT_MAX);
	*out = (int)n;
	return 0;
}

int judge_nearer(const char *word, const char *cand, size_t *best)
{
	size_t d, limit = strlen(word) / 3;

	if (limit < 2)
		limit = 2;
	d = util_edit_distance(word, cand);
	if (d > limit || d >= *best)
		return 0;
	*best = d;
	return 1;
}

/* "; did you mean '--NAME'?" for the long option closest to name, or "". */
static void suggest(const char *name, const struct option *longopts, char *out, size_t size)
{
	const struct option *o, *near = NULL;
	size_t best = (size_t)-1;

	for (o = longopts; o->name; o++)
		if (judge_nearer(name, o->name, &best))
			near = o;
	if (near)
		snprintf(out, size, "; did you mean '--%s'?", near->name);
	else
		snprintf(out, size, ";");
}

/* The long option spelled by arg ("--name" or "--name=value"), exactly. */
static const struct option *long_named(const char *arg, const struct option *longopts)
{
	const struct option *o;
	size_t n = strcspn(arg + 2, "=");

	for (o = longopts; o->name; o++)
		if (strlen(o->name) == n && !strncmp(o->name, arg + 2, n))
			return o;
	return NULL;
}

/* Print the error for the option getopt_long just refused (c is '?' or
 * ':'). */
static void refuse(int c, char **argv, const struct option *longopts, const char *cmd)
{
	const char *arg = optind > 0 ? argv[optind - 1] : "";
	const struct option *o;
	char name[128], hint[160], where[64] = "", help[64];
	int is_long = !strncmp(arg, "--", 2) && arg[2];
	size_t n, matches = 0;

	if (cmd)
		snprintf(where, sizeof(where), " for 'judge %s'", cmd);
	snprintf(help, sizeof(help), "run 'judge %s%s--help' for the usage",
		 cmd ? cmd : "", cmd ? " " : "");
	/* optopt is 0 for an unknown long option, else the refused short one
	 * or the val of the long one that missed or got a value */
	if (optopt && !(is_long && (o = long_named(arg, longopts)) && o->val == optopt))
		is_long = 0;
	if (!is_long) {
		snprintf(name, sizeof(name), "-%c", optopt);
		if (c == ':')
			judge_bad("option '%s' needs a value; %s", name, help);
		else
			judge_bad("unknown option '%s'%s; %s", name, where, help);
		return;
	}
	n = strcspn(arg + 2, "=");
	snprintf(name, sizeof(name), "--%.*s", (int)(n < 100 ? n : 100), arg + 2);
	if (c == ':') {
		judge_bad("option '%s' needs a value; %s", name, help);
		return;
	}
	if ((o = long_named(arg, longopts))) {
		judge_bad("option '%s' takes no value; %s", name, help);
		return;
	}
	for (o = longopts; o->name; o++)
		matches += !strncmp(o->name, name + 2, strlen(name + 2));
	if (matches > 1) {
		judge_bad("option '%s'%s is ambiguous; %s", name, where, help);
		return;
	}
	suggest(name + 2, longopts, hint, sizeof(hint));
	judge_bad("unknown option '%s'%s%s %s", name, where, hint, help);
}

int judge_getopt(int argc, char **argv, const char *shortopts,
		 const struct option *longopts, const char *cmd)
{
	char spec[64];
	const char *rest = shortopts;
	size_t k = 0;
	int c;

	/* a leading ':' so that a missing value is told apart from an
	 * unknown option, after the '+' or '-' that must come first */
	if (*rest == '+' || *rest == '-')
		spec[k++] = *rest++;
	if (*rest != ':')
		spec[k++] = ':';
	snprintf(spec + k, sizeof(spec) - k, "%s", rest);
	opterr = 0;
	c = getopt_long(argc, argv, spec, longopts, NULL);
	if (c == '?' || c == ':') {
		refuse(c, argv, longopts, cmd);
		return '?';
	}
	return c;
}
