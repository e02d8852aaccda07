/* test_regress.c: unit tests for the regress engine's pure parts
 * (judge/domain/regress.c): discovery and filters, margin flags, comparison with
 * earlier results, XML escaping and the JUnit document; and the storage of
 * runs (db/regress.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <unistd.h>
#include <cmocka.h>

#include "db/db.h"
#include "judge/domain/regress.h"
#include "lib/err.h"
#include "lib/util.h"

int unit_regress(void);

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/judge-unit-regress-XXXXXX";

	assert_non_null(mkdtemp(tmpl));
	return xstrdup(tmpl);
}

static void touch(const char *dir, const char *rel, const char *text)
{
	char *path = xasprintf("%s/%s", dir, rel), *d = xstrdup(path);

	*strrchr(d, '/') = 0;
	assert_int_equal(util_mkdirs(d, 0755), 0);
	assert_int_equal(util_write_file(path, text, strlen(text), 0644), 0);
	free(path);
	free(d);
}

static void discover_and_filter(void **state)
{
	struct regress_set set = REGRESS_SET_INIT;
	char *dir = tmpdir();
	char *pats[] = { "^b/", "ok" };
	char *bad[] = { "(" };

	(void)state;
	touch(dir, "b/wrong_answer/w.c", "x");
	touch(dir, "a/accepted/ok.c", "x");
	touch(dir, "a/accepted/notes.txt", "x");        /* not a .c file */
	touch(dir, "a/.hidden/h.c", "x");               /* hidden folder */
	touch(dir, "a/time_limit_exceeded/.swp.c", "x"); /* hidden file */
	touch(dir, "README.md", "x");                    /* not a folder */
	touch(dir, "a/weird/z.c", "x");                  /* unknown verdict folder */
	assert_int_equal(regress_discover(dir, &set), 0);
	assert_int_equal(set.n, 3);
	assert_string_equal(set.v[0].res.solution, "a/accepted/ok.c");
	assert_int_equal(set.v[0].res.expected, V_AC);
	assert_string_equal(set.v[0].res.problem, "a");
	assert_string_equal(set.v[1].res.solution, "a/weird/z.c");
	assert_int_equal(set.v[1].res.expected, -1);
	assert_string_equal(set.v[2].res.solution, "b/wrong_answer/w.c");
	assert_int_equal(set.v[2].res.expected, V_WA);

	assert_int_equal(regress_check_folders(&set, dir), -1);
	assert_non_null(strstr(err_msg(), "unknown verdict folder 'weird'"));
	assert_non_null(strstr(err_msg(), "time_limit_exceeded"));

	assert_int_equal(regress_filter(&set, bad, 1), -1);
	assert_non_null(strstr(err_msg(), "bad pattern '('"));
	assert_int_equal(regress_filter(&set, pats, 2), 0);
	assert_int_equal(set.n, 2);
	assert_string_equal(set.v[0].res.solution, "a/accepted/ok.c");
	assert_string_equal(set.v[1].res.solution, "b/wrong_answer/w.c");
	assert_int_equal(regress_check_folders(&set, dir), 0);
	regress_set_release(&set);

	assert_int_equal(util_rmtree(dir), 0);
	assert_int_equal(regress_discover(dir, &set), -1);
	assert_non_null(strstr(err_msg(), "no solutions folder"));
	free(dir);
}

static void slow_flag(void **state)
{
	struct db_regress_result r;
	char flag[40];

	(void)state;
	memset(&r, 0, sizeof(r));
	r.expected = r.got = V_AC;
	r.time_limit_ms = 1000;
	r.time_ms = 500;
	regress_flag_slow(&r, flag, sizeof(flag));
	assert_string_equal(flag, "");               /* exactly half: fine */
	r.time_ms = 620;
	regress_flag_slow(&r, flag, sizeof(flag));
	assert_string_equal(flag, "slow: 62% of limit");
	r.got = V_WA;                                  /* only accepted ones */
	regress_flag_slow(&r, flag, sizeof(flag));
	assert_string_equal(flag, "");
	r.got = V_AC;
	r.expected = V_TLE;
	regress_flag_slow(&r, flag, sizeof(flag));
	assert_string_equal(flag, "");
	r.expected = V_AC;
	r.time_limit_ms = 0;                           /* unknown limit */
	regress_flag_slow(&r, flag, sizeof(flag));
	assert_string_equal(flag, "");
}

static void item(struct regress_set *set, size_t i, const char *sol, int exp, int got,
		 int time_ms, const char *flag, int done)
{
	struct db_regress_result *r = &set->v[i].res;

	memset(&set->v[i], 0, sizeof(set->v[i]));
	r->solution = xstrdup(sol);
	r->problem = xstrndup(sol, strcspn(sol, "/"));
	r->expected = exp;
	r->got = got;
	r->match = exp == got;
	r->time_ms = time_ms;
	r->time_limit_ms = 1000;
	r->flag = xstrdup(flag);
	r->message = xstrdup("");
	set->v[i].done = done;
}

static void compare_kinds(void **state)
{
	struct regress_set set = REGRESS_SET_INIT;
	struct db_regress_result prev[8];
	struct regress_set pset = { NULL, 8, NULL, 0 };
	struct regress_diff *d;
	size_t n, i;

	(void)state;
	/* previous results, sorted by solution as db_regress_latest gives them */
	pset.v = xcalloc(8, sizeof(*pset.v));
	item(&pset, 0, "p/accepted/a.c", V_AC, V_AC, 10, "", 1);     /* newly failing */
	item(&pset, 1, "p/accepted/b.c", V_AC, V_WA, 10, "", 1);     /* newly passing */
	item(&pset, 2, "p/accepted/c.c", V_AC, V_AC, 100, "", 1);    /* time +400 */
	item(&pset, 3, "p/accepted/d.c", V_AC, V_AC, 100, "", 1);    /* time +50: same */
	item(&pset, 4, "p/accepted/e.c", V_AC, V_AC, 400, "", 1);    /* flag appears */
	item(&pset, 5, "p/gone/g.c", V_WA, V_WA, 0, "", 1);          /* gone */
	item(&pset, 6, "p/runtime_error/r.c", V_RE, V_WA, 0, "", 1); /* verdict WA -> TLE */
	item(&pset, 7, "p/zz/not-run.c", V_WA, V_WA, 0, "", 1);      /* not run now: not gone */
	for (i = 0; i < 8; i++)
		prev[i] = pset.v[i].res;

	set.n = 8;
	set.v = xcalloc(set.n, sizeof(*set.v));
	item(&set, 0, "p/accepted/a.c", V_AC, V_TLE, 1000, "", 1);
	item(&set, 1, "p/accepted/b.c", V_AC, V_AC, 10, "", 1);
	item(&set, 2, "p/accepted/c.c", V_AC, V_AC, 500, "", 1);
	item(&set, 3, "p/accepted/d.c", V_AC, V_AC, 150, "", 1);
	item(&set, 4, "p/accepted/e.c", V_AC, V_AC, 600, "slow: 60% of limit", 1);
	item(&set, 5, "p/new/n.c", V_WA, V_WA, 0, "", 1);
	item(&set, 6, "p/runtime_error/r.c", V_RE, V_TLE, 1000, "", 1);
	item(&set, 7, "p/zz/not-run.c", V_WA, V_WA, 0, "", 0);

	regress_compare(&set, prev, 8, 0, &d, &n);
	assert_int_equal(n, 7);
	assert_int_equal(d[0].kind, REGRESS_NEWLY_FAILING);
	assert_string_equal(d[0].solution, "p/accepted/a.c");
	assert_int_equal(d[0].before->got, V_AC);
	assert_int_equal(d[0].now->got, V_TLE);
	assert_int_equal(d[1].kind, REGRESS_NEWLY_PASSING);
	assert_string_equal(d[1].solution, "p/accepted/b.c");
	assert_int_equal(d[2].kind, REGRESS_VERDICT);
	assert_string_equal(d[2].solution, "p/runtime_error/r.c");
	assert_int_equal(d[3].kind, REGRESS_FLAG);
	assert_string_equal(d[3].solution, "p/accepted/e.c");
	assert_int_equal(d[4].kind, REGRESS_TIME);
	assert_string_equal(d[4].solution, "p/accepted/c.c");
	assert_int_equal(d[5].kind, REGRESS_NEW);
	assert_string_equal(d[5].solution, "p/new/n.c");
	assert_null(d[5].before);
	assert_int_equal(d[6].kind, REGRESS_GONE);
	assert_string_equal(d[6].solution, "p/gone/g.c");
	assert_null(d[6].now);
	assert_string_equal(regress_change_name(d[0].kind), "newly failing");
	free(d);

	/* a filtered run never reports solutions it did not select as gone */
	regress_compare(&set, prev, 8, 1, &d, &n);
	assert_int_equal(n, 6);
	assert_int_not_equal(d[n - 1].kind, REGRESS_GONE);
	free(d);

	/* nothing before: everything is new */
	regress_compare(&set, NULL, 0, 0, &d, &n);
	assert_int_equal(n, 7);
	for (i = 0; i < n; i++)
		assert_int_equal(d[i].kind, REGRESS_NEW);
	free(d);

	regress_set_release(&set);
	regress_set_release(&pset);
}

static void xml_escape(void **state)
{
	struct buf b = BUF_INIT;

	(void)state;
	regress_xml_escape(&b, "a<b>&\"c'\n\t\x01\x1b[31m\xff");
	assert_string_equal(buf_str(&b),
			    "a&lt;b&gt;&amp;&quot;c&apos;&#10;&#9;\\x01\\x1B[31m\xef\xbf\xbd");
	buf_release(&b);
}

static void junit_document(void **state)
{
	struct regress_set set = REGRESS_SET_INIT;
	struct buf b = BUF_INIT;
	const char *s;

	(void)state;
	set.n = 4;
	set.v = xcalloc(set.n, sizeof(*set.v));
	item(&set, 0, "p/accepted/ok.c", V_AC, V_AC, 5, "", 1);
	item(&set, 1, "p/time_limit_exceeded/t&t.c", V_TLE, V_AC, 5, "", 1);
	item(&set, 2, "p/accepted/ie.c", V_AC, V_IE, 0, "", 1);
	item(&set, 3, "p/accepted/not-run.c", V_AC, V_AC, 0, "", 0);
	free(set.v[1].res.message);
	set.v[1].res.message = xstrdup("got '<x>'");
	regress_junit(&b, &set, 1500, "2026-12-01T10:00:00");
	s = buf_str(&b);
	assert_non_null(strstr(s, "<testsuite name=\"judge regress\" tests=\"3\" "
			       "failures=\"1\" errors=\"1\" skipped=\"0\" time=\"1.500\" "
			       "timestamp=\"2026-12-01T10:00:00\">"));
	assert_non_null(strstr(s, "<testcase classname=\"p\" name=\"p/accepted/ok.c\""));
	assert_non_null(strstr(s, "name=\"p/time_limit_exceeded/t&amp;t.c\""));
	assert_non_null(strstr(s, "<failure message=\"expected TLE, got AC\" type=\"AC\">"));
	assert_non_null(strstr(s, "got &apos;&lt;x&gt;&apos;</failure>"));
	assert_non_null(strstr(s, "<error message=\"expected AC, got IE\""));
	assert_null(strstr(s, "not-run"));
	buf_release(&b);
	regress_set_release(&set);
}

static void store_and_read(void **state)
{
	char *dir = tmpdir(), *path = xasprintf("%s/t.db", dir);
	struct db *db = db_open(path);
	struct db_regress_run run, got;
	struct db_regress_result r[2], *v;
	size_t n;

	(void)state;
	assert_non_null(db);
	assert_int_equal(db_regress_run_before(db, LLONG_MAX, &got), DB_NOTFOUND);
	memset(&run, 0, sizeof(run));
	memset(r, 0, sizeof(r));
	run.started_at = 1000;
	run.finished_at = 1005;
	run.jobs = 2;
	run.total = 2;
	run.matched = 1;
	run.mismatched = 1;
	r[0].problem = "p";
	r[0].solution = "p/accepted/a.c";
	r[0].expected = V_AC;
	r[0].got = V_AC;
	r[0].match = 1;
	r[0].time_ms = 600;
	r[0].time_limit_ms = 1000;
	r[0].wall_ms = 77;
	r[0].message = "";
	r[0].flag = "slow: 60% of limit";
	r[1] = r[0];
	r[1].solution = "p/accepted/b.c";
	r[1].got = V_WA;
	r[1].match = 0;
	r[1].message = "test t1: wrong";
	r[1].flag = "";
	assert_int_equal(db_regress_store(db, &run, r, 2), 0);
	assert_true(run.id > 0);
	r[0].got = V_TLE;
	r[0].match = 0;
	run.id = 0;
	assert_int_equal(db_regress_store(db, &run, r, 1), 0);   /* a second run, a only */

	assert_int_equal(db_regress_run_before(db, LLONG_MAX, &got), 0);
	assert_int_equal(got.id, run.id);
	assert_int_equal(db_regress_run_before(db, run.id, &got), 0);
	assert_int_equal(got.jobs, 2);
	assert_int_equal(got.mismatched, 1);

	/* latest per solution: a from run 2, b from run 1 */
	assert_int_equal(db_regress_latest(db, LLONG_MAX, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0].solution, "p/accepted/a.c");
	assert_int_equal(v[0].got, V_TLE);
	assert_int_equal(v[0].run, run.id);
	assert_string_equal(v[0].flag, "slow: 60% of limit");
	assert_int_equal(v[0].wall_ms, 77);
	assert_string_equal(v[1].solution, "p/accepted/b.c");
	assert_string_equal(v[1].message, "test t1: wrong");
	assert_int_equal(v[1].got, V_WA);
	db_regress_results_free(v, n);
	/* before the second run: a as in run 1 */
	assert_int_equal(db_regress_latest(db, run.id, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_int_equal(v[0].got, V_AC);
	db_regress_results_free(v, n);

	db_close(db);
	util_rmtree(dir);
	free(dir);
	free(path);
}

int unit_regress(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(discover_and_filter),
		cmocka_unit_test(slow_flag),
		cmocka_unit_test(compare_kinds),
		cmocka_unit_test(xml_escape),
		cmocka_unit_test(junit_document),
		cmocka_unit_test(store_and_read),
	};

	return cmocka_run_group_tests_name("regress", tests, NULL, NULL);
}
