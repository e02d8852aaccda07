/* stress.c: a problem's generator and validator in the sandbox, the stress
 * search for a disagreement with a reference, and the shrinking of the
 * failing input (smallest size and seed, then ddmin-style deletion of lines,
 * tokens and grid columns, kept only when the validator accepts them). */
#include <dirent.h>
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "judge/domain/stress.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/util.h"

/* The generator and validator are the problem's own, trusted code: generous
 * but bounded limits. */
#define TOOL_CPU_MS     10000
#define TOOL_MEMORY_KB  (1024UL * 1024)
#define GEN_OUTPUT_KB   (128UL * 1024)
#define MAX_SIZE        (1L << 30)

#define SEEDS_PER_SIZE      8    /* shrinking: seeds tried at each smaller size */

/* ---- the problem's tools ---------------------------------------------------- */

static int compile_tool(struct stress_tools *t, const char *path, const char *what,
			char **binary)
{
	struct compile_result cr = COMPILE_RESULT_INIT;
	struct buf raw = BUF_INIT, src = BUF_INIT;
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int rc = 0;

	if (slash)
		*slash = 0;
	else
		strcpy(dir, ".");
	/* the folder's headers (testlib.h) inlined, as the sync does */
	if (util_read_file(path, &raw, COMPILE_MAX_SOURCE) < 0 ||
	    compile_inline_headers(dir, compile_lang_of_path(path), buf_str(&raw), raw.len,
				   &src) < 0) {
		buf_release(&raw);
		buf_release(&src);
		free(dir);
		return err_prefix("the %s of '%s'", what, t->p->id);
	}
	buf_release(&raw);
	free(dir);
	if (compile_program(t->cache, t->sbx, compile_lang_of_path(path), buf_str(&src),
			    src.len, &cr) < 0) {
		rc = err_prefix("cannot compile the %s of '%s'", what, t->p->id);
	} else if (!cr.ok) {
		rc = err_input("the %s of '%s' (%s) does not compile: %.300s", what,
			       t->p->id, path, buf_str(&cr.message));
	} else {
		*binary = xstrdup(cr.binary);
	}
	compile_result_release(&cr);
	buf_release(&src);
	return rc;
}

static void add_mode(struct stress_tools *t, const char *mode)
{
	size_t i;

	for (i = 0; i < t->nmodes; i++)
		if (!strcmp(t->modes[i], mode))
			return;
	t->modes = xrealloc(t->modes, (t->nmodes + 1) * sizeof(*t->modes));
	t->modes[t->nmodes++] = xstrdup(mode);
}

/* The generator's modes: none first, then the distinct extra arguments of
 * the lines "NAME SEED SIZE [ARG...]" of FOLDER/gen.list, if any. A testlib
 * generator's lines are "NAME ARG...": its modes are those arguments (and
 * no "none": it may need some). */
static void load_modes(struct stress_tools *t, const char *folder)
{
	char *path = xasprintf("%s/gen.list", folder), *line, *save = NULL, *tok, *save2;
	struct buf list = BUF_INIT, mode = BUF_INIT;
	int testlib = t->p->generator_contract == DB_CONTRACT_TESTLIB;
	int field, skip = testlib ? 1 : 3;

	if (!testlib)
		add_mode(t, "");
	if (util_read_file(path, &list, 1 << 20) == 0) {
		for (line = strtok_r(list.data, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save)) {
			if (line[strspn(line, " \t")] == '#')
				continue;
			buf_reset(&mode);
			field = 0;
			for (tok = strtok_r(line, " \t\r", &save2); tok;
			     tok = strtok_r(NULL, " \t\r", &save2))
				if (field++ >= skip)
					buf_addf(&mode, "%s%s", mode.len ? " " : "", tok);
			if (field >= skip)
				add_mode(t, buf_str(&mode));
		}
	}
	err_clear();
	if (!t->nmodes)
		add_mode(t, "");
	buf_release(&list);
	buf_release(&mode);
	free(path);
}

/* stress_tools_open, and without the generator when !with_gen. */
static int tools_open(struct stress_tools *t, const struct db_problem *p,
		      const char *folder, struct sbx *s, const struct compile_cache *c,
		      int with_gen)
{
	char *gen = compile_tool_path(folder, "gen");
	char *val = compile_tool_path(folder, "validator");
	int rc = 0;

	memset(t, 0, sizeof(*t));
	t->p = p;
	t->sbx = s;
	t->cache = c;
	grade_limits(p, &t->limits);
	if (grade_interactor_checked(p))
		/* Polygon's answer is the model solution's tout: not done here */
		rc = err_input("problem '%s' has a checker of its interactor's output file, "
			       "which judges against an answer a generated input does not have",
			       p->id);
	else if (!with_gen)
		rc = 0;
	else if (access(gen, F_OK) != 0)
		rc = err_input("problem '%s' has no generator (gen.c)", p->id);
	else
		rc = compile_tool(t, gen, "generator", &t->gen);
	if (rc == 0 && access(val, F_OK) == 0)
		rc = compile_tool(t, val, "validator", &t->validator);
	if (rc == 0 && with_gen)
		load_modes(t, folder);
	if (rc == 0 && p->interactor_file) {
		t->env = (struct grade_env){ NULL, s, c, NULL };
		if (!(t->interact = grade_checker_open(&t->env, p)))
			rc = err_as(err_kind() == ERR_INTERNAL ? ERR_INTERNAL : ERR_INPUT);
	}
	free(gen);
	free(val);
	if (rc)
		stress_tools_release(t);
	return rc;
}

int stress_tools_open(struct stress_tools *t, const struct db_problem *p,
		      const char *folder, struct sbx *s, const struct compile_cache *c)
{
	return tools_open(t, p, folder, s, c, 1);
}

int stress_tools_open_validator(struct stress_tools *t, const struct db_problem *p,
				const char *folder, struct sbx *s,
				const struct compile_cache *c)
{
	return tools_open(t, p, folder, s, c, 0);
}

void stress_tools_release(struct stress_tools *t)
{
	size_t i;

	free(t->gen);
	free(t->validator);
	grade_checker_close(t->interact);
	t->interact = NULL;
	for (i = 0; i < t->nmodes; i++)
		free(t->modes[i]);
	free(t->modes);
	t->gen = t->validator = NULL;
	t->modes = NULL;
	t->nmodes = 0;
}

void stress_tools_set_mode(struct stress_tools *t, const char *mode)
{
	size_t i;

	for (i = 0; i < t->nmodes; i++)
		free(t->modes[i]);
	t->nmodes = 0;
	add_mode(t, mode);
}

/* Take r's captured stdout into out. */
static void take_output(struct sbx_result *r, struct buf *out)
{
	buf_release(out);
	*out = r->out;
	r->out = (struct buf)BUF_INIT;
}

#define MAX_GEN_ARGS 16

/* N from a first line "size N" (N > 0), else 0. */
static long reported_size(const struct buf *err)
{
	char line[64], *end;
	size_t n = 0;
	long v;

	while (n < err->len && n < sizeof(line) - 1 && err->data[n] != '\n') {
		line[n] = err->data[n];
		n++;
	}
	line[n] = 0;
	if (strncmp(line, "size ", 5) || line[5] < '1' || line[5] > '9')
		return 0;
	v = strtol(line + 5, &end, 10);
	return *end ? 0 : v;
}

size_t stress_seed_slot(const char *const *args, size_t n)
{
	size_t at = 0;

	/* after the last argument that is not an option: never after a bare
	 * flag ("-sorted 7" would read 7 as the flag's value) */
	for (size_t i = 0; i < n; i++)
		if (args[i][0] != '-')
			at = i + 1;
	return at;
}

void stress_gen_line(int testlib, unsigned long long seed, long size, const char *mode,
		     struct buf *b)
{
	char *copy = xstrdup(mode ? mode : ""), *save = NULL, *tok;
	const char *args[MAX_GEN_ARGS + 2];
	size_t n = 0, at, i;

	if (!testlib) {
		buf_addf(b, "gen %llu %ld%s%s", seed, size, mode && *mode ? " " : "",
			 mode ? mode : "");
		free(copy);
		return;
	}
	for (tok = strtok_r(copy, " ", &save); tok && n < MAX_GEN_ARGS + 1;
	     tok = strtok_r(NULL, " ", &save))
		args[n++] = tok;
	at = stress_seed_slot(args, n);
	buf_addstr(b, "gen");
	for (i = 0; i <= n; i++) {
		if (i == at)
			buf_addf(b, " %llu", seed);
		if (i < n)
			buf_addf(b, " %s", args[i]);
	}
	free(copy);
}

int stress_generate(struct stress_tools *t, unsigned long long seed, long size,
		    const char *mode, struct buf *out)
{
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec spec;
	char s1[32], s2[32], *copy = xstrdup(mode ? mode : ""), *save = NULL, *tok;
	const char *argv[MAX_GEN_ARGS + 4] = { s1, s2, NULL };
	size_t n = 2;
	int rc = 0;

	snprintf(s1, sizeof(s1), "%llu", seed);
	snprintf(s2, sizeof(s2), "%ld", size);
	if (t->p->generator_contract == DB_CONTRACT_TESTLIB)
		n = 0;          /* `gen ARG... SEED`: testlib seeds from its argv */
	for (tok = strtok_r(copy, " ", &save); tok && n < MAX_GEN_ARGS + 2;
	     tok = strtok_r(NULL, " ", &save))
		argv[n++] = tok;
	if (t->p->generator_contract == DB_CONTRACT_TESTLIB) {
		size_t at = stress_seed_slot(argv, n);

		memmove(&argv[at + 1], &argv[at], (n - at) * sizeof(*argv));
		argv[at] = s1;
		n++;
	}
	argv[n] = NULL;
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = t->gen;
	spec.argv = argv;
	spec.limits.cpu_ms = TOOL_CPU_MS;
	spec.limits.memory_kb = TOOL_MEMORY_KB;
	spec.limits.output_kb = GEN_OUTPUT_KB;
	spec.limits.stderr_kb = 4;
	if (sbx_run(t->sbx, &spec, &r) < 0) {
		rc = err_prefix("generator");
	} else if (r.status != SBX_OK && t->p->generator_contract == DB_CONTRACT_TESTLIB) {
		struct buf line = BUF_INIT;

		stress_gen_line(1, seed, size, mode, &line);
		rc = err_input("the generator of '%s' failed on '%s': %s", t->p->id,
			       buf_str(&line), r.err.len ? buf_str(&r.err) :
			       r.message[0] ? r.message : sbx_status_name(r.status));
		buf_release(&line);
	} else if (r.status != SBX_OK) {
		rc = err_input("the generator of '%s' failed on 'gen %s %s%s%s': %s", t->p->id,
			       s1, s2, mode && *mode ? " " : "", mode ? mode : "",
			       r.message[0] ? r.message : sbx_status_name(r.status));
	} else {
		take_output(&r, out);
		t->reported_size = reported_size(&r.err);
	}
	sbx_result_release(&r);
	free(copy);
	return rc;
}

static int gen_hash(struct stress_tools *t, long size, char hash[65])
{
	struct buf b = BUF_INIT;
	int rc = stress_generate(t, 1, size, NULL, &b);

	if (rc == 0)
		util_sha256_hex(b.data ? b.data : "", b.len, hash);
	buf_release(&b);
	return rc;
}

int stress_max_size(struct stress_tools *t, long *max)
{
	char prev[65], cur[65], top[65];
	long s, lo, hi, mid;
	int rc;

	*max = MAX_SIZE;
	if ((rc = gen_hash(t, 1, prev)))
		return rc;
	for (s = 2; s <= MAX_SIZE; s *= 2) {
		if ((rc = gen_hash(t, s, cur)) < 0 && err_kind() != ERR_INPUT)
			return rc;
		if (rc < 0) {
			/* a generator that does not clamp, failing on a huge size */
			err_clear();
			*max = s / 2;
			return 0;
		}
		if (!strcmp(cur, prev))
			break;
		memcpy(prev, cur, sizeof(prev));
	}
	if (s > MAX_SIZE)
		return 0;
	/* gen(s / 2) == gen(s): the maximum is in (s / 4, s / 2] */
	memcpy(top, cur, sizeof(top));
	lo = s / 4;
	hi = s / 2;
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if ((rc = gen_hash(t, mid, cur)) < 0 && err_kind() != ERR_INPUT)
			return rc;
		if (rc < 0) {
			err_clear();
			*max = lo;
			return 0;
		}
		if (!strcmp(cur, top))
			hi = mid;
		else
			lo = mid;
	}
	*max = hi;
	return 0;
}

int stress_validate(struct stress_tools *t, const char *in, size_t len, int *valid)
{
	return stress_validate_why(t, in, len, valid, NULL);
}

int stress_validate_why(struct stress_tools *t, const char *in, size_t len, int *valid,
			struct buf *why)
{
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec spec;
	const char *nl;

	*valid = 1;
	if (!t->validator)
		return 0;
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = t->validator;
	spec.stdin_data = in ? in : "";
	spec.stdin_len = len;
	spec.limits.cpu_ms = TOOL_CPU_MS;
	spec.limits.memory_kb = TOOL_MEMORY_KB;
	spec.limits.output_kb = 64;
	spec.limits.stderr_kb = 4;
	if (sbx_run(t->sbx, &spec, &r) < 0) {
		sbx_result_release(&r);
		return err_prefix("validator");
	}
	/* exit 0 valid (judge, testlib), 42 (kattis) */
	*valid = t->p->validator_contract == DB_CONTRACT_KATTIS ?
		r.status == SBX_RE && !r.signal && r.exit_code == 42 : r.status == SBX_OK;
	if (!*valid && why) {
		/* its first line, printable; else how it ended */
		nl = r.err.len ? memchr(r.err.data, '\n', r.err.len) : NULL;
		if (r.err.len && (!nl || nl > r.err.data))
			text_escape(why, r.err.data, nl ? (size_t)(nl - r.err.data) : r.err.len,
				    200, TEXT_QUOTE);
		else if (r.status == SBX_RE && !r.signal)
			buf_addf(why, "it exited with code %d", r.exit_code);
		else
			buf_addf(why, "it ended with %s", sbx_status_name(r.status));
	}
	sbx_result_release(&r);
	return 0;
}

int stress_run(struct stress_tools *t, const char *binary, const char *in, size_t len,
	       unsigned cpu_ms, struct sbx_result *r)
{
	struct sbx_spec spec;

	if (t->interact)
		return grade_checker_interact(t->interact, binary, in ? in : "", len, "", 0,
					      cpu_ms, r, &t->last);
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = binary;
	spec.stdin_data = in ? in : "";
	spec.stdin_len = len;
	spec.limits = t->limits;
	if (cpu_ms) {
		spec.limits.cpu_ms = cpu_ms;
		spec.limits.wall_ms = 0;
	}
	return sbx_run(t->sbx, &spec, r);
}

/* ---- one input: the solution against the reference -------------------------- */

struct trial {
	enum verdict verdict;            /* V_AC: they agree */
	struct buf expected, got;
	char message[CHECK_MSG_MAX];
};

static void trial_release(struct trial *tr)
{
	buf_release(&tr->expected);
	buf_release(&tr->got);
}

/* Run both programs on in and compare. 0 with tr filled, or -1 with err
 * set: ERR_INPUT when the reference or the checker failed. */
static int trial_run(struct stress_tools *t, struct grade_checker *chk, const char *sol,
		     const char *ref, const char *in, size_t len, struct trial *tr)
{
	struct sbx_result rr = SBX_RESULT_INIT, sr = SBX_RESULT_INIT;
	struct check_result cr;
	int rc = 0;

	tr->verdict = V_AC;
	tr->message[0] = 0;
	if (stress_run(t, ref, in, len, 0, &rr) < 0) {
		rc = err_prefix("reference");
		goto out;
	}
	if (t->interact && t->last.verdict != V_AC) {
		rc = err_input("the reference is not accepted on an input of %zu bytes: %s: %s",
			       len, verdict_name(t->last.verdict), t->last.message);
		goto out;
	}
	if (rr.status != SBX_OK) {
		rc = err_input("the reference failed on an input of %zu bytes: %s", len,
			       rr.message[0] ? rr.message : sbx_status_name(rr.status));
		goto out;
	}
	if (stress_run(t, sol, in, len, 0, &sr) < 0) {
		rc = err_prefix("solution");
		goto out;
	}
	if (t->interact) {
		/* the interactor judged the pair */
		tr->verdict = t->last.verdict;
		snprintf(tr->message, sizeof(tr->message), "%s", t->last.message);
	} else if (sr.status != SBX_OK) {
		tr->verdict = grade_status_verdict(sr.status);
		snprintf(tr->message, sizeof(tr->message), "%s",
			 sr.message[0] ? sr.message : sbx_status_name(sr.status));
	} else {
		if (grade_checker_check(chk, in, len, sr.out.data ? sr.out.data : "", sr.out.len,
					rr.out.data ? rr.out.data : "", rr.out.len, &cr) < 0) {
			rc = err_prefix("checker");
			goto out;
		}
		if (cr.verdict == V_IE) {
			rc = err_input("the checker failed: %s", cr.message);
			goto out;
		}
		tr->verdict = cr.verdict;
		snprintf(tr->message, sizeof(tr->message), "%s", cr.message);
	}
	take_output(&rr, &tr->expected);
	take_output(&sr, &tr->got);
out:
	sbx_result_release(&rr);
	sbx_result_release(&sr);
	return rc;
}

/* r's case becomes in with tr's outcome. */
static void keep_case(struct stress_result *r, const char *in, size_t len, long size,
		      unsigned long long seed, const char *mode, struct trial *tr)
{
	struct buf b = BUF_INIT;

	buf_add(&b, in, len);
	buf_release(&r->input);
	r->input = b;
	buf_release(&r->expected);
	r->expected = tr->expected;
	tr->expected = (struct buf)BUF_INIT;
	buf_release(&r->got);
	r->got = tr->got;
	tr->got = (struct buf)BUF_INIT;
	r->verdict = tr->verdict;
	memcpy(r->message, tr->message, sizeof(r->message));
	r->size = size;
	r->seed = seed;
	if (mode != r->mode) {
		free(r->mode);
		r->mode = xstrdup(mode ? mode : "");
	}
}

void stress_result_release(struct stress_result *r)
{
	buf_release(&r->input);
	buf_release(&r->expected);
	buf_release(&r->got);
	free(r->mode);
	memset(r, 0, sizeof(*r));
}

long stress_size_at(unsigned i)
{
	double s = 1;

	while (i-- > 0 && s < MAX_SIZE)
		s *= 1.1;
	return s < MAX_SIZE ? (long)s : MAX_SIZE;
}

static void report(const struct stress_opts *o, const char *phase, unsigned runs,
		   long size, unsigned long long seed, size_t bytes)
{
	struct stress_progress p = { phase, runs, size, seed, bytes };

	if (o->progress)
		o->progress(o->progress_arg, &p);
}

int stress_search(struct stress_tools *t, struct grade_checker *chk, const char *sol,
		  const char *ref, const struct stress_opts *o, struct stress_result *r)
{
	unsigned iterations = o->iterations ? o->iterations : STRESS_ITERATIONS;
	unsigned time_ms = o->time_ms ? o->time_ms : STRESS_TIME_S * 1000;
	unsigned long long seed0 = o->first_seed ? o->first_seed : 1, seed;
	long long start = util_monotonic_ms();
	struct trial tr = { V_AC, BUF_INIT, BUF_INIT, "" };
	struct buf in = BUF_INIT;
	const char *mode;
	unsigned i;
	long size;
	int rc = 0;

	memset(r, 0, sizeof(*r));
	for (i = 0; i < iterations; i++) {
		if (o->cancel && *o->cancel) {
			r->interrupted = 1;
			break;
		}
		if (i > 0 && util_monotonic_ms() - start >= (long long)time_ms)
			break;
		size = stress_size_at(i);
		seed = seed0 + i;
		mode = t->nmodes ? t->modes[i % t->nmodes] : "";
		if ((rc = stress_generate(t, seed, size, mode, &in)))
			break;
		report(o, "search", i + 1, size, seed, in.len);
		if ((rc = trial_run(t, chk, sol, ref, in.data, in.len, &tr))) {
			struct buf line = BUF_INIT;

			stress_gen_line(t->p->generator_contract == DB_CONTRACT_TESTLIB, seed,
					size, mode, &line);
			err_prefix("'%s'", buf_str(&line));
			buf_release(&line);
			break;
		}
		if (o->cancel && *o->cancel > 1) {   /* the run was cut short */
			r->interrupted = 1;
			break;
		}
		r->runs++;
		if (tr.verdict != V_AC) {
			r->found = 1;
			r->found_size = size;
			r->found_seed = seed;
			r->found_bytes = in.len;
			keep_case(r, in.data, in.len, size, seed, mode, &tr);
			break;
		}
	}
	trial_release(&tr);
	buf_release(&in);
	return rc;
}

/* ---- deletion ---------------------------------------------------------------- */

/* An input as lines of tokens (pointers into a private copy of the text). */
struct doc {
	char *text;
	char **tok;
	size_t ntok;
	size_t *line;          /* nlines + 1 entries: each line's first token */
	size_t nlines;
	int final_nl;
};

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static void doc_parse(struct doc *d, const char *in, size_t len)
{
	size_t i, atok = 16, aline = 16;

	memset(d, 0, sizeof(*d));
	d->text = xmalloc(len + 1);
	memcpy(d->text, in, len);
	d->text[len] = 0;
	d->tok = xmalloc(atok * sizeof(*d->tok));
	d->line = xmalloc(aline * sizeof(*d->line));
	d->final_nl = len > 0 && in[len - 1] == '\n';
	i = 0;
	while (i < len) {
		/* one line: [i, end of line) */
		if (d->nlines + 2 > aline) {
			aline *= 2;
			d->line = xrealloc(d->line, aline * sizeof(*d->line));
		}
		d->line[d->nlines++] = d->ntok;
		while (i < len && d->text[i] != '\n') {
			if (is_space(d->text[i])) {
				d->text[i++] = 0;
				continue;
			}
			if (d->ntok == atok) {
				atok *= 2;
				d->tok = xrealloc(d->tok, atok * sizeof(*d->tok));
			}
			d->tok[d->ntok++] = &d->text[i];
			while (i < len && d->text[i] != '\n' && !is_space(d->text[i]))
				i++;
		}
		if (i < len)
			d->text[i++] = 0; /* the '\n' */
	}
	d->line[d->nlines] = d->ntok;
}

static void doc_release(struct doc *d)
{
	free(d->text);
	free(d->tok);
	free(d->line);
	memset(d, 0, sizeof(*d));
}

static size_t line_tokens(const struct doc *d, size_t l)
{
	return d->line[l + 1] - d->line[l];
}

/* A non-negative decimal integer token, or -1. */
static long long as_count(const char *s)
{
	long long v = 0;

	if (!*s)
		return -1;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > 100000000000LL)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* The grid width: "R C" first, then lines of exactly C non-space characters
 * (at least one line); 0 when the input is not such a grid. */
static size_t grid_width(const struct doc *d)
{
	long long w;
	size_t l;

	if (d->nlines < 2 || line_tokens(d, 0) < 2)
		return 0;
	w = as_count(d->tok[1]);
	if (w < 1)
		return 0;
	for (l = 1; l < d->nlines; l++)
		if (line_tokens(d, l) != 1 || strlen(d->tok[d->line[l]]) != (size_t)w)
			return 0;
	return (size_t)w;
}

static size_t doc_units(const struct doc *d, enum stress_unit u)
{
	switch (u) {
	case STRESS_LINES: return d->nlines;
	case STRESS_TOKENS: return d->ntok;
	case STRESS_COLUMNS: return grid_width(d);
	}
	return 0;
}

size_t stress_units(const char *in, size_t len, enum stress_unit u)
{
	struct doc d;
	size_t n;

	doc_parse(&d, in, len);
	n = doc_units(&d, u);
	doc_release(&d);
	return n;
}

static int in_range(size_t k, size_t at, size_t count)
{
	return k >= at && k - at < count;
}

/* Whether line l stays after deleting units [at, at + count) of kind u. */
static int line_kept(const struct doc *d, enum stress_unit u, size_t l, size_t at,
		     size_t count)
{
	size_t k;

	if (u == STRESS_LINES)
		return !in_range(l, at, count);
	if (u == STRESS_TOKENS && line_tokens(d, l) > 0) {
		for (k = d->line[l]; k < d->line[l + 1]; k++)
			if (!in_range(k, at, count))
				return 1;
		return 0;
	}
	return 1;
}

static int doc_delete(const struct doc *d, enum stress_unit u, size_t at, size_t count,
		      struct buf *out)
{
	size_t n = doc_units(d, u), l, k, c, nl = 0, new_lines = 0, new_toks = 0;
	long long head = -1, old_lines, old_toks, fixed = -1;
	int first;

	if (count == 0 || at >= n || count > n - at)
		return -1;
	/* a leading count: the number of lines or of tokens after the first line */
	if (d->nlines > 0 && line_tokens(d, 0) > 0 && line_kept(d, u, 0, at, count) &&
	    !(u == STRESS_TOKENS && in_range(0, at, count)))
		head = as_count(d->tok[0]);
	old_lines = (long long)d->nlines - 1;
	old_toks = (long long)(d->ntok - (d->nlines > 0 ? d->line[1] : 0));
	for (l = 1; l < d->nlines; l++) {
		if (!line_kept(d, u, l, at, count))
			continue;
		new_lines++;
		for (k = d->line[l]; k < d->line[l + 1]; k++)
			if (!(u == STRESS_TOKENS && in_range(k, at, count)))
				new_toks++;
	}
	if (head >= 0 && head == old_lines)
		fixed = (long long)new_lines;
	else if (head >= 0 && head == old_toks)
		fixed = (long long)new_toks;

	for (l = 0; l < d->nlines; l++) {
		if (!line_kept(d, u, l, at, count))
			continue;
		if (nl++)
			buf_addch(out, '\n');
		first = 1;
		for (k = d->line[l]; k < d->line[l + 1]; k++) {
			if (u == STRESS_TOKENS && in_range(k, at, count))
				continue;
			if (!first)
				buf_addch(out, ' ');
			first = 0;
			if (k == 0 && fixed >= 0) {
				buf_addf(out, "%lld", fixed);
			} else if (u == STRESS_COLUMNS && k == 1) {
				buf_addf(out, "%zu", n - count);
			} else if (u == STRESS_COLUMNS && l > 0) {
				for (c = 0; c < n; c++)
					if (!in_range(c, at, count))
						buf_addch(out, d->tok[k][c]);
			} else {
				buf_addstr(out, d->tok[k]);
			}
		}
	}
	if (nl && d->final_nl)
		buf_addch(out, '\n');
	return 0;
}

int stress_delete(const char *in, size_t len, enum stress_unit u, size_t at,
		  size_t count, struct buf *out)
{
	struct doc d;
	int rc;

	doc_parse(&d, in, len);
	rc = doc_delete(&d, u, at, count, out);
	doc_release(&d);
	return rc;
}

int stress_replace(const char *in, size_t len, size_t k, const char *text, struct buf *out)
{
	struct doc d;
	size_t l, i;

	doc_parse(&d, in, len);
	if (k >= d.ntok) {
		doc_release(&d);
		return -1;
	}
	for (l = 0; l < d.nlines; l++) {
		if (l)
			buf_addch(out, '\n');
		for (i = d.line[l]; i < d.line[l + 1]; i++) {
			if (i > d.line[l])
				buf_addch(out, ' ');
			buf_addstr(out, i == k ? text : d.tok[i]);
		}
	}
	if (d.nlines && d.final_nl)
		buf_addch(out, '\n');
	doc_release(&d);
	return 0;
}

/* ---- shrinking ----------------------------------------------------------------- */

struct shrinker {
	struct stress_tools *t;
	struct grade_checker *chk;
	const char *sol, *ref;
	const struct stress_opts *o;
	struct stress_result *r;
	long long deadline;
	unsigned max_runs;
};

static int exhausted(const struct shrinker *s)
{
	if (s->o->cancel && *s->o->cancel) {
		s->r->interrupted = 1;
		return 1;
	}
	return s->r->shrink_runs >= s->max_runs || util_monotonic_ms() >= s->deadline;
}

/* Try an input: 1 when the solution still fails on it with the same verdict
 * (it becomes r's case), 0 when not (or the validator rejects it, or the
 * reference fails on it), -1 when the judge failed. */
static int attempt(struct shrinker *s, const char *in, size_t len, int validate,
		   long size, unsigned long long seed)
{
	struct trial tr = { V_AC, BUF_INIT, BUF_INIT, "" };
	int valid, rc;

	s->r->shrink_runs++;
	report(s->o, validate ? "shrink" : "size", s->r->shrink_runs, size, seed, len);
	if (validate) {
		if (stress_validate(s->t, in, len, &valid) < 0)
			return -1;
		if (!valid)
			return 0;
	}
	rc = trial_run(s->t, s->chk, s->sol, s->ref, in, len, &tr);
	if (rc < 0 && err_kind() == ERR_INPUT) {
		err_clear();
		rc = 0;
	} else if (rc == 0 && s->o->cancel && *s->o->cancel > 1) {
		rc = 0;   /* the run was cut short: it tells nothing */
	} else if (rc == 0 && tr.verdict == s->r->verdict) {
		keep_case(s->r, in, len, size, seed, s->r->mode, &tr);
		rc = 1;
	}
	trial_release(&tr);
	return rc;
}

/* The next size to try below the failing one: every size up to 8, then
 * steps of about 25%. */
static long next_size(long s)
{
	return s < 8 ? s + 1 : s + s / 4;
}

/* The smallest size, then seed, that still fails. */
static int shrink_size(struct shrinker *s)
{
	struct buf in = BUF_INIT;
	char hash[65], prev[65] = "";
	long size, limit = s->r->size;
	unsigned long long seed, first = s->r->seed;
	int rc = 0;

	for (size = 1; size <= limit && !exhausted(s);
	     size = size < limit && next_size(size) > limit ? limit : next_size(size)) {
		for (seed = 1; seed <= SEEDS_PER_SIZE && !exhausted(s); seed++) {
			if (size == limit && seed >= first)
				break;
			if ((rc = stress_generate(s->t, seed, size, s->r->mode, &in)) < 0) {
				/* the generator failing on a smaller size ends this
				 * step, not the shrinking */
				if (err_kind() == ERR_INPUT) {
					err_clear();
					rc = 0;
				}
				goto out;
			}
			if (seed == 1) {
				/* the generator clamps: nothing new above its maximum */
				util_sha256_hex(in.data ? in.data : "", in.len, hash);
				if (!strcmp(hash, prev))
					goto out;
				memcpy(prev, hash, sizeof(prev));
			}
			if ((rc = attempt(s, in.data, in.len, 0, size, seed)) != 0)
				goto out;
		}
	}
out:
	buf_release(&in);
	return rc < 0 ? rc : 0;
}

/* ddmin over one kind of unit: delete chunks of half the units, then
 * quarters, ... down to single units; a pass that deleted something is
 * repeated with the same chunk size. 1 when anything was deleted. */
static int shrink_units(struct shrinker *s, enum stress_unit u)
{
	struct buf cand = BUF_INIT;
	size_t n = stress_units(s->r->input.data, s->r->input.len, u), chunk, at;
	int any = 0, progress, rc = 0;

	chunk = n / 2 ? n / 2 : 1;
	while (n > 0 && !exhausted(s)) {
		progress = 0;
		for (at = 0; at < n && !exhausted(s);) {
			buf_reset(&cand);
			if (stress_delete(s->r->input.data, s->r->input.len, u, at,
					  chunk < n - at ? chunk : n - at, &cand) < 0)
				break;
			rc = cand.len ? attempt(s, cand.data, cand.len, 1, s->r->size,
						s->r->seed) : 0;
			if (rc < 0)
				goto out;
			if (rc == 1) {
				progress = any = 1;
				n = stress_units(s->r->input.data, s->r->input.len, u);
			} else {
				at += chunk;
			}
		}
		if (!progress) {
			if (chunk == 1)
				break;
			chunk /= 2;
		}
		if (chunk > n)
			chunk = n ? n : 1;
	}
out:
	buf_release(&cand);
	return rc < 0 ? -1 : any;
}

/* Token k of the current input as an integer that may get smaller: 0 with
 * *v, or -1 (not an integer, or already -1, 0 or 1). */
static int token_value(const struct stress_result *r, size_t k, long long *v)
{
	struct doc d;
	char *end;
	int rc = -1;

	doc_parse(&d, r->input.data ? r->input.data : "", r->input.len);
	if (k < d.ntok) {
		errno = 0;
		*v = strtoll(d.tok[k], &end, 10);
		if (!*end && end != d.tok[k] && errno == 0 && (*v < -1 || *v > 1))
			rc = 0;
	}
	doc_release(&d);
	return rc;
}

/* Make numbers smaller: each integer token becomes 0 if the solution still
 * fails, else is halved towards zero while it still fails. */
static int shrink_values(struct shrinker *s)
{
	struct buf cand = BUF_INIT;
	size_t k, n = stress_units(s->r->input.data, s->r->input.len, STRESS_TOKENS);
	long long v, c;
	char text[32];
	int rc = 0, first;

	for (k = 0; k < n && !exhausted(s); k++) {
		if (token_value(s->r, k, &v) < 0)
			continue;
		for (first = 1, c = 0; !exhausted(s); first = 0, c = v / 2) {
			if (!first && c == 0)
				break;
			snprintf(text, sizeof(text), "%lld", c);
			buf_reset(&cand);
			if (stress_replace(s->r->input.data, s->r->input.len, k, text, &cand) < 0)
				break;
			rc = attempt(s, cand.data, cand.len, 1, s->r->size, s->r->seed);
			if (rc < 0)
				goto out;
			if (rc == 1) {
				if (c == 0)
					break;
				v = c;
			} else if (!first) {
				break;
			}
		}
		rc = 0;
	}
out:
	buf_release(&cand);
	return rc;
}

int stress_shrink(struct stress_tools *t, struct grade_checker *chk, const char *sol,
		  const char *ref, const struct stress_opts *o, struct stress_result *r)
{
	static const enum stress_unit units[] = { STRESS_LINES, STRESS_TOKENS, STRESS_COLUMNS };
	struct shrinker s = { t, chk, sol, ref, o, r, 0, 0 };
	int round, any, rc;
	size_t i;

	if (!r->found)
		return 0;
	s.deadline = util_monotonic_ms() + (o->shrink_ms ? o->shrink_ms : STRESS_SHRINK_S * 1000);
	s.max_runs = o->shrink_runs ? o->shrink_runs : STRESS_SHRINK_RUNS;
	if (shrink_size(&s) < 0)
		return -1;
	if (!t->validator)
		return 0; /* without a validator no edited input can be trusted */
	for (round = 0; round < 3 && !exhausted(&s); round++) {
		any = 0;
		for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
			if ((rc = shrink_units(&s, units[i])) < 0)
				return -1;
			any |= rc;
		}
		if (!any)
			break;
	}
	return shrink_values(&s) < 0 ? -1 : 0;
}

/* ---- the user's programs -------------------------------------------------- */

int stress_compile_file(struct stress_tools *t, const char *path, const char *what,
			char **binary)
{
	struct compile_result cr = COMPILE_RESULT_INIT;
	struct buf src = BUF_INIT, msg = BUF_INIT;
	size_t n = 0, lines = 0;
	int rc = -1;

	*binary = NULL;
	if (compile_read_source(path, &src) < 0) {
		/* the message says what is wrong with the file */
	} else if (compile_source(t->cache, t->sbx, compile_lang_of_path(path),
				  buf_str(&src), src.len, &cr) < 0) {
		err_prefix("cannot compile the %s", what);
	} else if (!cr.ok) {
		/* the first lines of the diagnostics (already made printable) */
		while (n < cr.message.len && lines < 10)
			if (cr.message.data[n++] == '\n')
				lines++;
		buf_add(&msg, cr.message.data ? cr.message.data : "", n);
		err_input("the %s '%s' does not compile:\n%s", what, path, buf_str(&msg));
	} else {
		*binary = xstrdup(cr.binary);
		rc = 0;
	}
	compile_result_release(&cr);
	buf_release(&src);
	buf_release(&msg);
	return rc;
}

static int name_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

char *stress_default_ref(const char *root, const char *id)
{
	char *dir = xasprintf("%s/solutions/%s/accepted", root, id);
	char *found = NULL, *path;
	struct dirent **names = NULL;
	struct stat st;
	size_t len;
	int n, i;

	n = scandir(dir, &names, NULL, name_cmp);
	for (i = 0; i < n; i++) {
		len = strlen(names[i]->d_name);
		if (!found && names[i]->d_name[0] != '.' && len > 2 &&
		    compile_is_source_name(names[i]->d_name)) {
			path = xasprintf("%s/%s", dir, names[i]->d_name);
			if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
				found = path;
			else
				free(path);
		}
		free(names[i]);
	}
	free(names);
	free(dir);
	return found;
}
