/* problem.c: problems, their tests and catalogue contests in the database:
 * the lookups every command uses and the writes of the catalogue sync. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"

static const char *const checker_names[DB_CHECKER_COUNT] = {
	"exact", "tokens", "float", "unordered-lines", "regex", "custom",
};

const char *db_checker_name(enum db_checker c)
{
	return (unsigned)c < DB_CHECKER_COUNT ? checker_names[c] : "?";
}

int db_checker_parse(const char *s)
{
	int i;

	for (i = 0; i < DB_CHECKER_COUNT; i++)
		if (!strcmp(s, checker_names[i]))
			return i;
	return -1;
}

static const char *const contract_names[] = { "judge", "kattis", "testlib" };

const char *db_contract_name(enum db_contract c)
{
	return (unsigned)c < 3 ? contract_names[c] : "?";
}

int db_contract_parse(const char *s)
{
	int i;

	for (i = 0; s && i < 3; i++)
		if (!strcmp(s, contract_names[i]))
			return i;
	return -1;
}

void db_test_hash(const void *in, size_t inlen, const void *ans, size_t anslen,
		  char out[65])
{
	struct util_sha256 h;
	char n[32];

	util_sha256_init(&h);
	snprintf(n, sizeof(n), "%zu:", inlen);
	util_sha256_update(&h, n, strlen(n));
	util_sha256_update(&h, in, inlen);
	snprintf(n, sizeof(n), "%zu:", anslen);
	util_sha256_update(&h, n, strlen(n));
	util_sha256_update(&h, ans, anslen);
	util_sha256_final(&h, out);
}

static void free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

void db_problem_release(struct db_problem *p)
{
	size_t i;

	free(p->id);
	free(p->title);
	free(p->folder);
	free(p->checker_file);
	free(p->checker_source);
	free(p->interactor_file);
	free(p->interactor_source);
	free_strv(p->tags, p->ntags);
	free(p->complexity);
	free(p->statement);
	free(p->fingerprint);
	free(p->checker_args);
	free(p->package);
	free(p->time_limit_from);
	for (i = 0; p->tests && i < (size_t)p->test_count; i++) {
		free(p->tests[i].name);
		free(p->tests[i].args);
		free(p->tests[i].interaction);
	}
	free(p->tests);
	memset(p, 0, sizeof(*p));
}

void db_problem_list_free(struct db_problem *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		db_problem_release(&v[i]);
	free(v);
}

/* Tags are stored joined with newlines (the catalogue forbids newlines in
 * a tag). */
static void split_tags(const char *s, struct db_problem *p)
{
	const char *nl;

	p->tags = NULL;
	p->ntags = 0;
	while (*s) {
		nl = strchr(s, '\n');
		p->tags = xrealloc(p->tags, (p->ntags + 1) * sizeof(*p->tags));
		p->tags[p->ntags++] = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
		if (!nl)
			break;
		s = nl + 1;
	}
}

static char *join_tags(const struct db_problem *p)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < p->ntags; i++) {
		if (i)
			buf_addch(&b, '\n');
		buf_addstr(&b, p->tags[i]);
	}
	return buf_detach(&b, NULL);
}

#define PROBLEM_COLUMNS \
	"id, title, folder, position, time_limit_ms, memory_limit_mb, " \
	"stack_limit_mb, output_limit_kb, checker, abs_tolerance, rel_tolerance, " \
	"checker_file, tags, complexity, content_hash, fingerprint, retired, " \
	"(SELECT count(*) FROM tests t WHERE t.problem = problems.id), " \
	"checker_contract, validator_contract, interactor_file, interactor_contract, " \
	"checker_args, package, time_limit_from, validation_time_ms, " \
	"validation_memory_mb, scoring, generator_contract"
#define PROBLEM_NCOLUMNS 29

static enum db_contract col_contract(sqlite3_stmt *st, int i)
{
	int c = db_contract_parse((const char *)sqlite3_column_text(st, i));

	return c < 0 ? DB_CONTRACT_JUDGE : (enum db_contract)c;
}

static void read_problem_row(sqlite3_stmt *st, struct db_problem *p)
{
	const char *hash, *tags;
	int c;

	p->id = db_col_str(st, 0, 1);
	p->title = db_col_str(st, 1, 1);
	p->folder = db_col_str(st, 2, 1);
	p->position = sqlite3_column_int(st, 3);
	p->time_limit_ms = sqlite3_column_int(st, 4);
	p->memory_limit_mb = sqlite3_column_int(st, 5);
	p->stack_limit_mb = sqlite3_column_int(st, 6);
	p->output_limit_kb = sqlite3_column_int(st, 7);
	c = db_checker_parse((const char *)sqlite3_column_text(st, 8));
	p->checker = c < 0 ? DB_CHECKER_EXACT : (enum db_checker)c;
	p->abs_tolerance = sqlite3_column_double(st, 9);
	p->rel_tolerance = sqlite3_column_double(st, 10);
	p->checker_file = db_col_str(st, 11, 0);
	tags = (const char *)sqlite3_column_text(st, 12);
	split_tags(tags ? tags : "", p);
	p->complexity = db_col_str(st, 13, 1);
	hash = (const char *)sqlite3_column_text(st, 14);
	snprintf(p->content_hash, sizeof(p->content_hash), "%s", hash ? hash : "");
	p->fingerprint = db_col_str(st, 15, 1);
	p->retired = sqlite3_column_int(st, 16);
	p->test_count = sqlite3_column_int(st, 17);
	p->checker_contract = col_contract(st, 18);
	p->validator_contract = col_contract(st, 19);
	p->interactor_file = db_col_str(st, 20, 0);
	p->interactor_contract = col_contract(st, 21);
	p->checker_args = db_col_str(st, 22, 1);
	p->package = db_col_str(st, 23, 1);
	p->time_limit_from = db_col_str(st, 24, 1);
	p->validation_time_ms = sqlite3_column_int(st, 25);
	p->validation_memory_mb = sqlite3_column_int(st, 26);
	p->scoring = sqlite3_column_int(st, 27);
	p->generator_contract = col_contract(st, 28);
}

static int load_tests(struct db *db, struct db_problem *p)
{
	sqlite3_stmt *st;
	const char *hash;
	int rc, n = 0;

	if (db_prepare(db, &st, "SELECT id, ord, name, is_sample, hash, length(input), "
		       "length(answer), args, interaction, score FROM tests WHERE problem = ? ORDER BY ord") < 0)
		return -1;
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	p->tests = xcalloc((size_t)p->test_count + 1, sizeof(*p->tests));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < p->test_count) {
		struct db_test *t = &p->tests[n++];

		t->id = sqlite3_column_int64(st, 0);
		t->ord = sqlite3_column_int(st, 1);
		t->name = db_col_str(st, 2, 1);
		t->is_sample = sqlite3_column_int(st, 3);
		hash = (const char *)sqlite3_column_text(st, 4);
		snprintf(t->hash, sizeof(t->hash), "%s", hash ? hash : "");
		t->input_size = (size_t)sqlite3_column_int64(st, 5);
		t->answer_size = (size_t)sqlite3_column_int64(st, 6);
		t->args = db_col_str(st, 7, 1);
		t->interaction = db_col_str(st, 8, 0);
		t->score = sqlite3_column_double(st, 9);
	}
	p->test_count = n;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, "cannot read the tests of '%s'", p->id);
	}
	sqlite3_finalize(st);
	return 0;
}

int db_problem_get(struct db *db, const char *id, struct db_problem *p)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_problem_get(db, id, p);
	memset(p, 0, sizeof(*p));
	if (db_prepare(db, &st, "SELECT " PROBLEM_COLUMNS ", statement, checker_source, interactor_source "
		       "FROM problems WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		read_problem_row(st, p);
		p->statement = db_col_str(st, PROBLEM_NCOLUMNS, 1);
		p->checker_source = db_col_str(st, PROBLEM_NCOLUMNS + 1, 0);
		p->interactor_source = db_col_str(st, PROBLEM_NCOLUMNS + 2, 0);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set("unknown problem '%s'", id);
		return DB_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, "cannot read problem '%s'", id);
	if (load_tests(db, p) < 0) {
		db_problem_release(p);
		return -1;
	}
	return 0;
}

int db_problem_list(struct db *db, int include_retired,
		    struct db_problem **out, size_t *n)
{
	sqlite3_stmt *st;
	struct db_problem *v = NULL;
	size_t len = 0;
	int rc;

	if (db->pg)
		return dbpg_problem_list(db, include_retired, out, n);
	*out = NULL;
	*n = 0;
	if (db_prepare(db, &st, "SELECT " PROBLEM_COLUMNS " FROM problems "
		       "WHERE retired = 0 OR ? ORDER BY retired, position, id") < 0)
		return -1;
	sqlite3_bind_int(st, 1, include_retired != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		v = xrealloc(v, (len + 1) * sizeof(*v));
		memset(&v[len], 0, sizeof(*v));
		read_problem_row(st, &v[len++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_problem_list_free(v, len);
		return db_fail(db, "cannot list the problems");
	}
	*out = v;
	*n = len;
	return 0;
}

char *db_problem_nearest(struct db *db, const char *id)
{
	return db_nearest_id(db, "SELECT id FROM problems WHERE NOT retired ORDER BY position", id);
}

int db_test_data(struct db *db, long long test_id, struct buf *in, struct buf *ans)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_test_data(db, test_id, in, ans);
	if (db_prepare(db, &st, "SELECT input, answer FROM tests WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_int64(st, 1, test_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		/* buf_add of zero bytes still makes the buffer a valid "" */
		if (in)
			buf_add(in, sqlite3_column_blob(st, 0) ? sqlite3_column_blob(st, 0) : "",
				(size_t)sqlite3_column_bytes(st, 0));
		if (ans)
			buf_add(ans, sqlite3_column_blob(st, 1) ? sqlite3_column_blob(st, 1) : "",
				(size_t)sqlite3_column_bytes(st, 1));
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set("unknown test %lld", test_id);
		return DB_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, "cannot read test %lld", test_id);
	if ((in && in->truncated) || (ans && ans->truncated))
		return err_set("test %lld is larger than the buffer's cap", test_id);
	return 0;
}

int db_test_write_files(struct db *db, long long test_id,
			const char *in_path, const char *ans_path)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	int rc;

	rc = db_test_data(db, test_id, in_path ? &in : NULL, ans_path ? &ans : NULL);
	if (rc == 0 && in_path && util_write_file(in_path, in.data ? in.data : "", in.len, 0644) < 0)
		rc = -1;
	if (rc == 0 && ans_path && util_write_file(ans_path, ans.data ? ans.data : "", ans.len, 0644) < 0)
		rc = -1;
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* ---- catalogue sync ---------------------------------------------------- */

int db_catalog_put_problem(struct db *db, const struct db_problem *p)
{
	sqlite3_stmt *st;
	char *tags;
	time_t now;
	int rc;

	if (db->pg)
		return dbpg_catalog_put_problem(db, p);
	if (util_now(&now) < 0)
		now = time(NULL);
	if (db_prepare(db, &st,
		       "INSERT INTO problems (id, title, folder, position, time_limit_ms, "
		       "memory_limit_mb, stack_limit_mb, output_limit_kb, checker, abs_tolerance, "
		       "rel_tolerance, checker_file, checker_source, tags, complexity, statement, "
		       "content_hash, fingerprint, retired, updated_at, checker_contract, "
		       "validator_contract, interactor_file, interactor_source, "
		       "interactor_contract, checker_args, package, time_limit_from, "
		       "validation_time_ms, validation_memory_mb, scoring, generator_contract) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, "
		       "?16, ?17, ?18, 0, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, "
		       "?30, ?31) "
		       "ON CONFLICT (id) DO UPDATE SET title = ?2, folder = ?3, position = ?4, "
		       "time_limit_ms = ?5, memory_limit_mb = ?6, stack_limit_mb = ?7, "
		       "output_limit_kb = ?8, checker = ?9, abs_tolerance = ?10, "
		       "rel_tolerance = ?11, checker_file = ?12, checker_source = ?13, "
		       "tags = ?14, complexity = ?15, statement = ?16, content_hash = ?17, "
		       "fingerprint = ?18, retired = 0, updated_at = ?19, checker_contract = ?20, "
		       "validator_contract = ?21, interactor_file = ?22, interactor_source = ?23, "
		       "interactor_contract = ?24, checker_args = ?25, package = ?26, "
		       "time_limit_from = ?27, validation_time_ms = ?28, "
		       "validation_memory_mb = ?29, scoring = ?30, generator_contract = ?31") < 0)
		return -1;
	tags = join_tags(p);
	sqlite3_bind_text(st, 1, p->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, p->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, p->folder, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, p->position);
	sqlite3_bind_int(st, 5, p->time_limit_ms);
	sqlite3_bind_int(st, 6, p->memory_limit_mb);
	sqlite3_bind_int(st, 7, p->stack_limit_mb);
	sqlite3_bind_int(st, 8, p->output_limit_kb);
	sqlite3_bind_text(st, 9, db_checker_name(p->checker), -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 10, p->abs_tolerance);
	sqlite3_bind_double(st, 11, p->rel_tolerance);
	db_bind_str(st, 12, p->checker_file);
	db_bind_str(st, 13, p->checker_source);
	sqlite3_bind_text(st, 14, tags, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 15, p->complexity ? p->complexity : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 16, p->statement ? p->statement : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 17, p->content_hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 18, p->fingerprint ? p->fingerprint : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 19, (long long)now);
	sqlite3_bind_text(st, 20, db_contract_name(p->checker_contract), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 21, db_contract_name(p->validator_contract), -1, SQLITE_STATIC);
	db_bind_str(st, 22, p->interactor_file);
	db_bind_str(st, 23, p->interactor_source);
	sqlite3_bind_text(st, 24, db_contract_name(p->interactor_contract), -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 25, p->checker_args ? p->checker_args : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 26, p->package ? p->package : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 27, p->time_limit_from ? p->time_limit_from : "", -1,
			  SQLITE_STATIC);
	sqlite3_bind_int(st, 28, p->validation_time_ms);
	sqlite3_bind_int(st, 29, p->validation_memory_mb);
	sqlite3_bind_int(st, 30, p->scoring);
	sqlite3_bind_text(st, 31, db_contract_name(p->generator_contract), -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : db_fail(db, "cannot store problem '%s'", p->id);
	sqlite3_finalize(st);
	free(tags);
	return rc;
}

int db_catalog_clear_tests(struct db *db, const char *problem)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_catalog_clear_tests(db, problem);
	if (db_prepare(db, &st, "DELETE FROM tests WHERE problem = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	rc = db_step_done(db, st, "cannot delete old tests");
	sqlite3_finalize(st);
	return rc;
}

int db_catalog_add_test(struct db *db, const char *problem, const struct db_test *t,
			const void *in, size_t inlen, const void *ans, size_t anslen)
{
	sqlite3_stmt *st;
	char hash[65];
	int rc;

	if (db->pg)
		return dbpg_catalog_add_test(db, problem, t, in, inlen, ans, anslen);
	if (inlen > 0x7fffffff || anslen > 0x7fffffff)
		return err_set("test '%s' of '%s' is too large for the database", t->name, problem);
	db_test_hash(in, inlen, ans, anslen, hash);
	if (db_prepare(db, &st, "INSERT INTO tests (problem, ord, name, is_sample, input, "
		       "answer, hash, args, interaction, score) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)") < 0)
		return -1;
	sqlite3_bind_text(st, 1, problem, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, t->ord);
	sqlite3_bind_text(st, 3, t->name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, t->is_sample != 0);
	sqlite3_bind_blob(st, 5, inlen ? in : "", (int)inlen, SQLITE_STATIC);
	sqlite3_bind_blob(st, 6, anslen ? ans : "", (int)anslen, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, hash, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 8, t->args ? t->args : "", -1, SQLITE_STATIC);
	db_bind_str(st, 9, t->interaction);
	sqlite3_bind_double(st, 10, t->score);
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 :
		db_fail(db, "cannot store test '%s' of '%s'", t->name, problem);
	sqlite3_finalize(st);
	return rc;
}

int db_catalog_touch_problem(struct db *db, const char *problem, int position,
			     const char *fingerprint)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_catalog_touch_problem(db, problem, position, fingerprint);
	if (db_prepare(db, &st, "UPDATE problems SET position = ?, fingerprint = ?, "
		       "retired = 0 WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_int(st, 1, position);
	sqlite3_bind_text(st, 2, fingerprint, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, problem, -1, SQLITE_STATIC);
	rc = db_step_done(db, st, "cannot update problem");
	sqlite3_finalize(st);
	return rc;
}

/* Set retired = 1 on the active rows of table (with a source filter for
 * contests) whose id is not in ids; counts them in *count. */
static int retire_others(struct db *db, const char *select_sql, const char *update_sql,
			 char *const *ids, size_t n, int *count)
{
	sqlite3_stmt *sel, *upd;
	const char *id;
	size_t i;
	int rc, keep, retired = 0;

	if (db_prepare(db, &sel, select_sql) < 0)
		return -1;
	if (db_prepare(db, &upd, update_sql) < 0) {
		sqlite3_finalize(sel);
		return -1;
	}
	while ((rc = sqlite3_step(sel)) == SQLITE_ROW) {
		id = (const char *)sqlite3_column_text(sel, 0);
		for (keep = 0, i = 0; id && i < n && !keep; i++)
			keep = !strcmp(ids[i], id);
		if (keep || !id)
			continue;
		sqlite3_bind_text(upd, 1, id, -1, SQLITE_TRANSIENT);
		if (db_step_done(db, upd, "cannot retire") < 0)
			break;
		sqlite3_reset(upd);
		retired++;
	}
	sqlite3_finalize(upd);
	sqlite3_finalize(sel);
	if (rc != SQLITE_DONE) {
		if (rc != SQLITE_ROW)
			db_fail(db, "cannot read what to retire");
		return -1;
	}
	if (count)
		*count = retired;
	return 0;
}

int db_catalog_retire_others(struct db *db, char *const *ids, size_t n, int *retired)
{
	if (db->pg)
		return dbpg_catalog_retire_others(db, ids, n, retired);
	return retire_others(db, "SELECT id FROM problems WHERE retired = 0",
			     "UPDATE problems SET retired = 1 WHERE id = ?", ids, n, retired);
}

int db_catalog_retire_other_contests(struct db *db, char *const *ids, size_t n)
{
	if (db->pg)
		return dbpg_catalog_retire_other_contests(db, ids, n);
	return retire_others(db, "SELECT id FROM contests WHERE retired = 0 AND source = 'catalog'",
			     "UPDATE contests SET retired = 1 WHERE id = ?", ids, n, NULL);
}

void db_contest_release(struct db_contest *c)
{
	free(c->id);
	free(c->title);
	free_strv(c->problems, c->nproblems);
	memset(c, 0, sizeof(*c));
}

int db_catalog_put_contest(struct db *db, const struct db_contest *c)
{
	sqlite3_stmt *st = NULL;
	char letter[8];
	time_t now;
	size_t i;
	int rc;

	if (db->pg)
		return dbpg_catalog_put_contest(db, c);
	if (util_now(&now) < 0)
		now = time(NULL);
	if (db_prepare(db, &st, "SELECT source FROM contests WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "catalog")) {
		sqlite3_finalize(st);
		return err_set("contest '%s' already exists (made with 'judge contest'); "
			       "rename it in the catalogue", c->id);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "cannot read contest '%s'", c->id);

	rc = db_prepare(db, &st,
			"INSERT INTO contests (id, title, duration_minutes, freeze_minutes, "
			"penalty_minutes, source, created_at) VALUES (?1, ?2, ?3, ?4, ?5, 'catalog', ?6) "
			"ON CONFLICT (id) DO UPDATE SET title = ?2, duration_minutes = ?3, "
			"freeze_minutes = ?4, penalty_minutes = ?5, retired = 0");
	if (rc < 0)
		return -1;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, c->title, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, c->duration_minutes);
	sqlite3_bind_int(st, 4, c->freeze_minutes);
	sqlite3_bind_int(st, 5, c->penalty_minutes);
	sqlite3_bind_int64(st, 6, (long long)now);
	rc = db_step_done(db, st, "cannot store a contest");
	sqlite3_finalize(st);
	if (rc < 0)
		return err_prefix("contest '%s'", c->id);

	if (db_prepare(db, &st, "DELETE FROM contest_problems WHERE contest = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
	rc = db_step_done(db, st, "cannot update a contest's problems");
	sqlite3_finalize(st);
	if (rc < 0)
		return -1;
	if (db_prepare(db, &st, "INSERT INTO contest_problems (contest, letter, problem) "
		       "VALUES (?, ?, ?)") < 0)
		return -1;
	for (i = 0; i < c->nproblems && rc == 0; i++) {
		snprintf(letter, sizeof(letter), "%c", (char)('A' + i));
		sqlite3_bind_text(st, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, letter, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, c->problems[i], -1, SQLITE_STATIC);
		rc = db_step_done(db, st, "cannot store a contest's problem");
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return rc;
}

int db_contest_get(struct db *db, const char *id, struct db_contest *c)
{
	sqlite3_stmt *st;
	int rc;

	if (db->pg)
		return dbpg_contest_get(db, id, c);
	memset(c, 0, sizeof(*c));
	if (db_prepare(db, &st, "SELECT id, title, duration_minutes, freeze_minutes, "
		       "penalty_minutes, source, created_at, starts_at, retired "
		       "FROM contests WHERE id = ?") < 0)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		c->id = db_col_str(st, 0, 1);
		c->title = db_col_str(st, 1, 1);
		c->duration_minutes = sqlite3_column_int(st, 2);
		c->freeze_minutes = sqlite3_column_int(st, 3);
		c->penalty_minutes = sqlite3_column_int(st, 4);
		c->from_catalog = !strcmp((const char *)sqlite3_column_text(st, 5), "catalog");
		c->created_at = (time_t)sqlite3_column_int64(st, 6);
		c->starts_at = (time_t)sqlite3_column_int64(st, 7);
		c->retired = sqlite3_column_int(st, 8);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE) {
		err_set("unknown contest '%s'", id);
		return DB_NOTFOUND;
	}
	if (rc != SQLITE_ROW)
		return db_fail(db, "cannot read contest '%s'", id);
	if (db_prepare(db, &st, "SELECT problem FROM contest_problems WHERE contest = ? "
		       "ORDER BY length(letter), letter") < 0)
		goto fail;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->problems = xrealloc(c->problems, (c->nproblems + 1) * sizeof(*c->problems));
		c->problems[c->nproblems++] = db_col_str(st, 0, 1);
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return 0;
	db_fail(db, "cannot read the problems of contest '%s'", id);
fail:
	db_contest_release(c);
	return -1;
}
