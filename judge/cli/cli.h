/* cli.h: what the front end's commands share: the context, exit codes, the
 * command table's entries and flags, and the helpers for printing, errors,
 * signals and a command's sandbox. Only judge/cli/ includes it; the domain
 * modules in judge/domain/ never print, exit or read the context. */
#ifndef JUDGE_CLI_CLI_H
#define JUDGE_CLI_CLI_H

#include <signal.h>
#include <stdio.h>

#include "lib/err.h"

/* What 'judge --version' prints after "judge ". */
#define JUDGE_VERSION "0.2.0"

enum judge_exit {
	EXIT_ACCEPTED = 0,   /* accepted / ok */
	EXIT_REJECTED = 1,   /* judged but not accepted, or a regression mismatch */
	EXIT_BAD_INPUT = 2,  /* bad usage or bad input */
	EXIT_INTERNAL = 3,   /* the judge itself failed, or it was interrupted */
};

struct db;
struct db_problem;
struct sbx;
struct compile_cache;
struct option;

/* What every command gets. Filled by main() from the global options and the
 * command's flags. */
struct judge_ctx {
	const char *root;          /* project root (the folder above bin/) */
	const char *db_path;       /* --db, $JUDGE_DB, or ROOT/db/judge.db */
	int db_default;            /* db_path is the default beside the catalogue
				    * (the only one whose folder is created) */
	const char *catalog_path;  /* --catalog, $JUDGE_CATALOG, or ROOT/problems.toml */
	struct db *db;             /* open and synced when the command has CMD_DB */
	int color;                 /* colour on stdout (a terminal, no NO_COLOR, no --no-color) */
	int quiet, verbose;
	/* CMD_SANDBOX: set by judge_sandbox(), closed by main() */
	struct compile_cache *cache;
	struct sbx *sbx;           /* sandbox worker 0 */
	/* CMD_CANCEL: becomes 1 at the first SIGINT, SIGTERM or SIGHUP, 2 at
	 * the second, which also cancels the run worker 0 is doing (the
	 * domain then drops that run's result); the third kills the judge.
	 * Pass it to the domain as its cancel flag. NULL for other commands. */
	volatile sig_atomic_t *cancel;
	/* the command table (main.c), for 'judge completion' */
	const struct judge_cmd *commands;
	size_t ncommands;
};

/* Command flags: what main() sets up before calling the command and takes
 * down after it. */
#define CMD_DB      1   /* open the database and sync the catalogue */
#define CMD_SANDBOX 2   /* may call judge_sandbox() or judge_cache_open(); main()
			 * closes what they opened */
#define CMD_CANCEL  4   /* catch the interrupting signals into ctx->cancel */

struct judge_cmd {
	const char *name;
	int (*fn)(struct judge_ctx *ctx, int argc, char **argv);
	int flags;
	const char *summary;
};

/* The exit code for an error of this kind: the one place that decides it
 * (ERR_INPUT 2; ERR_INTERNAL and ERR_CANCELLED 3). */
int judge_exit_code(enum err_kind kind);

/* Print the current error (lib/err.h) as "judge: error: <message>" on
 * stderr and return judge_exit_code(err_kind()). */
int judge_fail(void);

/* Bad usage or bad input found by the front end itself: record the message
 * as ERR_INPUT, print it as judge_fail() does and return EXIT_BAD_INPUT. */
int judge_bad(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* getopt_long with getopt's own messages off, for every command (cmd its
 * name, NULL for the global options). An unknown option, one missing its
 * value or given a value it does not take is printed as one "judge: error:"
 * line naming it (and the closest long option when one is near) and returns
 * '?': the caller returns EXIT_BAD_INPUT without printing more. */
int judge_getopt(int argc, char **argv, const char *shortopts,
		 const struct option *longopts, const char *cmd);

/* The value of --repeat (runs in all for a test near its time limit, 1 to
 * GRADE_REPEAT_MAX) into *out: 0, or EXIT_BAD_INPUT after one "judge:
 * error:" line. */
int judge_repeat_arg(const char *arg, int *out);

/* "Did you mean": 1 when cand is near enough to word (an edit distance of
 * at most max(2, len/3)) and nearer than *best, which it then updates;
 * start with *best = (size_t)-1. */
int judge_nearer(const char *word, const char *cand, size_t *best);

/* Print "judge: warning: <message>" on stderr. */
void judge_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ANSI colour escape for `code` ("1;32") when ctx->color, else "". */
const char *judge_color(const struct judge_ctx *ctx, const char *code);

/* How list and show name a problem's checker: the catalogue's name, "kattis"
 * for the Kattis default output validator, "custom (kattis)" for a Kattis
 * output validator. Borrowed (static). */
struct db_problem;
const char *judge_checker_label(const struct db_problem *p);

/* Whether ctx->db_path may be opened for the catalogue at `catalog`,
 * without creating anything: 0, or -1 with an ERR_INPUT message that says
 * what to do. A path naming a folder, a database in a folder that does not
 * exist (unless it is the default beside the catalogue), no database and no
 * catalogue, and a database or folder the user cannot write are refused, so
 * that a mistyped --db or --catalog never leaves folders or files behind. */
int judge_db_check(const struct judge_ctx *ctx, const char *catalog);

struct catalog_stats;

/* catalog_sync() of the catalogue at file into ctx->db with the front
 * end's compiler: the custom checkers, generators and validators of new or
 * changed problems are compiled in a sandbox of their own (closed again
 * before returning; skipped when no sandbox can be had here). 0, or -1
 * with err set. */
int judge_catalog_sync(const struct judge_ctx *ctx, const char *file, int flags,
		       struct catalog_stats *st);

/* Open ctx->db (creating it), sync the catalogue when it changed and mark
 * submissions whose judge died as IE; used by main() for CMD_DB commands.
 * Prints what failed and returns an exit code (0 when ready). */
int judge_open_db(struct judge_ctx *ctx);

/* The user a command acts as, malloc'd in *out: on PostgreSQL the database
 * role, where given (from --user) must be NULL or the same unless the role
 * may write the catalogue (an admin acts for others; a participant submits
 * as nobody else); on SQLite given (checked) or the login name. Returns 0,
 * or the exit code after printing the error. Needs ctx->db open. */
int judge_user(struct judge_ctx *ctx, const char *given, char **out);

/* For CMD_SANDBOX commands, once their arguments are checked: open the
 * compile cache and sandbox worker 0 into ctx (once; later calls return at
 * once), warn once unless -q when the sandbox runs with less than every
 * protection, and with -v say which uid the worker runs programs as. 0, or
 * the exit code after printing the error. */
int judge_sandbox(struct judge_ctx *ctx);

/* The same without printing: 0, or -1 with err set. */
int judge_sandbox_open(struct judge_ctx *ctx);

/* Only the compile cache, into ctx->cache (once): for a command whose
 * workers open their own sandboxes. 0, or -1 with err set. */
int judge_cache_open(struct judge_ctx *ctx);

/* Close what judge_sandbox() opened (main() does, after the command). */
void judge_sandbox_close(struct judge_ctx *ctx);

/* Catch SIGINT, SIGTERM and SIGHUP into ctx->cancel for a CMD_CANCEL
 * command; a second signal gets the default action. judge_signals_restore
 * puts the previous handlers back. */
void judge_signals_catch(struct judge_ctx *ctx);
void judge_signals_restore(struct judge_ctx *ctx);

/* Look up a problem that is in the catalogue for the user: 0 with p filled
 * (release it with db_problem_release), or the exit code after printing
 * the error (catalog_find_problem's: an unknown id suggests the closest). */
int judge_find_problem(struct judge_ctx *ctx, const char *id, struct db_problem *p);

/* The folder holding the catalogue file (solutions/ sits in it). Malloc'd. */
char *judge_catalog_dir(const struct judge_ctx *ctx);

/* Not root on cgroup v2, in a cgroup not delegated to this user, with a
 * systemd user manager: run argv again under `systemd-run --user --scope -p
 * Delegate=yes` and wait for it (scope.c). Returns its exit code, or -1
 * when the judge should go on here (nothing to gain, JUDGE_NO_SCOPE set,
 * already in such a scope, or the scope could not be made). */
int judge_rescope(const struct judge_ctx *ctx, int argc, char **argv);
/* In the judge that judge_rescope started: tell the one waiting. */
void judge_scope_started(void);

/* Subcommands, one file each (judge/cli/cmd_NAME.c). */
int cmd_add_package(struct judge_ctx *ctx, int argc, char **argv);
int cmd_cases(struct judge_ctx *ctx, int argc, char **argv);
int cmd_completion(struct judge_ctx *ctx, int argc, char **argv);
int cmd_complexity(struct judge_ctx *ctx, int argc, char **argv);
int cmd_export(struct judge_ctx *ctx, int argc, char **argv);
int cmd_contest(struct judge_ctx *ctx, int argc, char **argv);
int cmd_doctor(struct judge_ctx *ctx, int argc, char **argv);
int cmd_history(struct judge_ctx *ctx, int argc, char **argv);
int cmd_import(struct judge_ctx *ctx, int argc, char **argv);
int cmd_list(struct judge_ctx *ctx, int argc, char **argv);
int cmd_new(struct judge_ctx *ctx, int argc, char **argv);
int cmd_mutate(struct judge_ctx *ctx, int argc, char **argv);
int cmd_regress(struct judge_ctx *ctx, int argc, char **argv);
int cmd_result(struct judge_ctx *ctx, int argc, char **argv);
int cmd_run(struct judge_ctx *ctx, int argc, char **argv);
int cmd_show(struct judge_ctx *ctx, int argc, char **argv);
int cmd_stress(struct judge_ctx *ctx, int argc, char **argv);
int cmd_submit(struct judge_ctx *ctx, int argc, char **argv);
int cmd_test(struct judge_ctx *ctx, int argc, char **argv);
int cmd_queue(struct judge_ctx *ctx, int argc, char **argv);
int cmd_worker(struct judge_ctx *ctx, int argc, char **argv);

#endif
