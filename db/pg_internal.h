/* pg_internal.h: the PostgreSQL backend of db.h (db/pg*.c); nothing outside
 * db/ includes it, and only db/pg*.c include <libpq-fe.h>.
 *
 * Every dbpg_NAME function implements db_NAME of db.h with the same
 * contract; db.h's public functions call them when db->pg is set. Queries
 * go through a struct pgq (parameters: text, or binary for bytea) and
 * pgq_run, which records "WHAT: <first line of PQerrorMessage>" on failure;
 * a connection that went away gives "database 'URI' went away: ..." and
 * marks the handle broken. Writes that are not part of the caller's
 * transaction run in their own, serialised like SQLite's BEGIN IMMEDIATE by
 * an advisory lock (pg_write_begin / pg_write_end). */
#ifndef DB_PG_INTERNAL_H
#define DB_PG_INTERNAL_H

#include <libpq-fe.h>

#include "db/db_internal.h"

/* The advisory lock every write transaction takes (pg_advisory_xact_lock). */
#define PG_WRITE_LOCK "1786080359"

struct pg {
	PGconn *conn;
	char *uri;             /* as given (with any password) */
	char *listen[4];       /* channels LISTENed to, again after a reconnect */
	int nlisten;
};

#define PGQ_MAX 32

/* The parameters of one query, $1 .. $n in order. */
struct pgq {
	int n;
	const char *val[PGQ_MAX];
	int len[PGQ_MAX], fmt[PGQ_MAX];
	char *owned[PGQ_MAX];  /* copies made for numbers and cleaned text */
	char *kept[PGQ_MAX];   /* pgq_keep's */
	int nkept;
};

#define PGQ_INIT { 0 }

/* Add a parameter: text (NULL: SQL NULL; invalid UTF-8 and NUL bytes
 * become U+FFFD, as a PostgreSQL text value cannot hold them), an integer,
 * a double, a boolean, or bytes (bytea, sent in binary). */
void pgq_str(struct pgq *q, const char *s);
void pgq_int(struct pgq *q, long long v);
void pgq_dbl(struct pgq *q, double v);
void pgq_bool(struct pgq *q, int v);
void pgq_bin(struct pgq *q, const void *p, size_t n);

/* Free s (malloc'd) with q's copies: the last parameter may point into it. */
void pgq_keep(struct pgq *q, char *s);

/* Free q's copies. */
void pgq_release(struct pgq *q);

/* Run sql with q's parameters (q may be NULL) and release q. Returns the
 * result (rows or a command's status; PQclear it) or NULL with err set to
 * "WHAT: <message>" (WHAT printf-style). */
PGresult *pgq_run(struct db *db, struct pgq *q, const char *sql, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* pgq_run for a statement whose rows are not wanted; *changed (may be
 * NULL) gets how many rows it changed. 0 or -1. */
int pgq_do(struct db *db, struct pgq *q, long *changed, const char *sql, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The SQLSTATE of the server's own refusals (contrib/pg-roles.sql's
 * triggers: RAISE ... USING ERRCODE = 'JG001'): bad input, not a failure. */
#define PG_REFUSED "JG001"

/* Record the failure of what (the message of r, or of the connection) in
 * err; a lost connection says so; a refusal (PG_REFUSED) is ERR_INPUT with
 * the server's message alone. Returns -1. */
int pg_fail(struct db *db, const PGresult *r, const char *what);

/* Columns of a text-format result: a malloc'd string ("" for NULL when
 * null_empty, else NULL), a number (0 for NULL), a boolean, NULL or not,
 * and a bytea column decoded into a malloc'd NUL-terminated copy. */
char *pg_str(const PGresult *r, int row, int col, int null_empty);
long long pg_ll(const PGresult *r, int row, int col);
double pg_dbl(const PGresult *r, int row, int col);
int pg_bool(const PGresult *r, int row, int col);
int pg_null(const PGresult *r, int row, int col);
char *pg_bytes(const PGresult *r, int row, int col, size_t *len);

/* Adding one test result: the statement and its parameters (-1 with err
 * set for an invalid verdict). Only while the submission runs: a reaped
 * one stays as it was (the statement then changes no row). */
#define PG_RESULT_INSERT \
	"INSERT INTO results (submission, ord, name, verdict, time_ms, wall_ms, " \
	"memory_kb, exit_code, signal, message, is_local, stderr, stderr_bytes, " \
	"time_us, runs, unstable) " \
	"SELECT $1, $2, $3, $4, $5, $6, $7, $8::integer, $9, $10, $11, $12, $13, " \
	"$14, $15, $16 " \
	"FROM submissions WHERE id = $1 AND status = 'running'"
int pg_result_params(struct pgq *q, long long sub, const struct db_result *r);

/* A write in its own transaction unless the caller's is open (as
 * db_write_begin / db_write_end). */
int pg_write_begin(struct db *db, int *own);
int pg_write_end(struct db *db, int own, int rc);

/* ---- the backend's side of db.h (same contracts) ------------------------ */

struct db *dbpg_open(const char *uri);
void dbpg_close(struct db *db);
int dbpg_tx_begin(struct db *db);
int dbpg_tx_commit(struct db *db);
void dbpg_tx_rollback(struct db *db);
int dbpg_user(struct db *db, char **user);
int dbpg_can_write_catalog(struct db *db);
int dbpg_meta_get(struct db *db, const char *key, char **value);
int dbpg_meta_set(struct db *db, const char *key, const char *value);
char *dbpg_nearest_id(struct db *db, const char *sql, const char *id);

int dbpg_problem_get(struct db *db, const char *id, struct db_problem *p);
int dbpg_problem_list(struct db *db, int include_retired, struct db_problem **out, size_t *n);
int dbpg_test_data(struct db *db, long long test_id, struct buf *in, struct buf *ans);
int dbpg_catalog_put_problem(struct db *db, const struct db_problem *p);
int dbpg_catalog_clear_tests(struct db *db, const char *problem);
int dbpg_catalog_add_test(struct db *db, const char *problem, const struct db_test *t,
			  const void *in, size_t inlen, const void *ans, size_t anslen);
int dbpg_catalog_touch_problem(struct db *db, const char *problem, int position,
			       const char *fingerprint);
int dbpg_catalog_retire_others(struct db *db, char *const *ids, size_t n, int *retired);
int dbpg_catalog_retire_other_contests(struct db *db, char *const *ids, size_t n);
int dbpg_catalog_put_contest(struct db *db, const struct db_contest *c);
int dbpg_contest_get(struct db *db, const char *id, struct db_contest *c);

int dbpg_submission_create(struct db *db, struct db_submission *s, long long *id);
int dbpg_result_add(struct db *db, long long sub, const struct db_result *r);
int dbpg_submission_finish(struct db *db, const struct db_submission *s);
int dbpg_submissions_reap(struct db *db, int *count);
int dbpg_submission_get(struct db *db, long long id, struct db_submission *s);
int dbpg_submission_list(struct db *db, const char *problem, const char *user,
			 const char *verdict, int limit, struct db_submission **out, size_t *n);
int dbpg_best_verdict(struct db *db, const char *problem, const char *user, int *verdict);

int dbpg_contest_create(struct db *db, const struct db_contest *c);
int dbpg_contest_list(struct db *db, int include_retired, struct db_contest **out, size_t *n);
int dbpg_participant_start(struct db *db, const char *contest, const char *user,
			   time_t *started_at);
int dbpg_participant_get(struct db *db, const char *contest, const char *user,
			 time_t *started_at);
int dbpg_participant_list(struct db *db, const char *contest,
			  struct db_participant **out, size_t *n);
int dbpg_contest_attempts(struct db *db, const char *contest, const char *user,
			  struct db_contest_attempt **out, size_t *n);

int dbpg_regress_store(struct db *db, struct db_regress_run *run,
		       const struct db_regress_result *v, size_t n);
int dbpg_regress_run_before(struct db *db, long long before, struct db_regress_run *run);
int dbpg_regress_latest(struct db *db, long long before,
			struct db_regress_result **out, size_t *n);

int dbpg_local_test_add(struct db *db, const char *problem, const char *user,
			const char *origin, const void *in, size_t inlen,
			const void *ans, size_t anslen, char **name, int *created);
int dbpg_local_test_remove(struct db *db, const char *problem, const char *user,
			   const char *name);
int dbpg_local_test_list(struct db *db, const char *problem, const char *user,
			 struct db_local_test **out, size_t *n);

int dbpg_job_enqueue(struct db *db, struct db_job *j);
int dbpg_job_claim(struct db *db, const char *worker, int lease_ms, struct db_job *j);
int dbpg_job_renew(struct db *db, const struct db_job *j, int lease_ms);
int dbpg_job_complete(struct db *db, const struct db_job *j, struct db_submission *s);
int dbpg_job_get(struct db *db, long long id, struct db_job *j);
int dbpg_jobs_done(struct db *db, const long long *ids, size_t n, long long *submissions);
int dbpg_job_list(struct db *db, int done, struct db_job **out, size_t *n);
int dbpg_job_next_expiry(struct db *db, double *s);
int dbpg_worker_beat(struct db *db, const char *name, const char *state, int done);
int dbpg_worker_list(struct db *db, struct db_worker **out, size_t *n);
int dbpg_listen(struct db *db, const char *channel);
int dbpg_wait(struct db *db, int timeout_ms);
int dbpg_lost(const struct db *db);
int dbpg_reconnect(struct db *db);

#endif
