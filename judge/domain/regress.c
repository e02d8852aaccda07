/* regress.c: the engine behind 'judge regress' (see regress.h): discovery,
 * filters, the worker pool, time margins, comparison and JUnit XML. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "judge/domain/package.h"
#include "judge/domain/queue.h"
#include "judge/domain/regress.h"
#include "judge/domain/testcache.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/regex.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

/* Gradings of a solution that ends IE before IE is reported. */
#define REGRESS_IE_ATTEMPTS 3

/* Longest failure message kept per solution, bytes. */
#define MESSAGE_MAX 300

static void item_release(struct regress_item *it)
{
	db_regress_result_release(&it->res);
	free(it->path);
	free(it->source);
	free(it->test);
	free(it->retried);
	if (it->rules) {
		pkg_rules_release(it->rules);
		free(it->rules);
	}
}

void regress_set_release(struct regress_set *set)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		item_release(&set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = 0;
	for (i = 0; i < set->nskipped; i++)
		free(set->skipped[i]);
	free(set->skipped);
	set->skipped = NULL;
	set->nskipped = 0;
}

/* ---- discovery ------------------------------------------------------------ */

static int is_kind(const char *path, mode_t kind)
{
	struct stat st;

	return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == kind;
}

static int folder_verdict(const char *name)
{
	int v;

	for (v = 0; v < V_COUNT; v++)
		if (verdict_folder((enum verdict)v) && !strcmp(name, verdict_folder((enum verdict)v)))
			return v;
	return -1;
}

static void add_item(struct regress_set *set, size_t *alloc, const char *dir,
		     const char *problem, const char *folder, const char *name)
{
	struct regress_item *it;

	if (set->n == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 32;
		set->v = xrealloc(set->v, *alloc * sizeof(*set->v));
	}
	it = &set->v[set->n++];
	memset(it, 0, sizeof(*it));
	it->res.problem = xstrdup(problem);
	it->res.solution = xasprintf("%s/%s/%s", problem, folder, name);
	it->res.expected = folder_verdict(folder);
	it->res.got = V_IE;
	it->res.message = xstrdup("");
	it->res.flag = xstrdup("");
	it->path = xasprintf("%s/%s", dir, it->res.solution);
}

int regress_discover(const char *dir, struct regress_set *set)
{
	char **probs, **folders, **files, *p1, *p2, *p3;
	size_t np, nf, nn, i, j, k, alloc = 0, len;

	set->v = NULL;
	set->n = 0;
	if (!is_kind(dir, S_IFDIR)) {
		if (access(dir, F_OK) != 0)
			return err_input("no solutions folder '%s' (stored solutions go in "
					 "solutions/PROBLEM/VERDICT/NAME.c next to the catalogue)",
					 dir);
		return err_input("'%s' is not a folder", dir);
	}
	probs = util_list_dir(dir, &np);
	if (!probs)
		return err_as(ERR_INPUT);
	for (i = 0; i < np; i++) {
		p1 = xasprintf("%s/%s", dir, probs[i]);
		folders = is_kind(p1, S_IFDIR) ? util_list_dir(p1, &nf) : NULL;
		for (j = 0; folders && j < nf; j++) {
			p2 = xasprintf("%s/%s", p1, folders[j]);
			files = is_kind(p2, S_IFDIR) ? util_list_dir(p2, &nn) : NULL;
			for (k = 0; files && k < nn; k++) {
				len = strlen(files[k]);
				p3 = xasprintf("%s/%s", p2, files[k]);
				if (len > 2 && compile_is_source_name(files[k]) &&
				    is_kind(p3, S_IFREG))
					add_item(set, &alloc, dir, probs[i], folders[j], files[k]);
				free(p3);
			}
			if (files)
				util_free_names(files, nn);
			free(p2);
		}
		if (folders)
			util_free_names(folders, nf);
		free(p1);
	}
	util_free_names(probs, np);
	return 0;
}

/* ---- packages -------------------------------------------------------------- */

#define RG(v) (1 << (v))

static const struct {
	const char *folder;
	int expected;          /* shown as expected when the verdict is not among any_of */
	int any_of;
} kattis_folders[] = {
	{ "accepted", V_AC, RG(V_AC) },
	{ "wrong_answer", V_WA, RG(V_WA) },
	{ "time_limit_exceeded", V_TLE, RG(V_TLE) },
	{ "run_time_error", V_RE, RG(V_RE) },
	{ "rejected", V_WA, ~RG(V_AC) & ~RG(V_CE) & ~RG(V_IE) },
	{ "brute_force", V_TLE, RG(V_TLE) | RG(V_RE) },
};

#define NFOLDERS (sizeof(kattis_folders) / sizeof(kattis_folders[0]))

static void add_skipped(struct regress_set *set, char *what)
{
	set->skipped = xrealloc(set->skipped, (set->nskipped + 1) * sizeof(char *));
	set->skipped[set->nskipped++] = what;
}

/* A submission that is a folder (a program of several files, as Kattis
 * allows): graded when it holds exactly one C or C++ source (its headers
 * beside it put in place) and no build or run script; otherwise skipped,
 * listed as "PROBLEM/FOLDER/NAME/". */
/* Give the item just added its submissions.yaml rules; drop it (0) when
 * it is in a folder of no default meaning that no rule names. */
static int attach_rules(struct regress_set *set, const struct pkg_rules *r, const char *rel,
			int custom)
{
	struct regress_item *it = &set->v[set->n - 1];
	struct pkg_rules got;
	int n = pkg_rules_for(r, rel, &got);

	if (n < 0 || (custom && n == 0)) {
		if (n >= 0)
			pkg_rules_release(&got);
		item_release(it);
		set->n--;
		return 0;
	}
	if (n == 0) {
		pkg_rules_release(&got);
		return 1;
	}
	it->rules = xmalloc(sizeof(*it->rules));
	*it->rules = got;
	return 1;
}

/* Does a rule of r name rel (a submission in a folder of no default
 * meaning)? */
static int named_by_rules(const struct pkg_rules *r, const char *rel)
{
	struct pkg_rules got;
	int n = pkg_rules_for(r, rel, &got);

	if (n >= 0)
		pkg_rules_release(&got);
	return n > 0;
}

/* The item just added is package folder f's submission (f == NFOLDERS: a
 * folder only submissions.yaml gives a meaning). */
static void package_item(struct regress_set *set, size_t f, char *path)
{
	struct regress_item *it = &set->v[set->n - 1];

	free(it->path);
	it->path = path;
	it->res.expected = f < NFOLDERS ? kattis_folders[f].expected : V_AC;
	it->kattis = 1;
	it->any_of = f < NFOLDERS ? kattis_folders[f].any_of : RG(V_AC);
}

static void add_package_program(struct regress_set *set, size_t *alloc, const char *subs,
				const char *problem, const char *folder, const char *name,
				size_t f, const struct pkg_rules *rules)
{
	char *dir = xasprintf("%s/%s/%s", subs, folder, name), **names, *one = NULL, *rel;
	struct regress_item *it;
	size_t n = 0, i, sources = 0;
	int scripts = 0;

	names = util_list_dir(dir, &n);
	err_clear();
	for (i = 0; names && i < n; i++) {
		if (!strcmp(names[i], "build") || !strcmp(names[i], "run"))
			scripts = 1;
		else if (compile_is_source_name(names[i]) && sources++ == 0)
			one = names[i];
	}
	rel = xasprintf("%s/%s", folder, name);
	if (sources == 1 && !scripts) {
		free(rel);
		rel = xasprintf("%s/%s", name, one);
		add_item(set, alloc, subs, problem, folder, rel);
		package_item(set, f, xasprintf("%s/%s/%s", subs, folder, rel));
		it = &set->v[set->n - 1];
		free(rel);
		rel = xasprintf("%s/%s/%s", folder, name, one);
		if (pkg_load_program(subs, rel, &it->source) < 0)
			err_clear();   /* read_sources reads it as it is, and says why not */
		else
			it->len = strlen(it->source);
		attach_rules(set, rules, rel, f >= NFOLDERS);
	} else if (f < NFOLDERS || named_by_rules(rules, rel)) {
		add_skipped(set, xasprintf("%s/%s/%s/", problem, folder, name));
	}
	free(rel);
	if (names)
		util_free_names(names, n);
	free(dir);
}

/* The submissions in subs/folder: f is its kattis_folders index, or
 * NFOLDERS for another folder (only what submissions.yaml names in it). */
static void add_package_folder(struct regress_set *set, size_t *alloc, const char *subs,
			       const char *problem, const char *folder, size_t f,
			       const struct pkg_rules *rules)
{
	char *p = xasprintf("%s/%s", subs, folder), **files, *full, *rel;
	size_t n, k;

	files = is_kind(p, S_IFDIR) ? util_list_dir(p, &n) : NULL;
	err_clear();
	for (k = 0; files && k < n; k++) {
		full = xasprintf("%s/%s", p, files[k]);
		rel = xasprintf("%s/%s", folder, files[k]);
		if (is_kind(full, S_IFDIR)) {
			add_package_program(set, alloc, subs, problem, folder, files[k], f, rules);
			free(full);
		} else if (!is_kind(full, S_IFREG)) {
			free(full);
		} else if (compile_is_source_name(files[k])) {
			add_item(set, alloc, subs, problem, folder, files[k]);
			package_item(set, f, full);
			attach_rules(set, rules, rel, f >= NFOLDERS);
		} else {
			free(full);
			if (f < NFOLDERS || named_by_rules(rules, rel))
				add_skipped(set, xasprintf("%s/%s/%s", problem, folder, files[k]));
		}
		free(rel);
	}
	if (files)
		util_free_names(files, n);
	free(p);
}

/* One package's submissions: the default folders, then any other folder
 * its submissions.yaml names. */
static int add_package(struct regress_set *set, size_t *alloc, const char *subs,
		       const char *problem)
{
	struct pkg_rules rules = { 0 };
	struct pkg_meta meta = PKG_META_INIT;
	char *yaml = xasprintf("%s/submissions.yaml", subs), **dirs, *pyaml;
	size_t f, n, k, first = set->n;

	if (is_kind(yaml, S_IFREG) && pkg_rules_read(yaml, &rules) < 0) {
		free(yaml);
		return -1;
	}
	free(yaml);
	for (f = 0; f < NFOLDERS; f++)
		add_package_folder(set, alloc, subs, problem, kattis_folders[f].folder, f, &rules);
	dirs = rules.n && is_kind(subs, S_IFDIR) ? util_list_dir(subs, &n) : NULL;
	err_clear();
	for (k = 0; dirs && k < n; k++) {
		for (f = 0; f < NFOLDERS && strcmp(kattis_folders[f].folder, dirs[k]); f++)
			;
		if (f == NFOLDERS)
			add_package_folder(set, alloc, subs, problem, dirs[k], NFOLDERS, &rules);
	}
	if (dirs)
		util_free_names(dirs, n);
	pkg_rules_release(&rules);
	/* the TLE margin of its problem.yaml (read again by the sync, which
	 * reports what is wrong with it) */
	pyaml = xasprintf("%.*s/problem.yaml", (int)(strlen(subs) - strlen("/submissions")), subs);
	if (pkg_meta_read(pyaml, &meta) == 0)
		for (k = first; k < set->n; k++) {
			set->v[k].tle_factor = meta.modern ? meta.time_limit_to_tle :
				meta.time_safety_margin;
			set->v[k].tle_key = meta.modern ? "time_limit_to_tle" :
				"time_safety_margin";
		}
	err_clear();
	pkg_meta_release(&meta);
	free(pyaml);
	return 0;
}

int regress_discover_packages(struct db *db, const char *catalog_dir,
			      struct regress_set *set)
{
	struct db_problem *probs;
	size_t np, i, alloc = set->n;
	char *subs;
	int rc = 0;

	if (db_problem_list(db, 0, &probs, &np) < 0)
		return -1;
	for (i = 0; i < np && rc == 0; i++) {
		if (!probs[i].package || !*probs[i].package)
			continue;
		subs = probs[i].folder[0] == '/' || !strcmp(catalog_dir, ".") ?
			xasprintf("%s/submissions", probs[i].folder) :
			xasprintf("%s/%s/submissions", catalog_dir, probs[i].folder);
		rc = add_package(set, &alloc, subs, probs[i].id);
		free(subs);
	}
	db_problem_list_free(probs, np);
	return rc;
}

/* A package submission's verdict as Kattis sees it, and whether its folder
 * accepts it (the expected verdict shown becomes the verdict when it does). */
static void kattis_match(struct regress_item *it)
{
	if (it->res.got == V_MLE || it->res.got == V_SV)
		it->res.got = V_RE;
	if (it->res.got >= 0 && it->res.got < 31 && (it->any_of & RG(it->res.got)))
		it->res.expected = it->res.got;
}


static void set_message(struct regress_item *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* A verdict's Kattis class (PKG_V_*), 0 for CE and IE (in no class). */
static int verdict_class(int v)
{
	switch (v) {
	case V_AC: return PKG_V_AC;
	case V_WA: case V_PE: return PKG_V_WA;
	case V_TLE: return PKG_V_TLE;
	case V_RE: case V_MLE: case V_SV: case V_OLE: return PKG_V_RTE;
	default: return 0;
	}
}

static void class_names(struct buf *b, int set)
{
	static const char *const names[] = { "AC", "WA", "TLE", "RTE" };
	int i, first = 1;

	for (i = 0; i < 4; i++)
		if (set & (1 << i)) {
			buf_addf(b, "%s%s", first ? "" : " ", names[i]);
			first = 0;
		}
}

/* The verdict a failed rule asks for, shown as expected. */
static int rule_expected(const struct pkg_rule *x)
{
	if (x->permitted == PKG_V_AC)
		return V_AC;
	if (x->required & PKG_V_WA)
		return V_WA;
	if (x->required & PKG_V_TLE)
		return V_TLE;
	if (x->required & PKG_V_RTE)
		return V_RE;
	return V_AC;
}

/* Check one rule on the tests that ran: 0 kept, or 1 with the reason in b. */
static int rule_broken(const struct pkg_rule *x, const struct grade_result *r, struct buf *b)
{
	size_t i, scope = 0;
	int hit = 0, said = 0, c;

	for (i = 0; i < r->ntests; i++) {
		const struct grade_test *t = &r->tests[i];

		if (x->tests && !pkg_glob_match(x->tests, t->name))
			continue;
		scope++;
		c = verdict_class(t->verdict);
		if (!(c & x->permitted)) {
			buf_addf(b, "test %s got %s, not permitted (", t->name,
				 verdict_name(t->verdict));
			class_names(b, x->permitted);
			buf_addstr(b, ")");
			return 1;
		}
		hit |= (c & x->required) != 0;
		said |= x->message && t->message && strstr(t->message, x->message);
	}
	if (!scope && r->verdict != V_CE && r->verdict != V_IE)
		return 0;   /* no test of the problem is in its scope */
	if (!hit) {
		buf_addstr(b, "no test got ");
		class_names(b, x->required);
		buf_addstr(b, " (required)");
		return 1;
	}
	if (x->message && !said) {
		buf_addf(b, "no test's judge message contains '%s'", x->message);
		return 1;
	}
	return 0;
}

/* A submission with submissions.yaml rules: every rule holds (got shown as
 * expected; returns 1), or the first broken one is the message (0). */
static int rules_match(struct regress_item *it, const struct grade_result *r)
{
	struct buf b = BUF_INIT;
	size_t k, i;

	if (it->res.got == V_MLE || it->res.got == V_SV)
		it->res.got = V_RE;
	for (k = 0; k < it->rules->n; k++)
		if (rule_broken(&it->rules->v[k], r, &b))
			break;
	if (k == it->rules->n) {
		it->res.expected = it->res.got;
		set_message(it, "%s", "");
		for (i = 0; r->verdict != V_AC && i < r->ntests; i++)
			if (r->tests[i].verdict != V_AC) {
				set_message(it, "test %s: %s", r->tests[i].name,
					    r->tests[i].message ? r->tests[i].message : "");
				break;
			}
	} else {
		const struct pkg_rule *x = &it->rules->v[k];

		it->res.expected = rule_expected(x);
		set_message(it, "%s '%s'%s%s%s: %s", x->replaces && !x->tests ? "folder" :
			    "submissions.yaml", x->glob, x->tests ? " on '" : "",
			    x->tests ? x->tests : "", x->tests ? "'" : "", buf_str(&b));
	}
	buf_release(&b);
	return k == it->rules->n;
}

int regress_filter(struct regress_set *set, char *const *patterns, size_t n)
{
	struct regex **re;
	size_t i, k, kept = 0;
	int m, keep, rc = 0;

	if (n == 0)
		return 0;
	re = xcalloc(n, sizeof(*re));
	for (k = 0; k < n; k++)
		if (!(re[k] = regex_compile(patterns[k], strlen(patterns[k]), 0))) {
			rc = err_as(ERR_INPUT);
			goto out;
		}
	for (i = 0; i < set->n; i++) {
		keep = 0;
		for (k = 0; k < n && !keep; k++) {
			m = regex_match(re[k], set->v[i].res.solution, strlen(set->v[i].res.solution));
			if (m < 0) {
				err_prefix("pattern '%s'", patterns[k]);
				rc = err_as(ERR_INPUT);
				goto out;
			}
			keep = m;
		}
		if (keep) {
			set->v[kept++] = set->v[i];
		} else {
			item_release(&set->v[i]);
		}
	}
	set->n = kept;
	/* the skipped submissions go by the same patterns */
	for (i = kept = 0; i < set->nskipped; i++) {
		keep = 0;
		for (k = 0; k < n && !keep; k++)
			keep = regex_match(re[k], set->skipped[i], strlen(set->skipped[i])) > 0;
		if (keep)
			set->skipped[kept++] = set->skipped[i];
		else
			free(set->skipped[i]);
	}
	set->nskipped = kept;
out:
	for (k = 0; k < n; k++)
		regex_free(re[k]);
	free(re);
	return rc;
}

int regress_check_folders(const struct regress_set *set, const char *dir)
{
	struct buf names = BUF_INIT;
	const char *slash;
	size_t i;
	int v;

	for (i = 0; i < set->n; i++) {
		if (set->v[i].res.expected >= 0)
			continue;
		for (v = 0; v < V_COUNT; v++)
			if (verdict_folder((enum verdict)v))
				buf_addf(&names, "%s%s", names.len ? ", " : "",
					 verdict_folder((enum verdict)v));
		slash = strchr(set->v[i].res.solution, '/');
		err_input("'%s/%s': unknown verdict folder '%.*s'; use one of %s", dir,
			  set->v[i].res.solution,
			  (int)(strchr(slash + 1, '/') - slash - 1), slash + 1, buf_str(&names));
		buf_release(&names);
		return -1;
	}
	return 0;
}

/* ---- margins and costs ---------------------------------------------------- */

void regress_flag_slow(const struct db_regress_result *r, char *flag, size_t size)
{
	flag[0] = 0;
	if (r->expected == V_AC && r->got == V_AC && r->time_limit_ms > 0 &&
	    2LL * r->time_ms > r->time_limit_ms)
		snprintf(flag, size, "slow: %lld%% of limit",
			 100LL * r->time_ms / r->time_limit_ms);
}

static int cmp_solution(const void *a, const void *b)
{
	return strcmp(((const struct db_regress_result *)a)->solution,
		      ((const struct db_regress_result *)b)->solution);
}

static const struct db_regress_result *find_prev(const struct db_regress_result *prev,
						 size_t nprev, const char *solution)
{
	struct db_regress_result key;

	memset(&key, 0, sizeof(key));
	key.solution = (char *)solution;
	return nprev ? bsearch(&key, prev, nprev, sizeof(*prev), cmp_solution) : NULL;
}

void regress_estimate(struct regress_set *set, const struct db_regress_result *prev,
		      size_t nprev, const int *limit_ms, const int *tests)
{
	const struct db_regress_result *p;
	struct regress_item *it;
	size_t i;

	for (i = 0; i < set->n; i++) {
		it = &set->v[i];
		p = find_prev(prev, nprev, it->res.solution);
		if (p && p->wall_ms > 0)
			it->cost = p->wall_ms;
		else if (it->res.expected == V_TLE)
			/* the failing test runs to the limit, then the margin
			 * check runs it to twice the limit */
			it->cost = 3.0 * limit_ms[i] + 20.0 * tests[i] + 300;
		else
			it->cost = 20.0 * tests[i] + 300;
	}
}

/* ---- before and after a run ------------------------------------------------ */

/* Match items with the catalogue: position, limits (limit, tests: each
 * item's time limit and test count). An unknown problem is ERR_INPUT. */
static int attach_problems(struct db *db, struct regress_set *set, const char *dir,
			   const char *catalog, int *limit, int *tests)
{
	struct db_problem *probs = NULL;
	size_t np = 0, i, k;
	char *near;
	int found;

	if (db_problem_list(db, 0, &probs, &np) < 0)
		return -1;
	for (i = 0; i < set->n; i++) {
		found = 0;
		for (k = 0; k < np && !found; k++)
			if (!strcmp(probs[k].id, set->v[i].res.problem)) {
				found = 1;
				set->v[i].position = probs[k].position;
				limit[i] = probs[k].time_limit_ms;
				tests[i] = probs[k].test_count;
			}
		if (found)
			continue;
		near = db_problem_nearest(db, set->v[i].res.problem);
		err_input("'%s/%s': no problem '%s' in the catalogue '%s'%s%s%s", dir,
			  set->v[i].res.solution, set->v[i].res.problem, catalog,
			  near ? "; did you mean '" : "; add it to the catalogue or rename the folder",
			  near ? near : "", near ? "'?" : "");
		free(near);
		db_problem_list_free(probs, np);
		return -1;
	}
	db_problem_list_free(probs, np);
	return 0;
}

static int read_sources(struct regress_set *set)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < set->n; i++) {
		if (set->v[i].source)
			continue;   /* a package's folder program, read with its headers */
		buf_reset(&b);
		if (compile_read_source(set->v[i].path, &b) < 0) {
			buf_release(&b);
			return -1;
		}
		set->v[i].source = buf_detach(&b, &set->v[i].len);
	}
	buf_release(&b);
	return 0;
}

int regress_prepare(struct db *db, struct regress_set *set, const char *dir,
		    const char *catalog, struct db_regress_result **prev, size_t *nprev)
{
	int *limit = xcalloc(set->n + 1, sizeof(*limit));
	int *tests = xcalloc(set->n + 1, sizeof(*tests));
	int rc = -1;

	*prev = NULL;
	*nprev = 0;
	if (attach_problems(db, set, dir, catalog, limit, tests) == 0 && read_sources(set) == 0 &&
	    db_regress_latest(db, LLONG_MAX, prev, nprev) == 0) {
		regress_estimate(set, *prev, *nprev, limit, tests);
		rc = 0;
	}
	free(limit);
	free(tests);
	return rc;
}

void regress_summarize(const struct regress_set *set, struct regress_summary *s)
{
	const struct regress_item *it;
	size_t i;

	memset(s, 0, sizeof(*s));
	s->skipped = (int)set->nskipped;
	for (i = 0; i < set->n; i++) {
		it = &set->v[i];
		if (!it->done) {
			s->not_run++;
			continue;
		}
		s->total++;
		if (it->res.match)
			s->matched++;
		else
			s->mismatched++;
		s->compiled += it->compiled;
		s->cached += it->cached;
		s->flagged += it->res.flag[0] != 0;
		s->ie += it->res.got == V_IE;
	}
}

int regress_store(struct db *db, const struct regress_set *set,
		  const struct regress_summary *s, int jobs, time_t started,
		  long long wall_ms, struct db_regress_run *run)
{
	struct db_regress_result *v;
	size_t i, n = 0;
	int rc;

	memset(run, 0, sizeof(*run));
	run->started_at = started;
	if (util_now(&run->finished_at) < 0)
		run->finished_at = started;
	run->jobs = jobs;
	run->total = s->total;
	run->matched = s->matched;
	run->mismatched = s->mismatched;
	run->compiled = s->compiled;
	run->cached = s->cached;
	run->wall_ms = wall_ms;
	v = xcalloc(set->n ? set->n : 1, sizeof(*v));
	for (i = 0; i < set->n; i++)
		if (set->v[i].done)
			v[n++] = set->v[i].res;   /* borrowed */
	rc = db_regress_store(db, run, v, n);
	free(v);
	return rc;
}

/* ---- the worker pool -------------------------------------------------- */

struct pool;

struct worker {
	struct pool *pool;
	int index;
	struct sbx *sbx;
	struct db *db;
	pthread_t thread;
	struct regress_item *item;     /* being graded, or NULL */
	long long since;               /* when it started on item */
};

struct pool {
	pthread_mutex_t mu;
	pthread_cond_t cond;
	struct regress_set *set;
	const struct regress_opts *o;
	size_t *order;
	size_t next, done, mismatched;
	int stop;                      /* fail-fast: start nothing more */
	int running;                   /* worker threads not yet finished */
	struct worker *w;
	int nw;
};

static int cancelled(const struct pool *pl)
{
	return pl->o->cancel && *pl->o->cancel;
}

/* Keep the start of s: at most MESSAGE_MAX bytes, the first line only,
 * without splitting a UTF-8 sequence. */
static char *short_message(const char *s)
{
	size_t n = strcspn(s, "\n");

	if (n > MESSAGE_MAX) {
		n = MESSAGE_MAX;
		while (n && ((unsigned char)s[n] & 0xc0) == 0x80)
			n--;
	}
	return xstrndup(s, n);
}

/* The first diagnostics line that says "error", else the first line. */
static const char *first_error(const char *diag)
{
	const char *p = strstr(diag, "error");

	if (!p)
		return diag;
	while (p > diag && p[-1] != '\n')
		p--;
	return p;
}

static void set_message(struct regress_item *it, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_message(struct regress_item *it, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(it->res.message);
	it->res.message = short_message(buf_str(&b));
	buf_release(&b);
}

void regress_tight(const struct grade_env *env, const struct db_problem *p,
		   enum compile_lang lang, const char *source, size_t len,
		   const struct grade_result *r, const struct regress_margin *mg,
		   char *flag, size_t size)
{
	struct compile_result cr = COMPILE_RESULT_INIT;
	struct sbx_result sr = SBX_RESULT_INIT;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct sbx_spec spec;
	const struct grade_test *t;
	struct grade_run runs[GRADE_REPEAT_MAX];
	size_t idx, n = 0, planned, m;
	unsigned limit = (unsigned)p->time_limit_ms;
	int fetched, got;
	double factor = mg->factor >= 1 ? mg->factor : 2;

	flag[0] = 0;
	/* an interactive solution runs only against its interactor (alone,
	 * reading the test's input, it would do something else entirely) */
	if (r->ntests == 0 || r->ntests > (size_t)p->test_count || p->interactor_file)
		return;
	idx = r->ntests - 1;
	t = &r->tests[idx];
	/* under the CPU limit: it timed out on the wall clock (sleeping) */
	if (t->verdict != V_TLE || t->time_ms < limit)
		return;
	if (compile_source(env->cache, env->sbx, lang, source, len, &cr) < 0 || !cr.ok)
		goto out;
	got = env->tests ? testcache_get(env->tests, env->db, &p->tests[idx], &in, &ans, &fetched) :
		db_test_data(env->db, p->tests[idx].id, &in, NULL);
	if (got != 0)
		goto out;
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = cr.binary;
	spec.stdin_data = in.data ? in.data : "";
	spec.stdin_len = in.len;
	grade_limits(p, &spec.limits);
	spec.limits.cpu_ms = (unsigned)ceil(factor * limit);
	/* CPU time decides; a loaded machine must not end it on the wall
	 * clock first (that would hide a finish under the factor) */
	spec.limits.wall_ms = 3 * spec.limits.cpu_ms + 1000;
	planned = mg->repeat > 0 ? (size_t)mg->repeat : GRADE_REPEAT_DEFAULT;
	if (planned > GRADE_REPEAT_MAX)
		planned = GRADE_REPEAT_MAX;
	do {
		if (sbx_run(env->sbx, &spec, &sr) < 0 || (mg->cancel && *mg->cancel))
			goto out;
		runs[n].cpu_us = sr.cpu_us;
		runs[n++].verdict = grade_status_verdict(sr.status);
	} while (n < planned && grade_run_near(runs[0].cpu_us, spec.limits.cpu_ms) &&
		 !grade_runs_settled(runs, n, planned));
	m = grade_runs_median(runs, n);
	if (runs[m].verdict != V_TLE) {
		unsigned tenths = (unsigned)(runs[m].cpu_us / 100 / limit);   /* rounded down */

		if (mg->factor_key)
			snprintf(flag, size, "tight: %u.%ux (%s %g)", tenths / 10, tenths % 10,
				 mg->factor_key, factor);
		else
			snprintf(flag, size, "tight: %u.%ux", tenths / 10, tenths % 10);
	}
out:
	err_clear();
	sbx_result_release(&sr);
	compile_result_release(&cr);
	buf_release(&in);
	buf_release(&ans);
}

/* The margin re-run of a local worker: regress_tight on its item. */
static void check_tight(struct worker *w, const struct db_problem *p,
			struct regress_item *it, const struct grade_result *r)
{
	struct grade_env env = { w->db, w->sbx, w->pool->o->cache, NULL };
	struct regress_margin mg = { w->pool->o->repeat, w->pool->o->cancel, it->tle_factor,
				     it->tle_key };
	char flag[96];

	regress_tight(&env, p, compile_lang_of_path(it->path), it->source, it->len, r, &mg,
		      flag, sizeof(flag));
	if (flag[0]) {
		free(it->res.flag);
		it->res.flag = xstrdup(flag);
	}
}

/* What grading said about item it: verdict, time, memory, the message and
 * the "slow" flag. */
static void take_result(struct regress_item *it, const struct grade_result *r)
{
	const struct grade_test *t = r->ntests ? &r->tests[r->ntests - 1] : NULL;
	char flag[40];

	it->res.got = r->verdict;
	it->res.time_ms = (int)r->time_ms;
	it->res.memory_kb = (long)r->memory_kb;
	it->passed = r->passed;
	/* compiled by any attempt (see worker_main) is compiled */
	if (r->compile_ok || r->verdict == V_CE) {
		it->compiled |= !r->compile_cached;
		it->cached = !it->compiled;
	}
	if (r->verdict == V_IE) {
		set_message(it, "%s", r->error ? r->error : "the judge failed");
	} else if (r->verdict == V_CE) {
		set_message(it, "compile error: %s", first_error(r->compile_message));
	} else if (r->verdict != V_AC && t) {
		it->test = xstrdup(t->name);
		set_message(it, "test %s: %s", t->name, t->message ? t->message : "");
	} else {
		set_message(it, "%s", "");
	}
	regress_flag_slow(&it->res, flag, sizeof(flag));
	if (!flag[0] && r->unstable)
		snprintf(flag, sizeof(flag), "unstable: %d test%s", r->unstable,
			 r->unstable == 1 ? "" : "s");
	if (flag[0]) {
		free(it->res.flag);
		it->res.flag = xstrdup(flag);
	}
}

static void grade_item(struct worker *w, struct regress_item *it)
{
	const struct regress_opts *o = w->pool->o;
	struct db_problem p = DB_PROBLEM_INIT;
	struct grade_opts go = GRADE_OPTS_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	struct compile_result cr = COMPILE_RESULT_INIT, chk = COMPILE_RESULT_INIT;
	struct grade_env env;
	long long start = util_monotonic_ms();
	int rc, kept;

	free(it->test);
	it->test = NULL;
	free(it->res.flag);
	it->res.flag = xstrdup("");
	it->res.got = V_IE;
	rc = db_problem_get(w->db, it->res.problem, &p);
	if (rc != 0) {
		set_message(it, "cannot load problem '%s': %s", it->res.problem, err_msg());
		goto out;
	}
	it->res.time_limit_ms = p.time_limit_ms;
	it->total = p.test_count;
	/* Compile first, in parallel with the other workers (a binary another
	 * thread just wrote and a forked child still holds open would make
	 * an exec fail with ETXTBSY: the sandbox waits that out at exec);
	 * grading then finds the solution and the checker in the cache. */
	go.lang = compile_lang_of_path(it->path);
	rc = compile_source(o->cache, w->sbx, go.lang, it->source, it->len, &cr);
	if (rc == 0 && p.checker == DB_CHECKER_CUSTOM && p.checker_source &&
	    compile_program(o->cache, w->sbx, grade_checker_lang(&p), p.checker_source,
			    strlen(p.checker_source), &chk) < 0)
		err_clear();   /* grading compiles it again and reports it */
	if (rc == 0)
		it->compiled |= !cr.cached;
	err_clear();
	env.db = w->db;
	env.sbx = w->sbx;
	env.cache = o->cache;
	env.tests = NULL;
	go.user = "regress";
	go.fail_fast = !it->rules;   /* submissions.yaml rules look at every test */
	go.store = 0;
	go.cancel = o->cancel;
	go.repeat = o->repeat;
	if (grade_submission(&env, &p, it->source, it->len, &go, &r) < 0) {
		set_message(it, "%s", err_msg());
		goto out;
	}
	take_result(it, &r);
	if (o->margins && it->res.expected == V_TLE && r.verdict == V_TLE && !cancelled(w->pool))
		check_tight(w, &p, it, &r);
out:
	kept = 1;
	if (it->rules)
		kept = rules_match(it, &r);
	else if (it->kattis)
		kattis_match(it);
	/* a broken rule may still show the verdict it asks for (all of a
	 * wrong_answer's tests WA or AC, but one TLE): the rule decides */
	it->res.match = kept && it->res.got == it->res.expected;
	it->res.wall_ms = (int)(util_monotonic_ms() - start);
	grade_result_release(&r);
	compile_result_release(&cr);
	compile_result_release(&chk);
	db_problem_release(&p);
	err_clear();
}

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	struct pool *pl = w->pool;
	struct regress_item *it;
	int attempt;

	pthread_mutex_lock(&pl->mu);
	for (;;) {
		if (cancelled(pl) || pl->stop || pl->next >= pl->set->n)
			break;
		it = &pl->set->v[pl->order[pl->next++]];
		w->item = it;
		w->since = util_monotonic_ms();
		pthread_mutex_unlock(&pl->mu);

		/* IE is the judge's failure, never the program's, and may be
		 * transient (a sandbox set-up failure under load): grade again
		 * before reporting it. */
		it->compiled = it->cached = 0;
		for (attempt = 0; attempt < REGRESS_IE_ATTEMPTS; attempt++) {
			if (attempt)
				usleep(50000);
			grade_item(w, it);
			if (it->res.got != V_IE || cancelled(pl))
				break;
			if (!it->retried)
				it->retried = xstrdup(it->res.message);
		}

		pthread_mutex_lock(&pl->mu);
		w->item = NULL;
		if (!cancelled(pl)) {
			it->done = 1;
			pl->done++;
			if (!it->res.match) {
				pl->mismatched++;
				if (pl->o->fail_fast)
					pl->stop = 1;
			}
		}
		pthread_cond_broadcast(&pl->cond);
	}
	pl->running--;
	pthread_cond_broadcast(&pl->cond);
	pthread_mutex_unlock(&pl->mu);
	return NULL;
}

/* Stop the runs of every worker (solutions and checkers; compiles finish,
 * so that no killed compile is cached as a compile error). Called again on
 * every wake-up while cancelled: a run that starts after one call is caught
 * by the next, until each worker sees the flag after its current run. */
static void cancel_runs(const struct pool *pl)
{
	int k;

	for (k = 0; k < pl->nw; k++)
		if (pl->w[k].sbx)
			sbx_cancel(pl->w[k].sbx);
}

/* qsort_r order of item indices: highest cost first, then by path. */
static int cmp_cost(const void *a, const void *b, void *arg)
{
	const struct regress_set *set = arg;
	const struct regress_item *x = &set->v[*(const size_t *)a];
	const struct regress_item *y = &set->v[*(const size_t *)b];

	if (x->cost != y->cost)
		return x->cost < y->cost ? 1 : -1;
	return strcmp(x->res.solution, y->res.solution);
}

/* Progress under the lock: the estimate scales every job's expected cost by
 * how the finished ones compared with theirs. */
static void progress_locked(const struct pool *pl, long long start,
			    struct regress_progress *p)
{
	const struct regress_set *set = pl->set;
	long long now = util_monotonic_ms();
	double est_done = 0, real_done = 0, scale, left = 0, cost;
	size_t i;
	int k;

	p->done = pl->done;
	p->total = set->n;
	p->mismatched = pl->mismatched;
	p->elapsed_ms = now - start;
	for (i = 0; i < set->n; i++)
		if (set->v[i].done) {
			est_done += set->v[i].cost;
			real_done += set->v[i].res.wall_ms;
		}
	scale = est_done > 0 ? real_done / est_done : 1.0;
	for (i = pl->next; i < set->n && !pl->stop; i++)
		left += set->v[pl->order[i]].cost * scale;
	for (k = 0; k < pl->nw; k++)
		if (pl->w[k].item) {
			cost = pl->w[k].item->cost * scale - (double)(now - pl->w[k].since);
			if (cost > 0)
				left += cost;
		}
	p->left_ms = pl->done == 0 && p->elapsed_ms < 2000 ? -1 :
		(long long)(left / (pl->nw > 0 ? pl->nw : 1));
}

/* A sandbox worker and a database connection for each of nw workers. 0, or
 * -1 with err set (the ones opened are left for close_workers). */
static int open_workers(struct pool *pl, int nw)
{
	int k;

	pl->w = xcalloc((size_t)nw, sizeof(*pl->w));
	for (k = 0; k < nw; k++) {
		pl->w[k].pool = pl;
		pl->w[k].index = k;
		if (!(pl->w[k].sbx = sbx_open(k)) || !(pl->w[k].db = db_open(pl->o->db_path)))
			return err_prefix("worker %d", k + 1);
		pl->nw = k + 1;
	}
	return 0;
}

static void close_workers(struct pool *pl, int nw)
{
	int k;

	for (k = 0; k < nw; k++) {
		if (pl->w[k].sbx)
			sbx_close(pl->w[k].sbx);
		if (pl->w[k].db)
			db_close(pl->w[k].db);
	}
	free(pl->w);
}

/* Under pl->mu until the workers are done: wake every 100 ms (20 ms once
 * cancelled) to tell the progress, or to stop the runs again. */
static void supervise(struct pool *pl, long long start)
{
	struct regress_progress prog;
	struct timespec ts;

	while (pl->running > 0) {
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += cancelled(pl) ? 20000000L : 100000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		pthread_cond_timedwait(&pl->cond, &pl->mu, &ts);
		progress_locked(pl, start, &prog);
		pthread_mutex_unlock(&pl->mu);
		if (cancelled(pl))
			cancel_runs(pl);
		else if (pl->o->tick)
			pl->o->tick(pl->o->tick_arg, &prog);
		pthread_mutex_lock(&pl->mu);
	}
}

/* ---- through the job queue (o->queue) ----------------------------------- */

struct queued_run {
	struct db *db;
	struct regress_set *set;
	const long long *ids;      /* the job of each item */
	struct db_problem *probs;  /* the problems read so far (one read each) */
	size_t nprobs;
	const struct regress_opts *o;
	long long start;
	size_t done, mismatched;
	int failed;
};

/* Problem id, read once a run. Borrowed from q; NULL with err set. */
static const struct db_problem *queued_problem(struct queued_run *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->nprobs; i++)
		if (!strcmp(q->probs[i].id, id))
			return &q->probs[i];
	q->probs = xrealloc(q->probs, (q->nprobs + 1) * sizeof(*q->probs));
	memset(&q->probs[q->nprobs], 0, sizeof(*q->probs));
	if (db_problem_get(q->db, id, &q->probs[q->nprobs]) != 0) {
		db_problem_release(&q->probs[q->nprobs]);
		return NULL;
	}
	return &q->probs[q->nprobs++];
}

/* A TLE solution's margin, as the worker found it ("tight: 1.4x"). */
static void tight_flag(struct queued_run *q, size_t i)
{
	struct regress_item *it = &q->set->v[i];
	struct db_job j = DB_JOB_INIT;

	if (!q->o->margins || it->res.expected != V_TLE || it->res.got != V_TLE)
		return;
	if (db_job_get(q->db, q->ids[i], &j) == 0 && j.flag && j.flag[0]) {
		free(it->res.flag);
		it->res.flag = xstrdup(j.flag);
	}
	db_job_release(&j);
}

/* Job i of the run finished as submission sub: its result, as a local
 * worker's grading would have given it. */
static void queued_done(void *arg, size_t i, long long sub)
{
	struct queued_run *q = arg;
	struct regress_item *it = &q->set->v[i];
	struct db_submission s = DB_SUBMISSION_INIT;
	const struct db_problem *p;
	struct grade_result r = GRADE_RESULT_INIT;
	struct regress_progress prog;
	size_t k;

	free(it->test);
	it->test = NULL;
	free(it->res.flag);
	it->res.flag = xstrdup("");
	if (!(p = queued_problem(q, it->res.problem)) ||
	    db_submission_get(q->db, sub, &s) != 0) {
		it->res.got = V_IE;
		set_message(it, "cannot read submission %lld: %s", sub, err_msg());
	} else {
		it->res.time_limit_ms = p->time_limit_ms;
		it->total = p->test_count;
		grade_result_from_db(&s, p, &r);
		take_result(it, &r);
		tight_flag(q, i);
	}
	it->res.match = it->res.got == it->res.expected;
	/* how long grading took, for the next run's order: the worker's
	 * compile and runs, not the wait in the queue */
	it->res.wall_ms = (int)r.compile_time_ms;
	for (k = 0; k < r.ntests; k++)
		it->res.wall_ms += (int)r.tests[k].wall_ms;
	it->done = 1;
	q->done++;
	q->mismatched += !it->res.match;
	grade_result_release(&r);
	db_submission_release(&s);
	err_clear();
	if (q->o->tick) {
		prog.done = q->done;
		prog.total = q->set->n;
		prog.mismatched = q->mismatched;
		prog.elapsed_ms = util_monotonic_ms() - q->start;
		prog.left_ms = -1;
		q->o->tick(q->o->tick_arg, &prog);
	}
}

static int run_queued(struct regress_set *set, const struct regress_opts *o, long long *wall_ms)
{
	long long *ids = xcalloc(set->n + 1, sizeof(*ids));
	struct queued_run q = { .set = set, .ids = ids, .o = o, .start = util_monotonic_ms() };
	size_t *order = xcalloc(set->n + 1, sizeof(*order));
	struct db_job j;
	const char *base;
	size_t i;
	int rc = 0;

	if (!(q.db = db_open(o->db_path))) {
		free(ids);
		free(order);
		return -1;
	}
	/* the longest first, as the local workers take them */
	for (i = 0; i < set->n; i++)
		order[i] = i;
	qsort_r(order, set->n, sizeof(*order), cmp_cost, set);
	for (i = 0; i < set->n && rc == 0; i++) {
		struct regress_item *it = &set->v[order[i]];

		base = strrchr(it->path, '/') ? strrchr(it->path, '/') + 1 : it->path;
		queue_job_for(&j, it->res.problem, o->user ? o->user : "regress", it->source,
			      compile_lang_name(compile_lang_of_path(it->path)), base, 1);
		j.label = it->res.solution;
		j.repeat = o->repeat;
		j.tight = o->margins && it->res.expected == V_TLE;
		rc = db_job_enqueue(q.db, &j);
		ids[order[i]] = j.id;
	}
	if (rc == 0)
		rc = queue_wait(q.db, ids, set->n, o->cancel, queued_done, &q);
	*wall_ms = util_monotonic_ms() - q.start;
	for (i = 0; i < q.nprobs; i++)
		db_problem_release(&q.probs[i]);
	free(q.probs);
	db_close(q.db);
	free(ids);
	free(order);
	return rc;
}

int regress_run(struct regress_set *set, const struct regress_opts *o, long long *wall_ms)
{
	struct pool pl;
	pthread_condattr_t ca;
	long long start = util_monotonic_ms();
	int k, nw, rc = 0, started = 0;
	size_t i;

	*wall_ms = 0;
	if (o->queue && set->n > 0)
		return run_queued(set, o, wall_ms);
	memset(&pl, 0, sizeof(pl));
	pl.set = set;
	pl.o = o;
	if (set->n == 0)
		return 0;
	nw = o->jobs < 1 ? 1 : o->jobs;
	if ((size_t)nw > set->n)
		nw = (int)set->n;
	if ((rc = open_workers(&pl, nw)) < 0)
		goto close;
	pl.order = xmalloc(set->n * sizeof(*pl.order));
	for (i = 0; i < set->n; i++)
		pl.order[i] = i;
	qsort_r(pl.order, set->n, sizeof(*pl.order), cmp_cost, set);

	pthread_mutex_init(&pl.mu, NULL);
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_cond_init(&pl.cond, &ca);
	pthread_condattr_destroy(&ca);

	pthread_mutex_lock(&pl.mu);
	for (k = 0; k < nw; k++) {
		if (pthread_create(&pl.w[k].thread, NULL, worker_main, &pl.w[k]) != 0)
			break;
		started++;
		pl.running++;
	}
	if (!started) {
		pthread_mutex_unlock(&pl.mu);
		rc = err_set("cannot start the worker threads");
		goto destroy;
	}
	pl.nw = started;
	supervise(&pl, start);
	pthread_mutex_unlock(&pl.mu);
	for (k = 0; k < started; k++)
		pthread_join(pl.w[k].thread, NULL);
	rc = cancelled(&pl) ? err_cancelled("interrupted") : 0;
destroy:
	pthread_cond_destroy(&pl.cond);
	pthread_mutex_destroy(&pl.mu);
close:
	close_workers(&pl, nw);
	free(pl.order);
	*wall_ms = util_monotonic_ms() - start;
	return rc;
}

/* ---- comparing ---------------------------------------------------------- */

const char *regress_change_name(enum regress_change k)
{
	static const char *const names[] = {
		"newly failing", "newly passing", "verdict changed", "margin changed",
		"time changed", "new", "gone",
	};

	return (unsigned)k < sizeof(names) / sizeof(names[0]) ? names[k] : "?";
}

static int time_changed(const struct db_regress_result *a, const struct db_regress_result *b)
{
	long long x = a->time_ms, y = b->time_ms;

	if (a->got == V_TLE || b->got == V_TLE)
		return 0;
	if (x < y) {
		long long t = x;

		x = y;
		y = t;
	}
	return x - y >= 100 && 2 * x >= 3 * y;
}

static int cmp_diff(const void *a, const void *b)
{
	const struct regress_diff *x = a, *y = b;

	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return strcmp(x->solution, y->solution);
}

static void add_diff(struct regress_diff **v, size_t *n, size_t *alloc,
		     enum regress_change kind, const char *solution,
		     const struct db_regress_result *now, const struct db_regress_result *before)
{
	if (*n == *alloc) {
		*alloc = *alloc ? 2 * *alloc : 16;
		*v = xrealloc(*v, *alloc * sizeof(**v));
	}
	(*v)[*n].kind = kind;
	(*v)[*n].solution = solution;
	(*v)[*n].now = now;
	(*v)[*n].before = before;
	(*n)++;
}

void regress_compare(const struct regress_set *set, const struct db_regress_result *prev,
		     size_t nprev, int filtered, struct regress_diff **out, size_t *n)
{
	const struct db_regress_result *b, *now;
	struct regress_diff *v = NULL;
	size_t i, k, alloc = 0, count = 0;
	int kind, found;

	for (i = 0; i < set->n; i++) {
		if (!set->v[i].done)
			continue;
		now = &set->v[i].res;
		b = find_prev(prev, nprev, now->solution);
		if (!b)
			kind = REGRESS_NEW;
		else if (b->match && !now->match)
			kind = REGRESS_NEWLY_FAILING;
		else if (!b->match && now->match)
			kind = REGRESS_NEWLY_PASSING;
		else if (b->got != now->got)
			kind = REGRESS_VERDICT;
		else if (strcmp(b->flag ? b->flag : "", now->flag ? now->flag : ""))
			kind = REGRESS_FLAG;
		else if (time_changed(b, now))
			kind = REGRESS_TIME;
		else
			continue;
		add_diff(&v, &count, &alloc, (enum regress_change)kind, now->solution, now, b);
	}
	for (k = 0; !filtered && k < nprev; k++) {
		found = 0;
		for (i = 0; i < set->n && !found; i++)
			found = !strcmp(set->v[i].res.solution, prev[k].solution);
		if (!found)
			add_diff(&v, &count, &alloc, REGRESS_GONE, prev[k].solution, NULL, &prev[k]);
	}
	if (count)
		qsort(v, count, sizeof(*v), cmp_diff);
	*out = v;
	*n = count;
}

/* ---- JUnit -------------------------------------------------------------- */

void regress_xml_escape(struct buf *out, const char *s)
{
	struct buf fixed = BUF_INIT;
	const unsigned char *p;

	text_fix_utf8(&fixed, s, strlen(s));
	for (p = (const unsigned char *)buf_str(&fixed); *p; p++) {
		switch (*p) {
		case '&': buf_addstr(out, "&amp;"); break;
		case '<': buf_addstr(out, "&lt;"); break;
		case '>': buf_addstr(out, "&gt;"); break;
		case '"': buf_addstr(out, "&quot;"); break;
		case '\'': buf_addstr(out, "&apos;"); break;
		case '\n': buf_addstr(out, "&#10;"); break;
		case '\t': buf_addstr(out, "&#9;"); break;
		case '\r': buf_addstr(out, "&#13;"); break;
		default:
			if (*p < 0x20)
				buf_addf(out, "\\x%02X", *p);
			else
				buf_addch(out, *p);
		}
	}
	buf_release(&fixed);
}

void regress_junit(struct buf *out, const struct regress_set *set, long long wall_ms,
		   const char *timestamp)
{
	const struct db_regress_result *r;
	size_t i, tests = 0, failures = 0, errors = 0;

	for (i = 0; i < set->n; i++) {
		if (!set->v[i].done)
			continue;
		tests++;
		if (set->v[i].res.got == V_IE && set->v[i].res.expected != V_IE)
			errors++;
		else if (!set->v[i].res.match)
			failures++;
	}
	buf_addstr(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	buf_addf(out, "<testsuites tests=\"%zu\" failures=\"%zu\" errors=\"%zu\" "
		 "time=\"%.3f\">\n", tests, failures, errors, wall_ms / 1000.0);
	buf_addf(out, "  <testsuite name=\"judge regress\" tests=\"%zu\" failures=\"%zu\" "
		 "errors=\"%zu\" skipped=\"0\" time=\"%.3f\" timestamp=\"", tests, failures,
		 errors, wall_ms / 1000.0);
	regress_xml_escape(out, timestamp);
	buf_addstr(out, "\">\n");
	for (i = 0; i < set->n; i++) {
		if (!set->v[i].done)
			continue;
		r = &set->v[i].res;
		buf_addstr(out, "    <testcase classname=\"");
		regress_xml_escape(out, r->problem);
		buf_addstr(out, "\" name=\"");
		regress_xml_escape(out, r->solution);
		buf_addf(out, "\" time=\"%.3f\"", r->wall_ms / 1000.0);
		if (r->match && !r->flag[0]) {
			buf_addstr(out, "/>\n");
			continue;
		}
		buf_addstr(out, ">\n");
		if (!r->match) {
			int error = r->got == V_IE;

			buf_addf(out, "      <%s message=\"expected %s, got %s\" type=\"%s\">",
				 error ? "error" : "failure",
				 verdict_name((enum verdict)r->expected),
				 verdict_name((enum verdict)r->got),
				 verdict_name((enum verdict)r->got));
			buf_addf(out, "expected %s, got %s (%d/%d ms, %ld KB)",
				 verdict_name((enum verdict)r->expected),
				 verdict_name((enum verdict)r->got), r->time_ms,
				 r->time_limit_ms, r->memory_kb);
			if (r->message[0]) {
				buf_addstr(out, ": ");
				regress_xml_escape(out, r->message);
			}
			buf_addf(out, "</%s>\n", error ? "error" : "failure");
		}
		if (r->flag[0]) {
			buf_addstr(out, "      <system-out>");
			regress_xml_escape(out, r->flag);
			buf_addstr(out, "</system-out>\n");
		}
		buf_addstr(out, "    </testcase>\n");
	}
	buf_addstr(out, "  </testsuite>\n</testsuites>\n");
}
