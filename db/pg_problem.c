/* pg_problem.c: problems, their tests and catalogue contests on
 * PostgreSQL (db/problem.c's side of the PostgreSQL backend). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/pg_internal.h"
#include "lib/err.h"
#include "lib/util.h"

static void split_tags(const char *s, struct db_problem *p)
{
	const char *nl;

	while (*s) {
		nl = strchr(s, '\n');
		p->tags = xrealloc(p->tags, (p->ntags + 1) * sizeof(*p->tags));
		p->tags[p->ntags++] = nl ? xstrndup(s, (size_t)(nl - s)) : xstrdup(s);
		if (!nl)
			break;
		s = nl + 1;
	}
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

static enum db_contract pg_contract(const PGresult *r, int row, int col)
{
	int c = db_contract_parse(PQgetvalue(r, row, col));

	return c < 0 ? DB_CONTRACT_JUDGE : (enum db_contract)c;
}

static void read_problem_row(const PGresult *r, int i, struct db_problem *p)
{
	int c;

	memset(p, 0, sizeof(*p));
	p->id = pg_str(r, i, 0, 1);
	p->title = pg_str(r, i, 1, 1);
	p->folder = pg_str(r, i, 2, 1);
	p->position = (int)pg_ll(r, i, 3);
	p->time_limit_ms = (int)pg_ll(r, i, 4);
	p->memory_limit_mb = (int)pg_ll(r, i, 5);
	p->stack_limit_mb = (int)pg_ll(r, i, 6);
	p->output_limit_kb = (int)pg_ll(r, i, 7);
	c = db_checker_parse(PQgetvalue(r, i, 8));
	p->checker = c < 0 ? DB_CHECKER_EXACT : (enum db_checker)c;
	p->abs_tolerance = pg_dbl(r, i, 9);
	p->rel_tolerance = pg_dbl(r, i, 10);
	p->checker_file = pg_str(r, i, 11, 0);
	split_tags(PQgetvalue(r, i, 12), p);
	p->complexity = pg_str(r, i, 13, 1);
	snprintf(p->content_hash, sizeof(p->content_hash), "%s", PQgetvalue(r, i, 14));
	p->fingerprint = pg_str(r, i, 15, 1);
	p->retired = pg_bool(r, i, 16);
	p->test_count = (int)pg_ll(r, i, 17);
	p->checker_contract = pg_contract(r, i, 18);
	p->validator_contract = pg_contract(r, i, 19);
	p->interactor_file = pg_str(r, i, 20, 0);
	p->interactor_contract = pg_contract(r, i, 21);
	p->checker_args = pg_str(r, i, 22, 1);
	p->package = pg_str(r, i, 23, 1);
	p->time_limit_from = pg_str(r, i, 24, 1);
	p->validation_time_ms = (int)pg_ll(r, i, 25);
	p->validation_memory_mb = (int)pg_ll(r, i, 26);
	p->scoring = pg_bool(r, i, 27);
	p->generator_contract = pg_contract(r, i, 28);
}

static int load_tests(struct db *db, struct db_problem *p)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i, n;

	pgq_str(&q, p->id);
	r = pgq_run(db, &q, "SELECT id, ord, name, is_sample, hash, length(input), "
		    "length(answer), args, interaction, score FROM tests WHERE problem = $1 "
		    "ORDER BY ord",
		    "cannot read the tests of '%s'", p->id);
	if (!r)
		return -1;
	n = PQntuples(r);
	if (n > p->test_count)
		n = p->test_count;
	p->tests = xcalloc((size_t)p->test_count + 1, sizeof(*p->tests));
	for (i = 0; i < n; i++) {
		struct db_test *t = &p->tests[i];

		t->id = pg_ll(r, i, 0);
		t->ord = (int)pg_ll(r, i, 1);
		t->name = pg_str(r, i, 2, 1);
		t->is_sample = pg_bool(r, i, 3);
		snprintf(t->hash, sizeof(t->hash), "%s", PQgetvalue(r, i, 4));
		t->input_size = (size_t)pg_ll(r, i, 5);
		t->answer_size = (size_t)pg_ll(r, i, 6);
		t->args = pg_str(r, i, 7, 1);
		t->interaction = pg_str(r, i, 8, 0);
		t->score = pg_dbl(r, i, 9);
	}
	p->test_count = n;
	PQclear(r);
	return 0;
}

int dbpg_problem_get(struct db *db, const char *id, struct db_problem *p)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	memset(p, 0, sizeof(*p));
	pgq_str(&q, id);
	r = pgq_run(db, &q, "SELECT " PROBLEM_COLUMNS ", statement, checker_source, "
		    "interactor_source FROM problems WHERE id = $1", "cannot read problem '%s'", id);
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("unknown problem '%s'", id);
		return DB_NOTFOUND;
	}
	read_problem_row(r, 0, p);
	p->statement = pg_str(r, 0, PROBLEM_NCOLUMNS, 1);
	p->checker_source = pg_str(r, 0, PROBLEM_NCOLUMNS + 1, 0);
	p->interactor_source = pg_str(r, 0, PROBLEM_NCOLUMNS + 2, 0);
	PQclear(r);
	if (load_tests(db, p) < 0) {
		db_problem_release(p);
		return -1;
	}
	return 0;
}

int dbpg_problem_list(struct db *db, int include_retired,
		      struct db_problem **out, size_t *n)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i;

	*out = NULL;
	*n = 0;
	pgq_bool(&q, include_retired);
	r = pgq_run(db, &q, "SELECT " PROBLEM_COLUMNS " FROM problems "
		    "WHERE NOT retired OR $1 ORDER BY retired, position, id",
		    "cannot list the problems");
	if (!r)
		return -1;
	*out = xcalloc((size_t)PQntuples(r) + 1, sizeof(**out));
	for (i = 0; i < PQntuples(r); i++)
		read_problem_row(r, i, &(*out)[i]);
	*n = (size_t)PQntuples(r);
	PQclear(r);
	return 0;
}

int dbpg_test_data(struct db *db, long long test_id, struct buf *in, struct buf *ans)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;

	pgq_int(&q, test_id);
	/* binary results: the bytes as they are, no hex to decode */
	r = PQexecParams(db->pg->conn, "SELECT input, answer FROM tests WHERE id = $1",
			 q.n, NULL, q.val, q.len, q.fmt, 1);
	pgq_release(&q);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(r);
		/* run it again in text mode for the error text */
		q = (struct pgq)PGQ_INIT;
		pgq_int(&q, test_id);
		r = pgq_run(db, &q, "SELECT 1 FROM tests WHERE id = $1", "cannot read test %lld",
			    test_id);
		PQclear(r);
		return r ? err_set("cannot read test %lld", test_id) : -1;
	}
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("unknown test %lld", test_id);
		return DB_NOTFOUND;
	}
	if (in)
		buf_add(in, PQgetvalue(r, 0, 0), (size_t)PQgetlength(r, 0, 0));
	if (ans)
		buf_add(ans, PQgetvalue(r, 0, 1), (size_t)PQgetlength(r, 0, 1));
	PQclear(r);
	if ((in && in->truncated) || (ans && ans->truncated))
		return err_set("test %lld is larger than the buffer's cap", test_id);
	return 0;
}

/* ---- catalogue sync ---------------------------------------------------- */

static char *join_tags(const struct db_problem *p)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < p->ntags; i++) {
		if (i)
			buf_addch(&b, '\n');
		buf_addstr(&b, p->tags[i]);
	}
	buf_addstr(&b, "");
	return buf_detach(&b, NULL);
}

int dbpg_catalog_put_problem(struct db *db, const struct db_problem *p)
{
	struct pgq q = PGQ_INIT;
	char *tags = join_tags(p);
	time_t now;
	int rc;

	if (util_now(&now) < 0)
		now = time(NULL);
	pgq_str(&q, p->id);
	pgq_str(&q, p->title);
	pgq_str(&q, p->folder);
	pgq_int(&q, p->position);
	pgq_int(&q, p->time_limit_ms);
	pgq_int(&q, p->memory_limit_mb);
	pgq_int(&q, p->stack_limit_mb);
	pgq_int(&q, p->output_limit_kb);
	pgq_str(&q, db_checker_name(p->checker));
	pgq_dbl(&q, p->abs_tolerance);
	pgq_dbl(&q, p->rel_tolerance);
	pgq_str(&q, p->checker_file);
	pgq_str(&q, p->checker_source);
	pgq_str(&q, tags);
	pgq_str(&q, p->complexity ? p->complexity : "");
	pgq_str(&q, p->statement ? p->statement : "");
	pgq_str(&q, p->content_hash);
	pgq_str(&q, p->fingerprint ? p->fingerprint : "");
	pgq_int(&q, (long long)now);
	pgq_str(&q, db_contract_name(p->checker_contract));
	pgq_str(&q, db_contract_name(p->validator_contract));
	pgq_str(&q, p->interactor_file);
	pgq_str(&q, p->interactor_source);
	pgq_str(&q, db_contract_name(p->interactor_contract));
	pgq_str(&q, p->checker_args ? p->checker_args : "");
	pgq_str(&q, p->package ? p->package : "");
	pgq_str(&q, p->time_limit_from ? p->time_limit_from : "");
	pgq_int(&q, p->validation_time_ms);
	pgq_int(&q, p->validation_memory_mb);
	pgq_bool(&q, p->scoring);
	pgq_str(&q, db_contract_name(p->generator_contract));
	rc = pgq_do(db, &q, NULL,
		    "INSERT INTO problems (id, title, folder, position, time_limit_ms, "
		    "memory_limit_mb, stack_limit_mb, output_limit_kb, checker, abs_tolerance, "
		    "rel_tolerance, checker_file, checker_source, tags, complexity, statement, "
		    "content_hash, fingerprint, retired, updated_at, checker_contract, "
		    "validator_contract, interactor_file, interactor_source, "
		    "interactor_contract, checker_args, package, time_limit_from, "
		    "validation_time_ms, validation_memory_mb, scoring, generator_contract) "
		    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
		    "$16, $17, $18, false, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, "
		    "$29, $30, $31) "
		    "ON CONFLICT (id) DO UPDATE SET title = $2, folder = $3, position = $4, "
		    "time_limit_ms = $5, memory_limit_mb = $6, stack_limit_mb = $7, "
		    "output_limit_kb = $8, checker = $9, abs_tolerance = $10, "
		    "rel_tolerance = $11, checker_file = $12, checker_source = $13, "
		    "tags = $14, complexity = $15, statement = $16, content_hash = $17, "
		    "fingerprint = $18, retired = false, updated_at = $19, "
		    "checker_contract = $20, validator_contract = $21, interactor_file = $22, "
		    "interactor_source = $23, interactor_contract = $24, checker_args = $25, "
		    "package = $26, time_limit_from = $27, validation_time_ms = $28, "
		    "validation_memory_mb = $29, scoring = $30, generator_contract = $31",
		    "cannot store problem '%s'", p->id);
	free(tags);
	return rc;
}

int dbpg_catalog_clear_tests(struct db *db, const char *problem)
{
	struct pgq q = PGQ_INIT;

	pgq_str(&q, problem);
	return pgq_do(db, &q, NULL, "DELETE FROM tests WHERE problem = $1",
		      "cannot delete old tests");
}

int dbpg_catalog_add_test(struct db *db, const char *problem, const struct db_test *t,
			  const void *in, size_t inlen, const void *ans, size_t anslen)
{
	struct pgq q = PGQ_INIT;
	char hash[65];

	if (inlen > 0x7fffffff || anslen > 0x7fffffff)
		return err_set("test '%s' of '%s' is too large for the database", t->name, problem);
	db_test_hash(in, inlen, ans, anslen, hash);
	pgq_str(&q, problem);
	pgq_int(&q, t->ord);
	pgq_str(&q, t->name);
	pgq_bool(&q, t->is_sample);
	pgq_bin(&q, in, inlen);
	pgq_bin(&q, ans, anslen);
	pgq_str(&q, hash);
	pgq_str(&q, t->args ? t->args : "");
	pgq_str(&q, t->interaction);
	pgq_dbl(&q, t->score);
	return pgq_do(db, &q, NULL, "INSERT INTO tests (problem, ord, name, is_sample, input, "
		      "answer, hash, args, interaction, score) "
		      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
		      "cannot store test '%s' of '%s'", t->name, problem);
}

int dbpg_catalog_touch_problem(struct db *db, const char *problem, int position,
			       const char *fingerprint)
{
	struct pgq q = PGQ_INIT;

	pgq_int(&q, position);
	pgq_str(&q, fingerprint);
	pgq_str(&q, problem);
	return pgq_do(db, &q, NULL, "UPDATE problems SET position = $1, fingerprint = $2, "
		      "retired = false WHERE id = $3", "cannot update problem");
}

/* The ids as one PostgreSQL text array literal parameter, {"a","b"}. */
static void pgq_ids(struct pgq *q, char *const *ids, size_t n)
{
	struct buf b = BUF_INIT;
	const char *s;
	size_t i;

	buf_addch(&b, '{');
	for (i = 0; i < n; i++) {
		buf_addstr(&b, i ? ",\"" : "\"");
		for (s = ids[i]; *s; s++) {
			if (*s == '"' || *s == '\\')
				buf_addch(&b, '\\');
			buf_addch(&b, *s);
		}
		buf_addch(&b, '"');
	}
	buf_addstr(&b, "}");
	pgq_str(q, buf_str(&b));
	pgq_keep(q, buf_detach(&b, NULL));
}

int dbpg_catalog_retire_others(struct db *db, char *const *ids, size_t n, int *retired)
{
	struct pgq q = PGQ_INIT;
	long changed = 0;
	int rc;

	pgq_ids(&q, ids, n);
	rc = pgq_do(db, &q, &changed, "UPDATE problems SET retired = true "
		    "WHERE NOT retired AND NOT (id = ANY ($1::text[]))", "cannot retire");
	if (rc == 0 && retired)
		*retired = (int)changed;
	return rc;
}

int dbpg_catalog_retire_other_contests(struct db *db, char *const *ids, size_t n)
{
	struct pgq q = PGQ_INIT;

	pgq_ids(&q, ids, n);
	return pgq_do(db, &q, NULL, "UPDATE contests SET retired = true WHERE NOT retired "
		      "AND source = 'catalog' AND NOT (id = ANY ($1::text[]))", "cannot retire");
}

static int put_letters(struct db *db, const struct db_contest *c)
{
	struct pgq q = PGQ_INIT;
	char letter[8];
	size_t i;
	int rc = 0;

	for (i = 0; i < c->nproblems && rc == 0; i++) {
		snprintf(letter, sizeof(letter), "%c", (char)('A' + i));
		pgq_str(&q, c->id);
		pgq_str(&q, letter);
		pgq_str(&q, c->problems[i]);
		rc = pgq_do(db, &q, NULL, "INSERT INTO contest_problems (contest, letter, problem) "
			    "VALUES ($1, $2, $3)", "cannot store a problem of contest '%s'", c->id);
	}
	return rc;
}

int dbpg_catalog_put_contest(struct db *db, const struct db_contest *c)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	time_t now;
	int rc;

	if (util_now(&now) < 0)
		now = time(NULL);
	pgq_str(&q, c->id);
	r = pgq_run(db, &q, "SELECT source FROM contests WHERE id = $1",
		    "cannot read contest '%s'", c->id);
	if (!r)
		return -1;
	rc = PQntuples(r) > 0 && strcmp(PQgetvalue(r, 0, 0), "catalog");
	PQclear(r);
	if (rc)
		return err_set("contest '%s' already exists (made with 'judge contest'); "
			       "rename it in the catalogue", c->id);
	pgq_str(&q, c->id);
	pgq_str(&q, c->title);
	pgq_int(&q, c->duration_minutes);
	pgq_int(&q, c->freeze_minutes);
	pgq_int(&q, c->penalty_minutes);
	pgq_int(&q, (long long)now);
	if (pgq_do(db, &q, NULL, "INSERT INTO contests (id, title, duration_minutes, "
		   "freeze_minutes, penalty_minutes, source, created_at) "
		   "VALUES ($1, $2, $3, $4, $5, 'catalog', $6) "
		   "ON CONFLICT (id) DO UPDATE SET title = $2, duration_minutes = $3, "
		   "freeze_minutes = $4, penalty_minutes = $5, retired = false",
		   "cannot store a contest") < 0)
		return err_prefix("contest '%s'", c->id);
	pgq_str(&q, c->id);
	if (pgq_do(db, &q, NULL, "DELETE FROM contest_problems WHERE contest = $1",
		   "cannot update a contest's problems") < 0)
		return -1;
	return put_letters(db, c);
}

int dbpg_contest_get(struct db *db, const char *id, struct db_contest *c)
{
	struct pgq q = PGQ_INIT;
	PGresult *r;
	int i;

	memset(c, 0, sizeof(*c));
	pgq_str(&q, id);
	r = pgq_run(db, &q, "SELECT id, title, duration_minutes, freeze_minutes, "
		    "penalty_minutes, source, created_at, starts_at, retired "
		    "FROM contests WHERE id = $1", "cannot read contest '%s'", id);
	if (!r)
		return -1;
	if (PQntuples(r) == 0) {
		PQclear(r);
		err_set("unknown contest '%s'", id);
		return DB_NOTFOUND;
	}
	c->id = pg_str(r, 0, 0, 1);
	c->title = pg_str(r, 0, 1, 1);
	c->duration_minutes = (int)pg_ll(r, 0, 2);
	c->freeze_minutes = (int)pg_ll(r, 0, 3);
	c->penalty_minutes = (int)pg_ll(r, 0, 4);
	c->from_catalog = !strcmp(PQgetvalue(r, 0, 5), "catalog");
	c->created_at = (time_t)pg_ll(r, 0, 6);
	c->starts_at = (time_t)pg_ll(r, 0, 7);
	c->retired = pg_bool(r, 0, 8);
	PQclear(r);
	pgq_str(&q, id);
	r = pgq_run(db, &q, "SELECT problem FROM contest_problems WHERE contest = $1 "
		    "ORDER BY length(letter), letter",
		    "cannot read the problems of contest '%s'", id);
	if (!r) {
		db_contest_release(c);
		return -1;
	}
	c->nproblems = (size_t)PQntuples(r);
	c->problems = xcalloc(c->nproblems + 1, sizeof(*c->problems));
	for (i = 0; i < PQntuples(r); i++)
		c->problems[i] = pg_str(r, i, 0, 1);
	PQclear(r);
	return 0;
}
