/* pg_contest.c: contests made with the CLI, participations and the
 * attempts a scoreboard is built from, on PostgreSQL (db/contest.c's side
 * of the PostgreSQL backend). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

int dbpg_contest_create(struct db *db, const struct db_contest *c)
{
	struct pgq q = PGQ_INIT;
	char letter[8];
	time_t now = c->created_at;
	long changed = 0;
	size_t i;
	int own, rc;

	if (!now && util_now(&now) < 0)
		return -1;
	if (pg_write_begin(db, &own) < 0)
		return -1;
	pgq_str(&q, c->id);
	pgq_str(&q, c->title);
	pgq_int(&q, c->duration_minutes);
	pgq_int(&q, c->freeze_minutes);
	pgq_int(&q, c->penalty_minutes);
	pgq_int(&q, (long long)now);
	rc = pgq_do(db, &q, &changed, "INSERT INTO contests (id, title, duration_minutes, "
		    "freeze_minutes, penalty_minutes, source, created_at) "
		    "VALUES ($1, $2, $3, $4, $5, 'cli', $6) ON CONFLICT (id) DO NOTHING",
		    "cannot store the contest");
	if (rc == 0 && changed == 0) {
		pg_write_end(db, own, -1);
		err_set("contest '%s' already exists", c->id);
		return DB_EXISTS;
	}
	for (i = 0; rc == 0 && i < c->nproblems; i++) {
		snprintf(letter, sizeof(letter), "%c", (char)('A' + i));
		pgq_str(&q, c->id);
		pgq_str(&q, letter);
		pgq_str(&q, c->problems[i]);
		rc = pgq_do(db, &q, NULL, "INSERT INTO contest_problems (contest, letter, problem) "
			    "VALUES ($1, $2, $3)", "cannot store a problem of the contest");
	}
	return pg_write_end(db, own, rc);
}

int dbpg_contest_list(struct db *db, int include_retired, struct db_contest **out, size_t *n)
{
	PGresult *r;
	int i, rc = 0;

	*out = NULL;
	*n = 0;
	r = pgq_run(db, NULL, include_retired ? "SELECT id FROM contests ORDER BY id" :
		    "SELECT id FROM contests WHERE NOT retired ORDER BY id",
		    "cannot list the contests");
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r) && rc == 0; i++) {
		rc = dbpg_contest_get(db, PQgetvalue(r, i, 0), &(*out)[i]);
		if (rc == 0)
			(*n)++;
		else if (rc == DB_NOTFOUND)
			rc = err_set("contest '%s' vanished while listing", PQgetvalue(r, i, 0));
	}
	PQclear(r);
	if (rc < 0) {
		db_contest_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return rc;
}

int dbpg_participant_get(struct db *db, const char *contest, const char *user,
			 time_t *started_at)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int found;

	pgq_str(&q, contest);
	pgq_str(&q, user);
	r = pgq_run(db, &q, "SELECT started_at FROM participants "
		    "WHERE contest = $1 AND \"user\" = $2",
		    "cannot read the participants of contest '%s'", contest);
	if (!r)
		return -1;
	found = PQntuples(r) > 0;
	if (found)
		*started_at = (time_t)pg_ll(r, 0, 0);
	PQclear(r);
	if (found)
		return 0;
	err_set("'%s' has not started contest '%s'", user, contest);
	return DB_NOTFOUND;
}

int dbpg_participant_start(struct db *db, const char *contest, const char *user,
			   time_t *started_at)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	long changed = 0;
	time_t old;
	int rc;

	/* of two simultaneous starts, the primary key lets exactly one in;
	 * the row's time is the server's for a participant (contrib/
	 * pg-roles.sql), so read it back */
	pgq_str(&q, contest);
	pgq_str(&q, user);
	pgq_int(&q, (long long)*started_at);
	r = pgq_run(db, &q, "INSERT INTO participants (contest, \"user\", started_at) "
		    "VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING started_at",
		    "cannot record the participation");
	if (!r)
		return -1;
	changed = PQntuples(r);
	if (changed == 1)
		*started_at = (time_t)pg_ll(r, 0, 0);
	PQclear(r);
	if (changed == 1)
		return 0;
	rc = dbpg_participant_get(db, contest, user, &old);
	if (rc != 0)
		return rc < 0 ? -1 : err_set("participation of '%s' vanished", user);
	*started_at = old;
	err_set("'%s' already started contest '%s'", user, contest);
	return DB_EXISTS;
}

int dbpg_participant_list(struct db *db, const char *contest,
			  struct db_participant **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_str(&q, contest);
	r = pgq_run(db, &q, "SELECT \"user\", started_at FROM participants "
		    "WHERE contest = $1 ORDER BY started_at, \"user\"",
		    "cannot list the participants of contest '%s'", contest);
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++) {
		(*out)[i].user = pg_str(r, i, 0, 1);
		(*out)[i].started_at = (time_t)pg_ll(r, i, 1);
	}
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

int dbpg_contest_attempts(struct db *db, const char *contest, const char *user,
			  struct db_contest_attempt **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	struct db_contest_attempt *a;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_str(&q, contest);
	pgq_str(&q, user);
	r = pgq_run(db, &q, "SELECT id, \"user\", letter, problem, submitted_at, "
		    "status, verdict FROM contest_attempts "
		    "WHERE contest = $1 AND ($2::text IS NULL OR \"user\" = $2) "
		    "ORDER BY submitted_at, id",
		    "cannot read the submissions of contest '%s'", contest);
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++) {
		a = &(*out)[i];
		a->id = pg_ll(r, i, 0);
		a->user = pg_str(r, i, 1, 1);
		a->letter = pg_str(r, i, 2, 1);
		a->problem = pg_str(r, i, 3, 1);
		a->submitted_at = (time_t)pg_ll(r, i, 4);
		a->verdict = strcmp(PQgetvalue(r, i, 5), "done") || pg_null(r, i, 6) ? -1 :
			     verdict_parse(PQgetvalue(r, i, 6));
	}
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}
