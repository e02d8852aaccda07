/* judge.h: what the front end's commands share: the context, exit codes and
 * the printing helpers. Only judge/ includes it. */
#ifndef JUDGE_JUDGE_H
#define JUDGE_JUDGE_H

#include <stdio.h>

enum judge_exit {
	EXIT_ACCEPTED = 0,   /* accepted / ok */
	EXIT_REJECTED = 1,   /* judged but not accepted, or a regression mismatch */
	EXIT_BAD_INPUT = 2,  /* bad usage or bad input */
	EXIT_INTERNAL = 3,   /* the judge itself failed */
};

struct db;

/* What every command gets. Filled by main() from the global options. */
struct judge_ctx {
	const char *root;          /* project root (the folder above bin/) */
	const char *db_path;       /* --db, $JUDGE_DB, or ROOT/db/judge.db */
	const char *catalog_path;  /* --catalog, $JUDGE_CATALOG, or ROOT/problems.toml */
	struct db *db;             /* open and synced when the command has CMD_DB */
	int color;                 /* colour on stdout (a terminal, no NO_COLOR, no --no-color) */
	int quiet, verbose;
};

/* Command flags: what main() sets up before calling the command. */
#define CMD_DB      1          /* open the database and sync the catalogue */
#define CMD_SBX     2          /* runs programs: may re-run itself in a delegated scope */

struct judge_cmd {
	const char *name;
	int (*fn)(struct judge_ctx *ctx, int argc, char **argv);
	int flags;
	const char *summary;
};

/* Print "judge: error: <message>" on stderr. Returns EXIT_BAD_INPUT. */
int judge_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Print "judge: warning: <message>" on stderr. */
void judge_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ANSI colour escape for `code` ("1;32") when ctx->color, else "". */
const char *judge_color(const struct judge_ctx *ctx, const char *code);

/* Open ctx->db (creating it) and sync the catalogue when it changed; used by
 * main() for CMD_DB commands. Returns an exit code. */
int judge_open_db(struct judge_ctx *ctx);

/* Warn once per process, unless -q, when the sandbox runs with less than
 * every protection (not as root: sbx_missing); with -v, say which uid the
 * worker runs programs as. */
struct sbx;
void judge_sandbox_warn(const struct judge_ctx *ctx, const struct sbx *s);

/* Look up a problem that is in the catalogue (not retired) for the user:
 * 0 with p filled (release it with db_problem_release), or an exit code
 * after printing one line: EXIT_BAD_INPUT for an unknown id (suggesting the
 * closest one), EXIT_INTERNAL when the database failed. */
struct db_problem;
int judge_find_problem(struct judge_ctx *ctx, const char *id, struct db_problem *p);

/* Subcommands, one file each (judge/cmd_NAME.c). */
int cmd_complexity(struct judge_ctx *ctx, int argc, char **argv);
int cmd_contest(struct judge_ctx *ctx, int argc, char **argv);
int cmd_doctor(struct judge_ctx *ctx, int argc, char **argv);
int cmd_history(struct judge_ctx *ctx, int argc, char **argv);
int cmd_import(struct judge_ctx *ctx, int argc, char **argv);
int cmd_list(struct judge_ctx *ctx, int argc, char **argv);
int cmd_regress(struct judge_ctx *ctx, int argc, char **argv);
int cmd_result(struct judge_ctx *ctx, int argc, char **argv);
int cmd_run(struct judge_ctx *ctx, int argc, char **argv);
int cmd_show(struct judge_ctx *ctx, int argc, char **argv);
int cmd_stress(struct judge_ctx *ctx, int argc, char **argv);
int cmd_submit(struct judge_ctx *ctx, int argc, char **argv);

/* Not root on cgroup v2, in a cgroup not delegated to this user, with a
 * systemd user manager: run argv again under `systemd-run --user --scope -p
 * Delegate=yes` and wait for it. Returns its exit code, or -1 when the
 * judge should go on here (nothing to gain, JUDGE_NO_SCOPE set, already in
 * such a scope, or the scope could not be made). */
int judge_rescope(const struct judge_ctx *ctx, int argc, char **argv);
/* In the judge that judge_rescope started: tell the one waiting. */
void judge_scope_started(void);

#endif
