/* db.c: opening the database, migrating its schema, transactions, settings,
 * and the small helpers the other files of db/ share (db_internal.h). */
#include <errno.h>
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"

/* db/schema.sql, embedded at build time (the Makefile makes db.o depend on
 * it). The assembler reads the path relative to where make runs: the root. */
__asm__(".section .rodata\n"
	".global db_schema_sql\n"
	".type db_schema_sql, @object\n"
	"db_schema_sql:\n"
	".incbin \"db/schema.sql\"\n"
	".byte 0\n"
	".previous\n");
extern const char db_schema_sql[];

#define MIGRATION_MARK "-- migration "

int db_fail(struct db *db, const char *fmt, ...)
{
	char *what;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&what, fmt, ap);
	va_end(ap);
	if (n < 0)
		return err_set("database error: %s", sqlite3_errmsg(db->h));
	err_set("%s: %s", what, sqlite3_errmsg(db->h));
	free(what);
	return -1;
}

int db_prepare(struct db *db, sqlite3_stmt **st, const char *sql)
{
	*st = NULL;
	if (sqlite3_prepare_v2(db->h, sql, -1, st, NULL) != SQLITE_OK)
		return db_fail(db, "cannot prepare a query on '%s'", db->path);
	return 0;
}

int db_exec(struct db *db, const char *sql)
{
	char *msg = NULL;

	if (sqlite3_exec(db->h, sql, NULL, NULL, &msg) != SQLITE_OK) {
		err_set("database '%s': %s", db->path, msg ? msg : sqlite3_errmsg(db->h));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int db_step_done(struct db *db, sqlite3_stmt *st, const char *what)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		return db_fail(db, "%s", what);
	return 0;
}

char *db_col_str(sqlite3_stmt *st, int i, int null_empty)
{
	const unsigned char *s = sqlite3_column_text(st, i);

	if (!s)
		return null_empty ? xstrdup("") : NULL;
	return xstrndup((const char *)s, (size_t)sqlite3_column_bytes(st, i));
}

int db_bind_str(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

int db_tx_begin(struct db *db)
{
	if (db->pg)
		return dbpg_tx_begin(db);
	if (db->in_tx)
		return err_set("database '%s': a transaction is already open", db->path);
	if (db_exec(db, "BEGIN IMMEDIATE") < 0)
		return err_prefix("cannot start a write");
	db->in_tx = 1;
	return 0;
}

int db_tx_commit(struct db *db)
{
	if (db->pg)
		return dbpg_tx_commit(db);
	if (!db->in_tx)
		return err_set("database '%s': no transaction to commit", db->path);
	if (db_exec(db, "COMMIT") < 0) {
		err_prefix("cannot commit");
		db_tx_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	return 0;
}

void db_tx_rollback(struct db *db)
{
	char *saved;
	enum err_kind kind;

	if (db->pg) {
		dbpg_tx_rollback(db);
		return;
	}
	saved = xstrdup(err_msg());
	kind = err_kind();
	if (!sqlite3_get_autocommit(db->h))
		sqlite3_exec(db->h, "ROLLBACK", NULL, NULL, NULL);
	db->in_tx = 0;
	err_set("%s", saved);
	err_as(kind);
	free(saved);
}

int db_write_begin(struct db *db, int *own)
{
	*own = !db->in_tx;
	return *own ? db_tx_begin(db) : 0;
}

int db_write_end(struct db *db, int own, int rc)
{
	if (!own)
		return rc;
	if (rc < 0) {
		db_tx_rollback(db);
		return rc;
	}
	return db_tx_commit(db);
}

char *db_migration_text(const char *schema, int n)
{
	char mark[32];
	const char *p, *end;
	size_t len;

	len = (size_t)snprintf(mark, sizeof(mark), "\n" MIGRATION_MARK "%d\n", n);
	p = strstr(schema, mark);
	if (!p)
		return NULL;
	p += len;
	end = strstr(p, "\n" MIGRATION_MARK);
	return xstrndup(p, end ? (size_t)(end - p + 1) : strlen(p));
}

int db_schema_version(void)
{
	static int version;
	char *t;

	if (!version)
		while ((t = db_migration_text(db_schema_sql, version + 1)) != NULL) {
			free(t);
			version++;
		}
	return version;
}

static int user_version(struct db *db, int *v)
{
	sqlite3_stmt *st;
	int rc = -1;

	if (db_prepare(db, &st, "PRAGMA user_version") < 0)
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		*v = sqlite3_column_int(st, 0);
		rc = 0;
	} else {
		db_fail(db, "cannot read the schema version of '%s'", db->path);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Apply every migration above user_version, each in its own write
 * transaction that re-reads the version, so two judges opening a fresh
 * database at once do not both apply it. */
static int migrate(struct db *db)
{
	int have, want = db_schema_version(), rc;
	char *sql, pragma[48];

	if (user_version(db, &have) < 0)
		return -1;
	if (have > want)
		return err_set("database '%s' has schema version %d, newer than this judge "
			       "knows (%d); use a newer judge or another --db", db->path, have, want);
	while (have < want) {
		if (db_tx_begin(db) < 0)
			return -1;
		rc = user_version(db, &have);
		if (rc == 0 && have < want) {
			sql = db_migration_text(db_schema_sql, have + 1);
			rc = db_exec(db, sql);
			free(sql);
			if (rc < 0)
				err_prefix("cannot migrate '%s' to schema version %d", db->path, have + 1);
			snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", have + 1);
			if (rc == 0)
				rc = db_exec(db, pragma);
		}
		if (rc < 0) {
			db_tx_rollback(db);
			return -1;
		}
		if (db_tx_commit(db) < 0 || user_version(db, &have) < 0)
			return -1;
	}
	return 0;
}

/* Switch to WAL. Changing the journal mode needs an exclusive lock, and
 * SQLite does not wait on the busy handler for it: when several processes
 * open a new database at once, all but one see SQLITE_BUSY at once. Retry
 * for as long as the busy timeout would have waited. */
static int set_wal(struct db *db)
{
	long long deadline = util_monotonic_ms() + 10000;

	for (;;) {
		if (db_exec(db, "PRAGMA journal_mode = WAL") == 0)
			return 0;
		if ((sqlite3_errcode(db->h) & 0xff) != SQLITE_BUSY ||
		    util_monotonic_ms() > deadline)
			return -1;
		usleep(5000);
	}
}

int db_is_uri(const char *path)
{
	return !strncmp(path, "postgresql://", 13) || !strncmp(path, "postgres://", 11);
}

struct db *db_open(const char *path)
{
	struct db *db;
	char *dir;
	int rc;

	if (db_is_uri(path))
		return dbpg_open(path);
	dir = xstrdup(path);
	rc = util_mkdirs(dirname(dir), 0755);
	free(dir);
	if (rc < 0) {
		err_prefix("cannot create the database '%s'", path);
		return NULL;
	}
	db = xcalloc(1, sizeof(*db));
	db->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &db->h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			     SQLITE_OPEN_FULLMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (db->h)
			db_fail(db, "cannot open the database '%s'", path);
		else
			err_set("cannot open the database '%s': out of memory", path);
		goto fail;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, 10000);
	/* WAL keeps readers and one writer apart; FULL syncs every commit so a
	 * verdict the judge reported is on disk. */
	if (set_wal(db) < 0 ||
	    db_exec(db, "PRAGMA synchronous = FULL") < 0 ||
	    db_exec(db, "PRAGMA foreign_keys = ON") < 0) {
		err_prefix("cannot set up the database");
		goto fail;
	}
	if (migrate(db) < 0)
		goto fail;
	return db;
fail:
	db_close(db);
	return NULL;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	if (db->pg) {
		dbpg_close(db);
		return;
	}
	if (db->h)
		sqlite3_close_v2(db->h);
	free(db->path);
	free(db);
}

int db_user(struct db *db, char **user)
{
	*user = NULL;
	return db->pg ? dbpg_user(db, user) : 0;
}

int db_can_write_catalog(struct db *db)
{
	return db->pg ? dbpg_can_write_catalog(db) : 1;
}

const char *db_path(const struct db *db)
{
	return db->path;
}

int db_meta_get(struct db *db, const char *key, char **value)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_meta_get(db, key, value);
	*value = NULL;
	if (db_prepare(db, &st, "SELECT value FROM meta WHERE key = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*value = db_col_str(st, 0, 1);
	else if (rc != SQLITE_DONE)
		db_fail(db, "cannot read setting '%s'", key);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

int db_meta_set(struct db *db, const char *key, const char *value)
{
	sqlite3_stmt *st = NULL;
	int own, rc;

	if (db->pg)
		return dbpg_meta_set(db, key, value);
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = db_prepare(db, &st, "INSERT INTO meta (key, value) VALUES (?, ?) "
			"ON CONFLICT (key) DO UPDATE SET value = excluded.value");
	if (rc == 0) {
		sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "cannot store a setting");
	}
	sqlite3_finalize(st);
	return db_write_end(db, own, rc);
}

char *db_nearest_id(struct db *db, const char *sql, const char *id)
{
	sqlite3_stmt *st;
	const char *cand;
	size_t best = (size_t)-1, d, limit = strlen(id) / 3;
	char *found = NULL;

	if (db->pg)
		return dbpg_nearest_id(db, sql, id);
	if (limit < 2)
		limit = 2;
	if (db_prepare(db, &st, sql) < 0)
		return NULL;
	while (sqlite3_step(st) == SQLITE_ROW) {
		cand = (const char *)sqlite3_column_text(st, 0);
		if (!cand)
			continue;
		d = util_edit_distance(id, cand);
		if (d <= limit && d < best) {
			best = d;
			free(found);
			found = xstrdup(cand);
		}
	}
	sqlite3_finalize(st);
	return found;
}
