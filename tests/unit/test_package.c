/* test_package.c: unit tests for the pure parts of judge/domain/package.c
 * that real packages exercise: submissions.yaml globs (a name's "*", braces,
 * a folder covering what is in it) and the rules a submission gets (its
 * folder's default, replaced by the folder's own key, plus every glob). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "judge/domain/compile.h"
#include "judge/domain/package.h"
#include "lib/err.h"
#include "lib/util.h"

/* problemtools' validate.h, inlined into the validator, makes g++ warn
 * "#pragma once in main file"; when the compile is then stopped by its time
 * limit (bits/stdc++.h on a loaded machine), the limit is the reason given. */
static void compile_stopped_by_a_limit(void **state)
{
	char *why = compile_first_error("validate.h:3:9: warning: #pragma once in main file\n"
					"compilation took too long (limit 10 s)\n");

	(void)state;
	assert_string_equal(why, "compilation took too long (limit 10 s)");
	free(why);
}

int unit_package(void);

static void globs(void **state)
{
	(void)state;
	assert_true(pkg_glob_match("accepted/*", "accepted/a.c"));
	assert_true(pkg_glob_match("accepted", "accepted/a.c"));
	assert_true(pkg_glob_match("accepted", "accepted/dir/main.c"));
	assert_true(pkg_glob_match("accepted/*", "accepted/dir/main.c"));   /* via its folder */
	assert_false(pkg_glob_match("accepted/*", "wrong_answer/a.c"));
	assert_true(pkg_glob_match("*/a.c", "rejected/a.c"));
	assert_true(pkg_glob_match("{accepted,rejected}/*", "rejected/b.cpp"));
	assert_true(pkg_glob_match("author.{py,cpp}", "author.cpp"));
	assert_false(pkg_glob_match("author.{py,cpp}", "author.c"));
	assert_true(pkg_glob_match("secret/*-easy", "secret/03-easy"));
	assert_true(pkg_glob_match("secret/group1", "secret/group1/07"));
	assert_false(pkg_glob_match("secret/group1", "secret/group10/07"));
	assert_false(pkg_glob_match("secret/*", "sample/1"));
}

static char *write_yaml(const char *text)
{
	char tmpl[] = "/tmp/judge-unit-package-XXXXXX";
	char *path;

	assert_non_null(mkdtemp(tmpl));
	path = xasprintf("%s/submissions.yaml", tmpl);
	assert_int_equal(util_write_file(path, text, strlen(text), 0644), 0);
	return path;
}

static void remove_yaml(char *path)
{
	unlink(path);
	*strrchr(path, '/') = 0;
	rmdir(path);
	free(path);
}

static void rules(void **state)
{
	struct pkg_rules r, got;
	char *path = write_yaml("time_limit_exceeded:\n  permitted: [AC, WA, TLE]\n"
				"time_limit_exceeded/*:\n  message: slow\n"
				"partially_accepted/*:\n  required: [AC]\n"
				"  secret/group1:\n    permitted: [AC]\n");

	(void)state;
	assert_int_equal(pkg_rules_read(path, &r), 0);
	/* a default folder: its default alone (none of r's globs) */
	assert_int_equal(pkg_rules_for(&r, "wrong_answer/x.c", &got), 0);
	assert_int_equal(got.n, 1);
	assert_int_equal(got.v[0].permitted, PKG_V_AC | PKG_V_WA);
	assert_int_equal(got.v[0].required, PKG_V_WA);
	pkg_rules_release(&got);
	/* replaced by its own key (required inherited), plus a glob */
	assert_int_equal(pkg_rules_for(&r, "time_limit_exceeded/x.c", &got), 2);
	assert_int_equal(got.n, 2);
	assert_int_equal(got.v[0].permitted, PKG_V_AC | PKG_V_WA | PKG_V_TLE);
	assert_int_equal(got.v[0].required, PKG_V_TLE);
	assert_string_equal(got.v[1].message, "slow");
	pkg_rules_release(&got);
	/* a folder of no default meaning: its globs, the group rule too */
	assert_int_equal(pkg_rules_for(&r, "partially_accepted/p.c", &got), 2);
	assert_int_equal(got.v[0].required, PKG_V_AC);
	assert_null(got.v[0].tests);
	assert_string_equal(got.v[1].tests, "secret/group1");
	assert_int_equal(got.v[1].permitted, PKG_V_AC);
	pkg_rules_release(&got);
	/* a folder nothing names: not a submission */
	assert_int_equal(pkg_rules_for(&r, "other/p.c", &got), -1);
	pkg_rules_release(&r);
	remove_yaml(path);
}

static void malformed(void **state)
{
	struct pkg_rules r;
	char *path = write_yaml("accepted/*:\n  permited: [AC]\n");

	(void)state;
	assert_int_equal(pkg_rules_read(path, &r), -1);
	assert_non_null(strstr(err_msg(), "submissions.yaml:2:3: unknown key 'permited' for "
				"'accepted/*'"));
	err_clear();
	remove_yaml(path);
}

int unit_package(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(globs),
		cmocka_unit_test(rules),
		cmocka_unit_test(malformed),
		cmocka_unit_test(compile_stopped_by_a_limit),
	};

	return cmocka_run_group_tests_name("package", tests, NULL, NULL);
}
