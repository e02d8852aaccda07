/* contest.c: contest queries: contests made with the CLI, participations
 * (one virtual window per user), and the attempts a scoreboard is built
 * from. Catalogue contests are written by db/problem.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

int db_contest_create(struct db *db, const struct db_contest *c)
{
	sqlite3_stmt *st = NULL;
	char letter[8];
	time_t now = c->created_at;
	size_t i;
	int own, rc;

	if (db->pg)
		return dbpg_contest_create(db, c);
	if (!now && util_now(&now) < 0)
		return -1;
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = db_prepare(db, &st, "SELECT 1 FROM contests WHERE id = ?");
	if (rc == 0) {
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			rc = DB_EXISTS;
		else if (rc == SQLITE_DONE)
			rc = 0;
		else
			rc = db_fail(db, "cannot read contest '%s'", c->id);
		sqlite3_finalize(st);
	}
	if (rc == 0 && db_prepare(db, &st,
			"INSERT INTO contests (id, title, duration_minutes, freeze_minutes, "
			"penalty_minutes, source, created_at) VALUES (?, ?, ?, ?, ?, 'cli', ?)") < 0)
		rc = -1;
	if (rc == 0) {
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, c->title, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, c->duration_minutes);
		sqlite3_bind_int(st, 4, c->freeze_minutes);
		sqlite3_bind_int(st, 5, c->penalty_minutes);
		sqlite3_bind_int64(st, 6, (long long)now);
		rc = db_step_done(db, st, "cannot store the contest");
		sqlite3_finalize(st);
	}
	if (rc == 0 && db_prepare(db, &st, "INSERT INTO contest_problems "
				  "(contest, letter, problem) VALUES (?, ?, ?)") < 0)
		rc = -1;
	else if (rc == 0) {
		for (i = 0; rc == 0 && i < c->nproblems; i++) {
			snprintf(letter, sizeof(letter), "%c", (char)('A' + i));
			sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, letter, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 3, c->problems[i], -1, SQLITE_STATIC);
			rc = db_step_done(db, st, "cannot store a problem of the contest");
			sqlite3_reset(st);
		}
		sqlite3_finalize(st);
	}
	if (rc == DB_EXISTS) {
		db_write_end(db, own, -1);
		err_set("contest '%s' already exists", c->id);
		return DB_EXISTS;
	}
	return db_write_end(db, own, rc);
}

int db_contest_list(struct db *db, int include_retired, struct db_contest **out, size_t *n)
{
	sqlite3_stmt *st;
	char **ids = NULL;
	size_t nids = 0, i;
	int rc;

	if (db->pg)
		return dbpg_contest_list(db, include_retired, out, n);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, &st, include_retired ? "SELECT id FROM contests ORDER BY id" :
		       "SELECT id FROM contests WHERE NOT retired ORDER BY id") < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xrealloc(ids, (nids + 1) * sizeof(*ids));
		ids[nids++] = db_col_str(st, 0, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, "cannot list the contests");
		goto out;
	}
	*out = xcalloc(nids, sizeof(**out));
	rc = 0;
	for (i = 0; i < nids && rc == 0; i++) {
		rc = db_contest_get(db, ids[i], &(*out)[i]);
		if (rc == 0)
			(*n)++;
		else if (rc == DB_NOTFOUND)
			rc = db_fail(db, "contest '%s' vanished while listing", ids[i]);
	}
	if (rc < 0) {
		db_contest_list_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
out:
	for (i = 0; i < nids; i++)
		free(ids[i]);
	free(ids);
	return rc;
}

void db_contest_list_free(struct db_contest *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		db_contest_release(&v[i]);
	free(v);
}

char *db_contest_nearest(struct db *db, const char *id)
{
	return db_nearest_id(db, "SELECT id FROM contests WHERE NOT retired ORDER BY id", id);
}

/* The start of user's participation; 0, DB_NOTFOUND or -1. */
static int participant_get(struct db *db, const char *contest, const char *user,
			   time_t *started_at)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT started_at FROM participants "
		       "WHERE contest = ? AND user = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, contest, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*started_at = (time_t)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE) {
		err_set("'%s' has not started contest '%s'", user, contest);
		return DB_NOTFOUND;
	}
	return db_fail(db, "cannot read the participants of contest '%s'", contest);
}

int db_participant_get(struct db *db, const char *contest, const char *user,
		       time_t *started_at)
{
	if (db->pg)
		return dbpg_participant_get(db, contest, user, started_at);
	return participant_get(db, contest, user, started_at);
}

int db_participant_start(struct db *db, const char *contest, const char *user,
			 time_t *started_at)
{
	sqlite3_stmt *st;
	time_t old;
	int own, rc;

	if (db->pg)
		return dbpg_participant_start(db, contest, user, started_at);
	/* read and insert in one IMMEDIATE transaction, so that two starts of
	 * the same user cannot both win */
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = participant_get(db, contest, user, &old);
	if (rc == 0) {
		*started_at = old;
		db_write_end(db, own, -1);
		err_set("'%s' already started contest '%s'", user, contest);
		return DB_EXISTS;
	}
	if (rc == DB_NOTFOUND) {
		err_clear();
		rc = db_prepare(db, &st, "INSERT INTO participants (contest, user, started_at) "
				"VALUES (?, ?, ?)");
		if (rc == 0) {
			sqlite3_bind_text(st, 1, contest, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 3, (long long)*started_at);
			rc = db_step_done(db, st, "cannot record the participation");
			sqlite3_finalize(st);
		}
	}
	return db_write_end(db, own, rc);
}

int db_participant_list(struct db *db, const char *contest,
			struct db_participant **out, size_t *n)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_participant_list(db, contest, out, n);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, &st, "SELECT user, started_at FROM participants "
		       "WHERE contest = ? ORDER BY started_at, user") < 0)
		return -1;
	sqlite3_bind_text(st, 1, contest, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[*n].user = db_col_str(st, 0, 1);
		(*out)[*n].started_at = (time_t)sqlite3_column_int64(st, 1);
		(*n)++;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_participant_list_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, "cannot list the participants of contest '%s'", contest);
}

void db_participant_list_free(struct db_participant *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].user);
	free(v);
}

int db_contest_attempts(struct db *db, const char *contest, const char *user,
			struct db_contest_attempt **out, size_t *n)
{
	sqlite3_stmt *st;
	const char *v;
	int rc;

	if (db->pg)
		return dbpg_contest_attempts(db, contest, user, out, n);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, &st, "SELECT id, user, letter, problem, submitted_at, "
		       "status, verdict FROM submissions "
		       "WHERE contest = ?1 AND (?2 IS NULL OR user = ?2) "
		       "ORDER BY submitted_at, id") < 0)
		return -1;
	sqlite3_bind_text(st, 1, contest, -1, SQLITE_STATIC);
	db_bind_str(st, 2, user);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct db_contest_attempt *a;

		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		a = &(*out)[(*n)++];
		a->id = sqlite3_column_int64(st, 0);
		a->user = db_col_str(st, 1, 1);
		a->letter = db_col_str(st, 2, 1);
		a->problem = db_col_str(st, 3, 1);
		a->submitted_at = (time_t)sqlite3_column_int64(st, 4);
		v = (const char *)sqlite3_column_text(st, 6);
		a->verdict = strcmp((const char *)sqlite3_column_text(st, 5), "done") || !v ?
			     -1 : verdict_parse(v);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_contest_attempts_free(*out, *n);
	*out = NULL;
	*n = 0;
	return db_fail(db, "cannot read the submissions of contest '%s'", contest);
}

void db_contest_attempts_free(struct db_contest_attempt *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].user);
		free(v[i].letter);
		free(v[i].problem);
	}
	free(v);
}
