/* tools.h: what 'judge stress' and 'judge complexity' both set up before
 * their work: the problem, its folder and its generator and validator,
 * compiled in the command's sandbox (judge_sandbox). */
#ifndef JUDGE_CLI_TOOLS_H
#define JUDGE_CLI_TOOLS_H

#include "db/db.h"
#include "judge/domain/stress.h"

struct judge_ctx;

struct judge_tools {
	struct db_problem p;
	char *folder;                    /* the problem's folder as a path from here */
	struct stress_tools tools;
};

/* Look up problem id (an unknown id: exit 2 with the nearest id), open the
 * command's sandbox, then compile the problem's tools (no gen.c: exit 2).
 * Prints the error and returns an exit code; 0 when ready. Close it either
 * way. */
int judge_tools_open(struct judge_ctx *ctx, const char *id, struct judge_tools *jt);
void judge_tools_close(struct judge_tools *jt);

/* Compile the user's file (stress_compile_file); the exit code after
 * printing the error, 0 when *binary is set. */
int judge_tools_compile(struct judge_tools *jt, const char *path, const char *what,
			char **binary);

#endif
