/* regress.h: the engine behind 'judge regress': find the stored solutions
 * (solutions/PROBLEM/VERDICT/NAME.c), grade them on N parallel workers, judge
 * the time margins, compare with earlier runs, and write JUnit XML.
 *
 * Workers are threads. Each has its own sandbox worker (sbx_open(i): its own
 * uid, cgroup and box) and its own database connection; they share the
 * compile cache (compile_c is safe across threads) and a job queue ordered
 * longest-expected-first. Nothing is stored while grading: grade_submission
 * runs with store = 0, and the caller stores the whole run at the end
 * (db_regress_store, one transaction), so an interrupted run leaves no row.
 *
 * Compiles run in parallel too (compile_c is thread-safe, and the sandbox
 * waits out the ETXTBSY an exec can meet while another thread's fork holds
 * a fresh binary open).
 *
 * Interrupts: when *cancel becomes non-zero (a signal handler sets it), no
 * new job starts; the run of every worker (a solution or a checker) is
 * stopped with sbx_cancel, while compiles are left to finish so that no
 * killed compile is cached as a compile error; each worker's grading stops
 * after that run, the workers close their sandboxes (box, cgroups, uid
 * lock) and regress_run returns -1 with ERR_CANCELLED.
 * Items graded before the interrupt keep done = 1; the rest are not done. */
#ifndef JUDGE_DOMAIN_REGRESS_H
#define JUDGE_DOMAIN_REGRESS_H

#include <signal.h>
#include <stddef.h>
#include <time.h>

#include "db/db.h"
#include "judge/domain/compile.h"
#include "lib/buf.h"
#include "lib/verdict.h"

struct compile_cache;
struct pkg_rules;
struct grade_env;
struct grade_result;

/* One stored solution. `res` is what is stored (problem, solution, expected
 * are filled by discovery; the rest by grading). */
struct regress_item {
	struct db_regress_result res;
	char *path;              /* the file, for reading and messages */
	int position;            /* the problem's place in the catalogue (sorting) */
	char *source;            /* the text, read before grading */
	size_t len;
	double cost;             /* expected grading time in ms (queue order, ETA) */
	/* graded */
	int done;                /* graded to a verdict (not interrupted) */
	int compiled, cached;    /* the solution was compiled / found in the cache */
	int passed, total;       /* tests passed, tests of the problem */
	char *test;              /* the failing test's name, or NULL */
	char *retried;           /* graded again after this IE message, or NULL */
	int kattis;              /* a package's submission: its folder's Kattis
	                          * meaning (see regress_discover_packages) */
	int any_of;              /* kattis: RG_* verdicts the folder accepts */
	double tle_factor;       /* the margin check's factor: 2, or a package's
	                          * time_limit_to_tle / legacy time_safety_margin */
	const char *tle_key;     /* its name ("time_limit_to_tle"), NULL: none */
	struct pkg_rules *rules; /* a package whose submissions.yaml speaks of
	                          * it: every test is run and these rules
	                          * (permitted, required, message) decide the
	                          * match; NULL otherwise */
};

struct regress_set {
	struct regress_item *v;
	size_t n;
	char **skipped;          /* package submissions in a language the judge
	                          * does not run ("PROBLEM/FOLDER/NAME") */
	size_t nskipped;
};

#define REGRESS_SET_INIT { NULL, 0, NULL, 0 }

/* Add the submissions of every package problem in db's catalogue
 * (catalog_dir/PACKAGE/submissions/FOLDER/NAME) to set, as
 * "PROBLEM/FOLDER/NAME", with their folder's Kattis meaning: accepted AC,
 * wrong_answer WA, time_limit_exceeded TLE, run_time_error RE (a run over
 * the memory limit or a forbidden call counts as RE: Kattis has no MLE
 * folder), rejected any
 * verdict but AC, brute_force TLE or RE. C and C++ files are graded;
 * other languages go to set->skipped. A 2025-09 submissions/submissions.yaml
 * adds rules (pkg_rules_for): a submission it speaks of, in a default
 * folder or any other folder of submissions/, gets them in it->rules.
 * Other unknown folders are ignored. A malformed submissions.yaml is
 * ERR_INPUT. */
int regress_discover_packages(struct db *db, const char *catalog_dir,
			      struct regress_set *set);

void regress_set_release(struct regress_set *set);

/* Find every DIR/PROBLEM/VERDICT/NAME.c (hidden names and non-folders above
 * the files are skipped; only regular files ending in ".c"), sorted by
 * solution path "PROBLEM/VERDICT/NAME.c". An unknown VERDICT folder gives
 * res.expected = -1 (see regress_check_folders). Returns 0, or -1 with err
 * set (ERR_INPUT) when dir cannot be read (a missing dir says so). */
int regress_discover(const char *dir, struct regress_set *set);

/* Keep the items whose solution path matches at least one of the PCRE2
 * patterns (unanchored, like grep). n == 0 keeps everything. Returns 0, or
 * -1 with err set to the pattern's error (ERR_INPUT). */
int regress_filter(struct regress_set *set, char *const *patterns, size_t n);

/* The first item with an unknown verdict folder: returns -1 with err set to
 * "'PATH': unknown verdict folder 'X'; use accepted, wrong_answer, ..."
 * (ERR_INPUT), else 0. */
int regress_check_folders(const struct regress_set *set, const char *dir);

/* The margin flag of a graded result, written into flag (size >= 40):
 * an accepted solution above half of the limit gets "slow: 62% of limit";
 * "" otherwise. The TLE side ("tight: 1.4x") needs a measurement and is set
 * by the workers. Times are medians (noise-aware timing, grade.h); a
 * solution with a test whose runs disagreed on the verdict and no other
 * flag is flagged "unstable: N tests" by the workers. */
void regress_flag_slow(const struct db_regress_result *r, char *flag, size_t size);

/* Set each item's cost from the previous results (their grading wall time)
 * or, for a solution never graded, from its problem's limit and test count
 * (limit_ms, tests: arrays parallel to set->v). Then order the queue. */
void regress_estimate(struct regress_set *set, const struct db_regress_result *prev,
		      size_t nprev, const int *limit_ms, const int *tests);

struct regress_progress {
	size_t done, total, mismatched;
	long long elapsed_ms;
	long long left_ms;       /* estimate; -1 while unknown */
};

struct regress_opts {
	const char *db_path;               /* each worker opens its own connection */
	const struct compile_cache *cache;
	int jobs;                          /* workers (capped at the number of items) */
	int fail_fast;                     /* stop starting solutions after a mismatch */
	int margins;                       /* re-run TLE solutions at 2x the limit
	                                    * (a package's: its time_limit_to_tle,
	                                    * legacy time_safety_margin) */
	int repeat;                        /* grade_opts.repeat: runs in all near a
	                                    * limit (the 2x one of the margins too);
	                                    * 0: GRADE_REPEAT_DEFAULT */
	int queue;                         /* PostgreSQL: enqueue every solution for
	                                    * 'judge worker' and wait (no sandbox
	                                    * here; jobs and fail_fast do not apply;
	                                    * the workers grade with repeat and
	                                    * do the margin re-runs) */
	const char *user;                  /* queue: the jobs' user (the role) */
	volatile sig_atomic_t *cancel;     /* see the top of this file */
	/* Called on the calling thread about every 100 ms and after each
	 * solution; NULL: none. */
	void (*tick)(void *arg, const struct regress_progress *p);
	void *tick_arg;
};

/* How the margin re-run goes: up to repeat runs near its limit (0:
 * GRADE_REPEAT_DEFAULT); it stops early when *cancel (cancel may be NULL);
 * the limit is factor times the problem's (below 1: 2, the problem set's
 * promise), and factor_key names the package key that set it (or NULL). */
struct regress_margin {
	int repeat;
	volatile sig_atomic_t *cancel;
	double factor;
	const char *factor_key;
};

/* The margin re-run of a TLE grading r of source (len bytes, language
 * lang) on p: its failing test again with mg's factor times the CPU limit,
 * in env's sandbox (the binary from env's compile cache, the input through
 * env's test data cache when it has one). When it finishes, the limit does
 * not separate it from accepted solutions by that factor: flag gets
 * "tight: 1.4x" (with "(KEY FACTOR)" when a package key set it; size >=
 * 96); else "". Near the raised limit it runs again, as grading does near
 * a limit (grade.h), and the median run decides. Not for interactive
 * problems (a solution runs only against its interactor). Used by the
 * local workers and by 'judge worker' for a queued regression job. */
void regress_tight(const struct grade_env *env, const struct db_problem *p,
		   enum compile_lang lang, const char *source, size_t len,
		   const struct grade_result *r, const struct regress_margin *mg,
		   char *flag, size_t size);

/* Most workers of one run. */
#define REGRESS_MAX_JOBS 64

/* Grade every item of set (in the order of their cost, highest first).
 * Returns 0 when every job ran (with fail_fast: until the first mismatch),
 * or -1 with err set: ERR_CANCELLED when *cancel stopped it, ERR_INTERNAL
 * when the workers could not be set up (nothing was graded). *wall_ms gets the
 * elapsed time. A solution the judge failed on is graded again (three
 * attempts in all: a failure of the judge may be transient) and then
 * reported as IE, not as an error. */
int regress_run(struct regress_set *set, const struct regress_opts *o, long long *wall_ms);

/* Before a run: match the items with the catalogue (their place, limits
 * and test counts; a problem missing from the catalogue is ERR_INPUT naming
 * the folder and the catalogue path `catalog`), read their sources (a file
 * that cannot be read is ERR_INPUT), and order the queue by the previous
 * results, which are left in *prev (free with db_regress_results_free).
 * Returns 0, or -1 with err set. */
int regress_prepare(struct db *db, struct regress_set *set, const char *dir,
		    const char *catalog, struct db_regress_result **prev, size_t *nprev);

/* The counts of a run over set's items. */
struct regress_summary {
	int total, matched, mismatched, compiled, cached, flagged, ie;
	int not_run;             /* items not graded (fail-fast) */
	int skipped;             /* package submissions in other languages */
};

void regress_summarize(const struct regress_set *set, struct regress_summary *s);

/* Store the run (the graded items, summary s) in one transaction, filling
 * run (its id among them). 0, or -1 with err set. */
int regress_store(struct db *db, const struct regress_set *set,
		  const struct regress_summary *s, int jobs, time_t started,
		  long long wall_ms, struct db_regress_run *run);

/* ---- comparing with earlier runs ---- */

enum regress_change {
	REGRESS_NEWLY_FAILING,   /* matched before, does not now */
	REGRESS_NEWLY_PASSING,   /* did not match before, does now */
	REGRESS_VERDICT,         /* another verdict, same match */
	REGRESS_FLAG,            /* a margin flag appeared, changed or went */
	REGRESS_TIME,            /* at least 1.5x slower or faster, and 100 ms */
	REGRESS_NEW,             /* no earlier result */
	REGRESS_GONE,            /* an earlier result, not graded now (only when
	                          * the run was not filtered) */
};

struct regress_diff {
	enum regress_change kind;
	const char *solution;                     /* borrowed */
	const struct db_regress_result *now;      /* NULL for GONE */
	const struct db_regress_result *before;   /* NULL for NEW */
};

/* "newly failing", "newly passing", ... */
const char *regress_change_name(enum regress_change k);

/* The changes between the graded items of set and prev (each solution's
 * latest earlier result), most important kind first, then by solution.
 * *out is malloc'd (free it); its pointers borrow from set and prev. */
void regress_compare(const struct regress_set *set, const struct db_regress_result *prev,
		     size_t nprev, int filtered, struct regress_diff **out, size_t *n);

/* ---- JUnit ---- */

/* Append to out a JUnit XML document: one testsuite "judge regress" with
 * tests/failures/errors counts, one testcase per graded item (classname =
 * problem, name = solution path, time in seconds), a <failure
 * message="expected TLE, got AC"> for a mismatch (an <error> when the judge
 * failed: IE), the flag in <system-out>. Everything XML-escaped; characters
 * XML 1.0 cannot hold are written as \xHH. */
void regress_junit(struct buf *out, const struct regress_set *set, long long wall_ms,
		   const char *timestamp);

/* Append s made safe for XML text and attribute values. */
void regress_xml_escape(struct buf *out, const char *s);

#endif
