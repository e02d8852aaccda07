/* db.h: the judge's database: catalogue, submissions, results.
 *
 * Two backends behind this one interface: SQLite (db.c, problem.c, ...;
 * the default, a file) and PostgreSQL (pg.c, pg_problem.c, ...; libpq,
 * chosen by a path that is a "postgresql://" or "postgres://" URI; its
 * schema is db/schema-pg.sql, its own migrations, and the job queue below
 * lives only there). db_open
 * decides, once; the contracts below hold for both, and what is said of
 * SQLite's transactions holds on PostgreSQL with an advisory lock standing
 * in for BEGIN IMMEDIATE.
 *
 * One database file holds a complete problem set (every test's input and
 * answer) plus everything recorded about it. The schema is db/schema.sql, an
 * append-only list of numbered migrations applied in place (PRAGMA
 * user_version is the last one applied). The connection runs in WAL mode with
 * synchronous=FULL, foreign keys on and a 10 s busy timeout; every write runs
 * in its own BEGIN IMMEDIATE transaction unless a function says it must be
 * called inside db_tx_begin()/db_tx_commit().
 *
 * Conventions: functions return 0 on success and -1 with err set (the
 * message names what failed and carries sqlite3_errmsg); lookups return
 * DB_NOTFOUND (1) when the row does not exist, with err set to a message for
 * the user. Arguments are borrowed. Strings in result structs are owned by
 * the struct and freed by its _release function. A struct db is used by one
 * thread at a time: parallel workers open their own (db_open is cheap).
 *
 * Only db/ includes <sqlite3.h>; code in db/ that adds queries (submission,
 * regress, contest, local tests) uses the helpers of db/db_internal.h. */
#ifndef DB_DB_H
#define DB_DB_H

#include <stddef.h>
#include <time.h>

#include "lib/buf.h"

#define DB_NOTFOUND 1

struct db;

/* ---- opening ---------------------------------------------------------- */

/* Open (creating the file and its folder when needed) and migrate the
 * database at path. Returns the handle or NULL with err set. Refuses a
 * database whose schema is newer than this binary knows. */
struct db *db_open(const char *path);

/* Whether path is a PostgreSQL connection URI ("postgresql://..." or
 * "postgres://..."): db_open then connects with libpq (db/pg.c) instead of
 * opening an SQLite file, and db_path is the URI with its password hidden. */
int db_is_uri(const char *path);

/* Who the database says the user is: on PostgreSQL the role of the
 * connection (current_user), malloc'd in *user; on SQLite NULL (the user is
 * whoever the command line says). 0 or -1. */
int db_user(struct db *db, char **user);

/* Whether this connection may write the catalogue (PostgreSQL: INSERT on
 * problems; a participant's role may not): 1, 0, or -1. */
int db_can_write_catalog(struct db *db);

/* Close a handle from db_open. NULL is fine. */
void db_close(struct db *db);

/* The path the handle was opened with. Borrowed. */
const char *db_path(const struct db *db);

/* The schema version this binary migrates to. */
int db_schema_version(void);

/* An explicit write transaction (BEGIN IMMEDIATE, waits up to the busy
 * timeout for other writers). Not nestable. db_tx_rollback is safe to call
 * when no transaction is open and keeps the current err message and kind. */
int db_tx_begin(struct db *db);
int db_tx_commit(struct db *db);
void db_tx_rollback(struct db *db);

/* Small key/value settings (the catalogue's fingerprint, ...). db_meta_get
 * stores a malloc'd copy in *value, or NULL when the key is absent.
 * db_meta_set runs inside the caller's transaction if one is open, else in
 * its own. */
int db_meta_get(struct db *db, const char *key, char **value);
int db_meta_set(struct db *db, const char *key, const char *value);

/* ---- problems --------------------------------------------------------- */

enum db_checker {
	DB_CHECKER_EXACT,
	DB_CHECKER_TOKENS,
	DB_CHECKER_FLOAT,
	DB_CHECKER_UNORDERED_LINES,
	DB_CHECKER_REGEX,
	DB_CHECKER_CUSTOM,
	DB_CHECKER_COUNT
};

/* "exact", "tokens", "float", "unordered-lines", "regex", "custom". */
const char *db_checker_name(enum db_checker c);

/* The checker named s, or -1. */
int db_checker_parse(const char *s);

/* Which contract a problem's own program follows (its argv, exit codes and
 * where its message is):
 * - JUDGE: the judge's own (checker `chk input output answer` 0 AC, 1 WA,
 *   2 PE; validator `v < input` 0 valid; generator `gen SEED SIZE [MODE]`);
 * - KATTIS: output validator / interactor `v input answer feedback_dir/`
 *   exit 42 AC, 43 WA, else IE (the problem's fault), message in
 *   feedback_dir/judgemessage.txt; input validator `v < input` exit 42 valid;
 * - TESTLIB: checker `chk input output answer` 0 OK, 1 WA, 2 PE, 3 FAIL (IE),
 *   7 points; validator exit 0 valid; generator with free arguments;
 *   interactor `int input output` (its stdin/stdout the program's), exit
 *   codes as a checker; the message is stderr. */
enum db_contract { DB_CONTRACT_JUDGE, DB_CONTRACT_KATTIS, DB_CONTRACT_TESTLIB };

/* "judge", "kattis", "testlib". */
const char *db_contract_name(enum db_contract c);

/* The contract named s, or -1. */
int db_contract_parse(const char *s);

struct db_test {
	long long id;          /* row id; stable while the problem's content is unchanged */
	int ord;               /* 1-based position; tests are ordered by name */
	char *name;            /* "01-sample" (file NAME.in / NAME.ans) */
	int is_sample;         /* the name starts with "sample" */
	char hash[65];         /* sha256 of the input and answer (see db_test_hash) */
	size_t input_size, answer_size;
	char *args;            /* its own Kattis output validator arguments, "" none */
	char *interaction;     /* a sample's .interaction text, or NULL */
	double score;          /* a scoring package: its group's score, 0 none */
};

struct db_problem {
	char *id, *title;
	char *folder;          /* as written in the catalogue (or "problems/<id>"),
	                        * relative to the catalogue file's folder */
	int position;          /* order in the catalogue, 0-based */
	int time_limit_ms, memory_limit_mb, stack_limit_mb, output_limit_kb;
	enum db_checker checker;
	double abs_tolerance, rel_tolerance;   /* float checker; 1e-6 by default */
	char *checker_file;    /* custom: source path relative to the folder; else NULL */
	char *checker_source;  /* custom: the source text; else NULL (db_problem_get only) */
	enum db_contract checker_contract;    /* the custom checker's */
	enum db_contract validator_contract;  /* the validator's (validator.c/.cpp) */
	enum db_contract generator_contract;  /* the generator's (gen.c/.cpp): judge
	                                       * (gen SEED SIZE [MODE]) or testlib */
	char *interactor_file; /* interactive: the interactor's source, relative to the
	                        * folder; NULL when the problem is not interactive */
	char *interactor_source; /* its text (db_problem_get only) */
	enum db_contract interactor_contract;
	char **tags;           /* ntags strings */
	size_t ntags;
	char *complexity;      /* expected complexity ("O(n log n)"), "" when not given */
	char *statement;       /* statement.md (db_problem_get only; NULL in lists) */
	char content_hash[65]; /* sha256 over every stored field and test */
	char *fingerprint;     /* sizes and mtimes of the folder's files at the last sync */
	int retired;           /* dropped from the catalogue; kept for its submissions */
	int test_count;        /* number of tests, always filled */
	struct db_test *tests; /* db_problem_get only: test_count tests in order, no data */
	/* checker TOKENS with checker_contract KATTIS is the Kattis default
	 * output validator (its flags in checker_args) */
	char *checker_args;    /* Kattis output validator arguments, "" when none */
	char *package;         /* a package's problem_format_version, "" when native */
	char *time_limit_from; /* how the time limit was derived, "" when given */
	int validation_time_ms, validation_memory_mb; /* output validator; 0: default */
	int scoring;           /* a scoring problem: results shown per test group */
};

#define DB_PROBLEM_INIT { 0 }

/* Free everything p owns and zero it. */
void db_problem_release(struct db_problem *p);

/* Load problem id (retired or not) with its statement, checker source and
 * test list (without input/answer data) into p. Returns 0, DB_NOTFOUND with
 * err "unknown problem 'ID'", or -1. */
int db_problem_get(struct db *db, const char *id, struct db_problem *p);

/* Every problem in catalogue order, without statement, checker source and
 * tests (test_count is filled); retired ones only when include_retired.
 * *out is a malloc'd array of *n problems: free with db_problem_list_free. */
int db_problem_list(struct db *db, int include_retired,
		    struct db_problem **out, size_t *n);
void db_problem_list_free(struct db_problem *v, size_t n);

/* The active problem id closest to id (edit distance at most
 * max(2, strlen(id) / 3)), malloc'd, or NULL when none is close (or on a
 * database error: this is only a hint). */
char *db_problem_nearest(struct db *db, const char *id);

/* The input and/or answer of test test_id appended to in / ans (either may
 * be NULL). Returns 0, DB_NOTFOUND, or -1. */
int db_test_data(struct db *db, long long test_id, struct buf *in, struct buf *ans);

/* Write test test_id's input and/or answer to files (util_write_file, mode
 * 0644; a NULL path skips that part). Returns 0, DB_NOTFOUND, or -1. */
int db_test_write_files(struct db *db, long long test_id,
			const char *in_path, const char *ans_path);

/* The content hash stored for a test: sha256 over
 * "<input length>:<input><answer length>:<answer>", hex in out. */
void db_test_hash(const void *in, size_t inlen, const void *ans, size_t anslen,
		  char out[65]);

/* ---- catalogue sync (judge/domain/catalog.c), inside db_tx_begin/commit ------ */

/* Insert or update problem p's row from every field of p except retired,
 * test_count and tests (statement and checker_source are stored as given;
 * content_hash and fingerprint are the caller's), and clear retired. Its
 * tests are NOT touched: clear and add them separately. */
int db_catalog_put_problem(struct db *db, const struct db_problem *p);

/* Delete every test of problem (before adding the new ones). */
int db_catalog_clear_tests(struct db *db, const char *problem);

/* Add one test (t->ord, t->name, t->is_sample; the hash is computed from the
 * data). */
int db_catalog_add_test(struct db *db, const char *problem, const struct db_test *t,
			const void *in, size_t inlen, const void *ans, size_t anslen);

/* Update only the stored fingerprint and position of an unchanged problem. */
int db_catalog_touch_problem(struct db *db, const char *problem, int position,
			     const char *fingerprint);

/* Retire every active problem whose id is not among ids[0..n); *retired gets
 * how many were retired. */
int db_catalog_retire_others(struct db *db, char *const *ids, size_t n, int *retired);

struct db_contest {
	char *id, *title;
	int duration_minutes, freeze_minutes, penalty_minutes;
	int from_catalog;      /* source 'catalog' (1) or 'cli' (0) */
	time_t created_at;
	time_t starts_at;      /* 0: not started */
	int retired;           /* a catalogue contest dropped from the catalogue */
	char **problems;       /* problem ids; letter = 'A' + index */
	size_t nproblems;
};

#define DB_CONTEST_INIT { 0 }

void db_contest_release(struct db_contest *c);

/* Insert or update catalogue contest c (source 'catalog') and its problem
 * letters; clears retired. Fails when a contest made with the CLI has the
 * same id. */
int db_catalog_put_contest(struct db *db, const struct db_contest *c);

/* Retire every catalogue contest whose id is not among ids[0..n). */
int db_catalog_retire_other_contests(struct db *db, char *const *ids, size_t n);

/* Load contest id with its problems. Returns 0, DB_NOTFOUND, or -1. */
int db_contest_get(struct db *db, const char *id, struct db_contest *c);

/* ---- submissions and per-test results --------------------------------- */

struct db_result {
	int ord;               /* 1-based position in the run; local tests come
	                        * after the catalogue's, numbering continues */
	char *name;
	int verdict;           /* enum verdict */
	int time_ms, wall_ms;
	long memory_kb;
	int exit_code;         /* -1 when the program did not exit by itself */
	char *signal;          /* "SIGSEGV", or NULL */
	char *message;         /* checker / sandbox message, "" when none */
	int is_local;          /* a local test (stress tool), not the catalogue's */
	char *stderr_text;     /* the start of the program's stderr, or NULL */
	long stderr_bytes;     /* how many bytes it wrote to stderr */
	long long time_us;     /* CPU time in microseconds (the median run's);
	                        * -1 when not recorded (an older result) */
	char *runs;            /* every measurement in run order, "AC:948123
	                        * TLE:1004211" (verdict:CPU microseconds), or "" */
	int unstable;          /* the runs disagreed on the verdict */
};

struct db_submission {
	long long id;
	char *problem, *user;
	char *source;          /* NULL in lists */
	char *file_name;       /* the submitted file's name ("sum.c"), or NULL */
	char source_hash[65];  /* sha256 of the source, filled by the db */
	time_t submitted_at;
	int running;           /* status 'running' (1) or 'done' (0) */
	int verdict;           /* enum verdict; -1 while running */
	int passed, total;
	int time_ms;           /* max over the tests */
	long memory_kb;        /* max over the tests */
	int compile_ok, compile_time_ms, compile_cached;
	char *compile_message; /* "" when none */
	char *contest;         /* contest id, or NULL */
	char *letter;          /* its letter in the contest ("A"), or NULL */
	char *error;           /* why it ended IE, or NULL */
	int local_tests;       /* graded with the user's local tests too */
	char *lang;            /* "c" or "c++"; NULL in db_submission_create: "c" */
	struct db_result *results; /* db_submission_get only, nresults in order */
	size_t nresults;
};

#define DB_SUBMISSION_INIT { .verdict = -1 }

void db_submission_release(struct db_submission *s);

/* Record a new submission as 'running' from s->problem, user, source, lang,
 * contest, letter, local_tests and submitted_at (0: util_now()), together
 * with this process's identity (pid, its start time, boot id, host) so that
 * db_submissions_reap can tell when its writer died. Sets s->id (and *id
 * when id is not NULL) and s->source_hash. */
int db_submission_create(struct db *db, struct db_submission *s, long long *id);

/* Add one per-test result to running submission sub. */
int db_result_add(struct db *db, long long sub, const struct db_result *r);

/* Finish running submission s->id: status 'done' with s->verdict, passed,
 * total, time_ms, memory_kb, compile_*, error. Fails when the submission is
 * not running (finished already, or reaped as IE). */
int db_submission_finish(struct db *db, const struct db_submission *s);

/* Mark as IE every 'running' submission whose writer is gone (no process
 * with its pid and start time on this boot of this host, or another boot of
 * this host, or a database copied from elsewhere), with an error reason.
 * Running rows written on another host of a shared kernel (same boot id,
 * other host name: another container) are left alone. *count (may be NULL)
 * gets how many were marked. Cheap when nothing is running. */
int db_submissions_reap(struct db *db, int *count);

/* Load submission id with its source and results. Returns 0, DB_NOTFOUND
 * (err "unknown submission N"), or -1. */
int db_submission_get(struct db *db, long long id, struct db_submission *s);

/* Past submissions, newest first, without source and results; problem,
 * user and verdict ("WA": finished ones with that verdict) are filters
 * (NULL: any), limit <= 0: no limit. Free with db_submission_list_free. */
int db_submission_list(struct db *db, const char *problem, const char *user,
		       const char *verdict, int limit, struct db_submission **out, size_t *n);
void db_submission_list_free(struct db_submission *v, size_t n);

/* The best verdict user got on problem: AC when any finished submission was
 * accepted, otherwise the verdict of the finished submission that passed the
 * most tests (the latest on ties); -1 in *verdict when there is none. */
int db_best_verdict(struct db *db, const char *problem, const char *user, int *verdict);

/* ---- contests (db/contest.c) ------------------------------------------ */

/* Returned when the row to create exists already (err says which). */
#define DB_EXISTS 2

/* Create contest c made with the CLI (source 'cli'): c->id, title,
 * duration_minutes, freeze_minutes, penalty_minutes, created_at (0: now) and
 * its problems in letter order (they must exist). Returns 0, DB_EXISTS when
 * any contest (CLI or catalogue, retired or not) has that id, or -1. */
int db_contest_create(struct db *db, const struct db_contest *c);

/* Every contest ordered by id, with its problems; retired ones only when
 * include_retired. Free with db_contest_list_free. */
int db_contest_list(struct db *db, int include_retired, struct db_contest **out, size_t *n);
void db_contest_list_free(struct db_contest *v, size_t n);

/* The active contest id closest to id (as db_problem_nearest), malloc'd, or
 * NULL. */
char *db_contest_nearest(struct db *db, const char *id);

struct db_participant {
	char *user;
	time_t started_at;
};

/* Start user's virtual participation in contest at *started_at. Returns 0;
 * DB_EXISTS when user has started already, with their start time in
 * *started_at; or -1. One BEGIN IMMEDIATE transaction: of two simultaneous
 * starts exactly one wins. */
int db_participant_start(struct db *db, const char *contest, const char *user,
			 time_t *started_at);

/* When user started contest: 0, DB_NOTFOUND (err "'USER' has not started
 * contest 'ID'"), or -1. */
int db_participant_get(struct db *db, const char *contest, const char *user,
		       time_t *started_at);

/* Every participant of contest, by start time then name. Free with
 * db_participant_list_free. */
int db_participant_list(struct db *db, const char *contest,
			struct db_participant **out, size_t *n);
void db_participant_list_free(struct db_participant *v, size_t n);

/* One submission to a contest, as a scoreboard needs it. */
struct db_contest_attempt {
	long long id;          /* submission id */
	char *user, *letter, *problem;
	time_t submitted_at;
	int verdict;           /* enum verdict; -1 while running */
};

/* The submissions to contest (of user only, unless NULL) ordered by time
 * then id. Free with db_contest_attempts_free. */
int db_contest_attempts(struct db *db, const char *contest, const char *user,
			struct db_contest_attempt **out, size_t *n);
void db_contest_attempts_free(struct db_contest_attempt *v, size_t n);

/* ---- regress (db/regress.c) ------------------------------------------- */

/* One 'judge regress' run. A run is stored whole, with its results, in one
 * transaction at its end (db_regress_store): an interrupted run leaves no
 * row at all. */
struct db_regress_run {
	long long id;
	time_t started_at, finished_at;
	int jobs;              /* parallel workers */
	int total, matched, mismatched;
	int compiled, cached;  /* solutions compiled / answered from the cache */
	long long wall_ms;
};

/* One solution's outcome in a run. */
struct db_regress_result {
	long long run;
	char *problem;         /* the solutions/ folder's problem id */
	char *solution;        /* "max-gap/accepted/buckets.c" */
	int expected, got;     /* enum verdict */
	int match;
	int time_ms;           /* max CPU time over the tests that ran */
	long memory_kb;        /* max peak memory */
	int time_limit_ms;     /* the problem's limit when it ran (0: unknown) */
	int wall_ms;           /* how long grading it took */
	char *message;         /* the failing test and why, "" when none */
	char *flag;            /* margin warning ("slow: 62% of limit"), "" when none */
};

void db_regress_result_release(struct db_regress_result *r);
void db_regress_results_free(struct db_regress_result *v, size_t n);

/* Store run (its id is set) and its n results in one transaction. */
int db_regress_store(struct db *db, struct db_regress_run *run,
		     const struct db_regress_result *v, size_t n);

/* The latest stored run with an id below before (LLONG_MAX: the latest of
 * all) into *run. Returns 0, DB_NOTFOUND when there is none, or -1. */
int db_regress_run_before(struct db *db, long long before, struct db_regress_run *run);

/* For every solution with a result in a run below before (LLONG_MAX: any
 * run), its most recent such result, ordered by solution. Free with
 * db_regress_results_free. */
int db_regress_latest(struct db *db, long long before,
		      struct db_regress_result **out, size_t *n);

/* ---- local tests (db/local_tests.c; the stress tool's section) ---------- */

/* A user's own test for a problem: a counterexample saved by 'judge
 * stress' or one added with 'judge cases add', graded after the problem's
 * tests (marked local) by that user's later submissions and 'judge test'. */
struct db_local_test {
	long long id;
	char *problem, *user;
	char *name;            /* "local-1", "local-2", ... per problem and user */
	char *origin;          /* "stress" or "user" */
	char *input, *answer;  /* the bytes, NUL-terminated copies */
	size_t input_len, answer_len;
	time_t created_at;
};

void db_local_test_release(struct db_local_test *t);
void db_local_test_list_free(struct db_local_test *v, size_t n);

/* Save a local test of user on problem under the next free name "local-N",
 * unless user already has one with the same input: then nothing is written
 * and *name is that test's name. origin is "stress" or "user". *name
 * (malloc'd) gets the name; *created (may be NULL) is 1 when a row was
 * added. One write transaction (or the caller's). */
int db_local_test_add(struct db *db, const char *problem, const char *user,
		      const char *origin, const void *in, size_t inlen,
		      const void *ans, size_t anslen, char **name, int *created);

/* Remove user's local test `name` on problem: 0, or DB_NOTFOUND with err
 * "no local test 'NAME' ...", or -1. One write transaction. */
int db_local_test_remove(struct db *db, const char *problem, const char *user,
			 const char *name);

/* user's local tests on problem in name order ("local-2" before
 * "local-10"), with their data. *out is a malloc'd array of *n tests (NULL
 * when none): free with db_local_test_list_free. */
int db_local_test_list(struct db *db, const char *problem, const char *user,
		       struct db_local_test **out, size_t *n);

/* ---- the job queue (db/queue.c; PostgreSQL only) ------------------------- */

/* On SQLite every function below fails with err_input "the job queue needs
 * a PostgreSQL database ...". On PostgreSQL (db/pg_queue.c): a job is a
 * submission to grade. Enqueued 'queued'; a worker claims the oldest open
 * job (FOR UPDATE SKIP LOCKED) for lease_ms, renews the lease while it
 * grades, and completes it by storing the submission and its results in one
 * transaction that first checks the claim is still its own: a result is
 * stored once. A job whose lease expired is claimed again. Inserting a job
 * notifies channel "judge_jobs", finishing one "judge_done". */
struct db_job {
	long long id;
	int claim;             /* claims so far: the current claim's token */
	char *problem, *user;
	char *source;          /* db_job_claim only */
	char *lang;            /* "c" or "c++" */
	char *file_name, *contest, *letter;   /* or NULL */
	int fail_fast;
	int repeat;            /* runs in all for a test near its limit; 0: default */
	time_t submitted_at;
	char *label;           /* regress: the solution's path; or NULL */
	char *status;          /* "queued", "running", "done" */
	char *worker;          /* the last worker to claim it, or NULL */
	long long submission;  /* done: the stored submission; else 0 */
	double age_s;          /* seconds since it was enqueued */
	double lease_left_s;   /* running: seconds left on the lease (< 0: expired) */
	char *enqueued_by;     /* the role that enqueued it (set by the server) */
	int tight;             /* regress: re-run a TLE at twice the limit (margins) */
	char *flag;            /* what that re-run found ("tight: 1.4x"), or "";
	                        * db_job_complete stores it */
	char *problem_hash;    /* db_job_claim only: the problem's content_hash now
	                        * (a worker's copy of the problem with this hash is
	                        * current, test ids included) */
};

#define DB_JOB_INIT { 0 }

void db_job_release(struct db_job *j);
void db_job_list_free(struct db_job *v, size_t n);

/* Enqueue j (problem, user, source, lang, file_name, contest, letter,
 * fail_fast, repeat, submitted_at (0: now), label, tight); sets j->id.
 * The server may refuse it by its own rules (contrib/pg-roles.sql: a
 * participant's contest job outside their window): -1 with err of kind
 * ERR_INPUT and the server's message. */
int db_job_enqueue(struct db *db, struct db_job *j);

/* Claim the oldest queued job, or a running one whose lease expired, for
 * worker with a lease of lease_ms. Fills *j (with its source). Returns 0,
 * DB_NOTFOUND when there is nothing to do, or -1. */
int db_job_claim(struct db *db, const char *worker, int lease_ms, struct db_job *j);

/* Extend claim j->claim of job j->id by lease_ms from now. Returns 0, or
 * DB_NOTFOUND (err set) when the claim is no longer this one's, or -1. */
int db_job_renew(struct db *db, const struct db_job *j, int lease_ms);

/* Store s (a finished submission: problem, user, source, lang, file_name,
 * contest, letter, local_tests, submitted_at, the verdict fields and its
 * nresults results) for claim j->claim of job j->id and mark the job done
 * with j->flag (NULL: ""), in one transaction; sets s->id. Returns 0, DB_NOTFOUND (err set; nothing
 * written) when the job was claimed again or is done already, or -1. */
int db_job_complete(struct db *db, const struct db_job *j, struct db_submission *s);

/* Job id without its source: 0, DB_NOTFOUND or -1. */
int db_job_get(struct db *db, long long id, struct db_job *j);

/* For each of ids[0..n): the submission of the job when it is done, else 0,
 * into submissions[i] (one query). */
int db_jobs_done(struct db *db, const long long *ids, size_t n, long long *submissions);

/* Open jobs (queued or running, oldest first) and then the last `done`
 * finished ones (newest first), without sources. */
int db_job_list(struct db *db, int done, struct db_job **out, size_t *n);

/* Seconds until the earliest lease of a running job expires (0 when one has
 * expired), or -1 in *s when nothing is running. */
int db_job_next_expiry(struct db *db, double *s);

struct db_worker {
	char *name, *host, *state;
	long long pid;
	int jobs_done;
	double beat_age_s;     /* seconds since its last heartbeat */
};

void db_worker_list_free(struct db_worker *v, size_t n);

/* Record worker name's heartbeat and state ("idle", "grading 12",
 * "stopped"), adding done to its count of jobs done. */
int db_worker_beat(struct db *db, const char *name, const char *state, int done);

/* Every worker, by name. */
int db_worker_list(struct db *db, struct db_worker **out, size_t *n);

/* LISTEN on channel (again after a reconnect: db_reconnect repeats it). */
int db_listen(struct db *db, const char *channel);

/* Wait up to timeout_ms (< 0: for ever) for a notification on a channel
 * listened to, without polling: poll(2) on the connection's socket. Returns
 * 1 when one came (all pending ones are consumed), 0 on timeout or a signal,
 * -1 with err set (db_lost tells whether the connection went away). */
int db_wait(struct db *db, int timeout_ms);

/* Whether the connection to the server is lost (PostgreSQL; 0 on SQLite). */
int db_lost(const struct db *db);

/* Connect again after db_lost: one attempt. 0, or -1 with err set. */
int db_reconnect(struct db *db);

#endif
