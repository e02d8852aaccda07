/* main.c: global options, the command table and exit codes of bin/judge. */
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "lib/err.h"
#include "lib/util.h"

static const char usage[] =
	"usage: judge [--db PATH] [--catalog FILE] [--no-color] [-q] [-v] COMMAND [ARGS]\n"
	"       judge help [COMMAND] | --help | --version\n"
	"\n"
	"commands:\n";

#define GRADES (CMD_DB | CMD_SANDBOX | CMD_CANCEL)

static int cmd_help(struct judge_ctx *ctx, int argc, char **argv);

/* Sorted by name; flags say what main() sets up first and takes down after
 * (cli.h). 'contest' catches signals itself, for its submit only. */
static const struct judge_cmd commands[] = {
	{ "add-package", cmd_add_package, 0, "add a Kattis problem package to the catalogue" },
	{ "cases",      cmd_cases,      CMD_DB | CMD_SANDBOX,
	  "list, add and remove your local test cases of a problem" },
	{ "completion", cmd_completion, 0,      "print a bash or zsh completion script" },
	{ "complexity", cmd_complexity, GRADES, "estimate how a solution's running time grows" },
	{ "contest",    cmd_contest,    CMD_DB | CMD_SANDBOX,
	  "create, start, submit to and score local contests" },
	{ "doctor",     cmd_doctor,     0,      "what this host gives the sandbox" },
	{ "export",     cmd_export,     CMD_DB, "write a problem as a Kattis problem package" },
	{ "help",       cmd_help,       0,      "list the commands, or show one command's usage" },
	{ "history",    cmd_history,    CMD_DB, "list past submissions" },
	{ "import",     cmd_import,     0,      "load the catalogue into the database" },
	{ "list",       cmd_list,       CMD_DB, "list the problems of the catalogue" },
	{ "mutate",     cmd_mutate,     GRADES,
	  "mutation testing: how many wrong variants of a solution the tests reject" },
	{ "new",        cmd_new,        CMD_DB, "scaffold a new problem from a template" },
	{ "queue",      cmd_queue,      0,      "show the job queue and workers of a PostgreSQL database" },
	{ "regress",    cmd_regress,    GRADES,
	  "grade every stored solution against its expected verdict" },
	{ "result",     cmd_result,     CMD_DB, "show one submission in full" },
	{ "run",        cmd_run,        CMD_SANDBOX, "compile and run one program in the sandbox" },
	{ "show",       cmd_show,       CMD_DB, "show a problem's statement, limits and samples" },
	{ "stress",     cmd_stress,     GRADES, "find and shrink a counterexample against a reference" },
	{ "submit",     cmd_submit,     GRADES, "grade a solution on every test of a problem" },
	{ "test",       cmd_test,       GRADES,
	  "run a solution on the samples and your local tests; store nothing" },
	{ "worker",     cmd_worker,     CMD_SANDBOX | CMD_CANCEL,
	  "grade the jobs queued in a PostgreSQL database" },
};

static void print_usage(FILE *f)
{
	size_t i;

	fputs(usage, f);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-11s %s\n", commands[i].name, commands[i].summary);
	fputs("\nexit codes: 0 accepted/ok, 1 judged but not accepted, "
	      "2 bad usage or input, 3 internal error\n", f);
}

/* The command named name, or NULL after printing the error (with the
 * closest command's name when one is near). */
static const struct judge_cmd *find_command(const char *name)
{
	const struct judge_cmd *near = NULL;
	size_t i, best = (size_t)-1;
	char hint[64] = "";

	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (judge_nearer(name, commands[i].name, &best))
			near = &commands[i];
	if (near)
		snprintf(hint, sizeof(hint), " did you mean '%s'?", near->name);
	judge_bad("unknown command '%s';%s run 'judge help' to see the commands", name, hint);
	return NULL;
}

static const char help_usage[] =
	"usage: judge help [COMMAND]\n"
	"\n"
	"Without COMMAND, list the commands (as 'judge --help' does); with one,\n"
	"print its usage (as 'judge COMMAND --help' does).\n"
	"\n"
	"exit codes: 0 ok, 2 unknown command\n";

/* 'judge help [COMMAND]': the command list, or the command's own --help. */
static int cmd_help(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const struct judge_cmd *cmd;
	char *sub[3];
	int c;

	while ((c = judge_getopt(argc, argv, "h", opts, "help")) != -1) {
		if (c != 'h')
			return EXIT_BAD_INPUT;
		fputs(help_usage, stdout);
		return EXIT_ACCEPTED;
	}
	if (argc - optind > 1)
		return judge_bad("help takes at most one command; run 'judge help' "
				 "to see the commands");
	if (argc - optind == 0) {
		print_usage(stdout);
		return EXIT_ACCEPTED;
	}
	if (!(cmd = find_command(argv[optind])))
		return EXIT_BAD_INPUT;
	/* every command prints its usage before it touches the context */
	sub[0] = (char *)cmd->name;
	sub[1] = (char *)"--help";
	sub[2] = NULL;
	optind = 0;
	return cmd->fn(ctx, 2, sub);
}

/* The project root: the folder above the one holding this binary. */
static void find_root(char *root, size_t size)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0) {
		snprintf(root, size, ".");
		return;
	}
	exe[n] = 0;
	snprintf(root, size, "%s", dirname(dirname(exe)));
}

/* The catalogue and database paths the options left open: the environment,
 * then the defaults. */
static void default_paths(struct judge_ctx *ctx)
{
	/* Static so that nothing the context points at needs freeing. */
	static char db_default[PATH_MAX + 32], cat_default[PATH_MAX + 32];
	const char *e;
	char *dir, *d;

	snprintf(cat_default, sizeof(cat_default), "%s/problems.toml", ctx->root);
	if (!ctx->catalog_path)
		ctx->catalog_path = (e = getenv("JUDGE_CATALOG")) && *e ? e :
			access("problems.toml", F_OK) == 0 ? "problems.toml" :
			cat_default;
	/* The default database sits in db/ beside the catalogue, so that a
	 * catalogue in another folder never retires this project's problems
	 * from this project's database. */
	if (!ctx->db_path && (e = getenv("JUDGE_DB")) && *e)
		ctx->db_path = e;
	if (!ctx->db_path) {
		dir = xstrdup(ctx->catalog_path);
		d = dirname(dir);
		snprintf(db_default, sizeof(db_default), "%s/db/judge.db", strcmp(d, "/") ? d : "");
		free(dir);
		ctx->db_path = db_default;
		ctx->db_default = 1;
	}
}

/* The global options before the command, into ctx. 0 with *cmd set, or -1
 * when main is done (help, or bad usage), with *rc its exit code. */
static int parse_globals(int argc, char **argv, struct judge_ctx *ctx,
			 const struct judge_cmd **cmd, int *rc)
{
	static const struct option opts[] = {
		{ "db", required_argument, NULL, 'd' },
		{ "catalog", required_argument, NULL, 'c' },
		{ "no-color", no_argument, NULL, 'n' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	const char *e;
	int c, no_color = 0;

	while ((c = judge_getopt(argc, argv, "+qvh", opts, NULL)) != -1) {
		switch (c) {
		case 'd': ctx->db_path = optarg; break;
		case 'c': ctx->catalog_path = optarg; break;
		case 'n': no_color = 1; break;
		case 'q': ctx->quiet = 1; break;
		case 'v': ctx->verbose = 1; break;
		case 'h': print_usage(stdout); return *rc = EXIT_ACCEPTED, -1;
		case 'V': puts("judge " JUDGE_VERSION); return *rc = EXIT_ACCEPTED, -1;
		default: return *rc = EXIT_BAD_INPUT, -1;
		}
	}
	if (optind >= argc) {
		print_usage(stderr);
		return *rc = EXIT_BAD_INPUT, -1;
	}
	if (!(*cmd = find_command(argv[optind])))
		return *rc = EXIT_BAD_INPUT, -1;
	ctx->color = !no_color && isatty(1) && !((e = getenv("NO_COLOR")) && *e);
	return 0;
}

int main(int argc, char **argv)
{
	static char root[PATH_MAX];
	struct judge_ctx ctx = { 0 };
	const struct judge_cmd *cmd;
	int rc;

	judge_scope_started();
	find_root(root, sizeof(root));
	ctx.root = root;
	ctx.commands = commands;
	ctx.ncommands = sizeof(commands) / sizeof(commands[0]);
	if (parse_globals(argc, argv, &ctx, &cmd, &rc) < 0)
		return rc;
	/* a command that runs programs, where a systemd scope would give the
	 * sandbox its cgroups: run it there instead */
	if ((cmd->flags & CMD_SANDBOX) && (rc = judge_rescope(&ctx, argc, argv)) >= 0)
		return rc;
	default_paths(&ctx);
	if ((cmd->flags & CMD_DB) && (rc = judge_open_db(&ctx)) != EXIT_ACCEPTED)
		return rc;
	argv += optind;
	argc -= optind;
	optind = 0; /* reset getopt for the command's own parsing */
	if (cmd->flags & CMD_CANCEL)
		judge_signals_catch(&ctx);
	rc = cmd->fn(&ctx, argc, argv);
	judge_signals_restore(&ctx);
	if (cmd->flags & CMD_SANDBOX)
		judge_sandbox_close(&ctx);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		err_errno("cannot write to standard output");
		rc = judge_fail();
	}
	if (ctx.db)
		db_close(ctx.db);
	return rc;
}
