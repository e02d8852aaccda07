/* catalog.c: the problem catalogue (problems.toml + problem folders) and its
 * sync into the database.
 *
 * The catalogue format (TOML 1.0):
 *
 *   [[problem]]
 *   id = "a-plus-b"                # required, [a-z0-9-]+ (not starting with '-'), unique
 *   title = "A + B"                # required
 *   folder = "problems/a-plus-b"   # optional; default "problems/<id>", relative
 *                                  # to the catalogue file's folder
 *   time_limit_ms = 1000           # required, positive integer
 *   memory_limit_mb = 256          # required, positive integer
 *   stack_limit_mb = 256           # optional, default = memory_limit_mb
 *   output_limit_kb = 65536        # optional, default 65536 (64 MB)
 *   checker = "tokens"             # required: exact | tokens | float |
 *                                  # unordered-lines | regex | custom
 *   abs_tolerance = 1e-6           # float only, optional, default 1e-6
 *   rel_tolerance = 1e-6           # float only, optional, default 1e-6
 *   checker_source = "checker.c"   # custom only, required there, relative to the folder
 *   tags = ["math"]                # optional array of strings
 *   complexity = "O(1)"            # optional, the expected complexity
 *   interactor = "interactor.c"    # optional: an interactive problem, the
 *                                  # interactor's source relative to the folder
 *                                  # (checker is then optional and unused)
 *   checker_contract = "testlib"   # optional, each: "judge" | "kattis" | "testlib"
 *   validator_contract = "testlib" # (see db.h); absent: a source with
 *   generator_contract = "testlib" # #include "testlib.h" is testlib, else judge
 *   interactor_contract = "kattis" # (kattis for an interactor)
 *
 *   [[contest]]                    # optional, any number
 *   id = "warmup"                  # required, [a-z0-9-]+, unique
 *   title = "Warm-up"              # required
 *   problems = ["a-plus-b"]        # required, letters A, B, C... in this order;
 *                                  # ids must be problems of this catalogue
 *   duration_minutes = 120         # required, positive
 *   freeze_minutes = 30            # optional, default 0 (no freeze), < duration
 *   penalty_minutes = 20           # optional, default 20
 *
 * A problem folder holds statement.md (required) and tests/ with NAME.in +
 * NAME.ans pairs (at least one; ordered by name; names starting with
 * "sample" are samples shown to users); for a custom checker, its source.
 *
 * Sync: validate the whole catalogue and every folder first (reading and
 * hashing the test files; with a compiler, compiling the custom checker,
 * gen.c and validator.c of each problem that is new or whose folder
 * changed), then apply the differences in one BEGIN IMMEDIATE
 * transaction: a bad catalogue changes nothing. A problem whose content hash
 * is unchanged keeps its rows. The cheap check that lets most commands skip
 * all this compares the catalogue's and each folder's sizes and mtimes with
 * those stored at the last sync. */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/domain/catalog.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/toml.h"
#include "lib/util.h"

#define MAX_CATALOG_BYTES   (16u << 20)
#define MAX_TEXT_BYTES      (16u << 20)    /* a statement, a checker source */
#define MAX_TEST_BYTES      (512u << 20)   /* one test input or answer */
#define MAX_TIME_LIMIT_MS   600000
#define MAX_MEMORY_MB       65536
#define MAX_OUTPUT_KB       (2 << 20)      /* 2 GB */
#define MAX_CONTEST_MINUTES (7 * 24 * 60)

static const char *const problem_keys[] = {
	"id", "title", "folder", "time_limit_ms", "memory_limit_mb", "stack_limit_mb",
	"output_limit_kb", "checker", "abs_tolerance", "rel_tolerance", "checker_source",
	"tags", "complexity", "interactor", "checker_contract", "validator_contract",
	"generator_contract", "interactor_contract", NULL,
};

static const char *const contest_keys[] = {
	"id", "title", "problems", "duration_minutes", "freeze_minutes", "penalty_minutes",
	NULL,
};

static const char *const root_keys[] = { "problem", "contest", NULL };

struct cat_test {
	char *name;
	int is_sample;
	char hash[65];
};

struct cat_problem {
	struct db_problem p;   /* everything the database stores */
	int contract_given[4]; /* checker, validator, generator, interactor: a key
	                        * said which (else detected from the source) */
	char *dir;             /* the folder as a path from here */
	const struct toml_value *where;        /* the [[problem]] table */
	const struct toml_value *folder_where; /* folder's value (or the table) */
	struct cat_test *tests;
	size_t ntests;
};

struct catalog {
	const char *file;      /* the catalogue's path, as given (for messages) */
	char *dir;             /* its folder */
	char *fingerprint;
	struct toml_value *doc;
	struct cat_problem *problems;
	size_t n;
	struct db_contest *contests;
	size_t ncontests;
	const struct catalog_compiler *cc;   /* NULL: programs are not compiled */
};

/* ---- small helpers ----------------------------------------------------- */

/* err_input("FILE:LINE:COL: message") at value v. Returns -1. */
static int __attribute__((format(printf, 3, 4)))
bad_at(const struct catalog *c, const struct toml_value *v, const char *fmt, ...)
{
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	err_input("%s:%d:%d: %s", c->file, v->line, v->col, msg ? msg : "invalid catalogue");
	free(msg);
	return -1;
}

static int __attribute__((format(printf, 1, 2))) bad(const char *fmt, ...)
{
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	err_input("%s", msg ? msg : "invalid catalogue");
	free(msg);
	return -1;
}

/* "a string", "an integer": a TOML type name with its article. */
static const char *a_type(const struct toml_value *v)
{
	static __thread char out[32];
	const char *name = toml_type_name(v->type);

	snprintf(out, sizeof(out), "%s %s", strchr("aeiou", name[0]) ? "an" : "a", name);
	return out;
}

/* dir/rel, or rel when it is absolute or dir is ".". Malloc'd. */
static char *join(const char *dir, const char *rel)
{
	if (rel[0] == '/' || !strcmp(dir, "."))
		return xstrdup(rel);
	return xasprintf("%s/%s", dir, rel);
}

static int valid_id(const char *s)
{
	if (!*s || *s == '-')
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return 0;
	return 1;
}

/* The closest of names to key, or NULL when none is close. */
static const char *closest(const char *key, const char *const *names)
{
	size_t limit = strlen(key) / 3, best = (size_t)-1, d;
	const char *found = NULL;

	if (limit < 2)
		limit = 2;
	for (; *names; names++) {
		d = util_edit_distance(key, *names);
		if (d <= limit && d < best) {
			best = d;
			found = *names;
		}
	}
	return found;
}

/* Every key of table t must be among names; what says whose ("problem
 * 'a-plus-b'"). */
static int check_keys(const struct catalog *c, const struct toml_value *t,
		      const char *const *names, const char *what)
{
	const struct toml_kv *kv;
	const char *const *n;
	const char *hint;
	size_t i;

	for (i = 0; i < t->u.table.n; i++) {
		kv = &t->u.table.items[i];
		for (n = names; *n && strcmp(*n, kv->key); n++)
			;
		if (*n && strlen(kv->key) == kv->keylen)
			continue;
		hint = closest(kv->key, names);
		return err_input("%s:%d:%d: unknown key '%s' in %s%s%s%s", c->file, kv->line,
				 kv->col, kv->key, what, hint ? "; did you mean '" : "",
				 hint ? hint : "", hint ? "'?" : "");
	}
	return 0;
}

/* "problem 'a-plus-b'" or "problem #2" when the id is not known yet. */
static char *describe(const char *kind, const struct toml_value *t, size_t i)
{
	const struct toml_value *id = toml_get(t, "id");

	if (id && id->type == TOML_STRING && valid_id(id->u.string.s))
		return xasprintf("%s '%s'", kind, id->u.string.s);
	return xasprintf("%s #%zu", kind, i + 1);
}

static int get_str(const struct catalog *c, const struct toml_value *t, const char *key,
		   const char *what, int required, const char **out)
{
	const struct toml_value *v = toml_get(t, key);

	*out = NULL;
	if (!v) {
		if (required)
			return bad_at(c, t, "%s has no '%s'; add %s = \"...\"", what, key, key);
		return 0;
	}
	if (v->type != TOML_STRING)
		return bad_at(c, v, "%s must be a string, not %s", key, a_type(v));
	if (strlen(v->u.string.s) != v->u.string.len)
		return bad_at(c, v, "%s must not contain a NUL character", key);
	if (!v->u.string.len && required)
		return bad_at(c, v, "%s must not be empty", key);
	*out = v->u.string.s;
	return 0;
}

/* A title is shown in one row of a table: no control characters. */
static int one_line(const struct catalog *c, const struct toml_value *t, const char *key,
		    const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return bad_at(c, toml_get(t, key), "%s must be one line of text", key);
	return 0;
}

/* An integer in [min, max]; def when absent and not required. */
static int get_int(const struct catalog *c, const struct toml_value *t, const char *key,
		   const char *what, int required, long long def, long long min,
		   long long max, int *out)
{
	const struct toml_value *v = toml_get(t, key);

	*out = (int)def;
	if (!v) {
		if (required)
			return bad_at(c, t, "%s has no '%s'; add %s = ...", what, key, key);
		return 0;
	}
	if (v->type != TOML_INTEGER)
		return bad_at(c, v, "%s must be %s integer, not %s", key,
			      min > 0 ? "a positive" : "a non-negative", a_type(v));
	if (v->u.integer < min)
		return bad_at(c, v, "%s must be %s integer", key,
			      min > 0 ? "a positive" : "a non-negative");
	if (v->u.integer > max)
		return bad_at(c, v, "%s must be at most %lld", key, max);
	*out = (int)v->u.integer;
	return 0;
}

static int get_tolerance(const struct catalog *c, const struct toml_value *t,
			 const char *key, double *out)
{
	const struct toml_value *v = toml_get(t, key);
	double d;

	*out = 1e-6;
	if (!v)
		return 0;
	if (v->type == TOML_INTEGER)
		d = (double)v->u.integer;
	else if (v->type == TOML_FLOAT)
		d = v->u.fp;
	else
		return bad_at(c, v, "%s must be a number, not %s", key, a_type(v));
	if (!isfinite(d) || d < 0)
		return bad_at(c, v, "%s must be a non-negative number", key);
	*out = d;
	return 0;
}

/* An array of strings (tags, contest problems). */
static int get_strings(const struct catalog *c, const struct toml_value *t,
		       const char *key, const char *what, int required,
		       char ***out, size_t *n)
{
	const struct toml_value *v = toml_get(t, key), *e;
	size_t i;

	*out = NULL;
	*n = 0;
	if (!v) {
		if (required)
			return bad_at(c, t, "%s has no '%s'; add %s = [\"...\"]", what, key, key);
		return 0;
	}
	if (v->type != TOML_ARRAY)
		return bad_at(c, v, "%s must be an array of strings, not %s", key, a_type(v));
	if (required && !v->u.array.n)
		return bad_at(c, v, "%s must not be empty", key);
	for (i = 0; i < v->u.array.n; i++) {
		e = v->u.array.items[i];
		if (e->type != TOML_STRING)
			return bad_at(c, e, "%s must hold only strings, not %s", key, a_type(e));
		if (!e->u.string.len || strlen(e->u.string.s) != e->u.string.len ||
		    strchr(e->u.string.s, '\n'))
			return bad_at(c, e, "each of %s must be a non-empty one-line string", key);
	}
	*out = xcalloc(v->u.array.n, sizeof(**out));
	for (i = 0; i < v->u.array.n; i++)
		(*out)[i] = xstrdup(v->u.array.items[i]->u.string.s);
	*n = v->u.array.n;
	return 0;
}

static void catalog_release(struct catalog *c)
{
	size_t i, j;

	for (i = 0; i < c->n; i++) {
		db_problem_release(&c->problems[i].p);
		free(c->problems[i].dir);
		for (j = 0; j < c->problems[i].ntests; j++)
			free(c->problems[i].tests[j].name);
		free(c->problems[i].tests);
	}
	free(c->problems);
	for (i = 0; i < c->ncontests; i++)
		db_contest_release(&c->contests[i]);
	free(c->contests);
	toml_free(c->doc);
	free(c->dir);
	free(c->fingerprint);
	memset(c, 0, sizeof(*c));
}

/* ---- fingerprints: sizes and mtimes ------------------------------------- */

static void fp_add_stat(struct util_sha256 *h, const char *name, const struct stat *st)
{
	char line[PATH_MAX + 128];
	int n;

	n = snprintf(line, sizeof(line), "%s %lld %lld.%09ld %llu\n", name,
		     (long long)st->st_size, (long long)st->st_mtim.tv_sec,
		     st->st_mtim.tv_nsec, (unsigned long long)st->st_ino);
	util_sha256_update(h, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

static void fp_add_path(struct util_sha256 *h, const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		util_sha256_update(h, "-\n", 2);
	else
		fp_add_stat(h, path, &st);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted names in dir/tests/ (not starting with '.'), malloc'd; -1 with
 * errno when the folder cannot be read. */
static int list_tests_dir(const char *tests_dir, char ***names, size_t *n)
{
	DIR *d = opendir(tests_dir);
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (!d)
		return -1;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		*names = xrealloc(*names, (*n + 1) * sizeof(**names));
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), cmp_str);
	return 0;
}

static void free_names(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* The programs a problem folder may hold besides its checker, compiled by
 * 'judge stress' and friends. */
static const struct {
	const char *file, *kind;
} programs[] = {
	{ "gen.c", "generator" }, { "gen.cpp", "generator" }, { "gen.cc", "generator" },
	{ "validator.c", "validator" }, { "validator.cpp", "validator" },
	{ "validator.cc", "validator" },
};

/* A problem folder's fingerprint: the statement, the checker source, gen.c,
 * validator.c and every file of tests/. Anything missing is part of it too. */
static char *folder_fingerprint(const char *dir, const char *checker_file,
				const char *interactor_file)
{
	struct util_sha256 h;
	char out[65], *p, *tests_dir, **names;
	size_t n, i;

	util_sha256_init(&h);
	p = xasprintf("%s/statement.md", dir);
	fp_add_path(&h, p);
	free(p);
	if (checker_file) {
		p = join(dir, checker_file);
		fp_add_path(&h, p);
		free(p);
	}
	if (interactor_file) {
		p = join(dir, interactor_file);
		fp_add_path(&h, p);
		free(p);
	}
	/* headers its programs include (testlib.h): an edit compiles again */
	if (compile_folder_headers(dir, &names, &n) == 0) {
		for (i = 0; i < n; i++) {
			p = xasprintf("%s/%s", dir, names[i]);
			fp_add_path(&h, p);
			free(p);
		}
		free_names(names, n);
	}
	/* compiled at the sync too (compile_programs): an edit syncs again */
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		p = xasprintf("%s/%s", dir, programs[i].file);
		fp_add_path(&h, p);
		free(p);
	}
	tests_dir = xasprintf("%s/tests", dir);
	if (list_tests_dir(tests_dir, &names, &n) < 0) {
		util_sha256_update(&h, "no tests\n", 9);
	} else {
		for (i = 0; i < n; i++) {
			p = xasprintf("%s/%s", tests_dir, names[i]);
			fp_add_path(&h, p);
			free(p);
		}
		free_names(names, n);
	}
	free(tests_dir);
	util_sha256_final(&h, out);
	return xstrdup(out);
}

/* The catalogue's fingerprint: its real path, size and mtime. NULL with
 * errno when it cannot be stat'ed. */
static char *catalog_fingerprint(const char *path)
{
	struct util_sha256 h;
	struct stat st;
	char out[65], *real;

	if (stat(path, &st) < 0)
		return NULL;
	real = realpath(path, NULL);
	util_sha256_init(&h);
	fp_add_stat(&h, real ? real : path, &st);
	free(real);
	util_sha256_final(&h, out);
	return xstrdup(out);
}

/* ---- validation: the TOML ------------------------------------------------ */

/* What a [[problem]] and a [[contest]] table (kind) both start with: a
 * table, only known keys, a valid id and a one-line title (*id and *title
 * malloc'd). 0 or -1 (err_input). */
static int parse_head(const struct catalog *c, const struct toml_value *t, const char *kind,
		      const char *const *keys, const char *what, char **id, char **title)
{
	const char *s;

	if (t->type != TOML_TABLE)
		return bad_at(c, t, "each %s must be a table ([[%s]]), not %s", kind, kind,
			      a_type(t));
	if (check_keys(c, t, keys, what) || get_str(c, t, "id", what, 1, &s))
		return -1;
	if (!valid_id(s))
		return bad_at(c, toml_get(t, "id"), "%s id '%s' must be lowercase letters, "
			      "digits and '-', not starting with '-'", kind, s);
	*id = xstrdup(s);
	if (get_str(c, t, "title", what, 1, &s) || one_line(c, t, "title", s))
		return -1;
	*title = xstrdup(s);
	return 0;
}

static const char *const contract_keys[4] = {
	"checker_contract", "validator_contract", "generator_contract", "interactor_contract",
};

/* The *_contract keys given for problem t. */
static int parse_contracts(struct catalog *c, const struct toml_value *t,
			   struct cat_problem *cp)
{
	enum db_contract *to[4] = {
		&cp->p.checker_contract, &cp->p.validator_contract, &cp->p.generator_contract,
		&cp->p.interactor_contract,
	};
	const char *s;
	int i, k, rc;

	cp->p.interactor_contract = DB_CONTRACT_KATTIS;
	for (i = 0; i < 4; i++) {
		if ((rc = get_str(c, t, contract_keys[i], contract_keys[i], 0, &s)))
			return rc;
		if (!s)
			continue;
		k = db_contract_parse(s);
		if (k < 0)
			return bad_at(c, toml_get(t, contract_keys[i]), "unknown contract '%s' "
				      "(one of judge, kattis, testlib)", s);
		if (i == 3 && k == DB_CONTRACT_JUDGE)
			return bad_at(c, toml_get(t, contract_keys[i]), "an interactor follows "
				      "the kattis or the testlib contract, not 'judge'");
		if (i == 2 && k == DB_CONTRACT_KATTIS)
			return bad_at(c, toml_get(t, contract_keys[i]), "a generator follows "
				      "the judge or the testlib contract, not 'kattis'");
		*to[i] = (enum db_contract)k;
		cp->contract_given[i] = 1;
	}
	if (cp->contract_given[3] && !cp->p.interactor_file)
		return bad_at(c, toml_get(t, contract_keys[3]), "interactor_contract applies "
			      "only to an interactive problem (interactor = \"...\")");
	return 0;
}

static int parse_problem(struct catalog *c, const struct toml_value *t, size_t i,
			 struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	const char *s, *folder, *chk_src;
	char *what = describe("problem", t, i);
	const struct toml_value *v;
	int rc, checker;

	cp->where = t;
	if ((rc = parse_head(c, t, "problem", problem_keys, what, &p->id, &p->title)))
		goto out;
	if ((rc = get_str(c, t, "folder", what, 0, &folder)))
		goto out;
	p->folder = folder ? xstrdup(folder) : xasprintf("problems/%s", p->id);
	cp->folder_where = folder ? toml_get(t, "folder") : t;
	cp->dir = join(c->dir, p->folder);
	if ((rc = get_int(c, t, "time_limit_ms", what, 1, 0, 1, MAX_TIME_LIMIT_MS,
			  &p->time_limit_ms)) ||
	    (rc = get_int(c, t, "memory_limit_mb", what, 1, 0, 1, MAX_MEMORY_MB,
			  &p->memory_limit_mb)) ||
	    (rc = get_int(c, t, "stack_limit_mb", what, 0, p->memory_limit_mb, 1,
			  MAX_MEMORY_MB, &p->stack_limit_mb)) ||
	    (rc = get_int(c, t, "output_limit_kb", what, 0, 65536, 1, MAX_OUTPUT_KB,
			  &p->output_limit_kb)))
		goto out;
	if ((rc = get_str(c, t, "interactor", what, 0, &s)))
		goto out;
	p->interactor_file = s ? xstrdup(s) : NULL;
	if ((rc = parse_contracts(c, t, cp)))
		goto out;
	/* an interactive problem's interactor decides: no checker needed */
	if ((rc = get_str(c, t, "checker", what, !p->interactor_file, &s)))
		goto out;
	if (!s)
		s = "tokens";
	checker = db_checker_parse(s);
	if (checker < 0) {
		static const char *const names[] = {
			"exact", "tokens", "float", "unordered-lines", "regex", "custom", NULL,
		};
		const char *hint = closest(s, names);

		rc = bad_at(c, toml_get(t, "checker"), "unknown checker '%s'%s%s%s (one of exact, "
			    "tokens, float, unordered-lines, regex, custom)", s,
			    hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
		goto out;
	}
	p->checker = (enum db_checker)checker;
	if (checker != DB_CHECKER_FLOAT) {
		v = toml_get(t, "abs_tolerance");
		if (!v)
			v = toml_get(t, "rel_tolerance");
		if (v) {
			rc = bad_at(c, v, "tolerances apply only to checker = \"float\", not \"%s\"",
				    s);
			goto out;
		}
	}
	if ((rc = get_tolerance(c, t, "abs_tolerance", &p->abs_tolerance)) ||
	    (rc = get_tolerance(c, t, "rel_tolerance", &p->rel_tolerance)))
		goto out;
	if ((rc = get_str(c, t, "checker_source", what, checker == DB_CHECKER_CUSTOM,
			  &chk_src)))
		goto out;
	if (chk_src && checker != DB_CHECKER_CUSTOM) {
		rc = bad_at(c, toml_get(t, "checker_source"), "checker_source applies only to "
			    "checker = \"custom\", not \"%s\"", s);
		goto out;
	}
	p->checker_file = chk_src ? xstrdup(chk_src) : NULL;
	if ((rc = get_strings(c, t, "tags", what, 0, &p->tags, &p->ntags)))
		goto out;
	if ((rc = get_str(c, t, "complexity", what, 0, &s)))
		goto out;
	p->complexity = xstrdup(s ? s : "");
	p->position = (int)i;
out:
	free(what);
	return rc;
}

static int parse_contest(struct catalog *c, const struct toml_value *t, size_t i,
			 struct db_contest *k)
{
	char *what = describe("contest", t, i);
	const struct toml_value *pv;
	size_t j, m;
	int rc;

	if ((rc = parse_head(c, t, "contest", contest_keys, what, &k->id, &k->title)))
		goto out;
	if ((rc = get_strings(c, t, "problems", what, 1, &k->problems, &k->nproblems)))
		goto out;
	pv = toml_get(t, "problems");
	if (k->nproblems > CONTEST_MAX_PROBLEMS) {
		rc = bad_at(c, pv, "a contest has at most %d problems (A to Z)",
			    CONTEST_MAX_PROBLEMS);
		goto out;
	}
	for (j = 0; j < k->nproblems; j++) {
		for (m = 0; m < c->n && strcmp(c->problems[m].p.id, k->problems[j]); m++)
			;
		if (m == c->n) {
			const char *ids[64];
			size_t q;
			const char *hint;

			for (q = 0; q < c->n && q < 63; q++)
				ids[q] = c->problems[q].p.id;
			ids[q] = NULL;
			hint = closest(k->problems[j], ids);
			rc = bad_at(c, pv->u.array.items[j], "unknown problem '%s' in %s%s%s%s",
				    k->problems[j], what, hint ? "; did you mean '" : "",
				    hint ? hint : "", hint ? "'?" : "");
			goto out;
		}
		for (m = 0; m < j; m++)
			if (!strcmp(k->problems[m], k->problems[j])) {
				rc = bad_at(c, pv->u.array.items[j], "problem '%s' appears twice "
					    "in %s", k->problems[j], what);
				goto out;
			}
	}
	if ((rc = get_int(c, t, "duration_minutes", what, 1, 0, 1, MAX_CONTEST_MINUTES,
			  &k->duration_minutes)) ||
	    (rc = get_int(c, t, "freeze_minutes", what, 0, 0, 0, MAX_CONTEST_MINUTES,
			  &k->freeze_minutes)) ||
	    (rc = get_int(c, t, "penalty_minutes", what, 0, CONTEST_PENALTY_MINUTES, 0,
			  MAX_CONTEST_MINUTES, &k->penalty_minutes)))
		goto out;
	if (k->freeze_minutes >= k->duration_minutes) {
		rc = bad_at(c, toml_get(t, "freeze_minutes"), "freeze_minutes must be less "
			    "than duration_minutes (%d)", k->duration_minutes);
		goto out;
	}
	k->from_catalog = 1;
out:
	free(what);
	return rc;
}

/* An array of tables under key ([[problem]]), or NULL. */
static int get_aot(const struct catalog *c, const char *key, const struct toml_value **out)
{
	const struct toml_value *v = toml_get(c->doc, key);

	*out = v;
	if (v && v->type != TOML_ARRAY)
		return bad_at(c, v, "'%s' must be an array of tables ([[%s]]), not %s", key,
			      key, a_type(v));
	return 0;
}

static int parse_catalog(struct catalog *c)
{
	const struct toml_value *probs, *contests;
	size_t i, j;
	int rc;

	if ((rc = check_keys(c, c->doc, root_keys, "the catalogue")))
		return rc;
	if ((rc = get_aot(c, "problem", &probs)) || (rc = get_aot(c, "contest", &contests)))
		return rc;
	if (!probs || !probs->u.array.n)
		return bad("no problems in '%s'; add a [[problem]] table", c->file);
	c->problems = xcalloc(probs->u.array.n, sizeof(*c->problems));
	for (i = 0; i < probs->u.array.n; i++) {
		rc = parse_problem(c, probs->u.array.items[i], i, &c->problems[i]);
		c->n = i + 1;
		if (rc)
			return rc;
		for (j = 0; j < i; j++)
			if (!strcmp(c->problems[j].p.id, c->problems[i].p.id))
				return bad_at(c, toml_get(probs->u.array.items[i], "id"),
					      "duplicate problem id '%s' (first defined at line %d)",
					      c->problems[i].p.id,
					      toml_get(probs->u.array.items[j], "id")->line);
	}
	if (!contests)
		return 0;
	c->contests = xcalloc(contests->u.array.n + 1, sizeof(*c->contests));
	for (i = 0; i < contests->u.array.n; i++) {
		rc = parse_contest(c, contests->u.array.items[i], i, &c->contests[i]);
		c->ncontests = i + 1;
		if (rc)
			return rc;
		for (j = 0; j < i; j++)
			if (!strcmp(c->contests[j].id, c->contests[i].id))
				return bad_at(c, toml_get(contests->u.array.items[i], "id"),
					      "duplicate contest id '%s' (first defined at line %d)",
					      c->contests[i].id,
					      toml_get(contests->u.array.items[j], "id")->line);
	}
	return 0;
}

/* ---- validation: the folders --------------------------------------------- */

/* Read a text file (statement, checker source) into *out. 0, or -1 with
 * err_input: a file of the catalogue's that cannot be read is the
 * catalogue's to fix. */
static int read_text(const char *path, char **out)
{
	struct buf b = BUF_INIT;

	if (util_read_file(path, &b, MAX_TEXT_BYTES) < 0) {
		buf_release(&b);
		return err_as(ERR_INPUT);
	}
	if (!util_is_text(b.data, b.len)) {
		buf_release(&b);
		return err_input("'%s' is not UTF-8 text", path);
	}
	*out = buf_detach(&b, NULL);
	return 0;
}

/* Read one test's files and hash them; the data is left in in / ans. */
static int read_test(const char *dir, const char *name, struct buf *in, struct buf *ans,
		     char hash[65])
{
	char *pin = xasprintf("%s/tests/%s.in", dir, name);
	char *pans = xasprintf("%s/tests/%s.ans", dir, name);
	int rc = -1;

	buf_reset(in);
	buf_reset(ans);
	if (util_read_file(pin, in, MAX_TEST_BYTES) == 0 &&
	    util_read_file(pans, ans, MAX_TEST_BYTES) == 0) {
		db_test_hash(in->data, in->len, ans->data, ans->len, hash);
		rc = 0;
	} else {
		err_as(ERR_INPUT);
	}
	free(pin);
	free(pans);
	return rc;
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && !strcmp(s + n - m, suf);
}

/* The tests of cp: NAME.in + NAME.ans pairs in tests/, hashed (or taken
 * from the database when the folder's fingerprint is as stored there). */
static int scan_tests(struct cat_problem *cp, const struct db_problem *stored)
{
	char *tests_dir = xasprintf("%s/tests", cp->dir), **names = NULL, *base;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct cat_test *t;
	size_t n = 0, i, j;
	int rc = -1;
	struct stat st;

	if (stored && stored->tests && stored->fingerprint &&
	    !strcmp(stored->fingerprint, cp->p.fingerprint) &&
	    !strcmp(stored->folder, cp->p.folder)) {
		cp->tests = xcalloc((size_t)stored->test_count + 1, sizeof(*cp->tests));
		for (i = 0; i < (size_t)stored->test_count; i++) {
			cp->tests[i].name = xstrdup(stored->tests[i].name);
			cp->tests[i].is_sample = stored->tests[i].is_sample;
			memcpy(cp->tests[i].hash, stored->tests[i].hash, 65);
		}
		cp->ntests = i;
		if (cp->ntests) {
			free(tests_dir);
			return 0;
		}
	}
	if (stat(tests_dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		bad("problem '%s' has no tests folder '%s'; add NAME.in and NAME.ans files "
		    "there", cp->p.id, tests_dir);
		goto out;
	}
	if (list_tests_dir(tests_dir, &names, &n) < 0) {
		err_errno("cannot read '%s'", tests_dir);
		goto out;
	}
	/* every .in needs its .ans and every .ans its .in */
	for (i = 0; i < n; i++) {
		int is_in = has_suffix(names[i], ".in"), is_ans = has_suffix(names[i], ".ans");
		const char *want;

		if (!is_in && !is_ans)
			continue;
		base = xstrndup(names[i], strlen(names[i]) - (is_in ? 3 : 4));
		want = is_in ? ".ans" : ".in";
		for (j = 0; j < n; j++)
			if (!strncmp(names[j], base, strlen(base)) &&
			    !strcmp(names[j] + strlen(base), want))
				break;
		if (j == n) {
			bad("test %s '%s/%s' has no %s; add '%s/%s%s'", is_in ? "input" : "answer",
			    tests_dir, names[i], is_in ? "answer" : "input", tests_dir, base, want);
			free(base);
			goto out;
		}
		if (is_in) {
			cp->tests = xrealloc(cp->tests, (cp->ntests + 1) * sizeof(*cp->tests));
			t = &cp->tests[cp->ntests++];
			memset(t, 0, sizeof(*t));
			t->name = base;
			t->is_sample = !strncmp(base, "sample", 6);
		} else {
			free(base);
		}
	}
	if (!cp->ntests) {
		bad("problem '%s' has no tests; add NAME.in and NAME.ans files to '%s'",
		    cp->p.id, tests_dir);
		goto out;
	}
	/* names[] is sorted and "x.ans" < "x.in", so tests are in name order
	 * except where a name is a prefix of another: sort to be sure */
	for (i = 1; i < cp->ntests; i++)
		for (j = i; j > 0 && strcmp(cp->tests[j - 1].name, cp->tests[j].name) > 0; j--) {
			struct cat_test tmp = cp->tests[j];

			cp->tests[j] = cp->tests[j - 1];
			cp->tests[j - 1] = tmp;
		}
	for (i = 0; i < cp->ntests; i++)
		if (read_test(cp->dir, cp->tests[i].name, &in, &ans, cp->tests[i].hash) < 0)
			goto out;
	rc = 0;
out:
	free_names(names, n);
	free(tests_dir);
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* The content hash: every stored field and every test's hash. */
static void content_hash(struct cat_problem *cp)
{
	const struct db_problem *p = &cp->p;
	struct util_sha256 h;
	struct buf b = BUF_INIT;
	size_t i;

	buf_addf(&b, "judge-problem-v1\n%zu:%s\n%zu:%s\n%zu:%s\n%d %d %d %d %s %.17g %.17g\n",
		 strlen(p->id), p->id, strlen(p->title), p->title, strlen(p->folder), p->folder,
		 p->time_limit_ms, p->memory_limit_mb, p->stack_limit_mb, p->output_limit_kb,
		 db_checker_name(p->checker), p->abs_tolerance, p->rel_tolerance);
	buf_addf(&b, "checker %zu:%s\n", p->checker_file ? strlen(p->checker_file) : 0,
		 p->checker_file ? p->checker_file : "");
	if (p->interactor_file || p->checker_contract || p->validator_contract ||
	    p->generator_contract)
		buf_addf(&b, "interactor %zu:%s %zu contracts %s %s %s\n",
			 p->interactor_file ? strlen(p->interactor_file) : 0,
			 p->interactor_file ? p->interactor_file : "",
			 p->interactor_source ? strlen(p->interactor_source) : 0,
			 db_contract_name(p->checker_contract),
			 db_contract_name(p->validator_contract),
			 db_contract_name(p->interactor_contract));
	if (p->generator_contract)
		buf_addf(&b, "generator %s\n", db_contract_name(p->generator_contract));
	for (i = 0; i < p->ntags; i++)
		buf_addf(&b, "tag %zu:%s\n", strlen(p->tags[i]), p->tags[i]);
	buf_addf(&b, "complexity %zu:%s\n", strlen(p->complexity), p->complexity);
	for (i = 0; i < cp->ntests; i++)
		buf_addf(&b, "test %zu:%s %d %s\n", strlen(cp->tests[i].name),
			 cp->tests[i].name, cp->tests[i].is_sample, cp->tests[i].hash);
	buf_addf(&b, "statement %zu checker source %zu\n", strlen(p->statement),
		 p->checker_source ? strlen(p->checker_source) : 0);
	util_sha256_init(&h);
	util_sha256_update(&h, b.data, b.len);
	util_sha256_update(&h, p->statement, strlen(p->statement));
	if (p->checker_source)
		util_sha256_update(&h, p->checker_source, strlen(p->checker_source));
	if (p->interactor_source)
		util_sha256_update(&h, p->interactor_source, strlen(p->interactor_source));
	util_sha256_final(&h, cp->p.content_hash);
	buf_release(&b);
}

/* The contracts no key gave, from the sources: testlib's header included
 * means testlib (compile_is_testlib). */
static void detect_contracts(struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	struct buf src = BUF_INIT;
	char *path;

	if (!cp->contract_given[0])
		p->checker_contract = p->checker_source && compile_is_testlib(p->checker_source) ?
			DB_CONTRACT_TESTLIB : DB_CONTRACT_JUDGE;
	if (!cp->contract_given[3])
		p->interactor_contract = p->interactor_source &&
			compile_is_testlib(p->interactor_source) ?
			DB_CONTRACT_TESTLIB : DB_CONTRACT_KATTIS;
	if (!cp->contract_given[1]) {
		path = compile_tool_path(cp->dir, "validator");
		p->validator_contract = DB_CONTRACT_JUDGE;
		if (util_read_file(path, &src, MAX_TEXT_BYTES) == 0 &&
		    compile_is_testlib(buf_str(&src)))
			p->validator_contract = DB_CONTRACT_TESTLIB;
		err_clear();
		free(path);
	}
	if (!cp->contract_given[2]) {
		path = compile_tool_path(cp->dir, "gen");
		p->generator_contract = DB_CONTRACT_JUDGE;
		buf_reset(&src);
		if (util_read_file(path, &src, MAX_TEXT_BYTES) == 0 &&
		    compile_is_testlib(buf_str(&src)))
			p->generator_contract = DB_CONTRACT_TESTLIB;
		err_clear();
		free(path);
	}
	buf_release(&src);
}

/* *src (the source file `file` of cp) with the folder's headers inlined
 * (compile_inline_headers): what the database keeps and compiles. */
static int inline_headers(struct cat_problem *cp, const char *file, char **src)
{
	struct buf b = BUF_INIT;
	char *path;

	if (!*src)
		return 0;
	path = join(cp->dir, file);
	if (compile_inline_headers(cp->dir, compile_lang_of_path(path), *src, strlen(*src),
				   &b) < 0) {
		buf_release(&b);
		err_prefix("%s", path);
		free(path);
		return -1;
	}
	free(path);
	free(*src);
	*src = buf_detach(&b, NULL);
	return 0;
}

static int check_folder(struct catalog *c, struct cat_problem *cp,
			const struct db_problem *stored)
{
	struct db_problem *p = &cp->p;
	struct stat st;
	char *path;
	int rc;

	if (stat(cp->dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return bad_at(c, cp->folder_where, "folder '%s' of problem '%s' does not exist",
			      cp->dir, p->id);
	p->fingerprint = folder_fingerprint(cp->dir, p->checker_file, p->interactor_file);
	path = xasprintf("%s/statement.md", cp->dir);
	if (stat(path, &st) < 0) {
		rc = bad_at(c, cp->folder_where, "problem '%s' has no statement: '%s' does not "
			    "exist", p->id, path);
		free(path);
		return rc;
	}
	rc = read_text(path, &p->statement);
	free(path);
	if (rc < 0)
		return -1;
	if (p->checker_file) {
		path = join(cp->dir, p->checker_file);
		if (stat(path, &st) < 0) {
			rc = bad_at(c, toml_get(cp->where, "checker_source"), "checker source "
				    "'%s' of problem '%s' does not exist", path, p->id);
			free(path);
			return rc;
		}
		rc = read_text(path, &p->checker_source);
		free(path);
		if (rc < 0)
			return -1;
	}
	if (p->interactor_file) {
		path = join(cp->dir, p->interactor_file);
		if (stat(path, &st) < 0) {
			rc = bad_at(c, toml_get(cp->where, "interactor"), "interactor '%s' of "
				    "problem '%s' does not exist", path, p->id);
			free(path);
			return rc;
		}
		rc = read_text(path, &p->interactor_source);
		free(path);
		if (rc < 0)
			return -1;
	}
	detect_contracts(cp);
	if (inline_headers(cp, p->checker_file, &p->checker_source) < 0 ||
	    inline_headers(cp, p->interactor_file, &p->interactor_source) < 0)
		return -1;
	if ((rc = scan_tests(cp, stored)))
		return rc;
	p->test_count = (int)cp->ntests;
	content_hash(cp);
	return 0;
}

static int compile_one(const struct catalog *c, const struct cat_problem *cp,
		       const char *kind, const char *path, const char *src, size_t len)
{
	char *diag = NULL, *line;
	int rc = c->cc->compile(c->cc->arg, path, src, len, &diag);
	size_t k;

	if (rc < 0) {
		err_clear();   /* could not try: not the catalogue's fault */
		return 0;
	}
	if (rc == 0) {
		free(diag);
		return 0;
	}
	line = compile_first_error(diag ? diag : "");
	/* the compiler's name for it, prog.c or prog.cpp: the file's own */
	k = !strncmp(line, "prog.c:", 7) ? 7 : !strncmp(line, "prog.cpp:", 9) ? 9 : 0;
	if (k)
		err_input("%s:%s (the %s of problem '%s' does not compile)", path, line + k,
			  kind, cp->p.id);
	else
		err_input("%s: %s (the %s of problem '%s' does not compile)", path, line,
			  kind, cp->p.id);
	free(line);
	free(diag);
	return -1;
}

/* Compile problem cp's own programs: its custom checker, gen.c and
 * validator.c when the folder has them. 0, or -1 with err set. */
static int compile_programs(const struct catalog *c, const struct cat_problem *cp)
{
	struct buf src = BUF_INIT, full = BUF_INIT;
	char *path;
	size_t i;
	int rc = 0;

	if (cp->p.checker_file && cp->p.checker_source) {
		path = join(cp->dir, cp->p.checker_file);
		rc = compile_one(c, cp, "checker", path, cp->p.checker_source,
				 strlen(cp->p.checker_source));
		free(path);
	}
	if (rc == 0 && cp->p.interactor_file && cp->p.interactor_source) {
		path = join(cp->dir, cp->p.interactor_file);
		rc = compile_one(c, cp, "interactor", path, cp->p.interactor_source,
				 strlen(cp->p.interactor_source));
		free(path);
	}
	for (i = 0; rc == 0 && i < sizeof(programs) / sizeof(programs[0]); i++) {
		path = xasprintf("%s/%s", cp->dir, programs[i].file);
		if (access(path, F_OK) == 0) {
			buf_reset(&src);
			buf_reset(&full);
			if (util_read_file(path, &src, MAX_TEXT_BYTES) < 0 ||
			    compile_inline_headers(cp->dir, compile_lang_of_path(path),
						   buf_str(&src), src.len, &full) < 0)
				rc = err_as(ERR_INPUT);
			else
				rc = compile_one(c, cp, programs[i].kind, path, full.data, full.len);
		}
		free(path);
	}
	buf_release(&src);
	buf_release(&full);
	return rc;
}

/* Read, parse and validate the catalogue and every folder. */
static int load_catalog(struct db *db, struct catalog *c, int force)
{
	struct buf src = BUF_INIT;
	struct db_problem stored;
	char *dir;
	size_t i;
	int rc, got;

	dir = xstrdup(c->file);
	c->dir = xstrdup(strrchr(dir, '/') ? dirname(dir) : ".");
	free(dir);
	c->fingerprint = catalog_fingerprint(c->file);
	if (util_read_file(c->file, &src, MAX_CATALOG_BYTES) < 0) {
		buf_release(&src);
		err_prefix("cannot read the catalogue");
		return err_as(ERR_INPUT);
	}
	c->doc = toml_parse(src.data, src.len);
	buf_release(&src);
	if (!c->doc) {
		/* the reader's message is "LINE:COL: what": make it FILE:LINE:COL */
		char *msg = xstrdup(err_msg());

		err_input("%s:%s", c->file, msg);
		free(msg);
		return -1;
	}
	if ((rc = parse_catalog(c)))
		return rc;
	for (i = 0; i < c->n; i++) {
		got = force ? DB_NOTFOUND : db_problem_get(db, c->problems[i].p.id, &stored);
		if (got < 0)
			return -1;
		rc = check_folder(c, &c->problems[i], got == 0 ? &stored : NULL);
		/* new, or its folder changed since the last sync */
		if (rc == 0 && c->cc && (got != 0 || !stored.fingerprint ||
		    strcmp(stored.fingerprint, c->problems[i].p.fingerprint)))
			rc = compile_programs(c, &c->problems[i]);
		if (got == 0)
			db_problem_release(&stored);
		if (rc)
			return rc;
	}
	return 0;
}

/* ---- applying ------------------------------------------------------------ */

/* Store cp's row and all its tests, re-reading the files and checking they
 * are what was validated. */
static int write_problem(struct db *db, struct cat_problem *cp)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct db_test t;
	char hash[65];
	size_t i;
	int rc = -1;

	if (db_catalog_put_problem(db, &cp->p) < 0 || db_catalog_clear_tests(db, cp->p.id) < 0)
		goto out;
	for (i = 0; i < cp->ntests; i++) {
		if (read_test(cp->dir, cp->tests[i].name, &in, &ans, hash) < 0)
			goto out;
		if (strcmp(hash, cp->tests[i].hash)) {
			bad("test '%s' of problem '%s' changed while it was being loaded; "
				 "run the command again", cp->tests[i].name, cp->p.id);
			goto out;
		}
		memset(&t, 0, sizeof(t));
		t.ord = (int)i + 1;
		t.name = cp->tests[i].name;
		t.is_sample = cp->tests[i].is_sample;
		if (db_catalog_add_test(db, cp->p.id, &t, in.data, in.len, ans.data, ans.len) < 0)
			goto out;
	}
	rc = 0;
out:
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

static int same_contest(const struct db_contest *a, const struct db_contest *b)
{
	size_t i;

	if (strcmp(a->title, b->title) || a->duration_minutes != b->duration_minutes ||
	    a->freeze_minutes != b->freeze_minutes || a->penalty_minutes != b->penalty_minutes ||
	    a->nproblems != b->nproblems || a->retired != b->retired ||
	    a->from_catalog != b->from_catalog)
		return 0;
	for (i = 0; i < a->nproblems; i++)
		if (strcmp(a->problems[i], b->problems[i]))
			return 0;
	return 1;
}

/* Write cp when its content changed, else only what moved (position,
 * fingerprint, un-retiring); counted in st. 0 or -1. */
static int apply_problem(struct db *db, struct cat_problem *cp, struct catalog_stats *st)
{
	struct db_problem old;
	int got, rc = 0;

	got = db_problem_get(db, cp->p.id, &old);
	if (got < 0)
		return -1;
	if (got == DB_NOTFOUND || strcmp(old.content_hash, cp->p.content_hash)) {
		rc = write_problem(db, cp);
		if (rc == 0 && got == DB_NOTFOUND)
			st->added++;
		else if (rc == 0)
			st->updated++;
	} else {
		if (old.retired)
			st->updated++;
		else
			st->unchanged++;
		if (old.retired || old.position != cp->p.position ||
		    strcmp(old.fingerprint, cp->p.fingerprint))
			rc = db_catalog_touch_problem(db, cp->p.id, cp->p.position,
						      cp->p.fingerprint);
	}
	if (got == 0)
		db_problem_release(&old);
	return rc;
}

/* Retire the problems and contests the catalogue no longer lists. */
static int retire_others(struct db *db, const struct catalog *c, struct catalog_stats *st)
{
	char **ids = xcalloc(c->n + c->ncontests + 1, sizeof(*ids));
	size_t i;
	int got;

	for (i = 0; i < c->n; i++)
		ids[i] = c->problems[i].p.id;
	got = db_catalog_retire_others(db, ids, c->n, &st->retired);
	for (i = 0; i < c->ncontests; i++)
		ids[i] = c->contests[i].id;
	if (got == 0)
		got = db_catalog_retire_other_contests(db, ids, c->ncontests);
	free(ids);
	return got < 0 ? -1 : 0;
}

/* Write contest k unless it is stored as it is; a contest of the same id
 * made with 'judge contest' is ERR_INPUT. */
static int apply_contest(struct db *db, const struct catalog *c, const struct db_contest *k)
{
	struct db_contest old;
	int got, rc = 0;

	got = db_contest_get(db, k->id, &old);
	if (got < 0)
		return -1;
	if (got == 0 && !old.from_catalog)
		rc = err_input("%s: contest '%s' already exists (made with 'judge contest'); "
			       "rename it in the catalogue", c->file, k->id);
	else if (got != 0 || !same_contest(&old, k))
		rc = db_catalog_put_contest(db, k);
	if (got == 0)
		db_contest_release(&old);
	return rc < 0 ? -1 : 0;
}

/* Record the catalogue's fingerprint for the next cheap check. */
static int store_fingerprint(struct db *db, const struct catalog *c)
{
	char *meta = NULL;
	int rc = 0;

	if (db_meta_get(db, "catalog_fingerprint", &meta) < 0)
		return -1;
	if (c->fingerprint && (!meta || strcmp(meta, c->fingerprint)))
		rc = db_meta_set(db, "catalog_fingerprint", c->fingerprint);
	free(meta);
	return rc < 0 ? -1 : 0;
}

static int apply_catalog(struct db *db, struct catalog *c, struct catalog_stats *st)
{
	size_t i;

	if (db_tx_begin(db) < 0)
		return -1;
	for (i = 0; i < c->n; i++)
		if (apply_problem(db, &c->problems[i], st) < 0)
			goto fail;
	if (retire_others(db, c, st) < 0)
		goto fail;
	for (i = 0; i < c->ncontests; i++)
		if (apply_contest(db, c, &c->contests[i]) < 0)
			goto fail;
	st->contests = (int)c->ncontests;
	if (store_fingerprint(db, c) < 0)
		goto fail;
	if (db_tx_commit(db) < 0)
		return -1;
	return 0;
fail:
	/* keep the message (and its kind) of what failed, not the rollback's */
	db_tx_rollback(db);
	return -1;
}

/* The cheap check: is everything as it was at the last sync? */
static int unchanged_since_sync(struct db *db, const char *file)
{
	struct db_problem *v;
	char *meta = NULL, *fp, *dir, *cdir, *pdir;
	size_t n, i;
	int same;

	fp = catalog_fingerprint(file);
	if (!fp || db_meta_get(db, "catalog_fingerprint", &meta) < 0 || !meta ||
	    strcmp(fp, meta)) {
		free(fp);
		free(meta);
		return 0;
	}
	free(fp);
	free(meta);
	if (db_problem_list(db, 0, &v, &n) < 0)
		return 0;
	dir = xstrdup(file);
	cdir = xstrdup(strrchr(dir, '/') ? dirname(dir) : ".");
	free(dir);
	for (same = 1, i = 0; i < n && same; i++) {
		pdir = join(cdir, v[i].folder);
		fp = folder_fingerprint(pdir, v[i].checker_file, v[i].interactor_file);
		same = !strcmp(fp, v[i].fingerprint);
		free(fp);
		free(pdir);
	}
	free(cdir);
	db_problem_list_free(v, n);
	return same;
}

static int db_has_problems(struct db *db)
{
	struct db_problem *v;
	size_t n;

	if (db_problem_list(db, 0, &v, &n) < 0)
		return -1;
	db_problem_list_free(v, n);
	return n > 0;
}

int catalog_sync(struct db *db, const char *path, int flags,
		 const struct catalog_compiler *cc, struct catalog_stats *stats)
{
	struct catalog c = { 0 };
	struct catalog_stats local = { 0 };
	struct stat st;
	int rc, has;

	if (!stats)
		stats = &local;
	memset(stats, 0, sizeof(*stats));
	if (stat(path, &st) < 0 && errno == ENOENT && (flags & CATALOG_OPTIONAL)) {
		has = db_has_problems(db);
		if (has < 0)
			return -1;
		if (has)
			return 0; /* the database is a complete problem set */
		return err_input("no catalogue '%s' and no problems in the database '%s'; run "
				 "from the project folder or pass --catalog FILE", path,
				 db_path(db));
	}
	if (!(flags & CATALOG_FORCE) && unchanged_since_sync(db, path))
		return 0;
	c.file = path;
	c.cc = cc;
	rc = load_catalog(db, &c, flags & CATALOG_FORCE);
	if (rc == 0) {
		stats->synced = 1;
		rc = apply_catalog(db, &c, stats);
	}
	catalog_release(&c);
	return rc;
}

int catalog_find_problem(struct db *db, const char *id, struct db_problem *p)
{
	char *near;
	int rc = db_problem_get(db, id, p);

	if (rc < 0)
		return -1;
	if (rc == 0 && !p->retired)
		return 0;
	if (rc == 0)
		db_problem_release(p);
	near = db_problem_nearest(db, id);
	if (near)
		err_input("unknown problem '%s'; did you mean '%s'?", id, near);
	else
		err_input("unknown problem '%s'; run 'judge list' to see the problem ids", id);
	free(near);
	return -1;
}
