/* test_db.c: unit tests for db/: opening and migrating, the catalogue
 * writes and lookups, transactions, the submission lifecycle, reaping the
 * rows of a dead writer, and concurrent writers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/db_internal.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

int unit_db(void);

struct fixture {
	char dir[64];
	char *path;
	struct db *db;
};

static int setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	snprintf(f->dir, sizeof(f->dir), "/tmp/judge-unit-db.XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	f->path = xasprintf("%s/sub/dir/judge.db", f->dir);
	f->db = db_open(f->path);
	if (!f->db) {
		fprintf(stderr, "db_open: %s\n", err_msg());
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	db_close(f->db);
	util_rmtree(f->dir);
	free(f->path);
	free(f);
	return 0;
}

/* Store problem id with two tests ("b-2", "a-sample"), in one transaction. */
static void put_problem(struct db *db, const char *id, int custom)
{
	char *tags[] = { "math", "greedy" };
	struct db_problem p = DB_PROBLEM_INIT;
	struct db_test t = { 0 };

	p.id = (char *)id;
	p.title = "Title";
	p.folder = "problems/x";
	p.time_limit_ms = 1000;
	p.memory_limit_mb = 256;
	p.stack_limit_mb = 64;
	p.output_limit_kb = 65536;
	p.checker = custom ? DB_CHECKER_CUSTOM : DB_CHECKER_FLOAT;
	p.abs_tolerance = 1e-3;
	p.rel_tolerance = 1e-4;
	p.checker_file = custom ? "chk.c" : NULL;
	p.checker_source = custom ? "int main(void) { return 0; }\n" : NULL;
	p.tags = tags;
	p.ntags = 2;
	p.complexity = "O(n)";
	p.statement = "# Title\n";
	strcpy(p.content_hash, "hash-1");
	p.fingerprint = "fp";
	assert_int_equal(db_tx_begin(db), 0);
	assert_int_equal(db_catalog_put_problem(db, &p), 0);
	assert_int_equal(db_catalog_clear_tests(db, id), 0);
	t.ord = 1;
	t.name = "a-sample";
	t.is_sample = 1;
	assert_int_equal(db_catalog_add_test(db, id, &t, "1 2\n", 4, "3\n", 2), 0);
	t.ord = 2;
	t.name = "b-2";
	t.is_sample = 0;
	assert_int_equal(db_catalog_add_test(db, id, &t, "x\0y", 3, "", 0), 0);
	assert_int_equal(db_tx_commit(db), 0);
}

static void open_creates_and_migrates(void **state)
{
	struct fixture *f = *state;
	char *v;

	assert_true(db_schema_version() >= 1);
	assert_string_equal(db_path(f->db), f->path);
	assert_int_equal(db_meta_set(f->db, "k", "one"), 0);
	assert_int_equal(db_meta_set(f->db, "k", "two"), 0);
	db_close(f->db);
	f->db = db_open(f->path); /* reopening migrates nothing and keeps data */
	assert_non_null(f->db);
	assert_int_equal(db_meta_get(f->db, "k", &v), 0);
	assert_string_equal(v, "two");
	free(v);
	assert_int_equal(db_meta_get(f->db, "absent", &v), 0);
	assert_null(v);
}

static void newer_schema_refused(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(db_exec(f->db, "PRAGMA user_version = 999"), 0);
	db_close(f->db);
	f->db = db_open(f->path);
	assert_null(f->db);
	assert_non_null(strstr(err_msg(), "newer than this judge"));
	f->db = db_open(f->path);   /* still refused, file untouched */
	assert_null(f->db);
	{
		struct db *h = xcalloc(1, sizeof(*h));

		/* put it back so teardown can close something sensible */
		assert_int_equal(sqlite3_open(f->path, &h->h), SQLITE_OK);
		h->path = xstrdup(f->path);
		assert_int_equal(db_exec(h, "PRAGMA user_version = 1"), 0);
		f->db = h;
	}
}

static void problem_roundtrip(void **state)
{
	struct fixture *f = *state;
	struct db_problem p, *v;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	char hash[65], *near, *ids[] = { "beta" };
	size_t n;
	int retired;

	put_problem(f->db, "alpha", 0);
	put_problem(f->db, "beta", 1);
	assert_int_equal(db_problem_get(f->db, "alpha", &p), 0);
	assert_string_equal(p.title, "Title");
	assert_int_equal(p.stack_limit_mb, 64);
	assert_int_equal(p.checker, DB_CHECKER_FLOAT);
	assert_true(p.abs_tolerance == 1e-3 && p.rel_tolerance == 1e-4);
	assert_null(p.checker_source);
	assert_int_equal(p.ntags, 2);
	assert_string_equal(p.tags[1], "greedy");
	assert_string_equal(p.complexity, "O(n)");
	assert_string_equal(p.statement, "# Title\n");
	assert_string_equal(p.content_hash, "hash-1");
	assert_int_equal(p.test_count, 2);
	assert_string_equal(p.tests[0].name, "a-sample");
	assert_true(p.tests[0].is_sample);
	assert_int_equal(p.tests[1].input_size, 3);
	db_test_hash("1 2\n", 4, "3\n", 2, hash);
	assert_string_equal(p.tests[0].hash, hash);
	assert_int_equal(db_test_data(f->db, p.tests[1].id, &in, &ans), 0);
	assert_int_equal(in.len, 3);
	assert_memory_equal(in.data, "x\0y", 3);
	assert_int_equal(ans.len, 0);
	assert_string_equal(buf_str(&ans), "");
	assert_int_equal(db_test_data(f->db, 999999, &in, NULL), DB_NOTFOUND);
	db_problem_release(&p);

	assert_int_equal(db_problem_get(f->db, "beta", &p), 0);
	assert_int_equal(p.checker, DB_CHECKER_CUSTOM);
	assert_string_equal(p.checker_file, "chk.c");
	assert_string_equal(p.checker_source, "int main(void) { return 0; }\n");
	db_problem_release(&p);
	assert_int_equal(db_problem_get(f->db, "gamma", &p), DB_NOTFOUND);
	assert_string_equal(err_msg(), "unknown problem 'gamma'");

	near = db_problem_nearest(f->db, "alpah");
	assert_string_equal(near, "alpha");
	free(near);
	assert_null(db_problem_nearest(f->db, "zzzzzzzz"));

	/* retiring hides from lists and suggestions but keeps the row */
	assert_int_equal(db_tx_begin(f->db), 0);
	assert_int_equal(db_catalog_retire_others(f->db, ids, 1, &retired), 0);
	assert_int_equal(db_tx_commit(f->db), 0);
	assert_int_equal(retired, 1);
	assert_int_equal(db_problem_list(f->db, 0, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0].id, "beta");
	assert_int_equal(v[0].test_count, 2);
	assert_null(v[0].statement);
	db_problem_list_free(v, n);
	assert_int_equal(db_problem_list(f->db, 1, &v, &n), 0);
	assert_int_equal(n, 2);
	db_problem_list_free(v, n);
	assert_null(db_problem_nearest(f->db, "alpha"));
	assert_int_equal(db_problem_get(f->db, "alpha", &p), 0);
	assert_true(p.retired);
	db_problem_release(&p);
	put_problem(f->db, "alpha", 0); /* back in the catalogue */
	assert_int_equal(db_problem_get(f->db, "alpha", &p), 0);
	assert_false(p.retired);
	db_problem_release(&p);
	buf_release(&in);
	buf_release(&ans);
}

static void rollback_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct db_problem p = DB_PROBLEM_INIT;

	p.id = "ghost";
	p.title = p.folder = p.statement = p.complexity = "x";
	p.time_limit_ms = p.memory_limit_mb = p.stack_limit_mb = p.output_limit_kb = 1;
	p.checker = DB_CHECKER_EXACT;
	assert_int_equal(db_tx_begin(f->db), 0);
	assert_int_equal(db_tx_begin(f->db), -1); /* not nestable */
	assert_int_equal(db_catalog_put_problem(f->db, &p), 0);
	err_set("the reason");
	db_tx_rollback(f->db);
	assert_string_equal(err_msg(), "the reason");
	assert_int_equal(db_problem_get(f->db, "ghost", &p), DB_NOTFOUND);

	/* a constraint violation is an error with SQLite's text, not a crash */
	p.id = "ghost";
	p.title = p.folder = p.statement = p.complexity = "x";
	p.memory_limit_mb = p.stack_limit_mb = p.output_limit_kb = 1;
	p.time_limit_ms = 0;
	assert_int_equal(db_tx_begin(f->db), 0);
	assert_int_equal(db_catalog_put_problem(f->db, &p), -1);
	assert_non_null(strstr(err_msg(), "CHECK constraint failed"));
	db_tx_rollback(f->db);
}

static void submission_lifecycle(void **state)
{
	struct fixture *f = *state;
	struct db_submission s = DB_SUBMISSION_INIT, g, *v;
	struct db_result r = { 0 };
	char hash[65];
	long long id;
	size_t n;
	int best;

	put_problem(f->db, "alpha", 0);
	s.problem = "alpha";
	s.user = "ana";
	s.source = "int main(void) { return 0; }\n";
	s.submitted_at = 1796119200;
	assert_int_equal(db_submission_create(f->db, &s, &id), 0);
	assert_true(id > 0 && s.id == id);
	util_sha256_hex(s.source, strlen(s.source), hash);
	assert_string_equal(s.source_hash, hash);
	assert_int_equal(db_best_verdict(f->db, "alpha", "ana", &best), 0);
	assert_int_equal(best, -1); /* running does not count */

	r.ord = 1; r.name = "a-sample"; r.verdict = V_AC; r.time_ms = 5; r.wall_ms = 7;
	r.memory_kb = 900; r.exit_code = 0; r.message = "";
	assert_int_equal(db_result_add(f->db, id, &r), 0);
	r.ord = 2; r.name = "b-2"; r.verdict = V_RE; r.exit_code = -1; r.signal = "SIGSEGV";
	r.message = "killed by SIGSEGV";
	assert_int_equal(db_result_add(f->db, id, &r), 0);
	assert_int_equal(db_result_add(f->db, id, &r), -1); /* same ord twice */

	s.verdict = V_RE; s.passed = 1; s.total = 2; s.time_ms = 5; s.memory_kb = 900;
	s.compile_ok = 1; s.compile_time_ms = 120; s.compile_message = "warning: x";
	assert_int_equal(db_submission_finish(f->db, &s), 0);
	assert_int_equal(db_submission_finish(f->db, &s), -1); /* only once */
	assert_non_null(strstr(err_msg(), "not running"));
	assert_int_equal(db_result_add(f->db, id, &r), -1);  /* not after the end */

	assert_int_equal(db_submission_get(f->db, id, &g), 0);
	assert_false(g.running);
	assert_int_equal(g.verdict, V_RE);
	assert_int_equal(g.passed, 1);
	assert_int_equal(g.total, 2);
	assert_int_equal(g.submitted_at, 1796119200);
	assert_string_equal(g.source, s.source);
	assert_string_equal(g.compile_message, "warning: x");
	assert_int_equal(g.compile_time_ms, 120);
	assert_null(g.contest);
	assert_null(g.error);
	assert_int_equal(g.nresults, 2);
	assert_int_equal(g.results[0].exit_code, 0);
	assert_null(g.results[0].signal);
	assert_int_equal(g.results[1].verdict, V_RE);
	assert_int_equal(g.results[1].exit_code, -1);
	assert_string_equal(g.results[1].signal, "SIGSEGV");
	assert_string_equal(g.results[1].message, "killed by SIGSEGV");
	db_submission_release(&g);
	assert_int_equal(db_submission_get(f->db, id + 100, &g), DB_NOTFOUND);

	/* best: most passed tests, then AC over everything */
	assert_int_equal(db_best_verdict(f->db, "alpha", "ana", &best), 0);
	assert_int_equal(best, V_RE);
	s.id = 0; s.submitted_at = 0;
	assert_int_equal(db_submission_create(f->db, &s, NULL), 0);
	s.verdict = V_WA; s.passed = 0;
	assert_int_equal(db_submission_finish(f->db, &s), 0);
	assert_int_equal(db_best_verdict(f->db, "alpha", "ana", &best), 0);
	assert_int_equal(best, V_RE);
	s.id = 0;
	assert_int_equal(db_submission_create(f->db, &s, NULL), 0);
	s.verdict = V_AC; s.passed = 2;
	assert_int_equal(db_submission_finish(f->db, &s), 0);
	s.id = 0;
	assert_int_equal(db_submission_create(f->db, &s, NULL), 0);
	s.verdict = V_WA; s.passed = 1;
	assert_int_equal(db_submission_finish(f->db, &s), 0);
	assert_int_equal(db_best_verdict(f->db, "alpha", "ana", &best), 0);
	assert_int_equal(best, V_AC);
	assert_int_equal(db_best_verdict(f->db, "alpha", "bob", &best), 0);
	assert_int_equal(best, -1);

	/* history: newest first, filters */
	s.id = 0; s.user = "bob";
	assert_int_equal(db_submission_create(f->db, &s, NULL), 0);
	assert_int_equal(db_submission_list(f->db, NULL, NULL, NULL, 0, &v, &n), 0);
	assert_int_equal(n, 5);
	assert_true(v[0].id > v[1].id);
	assert_true(v[0].running);
	assert_null(v[0].source);
	db_submission_list_free(v, n);
	assert_int_equal(db_submission_list(f->db, "alpha", "ana", NULL, 2, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].user, "ana");
	db_submission_list_free(v, n);
	assert_int_equal(db_submission_list(f->db, "beta", NULL, NULL, 0, &v, &n), 0);
	assert_int_equal(n, 0);
	db_submission_list_free(v, n);

	/* the unknown problem is refused by the foreign key */
	s.id = 0; s.problem = "nope";
	assert_int_equal(db_submission_create(f->db, &s, NULL), -1);
	assert_non_null(strstr(err_msg(), "FOREIGN KEY"));
}

/* A child process records a running submission and dies without
 * finishing it: reaping marks it IE; the parent's own running one stays. */
static void reap_dead_writer(void **state)
{
	struct fixture *f = *state;
	struct db_submission s = DB_SUBMISSION_INIT, g;
	long long mine = 0;
	int status, count;
	size_t n;
	struct db_submission *v;
	pid_t pid;

	put_problem(f->db, "alpha", 0);
	s.problem = "alpha";
	s.user = "ana";
	s.source = "x";
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct db *db = db_open(f->path);

		_exit(db && db_submission_create(db, &s, NULL) == 0 ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	s.id = 0;
	assert_int_equal(db_submission_create(f->db, &s, &mine), 0);

	assert_int_equal(db_submissions_reap(f->db, &count), 0);
	assert_int_equal(count, 1);
	assert_int_equal(db_submission_list(f->db, NULL, NULL, NULL, 0, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[1].id + 1, v[0].id);
	assert_int_equal(db_submission_get(f->db, v[1].id, &g), 0);
	assert_false(g.running);
	assert_int_equal(g.verdict, V_IE);
	assert_non_null(g.error);
	assert_non_null(strstr(g.error, "ended before it finished"));
	db_submission_release(&g);
	db_submission_list_free(v, n);

	assert_int_equal(db_submission_get(f->db, mine, &g), 0);
	assert_true(g.running);      /* this process is alive */
	db_submission_release(&g);
	assert_int_equal(db_submissions_reap(f->db, &count), 0);
	assert_int_equal(count, 0);
	s.verdict = V_AC;
	s.id = mine;
	assert_int_equal(db_submission_finish(f->db, &s), 0);
}

/* Two processes writing at once: BEGIN IMMEDIATE and the busy timeout make
 * every write succeed, none lost. */
static void concurrent_writers(void **state)
{
	struct fixture *f = *state;
	struct db_submission *v;
	pid_t pids[2];
	int i, status;
	size_t n;

	put_problem(f->db, "alpha", 0);
	for (i = 0; i < 2; i++) {
		pids[i] = fork();
		assert_true(pids[i] >= 0);
		if (pids[i] == 0) {
			struct db *db = db_open(f->path);
			struct db_submission s = DB_SUBMISSION_INIT;
			struct db_result r = { .ord = 1, .name = "t", .verdict = V_AC };
			int k, bad = !db;

			for (k = 0; k < 25 && !bad; k++) {
				s.id = 0;
				s.problem = "alpha";
				s.user = i ? "bob" : "ana";
				s.source = "x";
				bad = db_submission_create(db, &s, NULL) < 0 ||
					db_result_add(db, s.id, &r) < 0;
				s.verdict = V_AC;
				bad = bad || db_submission_finish(db, &s) < 0;
			}
			if (bad)
				fprintf(stderr, "writer %d: %s\n", i, err_msg());
			db_close(db);
			_exit(bad);
		}
	}
	for (i = 0; i < 2; i++) {
		assert_int_equal(waitpid(pids[i], &status, 0), pids[i]);
		assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	assert_int_equal(db_submission_list(f->db, "alpha", NULL, NULL, 0, &v, &n), 0);
	assert_int_equal(n, 50);
	for (size_t k = 0; k < n; k++)
		assert_int_equal(v[k].verdict, V_AC);
	db_submission_list_free(v, n);
}

static void catalog_contests(void **state)
{
	struct fixture *f = *state;
	char *probs[] = { "beta", "alpha" }, *keep[] = { "other" };
	struct db_contest c = DB_CONTEST_INIT, g;

	put_problem(f->db, "alpha", 0);
	put_problem(f->db, "beta", 0);
	c.id = "cup";
	c.title = "Cup";
	c.duration_minutes = 60;
	c.freeze_minutes = 10;
	c.penalty_minutes = 20;
	c.problems = probs;
	c.nproblems = 2;
	assert_int_equal(db_tx_begin(f->db), 0);
	assert_int_equal(db_catalog_put_contest(f->db, &c), 0);
	assert_int_equal(db_tx_commit(f->db), 0);
	assert_int_equal(db_contest_get(f->db, "cup", &g), 0);
	assert_true(g.from_catalog);
	assert_int_equal(g.freeze_minutes, 10);
	assert_int_equal(g.nproblems, 2);
	assert_string_equal(g.problems[0], "beta");
	db_contest_release(&g);

	c.nproblems = 1; /* shrink it */
	assert_int_equal(db_tx_begin(f->db), 0);
	assert_int_equal(db_catalog_put_contest(f->db, &c), 0);
	assert_int_equal(db_catalog_retire_other_contests(f->db, keep, 1), 0);
	assert_int_equal(db_tx_commit(f->db), 0);
	assert_int_equal(db_contest_get(f->db, "cup", &g), 0);
	assert_int_equal(g.nproblems, 1);
	assert_true(g.retired);
	db_contest_release(&g);
	assert_int_equal(db_contest_get(f->db, "nope", &g), DB_NOTFOUND);
}

static void checker_names(void **state)
{
	int i;

	(void)state;
	for (i = 0; i < DB_CHECKER_COUNT; i++)
		assert_int_equal(db_checker_parse(db_checker_name((enum db_checker)i)), i);
	assert_int_equal(db_checker_parse("tokenz"), -1);
	assert_string_equal(db_checker_name(DB_CHECKER_UNORDERED_LINES), "unordered-lines");
}

int unit_db(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(open_creates_and_migrates, setup, teardown),
		cmocka_unit_test_setup_teardown(newer_schema_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(problem_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(rollback_leaves_nothing, setup, teardown),
		cmocka_unit_test_setup_teardown(submission_lifecycle, setup, teardown),
		cmocka_unit_test_setup_teardown(reap_dead_writer, setup, teardown),
		cmocka_unit_test_setup_teardown(concurrent_writers, setup, teardown),
		cmocka_unit_test_setup_teardown(catalog_contests, setup, teardown),
		cmocka_unit_test(checker_names),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
