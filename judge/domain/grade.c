/* grade.c: compile, run every test in the sandbox, check, record: the one
 * grading pipeline behind submit, regress, contest and stress. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "judge/domain/check.h"
#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "judge/domain/testcache.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

/* Bytes and lines of a sample's input shown with a wrong answer. */
#define INPUT_SHOW_BYTES 400
#define INPUT_SHOW_LINES 10
#define STDERR_KEEP 200         /* bytes of stderr kept with a test's result */
#define STDERR_LINE_SHOW 60     /* bytes of its first line in the message */
#define STDERR_END_SHOW 120     /* bytes of its end in a run-time error's */

/* A custom checker's limits: generous (it is trusted code) but bounded. */
#define CHECKER_CPU_MS    10000
#define CHECKER_MEMORY_KB (1024UL * 1024)
#define CHECKER_STDERR_KB 4
/* An interactor's: the checker's, and wall time for as long as the
 * solution may take on top of its own (it waits on the solution). */
#define INTERACTOR_CPU_MS    CHECKER_CPU_MS
#define INTERACTOR_MEMORY_KB CHECKER_MEMORY_KB
#define INTERACTOR_STDERR_KB 4

/* What stays the same for every test of one grading. */
struct grading {
	const struct grade_env *env;
	const struct db_problem *p;
	struct sbx_limits limits;
	const char *binary;            /* the solution */
	struct check_params params;
	const char *checker;           /* custom: the checker binary */
	int excerpts;                  /* grade_opts.excerpts */
	const char *interactor;        /* interactive: the interactor binary */
	char *tmp;                     /* custom: folder for input/output/answer */
	char *tmp_in, *tmp_out, *tmp_ans;
	size_t repeat;                 /* runs in all near the limit (>= 1) */
	volatile sig_atomic_t *cancel; /* no further re-run once set */
	const char *test_args;         /* Kattis: the test's own validator arguments */
};

/* The problem's and the test's Kattis output validator arguments, split
 * into words (at most max), malloc'd in *joined which the words point into. */
static size_t kattis_args(const struct grading *g, char **joined, const char **words,
			  size_t max)
{
	char *save = NULL, *w;
	size_t n = 0;

	*joined = xasprintf("%s %s", g->p->checker_args ? g->p->checker_args : "",
			    g->test_args ? g->test_args : "");
	for (w = strtok_r(*joined, " \t\n", &save); w && n < max;
	     w = strtok_r(NULL, " \t\n", &save))
		words[n++] = w;
	return n;
}

/* The built-in checker's parameters: the catalogue's, or the Kattis default
 * output validator with the problem's and the test's flags. */
static int check_params_of(const struct grading *g, struct check_params *pa)
{
	char *args;
	int rc;

	memset(pa, 0, sizeof(*pa));
	pa->kind = g->p->checker;
	pa->abs_tol = g->p->abs_tolerance;
	pa->rel_tol = g->p->rel_tolerance;
	if (g->p->checker_contract != DB_CONTRACT_KATTIS)
		return 0;
	args = xasprintf("%s %s", g->p->checker_args ? g->p->checker_args : "",
			 g->test_args ? g->test_args : "");
	rc = check_kattis_flags(args, pa);
	free(args);
	return rc;
}

void grade_limits(const struct db_problem *p, struct sbx_limits *l)
{
	memset(l, 0, sizeof(*l));
	l->cpu_ms = (unsigned)p->time_limit_ms;
	l->memory_kb = (unsigned long)p->memory_limit_mb * 1024;
	l->stack_kb = (unsigned long)(p->stack_limit_mb > 0 ? p->stack_limit_mb :
				      p->memory_limit_mb) * 1024;
	l->output_kb = p->output_limit_kb > 0 ? (unsigned long)p->output_limit_kb : 0;
}

char *grade_stack_message(const struct sbx_result *sr)
{
	char sig[16];

	if (sr->stack_used_kb)
		return xasprintf("stack overflow: recursion too deep? (out of time with the "
				 "stack at %.1f MB of its %.1f MB limit)",
				 sr->stack_used_kb / 1024.0, sr->stack_kb / 1024.0);
	return xasprintf("killed by %s: stack overflow: recursion too deep? (the stack "
			 "limit is %.1f MB)", util_signal_name(sr->signal, sig),
			 sr->stack_kb / 1024.0);
}

/* Why a program that crashed or exited non-zero did so, with a hint. */
static char *describe_re(const struct sbx_result *sr)
{
	char sig[16];
	const char *hint = "";

	if (sr->stack_overflow)
		return grade_stack_message(sr);
	if (!sr->signal)
		return xasprintf("exited with code %d", sr->exit_code);
	util_signal_name(sr->signal, sig);
	switch (sr->signal) {
	case SIGSEGV:
		/* a stack overflow is the sandbox's stack_overflow, above */
		hint = " (invalid memory access)";
		break;
	case SIGFPE: hint = " (division by zero?)"; break;
	case SIGABRT: hint = " (abort() or a failed assert)"; break;
	case SIGBUS: hint = " (bus error: misaligned or unmapped access)"; break;
	case SIGILL: hint = " (illegal instruction)"; break;
	}
	return xasprintf("killed by %s%s", sig, hint);
}

static char *describe_limit(const struct grading *g, const struct sbx_result *sr)
{
	struct buf b = BUF_INIT;

	switch (sr->status) {
	case SBX_TLE:
		if (sr->tle_wall && g->interactor)
			return xasprintf("wall time %u ms over the limit (CPU %u ms): waiting "
					 "for the interactor? flush after every line",
					 sr->wall_ms, sr->cpu_ms);
		if (sr->tle_wall)
			return xasprintf("wall time %u ms over the limit (CPU %u ms): "
					 "sleeping or blocked?", sr->wall_ms, sr->cpu_ms);
		return xasprintf("CPU time %u ms over the limit of %u ms (wall %u ms)",
				 sr->cpu_ms, g->limits.cpu_ms, sr->wall_ms);
	case SBX_MLE:
		if (sr->alloc_bytes)
			return xasprintf("an allocation of %.1f MB was refused: more than "
					 "the memory limit of %lu MB", sr->alloc_bytes /
					 (1024.0 * 1024.0), g->limits.memory_kb / 1024);
		return xasprintf("peak memory %.1f MB over the limit of %lu MB",
				 sr->memory_kb / 1024.0, g->limits.memory_kb / 1024);
	case SBX_OLE:
		return xasprintf("more than %lu KB of output",
				 g->limits.output_kb ? g->limits.output_kb : 64UL * 1024);
	case SBX_SV:
		if (sr->syscall[0]) {
			buf_addstr(&b, "forbidden system call '");
			text_escape(&b, sr->syscall, strnlen(sr->syscall, sizeof(sr->syscall)),
				     sizeof(sr->syscall), TEXT_QUOTE);
			buf_addch(&b, '\'');
			if (sr->open_write)
				buf_addstr(&b, ": programs may not write files; read the input "
					   "from stdin and write the answer to stdout");
		} else if (sr->message[0]) {
			text_escape(&b, sr->message, strnlen(sr->message, sizeof(sr->message)),
				     sizeof(sr->message), TEXT_QUOTE);
		} else {
			buf_addstr(&b, "security violation");
		}
		return buf_detach(&b, NULL);
	default:
		return xstrdup("");
	}
}

enum verdict grade_status_verdict(enum sbx_status st)
{
	switch (st) {
	case SBX_OK: return V_AC;
	case SBX_RE: return V_RE;
	case SBX_TLE: return V_TLE;
	case SBX_MLE: return V_MLE;
	case SBX_OLE: return V_OLE;
	case SBX_SV: return V_SV;
	}
	return V_IE;
}

/* ---- custom checker ----------------------------------------------------- */

static int write_plain(const char *path, const void *data, size_t len)
{
	const char *p = data;
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	ssize_t n;

	if (fd < 0)
		return err_errno("cannot create '%s'", path);
	while (len > 0) {
		n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			err_errno("cannot write '%s'", path);
			close(fd);
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	if (close(fd) < 0)
		return err_errno("cannot write '%s'", path);
	return 0;
}

static char *program_ended(const struct sbx_result *sr);

/* Run the custom checker on one test, as its contract says (JUDGE and
 * TESTLIB: `checker input output answer`, message on stderr; KATTIS:
 * `checker input answer feedback/ < output`, message in judgemessage.txt);
 * fills cr. -1 (err set) when the sandbox failed. */
static int run_checker(struct grading *g, const char *in, size_t inlen,
		       const struct buf *out, const char *ans, size_t anslen,
		       struct check_result *cr)
{
	static const char *const argv[] = { "input", "output", "answer", NULL };
	const char *kargv[64];
	enum db_contract contract = g->p->checker_contract;
	struct sbx_result sr = SBX_RESULT_INIT;
	struct sbx_file files[3];
	struct sbx_spec spec;
	const struct buf *msg;
	char *how = NULL, *joined = NULL;

	if (write_plain(g->tmp_in, in, inlen) < 0 ||
	    write_plain(g->tmp_out, out->data ? out->data : "", out->len) < 0 ||
	    write_plain(g->tmp_ans, ans, anslen) < 0)
		return err_prefix("custom checker");
	files[0] = (struct sbx_file){ g->tmp_in, "input" };
	files[1] = (struct sbx_file){ g->tmp_out, "output" };
	files[2] = (struct sbx_file){ g->tmp_ans, "answer" };
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = g->checker;
	spec.argv = argv;
	spec.files = files;
	spec.nfiles = 3;
	spec.limits.cpu_ms = CHECKER_CPU_MS;
	spec.limits.memory_kb = CHECKER_MEMORY_KB;
	spec.limits.output_kb = 64;
	spec.limits.stderr_kb = CHECKER_STDERR_KB;
	if (contract == DB_CONTRACT_KATTIS) {
		/* an output validator: v input answer feedback/ [args] <
		 * team_output, its messages in the feedback folder */
		kargv[0] = "input";
		kargv[1] = "answer";
		kargv[2] = "feedback/";
		kargv[3 + kattis_args(g, &joined, kargv + 3, 60)] = NULL;
		spec.argv = kargv;
		files[1] = files[2];
		spec.nfiles = 2;
		spec.stdin_path = g->tmp_out;
		spec.feedback = 1;
		if (g->p->validation_time_ms > 0)
			spec.limits.cpu_ms = (unsigned)g->p->validation_time_ms;
		if (g->p->validation_memory_mb > 0)
			spec.limits.memory_kb = (unsigned long)g->p->validation_memory_mb * 1024;
	}
	if (sbx_run(g->env->sbx, &spec, &sr) < 0) {
		sbx_result_release(&sr);
		free(joined);
		return err_prefix("custom checker");
	}
	free(joined);
	how = program_ended(&sr);
	/* the message: a Kattis validator's judgemessage.txt, else what it
	 * printed (stdout, then stderr); another contract's stderr */
	msg = &sr.err;
	if (contract == DB_CONTRACT_KATTIS)
		msg = sr.fb_judge.len ? &sr.fb_judge : sr.out.len ? &sr.out : &sr.err;
	check_program_verdict(contract, contract == DB_CONTRACT_KATTIS ? "output validator" :
			      "checker", how ? -1 : sr.exit_code, how, msg->data, msg->len, cr);
	free(how);
	sbx_result_release(&sr);
	return 0;
}

/* How a problem's program that did not simply exit ended ("killed by
 * SIGSEGV", "TLE (over its time limit)"), malloc'd; NULL when it exited
 * (with any code) within its limits. */
static char *program_ended(const struct sbx_result *sr)
{
	char sig[16];

	if (sr->status == SBX_OK || (sr->status == SBX_RE && !sr->signal))
		return NULL;
	if (sr->status == SBX_RE) {
		util_signal_name(sr->signal, sig);
		return xasprintf("killed by %s", sig);
	}
	return xasprintf("%s (%s)", sbx_status_name(sr->status),
			 sr->status == SBX_TLE ? "over its time limit" :
			 sr->status == SBX_MLE ? "over its memory limit" :
			 sr->status == SBX_OLE ? "too much output" :
			 "a forbidden system call");
}

static int make_tmp(struct grading *g);
static int prepare_interactor(struct grading *g, struct compile_result *itr,
			      struct grade_result *r);
static int run_interactive(struct grading *g, const char *in, size_t inlen,
			   const char *ans, size_t anslen, struct grade_test *t,
			   struct sbx_result *keep);

/* ---- checking outside grading (judge stress) ----------------------------- */

struct grade_checker {
	struct grading g;
	struct compile_result chk, itr;
};

int grade_interactor_checked(const struct db_problem *p)
{
	return p->interactor_file && p->interactor_contract == DB_CONTRACT_TESTLIB &&
	       p->checker == DB_CHECKER_CUSTOM && p->checker_source;
}

enum compile_lang grade_checker_lang(const struct db_problem *p)
{
	return p->checker_file ? compile_lang_of_path(p->checker_file) : LANG_C;
}

struct grade_checker *grade_checker_open(const struct grade_env *env,
					 const struct db_problem *p)
{
	struct grade_checker *c = xcalloc(1, sizeof(*c));

	c->g.env = env;
	c->g.p = p;
	grade_limits(p, &c->g.limits);
	c->g.params.kind = p->checker;
	c->g.params.abs_tol = p->abs_tolerance;
	c->g.params.rel_tol = p->rel_tolerance;
	c->chk = (struct compile_result)COMPILE_RESULT_INIT;
	c->itr = (struct compile_result)COMPILE_RESULT_INIT;
	if (p->interactor_file) {
		struct grade_result r;

		memset(&r, 0, sizeof(r));
		if (prepare_interactor(&c->g, &c->itr, &r) < 0) {
			err_set("%s", r.error ? r.error : "cannot prepare the interactor");
			free(r.error);
			goto fail;
		}
		if (!grade_interactor_checked(p))
			return c;
	}
	if (p->checker != DB_CHECKER_CUSTOM)
		return c;
	if (!p->checker_source) {
		err_set("problem '%s' has a custom checker but no checker source", p->id);
		goto fail;
	}
	if (compile_program(env->cache, env->sbx, grade_checker_lang(p), p->checker_source,
			    strlen(p->checker_source), &c->chk) < 0) {
		err_prefix("cannot compile the checker");
		goto fail;
	}
	if (!c->chk.ok) {
		err_set("the checker of '%s' does not compile: %.300s", p->id,
			buf_str(&c->chk.message));
		goto fail;
	}
	c->g.checker = c->chk.binary;
	if (!c->g.tmp && make_tmp(&c->g) < 0)
		goto fail;
	return c;
fail:
	grade_checker_close(c);
	return NULL;
}

int grade_checker_interact(struct grade_checker *c, const char *binary, const char *in,
			   size_t inlen, const char *ans, size_t anslen, unsigned cpu_ms,
			   struct sbx_result *r, struct check_result *cr)
{
	struct sbx_limits keep = c->g.limits;
	struct grade_test t;
	int rc;

	memset(&t, 0, sizeof(t));
	c->g.binary = binary;
	if (cpu_ms) {
		c->g.limits.cpu_ms = cpu_ms;
		c->g.limits.wall_ms = 0;
	}
	rc = run_interactive(&c->g, in, inlen, ans ? ans : "", anslen, &t, r);
	c->g.limits = keep;
	cr->verdict = t.verdict;
	snprintf(cr->message, sizeof(cr->message), "%s", t.message ? t.message : "");
	free(t.message);
	free(t.stderr_text);
	return rc;
}

int grade_checker_check(struct grade_checker *c, const char *in, size_t inlen,
			const char *out, size_t outlen, const char *ans, size_t anslen,
			struct check_result *cr)
{
	struct buf b = BUF_INIT;

	if (!c->g.checker) {
		struct check_params pa;

		if (check_params_of(&c->g, &pa) < 0)
			return err_prefix("the problem's output validator flags");
		check_output(&pa, out, outlen, ans, anslen, cr);
		return 0;
	}
	b.data = (char *)out; /* read only: run_checker writes it to a file */
	b.len = outlen;
	return run_checker(&c->g, in, inlen, &b, ans, anslen, cr);
}

void grade_checker_close(struct grade_checker *c)
{
	if (!c)
		return;
	if (c->g.tmp) {
		util_rmtree(c->g.tmp);
		free(c->g.tmp);
		free(c->g.tmp_in);
		free(c->g.tmp_out);
		free(c->g.tmp_ans);
	}
	compile_result_release(&c->chk);
	compile_result_release(&c->itr);
	free(c);
}

/* ---- one test ----------------------------------------------------------- */

char *grade_input_excerpt(const char *in, size_t len)
{
	struct buf b = BUF_INIT;
	size_t n = 0, lines = 0;

	while (n < len && n < INPUT_SHOW_BYTES && lines < INPUT_SHOW_LINES)
		if (in[n++] == '\n')
			lines++;
	text_escape(&b, in, len, n, TEXT_QUOTE | TEXT_KEEP_LINES);
	return buf_detach(&b, NULL);
}

/* A run-time error's message gains how its stderr ends: a failed
 * assert's line, or an uncaught C++ exception's type and what() (the
 * line "  what():  ..." comes with the line before it). Nothing when the
 * stderr is empty or was cut at its cap (its end is lost). */
static void note_stderr_end(struct grade_test *t, const struct sbx_result *sr)
{
	const char *p = sr->err.data, *line, *what = NULL;
	size_t len = sr->err.len, n;
	struct buf b = BUF_INIT;

	while (len && (p[len - 1] == '\n' || p[len - 1] == '\r'))
		len--;
	if (!len || sr->err.truncated)
		return;
	line = p + len;
	while (line > p && line[-1] != '\n')
		line--;
	if (!strncmp(line, "  what():", 9) && line > p) {
		what = line + 2;
		for (line--; line > p && line[-1] != '\n'; line--)
			;
	}
	buf_addstr(&b, t->message ? t->message : "");
	buf_addstr(&b, "; its stderr ends '");
	n = (size_t)((what ? what - 3 : p + len) - line);
	text_escape(&b, line, n, STDERR_END_SHOW, TEXT_QUOTE);
	if (what) {
		buf_addch(&b, ' ');
		text_escape(&b, what, (size_t)(p + len - what), STDERR_END_SHOW, TEXT_QUOTE);
	}
	buf_addch(&b, '\'');
	free(t->message);
	t->message = buf_detach(&b, NULL);
}

/* Keep the start of what the program wrote to stderr, and when the answer
 * was wrong say so in the message: an answer printed to stderr reads as
 * "got end of output" otherwise. */
static void note_stderr(struct grade_test *t, const struct sbx_result *sr)
{
	const char *p = sr->err.data, *nl = memchr(p, '\n', sr->err.len);
	size_t first = nl ? (size_t)(nl - p) : sr->err.len;
	struct buf b = BUF_INIT;

	t->stderr_bytes = sr->err.len;
	t->stderr_text = xstrndup(p, sr->err.len < STDERR_KEEP ? sr->err.len : STDERR_KEEP);
	if (t->verdict == V_RE) {
		note_stderr_end(t, sr);
		return;
	}
	if (t->verdict != V_WA && t->verdict != V_PE)
		return;
	buf_addstr(&b, t->message ? t->message : "");
	buf_addf(&b, "; it %swrote %s%zu byte%s to stderr, first line ",
		 sr->out.len ? "also " : "", sr->err.truncated ? "more than " : "",
		 sr->err.len, sr->err.len == 1 ? "" : "s");
	buf_addch(&b, '\'');
	text_escape(&b, p, first, STDERR_LINE_SHOW, TEXT_QUOTE);
	buf_addch(&b, '\'');
	if (!sr->out.len)
		buf_addstr(&b, " (print the answer to stdout)");
	free(t->message);
	t->message = buf_detach(&b, NULL);
}

/* ---- interactive problems ---------------------------------------------- */

unsigned grade_interactive_wall_ms(const struct sbx_limits *l)
{
	return l->wall_ms ? l->wall_ms : 3 * l->cpu_ms + 2000;
}

/* The verdict of one interactive run into t: the one place that decides
 * it, in problemtools' order:
 *   1. the interactor ended otherwise than its contract's accept/reject
 *      codes (crashed, over its limits, exit 3 for testlib, not 42/43 for
 *      Kattis): IE, the problem's fault;
 *   2. the interactor ended first and rejected (WA, PE): that verdict;
 *   3. the solution over its time limit (CPU or wall: waiting on the
 *      interactor counts): TLE;
 *   4. the solution crashed or broke a limit (RE, MLE, SV, ...), unless it
 *      died of SIGPIPE writing to an interactor that had already decided:
 *      that verdict;
 *   5. otherwise the interactor's verdict. */
static void interactive_verdict(const struct grading *g, const struct sbx_pair *pr,
				struct grade_test *t)
{
	const struct sbx_result *is = &pr->peer, *ps = &pr->prog;
	enum db_contract c = g->p->interactor_contract;
	char *how = program_ended(is);
	struct check_result cr;
	enum verdict iv;

	if (c == DB_CONTRACT_KATTIS && is->fb_judge.len)
		iv = check_program_verdict(c, "interactor", how ? -1 : is->exit_code, how,
					   is->fb_judge.data, is->fb_judge.len, &cr);
	else
		iv = check_program_verdict(c, "interactor", how ? -1 : is->exit_code, how,
					   is->err.data, is->err.len, &cr);
	free(how);
	if (iv == V_IE || (pr->peer_first && (iv == V_WA || iv == V_PE)) ||
	    (ps->status == SBX_OK && ps->exit_code == 0) ||
	    (ps->status == SBX_RE && ps->signal == SIGPIPE && pr->peer_first)) {
		t->verdict = iv;
		t->message = xstrdup(cr.message);
		return;
	}
	t->verdict = grade_status_verdict(ps->status);
	t->message = ps->status == SBX_RE ? describe_re(ps) : describe_limit(g, ps);
}

/* After an interactor that accepted: the problem's checker on what it
 * wrote (`checker input output answer`, output its tout) decides t. -1
 * (err set) when the sandbox failed; t is then IE. */
static int check_interactor_output(struct grading *g, const char *in, size_t inlen,
				   const struct buf *tout, const char *ans, size_t anslen,
				   struct grade_test *t)
{
	struct check_result cr;

	free(t->message);
	/* the box's 256 KB hold its other files too: a file that reached the
	 * last 8 KB may have been cut (ENOSPC, which testlib's tout ignores) */
	if (tout->truncated || tout->len >= (SBX_FB_OUTPUT_KB - 8) * 1024) {
		t->verdict = V_IE;
		t->message = xasprintf("the interactor's output file reached %d KB, all the "
				       "room its box has: the checker cannot judge it",
				       SBX_FB_OUTPUT_KB - 8);
		return 0;
	}
	if (run_checker(g, in, inlen, tout, ans, anslen, &cr) < 0) {
		t->verdict = V_IE;
		t->message = xasprintf("%s", err_msg());
		return -1;
	}
	t->verdict = cr.verdict;
	t->message = xstrdup(cr.message);
	return 0;
}

/* Run the solution against the interactor on one test into t (and the
 * solution's own result into keep, when not NULL). -1 (err set) when the
 * sandbox failed; t is then IE. */
static int run_interactive(struct grading *g, const char *in, size_t inlen,
			   const char *ans, size_t anslen, struct grade_test *t,
			   struct sbx_result *keep)
{
	static const char *const kattis_argv[] = { "input", "answer", "feedback/", NULL };
	/* testlib: its output file (tout) in the feedback folder, read back */
	static const char *const testlib_argv[] = { "input", "feedback/output", "answer", NULL };
	struct sbx_pair pr = SBX_PAIR_INIT;
	struct sbx_spec prog, peer;
	struct sbx_file files[2];
	int rc = 0;

	t->exit_code = -1;
	if (write_plain(g->tmp_in, in, inlen) < 0 || write_plain(g->tmp_ans, ans, anslen) < 0) {
		t->verdict = V_IE;
		t->message = xasprintf("%s", err_msg());
		return -1;
	}
	files[0] = (struct sbx_file){ g->tmp_in, "input" };
	files[1] = (struct sbx_file){ g->tmp_ans, "answer" };
	memset(&prog, 0, sizeof(prog));
	prog.policy = SBX_POLICY_RUN;
	prog.exe = g->binary;
	prog.limits = g->limits;
	if (!prog.limits.wall_ms)
		prog.limits.wall_ms = grade_interactive_wall_ms(&g->limits);
	memset(&peer, 0, sizeof(peer));
	peer.policy = SBX_POLICY_RUN;
	peer.exe = g->interactor;
	peer.argv = g->p->interactor_contract == DB_CONTRACT_TESTLIB ? testlib_argv :
		kattis_argv;
	peer.files = files;
	peer.nfiles = 2;
	/* Kattis: its feedback folder; testlib: the "output" file it writes */
	peer.feedback = 1;
	peer.ignore_sigpipe = 1;
	/* a package's validation limits bind its output validator, which is
	 * the interactor here, as they bind it on a non-interactive problem */
	peer.limits.cpu_ms = g->p->validation_time_ms > 0 ? (unsigned)g->p->validation_time_ms :
		INTERACTOR_CPU_MS;
	peer.limits.wall_ms = prog.limits.wall_ms + peer.limits.cpu_ms;
	peer.limits.memory_kb = g->p->validation_memory_mb > 0 ?
		(unsigned long)g->p->validation_memory_mb * 1024 : INTERACTOR_MEMORY_KB;
	peer.limits.stderr_kb = INTERACTOR_STDERR_KB;
	if (sbx_run_pair(g->env->sbx, &prog, &peer, &pr) < 0) {
		t->verdict = V_IE;
		t->message = xasprintf("the sandbox failed: %s", err_msg());
		rc = -1;
		goto out;
	}
	t->time_ms = pr.prog.cpu_ms;
	t->wall_ms = pr.prog.wall_ms;
	t->memory_kb = pr.prog.memory_kb;
	t->exit_code = pr.prog.signal ? -1 : pr.prog.exit_code;
	if (pr.prog.status == SBX_SV)
		snprintf(t->signal, sizeof(t->signal), "SIGSYS");
	else if (pr.prog.signal)
		util_signal_name(pr.prog.signal, t->signal);
	interactive_verdict(g, &pr, t);
	if (t->verdict == V_AC && g->checker && grade_interactor_checked(g->p) &&
	    check_interactor_output(g, in, inlen, &pr.peer.fb_output, ans, anslen, t) < 0)
		rc = -1;
	if (pr.prog.err.len)
		note_stderr(t, &pr.prog);
	if (keep) {
		struct sbx_result tmp = *keep;

		*keep = pr.prog;
		pr.prog = tmp;
	}
out:
	sbx_result_release(&pr.prog);
	sbx_result_release(&pr.peer);
	return rc;
}

/* Run the solution on one test and judge it into t. -1 (err set) when the
 * sandbox failed; t is then IE. */
static int run_test(struct grading *g, const char *in, size_t inlen,
		    const char *ans, size_t anslen, struct grade_test *t)
{
	struct sbx_result sr = SBX_RESULT_INIT;
	struct check_result cr;
	struct sbx_spec spec;
	int rc = 0;

	if (g->interactor)
		return run_interactive(g, in, inlen, ans, anslen, t, NULL);
	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = g->binary;
	spec.stdin_data = in ? in : "";
	spec.stdin_len = inlen;
	spec.limits = g->limits;
	t->exit_code = -1;
	if (sbx_run(g->env->sbx, &spec, &sr) < 0) {
		t->verdict = V_IE;
		t->message = xasprintf("the sandbox failed: %s", err_msg());
		sbx_result_release(&sr);
		return -1;
	}
	t->time_ms = sr.cpu_ms;
	t->time_us = sr.cpu_us;
	t->wall_ms = sr.wall_ms;
	t->memory_kb = sr.memory_kb;
	t->exit_code = sr.signal ? -1 : sr.exit_code;
	if (sr.status == SBX_SV)   /* stopped at the call: seccomp's signal, as 'judge run' says */
		snprintf(t->signal, sizeof(t->signal), "SIGSYS");
	else if (sr.signal)
		util_signal_name(sr.signal, t->signal);
	t->verdict = grade_status_verdict(sr.status);
	if (sr.status == SBX_RE) {
		t->message = describe_re(&sr);
	} else if (sr.status != SBX_OK) {
		t->message = describe_limit(g, &sr);
	} else if (g->checker) {
		if (run_checker(g, in, inlen, &sr.out, ans, anslen, &cr) < 0) {
			t->verdict = V_IE;
			t->message = xasprintf("%s", err_msg());
			rc = -1;
		} else {
			t->verdict = cr.verdict;
			t->message = xstrdup(cr.message);
		}
	} else {
		struct check_params pa;

		if (check_params_of(g, &pa) < 0) {
			t->verdict = V_IE;
			t->message = xasprintf("the problem's output validator flags: %s",
					       err_msg());
		} else {
			check_output(&pa, sr.out.data, sr.out.len, ans, anslen, &cr);
			t->verdict = cr.verdict;
			t->message = xstrdup(cr.message);
		}
	}
	if ((t->verdict == V_WA || t->verdict == V_PE ||
	     (g->excerpts && t->verdict != V_AC && t->verdict != V_IE)) &&
	    (t->is_sample || t->is_local)) {
		t->input = grade_input_excerpt(in, inlen);
		t->expected = grade_input_excerpt(ans, anslen);
		t->got = grade_input_excerpt(sr.out.data, sr.out.len);
	}
	if (sr.err.len)
		note_stderr(t, &sr);
	sbx_result_release(&sr);
	return rc;
}

/* ---- noise-aware timing (grade.h) ---------------------------------------- */

int grade_run_near(unsigned long long cpu_us, unsigned limit_ms)
{
	return limit_ms > 0 && cpu_us * 100 >= (unsigned long long)limit_ms * 1000 * GRADE_NEAR_PERCENT;
}

size_t grade_runs_median(const struct grade_run *runs, size_t n)
{
	size_t order[GRADE_REPEAT_MAX], i, j, k;

	if (n > GRADE_REPEAT_MAX)
		n = GRADE_REPEAT_MAX;
	/* insertion sort by CPU time; equal times keep their run order */
	for (i = 0; i < n; i++) {
		for (j = i; j > 0 && runs[order[j - 1]].cpu_us > runs[i].cpu_us; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	k = n ? (n - 1) / 2 : 0;
	return n ? order[k] : 0;
}

int grade_runs_settled(const struct grade_run *runs, size_t n, size_t planned)
{
	size_t i, j, same;

	for (i = 0; i < n; i++) {
		for (same = 0, j = 0; j < n; j++)
			same += runs[j].verdict == runs[i].verdict;
		if (same > planned / 2)
			return 1;
	}
	return 0;
}

/* What run_test allocated in t. */
static void release_run(struct grade_test *t)
{
	free(t->message);
	free(t->input);
	free(t->expected);
	free(t->got);
	free(t->stderr_text);
}

/* Run the solution on one test as often as noise-aware timing asks (see
 * grade.h): t (its name and kind set) gets the median run's result and
 * every run in t->runs. -1 (err set) when the sandbox failed: t is then
 * that run, IE. */
static int measure_test(struct grading *g, const char *in, size_t inlen,
			const char *ans, size_t anslen, struct grade_test *t)
{
	struct grade_test *v = xcalloc(g->repeat, sizeof(*v));
	struct grade_run runs[GRADE_REPEAT_MAX];
	size_t n = 0, m, i;
	int rc;

	do {
		v[n].name = t->name;           /* borrowed */
		v[n].is_sample = t->is_sample;
		v[n].is_local = t->is_local;
		rc = run_test(g, in, inlen, ans, anslen, &v[n]);
		runs[n].cpu_us = v[n].time_us;
		runs[n].verdict = v[n].verdict;
		n++;
	} while (rc == 0 && n < g->repeat && (runs[0].verdict == V_TLE ||
		 grade_run_near(runs[0].cpu_us, g->limits.cpu_ms)) &&
		 !grade_runs_settled(runs, n, g->repeat) && !(g->cancel && *g->cancel));
	m = rc < 0 ? n - 1 : grade_runs_median(runs, n);
	for (i = 0; i < n; i++)
		if (i != m)
			release_run(&v[i]);
	*t = v[m];
	memcpy(t->runs, runs, n * sizeof(*runs));
	t->nruns = n;
	for (i = 1; i < n; i++)
		if (runs[i].verdict != runs[0].verdict)
			t->unstable = 1;
	free(v);
	return rc;
}

/* "AC:948123 TLE:1004211" (grade.h). */
char *grade_runs_format(const struct grade_test *t)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < t->nruns; i++)
		buf_addf(&b, "%s%s:%llu", i ? " " : "", verdict_name(t->runs[i].verdict),
			 t->runs[i].cpu_us);
	return buf_detach(&b, NULL);
}

/* The runs stored as grade_runs_format wrote them, into t (nruns 0 when s is
 * empty or not in that form). */
static void runs_parse(const char *s, struct grade_test *t)
{
	char name[8];
	unsigned long long us;
	int used, v;

	t->nruns = 0;
	while (s && *s && t->nruns < GRADE_REPEAT_MAX) {
		if (sscanf(s, " %7[A-Z]:%llu%n", name, &us, &used) != 2 ||
		    (v = verdict_parse(name)) < 0) {
			t->nruns = 0;
			return;
		}
		t->runs[t->nruns].verdict = (enum verdict)v;
		t->runs[t->nruns++].cpu_us = us;
		s += used;
	}
}

/* ---- the pipeline ------------------------------------------------------- */

void grade_result_release(struct grade_result *r)
{
	size_t i;

	for (i = 0; i < r->ntests; i++) {
		free(r->tests[i].name);
		free(r->tests[i].message);
		free(r->tests[i].input);
		free(r->tests[i].expected);
		free(r->tests[i].got);
		free(r->tests[i].stderr_text);
	}
	free(r->tests);
	for (i = 0; i < r->nskipped; i++)
		free(r->skipped[i]);
	free(r->skipped);
	free(r->problem);
	free(r->file_name);
	free(r->compile_message);
	free(r->error);
	memset(r, 0, sizeof(*r));
}

static void set_error(struct grade_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set_error(struct grade_result *r, const char *fmt, ...)
{
	struct buf b = BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	buf_vaddf(&b, fmt, ap);
	va_end(ap);
	free(r->error);
	r->error = buf_detach(&b, NULL);
	r->verdict = V_IE;
}

static int store_result(const struct grade_env *env, const struct grade_result *r,
			const struct grade_test *t)
{
	struct db_result dr;
	int rc;

	memset(&dr, 0, sizeof(dr));
	dr.ord = (int)r->ntests;
	dr.name = t->name;
	dr.verdict = (int)t->verdict;
	dr.time_ms = (int)t->time_ms;
	dr.wall_ms = (int)t->wall_ms;
	dr.memory_kb = (long)t->memory_kb;
	dr.exit_code = t->exit_code;
	dr.signal = t->signal[0] ? (char *)t->signal : NULL;
	dr.message = t->message;
	dr.is_local = t->is_local;
	dr.stderr_text = t->stderr_text;
	dr.stderr_bytes = (long)t->stderr_bytes;
	dr.time_us = (long long)t->time_us;
	dr.runs = grade_runs_format(t);
	dr.unstable = t->unstable;
	rc = db_result_add(env->db, r->submission, &dr);
	free(dr.runs);
	return rc;
}

static int store_finish(const struct grade_env *env, const struct grade_result *r)
{
	struct db_submission s = DB_SUBMISSION_INIT;

	s.id = r->submission;
	s.verdict = (int)r->verdict;
	s.passed = r->passed;
	s.total = r->total;
	s.time_ms = (int)r->time_ms;
	s.memory_kb = (long)r->memory_kb;
	s.compile_ok = r->compile_ok;
	s.compile_time_ms = (int)r->compile_time_ms;
	s.compile_cached = r->compile_cached;
	s.compile_message = r->compile_message;
	s.error = r->error;
	return db_submission_finish(env->db, &s);
}

static int make_tmp(struct grading *g)
{
	char tmpl[] = "/tmp/judge-check-XXXXXX";

	if (!mkdtemp(tmpl))
		return err_errno("cannot create a folder for the custom checker");
	g->tmp = xstrdup(tmpl);
	g->tmp_in = xasprintf("%s/input", tmpl);
	g->tmp_out = xasprintf("%s/output", tmpl);
	g->tmp_ans = xasprintf("%s/answer", tmpl);
	return 0;
}

/* A stored practice submission (not a contest's, no extra tests given), and
 * 'judge test', is graded on the user's local tests too: the
 * counterexamples 'judge stress' saved and the user's own ('judge cases').
 * Fills *x (malloc'd, pointing into *v) and *n. */
static int load_local_tests(const struct grade_env *env, const struct db_problem *p,
			    const struct grade_opts *o, struct db_local_test **v,
			    struct grade_extra_test **x, size_t *n)
{
	size_t i;

	*v = NULL;
	*x = NULL;
	*n = 0;
	if (!(o->store || o->local_tests) || o->contest || o->nextra)
		return 0;
	if (db_local_test_list(env->db, p->id, o->user ? o->user : "user", v, n) < 0)
		return -1;
	if (*n)
		*x = xcalloc(*n, sizeof(**x));
	for (i = 0; i < *n; i++)
		(*x)[i] = (struct grade_extra_test){ (*v)[i].name, (*v)[i].input,
			(*v)[i].answer, (*v)[i].input_len, (*v)[i].answer_len };
	return 0;
}

/* Write the 'running' submission row (opts->store). 0, or -1 with r IE. */
static int store_start(const struct grade_env *env, const struct db_problem *p,
		       const char *source, size_t len, const struct grade_opts *o,
		       int local_tests, struct grade_result *r)
{
	struct db_submission sub = DB_SUBMISSION_INIT;
	char *src = xstrndup(source, len);
	int rc;

	sub.problem = p->id;
	sub.user = (char *)(o->user ? o->user : "user");
	sub.source = src;
	sub.lang = (char *)compile_lang_name(o->lang);
	sub.file_name = (char *)o->file_name;
	sub.contest = (char *)o->contest;
	sub.letter = (char *)o->letter;
	sub.submitted_at = o->submitted_at;
	sub.local_tests = local_tests;
	rc = db_submission_create(env->db, &sub, &r->submission);
	free(src);
	if (rc < 0) {
		err_prefix("cannot record the submission");
		r->verdict = V_IE;
		r->error = xstrdup(err_msg());
	}
	return rc;
}

/* Compile the solution into sol and tell the progress callback. 0 when its
 * binary is ready, -1 when the verdict is reached (CE, or IE with r->error). */
static int compile_solution(const struct grade_env *env, const char *source, size_t len,
			    const struct grade_opts *o, struct compile_result *sol,
			    struct grade_result *r)
{
	if (compile_source(env->cache, env->sbx, o->lang, source, len, sol) < 0) {
		set_error(r, "cannot compile the solution: %s", err_msg());
		return -1;
	}
	r->compile_ok = sol->ok;
	r->compile_cached = sol->cached;
	r->compile_time_ms = sol->time_ms;
	free(r->compile_message);
	r->compile_message = xstrndup(buf_str(&sol->message), sol->message.len);
	if (o->progress)
		o->progress(o->progress_arg, r, NULL);
	if (!sol->ok) {
		r->verdict = V_CE;
		return -1;
	}
	return 0;
}

/* A custom checker compiled into chk, with its scratch folder. 0, or -1
 * with r IE. */
static int prepare_checker(struct grading *g, struct compile_result *chk,
			   struct grade_result *r)
{
	const struct db_problem *p = g->p;

	if (!p->checker_source) {
		set_error(r, "problem '%s' has a custom checker but no checker source", p->id);
		return -1;
	}
	if (compile_program(g->env->cache, g->env->sbx, grade_checker_lang(p),
			    p->checker_source, strlen(p->checker_source), chk) < 0) {
		set_error(r, "cannot compile the checker: %s", err_msg());
		return -1;
	}
	if (!chk->ok) {
		/* one line: the summary is one line */
		char *line = compile_first_error(buf_str(&chk->message));

		set_error(r, "the checker of '%s' does not compile: %s", p->id, line);
		free(line);
		return -1;
	}
	g->checker = chk->binary;
	if (!g->tmp && make_tmp(g) < 0) {
		set_error(r, "%s", err_msg());
		return -1;
	}
	return 0;
}

/* The interactor compiled into itr, with the scratch folder for its
 * input and answer files. 0, or -1 with r IE. */
static int prepare_interactor(struct grading *g, struct compile_result *itr,
			      struct grade_result *r)
{
	const struct db_problem *p = g->p;

	if (!p->interactor_source) {
		set_error(r, "problem '%s' is interactive but has no interactor source", p->id);
		return -1;
	}
	if (compile_program(g->env->cache, g->env->sbx, compile_lang_of_path(p->interactor_file),
			    p->interactor_source, strlen(p->interactor_source), itr) < 0) {
		set_error(r, "cannot compile the interactor: %s", err_msg());
		return -1;
	}
	if (!itr->ok) {
		char *line = compile_first_error(buf_str(&itr->message));

		set_error(r, "the interactor of '%s' does not compile: %s", p->id, line);
		free(line);
		return -1;
	}
	g->interactor = itr->binary;
	if (!g->tmp && make_tmp(g) < 0) {
		set_error(r, "%s", err_msg());
		return -1;
	}
	return 0;
}

/* The data of test t: through the worker's cache when there is one,
 * counted in r. 0, DB_NOTFOUND or -1. */
static int get_test_data(struct grading *g, const struct db_test *t, struct buf *in,
			 struct buf *ans, struct grade_result *r)
{
	int fetched = 1, rc;

	if (g->env->tests)
		rc = testcache_get(g->env->tests, g->env->db, t, in, ans, &fetched);
	else
		rc = db_test_data(g->env->db, t->id, in, ans);
	if (rc == 0) {
		r->data_fetched += fetched;
		r->data_cached += !fetched;
	}
	return rc;
}

/* Run test i (the problem's, then the extra ones) into t. 0, or -1 when
 * the test's data cannot be read (r IE, t left empty). */
static int grade_test(struct grading *g, size_t i, const struct grade_extra_test *extra,
		      struct buf *in, struct buf *ans, struct grade_test *t,
		      struct grade_result *r)
{
	const struct db_problem *p = g->p;
	const struct grade_extra_test *x;
	int rc;

	buf_reset(in);
	buf_reset(ans);
	if (i < (size_t)p->test_count) {
		t->name = xstrdup(p->tests[i].name);
		t->is_sample = p->tests[i].is_sample;
		g->test_args = p->tests[i].args;
		if (get_test_data(g, &p->tests[i], in, ans, r) != 0) {
			set_error(r, "cannot read test '%s': %s", t->name, err_msg());
			free(t->name);
			t->name = NULL;
			return -1;
		}
		rc = measure_test(g, in->data, in->len, ans->data, ans->len, t);
	} else {
		x = &extra[i - (size_t)p->test_count];
		g->test_args = NULL;
		t->name = xstrdup(x->name);
		t->is_local = 1;
		rc = measure_test(g, x->input, x->input_len, x->answer, x->answer_len, t);
	}
	if (rc < 0)
		set_error(r, "test '%s': %s", t->name, t->message);
	return 0;
}

/* Forget test t, run but not counted. */
static void discard_test(struct grade_test *t)
{
	free(t->name);
	free(t->message);
	free(t->input);
	free(t->expected);
	free(t->got);
	free(t->stderr_text);
	memset(t, 0, sizeof(*t));
}

/* Add test t (just run) to r's counts; the first failing test's verdict is
 * the submission's. */
static void tally(struct grade_result *r, const struct grade_test *t, int *failed)
{
	r->ntests++;
	if (t->time_ms > r->time_ms)
		r->time_ms = t->time_ms;
	if (t->time_us > r->time_us)
		r->time_us = t->time_us;
	r->unstable += t->unstable;
	if (t->memory_kb > r->memory_kb)
		r->memory_kb = t->memory_kb;
	if (t->verdict == V_AC)
		r->passed++;
	else if (!(*failed)++ && !r->error)
		r->verdict = t->verdict;
}

/* Tests from..nall-1 are not run (fail fast): their names into r->skipped. */
static void skip_rest(const struct grading *g, const struct grade_extra_test *extra,
		      size_t from, size_t nall, struct grade_result *r)
{
	size_t i, n = (size_t)g->p->test_count;

	if (from >= nall)
		return;
	r->skipped = xcalloc(nall - from, sizeof(*r->skipped));
	for (i = from; i < nall; i++)
		r->skipped[r->nskipped++] = xstrdup(i < n ? g->p->tests[i].name :
						    extra[i - n].name);
}

/* Run the tests in order, storing each result as it comes. 0, or -1 when
 * storing failed. */
static int run_tests(struct grading *g, const struct grade_opts *o,
		     const struct grade_extra_test *extra, size_t nall, int stored,
		     struct grade_result *r)
{
	struct buf in = BUF_INIT, ans = BUF_INIT;
	struct grade_test *t;
	int failed = 0, rc = 0;
	size_t i;

	r->tests = xcalloc(nall ? nall : 1, sizeof(*r->tests));
	for (i = 0; i < nall; i++) {
		if (o->cancel && *o->cancel) {
			set_error(r, "interrupted");
			break;
		}
		t = &r->tests[r->ntests];
		if (grade_test(g, i, extra, &in, &ans, t, r) < 0)
			break;
		if (o->cancel && *o->cancel > 1) {
			/* a second signal cut this run short: what it got (or the
			 * sandbox's failure) is not a verdict */
			discard_test(t);
			free(r->error);
			r->error = NULL;
			set_error(r, "interrupted");
			break;
		}
		tally(r, t, &failed);
		if (stored && store_result(g->env, r, t) < 0) {
			rc = -1;
			break;
		}
		if (o->progress)
			o->progress(o->progress_arg, r, t);
		if (r->error || t->verdict == V_IE)
			break;
		if (failed && o->fail_fast) {
			skip_rest(g, extra, i + 1, nall, r);
			break;
		}
	}
	if (r->verdict == V_IE && !r->error)   /* a checker failure on a test */
		set_error(r, "test '%s': %s", r->tests[r->ntests - 1].name,
			  r->tests[r->ntests - 1].message);
	buf_release(&in);
	buf_release(&ans);
	return rc;
}

/* p with only its sample tests, as a shallow copy in *copy whose tests
 * array (malloc'd, the caller frees it) borrows p's tests. */
static const struct db_problem *only_samples(const struct db_problem *p,
					     struct db_problem *copy)
{
	int i;

	*copy = *p;
	copy->tests = xcalloc((size_t)p->test_count + 1, sizeof(*copy->tests));
	copy->test_count = 0;
	for (i = 0; i < p->test_count; i++)
		if (p->tests[i].is_sample)
			copy->tests[copy->test_count++] = p->tests[i];
	return copy;
}

int grade_submission(const struct grade_env *env, const struct db_problem *p,
		     const char *source, size_t len, const struct grade_opts *o,
		     struct grade_result *r)
{
	struct db_local_test *locals = NULL;
	struct grade_extra_test *local_x = NULL;
	const struct grade_extra_test *extra = o->extra;
	size_t nextra = o->nextra, nlocals = 0;
	struct compile_result sol = COMPILE_RESULT_INIT, chk = COMPILE_RESULT_INIT;
	struct compile_result itr = COMPILE_RESULT_INIT;
	struct grading g = { .env = env, .p = p, .excerpts = o->excerpts };
	struct db_problem samples;
	int stored = 0, store_failed = 0;

	memset(r, 0, sizeof(*r));
	if (o->samples_only)
		g.p = p = only_samples(p, &samples);
	r->problem = xstrdup(p->id);
	r->lang = o->lang;
	r->file_name = o->file_name ? xstrdup(o->file_name) : NULL;
	r->verdict = V_AC;
	r->compile_message = xstrdup("");
	if (load_local_tests(env, p, o, &locals, &local_x, &nlocals) < 0) {
		set_error(r, "cannot read the local tests: %s", err_msg());
		goto finish;
	}
	if (nlocals) {
		extra = local_x;
		nextra = nlocals;
	}
	r->total = (int)((size_t)p->test_count + nextra);
	grade_limits(p, &g.limits);
	g.repeat = o->repeat > 0 ? (size_t)o->repeat : GRADE_REPEAT_DEFAULT;
	if (g.repeat > GRADE_REPEAT_MAX)
		g.repeat = GRADE_REPEAT_MAX;
	g.cancel = o->cancel;
	g.params.kind = p->checker;
	g.params.abs_tol = p->abs_tolerance;
	g.params.rel_tol = p->rel_tolerance;
	if (o->store && store_start(env, p, source, len, o, nextra > 0, r) < 0) {
		store_failed = 1;
		goto finish;
	}
	stored = o->store;
	if (compile_solution(env, source, len, o, &sol, r) < 0)
		goto finish;
	g.binary = sol.binary;
	if (p->interactor_file && prepare_interactor(&g, &itr, r) < 0)
		goto finish;
	if ((!p->interactor_file || grade_interactor_checked(p)) &&
	    p->checker == DB_CHECKER_CUSTOM && prepare_checker(&g, &chk, r) < 0)
		goto finish;
	if (run_tests(&g, o, extra, (size_t)r->total, stored, r) < 0)
		store_failed = 1;
finish:
	if (stored && !store_failed && store_finish(env, r) < 0)
		store_failed = 1;
	if (g.tmp) {
		util_rmtree(g.tmp);
		free(g.tmp);
		free(g.tmp_in);
		free(g.tmp_out);
		free(g.tmp_ans);
	}
	compile_result_release(&sol);
	compile_result_release(&chk);
	compile_result_release(&itr);
	free(local_x);
	db_local_test_list_free(locals, nlocals);
	if (o->samples_only)
		free(samples.tests);
	return store_failed ? -1 : 0;
}

void grade_result_from_db(const struct db_submission *s, const struct db_problem *p,
			  struct grade_result *r)
{
	const struct db_result *dr;
	struct grade_test *t;
	size_t i, k;

	memset(r, 0, sizeof(*r));
	r->submission = s->id;
	r->problem = xstrdup(s->problem ? s->problem : "");
	if (!s->lang || compile_lang_parse(s->lang, &r->lang) < 0) {
		r->lang = LANG_C;
		err_clear();
	}
	r->file_name = s->file_name ? xstrdup(s->file_name) : NULL;
	r->verdict = s->verdict >= 0 && s->verdict < V_COUNT ? (enum verdict)s->verdict : V_IE;
	r->passed = s->passed;
	r->total = s->total;
	r->time_ms = s->time_ms > 0 ? (unsigned)s->time_ms : 0;
	r->memory_kb = s->memory_kb > 0 ? (unsigned long)s->memory_kb : 0;
	r->compile_ok = s->compile_ok;
	r->compile_cached = s->compile_cached;
	r->compile_time_ms = s->compile_time_ms > 0 ? (unsigned)s->compile_time_ms : 0;
	r->compile_message = xstrdup(s->compile_message ? s->compile_message : "");
	r->error = s->error ? xstrdup(s->error) : NULL;
	r->tests = xcalloc(s->nresults ? s->nresults : 1, sizeof(*r->tests));
	r->ntests = s->nresults;
	for (i = 0; i < s->nresults; i++) {
		dr = &s->results[i];
		t = &r->tests[i];
		t->name = xstrdup(dr->name ? dr->name : "");
		t->is_local = dr->is_local;
		for (k = 0; p && !dr->is_local && k < (size_t)p->test_count; k++)
			if (!strcmp(p->tests[k].name, t->name))
				t->is_sample = p->tests[k].is_sample;
		t->verdict = dr->verdict >= 0 && dr->verdict < V_COUNT ?
			(enum verdict)dr->verdict : V_IE;
		t->time_ms = dr->time_ms > 0 ? (unsigned)dr->time_ms : 0;
		runs_parse(dr->runs, t);
		t->time_us = dr->time_us >= 0 && t->nruns ? (unsigned long long)dr->time_us : 0;
		if (!t->nruns || dr->time_us < 0)
			t->nruns = 0;
		t->unstable = dr->unstable;
		if (t->time_us > r->time_us)
			r->time_us = t->time_us;
		r->unstable += t->unstable;
		t->wall_ms = dr->wall_ms > 0 ? (unsigned)dr->wall_ms : 0;
		t->memory_kb = dr->memory_kb > 0 ? (unsigned long)dr->memory_kb : 0;
		t->exit_code = dr->exit_code;
		snprintf(t->signal, sizeof(t->signal), "%s", dr->signal ? dr->signal : "");
		t->message = xstrdup(dr->message ? dr->message : "");
		t->stderr_text = dr->stderr_text && *dr->stderr_text ?
			xstrdup(dr->stderr_text) : NULL;
		t->stderr_bytes = dr->stderr_bytes > 0 ? (size_t)dr->stderr_bytes : 0;
	}
}

void grade_groups(const struct db_problem *p, const struct grade_result *r,
		  struct grade_group **out, size_t *n)
{
	struct grade_group *g;
	const char *name, *slash;
	size_t i, k, len;
	int t;

	*out = NULL;
	*n = 0;
	for (t = 0; t < p->test_count; t++) {
		name = p->tests[t].name;
		slash = strrchr(name, '/');
		len = slash ? (size_t)(slash - name) : 0;
		for (k = 0; k < *n && (strlen((*out)[k].name) != len ||
				       strncmp((*out)[k].name, name, len)); k++)
			;
		if (k == *n) {
			*out = xrealloc(*out, (*n + 1) * sizeof(**out));
			g = &(*out)[(*n)++];
			memset(g, 0, sizeof(*g));
			g->name = xstrndup(name, len);
		}
		g = &(*out)[k];
		g->total++;
		if (p->tests[t].score > g->max_score)
			g->max_score = p->tests[t].score;
		for (i = 0; i < r->ntests; i++)
			if (!r->tests[i].is_local && r->tests[i].name &&
			    !strcmp(r->tests[i].name, name)) {
				g->ran++;
				g->passed += r->tests[i].verdict == V_AC;
			}
	}
	for (k = 0; k < *n; k++)
		(*out)[k].score = (*out)[k].passed == (*out)[k].total ? (*out)[k].max_score : 0;
}

void grade_groups_free(struct grade_group *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}
