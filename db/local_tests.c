/* local_tests.c: a user's local tests for a problem (the counterexamples
 * 'judge stress' found, and the ones added with 'judge cases add'), graded
 * after the problem's own tests. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"

void db_local_test_release(struct db_local_test *t)
{
	free(t->problem);
	free(t->user);
	free(t->name);
	free(t->origin);
	free(t->input);
	free(t->answer);
	memset(t, 0, sizeof(*t));
}

void db_local_test_list_free(struct db_local_test *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		db_local_test_release(&v[i]);
	free(v);
}

/* Column i, a blob, as a NUL-terminated malloc'd copy and its length. */
static char *col_blob(sqlite3_stmt *st, int i, size_t *len)
{
	const void *p = sqlite3_column_blob(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *s = xmalloc(n + 1);

	if (n)
		memcpy(s, p, n);
	s[n] = 0;
	*len = n;
	return s;
}

/* The name of user's local test on problem whose input is in/inlen, malloc'd
 * in *name; DB_NOTFOUND when there is none. */
static int find_same_input(struct db *db, const char *problem, const char *user,
			   const void *in, size_t inlen, char **name)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT name FROM local_tests WHERE problem = ? AND "
		       "user = ? AND input = ? LIMIT 1") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	sqlite3_bind_blob64(st, 3, inlen ? in : "", inlen, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*name = db_col_str(st, 0, 1);
		rc = 0;
	} else if (rc == SQLITE_DONE) {
		rc = DB_NOTFOUND;
	} else {
		rc = db_fail(db, "cannot read the local tests of '%s'", problem);
	}
	sqlite3_finalize(st);
	return rc;
}

/* The next free number N for a name "local-N" of user on problem. */
static int next_number(struct db *db, const char *problem, const char *user, long long *n)
{
	sqlite3_stmt *st;
	int rc;

	if (db_prepare(db, &st, "SELECT COALESCE(MAX(CAST(substr(name, 7) AS INTEGER)), 0) "
		       "FROM local_tests WHERE problem = ? AND user = ? AND name GLOB 'local-[0-9]*'") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*n = sqlite3_column_int64(st, 0) + 1;
		rc = 0;
	} else {
		rc = db_fail(db, "cannot read the local tests of '%s'", problem);
	}
	sqlite3_finalize(st);
	return rc;
}

int db_local_test_add(struct db *db, const char *problem, const char *user,
		      const char *origin, const void *in, size_t inlen,
		      const void *ans, size_t anslen, char **name, int *created)
{
	sqlite3_stmt *st = NULL;
	char *nm = NULL;
	long long num = 0;
	time_t now;
	int own, rc;

	if (db->pg)
		return dbpg_local_test_add(db, problem, user, origin, in, inlen, ans, anslen,
					   name, created);
	*name = NULL;
	if (created)
		*created = 0;
	if (util_now(&now) < 0)
		return -1;
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = find_same_input(db, problem, user, in, inlen, &nm);
	if (rc == 0) {
		*name = nm;
		return db_write_end(db, own, 0);
	}
	if (rc == DB_NOTFOUND)
		rc = next_number(db, problem, user, &num);
	if (rc == 0 && db_prepare(db, &st, "INSERT INTO local_tests (problem, user, name, "
				  "input, answer, created_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?)") < 0)
		rc = -1;
	if (rc == 0) {
		nm = xasprintf("local-%lld", num);
		sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, nm, -1, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 4, inlen ? in : "", inlen, SQLITE_STATIC);
		sqlite3_bind_blob64(st, 5, anslen ? ans : "", anslen, SQLITE_STATIC);
		sqlite3_bind_int64(st, 6, (long long)now);
		sqlite3_bind_text(st, 7, origin, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "cannot store a local test");
	}
	sqlite3_finalize(st);
	rc = db_write_end(db, own, rc);
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

int db_local_test_list(struct db *db, const char *problem, const char *user,
		       struct db_local_test **out, size_t *n)
{
	struct db_local_test *v = NULL, *t;
	size_t alloc = 0, count = 0;
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_local_test_list(db, problem, user, out, n);
	*out = NULL;
	*n = 0;
	/* "local-2" before "local-10": by number, then by name */
	if (db_prepare(db, &st, "SELECT id, problem, user, name, input, answer, created_at, "
		       "origin FROM local_tests WHERE problem = ? AND user = ? "
		       "ORDER BY CAST(substr(name, 7) AS INTEGER), name") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (count == alloc) {
			alloc = alloc ? 2 * alloc : 4;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		t = &v[count++];
		memset(t, 0, sizeof(*t));
		t->id = sqlite3_column_int64(st, 0);
		t->problem = db_col_str(st, 1, 1);
		t->user = db_col_str(st, 2, 1);
		t->name = db_col_str(st, 3, 1);
		t->input = col_blob(st, 4, &t->input_len);
		t->answer = col_blob(st, 5, &t->answer_len);
		t->created_at = (time_t)sqlite3_column_int64(st, 6);
		t->origin = db_col_str(st, 7, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_local_test_list_free(v, count);
		return db_fail(db, "cannot read the local tests of '%s'", problem);
	}
	*out = v;
	*n = count;
	return 0;
}

int db_local_test_remove(struct db *db, const char *problem, const char *user,
			 const char *name)
{
	sqlite3_stmt *st = NULL;
	int own, rc, found = 0;

	if (db->pg)
		return dbpg_local_test_remove(db, problem, user, name);
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = db_prepare(db, &st, "DELETE FROM local_tests WHERE problem = ? AND user = ? "
			"AND name = ?");
	if (rc == 0) {
		sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, name, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "cannot remove a local test");
	}
	if (rc == 0)
		found = sqlite3_changes(db->h) > 0;
	sqlite3_finalize(st);
	rc = db_write_end(db, own, rc);
	if (rc < 0)
		return rc;
	if (!found)
		err_input("no local test '%s' of user '%s' on problem '%s'; run 'judge cases "
			  "list %s' to see them", name, user, problem, problem);
	return found ? 0 : DB_NOTFOUND;
}
