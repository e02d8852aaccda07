/* submit.h: grade one source file for the terminal: what 'judge submit' and
 * 'judge contest submit' share (reading the file, the sandbox, the live
 * table, interrupts, the summary or JSON, the exit code). Front end: the
 * grading itself is grade_submission's (judge/domain/grade.h). */
#ifndef JUDGE_CLI_SUBMIT_H
#define JUDGE_CLI_SUBMIT_H

#include <jansson.h>
#include <time.h>

#include "judge/domain/grade.h"

struct judge_ctx;

struct submit_req {
	const char *problem;       /* a problem id (checked here: unknown -> exit 2) */
	const char *path;          /* the source file */
	int lang;                  /* enum compile_lang, or -1: by the file's extension */
	const char *user;
	int json, fail_fast;
	const char *contest;       /* a contest submission: id and letter, else NULL */
	const char *letter;
	time_t submitted_at;       /* 0: now */
	int repeat;                /* grade_opts.repeat (0: the default) */
	int queue;                 /* enqueue it for 'judge worker' (PostgreSQL) and
	                            * wait for its result instead of grading here */
	/* Called after grading, before the exit code is chosen: j is the JSON
	 * object about to be printed (req->json) or NULL after the text summary
	 * was printed. NULL: nothing. */
	void (*after)(void *arg, const struct grade_result *r, json_t *j);
	void *arg;
};

/* Resolve the problem (suggesting the closest id), read and check the
 * source, grade it in sandbox worker 0, print the live table and the
 * summary (or the JSON object), and store the submission. Returns the exit
 * code: 0 AC, 1 another verdict, 2 bad input, 3 internal error. */
int submit_file(struct judge_ctx *ctx, const struct submit_req *req);

/* Submit the source file at path (in language lang, -1: by extension),
 * stopping at the first failing test as contests do, to problem `which` (a letter or a problem id)
 * of contest `contest` for user, inside the user's window (checked with
 * util_now: contest_entry_check), and print the result as 'judge submit'
 * does plus where it counts. Catches the interrupting signals when the
 * command did not (CMD_CANCEL); main() restores them. With queue (and
 * always for a participant's role on PostgreSQL, which may not store a
 * contest submission itself) it goes through the job queue. Returns the
 * exit code. Used by 'judge contest submit' and 'judge submit --contest'. */
int submit_contest_file(struct judge_ctx *ctx, const char *contest, const char *which,
			const char *path, int lang, const char *user, int json, int queue);

#endif
