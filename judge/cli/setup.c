/* setup.c: what main() and the commands set up before the domain runs: the
 * database and its catalogue sync, a command's sandbox and compile cache,
 * the interrupting signals, a problem looked up for the user. */
#include <errno.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/domain/catalog.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/domain/pch.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

static void say_synced(const struct judge_ctx *ctx, const struct catalog_stats *st,
		       int reaped)
{
	fprintf(stderr, "judge: database '%s'\n", ctx->db_path);
	if (st->synced)
		fprintf(stderr, "judge: synced '%s': %d added, %d updated, %d "
			"unchanged, %d retired\n", ctx->catalog_path, st->added,
			st->updated, st->unchanged, st->retired);
	else
		fprintf(stderr, "judge: catalogue '%s' unchanged\n", ctx->catalog_path);
	if (reaped)
		fprintf(stderr, "judge: %d interrupted submission%s marked IE\n",
			reaped, reaped == 1 ? "" : "s");
}

/* What to do when the database cannot be written here (a checkout owned by
 * someone else, a read-only file system). */
static int not_writable(const char *db, const char *what, const char *path)
{
	return err_input("cannot use the database '%s': %s'%s' is not writable for you; "
			 "keep your own database elsewhere: 'mkdir -p ~/.local/share/judge && "
			 "export JUDGE_DB=~/.local/share/judge/judge.db', or pass --db FILE",
			 db, what, path);
}

int judge_db_check(const struct judge_ctx *ctx, const char *catalog)
{
	char *copy, *dir;
	struct stat st;
	int rc = 0;

	if (db_is_uri(ctx->db_path))
		return 0; /* a PostgreSQL server: db_open says what is wrong */
	copy = xstrdup(ctx->db_path);
	dir = dirname(copy);
	if (stat(ctx->db_path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			rc = err_input("the database '%s' is a folder; name a file in it, "
				       "e.g. --db %s/judge.db", ctx->db_path,
				       strcmp(ctx->db_path, "/") ? ctx->db_path : "");
		else if (access(ctx->db_path, R_OK | W_OK) < 0 && errno != ENOENT)
			rc = not_writable(ctx->db_path, "", ctx->db_path);
		/* SQLite's WAL writes its -wal and -shm files beside it */
		else if (access(dir, W_OK | X_OK) < 0)
			rc = not_writable(ctx->db_path, "its folder ", dir);
		goto out;
	}
	if (errno != ENOENT) {
		rc = err_input("cannot use the database '%s': %s", ctx->db_path, strerror(errno));
		goto out;
	}
	if (access(catalog, F_OK) < 0) {
		rc = err_input("no catalogue '%s' and no database '%s'; run from the project "
			       "folder or pass --catalog FILE", catalog, ctx->db_path);
		goto out;
	}
	/* the nearest folder that exists must be one the user can write; only the
	 * default database beside the catalogue gets its db/ folder created */
	while (stat(dir, &st) < 0 && errno == ENOENT && ctx->db_default &&
	       strcmp(dir, "/") && strcmp(dir, "."))
		dir = dirname(dir);
	if (stat(dir, &st) < 0)
		rc = err_input("no folder '%s' for the database '%s'; create it first or "
			       "pass another --db", dir, ctx->db_path);
	else if (!S_ISDIR(st.st_mode))
		rc = err_input("cannot use the database '%s': '%s' is not a folder",
			       ctx->db_path, dir);
	else if (access(dir, W_OK | X_OK) < 0)
		rc = not_writable(ctx->db_path, "the folder ", dir);
out:
	free(copy);
	return rc;
}

/* The precompiled header's notes (judge/domain/pch.h): that it is being
 * built (the first C++ compile waits for it), and why a compile goes on
 * without it. */
static int pch_quiet;

static void pch_note(int warn, const char *msg)
{
	if (warn) {
		judge_warn("%s", msg);
	} else if (!pch_quiet) {
		fflush(stdout);
		fprintf(stderr, "judge: %s\n", msg);
	}
}

static void pch_notes_on(const struct judge_ctx *ctx)
{
	pch_quiet = ctx->quiet;
	pch_set_notify(pch_note);
}

/* The sync's compiler (catalog.h): the compile cache and a sandbox worker
 * of its own, opened at the first program to compile and closed after the
 * sync, before the command opens its own worker 0. */
struct sync_compiler {
	const struct judge_ctx *ctx;
	struct compile_cache cache;
	struct sbx *sbx;
	int tried, said;
};

/* The cache and the worker, opened at the first use: 0, or -1 (err set)
 * when there is no sandbox here. */
static int sync_ready(struct sync_compiler *sc)
{
	if (!sc->tried) {
		sc->tried = 1;
		pch_notes_on(sc->ctx);
		if (compile_cache_open(&sc->cache, sc->ctx->root) < 0 ||
		    !(sc->sbx = sbx_open(0))) {
			if (sc->ctx->verbose)
				judge_warn("the problems' programs are not compiled at the "
					   "sync: %s", err_msg());
			return -1;
		}
	}
	if (!sc->sbx)
		return err_set("no sandbox for the sync");
	return 0;
}

static int sync_compile(void *arg, const char *path, const char *source, size_t len,
			char **diag)
{
	struct sync_compiler *sc = arg;
	struct compile_result r = COMPILE_RESULT_INIT;
	int rc;

	if (sync_ready(sc) < 0)
		return -1;
	rc = compile_program(&sc->cache, sc->sbx, compile_lang_of_path(path), source, len, &r);
	if (rc == 0 && !r.cached && sc->ctx->verbose && !sc->said) {
		sc->said = 1;
		fprintf(stderr, "judge: compiling the problems' checkers, generators and "
			"validators (cached for later syncs)\n");
	}
	if (rc == 0 && !r.ok) {
		*diag = xstrdup(buf_str(&r.message));
		rc = 1;
	}
	compile_result_release(&r);
	return rc;
}

static int sync_run(void *arg, const char *path, const char *source, size_t len,
		    const char *const *argv, const char *in, size_t inlen, unsigned cpu_ms,
		    unsigned long memory_kb, struct catalog_run *out)
{
	struct sync_compiler *sc = arg;
	struct compile_result r = COMPILE_RESULT_INIT;
	struct sbx_result sr = SBX_RESULT_INIT;
	struct sbx_spec spec;
	int rc;

	memset(out, 0, sizeof(*out));
	out->exit_code = -1;
	if (sync_ready(sc) < 0)
		return -1;
	rc = compile_program(&sc->cache, sc->sbx, compile_lang_of_path(path), source, len, &r);
	if (rc == 0 && !r.ok)
		out->output = xstrdup(buf_str(&r.message));
	if (rc == 0 && r.ok) {
		out->compiled = 1;
		memset(&spec, 0, sizeof(spec));
		spec.policy = SBX_POLICY_RUN;
		spec.exe = r.binary;
		spec.argv = argv;
		spec.stdin_data = in ? in : "";
		spec.stdin_len = inlen;
		spec.limits.cpu_ms = cpu_ms;
		spec.limits.memory_kb = memory_kb;
		spec.limits.output_kb = 64 * 1024;
		spec.limits.stderr_kb = 4;
		rc = sbx_run(sc->sbx, &spec, &sr);
		if (rc == 0) {
			out->exited = sr.status == SBX_OK || (sr.status == SBX_RE && !sr.signal);
			out->exit_code = out->exited ? sr.exit_code : -1;
			if (!out->exited && sr.status == SBX_RE) {
				char sig[16];

				snprintf(out->how, sizeof(out->how), "killed by %s",
					 util_signal_name(sr.signal, sig));
			} else if (!out->exited) {
				snprintf(out->how, sizeof(out->how), "%s",
					 sbx_status_name(sr.status));
			}
			out->cpu_ms = sr.cpu_ms;
			out->output = xstrndup(sr.out.len ? buf_str(&sr.out) : buf_str(&sr.err),
					       512);
		}
		sbx_result_release(&sr);
	}
	compile_result_release(&r);
	return rc;
}

/* An interactive package's accepted submission against its interactor, at
 * the sync (the time limit is computed from it): both compiled through the
 * cache, the test's input and answer in a private folder for the run. */
static int sync_run_pair(void *arg, const char *path, const char *source, size_t len,
			 const char *ipath, const char *isource, size_t ilen,
			 const char *in, size_t inlen, const char *ans, size_t anslen,
			 unsigned cpu_ms, unsigned long memory_kb, unsigned validation_ms,
			 unsigned long validation_kb, struct catalog_run *out)
{
	static const char *const kattis_argv[] = { "input", "answer", "feedback/", NULL };
	struct sync_compiler *sc = arg;
	struct compile_result r = COMPILE_RESULT_INIT, ir = COMPILE_RESULT_INIT;
	struct sbx_pair pr = SBX_PAIR_INIT;
	struct sbx_spec prog, peer;
	struct sbx_file files[2];
	char dir[] = "/tmp/judge-sync-XXXXXX", *fin = NULL, *fans = NULL;
	int rc, made = 0;

	memset(out, 0, sizeof(*out));
	out->exit_code = out->peer_exit = -1;
	if (sync_ready(sc) < 0)
		return -1;
	rc = compile_source(&sc->cache, sc->sbx, compile_lang_of_path(path), source, len, &r);
	if (rc == 0 && !r.ok)
		out->output = xstrdup(buf_str(&r.message));
	if (rc == 0 && r.ok)
		rc = compile_source(&sc->cache, sc->sbx, compile_lang_of_path(ipath), isource,
				    ilen, &ir);
	if (rc < 0 || !r.ok)
		goto out;
	if (!ir.ok) {
		rc = err_input("%s does not compile: %s", ipath, buf_str(&ir.message));
		goto out;
	}
	out->compiled = 1;
	if (!mkdtemp(dir)) {
		rc = err_errno("cannot create a folder for an interactive run");
		goto out;
	}
	made = 1;
	fin = xasprintf("%s/input", dir);
	fans = xasprintf("%s/answer", dir);
	if ((rc = util_write_file(fin, in ? in : "", inlen, 0600)) < 0 ||
	    (rc = util_write_file(fans, ans ? ans : "", anslen, 0600)) < 0)
		goto out;
	files[0] = (struct sbx_file){ fin, "input" };
	files[1] = (struct sbx_file){ fans, "answer" };
	memset(&prog, 0, sizeof(prog));
	prog.policy = SBX_POLICY_RUN;
	prog.exe = r.binary;
	prog.limits.cpu_ms = cpu_ms;
	prog.limits.wall_ms = 3 * cpu_ms + 2000;
	prog.limits.memory_kb = memory_kb;
	prog.limits.output_kb = 64 * 1024;
	prog.limits.stderr_kb = 4;
	memset(&peer, 0, sizeof(peer));
	peer.policy = SBX_POLICY_RUN;
	peer.exe = ir.binary;
	peer.argv = kattis_argv;
	peer.files = files;
	peer.nfiles = 2;
	peer.feedback = 1;
	peer.ignore_sigpipe = 1;
	peer.limits.cpu_ms = validation_ms ? validation_ms : 10000;
	peer.limits.wall_ms = prog.limits.wall_ms + peer.limits.cpu_ms;
	peer.limits.memory_kb = validation_kb ? validation_kb : 1024 * 1024;
	peer.limits.stderr_kb = 4;
	rc = sbx_run_pair(sc->sbx, &prog, &peer, &pr);
	if (rc == 0) {
		out->exited = pr.prog.status == SBX_OK ||
			(pr.prog.status == SBX_RE && !pr.prog.signal);
		out->exit_code = out->exited ? pr.prog.exit_code : -1;
		out->cpu_ms = pr.prog.cpu_ms;
		out->peer_exit = pr.peer.status == SBX_OK ||
			(pr.peer.status == SBX_RE && !pr.peer.signal) ? pr.peer.exit_code : -1;
		out->output = xstrndup(pr.peer.fb_judge.len ? buf_str(&pr.peer.fb_judge) :
				       buf_str(&pr.peer.err), 512);
	}
	sbx_result_release(&pr.prog);
	sbx_result_release(&pr.peer);
out:
	if (fin)
		unlink(fin);
	if (fans)
		unlink(fans);
	if (made)
		rmdir(dir);
	free(fin);
	free(fans);
	compile_result_release(&r);
	compile_result_release(&ir);
	return rc;
}

int judge_catalog_sync(const struct judge_ctx *ctx, const char *file, int flags,
		       struct catalog_stats *st)
{
	struct sync_compiler sc = { .ctx = ctx, .cache = COMPILE_CACHE_INIT };
	struct catalog_compiler cc = { sync_compile, &sc, sync_run, sync_run_pair };
	int rc;

	rc = catalog_sync(ctx->db, file, flags, &cc, st);
	if (sc.sbx)
		sbx_close(sc.sbx);
	compile_cache_release(&sc.cache);
	return rc;
}

int judge_user(struct judge_ctx *ctx, const char *given, char **out)
{
	char *role = NULL;
	int admin = 0;

	*out = NULL;
	if (ctx->db && db_user(ctx->db, &role) < 0)
		return judge_fail();
	/* the catalogue's writers (judge_admin, the tables' owner) may act for
	 * others, as on SQLite; anyone else is their role */
	if (role && given && strcmp(given, role) && (admin = db_can_write_catalog(ctx->db)) <= 0) {
		free(role);
		if (admin < 0)
			return judge_fail();
		judge_bad("on PostgreSQL you are the database role you connect as; --user '%s' "
			  "cannot change that (connect as that role instead)", given);
		return EXIT_BAD_INPUT;
	}
	if (role && !given) {
		*out = role;
		return EXIT_ACCEPTED;
	}
	free(role);
	if (!given) {
		*out = contest_login_name();
		return EXIT_ACCEPTED;
	}
	if (contest_check_user(given) < 0) {
		err_prefix("bad --user");
		return judge_fail();
	}
	*out = xstrdup(given);
	return EXIT_ACCEPTED;
}

int judge_open_db(struct judge_ctx *ctx)
{
	struct catalog_stats st = { 0 };
	int rc, reaped = 0, can;

	if (judge_db_check(ctx, ctx->catalog_path) < 0)
		return judge_fail();
	ctx->db = db_open(ctx->db_path);
	if (!ctx->db)
		return judge_fail();
	/* a participant's role on a shared database reads the catalogue its
	 * admin loaded; it cannot (and need not) sync it */
	can = db_can_write_catalog(ctx->db);
	/* submissions whose judge died mid-grading become IE, with the reason */
	if (can < 0 ||
	    (can && judge_catalog_sync(ctx, ctx->catalog_path, CATALOG_OPTIONAL, &st) < 0) ||
	    db_submissions_reap(ctx->db, &reaped) < 0) {
		rc = judge_fail();
		db_close(ctx->db);
		ctx->db = NULL;
		return rc;
	}
	if (ctx->verbose)
		say_synced(ctx, &st, reaped);
	return EXIT_ACCEPTED;
}

int judge_cache_open(struct judge_ctx *ctx)
{
	if (ctx->cache)
		return 0;
	ctx->cache = xcalloc(1, sizeof(*ctx->cache));
	pch_notes_on(ctx);
	if (compile_cache_open(ctx->cache, ctx->root) < 0) {
		compile_cache_release(ctx->cache);
		free(ctx->cache);
		ctx->cache = NULL;
		return err_prefix("compile cache");
	}
	return 0;
}

/* Worker 0 while it is open: a second interrupting signal cancels the run
 * it is doing (sbx_cancel is async-signal-safe). */
static struct sbx *volatile signal_sbx;

int judge_sandbox_open(struct judge_ctx *ctx)
{
	const char *missing;

	if (ctx->sbx)
		return 0;
	if (judge_cache_open(ctx) < 0)
		return -1;
	ctx->sbx = sbx_open(0);
	if (!ctx->sbx)
		return err_prefix("cannot set up the sandbox");
	signal_sbx = ctx->sbx;
	missing = sbx_missing(ctx->sbx);
	if (missing && !ctx->quiet)
		judge_warn("the sandbox is weaker than it could be: %s", missing);
	if (ctx->verbose)
		fprintf(stderr, "judge: sandbox worker as uid %u%s\n",
			(unsigned)sbx_uid(ctx->sbx), missing ? " (in a user namespace)" : "");
	return 0;
}

int judge_sandbox(struct judge_ctx *ctx)
{
	return judge_sandbox_open(ctx) < 0 ? judge_fail() : 0;
}

void judge_sandbox_close(struct judge_ctx *ctx)
{
	signal_sbx = NULL;
	if (ctx->sbx)
		sbx_close(ctx->sbx);
	ctx->sbx = NULL;
	if (ctx->cache) {
		compile_cache_release(ctx->cache);
		free(ctx->cache);
	}
	ctx->cache = NULL;
}

/* ---- signals ------------------------------------------------------------- */

static volatile sig_atomic_t interrupted;
static const int caught[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved[3];

/* The first signal asks the command to stop after the current test (or
 * run); the second also cuts the current run short (the grading records
 * "interrupted", never the killed run's verdict); the third gets the
 * default action, for a sandbox that does not let go. */
static void on_signal(int sig)
{
	struct sbx *s = signal_sbx;
	struct sigaction dfl;
	size_t i;

	(void)sig;
	if (interrupted++ == 0)
		return;
	if (s)
		sbx_cancel(s);
	memset(&dfl, 0, sizeof(dfl));
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &dfl, NULL);
}

void judge_signals_catch(struct judge_ctx *ctx)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	/* A third signal kills the judge at once (on_signal restores the
	 * default action after the second). Its runs die with it (parent-death
	 * signals), and a 'running' submission row is reaped as IE by the next
	 * command. */
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	interrupted = 0;
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &sa, &saved[i]);
	ctx->cancel = &interrupted;
}

void judge_signals_restore(struct judge_ctx *ctx)
{
	size_t i;

	if (!ctx->cancel)
		return;
	for (i = 0; i < sizeof(caught) / sizeof(caught[0]); i++)
		sigaction(caught[i], &saved[i], NULL);
	ctx->cancel = NULL;
}

/* ---- lookups ------------------------------------------------------------- */

int judge_find_problem(struct judge_ctx *ctx, const char *id, struct db_problem *p)
{
	return catalog_find_problem(ctx->db, id, p) < 0 ? judge_fail() : 0;
}

char *judge_catalog_dir(const struct judge_ctx *ctx)
{
	char *copy = xstrdup(ctx->catalog_path), *d = xstrdup(dirname(copy));

	free(copy);
	return d;
}
