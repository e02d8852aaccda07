/* regress.c: 'judge regress' runs and their per-solution results: stored
 * whole at the end of a run, read back to compare runs and to order the next
 * run's queue. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

void db_regress_result_release(struct db_regress_result *r)
{
	free(r->problem);
	free(r->solution);
	free(r->message);
	free(r->flag);
	memset(r, 0, sizeof(*r));
}

void db_regress_results_free(struct db_regress_result *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		db_regress_result_release(&v[i]);
	free(v);
}

static const char *code(int v)
{
	return verdict_name(v >= 0 && v < V_COUNT ? (enum verdict)v : V_IE);
}

static int insert_run(struct db *db, struct db_regress_run *run)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "INSERT INTO regress_runs (started_at, finished_at, jobs, "
		       "total, matched, mismatched, compiled, cached, wall_ms) "
		       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, (long long)run->started_at);
	sqlite3_bind_int64(st, 2, (long long)run->finished_at);
	sqlite3_bind_int(st, 3, run->jobs);
	sqlite3_bind_int(st, 4, run->total);
	sqlite3_bind_int(st, 5, run->matched);
	sqlite3_bind_int(st, 6, run->mismatched);
	sqlite3_bind_int(st, 7, run->compiled);
	sqlite3_bind_int(st, 8, run->cached);
	sqlite3_bind_int64(st, 9, run->wall_ms);
	rc = db_step_done(db, st, "cannot store the regress run");
	if (rc == 0)
		run->id = sqlite3_last_insert_rowid(db->h);
	sqlite3_finalize(st);
	return rc;
}

int db_regress_store(struct db *db, struct db_regress_run *run,
		     const struct db_regress_result *v, size_t n)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int own, rc;

	if (db->pg)
		return dbpg_regress_store(db, run, v, n);
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = insert_run(db, run);
	if (rc == 0 && db_prepare(db, &st, "INSERT INTO regress_results (run, problem, "
				  "solution, expected, got, match, time_ms, memory_kb, message, "
				  "flag, time_limit_ms, wall_ms) "
				  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") < 0)
		rc = -1;
	for (i = 0; rc == 0 && i < n; i++) {
		sqlite3_bind_int64(st, 1, run->id);
		sqlite3_bind_text(st, 2, v[i].problem, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, v[i].solution, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, code(v[i].expected), -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, code(v[i].got), -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 6, v[i].match != 0);
		sqlite3_bind_int(st, 7, v[i].time_ms);
		sqlite3_bind_int64(st, 8, v[i].memory_kb);
		sqlite3_bind_text(st, 9, v[i].message ? v[i].message : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 10, v[i].flag ? v[i].flag : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 11, v[i].time_limit_ms);
		sqlite3_bind_int(st, 12, v[i].wall_ms);
		rc = db_step_done(db, st, "cannot store the result of a regress run");
		if (rc < 0)
			err_prefix("'%s'", v[i].solution);
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	rc = db_write_end(db, own, rc);
	if (rc < 0)
		run->id = 0;
	return rc;
}

int db_regress_run_before(struct db *db, long long before, struct db_regress_run *run)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_regress_run_before(db, before, run);
	memset(run, 0, sizeof(*run));
	if (db_prepare(db, &st, "SELECT id, started_at, COALESCE(finished_at, 0), jobs, "
		       "total, matched, mismatched, compiled, cached, wall_ms "
		       "FROM regress_runs WHERE id < ? ORDER BY id DESC LIMIT 1") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, before);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		run->id = sqlite3_column_int64(st, 0);
		run->started_at = (time_t)sqlite3_column_int64(st, 1);
		run->finished_at = (time_t)sqlite3_column_int64(st, 2);
		run->jobs = sqlite3_column_int(st, 3);
		run->total = sqlite3_column_int(st, 4);
		run->matched = sqlite3_column_int(st, 5);
		run->mismatched = sqlite3_column_int(st, 6);
		run->compiled = sqlite3_column_int(st, 7);
		run->cached = sqlite3_column_int(st, 8);
		run->wall_ms = sqlite3_column_int64(st, 9);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		err_set("no stored regress run");
		rc = DB_NOTFOUND;
	} else {
		rc = db_fail(db, "cannot read the regress runs");
	}
	sqlite3_finalize(st);
	return rc;
}

static int parse_verdict(sqlite3_stmt *st, int col)
{
	const char *s = (const char *)sqlite3_column_text(st, col);
	int v = s ? verdict_parse(s) : -1;

	return v < 0 ? V_IE : v;
}

int db_regress_latest(struct db *db, long long before,
		      struct db_regress_result **out, size_t *n)
{
	sqlite3_stmt *st;
	struct db_regress_result *v = NULL, *r;
	size_t alloc = 0, count = 0;
	int rc;

	if (db->pg)
		return dbpg_regress_latest(db, before, out, n);
	*out = NULL;
	*n = 0;
	/* For each solution the highest run below `before` (the index on
	 * (solution, run) answers the MAX per solution). */
	if (db_prepare(db, &st,
		       "SELECT r.run, r.problem, r.solution, r.expected, r.got, r.match, "
		       "r.time_ms, r.memory_kb, r.message, r.flag, r.time_limit_ms, r.wall_ms "
		       "FROM regress_results r JOIN (SELECT solution, MAX(run) AS run "
		       "FROM regress_results WHERE run < ? GROUP BY solution) l "
		       "ON r.solution = l.solution AND r.run = l.run "
		       "ORDER BY r.solution") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, before);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		r = &v[count++];
		memset(r, 0, sizeof(*r));
		r->run = sqlite3_column_int64(st, 0);
		r->problem = db_col_str(st, 1, 1);
		r->solution = db_col_str(st, 2, 1);
		r->expected = parse_verdict(st, 3);
		r->got = parse_verdict(st, 4);
		r->match = sqlite3_column_int(st, 5);
		r->time_ms = sqlite3_column_int(st, 6);
		r->memory_kb = (long)sqlite3_column_int64(st, 7);
		r->message = db_col_str(st, 8, 1);
		r->flag = db_col_str(st, 9, 1);
		r->time_limit_ms = sqlite3_column_int(st, 10);
		r->wall_ms = sqlite3_column_int(st, 11);
	}
	if (rc != SQLITE_DONE) {
		db_fail(db, "cannot read the regress results");
		sqlite3_finalize(st);
		db_regress_results_free(v, count);
		return -1;
	}
	sqlite3_finalize(st);
	*out = v;
	*n = count;
	return 0;
}
