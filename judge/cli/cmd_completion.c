/* cmd_completion.c: 'judge completion bash|zsh' prints a shell completion
 * script; the scripts call 'judge completion complete CWORD WORDS...', which
 * prints the candidates for word CWORD of a command line: commands,
 * options (read from each command's own usage), problem and contest ids
 * (from the database), subcommands and option values. Nothing printed:
 * the shell completes file names. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

static const char completion_usage[] =
	"usage: judge completion bash|zsh\n"
	"       judge completion complete CWORD WORD...\n"
	"\n"
	"Print a completion script for bash or zsh: commands, options, problem\n"
	"ids and contest ids. Install it with one line:\n"
	"  bash (~/.bashrc):  eval \"$(judge completion bash)\"\n"
	"  zsh  (~/.zshrc, after compinit):  eval \"$(judge completion zsh)\"\n"
	"The scripts ask 'judge completion complete CWORD WORD...' for the\n"
	"candidates of word number CWORD (WORD... is the whole command line, the\n"
	"program first); nothing printed means file names.\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage\n";

static const char bash_script[] =
	"# bash completion for judge: eval \"$(judge completion bash)\"\n"
	"_judge() {\n"
	"\tlocal IFS=$'\\n'\n"
	"\tCOMPREPLY=($(compgen -W \"$(\"${COMP_WORDS[0]}\" completion complete \"$COMP_CWORD\" "
	"\"${COMP_WORDS[@]}\" 2>/dev/null)\" -- \"${COMP_WORDS[COMP_CWORD]}\"))\n"
	"}\n"
	"complete -o default -F _judge judge bin/judge ./bin/judge\n";

static const char zsh_script[] =
	"# zsh completion for judge: eval \"$(judge completion zsh)\" (after compinit)\n"
	"_judge() {\n"
	"\tlocal -a c\n"
	"\tc=(${(f)\"$(${words[1]} completion complete $((CURRENT - 1)) \"${words[@]}\" "
	"2>/dev/null)\"})\n"
	"\tif (( ${#c} )); then compadd -a c; else _files; fi\n"
	"}\n"
	"compdef _judge judge bin/judge ./bin/judge\n";

static const char *const global_opts[] = {
	"--db", "--catalog", "--no-color", "--quiet", "--verbose", "--help", "--version", NULL,
};
static const char *const contest_subs[] = {
	"create", "list", "scoreboard", "start", "status", "submit", NULL,
};
static const char *const cases_actions[] = { "list", "add", "rm", NULL };
static const char *const shells[] = { "bash", "zsh", NULL };
static const char *const langs[] = { "c", "c++", NULL };

/* The command table's entry named name, or NULL. */
static const struct judge_cmd *find_cmd(const struct judge_ctx *ctx, const char *name)
{
	size_t i;

	for (i = 0; i < ctx->ncommands; i++)
		if (!strcmp(ctx->commands[i].name, name))
			return &ctx->commands[i];
	return NULL;
}

static void command_names(const struct judge_ctx *ctx)
{
	size_t i;

	for (i = 0; i < ctx->ncommands; i++)
		puts(ctx->commands[i].name);
}

static void print_all(const char *const *v)
{
	for (; *v; v++)
		puts(*v);
}

/* What 'judge CMD --help' prints, run in a child (every command prints its
 * usage before touching the context). */
static void command_usage(struct judge_ctx *ctx, const struct judge_cmd *cmd, struct buf *out)
{
	char *argv[] = { (char *)cmd->name, (char *)"--help", NULL };
	int fd[2];
	pid_t pid;

	if (pipe(fd) < 0)
		return;
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		close(fd[0]);
		if (dup2(fd[1], 1) < 0)
			_exit(1);
		optind = 0;
		cmd->fn(ctx, 2, argv);
		fflush(stdout);
		_exit(0);
	}
	close(fd[1]);
	if (pid > 0)
		util_read_fd(fd[0], "usage", out, 1 << 20);
	close(fd[0]);
	if (pid > 0)
		waitpid(pid, NULL, 0);
}

/* Each long option "--name" in a usage text, once; *value: those written
 * with a value ("--user NAME", "--lang c|c++"). Malloc'd, NULL-ended. */
static char **usage_options(const char *text, char ***value)
{
	char **v = xcalloc(1, sizeof(*v)), **val = xcalloc(1, sizeof(*val));
	size_t n = 0, nv = 0, i, len;
	const char *p = text, *e;
	char *name;
	int seen;

	while ((p = strstr(p, "--"))) {
		e = p + 2;
		while ((*e >= 'a' && *e <= 'z') || *e == '-')
			e++;
		len = (size_t)(e - p);
		if (len <= 2 || (p > text && p[-1] != ' ' && p[-1] != '[' && p[-1] != '\n' &&
				 p[-1] != '(')) {
			p = e;
			continue;
		}
		name = xstrndup(p, len);
		for (i = 0, seen = 0; i < n; i++)
			seen |= !strcmp(v[i], name);
		if (!seen) {
			v = xrealloc(v, (n + 2) * sizeof(*v));
			v[n++] = xstrdup(name);
			v[n] = NULL;
		}
		if (e[0] == ' ' && ((e[1] >= 'A' && e[1] <= 'Z') || (e[1] >= '0' && e[1] <= '9') ||
				    !strncmp(e + 1, "c|", 2))) {
			val = xrealloc(val, (nv + 2) * sizeof(*val));
			val[nv++] = xstrdup(name);
			val[nv] = NULL;
		}
		free(name);
		p = e;
	}
	*value = val;
	return v;
}

static void free_words(char **v)
{
	char **p;

	for (p = v; p && *p; p++)
		free(*p);
	free(v);
}

static int in_list(char *const *v, const char *s)
{
	for (; v && *v; v++)
		if (!strcmp(*v, s))
			return 1;
	return 0;
}

/* The problem ids, or the contest ids, of the database (silently nothing
 * when it cannot be opened). */
static void print_ids(struct judge_ctx *ctx, int contests)
{
	struct db_problem *p = NULL;
	struct db_contest *c = NULL;
	size_t n = 0, i;

	/* what fails is said on stderr, which the scripts send to /dev/null */
	if (!ctx->db && judge_open_db(ctx) != EXIT_ACCEPTED)
		ctx->db = NULL;
	if (!ctx->db)
		return;
	if (contests && db_contest_list(ctx->db, 0, &c, &n) == 0) {
		for (i = 0; i < n; i++)
			puts(c[i].id);
		db_contest_list_free(c, n);
	} else if (!contests && db_problem_list(ctx->db, 0, &p, &n) == 0) {
		for (i = 0; i < n; i++)
			puts(p[i].id);
		db_problem_list_free(p, n);
	}
	err_clear();
}

/* Where a word is on the command line: the command, its positional
 * arguments before the word (option values skipped), and the word before. */
struct cline {
	const struct judge_cmd *cmd;
	char **pos;
	int npos;
	const char *prev;              /* the word before, an option taking a value */
	char **opts, **valued;         /* the command's options (from its usage) */
};

/* Walk words[1..cword-1]: global options (--db and --catalog take a value,
 * kept in ctx for the id look-ups), the command, its arguments. */
static void parse_line(struct judge_ctx *ctx, int cword, char **words, struct cline *l)
{
	static char db_path[4096];
	struct buf usage = BUF_INIT;
	int i, catalog = 0, db = 0;
	char *dir;

	memset(l, 0, sizeof(*l));
	l->pos = xcalloc((size_t)cword + 1, sizeof(*l->pos));
	for (i = 1; i < cword; i++) {
		const char *w = words[i];

		if (!l->cmd && (!strcmp(w, "--db") || !strcmp(w, "--catalog")) && i + 1 < cword) {
			if (w[2] == 'd')
				ctx->db_path = words[++i], db = 1;
			else
				ctx->catalog_path = words[++i], catalog = 1;
		} else if (!l->cmd && w[0] == '-') {
			continue;
		} else if (!l->cmd) {
			l->cmd = find_cmd(ctx, w);
			if (!l->cmd)
				break;
			command_usage(ctx, l->cmd, &usage);
			l->opts = usage_options(buf_str(&usage), &l->valued);
		} else if (w[0] == '-') {
			if (in_list(l->valued, w) || !strcmp(w, "-j"))
				i++;
		} else {
			l->pos[l->npos++] = (char *)w;
		}
	}
	if (cword > 1)
		l->prev = words[cword - 1];
	if (catalog && !db && ctx->db_default) {
		/* main's rule: the default database sits beside the catalogue,
		 * so that another catalogue never retires this one's problems */
		dir = judge_catalog_dir(ctx);
		snprintf(db_path, sizeof(db_path), "%s/db/judge.db", strcmp(dir, "/") ? dir : "");
		ctx->db_path = db_path;
		free(dir);
	}
	buf_release(&usage);
}

/* The candidates for a positional argument number l->npos of l->cmd. */
static void complete_arg(struct judge_ctx *ctx, const struct cline *l)
{
	const char *name = l->cmd->name, *sub = l->npos ? l->pos[0] : "";
	int n = l->npos;

	if (!strcmp(name, "help") && n == 0) {
		command_names(ctx);
	} else if (!strcmp(name, "completion") && n == 0) {
		print_all(shells);
	} else if (!strcmp(name, "cases")) {
		if (n == 0)
			print_all(cases_actions);
		else if (n == 1)
			print_ids(ctx, 0);
	} else if (!strcmp(name, "contest")) {
		if (n == 0)
			print_all(contest_subs);
		else if (n == 1 && strcmp(sub, "create") && strcmp(sub, "list"))
			print_ids(ctx, 1);
		else if (n == 2 && !strcmp(sub, "submit"))
			print_ids(ctx, 0);
	} else if (!strcmp(name, "submit") || !strcmp(name, "test") || !strcmp(name, "show") ||
		   !strcmp(name, "stress") || !strcmp(name, "complexity") ||
		   !strcmp(name, "history") || !strcmp(name, "regress")) {
		if (n == 0 || !strcmp(name, "regress"))
			print_ids(ctx, 0);
	}
}

static int complete(struct judge_ctx *ctx, int cword, char **words, int nwords)
{
	const char *cur = cword < nwords ? words[cword] : "";
	struct cline l;
	size_t i;

	if (cword < 1 || cword > nwords)
		return EXIT_ACCEPTED;
	parse_line(ctx, cword, words, &l);
	if (!l.cmd && cword > 1 && words[cword - 1][0] == '-' &&
	    (!strcmp(words[cword - 1], "--db") || !strcmp(words[cword - 1], "--catalog")))
		;                               /* a path: file names */
	else if (!l.cmd && cur[0] == '-')
		print_all(global_opts);
	else if (!l.cmd)
		command_names(ctx);
	else if (l.prev && !strcmp(l.prev, "--lang"))
		print_all(langs);
	else if (l.prev && !strcmp(l.prev, "--contest"))
		print_ids(ctx, 1);
	else if (l.prev && in_list(l.valued, l.prev))
		;                               /* a value: file names or nothing */
	else if (cur[0] == '-')
		for (i = 0; l.opts && l.opts[i]; i++)
			puts(l.opts[i]);
	else
		complete_arg(ctx, &l);
	free(l.pos);
	free_words(l.opts);
	free_words(l.valued);
	return EXIT_ACCEPTED;
}

int cmd_completion(struct judge_ctx *ctx, int argc, char **argv)
{
	char *end;
	long cword;

	if (argc >= 2 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		fputs(completion_usage, stdout);
		return EXIT_ACCEPTED;
	}
	if (argc >= 2 && !strcmp(argv[1], "complete")) {
		if (argc < 4)
			return judge_bad("completion complete needs CWORD and the words");
		cword = strtol(argv[2], &end, 10);
		if (*end || cword < 0 || cword > argc)
			return judge_bad("completion complete: bad CWORD '%s'", argv[2]);
		return complete(ctx, (int)cword, argv + 3, argc - 3);
	}
	if (argc == 2 && !strcmp(argv[1], "bash")) {
		fputs(bash_script, stdout);
		return EXIT_ACCEPTED;
	}
	if (argc == 2 && !strcmp(argv[1], "zsh")) {
		fputs(zsh_script, stdout);
		return EXIT_ACCEPTED;
	}
	if (argc >= 2 && argv[1][0] == '-')
		return judge_bad("unknown option '%s' for 'judge completion'; run 'judge "
				 "completion --help' for the usage", argv[1]);
	fputs(completion_usage, stderr);
	return judge_bad("completion takes bash or zsh");
}
