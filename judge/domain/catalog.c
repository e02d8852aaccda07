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
 *   package = "packages/x"         # optional: a Kattis problem package (relative
 *                                  # to the catalogue's folder) instead of a
 *                                  # folder; title, limits and checker then come
 *                                  # from it and the keys above override them
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
#include "judge/domain/check.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/domain/package.h"
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
	"tags", "complexity", "package", "interactor", "checker_contract",
	"validator_contract", "generator_contract", "interactor_contract", NULL,
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
	char *in_path, *ans_path;  /* the files */
	char *args;                /* package: the test's output validator arguments */
	char *interaction;         /* package: a sample's .interaction, or NULL */
	double score;              /* package: its group's score */
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
	struct pkg_meta meta;  /* a package's problem.yaml (meta.format NULL: native) */
	struct pkg_data data;  /* a package's data/ */
	char *validator_file, *validator_source;   /* a package's input validator */
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
	struct catalog_stats *stats;         /* notes go here */
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
		for (j = 0; j < c->problems[i].ntests; j++) {
			free(c->problems[i].tests[j].name);
			free(c->problems[i].tests[j].in_path);
			free(c->problems[i].tests[j].ans_path);
			free(c->problems[i].tests[j].args);
			free(c->problems[i].tests[j].interaction);
		}
		pkg_meta_release(&c->problems[i].meta);
		pkg_data_release(&c->problems[i].data);
		free(c->problems[i].validator_file);
		free(c->problems[i].validator_source);
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
		util_free_names(names, n);
	}
	/* compiled at the sync too (compile_programs): an edit syncs again */
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		p = xasprintf("%s/%s", dir, programs[i].file);
		fp_add_path(&h, p);
		free(p);
	}
	tests_dir = xasprintf("%s/tests", dir);
	if (!(names = util_list_dir(tests_dir, &n))) {
		util_sha256_update(&h, "no tests\n", 9);
	} else {
		for (i = 0; i < n; i++) {
			p = xasprintf("%s/%s", tests_dir, names[i]);
			fp_add_path(&h, p);
			free(p);
		}
		util_free_names(names, n);
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
		      const char *const *keys, const char *what, int title_required, char **id,
		      char **title)
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
	if (get_str(c, t, "title", what, title_required, &s) || (s && one_line(c, t, "title", s)))
		return -1;
	if (s) {
		free(*title);
		*title = xstrdup(s);
	}
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

/* Default limits of a package that does not give them (Kattis'). */
#define PKG_MEMORY_MB_LEGACY 1024
#define PKG_MEMORY_MB        2048
#define PKG_OUTPUT_MB        8

static const char *const output_validator_dirs[] = {
	"output_validator", "output_validators", NULL,
};
static const char *const input_validator_dirs[] = {
	"input_validator", "input_validators", "input_format_validators", NULL,
};

/* The time limit of package cp from problem.yaml (2025-09) or .timelimit;
 * left 0 when it must be computed from the accepted submissions. */
static int package_time_limit(struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	double secs;
	int rc;

	if (cp->meta.time_limit_s > 0) {
		p->time_limit_ms = (int)ceil(cp->meta.time_limit_s * 1000);
		p->time_limit_from = xasprintf("limits.time_limit %g s in problem.yaml",
					       cp->meta.time_limit_s);
		return 0;
	}
	rc = pkg_read_timelimit(cp->dir, &secs);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		p->time_limit_ms = (int)ceil(secs * 1000);
		p->time_limit_from = xasprintf(".timelimit file: %g s", secs);
	}
	return 0;
}

/* The output validator (a custom checker or an interactive problem's
 * validator) or the default one with its flags. */
static int package_checker(struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	struct check_params params;
	char *rel, *src, *note;
	int rc;

	rc = pkg_find_program(cp->dir, output_validator_dirs, &rel, &src, &note);
	if (rc < 0)
		return -1;
	p->checker_contract = DB_CONTRACT_KATTIS;
	p->checker_args = xstrdup(cp->meta.validator_args);
	if (rc == 0 && !cp->meta.modern && !(cp->meta.type & (PKG_CUSTOM | PKG_INTERACTIVE))) {
		/* legacy: output_validators/ are used with validation: custom only */
		free(rel);
		free(src);
		rc = 1;
	}
	if (rc == 0 && (cp->meta.type & PKG_INTERACTIVE)) {
		p->checker = DB_CHECKER_TOKENS;
		p->interactor_file = rel;
		p->interactor_source = src;
		p->interactor_contract = DB_CONTRACT_KATTIS;
		return 0;
	}
	if (rc == 0) {
		p->checker = DB_CHECKER_CUSTOM;
		p->checker_file = rel;
		p->checker_source = src;
		return 0;
	}
	if (cp->meta.type & (PKG_INTERACTIVE | PKG_CUSTOM)) {
		rc = err_input("%s/problem.yaml:1:1: the problem is %s but the package has no C "
			       "or C++ output validator in output_validator(s)/%s%s%s", cp->dir,
			       cp->meta.type & PKG_INTERACTIVE ? "interactive" : "custom-validated",
			       note ? " (" : "", note ? note : "",
			       note ? " is in a language the judge does not run)" : "");
		free(note);
		return rc;
	}
	free(note);
	p->checker = DB_CHECKER_TOKENS;
	if (check_kattis_flags(p->checker_args, &params) < 0) {
		char *msg = xstrdup(err_msg());

		err_input("%s/problem.yaml:%d:%d: %s", cp->dir, cp->meta.args_line ?
			  cp->meta.args_line : 1, cp->meta.args_col ? cp->meta.args_col : 1, msg);
		free(msg);
		return -1;
	}
	return 0;
}

/* 1 when the package's program at rel (relative to its folder) includes
 * "testlib.h": read from its file, the source kept has its headers put in
 * place. */
static int package_program_is_testlib(const struct cat_problem *cp, const char *rel)
{
	struct buf src = BUF_INIT;
	char *path;
	int yes;

	if (!rel)
		return 0;
	path = join(cp->dir, rel);
	yes = util_read_file(path, &src, MAX_TEXT_BYTES) == 0 &&
	      compile_is_testlib(buf_str(&src));
	err_clear();
	free(path);
	buf_release(&src);
	return yes;
}

/* A package's programs follow Kattis' contracts, but one that includes
 * "testlib.h" (a Polygon problem's checker, validator or interactor put in
 * a package) follows testlib's, as on a native problem; a *_contract key
 * says otherwise. */
static void detect_package_contracts(struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;

	if (!cp->contract_given[0] && p->checker == DB_CHECKER_CUSTOM &&
	    package_program_is_testlib(cp, p->checker_file))
		p->checker_contract = DB_CONTRACT_TESTLIB;
	if (!cp->contract_given[1] && package_program_is_testlib(cp, cp->validator_file))
		p->validator_contract = DB_CONTRACT_TESTLIB;
	if (!cp->contract_given[3] && package_program_is_testlib(cp, p->interactor_file))
		p->interactor_contract = DB_CONTRACT_TESTLIB;
}

/* A package program's name (Kattis: the file's base name, or its folder's
 * when it is one): "input_validators/v/main.cpp" is "v", "input_validators/
 * check.c" is "check". Malloc'd. */
static char *program_name(const char *rel)
{
	const char *first = strchr(rel, '/'), *second = first ? strchr(first + 1, '/') : NULL;
	const char *start = first ? first + 1 : rel, *dot;

	if (second)
		return xstrndup(start, (size_t)(second - start));
	dot = strrchr(start, '.');
	return dot ? xstrndup(start, (size_t)(dot - start)) : xstrdup(start);
}

/* [[problem]] with package = "DIR": what problem.yaml and the package's
 * files say, before the keys of the table override it. */
static int parse_package(const struct catalog *c, const struct toml_value *t,
			 const char *what, struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	const struct toml_value *v = toml_get(t, "package");
	const char *dir;
	char *yaml, *note = NULL;
	struct stat st;
	int rc;

	if (get_str(c, t, "package", what, 1, &dir))
		return -1;
	if (toml_get(t, "folder"))
		return bad_at(c, toml_get(t, "folder"), "folder and package are both given; a "
			      "package problem's folder is its package");
	p->folder = xstrdup(dir);
	cp->folder_where = v;
	cp->dir = join(c->dir, dir);
	if (stat(cp->dir, &st) < 0 || !S_ISDIR(st.st_mode))
		return bad_at(c, v, "package folder '%s' of problem '%s' does not exist",
			      cp->dir, p->id);
	yaml = xasprintf("%s/problem.yaml", cp->dir);
	if (stat(yaml, &st) < 0) {
		rc = bad_at(c, v, "package '%s' has no problem.yaml", cp->dir);
		free(yaml);
		return rc;
	}
	rc = pkg_meta_read(yaml, &cp->meta);
	free(yaml);
	if (rc < 0)
		return -1;
	p->package = xstrdup(cp->meta.format);
	if (!p->title)
		p->title = xstrdup(cp->meta.name ? cp->meta.name : p->id);
	p->memory_limit_mb = cp->meta.memory_mb ? cp->meta.memory_mb :
		cp->meta.modern ? PKG_MEMORY_MB : PKG_MEMORY_MB_LEGACY;
	p->output_limit_kb = (cp->meta.output_mb ? cp->meta.output_mb : PKG_OUTPUT_MB) * 1024;
	p->validation_time_ms = cp->meta.validation_time_s * 1000;
	p->validation_memory_mb = cp->meta.validation_memory_mb;
	p->scoring = (cp->meta.type & PKG_SCORING) != 0;
	if (package_time_limit(cp) < 0 || package_checker(cp) < 0)
		return -1;
	rc = pkg_find_program(cp->dir, input_validator_dirs, &cp->validator_file,
			      &cp->validator_source, &note);
	free(note);
	if (rc < 0)
		return -1;
	if (rc == 0)
		cp->meta.input_validator = program_name(cp->validator_file);
	p->validator_contract = DB_CONTRACT_KATTIS;
	return 0;
}

/* checker = "..." given in the catalogue: the judge's own checker, replacing
 * a package's. */
static int parse_checker(const struct catalog *c, const struct toml_value *t,
			 const char *what, int required, struct db_problem *p)
{
	const struct toml_value *v;
	const char *s, *chk_src;
	int checker;

	if (get_str(c, t, "checker", what, required, &s))
		return -1;
	if (!s) {
		if ((v = toml_get(t, "abs_tolerance")) || (v = toml_get(t, "rel_tolerance")) ||
		    (v = toml_get(t, "checker_source")))
			return bad_at(c, v, "%s needs checker = \"...\" beside it",
				      v == toml_get(t, "checker_source") ? "checker_source" :
				      "a tolerance");
		p->abs_tolerance = p->rel_tolerance = 1e-6;
		return 0;
	}
	checker = db_checker_parse(s);
	if (checker < 0) {
		static const char *const names[] = {
			"exact", "tokens", "float", "unordered-lines", "regex", "custom", NULL,
		};
		const char *hint = closest(s, names);

		return bad_at(c, toml_get(t, "checker"), "unknown checker '%s'%s%s%s (one of "
			      "exact, tokens, float, unordered-lines, regex, custom)", s,
			      hint ? "; did you mean '" : "", hint ? hint : "", hint ? "'?" : "");
	}
	p->checker = (enum db_checker)checker;
	p->checker_contract = DB_CONTRACT_JUDGE;
	free(p->checker_args);
	p->checker_args = NULL;
	free(p->checker_file);
	p->checker_file = NULL;
	free(p->checker_source);
	p->checker_source = NULL;
	if (checker != DB_CHECKER_FLOAT) {
		v = toml_get(t, "abs_tolerance");
		if (!v)
			v = toml_get(t, "rel_tolerance");
		if (v)
			return bad_at(c, v, "tolerances apply only to checker = \"float\", not "
				      "\"%s\"", s);
	}
	if (get_tolerance(c, t, "abs_tolerance", &p->abs_tolerance) ||
	    get_tolerance(c, t, "rel_tolerance", &p->rel_tolerance))
		return -1;
	if (get_str(c, t, "checker_source", what, checker == DB_CHECKER_CUSTOM, &chk_src))
		return -1;
	if (chk_src && checker != DB_CHECKER_CUSTOM)
		return bad_at(c, toml_get(t, "checker_source"), "checker_source applies only to "
			      "checker = \"custom\", not \"%s\"", s);
	p->checker_file = chk_src ? xstrdup(chk_src) : NULL;
	return 0;
}

static int parse_problem(struct catalog *c, const struct toml_value *t, size_t i,
			 struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	const char *s, *folder;
	char *what = describe("problem", t, i);
	int rc, pkg = toml_get(t, "package") != NULL;

	cp->where = t;
	if ((rc = parse_head(c, t, "problem", problem_keys, what, !pkg, &p->id, &p->title)))
		goto out;
	if (pkg) {
		if ((rc = parse_package(c, t, what, cp)))
			goto out;
	} else {
		if ((rc = get_str(c, t, "folder", what, 0, &folder)))
			goto out;
		p->folder = folder ? xstrdup(folder) : xasprintf("problems/%s", p->id);
		cp->folder_where = folder ? toml_get(t, "folder") : t;
		cp->dir = join(c->dir, p->folder);
	}
	if ((rc = get_int(c, t, "time_limit_ms", what, !pkg, p->time_limit_ms, 1,
			  MAX_TIME_LIMIT_MS, &p->time_limit_ms)) ||
	    (rc = get_int(c, t, "memory_limit_mb", what, !pkg, p->memory_limit_mb, 1,
			  MAX_MEMORY_MB, &p->memory_limit_mb)) ||
	    (rc = get_int(c, t, "stack_limit_mb", what, 0, p->memory_limit_mb, 1,
			  MAX_MEMORY_MB, &p->stack_limit_mb)) ||
	    (rc = get_int(c, t, "output_limit_kb", what, 0, pkg ? p->output_limit_kb : 65536,
			  1, MAX_OUTPUT_KB, &p->output_limit_kb)))
		goto out;
	if (pkg && toml_get(t, "time_limit_ms")) {
		free(p->time_limit_from);
		p->time_limit_from = xstrdup("time_limit_ms in the catalogue");
	}
	if ((rc = get_str(c, t, "interactor", what, 0, &s)))
		goto out;
	if (s) {
		free(p->interactor_file);
		free(p->interactor_source);
		p->interactor_file = xstrdup(s);
		p->interactor_source = NULL;
	}
	/* an interactive problem's interactor decides: no checker needed */
	if ((rc = parse_checker(c, t, what, !pkg && !p->interactor_file, p)) ||
	    (rc = parse_contracts(c, t, cp)))
		goto out;
	if (!pkg && !toml_get(t, "checker"))
		p->checker = DB_CHECKER_TOKENS;   /* unused: the interactor decides */
	if (pkg)
		detect_package_contracts(cp);
	if ((rc = get_strings(c, t, "tags", what, 0, &p->tags, &p->ntags)))
		goto out;
	if ((rc = get_str(c, t, "complexity", what, 0, &s)))
		goto out;
	p->complexity = xstrdup(s ? s : "");
	if (!p->checker_args)
		p->checker_args = xstrdup("");
	if (!p->package)
		p->package = xstrdup("");
	if (!p->time_limit_from)
		p->time_limit_from = xstrdup("");
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

	if ((rc = parse_head(c, t, "contest", contest_keys, what, 1, &k->id, &k->title)))
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
static int read_test(const struct cat_test *t, struct buf *in, struct buf *ans, char hash[65])
{
	buf_reset(in);
	buf_reset(ans);
	if (util_read_file(t->in_path, in, MAX_TEST_BYTES) < 0 ||
	    (t->ans_path && util_read_file(t->ans_path, ans, MAX_TEST_BYTES) < 0))
		return err_as(ERR_INPUT);
	if (!t->ans_path)
		buf_add(ans, "", 0);   /* an interactive case without an answer */
	db_test_hash(in->data, in->len, ans->data, ans->len, hash);
	return 0;
}

/* A native test's file paths: FOLDER/tests/NAME.in and .ans. */
static void native_paths(const struct cat_problem *cp, struct cat_test *t)
{
	t->in_path = xasprintf("%s/tests/%s.in", cp->dir, t->name);
	t->ans_path = xasprintf("%s/tests/%s.ans", cp->dir, t->name);
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
			native_paths(cp, &cp->tests[i]);
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
	if (!(names = util_list_dir(tests_dir, &n))) {
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
	for (i = 0; i < cp->ntests; i++) {
		native_paths(cp, &cp->tests[i]);
		if (read_test(&cp->tests[i], &in, &ans, cp->tests[i].hash) < 0)
			goto out;
	}
	rc = 0;
out:
	util_free_names(names, n);
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
	if (p->package && *p->package) {
		buf_addf(&b, "package %s %s %s %s %d %d %d\n", p->package,
			 db_contract_name(p->checker_contract),
			 db_contract_name(p->validator_contract),
			 db_contract_name(p->interactor_contract), p->validation_time_ms,
			 p->validation_memory_mb, p->scoring);
		buf_addf(&b, "args %zu:%s\nlimit %zu:%s\ninteractor %zu:%s\n",
			 strlen(p->checker_args), p->checker_args, strlen(p->time_limit_from),
			 p->time_limit_from, p->interactor_file ? strlen(p->interactor_file) : 0,
			 p->interactor_file ? p->interactor_file : "");
		if (p->interactor_source)
			buf_addf(&b, "interactor source %zu:%s\n", strlen(p->interactor_source),
				 p->interactor_source);
	}
	for (i = 0; i < cp->ntests; i++) {
		buf_addf(&b, "test %zu:%s %d %s\n", strlen(cp->tests[i].name),
			 cp->tests[i].name, cp->tests[i].is_sample, cp->tests[i].hash);
		if (cp->tests[i].args && *cp->tests[i].args)
			buf_addf(&b, "args %zu:%s\n", strlen(cp->tests[i].args), cp->tests[i].args);
		if (cp->tests[i].score)
			buf_addf(&b, "score %.17g\n", cp->tests[i].score);
		if (cp->tests[i].interaction)
			buf_addf(&b, "interaction %zu:%s\n", strlen(cp->tests[i].interaction),
				 cp->tests[i].interaction);
	}
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

/* A package's statement, tests (data/) and hashes. */
static int check_package(struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct cat_test *t;
	char *path;
	size_t i;
	int rc = -1;

	p->fingerprint = pkg_fingerprint(cp->dir);
	if (pkg_statement(cp->dir, &p->statement) < 0)
		return -1;
	if (p->checker_file && !p->checker_source) {
		/* checker_source given in the catalogue, relative to the package */
		path = join(cp->dir, p->checker_file);
		rc = read_text(path, &p->checker_source);
		free(path);
		if (rc < 0)
			return -1;
	}
	if (pkg_scan_data(cp->dir, &cp->meta, &cp->data) < 0)
		return -1;
	cp->tests = xcalloc(cp->data.n + 1, sizeof(*cp->tests));
	for (i = 0; i < cp->data.n; i++) {
		t = &cp->tests[cp->ntests++];
		t->name = xstrdup(cp->data.v[i].name);
		t->is_sample = cp->data.v[i].is_sample;
		t->in_path = xstrdup(cp->data.v[i].in_path);
		t->ans_path = cp->data.v[i].ans_path ? xstrdup(cp->data.v[i].ans_path) : NULL;
		t->args = xstrdup(cp->data.v[i].args);
		t->interaction = cp->data.v[i].interaction ?
			xstrdup(cp->data.v[i].interaction) : NULL;
		t->score = cp->data.v[i].score;
		if (read_test(t, &in, &ans, t->hash) < 0)
			goto out;
	}
	p->test_count = (int)cp->ntests;
	rc = 0;
out:
	buf_release(&in);
	buf_release(&ans);
	return rc;
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

/* The source of the program file (relative to cp's folder; none when NULL)
 * that key names, into *out: 0, the bad-input exit code when it does not
 * exist ("WHAT 'path' of problem 'id' does not exist", at the key), or -1
 * when it cannot be read. */
static int read_program(const struct catalog *c, const struct cat_problem *cp,
			const char *key, const char *what, const char *file, char **out)
{
	struct stat st;
	char *path;
	int rc;

	if (!file)
		return 0;
	path = join(cp->dir, file);
	if (stat(path, &st) < 0)
		rc = bad_at(c, toml_get(cp->where, key), "%s '%s' of problem '%s' does not exist",
			    what, path, cp->p.id);
	else
		rc = read_text(path, out);
	free(path);
	return rc;
}

static int check_folder(struct catalog *c, struct cat_problem *cp,
			const struct db_problem *stored)
{
	struct db_problem *p = &cp->p;
	struct stat st;
	char *path;
	int rc;

	if (cp->meta.format) {
		if (check_package(cp) < 0)
			return -1;
		content_hash(cp);   /* again when package_programs sets the limit */
		return 0;
	}
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
	if ((rc = read_program(c, cp, "checker_source", "checker source", p->checker_file,
			       &p->checker_source)) ||
	    (rc = read_program(c, cp, "interactor", "interactor", p->interactor_file,
			       &p->interactor_source)))
		return rc;
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

/* ---- a package's programs: input validators, the computed time limit ------- */

#define VALIDATOR_CPU_MS     10000
#define VALIDATOR_MEMORY_MB  1024
#define MEASURE_CPU_MS       20000   /* an accepted submission timing a test */

static void note(const struct catalog *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void note(const struct catalog *c, const char *fmt, ...)
{
	char line[512];
	size_t n;
	va_list ap;

	if (!c->stats)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	n = strlen(c->stats->notes);
	snprintf(c->stats->notes + n, sizeof(c->stats->notes) - n, "%s\n", line);
}

/* Split args into at most max words (pointing into *copy, malloc'd). */
static size_t split_args(const char *args, char **copy, const char **argv, size_t max)
{
	char *save = NULL, *w;
	size_t n = 0;

	*copy = xstrdup(args ? args : "");
	for (w = strtok_r(*copy, " \t\n", &save); w && n < max;
	     w = strtok_r(NULL, " \t\n", &save))
		argv[n++] = w;
	argv[n] = NULL;
	return n;
}

/* Whether a validator's run r accepts its input: exit 42 under Kattis'
 * contract, 0 under ours and testlib's. Otherwise *why says what it did
 * (malloc'd; NULL when it accepts). */
static int validator_accepts(const struct cat_problem *cp, const struct catalog_run *r,
			     char **why)
{
	const char *out = r->output ? r->output : "";
	int n = (int)strcspn(out, "\n");

	*why = NULL;
	if (r->exited && r->exit_code == (cp->p.validator_contract == DB_CONTRACT_KATTIS ? 42 : 0))
		return 1;
	*why = r->exited ? xasprintf("exit %d%s%.*s", r->exit_code, *out ? ": " : "", n, out) :
		xasprintf("it did not exit by itself: %s%s%.*s", r->how[0] ? r->how : "stopped",
			  *out ? ": " : "", n, out);
	return 0;
}

/* Run the input validator on one input file: 0 with *valid, or -1. */
static int validate_input(const struct catalog *c, const struct cat_problem *cp,
			  const char *file, const char *args, int *valid, char **why)
{
	struct buf in = BUF_INIT;
	struct catalog_run r;
	const char *argv[33];
	char *copy;
	int rc;

	if (util_read_file(file, &in, MAX_TEST_BYTES) < 0) {
		buf_release(&in);
		return err_as(ERR_INPUT);
	}
	split_args(args, &copy, argv, 32);
	rc = c->cc->run(c->cc->arg, cp->validator_file, cp->validator_source,
			strlen(cp->validator_source), argv, in.data, in.len,
			cp->p.validation_time_ms > 0 ? (unsigned)cp->p.validation_time_ms :
			VALIDATOR_CPU_MS, (unsigned long)VALIDATOR_MEMORY_MB * 1024, &r);
	free(copy);
	buf_release(&in);
	if (rc < 0)
		return -1;
	if (!r.compiled) {
		char *line = compile_first_error(r.output ? r.output : "");

		err_input("%s/%s does not compile (the input validator of problem '%s'): %s",
			  cp->dir, cp->validator_file, cp->p.id, line);
		free(line);
		free(r.output);
		return -1;
	}
	*valid = validator_accepts(cp, &r, why);
	free(r.output);
	return 0;
}

/* Every input of data/ valid, every data/invalid_input case rejected. */
static int validate_inputs(const struct catalog *c, const struct cat_problem *cp)
{
	const struct pkg_data *d = &cp->data;
	char *why;
	size_t i;
	int valid, rc = 0;

	for (i = 0; i < d->n && rc == 0; i++) {
		if (validate_input(c, cp, d->v[i].in_path, d->v[i].input_args, &valid, &why) < 0)
			return -1;
		if (!valid)
			rc = err_input("%s: rejected by the input validator %s (%s)",
				       d->v[i].in_path, cp->validator_file, why);
		free(why);
	}
	for (i = 0; i < d->ninvalid && rc == 0; i++) {
		if (validate_input(c, cp, d->invalid[i].in_path, d->invalid[i].input_args,
				   &valid, &why) < 0)
			return -1;
		if (valid)
			rc = err_input("%s: an invalid input, but the input validator %s accepts "
				       "it (exit 42)", d->invalid[i].in_path, cp->validator_file);
		free(why);
	}
	return rc;
}

/* ---- a native problem's validator over its tests ------------------------- */

/* A native problem's validator (validator.c, .cc, .cpp), when it has one,
 * on every test input: an input it rejects is the catalogue's error
 * ("FOLDER/tests/NAME.in: rejected by validator.c (exit 1: why)"). 0, or
 * -1 with err set. */
static int validate_native_tests(const struct catalog *c, const struct cat_problem *cp)
{
	char *path = compile_tool_path(cp->dir, "validator"), *why = NULL;
	struct buf src = BUF_INIT, full = BUF_INIT, in = BUF_INIT;
	const char *argv[] = { NULL };
	struct catalog_run r;
	size_t i;
	int rc = 0;

	if (access(path, F_OK) < 0)
		goto out;
	if (util_read_file(path, &src, MAX_TEXT_BYTES) < 0 ||
	    compile_inline_headers(cp->dir, compile_lang_of_path(path), buf_str(&src),
				   src.len, &full) < 0) {
		rc = err_as(ERR_INPUT);
		goto out;
	}
	for (i = 0; rc == 0 && i < cp->ntests; i++) {
		buf_reset(&in);
		if (util_read_file(cp->tests[i].in_path, &in, MAX_TEST_BYTES) < 0) {
			rc = err_as(ERR_INPUT);
			break;
		}
		if (c->cc->run(c->cc->arg, path, full.data, full.len, argv, in.data, in.len,
			       VALIDATOR_CPU_MS, (unsigned long)VALIDATOR_MEMORY_MB * 1024, &r) < 0) {
			rc = -1;
			break;
		}
		if (r.compiled && !validator_accepts(cp, &r, &why))
			rc = err_input("%s: rejected by %s, the validator of problem '%s' (%s)",
				       cp->tests[i].in_path, path, cp->p.id, why);
		free(why);
		why = NULL;
		free(r.output);
	}
out:
	buf_release(&src);
	buf_release(&full);
	buf_release(&in);
	free(path);
	return rc;
}

/* validate_native_tests, except that a validator the sync cannot run (no
 * sandbox here) is left out, as the compile check is. */
static int native_validation(const struct catalog *c, const struct cat_problem *cp)
{
	if (validate_native_tests(c, cp) == 0)
		return 0;
	if (err_kind() == ERR_INPUT)
		return -1;
	err_clear();
	return 0;
}

/* The first line of s (in a static buffer, cut to 200 bytes). */
static const char *first_line(const char *s)
{
	static char line[201];
	size_t n = s ? strcspn(s, "\n") : 0;

	if (n > 200)
		n = 200;
	memcpy(line, s ? s : "", n);
	line[n] = 0;
	return line;
}

/* One accepted submission on one test: alone, or against the interactor of
 * an interactive package (under its validation limits). */
static int run_accepted(const struct catalog *c, const struct cat_problem *cp,
			const char *path, const char *src, const struct buf *in,
			const struct buf *ans, struct catalog_run *r)
{
	unsigned long mem = (unsigned long)cp->p.memory_limit_mb * 1024;

	if (!cp->p.interactor_source)
		return c->cc->run(c->cc->arg, path, src, strlen(src), NULL, in->data, in->len,
				  MEASURE_CPU_MS, mem, r);
	if (!c->cc->run_pair)
		return err_set("no interactive runner at the sync");
	return c->cc->run_pair(c->cc->arg, path, src, strlen(src), cp->p.interactor_file,
			       cp->p.interactor_source, strlen(cp->p.interactor_source),
			       in->data, in->len, ans->data, ans->len, MEASURE_CPU_MS, mem,
			       cp->p.validation_time_ms > 0 ? (unsigned)cp->p.validation_time_ms : 0,
			       (unsigned long)(cp->p.validation_memory_mb > 0 ?
					       cp->p.validation_memory_mb : 0) * 1024, r);
}

/* The slowest accepted C/C++ submission's CPU time over every test: 0 with
 * *ms and *who (malloc'd), 1 when there is none, -1 on error. */
static int slowest_accepted(const struct catalog *c, const struct cat_problem *cp,
			    unsigned *ms, char **who)
{
	char *dir = xasprintf("%s/submissions/accepted", cp->dir), *path, *src;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct catalog_run r;
	char **names, hash[65];
	size_t n, i, k;
	int rc = 1;

	*ms = 0;
	*who = NULL;
	if (!(names = util_list_dir(dir, &n))) {
		free(dir);
		return 1;
	}
	for (i = 0; i < n && rc != -1; i++) {
		if (!compile_is_source_name(names[i]))
			continue;
		path = xasprintf("%s/%s", dir, names[i]);
		if (read_text(path, &src) < 0) {
			free(path);
			rc = -1;
			break;
		}
		for (k = 0; k < cp->ntests && rc != -1; k++) {
			if (read_test(&cp->tests[k], &in, &ans, hash) < 0 ||
			    run_accepted(c, cp, path, src, &in, &ans, &r) < 0) {
				rc = -1;
				break;
			}
			if (!r.compiled || !r.exited || r.exit_code != 0 ||
			    (cp->p.interactor_source && r.peer_exit != 42))
				rc = err_input("%s: the accepted submission %s on test '%s'%s%s%s (the "
					       "time limit is computed from it; add a .timelimit "
					       "file to give one)", path, !r.compiled ?
					       "does not compile" : "fails", cp->tests[k].name,
					       cp->p.interactor_source && r.exited && r.exit_code == 0 ?
					       ": the interactor says '" : "",
					       cp->p.interactor_source && r.exited && r.exit_code == 0 ?
					       first_line(r.output) : "",
					       cp->p.interactor_source && r.exited && r.exit_code == 0 ?
					       "'" : "");
			else if (r.cpu_ms >= *ms) {
				rc = 0;
				*ms = r.cpu_ms;
				free(*who);
				*who = xasprintf("accepted/%s", names[i]);
			}
			free(r.output);
		}
		free(src);
		free(path);
	}
	util_free_names(names, n);
	free(dir);
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* A package without a time limit: from its slowest accepted submission,
 * as problemtools does (legacy: time_multiplier, rounded to whole seconds,
 * at least 1; 2025-09: ac_to_time_limit, rounded up to time_resolution). */
static int compute_time_limit(const struct catalog *c, struct cat_problem *cp)
{
	struct db_problem *p = &cp->p;
	const struct pkg_meta *m = &cp->meta;
	double slowest, exact, secs;
	unsigned ms;
	char *who, *upper = NULL;
	int rc;

	if (!c->cc || !c->cc->run)
		return bad_at(c, cp->folder_where, "package '%s' gives no time limit and the "
			      "sandbox cannot run its accepted submissions here to compute one; "
			      "add a .timelimit file", cp->dir);
	rc = slowest_accepted(c, cp, &ms, &who);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return bad_at(c, cp->folder_where, "package '%s' gives no time limit and has "
			      "no accepted C or C++ submission to compute one from; add a "
			      ".timelimit file", cp->dir);
	slowest = ms / 1000.0;
	if (m->modern) {
		exact = slowest * m->ac_to_time_limit;
		secs = ceil(exact / m->time_resolution - 1e-9) * m->time_resolution;
		if (secs < m->time_resolution)
			secs = m->time_resolution;
	} else {
		exact = slowest * m->time_multiplier;
		secs = floor(exact + 0.5);
		if (secs < 1)
			secs = 1;
	}
	p->time_limit_ms = (int)ceil(secs * 1000 - 1e-6);
	/* the margin over it that 'judge regress' holds time_limit_exceeded
	 * submissions to: time_limit_to_tle (legacy: time_safety_margin, as
	 * problemtools reads it now) */
	upper = xasprintf("; time_limit_exceeded submissions must run over %g s x %s %g",
			  secs, m->modern ? "time_limit_to_tle" : "time_safety_margin",
			  m->modern ? m->time_limit_to_tle : m->time_safety_margin);
	free(p->time_limit_from);
	p->time_limit_from = xasprintf("computed as problemtools does: slowest accepted "
				       "submission %s %.3f s x %s %g = %.3f s, %s %g s%s",
				       who, slowest, m->modern ? "ac_to_time_limit" :
				       "time_multiplier", m->modern ? m->ac_to_time_limit :
				       m->time_multiplier, exact, m->modern ? "rounded up to" :
				       "rounded to", secs, upper);
	free(upper);
	free(who);
	return 0;
}

/* A package's input validators (on a new or changed package) and its time
 * limit when it gives none (computed again only when it changed). */
static int package_programs(const struct catalog *c, struct cat_problem *cp, int changed,
			    const struct db_problem *stored)
{
	struct db_problem *p = &cp->p;
	char *rel, *src, *other = NULL;
	int rc;

	if (!cp->validator_source) {
		rc = pkg_find_program(cp->dir, input_validator_dirs,
				      &rel, &src, &other);
		if (rc == 0) {
			free(rel);
			free(src);
		} else if (other) {
			note(c, "package '%s': input validator %s skipped (only C and C++ "
			     "validators run)", p->id, other);
		}
		free(other);
	}
	if (changed && cp->validator_source && c->cc && c->cc->run &&
	    validate_inputs(c, cp) < 0) {
		if (err_kind() != ERR_INPUT)
			err_clear();   /* no sandbox here: not the package's fault */
		else
			return -1;
	}
	if (p->time_limit_ms)
		return 0;
	if (!changed && stored && stored->time_limit_ms > 0 && stored->time_limit_from &&
	    !strncmp(stored->time_limit_from, "computed", 8)) {
		p->time_limit_ms = stored->time_limit_ms;
		free(p->time_limit_from);
		p->time_limit_from = xstrdup(stored->time_limit_from);
	} else if (compute_time_limit(c, cp) < 0) {
		return -1;
	}
	content_hash(cp);
	return 0;
}

/* Read, parse and validate the catalogue and every folder. */
static int load_catalog(struct db *db, struct catalog *c, int force)
{
	struct buf src = BUF_INIT;
	struct db_problem stored;
	char *dir;
	size_t i;
	int rc, got, changed;

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
		changed = rc == 0 && (got != 0 || !stored.fingerprint ||
			strcmp(stored.fingerprint, c->problems[i].p.fingerprint));
		if (rc == 0 && c->cc && changed)
			rc = compile_programs(c, &c->problems[i]);
		if (rc == 0 && c->cc && c->cc->run && changed && !c->problems[i].meta.format)
			rc = native_validation(c, &c->problems[i]);
		if (rc == 0 && c->problems[i].meta.format)
			rc = package_programs(c, &c->problems[i], changed,
					      got == 0 ? &stored : NULL);
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
		if (read_test(&cp->tests[i], &in, &ans, hash) < 0)
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
		t.args = cp->tests[i].args;
		t.interaction = cp->tests[i].interaction;
		t.score = cp->tests[i].score;
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
		fp = v[i].package && *v[i].package ? pkg_fingerprint(pdir) :
			folder_fingerprint(pdir, v[i].checker_file, v[i].interactor_file);
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
	c.stats = stats;
	rc = load_catalog(db, &c, flags & CATALOG_FORCE);
	if (rc == 0) {
		stats->synced = 1;
		rc = apply_catalog(db, &c, stats);
	}
	catalog_release(&c);
	return rc;
}

/* The "unknown problem" error for id, with the nearest stored id when one
 * is close; returns -1. */
static int unknown_problem(struct db *db, const char *id)
{
	char *near = db_problem_nearest(db, id);

	if (near)
		err_input("unknown problem '%s'; did you mean '%s'? run 'judge list' to see "
			  "the problem ids", id, near);
	else
		err_input("unknown problem '%s'; run 'judge list' to see the problem ids", id);
	free(near);
	return -1;
}

int catalog_lookup_problem(struct db *db, const char *id, struct db_problem *p)
{
	int rc = db_problem_get(db, id, p);

	if (rc < 0)
		return -1;
	return rc == 0 ? 0 : unknown_problem(db, id);
}

int catalog_find_problem(struct db *db, const char *id, struct db_problem *p)
{
	int rc = db_problem_get(db, id, p);

	if (rc < 0)
		return -1;
	if (rc == 0 && !p->retired)
		return 0;
	if (rc == 0)
		db_problem_release(p);
	return unknown_problem(db, id);
}

/* ---- judge add-package ----------------------------------------------------- */

/* dir as a path from the catalogue's folder cdir (both as given, relative
 * to the current folder or absolute), malloc'd. */
static char *relative_to(const char *cdir, const char *dir)
{
	char *rc = realpath(cdir, NULL), *rd = realpath(dir, NULL);
	struct buf out = BUF_INIT;
	size_t common = 0, i;

	if (!rc || !rd) {
		free(rc);
		free(rd);
		return xstrdup(dir);
	}
	/* the longest common prefix ending at a folder boundary */
	for (i = 0; rc[i] && rc[i] == rd[i]; i++)
		if (rc[i] == '/')
			common = i;
	if (!rc[i] && (rd[i] == '/' || !rd[i]))
		common = i;
	if (!strcmp(rc, "/"))
		common = 0;
	else
		for (i = common; rc[i]; i++)
			if (rc[i] == '/')
				buf_addstr(&out, "../");
	buf_addstr(&out, rd[common] == '/' ? rd + common + 1 : rd + common);
	if (!out.len)
		buf_addstr(&out, ".");
	free(rc);
	free(rd);
	return buf_detach(&out, NULL);
}

static char *id_from_dir(const char *dir)
{
	char *copy = xstrdup(dir), *base, *id, *p;

	while (strlen(copy) > 1 && copy[strlen(copy) - 1] == '/')
		copy[strlen(copy) - 1] = 0;
	base = strrchr(copy, '/') ? strrchr(copy, '/') + 1 : copy;
	id = xstrdup(base);
	for (p = id; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
		else if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			*p = '-';
	}
	free(copy);
	return id;
}

/* A TOML basic string's body for s (quotes and backslashes escaped). */
static void toml_quote(struct buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addch(b, '\\');
		buf_addch(b, *s);
	}
}

int catalog_add_package(const char *path, const char *dir, const char *id,
			char **old, size_t *oldlen, char **out_id)
{
	struct buf src = BUF_INIT, out = BUF_INIT;
	struct toml_value *doc = NULL;
	const struct toml_value *probs, *v;
	char *yaml = xasprintf("%s/problem.yaml", dir), *cdir, *rel = NULL, *pdir, *myid;
	struct stat st;
	size_t i;
	int rc = -1;

	*old = NULL;
	*out_id = NULL;
	myid = id ? xstrdup(id) : id_from_dir(dir);
	if (stat(yaml, &st) < 0 || !S_ISREG(st.st_mode)) {
		err_input("'%s' is not a Kattis problem package: it has no problem.yaml", dir);
		goto out;
	}
	if (!valid_id(myid)) {
		err_input("problem id '%s' must be lowercase letters, digits and '-', not "
			  "starting with '-'; pass --id ID", myid);
		goto out;
	}
	if (util_read_file(path, &src, MAX_CATALOG_BYTES) < 0) {
		err_prefix("cannot read the catalogue");
		err_as(ERR_INPUT);
		goto out;
	}
	doc = toml_parse(src.data ? src.data : "", src.len);
	if (!doc) {
		char *msg = xstrdup(err_msg());

		err_input("%s:%s", path, msg);
		free(msg);
		goto out;
	}
	probs = toml_get(doc, "problem");
	for (i = 0; probs && probs->type == TOML_ARRAY && i < probs->u.array.n; i++) {
		v = toml_get(probs->u.array.items[i], "id");
		if (v && v->type == TOML_STRING && !strcmp(v->u.string.s, myid)) {
			err_input("%s:%d:%d: problem '%s' is already in the catalogue; pass --id ID",
				  path, v->line, v->col, myid);
			goto out;
		}
	}
	pdir = xstrdup(path);
	cdir = xstrdup(strrchr(pdir, '/') ? dirname(pdir) : ".");
	free(pdir);
	rel = relative_to(cdir, dir);
	free(cdir);
	buf_add(&out, src.data ? src.data : "", src.len);
	if (src.len && src.data[src.len - 1] != '\n')
		buf_addch(&out, '\n');
	buf_addstr(&out, src.len ? "\n[[problem]]\nid = \"" : "[[problem]]\nid = \"");
	toml_quote(&out, myid);
	buf_addstr(&out, "\"\npackage = \"");
	toml_quote(&out, rel);
	buf_addstr(&out, "\"\n");
	if (util_write_file(path, out.data, out.len, 0644) < 0)
		goto out;
	*old = buf_detach(&src, oldlen);
	*out_id = myid;
	myid = NULL;
	rc = 0;
out:
	toml_free(doc);
	buf_release(&src);
	buf_release(&out);
	free(yaml);
	free(rel);
	free(myid);
	return rc;
}
