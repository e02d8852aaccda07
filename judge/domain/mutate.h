/* mutate.h: mutation testing of a problem's tests ('judge mutate'): small
 * changes ("mutants") made to an accepted C or C++ solution, each graded on
 * the problem's tests. A good test set rejects ("kills") every mutant that
 * changes what the program computes.
 *
 * The pure part (mutate.c) tokenizes a source and enumerates the mutants;
 * the grading part (mutate_run.c) grades them on the regress worker pool
 * and searches inputs that kill the survivors with the stress tools.
 *
 * Tokens never come from comments, preprocessor lines (with their
 * backslash continuations), or the inside of string and character literals
 * (which are single tokens that no operator touches), so no mutant changes
 * them. The operators, in the order they are tried at each token:
 *   MUTATE_DELETE   an expression statement "x = y;" replaced by ";"
 *   MUTATE_NEGATE   the condition of an if or while: "(c)" -> "(!(c))"
 *   MUTATE_REL      < <= > >= == != : each replaced by each of the others
 *   MUTATE_ARITH    binary + - * / % (and += -= *= /= %=) by each other
 *   MUTATE_LOGIC    && <-> ||
 *   MUTATE_CONST    an integer literal k -> k+1 and k-1 (0 -> 1 only, so
 *                   0 <-> 1 is among them); array sizes in declarations
 *                   ("int a[1000005]") are left alone: one more is
 *                   equivalent and one less undefined behaviour that no
 *                   test can be asked to catch
 *   MUTATE_JUMP     "break;" or "continue;" replaced by ";"
 * A '+' '-' '*' is binary when the token before it ends an operand (a
 * name that is not a keyword, a number, a literal, ')' or ']'); unary and
 * pointer uses are left alone. The angle brackets of C++ template
 * arguments ("vector<pair<int, int>>") are not relational operators. Mutants that do not compile (a '<' of a C++
 * template, say) are "stillborn": graded CE and left out of the score. */
#ifndef JUDGE_DOMAIN_MUTATE_H
#define JUDGE_DOMAIN_MUTATE_H

#include <signal.h>
#include <stddef.h>

#include "judge/domain/compile.h"
#include "judge/domain/stress.h"
#include "lib/buf.h"
#include "lib/verdict.h"

/* ---- tokens --------------------------------------------------------------- */

enum mutate_tok_kind {
	MUTATE_TOK_IDENT,     /* a name or keyword */
	MUTATE_TOK_NUMBER,    /* a preprocessing number: 42, 0x1F, 1e9, 3.5f */
	MUTATE_TOK_PUNCT,     /* an operator or punctuator, longest match */
	MUTATE_TOK_STRING,    /* "..." with its prefix (L u U u8 R) */
	MUTATE_TOK_CHAR,      /* '...' with its prefix */
};

struct mutate_tok {
	enum mutate_tok_kind kind;
	size_t off, len;      /* where it is in the source */
	int line;             /* 1-based */
};

/* Split len bytes of C or C++ source into tokens, skipping whitespace,
 * comments and preprocessor lines. *out is malloc'd (free it), *n tokens.
 * Never fails: an unterminated comment or literal ends at the end of the
 * source. */
void mutate_tokenize(const char *src, size_t len, struct mutate_tok **out, size_t *n);

/* ---- mutants -------------------------------------------------------------- */

enum mutate_op {
	MUTATE_DELETE, MUTATE_NEGATE, MUTATE_REL, MUTATE_ARITH, MUTATE_LOGIC,
	MUTATE_CONST, MUTATE_JUMP, MUTATE_OP_COUNT
};

/* What the grading found (mutate_run.c). */
enum mutate_fate {
	MUTATE_UNGRADED,      /* not graded (interrupted) */
	MUTATE_KILLED,        /* a verdict other than AC and CE */
	MUTATE_SURVIVED,      /* AC on every test */
	MUTATE_STILLBORN,     /* CE */
	MUTATE_FAILED,        /* IE: the judge failed on it */
};

struct mutate_mutant {
	enum mutate_op op;
	size_t off, len;      /* the bytes of the source replaced ... */
	char *text;           /* ... by this text */
	int line;             /* where it starts, 1-based */
	char *from, *to;      /* shown: the original and the new text on one line
			       * (whitespace runs as one space, at most 60 bytes) */
	int nth;              /* a one-token mutant whose token's text occurs more
			       * than once on its line: which one (1-based);
			       * else 0 */
	/* graded */
	enum mutate_fate fate;
	enum verdict got;
	char *test;           /* KILLED: the first test it failed, else NULL */
	/* --stress on a survivor */
	int stressed;         /* searched */
	struct buf input;     /* the (shrunk) input that kills it, or empty */
	struct buf answer;    /* the reference's answer to it */
	int found;            /* an input was found */
	long reused;          /* found among the earlier survivors' inputs: that
			       * input's index (see mutate_stress), else -1 */
	char *saved;          /* --save: the test's name, or NULL */
};

struct mutate_set {
	struct mutate_mutant *v;
	size_t n;
};

#define MUTATE_SET_INIT { NULL, 0 }

void mutate_set_release(struct mutate_set *s);

/* Every mutant of the source, in order of position, then operator, then
 * replacement: the same source always gives the same list. Appends to
 * *out (MUTATE_SET_INIT or a set to extend). */
void mutate_enumerate(const char *src, size_t len, struct mutate_set *out);

/* When s has more than max mutants (max > 0), keep max of them chosen at
 * random with seed (the same seed and set keep the same ones), in their
 * original order. */
void mutate_sample(struct mutate_set *s, size_t max, unsigned long long seed);

/* Append to out the source with mutant m applied. */
void mutate_apply(const char *src, size_t len, const struct mutate_mutant *m, struct buf *out);

/* "delete", "negate", "relational", "arithmetic", "logical", "constant",
 * "jump". */
const char *mutate_op_name(enum mutate_op op);

/* ---- grading (mutate_run.c) ----------------------------------------------- */

struct compile_cache;
struct grade_checker;

/* One solution and its mutants. */
struct mutate_solution {
	char *file;           /* as shown: the path given or found */
	char *source;         /* its text */
	size_t len;
	enum compile_lang lang;
	size_t total;         /* mutants before sampling */
	struct mutate_set m;  /* the mutants graded */
	/* graded */
	enum verdict original;    /* the solution itself (must be AC) */
	char *original_test;      /* where it failed, or NULL */
	int killed, survived, stillborn, failed;
};

struct mutate_opts {
	const char *db_path;               /* each worker opens its own connection */
	const struct compile_cache *cache;
	int jobs;                          /* parallel workers */
	volatile sig_atomic_t *cancel;
	/* called on the calling thread about every 100 ms: mutants graded,
	 * of total; NULL: none */
	void (*tick)(void *arg, size_t done, size_t total);
	void *tick_arg;
};

/* Read the file at path into a solution (compile_read_source: ERR_INPUT
 * when it cannot be read), enumerate its mutants and keep `max` of them
 * (0: all) with seed. 0, or -1 with err set. */
int mutate_solution_load(struct mutate_solution *s, const char *path, const char *shown,
			 size_t max, unsigned long long seed);
void mutate_solution_release(struct mutate_solution *s);

/* The accepted solutions of problem id: every source file in
 * SOLUTIONS/ID/accepted/, sorted by name, as malloc'd paths in *out (n of
 * them; free each and the array). 0 (perhaps none), or -1 with err set
 * when the folder exists but cannot be read. */
int mutate_find_accepted(const char *solutions, const char *id, char ***out, size_t *n);

/* Grade the solutions of problem id and all their mutants, fail-fast, on
 * o->jobs workers (the regress pool: its own sandbox and database
 * connection each, one compile cache). The solutions themselves go first:
 * when one is not AC (its `original` says what it got), no mutant is
 * graded. Otherwise sets each solution's counts and each mutant's fate,
 * verdict and killing test.
 * Returns 0 when everything was graded, -1 with err set when the workers
 * could not start or *o->cancel stopped it (ERR_CANCELLED; what was graded
 * keeps its fate). *wall_ms gets the elapsed time. */
int mutate_grade(const char *id, struct mutate_solution *sols, size_t nsols,
		 const struct mutate_opts *o, long long *wall_ms);

/* killed / (killed + survived) over sols, or -1 when both are 0. */
double mutate_score(const struct mutate_solution *sols, size_t nsols);

/* The stress search for one survivor m of solution s: compile the mutant
 * with t's sandbox and cache, first try each input of `known` (n of them,
 * with the reference's answers `answers`), then search with the generator
 * (reference binary ref against the mutant, checked by chk) within so's
 * budget and shrink what it finds. Sets m->stressed, m->found, m->reused,
 * m->input and m->answer. Returns 0 (found or not), or -1 with err set when the judge or
 * the problem's programs failed. */
int mutate_stress(struct stress_tools *t, struct grade_checker *chk, const char *ref,
		  const struct mutate_solution *s, struct mutate_mutant *m,
		  const struct buf *known, const struct buf *answers, size_t n,
		  const struct stress_opts *so);

/* Save input as a new test of the problem in folder/tests: the answer is
 * the reference binary ref's output (run with t's limits), and the
 * validator must accept the input. The name is the first free
 * "t90-mutant-NN" (NN from 01: after the usual tNN- tests); *name gets it
 * (malloc'd). Nothing is written when a check fails. 0, or -1 with err
 * set (ERR_INPUT when the validator refuses the input or the reference
 * fails on it). */
int mutate_save_test(struct stress_tools *t, const char *ref, const char *folder,
		     const struct buf *input, char **name);

#endif
