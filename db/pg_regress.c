/* pg_regress.c: 'judge regress' runs and the stress tool's local tests on
 * PostgreSQL (db/regress.c's and db/local_tests.c's side of the PostgreSQL
 * backend). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char *code(int v)
{
	return verdict_name(v >= 0 && v < V_COUNT ? (enum verdict)v : V_IE);
}

static int parse_verdict(const PGresult *r, int row, int col)
{
	int v = pg_null(r, row, col) ? -1 : verdict_parse(PQgetvalue(r, row, col));

	return v < 0 ? V_IE : v;
}

static int insert_run(struct db *db, struct db_regress_run *run)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	pgq_int(&q, (long long)run->started_at);
	pgq_int(&q, (long long)run->finished_at);
	pgq_int(&q, run->jobs);
	pgq_int(&q, run->total);
	pgq_int(&q, run->matched);
	pgq_int(&q, run->mismatched);
	pgq_int(&q, run->compiled);
	pgq_int(&q, run->cached);
	pgq_int(&q, run->wall_ms);
	r = pgq_run(db, &q, "INSERT INTO regress_runs (started_at, finished_at, jobs, "
		    "total, matched, mismatched, compiled, cached, wall_ms) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
		    "cannot store the regress run");
	if (!r)
		return -1;
	run->id = pg_ll(r, 0, 0);
	PQclear(r);
	return 0;
}

int dbpg_regress_store(struct db *db, struct db_regress_run *run,
		       const struct db_regress_result *v, size_t n)
{
	struct pgq q = PGQ_INIT;
	size_t i;
	int own, rc;

	if (pg_write_begin(db, &own) < 0)
		return -1;
	rc = insert_run(db, run);
	for (i = 0; rc == 0 && i < n; i++) {
		pgq_int(&q, run->id);
		pgq_str(&q, v[i].problem);
		pgq_str(&q, v[i].solution);
		pgq_str(&q, code(v[i].expected));
		pgq_str(&q, code(v[i].got));
		pgq_bool(&q, v[i].match);
		pgq_int(&q, v[i].time_ms);
		pgq_int(&q, v[i].memory_kb);
		pgq_str(&q, v[i].message ? v[i].message : "");
		pgq_str(&q, v[i].flag ? v[i].flag : "");
		pgq_int(&q, v[i].time_limit_ms);
		pgq_int(&q, v[i].wall_ms);
		rc = pgq_do(db, &q, NULL, "INSERT INTO regress_results (run, problem, solution, "
			    "expected, got, match, time_ms, memory_kb, message, flag, "
			    "time_limit_ms, wall_ms) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
			    "$10, $11, $12)", "cannot store the result of a regress run");
		if (rc < 0)
			err_prefix("'%s'", v[i].solution);
	}
	rc = pg_write_end(db, own, rc);
	if (rc < 0)
		run->id = 0;
	return rc;
}

int dbpg_regress_run_before(struct db *db, long long before, struct db_regress_run *run)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	memset(run, 0, sizeof(*run));
	pgq_int(&q, before);
	r = pgq_run(db, &q, "SELECT id, started_at, COALESCE(finished_at, 0), jobs, "
		    "total, matched, mismatched, compiled, cached, wall_ms "
		    "FROM regress_runs WHERE id < $1 ORDER BY id DESC LIMIT 1",
		    "cannot read the regress runs");
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("no stored regress run");
		return DB_NOTFOUND;
	}
	run->id = pg_ll(r, 0, 0);
	run->started_at = (time_t)pg_ll(r, 0, 1);
	run->finished_at = (time_t)pg_ll(r, 0, 2);
	run->jobs = (int)pg_ll(r, 0, 3);
	run->total = (int)pg_ll(r, 0, 4);
	run->matched = (int)pg_ll(r, 0, 5);
	run->mismatched = (int)pg_ll(r, 0, 6);
	run->compiled = (int)pg_ll(r, 0, 7);
	run->cached = (int)pg_ll(r, 0, 8);
	run->wall_ms = pg_ll(r, 0, 9);
	PQclear(r);
	return 0;
}

int dbpg_regress_latest(struct db *db, long long before,
			struct db_regress_result **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	struct db_regress_result *v;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_int(&q, before);
	r = pgq_run(db, &q, "SELECT DISTINCT ON (solution) run, problem, solution, expected, "
		    "got, match, time_ms, memory_kb, message, flag, time_limit_ms, wall_ms "
		    "FROM regress_results WHERE run < $1 ORDER BY solution, run DESC",
		    "cannot read the regress results");
	if (!r)
		return -1;
	v = xcalloc((size_t)PQntuples(r) + 1, sizeof(*v));
	for (i = 0; i < PQntuples(r); i++) {
		v[i].run = pg_ll(r, i, 0);
		v[i].problem = pg_str(r, i, 1, 1);
		v[i].solution = pg_str(r, i, 2, 1);
		v[i].expected = parse_verdict(r, i, 3);
		v[i].got = parse_verdict(r, i, 4);
		v[i].match = pg_bool(r, i, 5);
		v[i].time_ms = (int)pg_ll(r, i, 6);
		v[i].memory_kb = (long)pg_ll(r, i, 7);
		v[i].message = pg_str(r, i, 8, 1);
		v[i].flag = pg_str(r, i, 9, 1);
		v[i].time_limit_ms = (int)pg_ll(r, i, 10);
		v[i].wall_ms = (int)pg_ll(r, i, 11);
	}
	*out = v;
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

/* ---- local tests ------------------------------------------------------- */

int dbpg_local_test_add(struct db *db, const char *problem, const char *user,
			const char *origin, const void *in, size_t inlen,
			const void *ans, size_t anslen, char **name, int *created)
{
	struct pgq q = PGQ_INIT;
	char *nm = NULL;
	PGresult *r;
	time_t now;
	int own, rc = 0;

	*name = NULL;
	if (created)
		*created = 0;
	if (util_now(&now) < 0)
		return -1;
	if (pg_write_begin(db, &own) < 0)
		return -1;
	pgq_str(&q, problem);
	pgq_str(&q, user);
	pgq_bin(&q, in, inlen);
	r = pgq_run(db, &q, "SELECT name FROM local_tests WHERE problem = $1 AND "
		    "\"user\" = $2 AND input = $3 LIMIT 1", "cannot read the local tests");
	if (!r)
		rc = -1;
	else if (PQntuples(r) > 0) {
		*name = pg_str(r, 0, 0, 1);
		PQclear(r);
		return pg_write_end(db, own, 0);
	}
	PQclear(r);
	if (rc == 0) {
		pgq_str(&q, problem);
		pgq_str(&q, user);
		pgq_bin(&q, in, inlen);
		pgq_bin(&q, ans, anslen);
		pgq_int(&q, (long long)now);
		pgq_str(&q, origin);
		r = pgq_run(db, &q, "INSERT INTO local_tests (problem, \"user\", name, input, "
			    "answer, created_at, origin) SELECT $1, $2, 'local-' || (COALESCE(MAX("
			    "substr(name, 7)::bigint), 0) + 1), $3, $4, $5, $6 FROM local_tests "
			    "WHERE problem = $1 AND \"user\" = $2 AND name ~ '^local-[0-9]+$' "
			    "RETURNING name", "cannot store a local test");
		if (r)
			nm = pg_str(r, 0, 0, 1);
		else
			rc = -1;
		PQclear(r);
	}
	rc = pg_write_end(db, own, rc);
	if (rc == 0) {
		*name = nm;
		if (created)
			*created = 1;
	} else {
		free(nm);
		err_prefix("problem '%s'", problem);
	}
	return rc;
}

int dbpg_local_test_list(struct db *db, const char *problem, const char *user,
			 struct db_local_test **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	struct db_local_test *v;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_str(&q, problem);
	pgq_str(&q, user);
	/* "local-2" before "local-10": by number, then by name */
	r = pgq_run(db, &q, "SELECT id, problem, \"user\", name, input, answer, created_at, "
		    "origin FROM local_tests WHERE problem = $1 AND \"user\" = $2 ORDER BY "
		    "CASE WHEN name ~ '^local-[0-9]+$' THEN substr(name, 7)::bigint END, name",
		    "cannot read the local tests of '%s'", problem);
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		return 0;
	}
	v = xcalloc((size_t)PQntuples(r), sizeof(*v));
	for (i = 0; i < PQntuples(r); i++) {
		v[i].id = pg_ll(r, i, 0);
		v[i].problem = pg_str(r, i, 1, 1);
		v[i].user = pg_str(r, i, 2, 1);
		v[i].name = pg_str(r, i, 3, 1);
		v[i].input = pg_bytes(r, i, 4, &v[i].input_len);
		v[i].answer = pg_bytes(r, i, 5, &v[i].answer_len);
		v[i].created_at = (time_t)pg_ll(r, i, 6);
		v[i].origin = pg_str(r, i, 7, 1);
	}
	*out = v;
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

int dbpg_local_test_remove(struct db *db, const char *problem, const char *user,
			   const char *name)
{
	struct pgq q = PGQ_INIT;
	long changed = 0;

	pgq_str(&q, problem);
	pgq_str(&q, user);
	pgq_str(&q, name);
	if (pgq_do(db, &q, &changed, "DELETE FROM local_tests WHERE problem = $1 AND "
		   "\"user\" = $2 AND name = $3", "cannot remove a local test") < 0)
		return -1;
	if (changed > 0)
		return 0;
	err_input("no local test '%s' of user '%s' on problem '%s'; run 'judge cases "
		  "list %s' to see them", name, user, problem, problem);
	return DB_NOTFOUND;
}
