/* test_compile.c: unit tests for judge/compile.c that need no sandbox: the
 * cache key, eviction, the cache folder checks, source checks and escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "judge/domain/compile.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

int unit_compile(void);

static char *scratch(void)
{
	char tmpl[] = "/tmp/judge-unit-compile.XXXXXX";
	char *d = mkdtemp(tmpl);

	assert_non_null(d);
	return xstrdup(d);
}

static void put(const char *dir, const char *name, size_t size, time_t mtime)
{
	char *p = xasprintf("%s/%s", dir, name);
	char *data = xcalloc(1, size + 1);
	struct timespec ts[2] = { { mtime, 0 }, { mtime, 0 } };

	assert_int_equal(util_write_file(p, data, size, 0644), 0);
	assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
	free(data);
	free(p);
}

static int exists(const char *dir, const char *name)
{
	char *p = xasprintf("%s/%s", dir, name);
	int ok = access(p, F_OK) == 0;

	free(p);
	return ok;
}

static void key_depends_on_everything(void **state)
{
	char a[65], b[65], c[65], d[65];

	(void)state;
	compile_key_with("gcc 12.2.0", LANG_C, "int main(){}", 12, a);
	compile_key_with("gcc 12.2.0", LANG_C, "int main(){}", 12, b);
	assert_string_equal(a, b);
	assert_int_equal(strlen(a), 64);
	compile_key_with("gcc 12.3.0", LANG_C, "int main(){}", 12, c);
	assert_string_not_equal(a, c);
	compile_key_with("gcc 12.2.0", LANG_C, "int main(){ }", 13, d);
	assert_string_not_equal(a, d);
	/* Moving bytes between identity and source must change the key. */
	compile_key_with("gcc 12.2.0i", LANG_C, "nt main(){}", 11, d);
	assert_string_not_equal(a, d);
	/* NUL bytes in the source count. */
	compile_key_with("x", LANG_C, "a\0b", 3, c);
	compile_key_with("x", LANG_C, "a\0c", 3, d);
	assert_string_not_equal(c, d);
	/* The same source as C++ is another binary. */
	compile_key_with("gcc 12.2.0", LANG_CXX, "int main(){}", 12, d);
	assert_string_not_equal(a, d);
}

static void key_uses_real_compiler(void **state)
{
	char a[65], b[65];

	(void)state;
	if (access("/usr/bin/gcc", X_OK) != 0)
		skip();
	assert_int_equal(compile_key(LANG_C, "int main(void){return 0;}\n", 26, a), 0);
	assert_int_equal(compile_key(LANG_C, "int main(void){return 0;}\n", 26, b), 0);
	assert_string_equal(a, b);
	assert_int_equal(compile_key(LANG_C, "int main(void){return 1;}\n", 26, b), 0);
	assert_string_not_equal(a, b);
}

/* A problem's program (a checker with the real testlib.h inlined takes
 * about 10 s of CPU to compile) gets more room than a submission, and its
 * own cache entries: a CE cached under a submission's limit is not its. */
static void program_compiles_have_room_and_keys_of_their_own(void **state)
{
	const char *src = "int main(void){return 0;}\n";
	char a[65], b[65];

	(void)state;
	assert_true(compile_cpu_limit_ms(1) >= 6 * compile_cpu_limit_ms(0));
	if (access("/usr/bin/gcc", X_OK) != 0)
		skip();
	assert_int_equal(compile_key(LANG_CXX, src, strlen(src), a), 0);
	assert_int_equal(compile_program_key(LANG_CXX, src, strlen(src), b), 0);
	assert_string_not_equal(a, b);
	assert_int_equal(compile_program_key(LANG_CXX, src, strlen(src), a), 0);
	assert_string_equal(a, b);
}

static void evict_oldest_first(void **state)
{
	struct compile_cache c = COMPILE_CACHE_INIT;
	char *dir = scratch();
	time_t now = time(NULL);

	(void)state;
	assert_int_equal(compile_cache_open_dir(&c, dir, 2500), 0);
	put(dir, "old", 1000, now - 5000);
	put(dir, "middle", 1000, now - 4000);
	put(dir, "young", 1000, now - 3000);
	put(dir, "fresh.ce", 1000, now);
	put(dir, ".tmp-stale", 10, now - 7200);
	put(dir, ".tmp-running", 10, now);
	/* 4000 bytes of entries, cap 2500: the two oldest go. */
	assert_true(compile_cache_evict(&c, 60) >= 2000);
	assert_false(exists(dir, "old"));
	assert_false(exists(dir, "middle"));
	assert_true(exists(dir, "young"));
	assert_true(exists(dir, "fresh.ce"));
	assert_false(exists(dir, ".tmp-stale"));
	assert_true(exists(dir, ".tmp-running"));
	/* Entries used recently are spared even over the cap. */
	c.max_bytes = 0;
	compile_cache_evict(&c, 60);
	assert_false(exists(dir, "young"));
	assert_true(exists(dir, "fresh.ce"));
	/* Under the cap nothing goes. */
	c.max_bytes = 1 << 20;
	put(dir, "ancient", 10, now - 99999);
	assert_int_equal(compile_cache_evict(&c, 0), 0);
	assert_true(exists(dir, "ancient"));
	compile_cache_release(&c);
	util_rmtree(dir);
	free(dir);
}

static void cache_folder_checks(void **state)
{
	struct compile_cache c = COMPILE_CACHE_INIT;
	char *dir = scratch(), *sub = xasprintf("%s/a/b", dir);
	char *lnk = xasprintf("%s/link", dir);
	char *file = xasprintf("%s/file", dir);

	(void)state;
	assert_int_equal(compile_cache_open_dir(&c, sub, 1), 0);
	compile_cache_release(&c);
	assert_int_equal(chmod(sub, 0777), 0);
	assert_int_equal(compile_cache_open_dir(&c, sub, 1), -1);
	assert_non_null(strstr(err_msg(), "writable by nobody else"));
	assert_int_equal(symlink(sub, lnk), 0);
	assert_int_equal(compile_cache_open_dir(&c, lnk, 1), -1);
	assert_int_equal(util_write_file(file, "x", 1, 0644), 0);
	assert_int_equal(compile_cache_open_dir(&c, file, 1), -1);
	assert_null(c.dir);
	setenv("JUDGE_CACHE", sub, 1);
	setenv("JUDGE_CACHE_MAX_MB", "-3", 1);
	assert_int_equal(compile_cache_open(&c, "/nonexistent"), -1);
	assert_non_null(strstr(err_msg(), "JUDGE_CACHE_MAX_MB"));
	assert_int_equal(chmod(sub, 0711), 0);
	setenv("JUDGE_CACHE_MAX_MB", "3", 1);
	assert_int_equal(compile_cache_open(&c, "/nonexistent"), 0);
	assert_string_equal(c.dir, sub);
	assert_true(c.max_bytes == 3ULL << 20);
	compile_cache_release(&c);
	unsetenv("JUDGE_CACHE");
	unsetenv("JUDGE_CACHE_MAX_MB");
	util_rmtree(dir);
	free(dir);
	free(sub);
	free(lnk);
	free(file);
}

static void source_checks(void **state)
{
	char *dir = scratch(), *p;
	struct buf b = BUF_INIT;
	char *big;

	(void)state;
	p = xasprintf("%s/missing.c", dir);
	assert_int_equal(compile_read_source(p, &b), -1);
	assert_non_null(strstr(err_msg(), "does not exist"));
	free(p);
	assert_int_equal(compile_read_source(dir, &b), -1);
	assert_non_null(strstr(err_msg(), "is a folder"));

	p = xasprintf("%s/bin.c", dir);
	assert_int_equal(util_write_file(p, "int\0x", 5, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), -1);
	assert_non_null(strstr(err_msg(), "not text"));
	/* bytes that are not UTF-8 (a Latin-1 comment) are text to gcc */
	assert_int_equal(util_write_file(p, "/* \xe9 */", 7, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), 0);
	assert_int_equal(b.len, 7);
	assert_memory_equal(b.data, "/* \xe9 */", 7);
	free(p);

	big = xmalloc(COMPILE_MAX_SOURCE + 1);
	memset(big, ' ', COMPILE_MAX_SOURCE + 1);
	p = xasprintf("%s/big.c", dir);
	assert_int_equal(util_write_file(p, big, COMPILE_MAX_SOURCE + 1, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), -1);
	assert_non_null(strstr(err_msg(), "too large"));
	assert_int_equal(util_write_file(p, big, COMPILE_MAX_SOURCE, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), 0);
	assert_int_equal(b.len, COMPILE_MAX_SOURCE);
	free(p);
	free(big);

	p = xasprintf("%s/ok.c", dir);
	assert_int_equal(util_write_file(p, "int main(void) { return 0; } /* é */\n", 38, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), 0);
	assert_int_equal(b.len, 38);
	free(p);
	p = xasprintf("%s/fifo.c", dir);
	assert_int_equal(mkfifo(p, 0644), 0);
	assert_int_equal(compile_read_source(p, &b), -1);
	assert_non_null(strstr(err_msg(), "not a regular file"));
	free(p);
	buf_release(&b);
	util_rmtree(dir);
	free(dir);
}

int unit_compile(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(key_depends_on_everything),
		cmocka_unit_test(key_uses_real_compiler),
		cmocka_unit_test(program_compiles_have_room_and_keys_of_their_own),
		cmocka_unit_test(evict_oldest_first),
		cmocka_unit_test(cache_folder_checks),
		cmocka_unit_test(source_checks),
	};

	return cmocka_run_group_tests_name("compile", tests, NULL, NULL);
}
