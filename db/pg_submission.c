/* pg_submission.c: submissions, their per-test results and reaping on
 * PostgreSQL (db/submission.c's side of the PostgreSQL backend). A running
 * row records its writer as on SQLite; many hosts share one server, so
 * only rows written on this host (same boot id and host name) are judged
 * here: another machine's judge is never taken for dead. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char *verdict_or_null(int v)
{
	return v >= 0 && v < V_COUNT ? verdict_name((enum verdict)v) : NULL;
}

int dbpg_submission_create(struct db *db, struct db_submission *s, long long *id)
{
	struct pgq q = PGQ_INIT;
	char boot[64], host[256];
	PGresult *r;

	if (!s->problem || !s->user || !s->source)
		return err_set("a submission needs a problem, a user and a source");
	if (!s->submitted_at && util_now(&s->submitted_at) < 0)
		return -1;
	util_sha256_hex(s->source, strlen(s->source), s->source_hash);
	db_boot_id(boot);
	db_host_name(host);
	pgq_str(&q, s->problem);
	pgq_str(&q, s->user);
	pgq_bin(&q, s->source, strlen(s->source));
	pgq_str(&q, s->source_hash);
	pgq_int(&q, (long long)s->submitted_at);
	pgq_str(&q, s->contest);
	pgq_str(&q, s->letter);
	pgq_bool(&q, s->local_tests);
	pgq_int(&q, (long long)getpid());
	pgq_int(&q, db_proc_start_time((long)getpid()));
	pgq_str(&q, boot);
	pgq_str(&q, host);
	pgq_str(&q, s->lang ? s->lang : "c");
	pgq_str(&q, s->file_name);
	r = pgq_run(db, &q, "INSERT INTO submissions (problem, \"user\", source, source_hash, "
		    "submitted_at, status, contest, letter, local_tests, writer_pid, "
		    "writer_start, writer_boot, writer_host, lang, file_name) "
		    "VALUES ($1, $2, $3, $4, $5, 'running', $6, $7, $8, $9, $10, $11, $12, "
		    "$13, $14) RETURNING id", "cannot record the submission");
	if (!r)
		return -1;
	s->id = pg_ll(r, 0, 0);
	PQclear(r);
	s->running = 1;
	s->verdict = -1;
	if (id)
		*id = s->id;
	return 0;
}

int pg_result_params(struct pgq *q, long long sub, const struct db_result *r)
{
	const char *v = verdict_or_null(r->verdict);
	const char *e = r->stderr_text ? r->stderr_text : "";

	if (!v)
		return err_set("submission %lld: invalid verdict %d", sub, r->verdict);
	pgq_int(q, sub);
	pgq_int(q, r->ord);
	pgq_str(q, r->name ? r->name : "");
	pgq_str(q, v);
	pgq_int(q, r->time_ms);
	pgq_int(q, r->wall_ms);
	pgq_int(q, r->memory_kb);
	if (r->exit_code >= 0)
		pgq_int(q, r->exit_code);
	else
		pgq_str(q, NULL);
	pgq_str(q, r->signal);
	pgq_str(q, r->message ? r->message : "");
	pgq_bool(q, r->is_local);
	pgq_bin(q, e, strlen(e));
	pgq_int(q, r->stderr_bytes);
	pgq_int(q, r->time_us);
	pgq_str(q, r->runs ? r->runs : "");
	pgq_bool(q, r->unstable);
	return 0;
}

int dbpg_result_add(struct db *db, long long sub, const struct db_result *r)
{
	struct pgq q = PGQ_INIT;
	long changed = 0;

	if (pg_result_params(&q, sub, r) < 0) {
		pgq_release(&q);
		return -1;
	}
	if (pgq_do(db, &q, &changed, PG_RESULT_INSERT, "cannot record a test result") < 0)
		return -1;
	if (changed != 1)
		return err_set("submission %lld is not running", sub);
	return 0;
}

int dbpg_submission_finish(struct db *db, const struct db_submission *s)
{
	struct pgq q = PGQ_INIT;
	const char *v = verdict_or_null(s->verdict);
	long changed = 0;

	if (!v)
		return err_set("submission %lld: invalid verdict %d", s->id, s->verdict);
	pgq_str(&q, v);
	pgq_int(&q, s->passed);
	pgq_int(&q, s->total);
	pgq_int(&q, s->time_ms);
	pgq_int(&q, s->memory_kb);
	pgq_bool(&q, s->compile_ok);
	pgq_str(&q, s->compile_message ? s->compile_message : "");
	pgq_int(&q, s->compile_time_ms);
	pgq_bool(&q, s->compile_cached);
	pgq_str(&q, s->error);
	pgq_int(&q, s->id);
	if (pgq_do(db, &q, &changed,
		   "UPDATE submissions SET status = 'done', verdict = $1, passed = $2, "
		   "total = $3, time_ms = $4, memory_kb = $5, compile_ok = $6, "
		   "compile_message = $7, compile_time_ms = $8, compile_cached = $9, error = $10 "
		   "WHERE id = $11 AND status = 'running'", "cannot record the verdict") < 0)
		return -1;
	if (changed != 1)
		return err_set("submission %lld is not running (finished already, or "
			       "marked IE because its judge was thought gone)", s->id);
	return 0;
}

int dbpg_submissions_reap(struct db *db, int *count)
{
	struct pgq q = PGQ_INIT;
	char boot[64], host[256], reason[160];
	long changed, reaped = 0;
	PGresult *r;
	int i, rc = 0;

	if (count)
		*count = 0;
	db_boot_id(boot);
	db_host_name(host);
	/* rows of this host whose writer is gone; an older boot of this host
	 * cannot be told from another machine of the same name, so the boot
	 * id must match too */
	pgq_str(&q, host);
	pgq_str(&q, boot);
	r = pgq_run(db, &q, "SELECT id, writer_pid, writer_start FROM submissions "
		    "WHERE status = 'running' AND writer_host = $1 AND writer_boot = $2",
		    "cannot look for unfinished submissions");
	if (!r)
		return -1;
	for (i = 0; i < PQntuples(r) && rc == 0; i++) {
		if (db_proc_start_time((long)pg_ll(r, i, 1)) == pg_ll(r, i, 2))
			continue;
		snprintf(reason, sizeof(reason), "the judge grading it (pid %lld) ended "
			 "before it finished", pg_ll(r, i, 1));
		pgq_str(&q, reason);
		pgq_int(&q, pg_ll(r, i, 0));
		changed = 0;
		rc = pgq_do(db, &q, &changed, "UPDATE submissions SET status = 'done', "
			    "verdict = 'IE', error = $1 WHERE id = $2 AND status = 'running'",
			    "cannot mark an unfinished submission");
		reaped += changed;
	}
	PQclear(r);
	if (rc == 0 && count)
		*count = (int)reaped;
	return rc;
}

#define SUBMISSION_COLUMNS \
	"id, problem, \"user\", source_hash, submitted_at, status, verdict, passed, total, " \
	"time_ms, memory_kb, compile_ok, compile_message, compile_time_ms, " \
	"compile_cached, contest, letter, error, local_tests, lang, file_name"
#define SUBMISSION_NCOLUMNS 21

static void read_submission_row(const PGresult *r, int i, struct db_submission *s)
{
	memset(s, 0, sizeof(*s));
	s->id = pg_ll(r, i, 0);
	s->problem = pg_str(r, i, 1, 1);
	s->user = pg_str(r, i, 2, 1);
	snprintf(s->source_hash, sizeof(s->source_hash), "%s", PQgetvalue(r, i, 3));
	s->submitted_at = (time_t)pg_ll(r, i, 4);
	s->running = !strcmp(PQgetvalue(r, i, 5), "running");
	s->verdict = pg_null(r, i, 6) ? -1 : verdict_parse(PQgetvalue(r, i, 6));
	s->passed = (int)pg_ll(r, i, 7);
	s->total = (int)pg_ll(r, i, 8);
	s->time_ms = (int)pg_ll(r, i, 9);
	s->memory_kb = (long)pg_ll(r, i, 10);
	s->compile_ok = pg_bool(r, i, 11);
	s->compile_message = pg_str(r, i, 12, 1);
	s->compile_time_ms = (int)pg_ll(r, i, 13);
	s->compile_cached = pg_bool(r, i, 14);
	s->contest = pg_str(r, i, 15, 0);
	s->letter = pg_str(r, i, 16, 0);
	s->error = pg_str(r, i, 17, 0);
	s->local_tests = pg_bool(r, i, 18);
	s->lang = pg_str(r, i, 19, 1);
	s->file_name = pg_str(r, i, 20, 0);
}

static int load_results(struct db *db, struct db_submission *s)
{
	struct pgq q = PGQ_INIT;
	struct db_result *res;
	PGresult *r;
	int i;

	pgq_int(&q, s->id);
	r = pgq_run(db, &q, "SELECT ord, name, verdict, time_ms, wall_ms, memory_kb, "
		    "exit_code, signal, message, is_local, stderr, stderr_bytes, time_us, runs, "
		    "unstable FROM results "
		    "WHERE submission = $1 ORDER BY ord",
		    "cannot read the results of submission %lld", s->id);
	if (!r)
		return -1;
	s->nresults = (size_t)PQntuples(r);
	s->results = xcalloc(s->nresults + 1, sizeof(*s->results));
	for (i = 0; i < PQntuples(r); i++) {
		res = &s->results[i];
		res->ord = (int)pg_ll(r, i, 0);
		res->name = pg_str(r, i, 1, 1);
		res->verdict = verdict_parse(PQgetvalue(r, i, 2));
		if (res->verdict < 0)
			res->verdict = V_IE;
		res->time_ms = (int)pg_ll(r, i, 3);
		res->wall_ms = (int)pg_ll(r, i, 4);
		res->memory_kb = (long)pg_ll(r, i, 5);
		res->exit_code = pg_null(r, i, 6) ? -1 : (int)pg_ll(r, i, 6);
		res->signal = pg_str(r, i, 7, 0);
		res->message = pg_str(r, i, 8, 1);
		res->is_local = pg_bool(r, i, 9);
		res->stderr_text = pg_bytes(r, i, 10, NULL);
		res->stderr_bytes = (long)pg_ll(r, i, 11);
		res->time_us = pg_ll(r, i, 12);
		res->runs = pg_str(r, i, 13, 1);
		res->unstable = pg_bool(r, i, 14);
	}
	PQclear(r);
	return 0;
}

int dbpg_submission_get(struct db *db, long long id, struct db_submission *s)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	memset(s, 0, sizeof(*s));
	s->verdict = -1;
	pgq_int(&q, id);
	r = pgq_run(db, &q, "SELECT " SUBMISSION_COLUMNS ", source FROM submissions "
		    "WHERE id = $1", "cannot read submission %lld", id);
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("unknown submission %lld", id);
		return DB_NOTFOUND;
	}
	read_submission_row(r, 0, s);
	s->source = pg_bytes(r, 0, SUBMISSION_NCOLUMNS, NULL);
	PQclear(r);
	if (load_results(db, s) < 0) {
		db_submission_release(s);
		return -1;
	}
	return 0;
}

int dbpg_submission_list(struct db *db, const char *problem, const char *user,
			 const char *verdict, int limit, struct db_submission **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_str(&q, problem);
	pgq_str(&q, user);
	if (limit > 0)
		pgq_int(&q, limit);
	else
		pgq_str(&q, NULL);
	pgq_str(&q, verdict);
	r = pgq_run(db, &q, "SELECT " SUBMISSION_COLUMNS " FROM submissions "
		    "WHERE ($1::text IS NULL OR problem = $1) AND ($2::text IS NULL OR \"user\" = $2) "
		    "AND ($4::text IS NULL OR (status = 'done' AND verdict = $4)) "
		    "ORDER BY id DESC LIMIT $3::bigint", "cannot list the submissions");
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++)
		read_submission_row(r, i, &(*out)[i]);
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

int dbpg_best_verdict(struct db *db, const char *problem, const char *user, int *verdict)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	*verdict = -1;
	pgq_str(&q, problem);
	pgq_str(&q, user);
	r = pgq_run(db, &q, "SELECT verdict FROM submissions WHERE problem = $1 AND "
		    "\"user\" = $2 AND status = 'done' "
		    "ORDER BY verdict = 'AC' DESC, passed DESC, id DESC LIMIT 1",
		    "cannot read the best verdict on '%s'", problem);
	if (!r)
		return -1;
	if (PQntuples(r) > 0 && !pg_null(r, 0, 0))
		*verdict = verdict_parse(PQgetvalue(r, 0, 0));
	PQclear(r);
	return 0;
}
