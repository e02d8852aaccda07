/* queue.c: the job queue's side of db.h that does not depend on the
 * backend (releasing), and its dispatch: the queue lives on PostgreSQL
 * (db/pg_queue.c); an SQLite database has none. */
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"

void db_job_release(struct db_job *j)
{
	free(j->problem);
	free(j->user);
	free(j->source);
	free(j->lang);
	free(j->file_name);
	free(j->contest);
	free(j->letter);
	free(j->label);
	free(j->status);
	free(j->worker);
	free(j->enqueued_by);
	free(j->flag);
	free(j->problem_hash);
	memset(j, 0, sizeof(*j));
}

void db_job_list_free(struct db_job *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		db_job_release(&v[i]);
	free(v);
}

void db_worker_list_free(struct db_worker *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++) {
		free(v[i].name);
		free(v[i].host);
		free(v[i].state);
	}
	free(v);
}

static int no_queue(const struct db *db)
{
	return err_input("the job queue needs a PostgreSQL database, and '%s' is an SQLite "
			 "file; pass --db postgresql://HOST/DB (or set JUDGE_DB)", db->path);
}

int db_job_enqueue(struct db *db, struct db_job *j)
{
	return db->pg ? dbpg_job_enqueue(db, j) : no_queue(db);
}

int db_job_claim(struct db *db, const char *worker, int lease_ms, struct db_job *j)
{
	return db->pg ? dbpg_job_claim(db, worker, lease_ms, j) : no_queue(db);
}

int db_job_renew(struct db *db, const struct db_job *j, int lease_ms)
{
	return db->pg ? dbpg_job_renew(db, j, lease_ms) : no_queue(db);
}

int db_job_complete(struct db *db, const struct db_job *j, struct db_submission *s)
{
	return db->pg ? dbpg_job_complete(db, j, s) : no_queue(db);
}

int db_job_get(struct db *db, long long id, struct db_job *j)
{
	return db->pg ? dbpg_job_get(db, id, j) : no_queue(db);
}

int db_jobs_done(struct db *db, const long long *ids, size_t n, long long *submissions)
{
	return db->pg ? dbpg_jobs_done(db, ids, n, submissions) : no_queue(db);
}

int db_job_list(struct db *db, int done, struct db_job **out, size_t *n)
{
	return db->pg ? dbpg_job_list(db, done, out, n) : no_queue(db);
}

int db_job_next_expiry(struct db *db, double *s)
{
	return db->pg ? dbpg_job_next_expiry(db, s) : no_queue(db);
}

int db_worker_beat(struct db *db, const char *name, const char *state, int done)
{
	return db->pg ? dbpg_worker_beat(db, name, state, done) : no_queue(db);
}

int db_worker_list(struct db *db, struct db_worker **out, size_t *n)
{
	return db->pg ? dbpg_worker_list(db, out, n) : no_queue(db);
}

int db_listen(struct db *db, const char *channel)
{
	return db->pg ? dbpg_listen(db, channel) : no_queue(db);
}

int db_wait(struct db *db, int timeout_ms)
{
	return db->pg ? dbpg_wait(db, timeout_ms) : no_queue(db);
}

int db_lost(const struct db *db)
{
	return db->pg ? dbpg_lost(db) : 0;
}

int db_reconnect(struct db *db)
{
	return db->pg ? dbpg_reconnect(db) : no_queue(db);
}
