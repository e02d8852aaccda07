/* submission.c: submissions and their per-test results, and reaping the
 * rows of judges that died mid-grading.
 *
 * A running submission records who writes it: pid, the process's start time
 * (so a reused pid is not mistaken for the writer), the boot id and the host
 * name. db_submissions_reap marks a running row IE when that process is
 * provably gone; a row from another host sharing this kernel (a container)
 * cannot be checked and is left alone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char *verdict_or_null(int v)
{
	return v >= 0 && v < V_COUNT ? verdict_name((enum verdict)v) : NULL;
}

/* The start time (field 22 of /proc/PID/stat, clock ticks since boot) of
 * process pid, or -1 when there is no such process. */
long long db_proc_start_time(long pid)
{
	char path[64], buf[1024], *p;
	long long start = -1;
	size_t n;
	FILE *f;
	int field;

	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	f = fopen(path, "re");
	if (!f)
		return -1;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = 0;
	p = strrchr(buf, ')'); /* the command name may hold spaces and ')' */
	if (!p)
		return -1;
	/* after ") " comes field 3 (state); field 22 is 19 fields on */
	for (field = 2; field < 22 && p; field++)
		p = strchr(p + 1, ' ');
	if (p)
		start = strtoll(p + 1, NULL, 10);
	return start;
}

void db_boot_id(char out[64])
{
	FILE *f = fopen("/proc/sys/kernel/random/boot_id", "re");

	out[0] = 0;
	if (f) {
		if (!fgets(out, 64, f))
			out[0] = 0;
		fclose(f);
	}
	out[strcspn(out, "\n")] = 0;
}

void db_host_name(char out[256])
{
	if (gethostname(out, 255) < 0)
		out[0] = 0;
	out[255] = 0;
}

void db_submission_release(struct db_submission *s)
{
	size_t i;

	free(s->problem);
	free(s->user);
	free(s->source);
	free(s->file_name);
	free(s->compile_message);
	free(s->contest);
	free(s->letter);
	free(s->error);
	free(s->lang);
	for (i = 0; i < s->nresults; i++) {
		free(s->results[i].name);
		free(s->results[i].signal);
		free(s->results[i].message);
		free(s->results[i].stderr_text);
		free(s->results[i].runs);
	}
	free(s->results);
	memset(s, 0, sizeof(*s));
	s->verdict = -1;
}

void db_submission_list_free(struct db_submission *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		db_submission_release(&v[i]);
	free(v);
}

int db_submission_create(struct db *db, struct db_submission *s, long long *id)
{
	sqlite3_stmt *st = NULL;
	char boot[64], host[256];
	int own, rc;

	if (db->pg)
		return dbpg_submission_create(db, s, id);
	if (!s->problem || !s->user || !s->source)
		return err_set("a submission needs a problem, a user and a source");
	if (!s->submitted_at && util_now(&s->submitted_at) < 0)
		return -1;
	util_sha256_hex(s->source, strlen(s->source), s->source_hash);
	db_boot_id(boot);
	db_host_name(host);
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = db_prepare(db, &st,
			"INSERT INTO submissions (problem, user, source, source_hash, "
			"submitted_at, status, contest, letter, local_tests, writer_pid, "
			"writer_start, writer_boot, writer_host, lang, file_name) "
			"VALUES (?, ?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?)");
	if (rc == 0) {
		sqlite3_bind_text(st, 1, s->problem, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, s->user, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, s->source, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, s->source_hash, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 5, (long long)s->submitted_at);
		db_bind_str(st, 6, s->contest);
		db_bind_str(st, 7, s->letter);
		sqlite3_bind_int(st, 8, s->local_tests != 0);
		sqlite3_bind_int64(st, 9, (long long)getpid());
		sqlite3_bind_int64(st, 10, db_proc_start_time((long)getpid()));
		sqlite3_bind_text(st, 11, boot, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, host, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 13, s->lang ? s->lang : "c", -1, SQLITE_STATIC);
		db_bind_str(st, 14, s->file_name);
		rc = db_step_done(db, st, "cannot record the submission");
	}
	sqlite3_finalize(st);
	if (rc == 0) {
		s->id = sqlite3_last_insert_rowid(db->h);
		s->running = 1;
		s->verdict = -1;
		if (id)
			*id = s->id;
	}
	return db_write_end(db, own, rc);
}

int db_result_add(struct db *db, long long sub, const struct db_result *r)
{
	sqlite3_stmt *st = NULL;
	const char *v = verdict_or_null(r->verdict);
	int own, rc;

	if (db->pg)
		return dbpg_result_add(db, sub, r);
	if (!v)
		return err_set("submission %lld: invalid verdict %d", sub, r->verdict);
	if (db_write_begin(db, &own) < 0)
		return -1;
	/* only while the submission runs: a reaped one stays as it was */
	rc = db_prepare(db, &st,
			"INSERT INTO results (submission, ord, name, verdict, time_ms, wall_ms, "
			"memory_kb, exit_code, signal, message, is_local, stderr, stderr_bytes, "
			"time_us, runs, unstable) "
			"SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM submissions "
			"WHERE id = ?1 AND status = 'running'");
	if (rc == 0) {
		sqlite3_bind_int64(st, 1, sub);
		sqlite3_bind_int(st, 2, r->ord);
		sqlite3_bind_text(st, 3, r->name ? r->name : "", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, v, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 5, r->time_ms);
		sqlite3_bind_int(st, 6, r->wall_ms);
		sqlite3_bind_int64(st, 7, r->memory_kb);
		if (r->exit_code >= 0)
			sqlite3_bind_int(st, 8, r->exit_code);
		else
			sqlite3_bind_null(st, 8);
		db_bind_str(st, 9, r->signal);
		sqlite3_bind_text(st, 10, r->message ? r->message : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 11, r->is_local != 0);
		sqlite3_bind_text(st, 12, r->stderr_text ? r->stderr_text : "", -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 13, r->stderr_bytes);
		sqlite3_bind_int64(st, 14, r->time_us);
		sqlite3_bind_text(st, 15, r->runs ? r->runs : "", -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 16, r->unstable != 0);
		rc = db_step_done(db, st, "cannot record a test result");
		if (rc == 0 && sqlite3_changes(db->h) != 1)
			rc = err_set("submission %lld is not running", sub);
	}
	sqlite3_finalize(st);
	return db_write_end(db, own, rc);
}

int db_submission_finish(struct db *db, const struct db_submission *s)
{
	sqlite3_stmt *st = NULL;
	const char *v = verdict_or_null(s->verdict);
	int own, rc;

	if (db->pg)
		return dbpg_submission_finish(db, s);
	if (!v)
		return err_set("submission %lld: invalid verdict %d", s->id, s->verdict);
	if (db_write_begin(db, &own) < 0)
		return -1;
	rc = db_prepare(db, &st,
			"UPDATE submissions SET status = 'done', verdict = ?, passed = ?, "
			"total = ?, time_ms = ?, memory_kb = ?, compile_ok = ?, "
			"compile_message = ?, compile_time_ms = ?, compile_cached = ?, error = ? "
			"WHERE id = ? AND status = 'running'");
	if (rc == 0) {
		sqlite3_bind_text(st, 1, v, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 2, s->passed);
		sqlite3_bind_int(st, 3, s->total);
		sqlite3_bind_int(st, 4, s->time_ms);
		sqlite3_bind_int64(st, 5, s->memory_kb);
		sqlite3_bind_int(st, 6, s->compile_ok != 0);
		sqlite3_bind_text(st, 7, s->compile_message ? s->compile_message : "", -1,
				  SQLITE_STATIC);
		sqlite3_bind_int(st, 8, s->compile_time_ms);
		sqlite3_bind_int(st, 9, s->compile_cached != 0);
		db_bind_str(st, 10, s->error);
		sqlite3_bind_int64(st, 11, s->id);
		rc = db_step_done(db, st, "cannot record the verdict");
		if (rc == 0 && sqlite3_changes(db->h) != 1)
			rc = err_set("submission %lld is not running (finished already, or "
				     "marked IE because its judge was thought gone)", s->id);
	}
	sqlite3_finalize(st);
	return db_write_end(db, own, rc);
}

/* Is the writer of a running row provably gone? */
static int writer_gone(sqlite3_stmt *st, const char *boot, const char *host)
{
	const char *wboot = (const char *)sqlite3_column_text(st, 3);
	const char *whost = (const char *)sqlite3_column_text(st, 4);
	long long pid = sqlite3_column_int64(st, 1), start = sqlite3_column_int64(st, 2);

	if (!wboot || !whost)
		return 1;
	if (strcmp(wboot, boot))
		return 1; /* rebooted since, or the file came from another machine */
	if (strcmp(whost, host))
		return 0; /* another container on this kernel: its pids are not ours */
	return db_proc_start_time((long)pid) != start;
}

int db_submissions_reap(struct db *db, int *count)
{
	sqlite3_stmt *st = NULL, *upd = NULL;
	char boot[64], host[256], reason[160];
	long long *ids = NULL, *pids = NULL;
	size_t n = 0, i;
	int rc, own, reaped = 0;

	if (db->pg)
		return dbpg_submissions_reap(db, count);
	if (count)
		*count = 0;
	db_boot_id(boot);
	db_host_name(host);
	/* a read first, so the common case takes no write lock */
	if (db_prepare(db, &st, "SELECT id, writer_pid, writer_start, writer_boot, writer_host "
		       "FROM submissions WHERE status = 'running'") < 0)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!writer_gone(st, boot, host))
			continue;
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		pids = xrealloc(pids, (n + 1) * sizeof(*pids));
		ids[n] = sqlite3_column_int64(st, 0);
		pids[n++] = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = db_fail(db, "cannot look for unfinished submissions");
		goto out;
	}
	rc = 0;
	if (!n)
		goto out;
	if (db_write_begin(db, &own) < 0) {
		rc = -1;
		goto out;
	}
	rc = db_prepare(db, &upd, "UPDATE submissions SET status = 'done', verdict = 'IE', "
			"error = ? WHERE id = ? AND status = 'running'");
	for (i = 0; i < n && rc == 0; i++) {
		snprintf(reason, sizeof(reason), "the judge grading it (pid %lld) ended "
			 "before it finished", pids[i]);
		sqlite3_bind_text(upd, 1, reason, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(upd, 2, ids[i]);
		rc = db_step_done(db, upd, "cannot mark an unfinished submission");
		reaped += sqlite3_changes(db->h);
		sqlite3_reset(upd);
	}
	sqlite3_finalize(upd);
	rc = db_write_end(db, own, rc);
	if (rc == 0 && count)
		*count = reaped;
out:
	free(ids);
	free(pids);
	return rc;
}

#define SUBMISSION_COLUMNS \
	"id, problem, user, source_hash, submitted_at, status, verdict, passed, total, " \
	"time_ms, memory_kb, compile_ok, compile_message, compile_time_ms, " \
	"compile_cached, contest, letter, error, local_tests, lang, file_name"
#define SUBMISSION_NCOLUMNS 21

static void read_submission_row(sqlite3_stmt *st, struct db_submission *s)
{
	const char *t;

	memset(s, 0, sizeof(*s));
	s->id = sqlite3_column_int64(st, 0);
	s->problem = db_col_str(st, 1, 1);
	s->user = db_col_str(st, 2, 1);
	t = (const char *)sqlite3_column_text(st, 3);
	snprintf(s->source_hash, sizeof(s->source_hash), "%s", t ? t : "");
	s->submitted_at = (time_t)sqlite3_column_int64(st, 4);
	t = (const char *)sqlite3_column_text(st, 5);
	s->running = t && !strcmp(t, "running");
	t = (const char *)sqlite3_column_text(st, 6);
	s->verdict = t ? verdict_parse(t) : -1;
	s->passed = sqlite3_column_int(st, 7);
	s->total = sqlite3_column_int(st, 8);
	s->time_ms = sqlite3_column_int(st, 9);
	s->memory_kb = (long)sqlite3_column_int64(st, 10);
	s->compile_ok = sqlite3_column_int(st, 11);
	s->compile_message = db_col_str(st, 12, 1);
	s->compile_time_ms = sqlite3_column_int(st, 13);
	s->compile_cached = sqlite3_column_int(st, 14);
	s->contest = db_col_str(st, 15, 0);
	s->letter = db_col_str(st, 16, 0);
	s->error = db_col_str(st, 17, 0);
	s->local_tests = sqlite3_column_int(st, 18);
	s->lang = db_col_str(st, 19, 1);
	s->file_name = db_col_str(st, 20, 0);
}

static int load_results(struct db *db, struct db_submission *s)
{
	sqlite3_stmt *st;
	struct db_result *r;
	const char *v;
	int rc;

	if (db_prepare(db, &st, "SELECT ord, name, verdict, time_ms, wall_ms, memory_kb, "
		       "exit_code, signal, message, is_local, stderr, stderr_bytes, time_us, runs, "
		       "unstable FROM results "
		       "WHERE submission = ? ORDER BY ord") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, s->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s->results = xrealloc(s->results, (s->nresults + 1) * sizeof(*s->results));
		r = &s->results[s->nresults++];
		r->ord = sqlite3_column_int(st, 0);
		r->name = db_col_str(st, 1, 1);
		v = (const char *)sqlite3_column_text(st, 2);
		r->verdict = v ? verdict_parse(v) : V_IE;
		r->time_ms = sqlite3_column_int(st, 3);
		r->wall_ms = sqlite3_column_int(st, 4);
		r->memory_kb = (long)sqlite3_column_int64(st, 5);
		r->exit_code = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 :
			sqlite3_column_int(st, 6);
		r->signal = db_col_str(st, 7, 0);
		r->message = db_col_str(st, 8, 1);
		r->is_local = sqlite3_column_int(st, 9);
		r->stderr_text = db_col_str(st, 10, 0);
		r->stderr_bytes = (long)sqlite3_column_int64(st, 11);
		r->time_us = sqlite3_column_int64(st, 12);
		r->runs = db_col_str(st, 13, 1);
		r->unstable = sqlite3_column_int(st, 14);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(db, "cannot read the results of submission %lld", s->id);
	return 0;
}

int db_submission_get(struct db *db, long long id, struct db_submission *s)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_submission_get(db, id, s);
	memset(s, 0, sizeof(*s));
	s->verdict = -1;
	if (db_prepare(db, &st, "SELECT " SUBMISSION_COLUMNS ", source FROM submissions "
		       "WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_submission_row(st, s);
		s->source = db_col_str(st, SUBMISSION_NCOLUMNS, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set("unknown submission %lld", id);
		return DB_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, "cannot read submission %lld", id);
	if (load_results(db, s) < 0) {
		db_submission_release(s);
		return -1;
	}
	return 0;
}

int db_submission_list(struct db *db, const char *problem, const char *user,
		       const char *verdict, int limit, struct db_submission **out, size_t *n)
{
	sqlite3_stmt *st;
	struct db_submission *v = NULL;
	size_t len = 0;
	int rc;

	if (db->pg)
		return dbpg_submission_list(db, problem, user, verdict, limit, out, n);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, &st, "SELECT " SUBMISSION_COLUMNS " FROM submissions "
		       "WHERE (?1 IS NULL OR problem = ?1) AND (?2 IS NULL OR user = ?2) "
		       "AND (?4 IS NULL OR (status = 'done' AND verdict = ?4)) "
		       "ORDER BY id DESC LIMIT ?3") < 0)
		return -1;
	db_bind_str(st, 1, problem);
	db_bind_str(st, 2, user);
	sqlite3_bind_int(st, 3, limit > 0 ? limit : -1);
	db_bind_str(st, 4, verdict);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (len + 1) * sizeof(*v));
		read_submission_row(st, &v[len++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_submission_list_free(v, len);
		return db_fail(db, "cannot list the submissions");
	}
	*out = v;
	*n = len;
	return 0;
}

int db_best_verdict(struct db *db, const char *problem, const char *user, int *verdict)
{
	sqlite3_stmt *st;
	const char *v;
	int rc;

	if (db->pg)
		return dbpg_best_verdict(db, problem, user, verdict);
	*verdict = -1;
	if (db_prepare(db, &st, "SELECT verdict FROM submissions WHERE problem = ? AND "
		       "user = ? AND status = 'done' "
		       "ORDER BY verdict = 'AC' DESC, passed DESC, id DESC LIMIT 1") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, user, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && (v = (const char *)sqlite3_column_text(st, 0)))
		*verdict = verdict_parse(v);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "cannot read the best verdict on '%s'", problem);
	return 0;
}
