/* grade.h: the grading pipeline: compile a solution (through the compile
 * cache), run it on every test of a problem in the sandbox, check each
 * output, and record the submission in the database as it goes.
 *
 * Used by 'judge submit', 'judge regress' (N workers in parallel), 'judge
 * contest submit' and 'judge stress'.
 *
 * Storage (when opts->store): a 'running' submission row is written first
 * (db_submission_create, with this process's identity), each per-test result
 * is added as soon as the test is checked (its own short transaction), and
 * the row is finished at the end (db_submission_finish). If the process dies
 * on the way, the row stays 'running' and the next command's
 * db_submissions_reap marks it IE: the database never shows a verdict that
 * was not reached. When grading is cancelled (opts->cancel), the row is
 * finished as IE with the error "interrupted".
 *
 * Thread safety: grade_submission uses only what it is given. Parallel
 * callers each pass their own struct sbx (sbx_open(worker)) and their own
 * struct db (db_open), and may share one compile cache and one problem
 * (both read-only here). There is no global mutable state; error messages
 * (lib/err.h) are per thread. */
#ifndef JUDGE_DOMAIN_GRADE_H
#define JUDGE_DOMAIN_GRADE_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "judge/domain/compile.h"
#include "lib/verdict.h"
#include "sandbox/sandbox.h"

struct compile_cache;

/* What one grading uses: all borrowed, none shared between threads except
 * the cache. */
struct grade_env {
	struct db *db;                      /* test data, storage */
	struct sbx *sbx;                    /* the worker that compiles and runs */
	const struct compile_cache *cache;  /* solutions and custom checkers */
	const struct compile_cache *tests;  /* a worker's test data cache
	                                     * (testcache.h), or NULL: test data
	                                     * straight from db */
};

/* A test that is not in the database (the stress tool's, the user's local
 * tests): graded after the problem's own, stored with is_local. */
struct grade_extra_test {
	const char *name;
	const char *input, *answer;
	size_t input_len, answer_len;
};

struct grade_test;
struct grade_result;

/* Noise-aware timing. A test whose first run used at least
 * GRADE_NEAR_PERCENT % of the CPU limit, or timed out (on the CPU clock:
 * stopped just past the limit; or on the wall clock, which a loaded
 * machine can reach first), is run again, up to opts->repeat runs
 * in all, stopping early once more than half of those runs agree on the
 * verdict (the rest cannot move the median then). The test's result is
 * its median run's: runs ordered by CPU time, the middle one (of an even
 * number, the faster of the two middle ones), so the verdict follows the
 * median time. When the runs disagree on the verdict the test is
 * `unstable`. Every run is kept (grade_test.runs). A test under the band
 * runs once, as without re-runs. */
#define GRADE_REPEAT_DEFAULT 3
#define GRADE_REPEAT_MAX     15
#define GRADE_NEAR_PERCENT   80

/* One measurement of a test. */
struct grade_run {
	unsigned long long cpu_us;   /* CPU time, microseconds */
	enum verdict verdict;
};

/* Index of the median of runs[0..n-1] (n >= 1), as above. */
size_t grade_runs_median(const struct grade_run *runs, size_t n);

/* 1 when runs[0..n-1] settle a test planned for `planned` runs: more than
 * half of `planned` agree on one verdict; else 0. */
int grade_runs_settled(const struct grade_run *runs, size_t n, size_t planned);

/* 1 when a run that used cpu_us of CPU is near limit_ms (at least
 * GRADE_NEAR_PERCENT % of it, or over it); 0 when limit_ms is 0. */
int grade_run_near(unsigned long long cpu_us, unsigned limit_ms);

/* 1 when an interactive problem's checker judges what its interactor wrote:
 * Polygon's pair, a testlib interactor writing its output file (tout,
 * argv[2]) and a custom checker (checker_source) reading it as the output
 * once the interactor accepted (interactor-a-plus-b). */
int grade_interactor_checked(const struct db_problem *p);

/* The wall limit of a solution on an interactive problem (l's own when set):
 * 3 x its time limit + 2 s, more than sbx_run's default (2 x + 1 s),
 * because every question and answer waits on the scheduler twice (the
 * judge carries them between the two programs). */
unsigned grade_interactive_wall_ms(const struct sbx_limits *l);

struct grade_opts {
	const char *user;          /* stored as the submitter; NULL: "user" */
	enum compile_lang lang;    /* the solution's language (LANG_C by default) */
	const char *file_name;     /* stored as the submitted file's name, or NULL */
	int fail_fast;             /* stop at the first test that is not AC */
	int store;                 /* record the submission in env->db */
	const char *contest;       /* contest id and letter to store, or NULL */
	const char *letter;
	const struct grade_extra_test *extra;   /* graded after the problem's tests */
	size_t nextra;             /* 0, with store (or local_tests) and no contest:
	                            * the user's local tests (db_local_test_list)
	                            * are graded instead */
	int local_tests;           /* the user's local tests even when not storing */
	int samples_only;          /* of the problem's tests, only the samples
	                            * ('judge test') */
	int excerpts;              /* every failing sample or local test keeps the
	                            * start of its input, answer and output, not
	                            * only WA and PE */
	/* Called after the compile (t == NULL) and after each test (t is the
	 * test just finished, r->tests[r->ntests - 1]); from the grading thread.
	 * NULL: none. */
	void (*progress)(void *arg, const struct grade_result *r, const struct grade_test *t);
	void *progress_arg;
	/* When not NULL and it becomes non-zero (a signal handler may set it),
	 * grading stops after the current test with verdict IE, error
	 * "interrupted". 2 or more: the current run was cut short as well
	 * (sbx_cancel), so that test is dropped, not counted or stored. */
	volatile sig_atomic_t *cancel;
	time_t submitted_at;       /* stored submission time; 0: util_now() */
	int repeat;                /* runs in all for a test near the limit
	                            * (1..GRADE_REPEAT_MAX; 1: one measurement,
	                            * as before); 0: GRADE_REPEAT_DEFAULT */
};

#define GRADE_OPTS_INIT { 0 }

struct grade_test {
	char *name;
	int is_sample, is_local;
	enum verdict verdict;
	unsigned time_ms, wall_ms;   /* CPU and wall time (the median run's) */
	unsigned long long time_us;  /* CPU time in microseconds (time_ms is it
	                              * rounded down) */
	size_t nruns;                /* measurements in runs[] (1 when the test
	                              * was far from the limit); 0 in a result
	                              * stored before they were kept: time_us
	                              * is then unknown */
	struct grade_run runs[GRADE_REPEAT_MAX];   /* in the order they ran */
	int unstable;                /* the runs disagreed on the verdict */
	unsigned long memory_kb;     /* peak */
	int exit_code;               /* -1 when it did not exit by itself */
	char signal[16];             /* "SIGSEGV", or "" */
	char *message;               /* checker or sandbox message, "" when none;
	                              * escaped, safe to print */
	char *input;                 /* sample and local tests that got WA or PE
	                              * (any failure with opts->excerpts): the
	                              * start of the input, escaped (newlines
	                              * kept); else NULL */
	char *expected, *got;        /* the same for the answer and the output
	                              * (got is NULL in a result read back from the
	                              * database: outputs are not stored) */
	char *stderr_text;           /* the start of what the program wrote to
	                              * stderr (raw bytes, at most 200); NULL: none */
	size_t stderr_bytes;         /* how many bytes it wrote there (at most the
	                              * 64 KB kept) */
};

/* "AC:948123 TLE:1004211": t's runs as db_result.runs stores them
 * (malloc'd; "" when none). */
char *grade_runs_format(const struct grade_test *t);

struct grade_result {
	long long submission;        /* the stored id; 0 when not stored */
	char *problem;
	enum compile_lang lang;      /* the solution's language */
	char *file_name;             /* the submitted file's name, or NULL */
	enum verdict verdict;        /* the first non-AC test's, AC when all pass */
	int passed, total;           /* AC tests; every test (even not run) */
	unsigned time_ms;            /* maxima over the tests that ran */
	unsigned long long time_us;
	int unstable;                /* how many tests are unstable */
	unsigned long memory_kb;
	int compile_ok, compile_cached;
	unsigned compile_time_ms;
	char *compile_message;       /* diagnostics, printable; "" when none */
	struct grade_test *tests;    /* the tests that ran, in order */
	size_t ntests;
	char **skipped;              /* opts->fail_fast: the tests not run after
	                              * the first failing one, in order */
	size_t nskipped;
	char *error;                 /* IE: what failed in the judge; else NULL */
	int data_fetched;            /* tests whose data came from the database */
	int data_cached;             /* ... from env->tests, without a fetch */
};

#define GRADE_RESULT_INIT { 0 }

void grade_result_release(struct grade_result *r);

/* What a run the sandbox found to be a stack overflow (sr->stack_overflow)
 * is told: "killed by SIGSEGV: stack overflow: recursion too deep? (...)",
 * or the same after running out of time. Malloc'd. */
char *grade_stack_message(const struct sbx_result *sr);

/* A scoring problem's test group: the tests whose names share everything
 * up to the last '/' ("secret/group1"). */
struct grade_group {
	char *name;
	int passed, total, ran;      /* AC tests, tests, tests that ran */
	double score, max_score;     /* max_score when every test passed, else 0 */
};

/* The groups of r's tests in the order they first appear, with their
 * scores from p (db_problem_get). *out is malloc'd: free with
 * grade_groups_free. */
void grade_groups(const struct db_problem *p, const struct grade_result *r,
		  struct grade_group **out, size_t *n);
void grade_groups_free(struct grade_group *v, size_t n);

/* The verdict of a run that ended with sandbox status st (SBX_OK is AC:
 * the output still has to be checked). */
enum verdict grade_status_verdict(enum sbx_status st);

/* Grade len bytes of source in language opts->lang for problem p (from db_problem_get: its tests,
 * limits, checker and checker source). Fills r (GRADE_RESULT_INIT) and
 * returns 0 whenever a verdict was reached, IE included: a sandbox or
 * checker failure is the verdict IE with r->error, never -1. Returns -1 with
 * err set when storing failed (r is filled as far as grading got; the
 * running row, if any, is left for the reaper). The source must be text
 * (no NUL bytes): the caller checked it. */
int grade_submission(const struct grade_env *env, const struct db_problem *p,
		     const char *source, size_t len, const struct grade_opts *opts,
		     struct grade_result *r);

/* A stored submission (db_submission_get) as a grade_result, so that one
 * printer shows both. Tests get is_sample from p when p is not NULL. */
void grade_result_from_db(const struct db_submission *s, const struct db_problem *p,
			  struct grade_result *r);

/* The start of a test's input as shown with a wrong answer on a sample: at
 * most 10 lines and 400 bytes, escaped (newlines and tabs kept). Malloc'd. */
char *grade_input_excerpt(const char *in, size_t len);

/* The problem's limits for a solution run (also for 'judge stress' and
 * friends): cpu = time limit, memory, stack (default memory), output. */
struct sbx_limits;
void grade_limits(const struct db_problem *p, struct sbx_limits *l);

/* Checking outputs of problem p outside grading ('judge stress'), exactly
 * as grading checks them: the built-in checker, or the problem's custom
 * checker compiled through env->cache and run in env->sbx. Open returns
 * NULL with err set when the custom checker cannot be compiled; the checker
 * borrows env (and p) until it is closed. Check fills
 * cr (as check_output; a checker failure is V_IE) and returns 0, or -1 with
 * err set when the sandbox failed. Not thread-safe for one checker. */
struct grade_checker;
struct check_result;
/* An interactive problem's interaction outside grading (judge stress,
 * judge complexity; c from grade_checker_open, which compiled the
 * interactor): run binary against it on input in (answer ans, may be
 * empty) under the problem's limits, cpu_ms replacing the time limit when
 * not 0. r (SBX_RESULT_INIT) gets the solution's own run, cr the verdict
 * of the pair (interactive_verdict's order) and its message. 0, or -1 with
 * err set when the sandbox failed. */
int grade_checker_interact(struct grade_checker *c, const char *binary, const char *in,
			   size_t inlen, const char *ans, size_t anslen, unsigned cpu_ms,
			   struct sbx_result *r, struct check_result *cr);

/* The language of p's custom checker, by its file's extension. */
enum compile_lang grade_checker_lang(const struct db_problem *p);
struct grade_checker *grade_checker_open(const struct grade_env *env,
					 const struct db_problem *p);
int grade_checker_check(struct grade_checker *c, const char *in, size_t inlen,
			const char *out, size_t outlen, const char *ans, size_t anslen,
			struct check_result *cr);
void grade_checker_close(struct grade_checker *c);

#endif
