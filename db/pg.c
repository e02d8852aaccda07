/* pg.c: the PostgreSQL backend's connection, migrations, transactions,
 * settings and query helpers (pg_internal.h). The other db/pg_*.c files
 * hold its queries, one file per file of the SQLite side. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"

/* db/schema-pg.sql, embedded like db/schema.sql (the Makefile makes pg.o
 * depend on it). */
__asm__(".section .rodata\n"
	".global db_schema_pg_sql\n"
	".type db_schema_pg_sql, @object\n"
	"db_schema_pg_sql:\n"
	".incbin \"db/schema-pg.sql\"\n"
	".byte 0\n"
	".previous\n");
extern const char db_schema_pg_sql[];

/* ---- parameters and results ------------------------------------------ */

static void add_param(struct pgq *q, const char *val, int len, int fmt, char *owned)
{
	if (q->n >= PGQ_MAX) {
		/* a programming error in db/: fail loudly rather than drop it */
		fprintf(stderr, "judge: internal error: more than %d query parameters\n", PGQ_MAX);
		abort();
	}
	q->val[q->n] = val;
	q->len[q->n] = len;
	q->fmt[q->n] = fmt;
	q->owned[q->n] = owned;
	q->n++;
}

/* Length of the valid UTF-8 sequence at p (at most n bytes), 0 if invalid. */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
	size_t len, i;
	unsigned c = p[0];

	if (c >= 0x01 && c < 0x80)
		return 1;
	if (c >= 0xc2 && c < 0xe0)
		len = 2;
	else if (c >= 0xe0 && c < 0xf0)
		len = 3;
	else if (c >= 0xf0 && c < 0xf5)
		len = 4;
	else
		return 0;
	if (len > n)
		return 0;
	for (i = 1; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) ||
	    (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
		return 0; /* overlong, surrogate, or above U+10FFFF */
	return len;
}

void pgq_str(struct pgq *q, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n, i, k;
	struct buf b = BUF_INIT;

	if (!s) {
		add_param(q, NULL, 0, 0, NULL);
		return;
	}
	n = strlen(s);
	for (i = 0; i < n && (k = utf8_seq(p + i, n - i)); i += k)
		;
	if (i == n) {
		add_param(q, s, 0, 0, NULL);
		return;
	}
	for (i = 0; i < n; i += k ? k : 1) {
		k = utf8_seq(p + i, n - i);
		if (k)
			buf_add(&b, p + i, k);
		else
			buf_addstr(&b, "\xef\xbf\xbd");
	}
	buf_addstr(&b, "");
	add_param(q, NULL, 0, 0, NULL);
	q->owned[q->n - 1] = buf_detach(&b, NULL);
	q->val[q->n - 1] = q->owned[q->n - 1];
}

void pgq_int(struct pgq *q, long long v)
{
	char *s = xasprintf("%lld", v);

	add_param(q, s, 0, 0, s);
}

void pgq_dbl(struct pgq *q, double v)
{
	char *s = xasprintf("%.17g", v);

	add_param(q, s, 0, 0, s);
}

void pgq_bool(struct pgq *q, int v)
{
	add_param(q, v ? "t" : "f", 0, 0, NULL);
}

void pgq_bin(struct pgq *q, const void *p, size_t n)
{
	add_param(q, n ? p : "", (int)n, 1, NULL);
}

void pgq_keep(struct pgq *q, char *s)
{
	if (q->nkept < PGQ_MAX)
		q->kept[q->nkept++] = s;
}

void pgq_release(struct pgq *q)
{
	int i;

	for (i = 0; i < q->n; i++)
		free(q->owned[i]);
	for (i = 0; i < q->nkept; i++)
		free(q->kept[i]);
	memset(q, 0, sizeof(*q));
}

/* The first line of a libpq message (they end with a newline, and some
 * carry a DETAIL or HINT line after). */
static const char *first_line(const char *msg, char *out, size_t size)
{
	size_t n = strcspn(msg ? msg : "", "\n");

	if (n >= size)
		n = size - 1;
	memcpy(out, msg ? msg : "", n);
	out[n] = 0;
	return out;
}

int pg_fail(struct db *db, const PGresult *r, const char *what)
{
	char line[512];
	const char *msg = r ? PQresultErrorMessage(r) : NULL, *state, *primary, *severity;

	if (!msg || !*msg)
		msg = PQerrorMessage(db->pg->conn);
	first_line(msg, line, sizeof(line));
	state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	severity = r ? PQresultErrorField(r, PG_DIAG_SEVERITY_NONLOCALIZED) : NULL;
	if (state && primary && !strcmp(state, PG_REFUSED))
		return err_input("%s", primary);
	/* a FATAL error ends the session: in a pipeline it comes as a result
	 * before libpq has seen the connection close */
	if (PQstatus(db->pg->conn) == CONNECTION_BAD ||
	    (severity && (!strcmp(severity, "FATAL") || !strcmp(severity, "PANIC"))))
		return err_set("database '%s' went away: %s", db->path,
			       *line ? line : "the connection was lost");
	return err_set("%s: %s", what, *line ? line : "unknown error");
}

static PGresult *vrun(struct db *db, struct pgq *q, const char *sql,
		      const char *fmt, va_list ap)
{
	PGresult *r;
	ExecStatusType s;
	char *what;

	/* without parameters, the simple protocol: a migration is several
	 * statements */
	if (q) {
		r = PQexecParams(db->pg->conn, sql, q->n, NULL, q->val, q->len, q->fmt, 0);
		pgq_release(q);
	} else {
		r = PQexec(db->pg->conn, sql);
	}
	s = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK)
		return r;
	if (vasprintf(&what, fmt, ap) < 0)
		what = NULL;
	pg_fail(db, r, what ? what : "database error");
	free(what);
	PQclear(r);
	return NULL;
}

PGresult *pgq_run(struct db *db, struct pgq *q, const char *sql, const char *fmt, ...)
{
	PGresult *r;
	va_list ap;

	va_start(ap, fmt);
	r = vrun(db, q, sql, fmt, ap);
	va_end(ap);
	return r;
}

int pgq_do(struct db *db, struct pgq *q, long *changed, const char *sql, const char *fmt, ...)
{
	PGresult *r;
	va_list ap;

	va_start(ap, fmt);
	r = vrun(db, q, sql, fmt, ap);
	va_end(ap);
	if (!r)
		return -1;
	if (changed)
		*changed = strtol(PQcmdTuples(r), NULL, 10);
	PQclear(r);
	return 0;
}

char *pg_str(const PGresult *r, int row, int col, int null_empty)
{
	if (PQgetisnull(r, row, col))
		return null_empty ? xstrdup("") : NULL;
	return xstrndup(PQgetvalue(r, row, col), (size_t)PQgetlength(r, row, col));
}

long long pg_ll(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 : strtoll(PQgetvalue(r, row, col), NULL, 10);
}

double pg_dbl(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 : strtod(PQgetvalue(r, row, col), NULL);
}

int pg_bool(const PGresult *r, int row, int col)
{
	return !PQgetisnull(r, row, col) && PQgetvalue(r, row, col)[0] == 't';
}

int pg_null(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col);
}

char *pg_bytes(const PGresult *r, int row, int col, size_t *len)
{
	unsigned char *raw;
	size_t n = 0;
	char *s;

	raw = PQgetisnull(r, row, col) ? NULL :
		PQunescapeBytea((const unsigned char *)PQgetvalue(r, row, col), &n);
	s = xmalloc(n + 1);
	if (n)
		memcpy(s, raw, n);
	s[n] = 0;
	PQfreemem(raw);
	if (len)
		*len = n;
	return s;
}

/* ---- transactions ------------------------------------------------------ */

static int exec_simple(struct db *db, const char *sql, const char *what)
{
	return pgq_do(db, NULL, NULL, sql, "%s", what);
}

int dbpg_tx_begin(struct db *db)
{
	if (db->in_tx)
		return err_set("database '%s': a transaction is already open", db->path);
	/* one writer at a time, as SQLite's BEGIN IMMEDIATE: the catalogue
	 * sync, the next free local test name, ... read then write */
	if (exec_simple(db, "BEGIN", "cannot start a write") < 0)
		return -1;
	db->in_tx = 1;
	if (pgq_do(db, NULL, NULL, "SELECT pg_advisory_xact_lock(" PG_WRITE_LOCK ")",
		   "cannot start a write") < 0) {
		dbpg_tx_rollback(db);
		return -1;
	}
	return 0;
}

int dbpg_tx_commit(struct db *db)
{
	if (!db->in_tx)
		return err_set("database '%s': no transaction to commit", db->path);
	if (exec_simple(db, "COMMIT", "cannot commit") < 0) {
		dbpg_tx_rollback(db);
		return -1;
	}
	db->in_tx = 0;
	return 0;
}

void dbpg_tx_rollback(struct db *db)
{
	char *saved = xstrdup(err_msg());
	enum err_kind kind = err_kind();

	if (PQtransactionStatus(db->pg->conn) != PQTRANS_IDLE)
		PQclear(PQexec(db->pg->conn, "ROLLBACK"));
	db->in_tx = 0;
	err_set("%s", saved);
	err_as(kind);
	free(saved);
}

int pg_write_begin(struct db *db, int *own)
{
	*own = !db->in_tx;
	return *own ? dbpg_tx_begin(db) : 0;
}

int pg_write_end(struct db *db, int own, int rc)
{
	if (!own)
		return rc;
	if (rc < 0) {
		dbpg_tx_rollback(db);
		return rc;
	}
	return dbpg_tx_commit(db);
}

/* ---- settings ------------------------------------------------------------ */

int dbpg_meta_get(struct db *db, const char *key, char **value)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	*value = NULL;
	pgq_str(&q, key);
	r = pgq_run(db, &q, "SELECT value FROM meta WHERE key = $1",
		    "cannot read setting '%s'", key);
	if (!r)
		return -1;
	if (PQntuples(r) > 0)
		*value = pg_str(r, 0, 0, 1);
	PQclear(r);
	return 0;
}

int dbpg_meta_set(struct db *db, const char *key, const char *value)
{
	struct pgq q = PGQ_INIT;
	int own, rc;

	if (pg_write_begin(db, &own) < 0)
		return -1;
	pgq_str(&q, key);
	pgq_str(&q, value);
	rc = pgq_do(db, &q, NULL, "INSERT INTO meta (key, value) VALUES ($1, $2) "
		    "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
		    "cannot store a setting");
	return pg_write_end(db, own, rc);
}

char *dbpg_nearest_id(struct db *db, const char *sql, const char *id)
{
	size_t best = (size_t)-1, d, limit = strlen(id) / 3;
	char *found = NULL;
	PGresult *r;
	int i;

	if (limit < 2)
		limit = 2;
	r = pgq_run(db, NULL, sql, "cannot look for '%s'", id);
	for (i = 0; r && i < PQntuples(r); i++) {
		d = util_edit_distance(id, PQgetvalue(r, i, 0));
		if (d <= limit && d < best) {
			best = d;
			free(found);
			found = xstrdup(PQgetvalue(r, i, 0));
		}
	}
	PQclear(r);
	return found;
}

int dbpg_user(struct db *db, char **user)
{
	PGresult *r = pgq_run(db, NULL, "SELECT current_user", "cannot read the database role");

	if (!r)
		return -1;
	*user = pg_str(r, 0, 0, 1);
	PQclear(r);
	return 0;
}

int dbpg_can_write_catalog(struct db *db)
{
	PGresult *r = pgq_run(db, NULL, "SELECT has_table_privilege('problems', 'INSERT')",
			      "cannot read the role's privileges");
	int can;

	if (!r)
		return -1;
	can = pg_bool(r, 0, 0);
	PQclear(r);
	return can;
}

/* ---- opening and migrating ------------------------------------------------- */

/* The schema version stored in meta, 0 for a new database. */
static int stored_version(struct db *db, int *v)
{
	char *s = NULL;

	if (dbpg_meta_get(db, "schema_version", &s) < 0)
		return -1;
	*v = s ? atoi(s) : 0;
	free(s);
	return 0;
}

static int pg_schema_version(void)
{
	static int version;
	char *t;

	if (!version)
		while ((t = db_migration_text(db_schema_pg_sql, version + 1)) != NULL) {
			free(t);
			version++;
		}
	return version;
}

static int apply_migrations(struct db *db, int want)
{
	char *sql, num[16];
	int have, rc;

	if (dbpg_tx_begin(db) < 0)
		return -1;
	rc = exec_simple(db, "CREATE TABLE IF NOT EXISTS meta (key text PRIMARY KEY, "
			 "value text NOT NULL)", "cannot create the settings table");
	if (rc == 0)
		rc = stored_version(db, &have);
	while (rc == 0 && have < want) {
		sql = db_migration_text(db_schema_pg_sql, have + 1);
		rc = exec_simple(db, sql, "cannot migrate");
		free(sql);
		if (rc < 0) {
			err_prefix("database '%s', schema version %d", db->path, have + 1);
			break;
		}
		snprintf(num, sizeof(num), "%d", ++have);
		rc = dbpg_meta_set(db, "schema_version", num);
	}
	if (rc < 0) {
		dbpg_tx_rollback(db);
		return -1;
	}
	return dbpg_tx_commit(db);
}

static int pg_migrate(struct db *db)
{
	int have = 0, want = pg_schema_version();
	PGresult *r;

	/* the common case, a migrated database, is one read and no lock */
	r = PQexec(db->pg->conn, "SELECT value FROM meta WHERE key = 'schema_version'");
	if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
		have = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	if (PQstatus(db->pg->conn) == CONNECTION_BAD)
		return pg_fail(db, NULL, "");
	if (have > want)
		return err_set("database '%s' has schema version %d, newer than this judge "
			       "knows (%d); use a newer judge or another --db", db->path, have, want);
	return have == want ? 0 : apply_migrations(db, want);
}

/* The URI with the password of its user part hidden, for messages. */
static char *redact(const char *uri)
{
	const char *s = strstr(uri, "://"), *at, *colon;

	if (!s)
		return xstrdup(uri);
	s += 3;
	at = strchr(s, '@');
	colon = strchr(s, ':');
	if (!at || !colon || colon > at || strchr(s, '/') < at)
		return xstrdup(uri);
	return xasprintf("%.*s:***%s", (int)(colon - uri), uri, at);
}

static void quiet_notices(void *arg, const char *msg)
{
	(void)arg;
	(void)msg;
}

struct db *dbpg_open(const char *uri)
{
	struct db *db = xcalloc(1, sizeof(*db));
	char line[512];

	db->path = redact(uri);
	db->pg = xcalloc(1, sizeof(*db->pg));
	db->pg->uri = xstrdup(uri);
	db->pg->conn = PQconnectdb(uri);
	if (!db->pg->conn) {
		err_set("cannot open the database '%s': out of memory", db->path);
		goto fail;
	}
	if (PQstatus(db->pg->conn) != CONNECTION_OK) {
		err_set("cannot open the database '%s': %s", db->path,
			first_line(PQerrorMessage(db->pg->conn), line, sizeof(line)));
		goto fail;
	}
	/* NOTICEs ("relation exists, skipping") are not for the user */
	PQsetNoticeProcessor(db->pg->conn, quiet_notices, NULL);
	if (pg_migrate(db) < 0)
		goto fail;
	return db;
fail:
	dbpg_close(db);
	return NULL;
}

void dbpg_close(struct db *db)
{
	if (db->pg) {
		if (db->pg->conn)
			PQfinish(db->pg->conn);
		free(db->pg->uri);
		while (db->pg->nlisten > 0)
			free(db->pg->listen[--db->pg->nlisten]);
		free(db->pg);
	}
	free(db->path);
	free(db);
}
