/* pg_queue.c: the job queue on PostgreSQL (db.h's queue section): claims
 * with FOR UPDATE SKIP LOCKED, leases, exactly-once completion, worker
 * heartbeats, and LISTEN/NOTIFY waits on the connection's socket. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

#define JOB_COLUMNS \
	"id, claims, problem, \"user\", lang, file_name, contest, letter, fail_fast, " \
	"submitted_at, label, status, worker, COALESCE(submission, 0), " \
	"extract(epoch FROM now() - created_at), " \
	"COALESCE(extract(epoch FROM lease_until - now()), 0), repeat, enqueued_by, tight, flag"
#define JOB_NCOLUMNS 20

static void read_job(const PGresult *r, int i, struct db_job *j)
{
	memset(j, 0, sizeof(*j));
	j->id = pg_ll(r, i, 0);
	j->claim = (int)pg_ll(r, i, 1);
	j->problem = pg_str(r, i, 2, 1);
	j->user = pg_str(r, i, 3, 1);
	j->lang = pg_str(r, i, 4, 1);
	j->file_name = pg_str(r, i, 5, 0);
	j->contest = pg_str(r, i, 6, 0);
	j->letter = pg_str(r, i, 7, 0);
	j->fail_fast = pg_bool(r, i, 8);
	j->submitted_at = (time_t)pg_ll(r, i, 9);
	j->label = pg_str(r, i, 10, 0);
	j->status = pg_str(r, i, 11, 1);
	j->worker = pg_str(r, i, 12, 0);
	j->submission = pg_ll(r, i, 13);
	j->age_s = pg_dbl(r, i, 14);
	j->lease_left_s = pg_dbl(r, i, 15);
	j->repeat = (int)pg_ll(r, i, 16);
	j->enqueued_by = pg_str(r, i, 17, 1);
	j->tight = pg_bool(r, i, 18);
	j->flag = pg_str(r, i, 19, 1);
}

int dbpg_job_enqueue(struct db *db, struct db_job *j)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	if (!j->submitted_at && util_now(&j->submitted_at) < 0)
		return -1;
	pgq_str(&q, j->problem);
	pgq_str(&q, j->user);
	pgq_bin(&q, j->source, strlen(j->source));
	pgq_str(&q, j->lang ? j->lang : "c");
	pgq_str(&q, j->file_name);
	pgq_bool(&q, j->fail_fast);
	pgq_str(&q, j->contest);
	pgq_str(&q, j->letter);
	pgq_int(&q, (long long)j->submitted_at);
	pgq_str(&q, j->label);
	pgq_int(&q, j->repeat);
	pgq_bool(&q, j->tight);
	r = pgq_run(db, &q, "INSERT INTO jobs (problem, \"user\", source, lang, file_name, "
		    "fail_fast, contest, letter, submitted_at, label, repeat, tight) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
		    "cannot queue a job");
	if (!r)
		return -1;
	j->id = pg_ll(r, 0, 0);
	PQclear(r);
	return 0;
}

int dbpg_job_claim(struct db *db, const char *worker, int lease_ms, struct db_job *j)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	memset(j, 0, sizeof(*j));
	pgq_str(&q, worker);
	pgq_int(&q, lease_ms);
	/* one statement: the inner SELECT locks the row it picks and skips the
	 * rows other workers are claiming at this moment */
	r = pgq_run(db, &q, "UPDATE jobs SET status = 'running', worker = $1, "
		    "claims = claims + 1, lease_until = now() + $2 * interval '1 millisecond' "
		    "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' OR "
		    "(status = 'running' AND lease_until < now()) ORDER BY id "
		    "FOR UPDATE SKIP LOCKED LIMIT 1) RETURNING " JOB_COLUMNS ", source, "
		    "(SELECT content_hash FROM problems p WHERE p.id = jobs.problem)",
		    "cannot claim a job");
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return DB_NOTFOUND;
	}
	read_job(r, 0, j);
	j->source = pg_bytes(r, 0, JOB_NCOLUMNS, NULL);
	j->problem_hash = pg_str(r, 0, JOB_NCOLUMNS + 1, 1);
	PQclear(r);
	return 0;
}

int dbpg_job_renew(struct db *db, const struct db_job *j, int lease_ms)
{
	struct pgq q = PGQ_INIT;
	long changed = 0;

	pgq_int(&q, j->id);
	pgq_int(&q, j->claim);
	pgq_int(&q, lease_ms);
	if (pgq_do(db, &q, &changed, "UPDATE jobs SET lease_until = now() + $3 * "
		   "interval '1 millisecond' WHERE id = $1 AND claims = $2 AND status = 'running'",
		   "cannot renew the lease of job %lld", j->id) < 0)
		return -1;
	if (changed != 1) {
		err_set("job %lld: the lease was lost (claimed again or finished)", j->id);
		return DB_NOTFOUND;
	}
	return 0;
}

/* One query of a pipeline: its statement and parameters, then its result. */
struct piped {
	const char *sql;
	struct pgq q;
	PGresult *r;           /* PGRES_TUPLES_OK or PGRES_COMMAND_OK; PQclear it */
};

/* Send v[0..n) in one pipeline (one round trip, not one per query) and
 * read each one's result into v[i].r. 0, or -1 with err set to what's and
 * the first failure's message (the results that came are kept). */
static int pipeline(struct db *db, struct piped *v, size_t n, const char *what)
{
	PGconn *c = db->pg->conn;
	size_t i, sent = 0;
	PGresult *r;
	int rc = 0;

	if (!PQenterPipelineMode(c)) {
		for (i = 0; i < n; i++)
			pgq_release(&v[i].q);
		return pg_fail(db, NULL, what);
	}
	for (i = 0; i < n; i++) {
		if (rc == 0 && !PQsendQueryParams(c, v[i].sql, v[i].q.n, NULL, v[i].q.val,
						  v[i].q.len, v[i].q.fmt, 0))
			rc = pg_fail(db, NULL, what);
		sent += rc == 0;
		pgq_release(&v[i].q);
	}
	if (!PQpipelineSync(c) && rc == 0)
		rc = pg_fail(db, NULL, what);
	/* each query's result then NULL; the sync's last */
	for (i = 0; i < sent; i++) {
		while ((r = PQgetResult(c)) != NULL) {
			ExecStatusType st = PQresultStatus(r);

			if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
				PQclear(v[i].r);
				v[i].r = r;
				continue;
			}
			if (rc == 0 && st != PGRES_PIPELINE_ABORTED)
				rc = pg_fail(db, r, what);
			PQclear(r);
		}
	}
	while ((r = PQgetResult(c)) != NULL && PQresultStatus(r) != PGRES_PIPELINE_SYNC)
		PQclear(r);
	PQclear(r);
	if (!PQexitPipelineMode(c) && rc == 0)
		rc = pg_fail(db, NULL, what);
	for (i = 0; rc == 0 && i < n; i++)
		if (!v[i].r)
			rc = err_set("%s: no answer from the server", what);
	return rc;
}

/* A finished submission, inserted done (nobody sees it before the
 * transaction commits, so it is never 'running'). */
#define SUBMISSION_INSERT_DONE \
	"INSERT INTO submissions (problem, \"user\", source, source_hash, submitted_at, " \
	"status, contest, letter, local_tests, writer_pid, writer_start, writer_boot, " \
	"writer_host, lang, file_name, verdict, passed, total, time_ms, memory_kb, " \
	"compile_ok, compile_message, compile_time_ms, compile_cached, error) " \
	"VALUES ($1, $2, $3, $4, $5, 'done', $6, $7, $8, $9, $10, $11, $12, $13, $14, " \
	"$15, $16, $17, $18, $19, $20, $21, $22, $23, $24) RETURNING id"

/* The parameters of SUBMISSION_INSERT_DONE for s: 0, or -1 with err set. */
static int submission_params(struct pgq *q, struct db_submission *s)
{
	const char *v = s->verdict >= 0 && s->verdict < V_COUNT ?
		verdict_name((enum verdict)s->verdict) : NULL;
	char boot[64], host[256], *ids;

	if (!s->problem || !s->user || !s->source || !v)
		return err_set("job result: a submission needs a problem, a user, a source "
			       "and a verdict");
	util_sha256_hex(s->source, strlen(s->source), s->source_hash);
	db_boot_id(boot);
	db_host_name(host);
	ids = xmalloc(strlen(boot) + strlen(host) + 2);  /* "BOOT\0HOST\0" */
	memcpy(ids, boot, strlen(boot) + 1);
	memcpy(ids + strlen(boot) + 1, host, strlen(host) + 1);
	pgq_str(q, s->problem);
	pgq_str(q, s->user);
	pgq_bin(q, s->source, strlen(s->source));
	pgq_str(q, s->source_hash);
	pgq_int(q, (long long)s->submitted_at);
	pgq_str(q, s->contest);
	pgq_str(q, s->letter);
	pgq_bool(q, s->local_tests);
	pgq_int(q, (long long)getpid());
	pgq_int(q, db_proc_start_time((long)getpid()));
	/* pgq_str may borrow a string: these must outlive this frame */
	pgq_str(q, ids);
	pgq_keep(q, ids);
	pgq_str(q, ids + strlen(boot) + 1);
	pgq_str(q, s->lang ? s->lang : "c");
	pgq_str(q, s->file_name);
	pgq_str(q, v);
	pgq_int(q, s->passed);
	pgq_int(q, s->total);
	pgq_int(q, s->time_ms);
	pgq_int(q, s->memory_kb);
	pgq_bool(q, s->compile_ok);
	pgq_str(q, s->compile_message ? s->compile_message : "");
	pgq_int(q, s->compile_time_ms);
	pgq_bool(q, s->compile_cached);
	pgq_str(q, s->error);
	return 0;
}

/* A test result of a submission this transaction inserted. */
#define RESULT_INSERT_NEW \
	"INSERT INTO results (submission, ord, name, verdict, time_ms, wall_ms, " \
	"memory_kb, exit_code, signal, message, is_local, stderr, stderr_bytes, " \
	"time_us, runs, unstable) " \
	"VALUES ($1, $2, $3, $4, $5, $6, $7, $8::integer, $9, $10, $11, $12, $13, " \
	"$14, $15, $16)"

/* Three round trips: BEGIN and the submission (its id); its results and
 * the job marked done, only while claim j->claim is the job's (the UPDATE
 * checks and locks it: a claim taken again after an expired lease makes it
 * change no row); COMMIT, or ROLLBACK when the claim was lost. */
int dbpg_job_complete(struct db *db, const struct db_job *j, struct db_submission *s)
{
	struct piped *v = xcalloc(s->nresults + 2, sizeof(*v));
	size_t i, n = s->nresults + 1;
	int rc;

	if (db->in_tx) {
		free(v);
		return err_set("database '%s': a transaction is already open", db->path);
	}
	v[0].sql = "BEGIN";
	v[1].sql = SUBMISSION_INSERT_DONE;
	rc = submission_params(&v[1].q, s);
	if (rc == 0)
		rc = pipeline(db, v, 2, "cannot store the result of a job");
	if (v[0].r)
		db->in_tx = 1;
	if (rc == 0 && PQntuples(v[1].r) == 1)
		s->id = pg_ll(v[1].r, 0, 0);
	else if (rc == 0)
		rc = err_set("job %lld: the submission was not stored", j->id);
	PQclear(v[0].r);
	PQclear(v[1].r);
	pgq_release(&v[1].q);
	memset(v, 0, 2 * sizeof(*v));
	for (i = 0; rc == 0 && i < s->nresults; i++) {
		v[i].sql = RESULT_INSERT_NEW;
		rc = pg_result_params(&v[i].q, s->id, &s->results[i]);
	}
	if (rc == 0) {
		v[n - 1].sql = "UPDATE jobs SET status = 'done', submission = $3, "
			"finished_at = now(), lease_until = NULL, flag = $4 "
			"WHERE id = $1 AND claims = $2 AND status = 'running'";
		pgq_int(&v[n - 1].q, j->id);
		pgq_int(&v[n - 1].q, j->claim);
		pgq_int(&v[n - 1].q, s->id);
		pgq_str(&v[n - 1].q, j->flag ? j->flag : "");
		rc = pipeline(db, v, n, "cannot store the result of a job");
	}
	if (rc == 0 && strtol(PQcmdTuples(v[n - 1].r), NULL, 10) != 1) {
		err_set("job %lld was claimed again after this worker's lease expired, or is "
			"done: its result is refused", j->id);
		rc = DB_NOTFOUND;
	}
	for (i = 0; i < n; i++) {
		pgq_release(&v[i].q);
		PQclear(v[i].r);
	}
	free(v);
	if (rc != 0) {
		if (db->in_tx)
			dbpg_tx_rollback(db);
		return rc;
	}
	return dbpg_tx_commit(db);
}

int dbpg_job_get(struct db *db, long long id, struct db_job *j)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	memset(j, 0, sizeof(*j));
	pgq_int(&q, id);
	r = pgq_run(db, &q, "SELECT " JOB_COLUMNS " FROM jobs WHERE id = $1",
		    "cannot read job %lld", id);
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("unknown job %lld", id);
		return DB_NOTFOUND;
	}
	read_job(r, 0, j);
	PQclear(r);
	return 0;
}

int dbpg_jobs_done(struct db *db, const long long *ids, size_t n, long long *submissions)
{
	struct pgq q = PGQ_INIT;
	struct buf b = BUF_INIT;
	PGresult *r;
	size_t i;
	int k;

	buf_addch(&b, '{');
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s%lld", i ? "," : "", ids[i]);
	buf_addch(&b, '}');
	pgq_str(&q, buf_str(&b));
	pgq_keep(&q, buf_detach(&b, NULL));
	r = pgq_run(db, &q, "SELECT id, submission FROM jobs WHERE id = ANY ($1::bigint[]) "
		    "AND status = 'done'", "cannot read the jobs");
	if (!r)
		return -1;
	for (i = 0; i < n; i++)
		submissions[i] = 0;
	for (k = 0; k < PQntuples(r); k++)
		for (i = 0; i < n; i++)
			if (ids[i] == pg_ll(r, k, 0))
				submissions[i] = pg_ll(r, k, 1);
	PQclear(r);
	return 0;
}

int dbpg_job_list(struct db *db, int done, struct db_job **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_int(&q, done);
	r = pgq_run(db, &q, "SELECT " JOB_COLUMNS " FROM jobs WHERE id IN "
		    "(SELECT id FROM jobs WHERE status <> 'done' UNION ALL "
		    "(SELECT id FROM jobs WHERE status = 'done' ORDER BY id DESC LIMIT $1)) "
		    "ORDER BY status = 'done', CASE WHEN status = 'done' THEN -id ELSE id END",
		    "cannot list the jobs");
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++)
		read_job(r, i, &(*out)[i]);
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

int dbpg_job_next_expiry(struct db *db, double *s)
{
	PGresult *r;

	*s = -1;
	r = pgq_run(db, NULL, "SELECT GREATEST(extract(epoch FROM min(lease_until) - now()), 0) "
		    "FROM jobs WHERE status = 'running'", "cannot read the leases");
	if (!r)
		return -1;
	if (PQntuples(r) == 1 && !pg_null(r, 0, 0))
		*s = pg_dbl(r, 0, 0);
	PQclear(r);
	return 0;
}

int dbpg_worker_beat(struct db *db, const char *name, const char *state, int done)
{
	struct pgq q = PGQ_INIT;
	char host[256];

	db_host_name(host);
	pgq_str(&q, name);
	pgq_str(&q, host);
	pgq_int(&q, (long long)getpid());
	pgq_str(&q, state);
	pgq_int(&q, done);
	return pgq_do(db, &q, NULL, "INSERT INTO workers (name, host, pid, state, jobs_done) "
		      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name) DO UPDATE SET "
		      "host = $2, pid = $3, state = $4, jobs_done = workers.jobs_done + $5, "
		      "heartbeat = now()", "cannot record the heartbeat of worker '%s'", name);
}

int dbpg_worker_list(struct db *db, struct db_worker **out, size_t *n)
{
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	r = pgq_run(db, NULL, "SELECT name, host, state, pid, jobs_done, "
		    "extract(epoch FROM now() - heartbeat) FROM workers ORDER BY name",
		    "cannot list the workers");
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++) {
		(*out)[i].name = pg_str(r, i, 0, 1);
		(*out)[i].host = pg_str(r, i, 1, 1);
		(*out)[i].state = pg_str(r, i, 2, 1);
		(*out)[i].pid = pg_ll(r, i, 3);
		(*out)[i].jobs_done = (int)pg_ll(r, i, 4);
		(*out)[i].beat_age_s = pg_dbl(r, i, 5);
	}
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

static int do_listen(struct db *db, const char *channel)
{
	char *sql, *id = PQescapeIdentifier(db->pg->conn, channel, strlen(channel));
	int rc;

	if (!id)
		return pg_fail(db, NULL, "cannot listen");
	sql = xasprintf("LISTEN %s", id);
	PQfreemem(id);
	rc = pgq_do(db, NULL, NULL, sql, "cannot listen on '%s'", channel);
	free(sql);
	return rc;
}

int dbpg_listen(struct db *db, const char *channel)
{
	if (do_listen(db, channel) < 0)
		return -1;
	if (db->pg->nlisten < (int)(sizeof(db->pg->listen) / sizeof(db->pg->listen[0])))
		db->pg->listen[db->pg->nlisten++] = xstrdup(channel);
	return 0;
}

/* Consume what the server sent; 1 when a notification was among it. */
static int drain(struct db *db)
{
	PGnotify *n;
	int got = 0;

	if (!PQconsumeInput(db->pg->conn))
		return pg_fail(db, NULL, "cannot read from the database");
	while ((n = PQnotifies(db->pg->conn)) != NULL) {
		got = 1;
		PQfreemem(n);
	}
	return got;
}

int dbpg_wait(struct db *db, int timeout_ms)
{
	struct pollfd p;
	int rc;

	rc = drain(db);
	if (rc != 0)
		return rc;
	p.fd = PQsocket(db->pg->conn);
	p.events = POLLIN;
	p.revents = 0;
	if (p.fd < 0)
		return pg_fail(db, NULL, "cannot wait for the database");
	rc = poll(&p, 1, timeout_ms);
	if (rc < 0)
		return errno == EINTR ? 0 : err_errno("cannot wait for the database");
	if (rc == 0)
		return 0;
	return drain(db);
}

int dbpg_lost(const struct db *db)
{
	return PQstatus(db->pg->conn) == CONNECTION_BAD;
}

int dbpg_reconnect(struct db *db)
{
	char line[512];
	int i;

	PQreset(db->pg->conn);
	if (PQstatus(db->pg->conn) != CONNECTION_OK) {
		snprintf(line, sizeof(line), "%s", PQerrorMessage(db->pg->conn));
		line[strcspn(line, "\n")] = 0;
		return err_set("cannot reconnect to the database '%s': %s", db->path, line);
	}
	db->in_tx = 0;
	for (i = 0; i < db->pg->nlisten; i++)
		if (do_listen(db, db->pg->listen[i]) < 0)
			return -1;
	return 0;
}
