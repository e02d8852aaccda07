/* stress.h: the engine behind 'judge stress' (find an input on which a
 * solution disagrees with a reference, then shrink it) and the problem tools
 * it shares with 'judge complexity': the problem's generator (gen.c) and
 * validator (validator.c), compiled through the compile cache and run in
 * the sandbox like any other program.
 *
 * Conventions of the problem set: `gen SEED SIZE` writes one valid input,
 * deterministic for a seed, SIZE scaling the main dimension and clamped by
 * the generator to the problem's maximum; `validator < input` exits 0 when
 * the input is valid.
 *
 * Everything here is used by one thread with one sandbox worker. Functions
 * return 0, or -1 with err set: ERR_INPUT when the problem's or the user's
 * programs failed (a generator that crashes, a reference that fails),
 * ERR_INTERNAL when the judge failed (the sandbox, the cache). */
#ifndef JUDGE_DOMAIN_STRESS_H
#define JUDGE_DOMAIN_STRESS_H

#include <signal.h>
#include <stddef.h>

#include "db/db.h"
#include "judge/domain/check.h"
#include "judge/domain/grade.h"
#include "lib/buf.h"
#include "lib/verdict.h"
#include "sandbox/sandbox.h"

struct compile_cache;
struct grade_checker;


/* A problem's generator and validator, ready to run. */
struct stress_tools {
	const struct db_problem *p;      /* borrowed */
	struct sbx *sbx;                 /* borrowed: the worker for every run */
	const struct compile_cache *cache;
	char *gen;                       /* the generator's binary (owned path) */
	char *validator;                 /* the validator's, or NULL: none */
	char **modes;                    /* the generator's extra arguments: "" (none)
	                                  * first, then each distinct one of gen.list */
	size_t nmodes;
	struct sbx_limits limits;        /* the problem's (grade_limits) */
	long reported_size;              /* the size the last generated input
	                                  * reports (stress_generate), 0: none */
	/* An interactive problem: every run of a solution (stress_run) is a
	 * run against the interactor, whose verdict is in last. */
	struct grade_env env;
	struct grade_checker *interact;
	struct check_result last;
};

#define STRESS_TOOLS_INIT { 0 }

/* Compile FOLDER/gen.c and, when present, FOLDER/validator.c (FOLDER is
 * the problem's folder as a path from here); read the generator's modes
 * from FOLDER/gen.list. Returns 0, or -1 with err set: ERR_INPUT "problem
 * 'ID' has no generator (gen.c)" or when a source does not compile,
 * ERR_INTERNAL when the sandbox or the cache failed. */
int stress_tools_open(struct stress_tools *t, const struct db_problem *p,
		      const char *folder, struct sbx *s, const struct compile_cache *c);
void stress_tools_release(struct stress_tools *t);

/* The same without the generator (t->gen stays NULL): only the validator
 * when the problem has one, for checking a hand-written input. */
int stress_tools_open_validator(struct stress_tools *t, const struct db_problem *p,
				const char *folder, struct sbx *s,
				const struct compile_cache *c);

/* Use only this generator mode (extra arguments separated by spaces, "" for
 * none) instead of the ones from gen.list. */
void stress_tools_set_mode(struct stress_tools *t, const char *mode);

/* A testlib generator (free arguments) runs as its arguments with the seed
 * inserted after the last one that is not an option (args[0..n)): where
 * it can be neither an option's value nor a flag's. The index. */
size_t stress_seed_slot(const char *const *args, size_t n);

/* The command line stress_generate runs, for messages: `gen SEED SIZE
 * [MODE]`, or a testlib generator's arguments with the seed in its slot. */
void stress_gen_line(int testlib, unsigned long long seed, long size, const char *mode,
		     struct buf *b);

/* Run `gen SEED SIZE [MODE...]` into out (mode: extra arguments separated
 * by spaces, or NULL). 0, or -1: ERR_INPUT when the generator failed (err
 * says how). A generator may report the input's size as the first line of
 * its stderr, "size N" (N a positive integer: the cells r*c of a grid, the
 * edges of a graph; what the running time grows with, when SIZE is not
 * that): t->reported_size is N, or 0 when it says nothing of the kind. */
int stress_generate(struct stress_tools *t, unsigned long long seed, long size,
		    const char *mode, struct buf *out);

/* The largest SIZE that changes the generator's output (it clamps SIZE to
 * the problem's maximum): doubling until two outputs for one seed agree,
 * then bisection; at most 2^30, and below the first size the generator
 * fails on (one that does not clamp). 0 with *max, or -1 (ERR_INPUT: it
 * fails on size 1). */
int stress_max_size(struct stress_tools *t, long *max);

/* Run the validator on an input: *valid = 1 when it accepts it (always 1
 * when the problem has no validator). 0 or -1. */
int stress_validate(struct stress_tools *t, const char *in, size_t len, int *valid);

/* The same, and when the input is refused, why (the validator's first
 * stderr line, escaped, or how it ended) appended to why (may be NULL). */
int stress_validate_why(struct stress_tools *t, const char *in, size_t len, int *valid,
			struct buf *why);

/* Run a solution binary on an input with the problem's limits, cpu_ms
 * replacing the time limit when not 0. r is SBX_RESULT_INIT. On an
 * interactive problem it runs against the interactor (no output is kept)
 * and t->last holds the pair's verdict. 0 or -1. */
int stress_run(struct stress_tools *t, const char *binary, const char *in, size_t len,
	       unsigned cpu_ms, struct sbx_result *r);


/* ---- search and shrink ---------------------------------------------------- */

struct stress_progress {
	const char *phase;               /* "search", "size", "shrink" */
	unsigned runs;                   /* inputs tried in this phase */
	long size;
	unsigned long long seed;
	size_t bytes;                    /* the current input's length */
};

/* The defaults of struct stress_opts (and of 'judge stress'). */
#define STRESS_ITERATIONS  300
#define STRESS_TIME_S      60
#define STRESS_SHRINK_S    30
#define STRESS_SHRINK_RUNS 3000

struct stress_opts {
	unsigned iterations;             /* search: inputs at most (0: STRESS_ITERATIONS) */
	unsigned time_ms;                /* search: wall time at most (0: STRESS_TIME_S) */
	unsigned shrink_ms;              /* shrinking: wall time at most (0: STRESS_SHRINK_S) */
	unsigned shrink_runs;            /* shrinking: candidates at most (0: STRESS_SHRINK_RUNS) */
	unsigned long long first_seed;   /* the first seed (0: 1); then +1 per input */
	volatile sig_atomic_t *cancel;   /* stop soon when it becomes non-zero */
	void (*progress)(void *arg, const struct stress_progress *p);
	void *progress_arg;
};

#define STRESS_OPTS_INIT { 0 }

struct stress_result {
	int found;                       /* a disagreement was found */
	int interrupted;                 /* *cancel stopped the search or the shrinking */
	unsigned runs;                   /* inputs tried by the search */
	unsigned shrink_runs;            /* candidates tried while shrinking */
	long found_size;                 /* the search's failing generator call */
	unsigned long long found_seed;
	size_t found_bytes;              /* its input's length */
	long size;                       /* the generator call the (shrunk) input */
	unsigned long long seed;         /* came from: gen SEED SIZE MODE */
	char *mode;                      /* "" or the generator's extra arguments */
	enum verdict verdict;            /* the solution's: WA, PE, TLE, RE, ... */
	struct buf input;                /* the (shrunk) input */
	struct buf expected;             /* the reference's output on it */
	struct buf got;                  /* the solution's output on it */
	char message[CHECK_MSG_MAX];     /* the checker's or the sandbox's message */
};

#define STRESS_RESULT_INIT { 0 }

void stress_result_release(struct stress_result *r);

/* The SIZE of search input number i (0-based): 1.1^i rounded down, at least
 * 1, at most 2^30 (the generator clamps it). */
long stress_size_at(unsigned i);

/* Search: generator inputs of growing size and fresh seeds (cycling through
 * the generator's modes), each run by the
 * solution `sol` and the reference `ref` (binaries) and compared with chk;
 * stops at the first disagreement (a checker verdict other than AC, or a
 * run that crashed or went over a limit). r->found says whether one was
 * found; the case is in r. A reference that fails on a generated input is
 * -1 with ERR_INPUT. */
int stress_search(struct stress_tools *t, struct grade_checker *chk, const char *sol,
		  const char *ref, const struct stress_opts *o, struct stress_result *r);

/* Shrink r's case (r->found): first the smallest SIZE, then the smallest
 * seed, whose input still fails with the same verdict; then, keeping only
 * inputs the validator accepts, delete lines, tokens and grid columns (ddmin
 * style, adjusting a leading count) while the solution still fails the same
 * way; last, make each integer 0 or halve it towards zero while it still
 * fails. Bounded by o->shrink_ms and o->shrink_runs; r always holds the
 * smallest failing case found so far. */
int stress_shrink(struct stress_tools *t, struct grade_checker *chk, const char *sol,
		  const char *ref, const struct stress_opts *o, struct stress_result *r);

/* ---- deleting parts of an input (pure; exposed for unit tests) ------------ */

enum stress_unit { STRESS_LINES, STRESS_TOKENS, STRESS_COLUMNS };

/* How many units of kind u the input text has (lines; tokens; grid columns:
 * 0 unless the input is "R C ..." followed by lines of exactly C characters
 * without spaces). */
size_t stress_units(const char *in, size_t len, enum stress_unit u);

/* Append to out the input without units [at, at + count) of kind u, tokens
 * separated by single spaces. A line left without tokens is dropped. When
 * the first token of the input equals the number of lines after the first,
 * or the number of tokens after the first line, it is set to the new number;
 * deleting columns sets the first line's second token to the new width.
 * Returns 0, or -1 when the deletion is out of range or removes nothing. */
int stress_delete(const char *in, size_t len, enum stress_unit u, size_t at,
		  size_t count, struct buf *out);

/* ---- the user's programs ---------------------------------------------------- */

/* Read the user's C file `path` and compile it with t's sandbox and cache:
 * 0 with *binary (malloc'd) the cached binary, or -1 with err set: ERR_INPUT
 * when the file cannot be read or does not compile (what, "solution" or
 * "reference", names it; the message holds the first diagnostics lines),
 * ERR_INTERNAL when the sandbox or the cache failed. */
int stress_compile_file(struct stress_tools *t, const char *path, const char *what,
			char **binary);

/* The problem's default reference: the first accepted solution, in name
 * order, of ROOT/solutions/ID/accepted/ (ROOT: the catalogue's folder);
 * malloc'd path, or NULL when there is none. */
char *stress_default_ref(const char *root, const char *id);

/* Append to out the input with token k (0-based, over all lines) replaced
 * by text, tokens separated by single spaces. Returns 0, or -1 when there is
 * no token k. */
int stress_replace(const char *in, size_t len, size_t k, const char *text, struct buf *out);

#endif
