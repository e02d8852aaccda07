/* db_internal.h: what the files of db/ share; nothing outside db/ includes it.
 *
 * A query function in db/ (db/submission.c, db/regress.c, ...) prepares its
 * statement with db_prepare, binds, steps, and reports failures with db_fail,
 * which records "WHAT: <sqlite3_errmsg>". A write that is not part of a
 * caller's transaction goes through db_write_begin / db_write_end so it runs
 * in BEGIN IMMEDIATE (or joins the transaction already open). */
#ifndef DB_DB_INTERNAL_H
#define DB_DB_INTERNAL_H

#include <sqlite3.h>

#include "db/db.h"

struct pg;

/* One handle, two backends: db_open decides once, from the path, and sets
 * either h (SQLite) or pg (PostgreSQL, db/pg*.c); every public function of
 * db.h that touches the database starts with
 *	if (db->pg) return dbpg_NAME(...);
 * and the rest of it is the SQLite implementation. */
struct db {
	sqlite3 *h;
	struct pg *pg;         /* non-NULL: a PostgreSQL connection (db/pg_internal.h) */
	char *path;            /* the file, or the URI with any password hidden */
	int in_tx;             /* inside db_tx_begin .. db_tx_commit/rollback */
};

/* err_set("WHAT: <sqlite3_errmsg>") with printf-style WHAT. Returns -1. */
int db_fail(struct db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prepare sql into *st; on failure err is set and -1 returned. */
int db_prepare(struct db *db, sqlite3_stmt **st, const char *sql);

/* Run sql (no results wanted); 0 or -1 with err set. */
int db_exec(struct db *db, const char *sql);

/* Start a write: BEGIN IMMEDIATE unless a transaction is already open.
 * *own tells db_write_end whether to commit (or roll back) it. */
int db_write_begin(struct db *db, int *own);

/* End a write started by db_write_begin: commit when rc == 0, otherwise roll
 * back (only when own); returns rc, or -1 when the commit failed. */
int db_write_end(struct db *db, int own, int rc);

/* Step a statement that returns no rows (or whose rows are ignored): 0 when
 * it ran to SQLITE_DONE, -1 with err "WHAT: <errmsg>" otherwise. */
int db_step_done(struct db *db, sqlite3_stmt *st, const char *what);

/* Column i as a malloc'd string ("" for NULL when null_empty, else NULL). */
char *db_col_str(sqlite3_stmt *st, int i, int null_empty);

/* Bind a C string, or NULL as SQL NULL (text is copied). */
int db_bind_str(sqlite3_stmt *st, int i, const char *s);

/* The id among the rows of sql (one text column) closest to id by edit
 * distance, if close enough to be a likely typo (at most a third of its
 * length, at least 2), else NULL. The caller frees it. */
char *db_nearest_id(struct db *db, const char *sql, const char *id);

/* The text of migration n of schema (the text of a schema file with
 * "-- migration N" blocks), malloc'd, or NULL when it has none. */
char *db_migration_text(const char *schema, int n);

/* Who writes a running submission (db/submission.c): the start time of
 * process pid (clock ticks since boot; -1 when there is no such process),
 * this boot's id and this host's name. */
long long db_proc_start_time(long pid);
void db_boot_id(char out[64]);
void db_host_name(char out[256]);

#endif
