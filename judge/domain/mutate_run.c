/* mutate_run.c: grading the mutants of a problem's solutions on the regress
 * worker pool, and searching inputs that kill the survivors with the stress
 * tools (see mutate.h). */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/domain/check.h"
#include "judge/domain/grade.h"
#include "judge/domain/mutate.h"
#include "judge/domain/regress.h"
#include "judge/domain/stress.h"
#include "lib/err.h"
#include "lib/util.h"

int mutate_solution_load(struct mutate_solution *s, const char *path, const char *shown,
			 size_t max, unsigned long long seed)
{
	struct buf b = BUF_INIT;

	memset(s, 0, sizeof(*s));
	if (compile_read_source(path, &b) < 0) {
		buf_release(&b);
		return -1;
	}
	s->file = xstrdup(shown);
	s->lang = compile_lang_of_path(path);
	s->source = buf_detach(&b, &s->len);
	s->original = V_IE;
	mutate_enumerate(s->source, s->len, &s->m);
	s->total = s->m.n;
	mutate_sample(&s->m, max, seed);
	return 0;
}

void mutate_solution_release(struct mutate_solution *s)
{
	free(s->file);
	free(s->source);
	free(s->original_test);
	mutate_set_release(&s->m);
	memset(s, 0, sizeof(*s));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int mutate_find_accepted(const char *solutions, const char *id, char ***out, size_t *n)
{
	char *dir = xasprintf("%s/%s/accepted", solutions, id), *path;
	struct dirent *e;
	struct stat st;
	DIR *d;

	*out = xmalloc(sizeof(**out));
	*n = 0;
	d = opendir(dir);
	if (!d) {
		int missing = errno == ENOENT;

		if (!missing)
			err_errno("cannot read the folder '%s'", dir);
		free(dir);
		return missing ? 0 : -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || strlen(e->d_name) < 3 ||
		    !compile_is_source_name(e->d_name))
			continue;
		path = xasprintf("%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof(**out));
		(*out)[(*n)++] = path;
	}
	closedir(d);
	free(dir);
	qsort(*out, *n, sizeof(**out), cmp_str);
	return 0;
}

/* ---- grading --------------------------------------------------------------- */

/* One job of the pool: solution si's original (mi = -1) or mutant mi. */
static void add_job(struct regress_set *set, const char *id, const struct mutate_solution *s,
		    long mi, size_t total)
{
	struct regress_item *it = &set->v[set->n];
	struct buf src = BUF_INIT;

	memset(it, 0, sizeof(*it));
	it->res.problem = xstrdup(id);
	it->res.solution = mi < 0 ? xstrdup(s->file) : xasprintf("%s#%ld", s->file, mi + 1);
	it->res.expected = V_AC;
	it->res.got = V_IE;
	it->res.message = xstrdup("");
	it->res.flag = xstrdup("");
	it->path = xstrdup(s->file);   /* its extension gives the language */
	if (mi < 0)
		buf_add(&src, s->source, s->len);
	else
		mutate_apply(s->source, s->len, &s->m.v[mi], &src);
	it->source = buf_detach(&src, &it->len);
	/* in the order given: the originals, then the mutants in source order */
	it->cost = (double)(total - set->n);
	set->n++;
}

struct tick_arg {
	const struct mutate_opts *o;
};

static void pool_tick(void *arg, const struct regress_progress *p)
{
	const struct mutate_opts *o = ((struct tick_arg *)arg)->o;

	o->tick(o->tick_arg, p->done, p->total);
}

static void take_fate(struct mutate_mutant *m, struct regress_item *it)
{
	m->got = (enum verdict)it->res.got;
	if (!it->done)
		m->fate = MUTATE_UNGRADED;
	else if (m->got == V_AC)
		m->fate = MUTATE_SURVIVED;
	else if (m->got == V_CE)
		m->fate = MUTATE_STILLBORN;
	else if (m->got == V_IE)
		m->fate = MUTATE_FAILED;
	else
		m->fate = MUTATE_KILLED;
	if (m->fate == MUTATE_KILLED) {
		m->test = it->test;
		it->test = NULL;
	}
}

static void count(struct mutate_solution *s)
{
	size_t k;

	s->killed = s->survived = s->stillborn = s->failed = 0;
	for (k = 0; k < s->m.n; k++) {
		s->killed += s->m.v[k].fate == MUTATE_KILLED;
		s->survived += s->m.v[k].fate == MUTATE_SURVIVED;
		s->stillborn += s->m.v[k].fate == MUTATE_STILLBORN;
		s->failed += s->m.v[k].fate == MUTATE_FAILED;
	}
}

/* Run the jobs of set on the pool (see regress_run). */
static int run_pool(struct regress_set *set, const struct mutate_opts *o, long long *wall_ms)
{
	struct regress_opts ro;
	struct tick_arg ta = { o };
	long long ms = 0;
	int rc;

	memset(&ro, 0, sizeof(ro));
	ro.db_path = o->db_path;
	ro.cache = o->cache;
	ro.jobs = o->jobs;
	ro.cancel = o->cancel;
	if (o->tick) {
		ro.tick = pool_tick;
		ro.tick_arg = &ta;
	}
	rc = regress_run(set, &ro, &ms);
	*wall_ms += ms;
	return rc;
}

int mutate_grade(const char *id, struct mutate_solution *sols, size_t nsols,
		 const struct mutate_opts *o, long long *wall_ms)
{
	struct regress_set set = REGRESS_SET_INIT;
	size_t total = 0, i, k, at = 0;
	int rc, accepted = 1;

	*wall_ms = 0;
	/* the solutions themselves first: mutating one that is not accepted
	 * would be wasted work */
	set.v = xcalloc(nsols + 1, sizeof(*set.v));
	for (i = 0; i < nsols; i++)
		add_job(&set, id, &sols[i], -1, nsols);
	rc = run_pool(&set, o, wall_ms);
	for (i = 0; i < nsols; i++) {
		sols[i].original = set.v[i].done ? (enum verdict)set.v[i].res.got : V_IE;
		sols[i].original_test = set.v[i].test;
		set.v[i].test = NULL;
		if (sols[i].original != V_AC)
			accepted = 0;
	}
	regress_set_release(&set);
	if (rc < 0 || !accepted)
		return rc;
	for (i = 0; i < nsols; i++)
		total += sols[i].m.n;
	set.v = xcalloc(total + 1, sizeof(*set.v));
	for (i = 0; i < nsols; i++)
		for (k = 0; k < sols[i].m.n; k++)
			add_job(&set, id, &sols[i], (long)k, total);
	rc = run_pool(&set, o, wall_ms);
	for (i = 0; i < nsols; i++) {
		for (k = 0; k < sols[i].m.n; k++)
			take_fate(&sols[i].m.v[k], &set.v[at++]);
		count(&sols[i]);
	}
	regress_set_release(&set);
	return rc;
}

double mutate_score(const struct mutate_solution *sols, size_t nsols)
{
	long killed = 0, survived = 0;
	size_t i;

	for (i = 0; i < nsols; i++) {
		killed += sols[i].killed;
		survived += sols[i].survived;
	}
	return killed + survived ? (double)killed / (double)(killed + survived) : -1;
}

/* ---- --stress ---------------------------------------------------------------- */

/* Whether the mutant binary fails on in, whose right answer is ans: a run
 * that does not end OK, or a checker verdict other than AC. 1, 0, or -1
 * with err set. */
static int fails_on(struct stress_tools *t, struct grade_checker *chk, const char *bin,
		    const struct buf *in, const struct buf *ans)
{
	struct sbx_result sr = SBX_RESULT_INIT;
	struct check_result cr;
	int rc;

	if (stress_run(t, bin, in->data ? in->data : "", in->len, 0, &sr) < 0) {
		rc = err_prefix("mutant");
	} else if (sr.status != SBX_OK) {
		rc = 1;
	} else if (grade_checker_check(chk, in->data ? in->data : "", in->len,
				       sr.out.data ? sr.out.data : "", sr.out.len,
				       ans->data ? ans->data : "", ans->len, &cr) < 0) {
		rc = err_prefix("checker");
	} else {
		rc = cr.verdict != V_AC;
	}
	sbx_result_release(&sr);
	return rc;
}

int mutate_stress(struct stress_tools *t, struct grade_checker *chk, const char *ref,
		  const struct mutate_solution *s, struct mutate_mutant *m,
		  const struct buf *known, const struct buf *answers, size_t n,
		  const struct stress_opts *so)
{
	struct compile_result cr = COMPILE_RESULT_INIT;
	struct stress_result r = STRESS_RESULT_INIT;
	struct buf src = BUF_INIT;
	size_t k;
	int rc = -1, f;

	m->stressed = 1;
	m->found = 0;
	m->reused = -1;
	buf_reset(&m->input);
	buf_reset(&m->answer);
	mutate_apply(s->source, s->len, m, &src);
	if (compile_source(t->cache, t->sbx, s->lang, buf_str(&src), src.len, &cr) < 0)
		goto out;
	if (!cr.ok) {
		err_set("the mutant at '%s:%d' compiled before but not now", s->file, m->line);
		goto out;
	}
	for (k = 0; k < n; k++) {
		if ((f = fails_on(t, chk, cr.binary, &known[k], &answers[k])) < 0)
			goto out;
		if (f) {
			buf_add(&m->input, known[k].data ? known[k].data : "", known[k].len);
			buf_add(&m->answer, answers[k].data ? answers[k].data : "", answers[k].len);
			m->found = 1;
			m->reused = (long)k;
			rc = 0;
			goto out;
		}
	}
	if (stress_search(t, chk, cr.binary, ref, so, &r) < 0)
		goto out;
	if (r.found && !r.interrupted && stress_shrink(t, chk, cr.binary, ref, so, &r) < 0)
		goto out;
	if (r.found) {
		buf_add(&m->input, r.input.data ? r.input.data : "", r.input.len);
		buf_add(&m->answer, r.expected.data ? r.expected.data : "", r.expected.len);
		m->found = 1;
	}
	rc = 0;
out:
	if (rc < 0)
		err_prefix("mutant '%s:%d'", s->file, m->line);
	stress_result_release(&r);
	compile_result_release(&cr);
	buf_release(&src);
	return rc;
}

int mutate_save_test(struct stress_tools *t, const char *ref, const char *folder,
		     const struct buf *input, char **name)
{
	struct sbx_result rr = SBX_RESULT_INIT;
	char *in_path = NULL, *ans_path = NULL;
	const char *in = input->data ? input->data : "";
	int valid = 0, k, rc = -1;

	*name = NULL;
	if (stress_validate(t, in, input->len, &valid) < 0)
		goto out;
	if (!valid) {
		err_input("the problem's validator refuses the input");
		goto out;
	}
	if (stress_run(t, ref, in, input->len, 0, &rr) < 0)
		goto out;
	if (rr.status != SBX_OK) {
		err_input("the reference failed on the input: %s",
			  rr.message[0] ? rr.message : sbx_status_name(rr.status));
		goto out;
	}
	for (k = 1; k < 1000; k++) {
		free(*name);
		free(in_path);
		*name = xasprintf("t90-mutant-%02d", k);
		in_path = xasprintf("%s/tests/%s.in", folder, *name);
		if (access(in_path, F_OK) != 0)
			break;
	}
	ans_path = xasprintf("%s/tests/%s.ans", folder, *name);
	if (util_write_file(ans_path, rr.out.data ? rr.out.data : "", rr.out.len, 0644) < 0)
		goto out;
	if (util_write_file(in_path, in, input->len, 0644) < 0) {
		unlink(ans_path);
		goto out;
	}
	rc = 0;
out:
	if (rc < 0) {
		free(*name);
		*name = NULL;
	}
	sbx_result_release(&rr);
	free(in_path);
	free(ans_path);
	return rc;
}
