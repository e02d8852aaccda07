/* compile.c: the compile cache (see compile.h): key computation, lookup,
 * storing binaries and compile errors atomically, LRU eviction, and the
 * source checks shared by 'judge run' and 'judge submit'. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "judge/domain/compile.h"
#include "judge/domain/pch.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

#define GCC_PATH "/usr/bin/gcc"
#define GXX_PATH "/usr/bin/g++"
#define KEY_TAG "judge-compile-v2"  /* bump when the compile sandbox changes what gcc sees */
#define TMP_PREFIX COMPILE_CACHE_TMP_PREFIX
#define TMP_STALE_S 3600        /* temporaries older than this are debris */
#define KEEP_RECENT_S 300       /* entries used this recently are not evicted */
#define DEFAULT_MAX_MB 512ULL

/* The compile sandbox names the source after the argument that starts
 * with "prog." (sandbox.h), so the extension tells g++ the language. */
static const char *const argv_c[] = {
	"gcc", "-std=gnu17", "-O2", "-static", "-DONLINE_JUDGE", "-o", "prog",
	"prog.c", "-lm", NULL
};
static const char *const argv_cxx[] = {
	"g++", "-std=gnu++20", "-O2", "-static", "-DONLINE_JUDGE", "-o", "prog",
	"prog.cpp", NULL
};

static const struct {
	const char *name;
	const char *const *argv;
	const char *command;
} langs[LANG_COUNT] = {
	[LANG_C] = { "c", argv_c,
		     "gcc -std=gnu17 -O2 -static -DONLINE_JUDGE -o prog prog.c -lm" },
	[LANG_CXX] = { "c++", argv_cxx,
		       "g++ -std=gnu++20 -O2 -static -DONLINE_JUDGE -o prog prog.cpp" },
};

const char *const *compile_lang_argv(enum compile_lang l)
{
	return langs[l < LANG_COUNT ? l : LANG_C].argv;
}

const char *compile_lang_command(enum compile_lang l)
{
	return langs[l < LANG_COUNT ? l : LANG_C].command;
}

const char *compile_lang_name(enum compile_lang l)
{
	return langs[l < LANG_COUNT ? l : LANG_C].name;
}

int compile_lang_parse(const char *name, enum compile_lang *l)
{
	if (!strcmp(name, "c") || !strcmp(name, "C")) {
		*l = LANG_C;
		return 0;
	}
	if (!strcmp(name, "c++") || !strcmp(name, "C++") || !strcmp(name, "cpp") ||
	    !strcmp(name, "cxx")) {
		*l = LANG_CXX;
		return 0;
	}
	return err_input("unknown language '%s'; use c or c++", name);
}

int compile_is_source_name(const char *name)
{
	static const char *const ext[] = { ".c", ".cc", ".cpp", ".cxx" };
	size_t i, n = strlen(name), k;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		k = strlen(ext[i]);
		if (n > k && !strcmp(name + n - k, ext[i]))
			return 1;
	}
	return 0;
}

enum compile_lang compile_lang_of_path(const char *path)
{
	static const char *const cxx[] = { ".cc", ".cpp", ".cxx", ".C", ".c++" };
	const char *slash = strrchr(path, '/'), *dot = strrchr(path, '.');
	size_t i;

	if (!dot || (slash && dot < slash))
		return LANG_C;
	for (i = 0; i < sizeof(cxx) / sizeof(cxx[0]); i++)
		if (!strcmp(dot, cxx[i]))
			return LANG_CXX;
	return LANG_C;
}

/* Limits of one compile: generous for honest code, small enough that
 * include bombs, macro bombs and gigabyte initialisers end as CE quickly.
 * CPU time bounds the work; the wall limit only ends a compiler that
 * waits. It is 60 s, not 20: a bits/stdc++.h solution (about 5 s of CPU
 * with g++ -static) took over 20 s of wall time on a 2-core machine at
 * load 10 and came back CE. A wall timeout is never cached. */
static const struct sbx_limits compile_limits = {
	.cpu_ms = 10000,
	.wall_ms = 60000,
	.memory_kb = 1024UL * 1024,
	.stack_kb = 0,
	.output_kb = 64,
	.stderr_kb = 64,
	.fsize_kb = 64UL * 1024,
	.procs = 16,
};

/* A problem's own programs (checker, validator, generator, interactor)
 * bring their headers inlined: the real testlib.h (about 6000 lines of
 * templates) alone takes 9 to 12 s of CPU at -O2 -static on a loaded
 * 2-core machine, over the limit above, and every such program came back
 * CE. They are compiled once per problem and cached, so they get six times
 * the room; the wall limit grows with it. */
static const struct sbx_limits program_limits = {
	.cpu_ms = 60000,
	.wall_ms = 180000,
	.memory_kb = 1024UL * 1024,
	.stack_kb = 0,
	.output_kb = 64,
	.stderr_kb = 64,
	.fsize_kb = 64UL * 1024,
	.procs = 16,
};

void compile_cache_release(struct compile_cache *c)
{
	free(c->dir);
	c->dir = NULL;
}

void compile_result_release(struct compile_result *r)
{
	free(r->binary);
	r->binary = NULL;
	buf_release(&r->message);
}

int compile_cache_open_dir(struct compile_cache *c, const char *dir,
			   unsigned long long max_bytes)
{
	struct stat st;

	if (util_mkdirs(dir, 0711) < 0)
		return err_prefix("cannot create the compile cache");
	if (lstat(dir, &st) < 0)
		return err_errno("cannot use the compile cache '%s'", dir);
	if (!S_ISDIR(st.st_mode))
		return err_set("compile cache '%s' is not a folder (a link is "
			       "not accepted); set JUDGE_CACHE to a folder", dir);
	if (st.st_uid != geteuid() || (st.st_mode & 022))
		return err_set("compile cache '%s' must be owned by uid %d and "
			       "writable by nobody else; fix its owner and mode or "
			       "set JUDGE_CACHE", dir, (int)geteuid());
	c->dir = xstrdup(dir);
	c->max_bytes = max_bytes;
	c->pch = 1;
	return 0;
}

char *compile_cache_default_dir(const char *root)
{
	const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct passwd *pw;

	/* the XDG base directory rules: only an absolute XDG_CACHE_HOME counts */
	if (x && x[0] == '/')
		return xasprintf("%s/judge", x);
	if (!(home && home[0] == '/') && (pw = getpwuid(geteuid())) && pw->pw_dir &&
	    pw->pw_dir[0] == '/')
		home = pw->pw_dir;
	if (home && home[0] == '/')
		return xasprintf("%s/.cache/judge", home);
	return xasprintf("%s/.cache/judge", root);
}

int compile_cache_open(struct compile_cache *c, const char *root)
{
	const char *e = getenv("JUDGE_CACHE"), *m = getenv("JUDGE_CACHE_MAX_MB");
	const char *p = getenv("JUDGE_PCH");
	unsigned long long mb = DEFAULT_MAX_MB;
	char *dir, *end;
	int rc, pch = 1;

	if (m && *m) {
		errno = 0;
		mb = strtoull(m, &end, 10);
		if (errno || *end || mb == 0 || mb > (1ULL << 30) || *m == '-')
			return err_set("JUDGE_CACHE_MAX_MB '%s' must be a positive "
				       "number of megabytes", m);
	}
	if (p && *p) {
		if (!strcmp(p, "0") || !strcmp(p, "off"))
			pch = 0;
		else if (strcmp(p, "1") && strcmp(p, "on"))
			return err_set("JUDGE_PCH '%s' must be on or off (1 or 0)", p);
	}
	dir = e && *e ? xstrdup(e) : compile_cache_default_dir(root);
	rc = compile_cache_open_dir(c, dir, mb * 1024 * 1024);
	free(dir);
	c->pch = pch;
	return rc;
}

/* ---- compiler identity and keys ---- */

/* Run GCC_PATH with a fixed argv, no shell, stdin from /dev/null, a clean
 * environment; append its stdout (at most 4 KB) to b. 0, or -1 with err. */
static int run_gcc(const char *arg1, const char *arg2, struct buf *b)
{
	const char *argv[] = { "gcc", arg1, arg2, NULL };
	char *const envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
	char chunk[4096];
	int p[2], status, null;
	pid_t pid;
	ssize_t n;
	size_t total = 0;

	if (pipe2(p, O_CLOEXEC) < 0)
		return err_errno("cannot identify the compiler: pipe");
	null = open("/dev/null", O_RDWR | O_CLOEXEC);
	if (null < 0) {
		close(p[0]);
		close(p[1]);
		return err_errno("cannot open /dev/null");
	}
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		close(null);
		return err_errno("cannot identify the compiler: fork");
	}
	if (pid == 0) {
		if (dup2(null, 0) < 0 || dup2(p[1], 1) < 0 || dup2(null, 2) < 0)
			_exit(127);
		execve(GCC_PATH, (char *const *)argv, envp);
		_exit(127);
	}
	close(p[1]);
	close(null);
	while ((n = read(p[0], chunk, sizeof(chunk))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (total < 4096)
			buf_add(b, chunk, (size_t)n);
		total += (size_t)n;
	}
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return err_errno("cannot identify the compiler: wait");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return err_set("cannot identify the compiler: '%s %s' failed; is "
			       "gcc installed?", GCC_PATH, arg1);
	return 0;
}

static void add_stat(struct buf *id, const char *path)
{
	struct stat st;

	if (stat(path, &st) == 0)
		buf_addf(id, "%s %lld %lld.%09ld\n", path, (long long)st.st_size,
			 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
	else
		buf_addf(id, "%s missing\n", path);
}

static pthread_once_t identity_once = PTHREAD_ONCE_INIT;
static char *identity;            /* NULL when it could not be found */
static char identity_err[256];

static void identity_compute(void)
{
	static const char *const parts[] = {
		"-print-prog-name=cc1", "-print-prog-name=cc1plus",
		"-print-file-name=libc.a", "-print-file-name=libstdc++.a",
	};
	struct buf id = BUF_INIT, path = BUF_INIT;
	size_t i;

	if (run_gcc("-dumpfullversion", "-dumpmachine", &id) < 0)
		goto fail;
	add_stat(&id, GCC_PATH);
	add_stat(&id, GXX_PATH);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		buf_reset(&path);
		if (run_gcc(parts[i], NULL, &path) < 0)
			goto fail;
		while (path.len && path.data[path.len - 1] == '\n')
			path.data[--path.len] = 0;
		add_stat(&id, buf_str(&path));
	}
	identity = buf_detach(&id, NULL);
	goto out;
fail:
	snprintf(identity_err, sizeof(identity_err), "%s", err_msg());
out:
	buf_release(&id);
	buf_release(&path);
}

/* sha256 over the tag, the identity, argv and the source, each piece
 * length-prefixed so that no two inputs hash alike. */
static void key_hash(const char *ident, const char *const *argv, const char *source,
		     size_t len, char key[65])
{
	struct util_sha256 h;
	char n[32];
	size_t i;

	util_sha256_init(&h);
	util_sha256_update(&h, KEY_TAG, sizeof(KEY_TAG));
	snprintf(n, sizeof(n), "%zu:", strlen(ident));
	util_sha256_update(&h, n, strlen(n));
	util_sha256_update(&h, ident, strlen(ident));
	for (i = 0; argv[i]; i++) {
		snprintf(n, sizeof(n), "%zu:", strlen(argv[i]));
		util_sha256_update(&h, n, strlen(n));
		util_sha256_update(&h, argv[i], strlen(argv[i]));
	}
	snprintf(n, sizeof(n), "%zu:", len);
	util_sha256_update(&h, n, strlen(n));
	util_sha256_update(&h, source, len);
	util_sha256_final(&h, key);
}

void compile_key_with(const char *ident, enum compile_lang lang,
		      const char *source, size_t len, char key[65])
{
	key_hash(ident, compile_lang_argv(lang), source, len, key);
}

int compile_key(enum compile_lang lang, const char *source, size_t len, char key[65])
{
	pthread_once(&identity_once, identity_compute);
	if (!identity)
		return err_set("%s", identity_err);
	compile_key_with(identity, lang, source, len, key);
	return 0;
}

static const char *compile_identity(void)
{
	pthread_once(&identity_once, identity_compute);
	if (!identity)
		err_set("%s", identity_err);
	return identity;
}

int compile_program_key(enum compile_lang lang, const char *source, size_t len, char key[65])
{
	const char *id = compile_identity();
	char *ident;

	if (!id)
		return -1;
	/* its own entries: a CE over the submissions' limit is not its answer */
	ident = xasprintf("%s\nproblem program, %u ms of CPU", id, program_limits.cpu_ms);
	compile_key_with(ident, lang, source, len, key);
	free(ident);
	return 0;
}

/* ---- cache entries ---- */

/* Open a cache entry for reading: never through a link, and only a regular
 * file of ours that nobody else may write. 1 with *fd set, 0 when there is
 * no usable entry (a bad one is removed), -1 on error. */
static int entry_open(const char *path, int *fd, struct stat *st)
{
	*fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (*fd < 0) {
		if (errno == ENOENT)
			return 0;
		if (errno == ELOOP) {
			unlink(path);
			return 0;
		}
		return err_errno("cannot open cache entry '%s'", path);
	}
	if (fstat(*fd, st) < 0) {
		close(*fd);
		return err_errno("cannot stat cache entry '%s'", path);
	}
	if (!S_ISREG(st->st_mode) || st->st_uid != geteuid() ||
	    (st->st_mode & 022) || st->st_size == 0) {
		close(*fd);
		unlink(path);
		return 0;
	}
	return 1;
}

static int lookup(const struct compile_cache *c, struct compile_result *r)
{
	char *bin = xasprintf("%s/%s", c->dir, r->key);
	char *ce = xasprintf("%s/%s.ce", c->dir, r->key);
	struct stat st;
	int fd, got, rc = -1;

	got = entry_open(bin, &fd, &st);
	if (got < 0)
		goto out;
	if (got) {
		futimens(fd, NULL);    /* LRU: a hit makes the entry young */
		close(fd);
		r->ok = 1;
		r->cached = 1;
		r->binary = bin;
		bin = NULL;
		rc = 1;
		goto out;
	}
	got = entry_open(ce, &fd, &st);
	if (got < 0)
		goto out;
	if (got) {
		char chunk[4096];
		ssize_t n;

		futimens(fd, NULL);
		buf_reset(&r->message);
		while ((n = read(fd, chunk, sizeof(chunk))) > 0 &&
		       r->message.len < COMPILE_MAX_MESSAGE * 2)
			buf_add(&r->message, chunk, (size_t)n);
		close(fd);
		if (n < 0) {
			rc = err_errno("cannot read cache entry '%s'", ce);
			goto out;
		}
		r->ok = 0;
		r->cached = 1;
		rc = 1;
		goto out;
	}
	rc = 0;
out:
	free(bin);
	free(ce);
	return rc;
}

static char *tmp_name(const struct compile_cache *c, const char *key)
{
	static unsigned long counter;
	unsigned long n = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return xasprintf("%s/" TMP_PREFIX "%s-%ld-%lu-%ld", c->dir, key,
			 (long)getpid(), n, ts.tv_nsec);
}

/* Move the compiler's output at tmp into the cache as key: check it is a
 * regular non-empty file (the compile sandbox wrote it), make it ours,
 * 0755, on disk, then rename. 0 or -1 with err. */
static int store_binary(const struct compile_cache *c, const char *tmp,
			struct compile_result *r)
{
	char *dst = xasprintf("%s/%s", c->dir, r->key);
	struct stat st;
	int fd, rc = -1;

	fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		err_errno("the compiler's output '%s' is missing", tmp);
		goto out;
	}
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
		err_set("the compiler's output '%s' is not a regular file", tmp);
		goto out_fd;
	}
	if ((st.st_uid != geteuid() || st.st_gid != getegid()) &&
	    fchown(fd, geteuid(), getegid()) < 0) {
		err_errno("cannot take ownership of '%s'", tmp);
		goto out_fd;
	}
	if (fchmod(fd, 0755) < 0 || fsync(fd) < 0) {
		err_errno("cannot store '%s'", tmp);
		goto out_fd;
	}
	if (rename(tmp, dst) < 0) {
		err_errno("cannot rename '%s' to '%s'", tmp, dst);
		goto out_fd;
	}
	r->binary = dst;
	dst = NULL;
	rc = 0;
out_fd:
	close(fd);
out:
	free(dst);
	return rc;
}

static int store_ce(const struct compile_cache *c, const struct compile_result *r)
{
	char *tmp = tmp_name(c, r->key), *dst = xasprintf("%s/%s.ce", c->dir, r->key);
	const char *p = buf_str(&r->message);
	size_t left = r->message.len;
	int fd, rc = -1;

	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0) {
		err_errno("cannot create '%s'", tmp);
		goto out;
	}
	/* An empty message still needs a non-empty entry. */
	if (!left) {
		p = "\n";
		left = 1;
	}
	while (left) {
		ssize_t n = write(fd, p, left);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			err_errno("cannot write '%s'", tmp);
			goto out_fd;
		}
		p += n;
		left -= (size_t)n;
	}
	if (fsync(fd) < 0 || rename(tmp, dst) < 0) {
		err_errno("cannot store '%s'", dst);
		goto out_fd;
	}
	rc = 0;
out_fd:
	close(fd);
	if (rc < 0)
		unlink(tmp);
out:
	free(tmp);
	free(dst);
	return rc;
}

/* ---- eviction ---- */

struct entry {
	char *name;
	time_t mtime;
	unsigned long long size;
};

static int by_mtime(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

long long compile_cache_evict(const struct compile_cache *c, unsigned keep_s)
{
	struct entry *v = NULL;
	size_t n = 0, alloc = 0, i;
	unsigned long long total = 0;
	long long freed = 0;
	time_t now = time(NULL);
	struct dirent *e;
	struct stat st;
	DIR *d;
	int dfd;

	dfd = open(c->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return err_errno("cannot open the compile cache '%s'", c->dir);
	d = fdopendir(dfd);
	if (!d) {
		close(dfd);
		return err_errno("cannot read the compile cache '%s'", c->dir);
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (fstatat(dfd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) < 0)
			continue;
		if (!strncmp(e->d_name, TMP_PREFIX, strlen(TMP_PREFIX))) {
			/* A temporary of a compile that is running, or debris
			 * of one that was killed. */
			if (st.st_mtime < now - TMP_STALE_S &&
			    unlinkat(dfd, e->d_name, S_ISDIR(st.st_mode) ?
				     AT_REMOVEDIR : 0) == 0)
				freed += (long long)st.st_size;
			continue;
		}
		if (!S_ISREG(st.st_mode))
			continue;
		if (n == alloc) {
			alloc = alloc ? 2 * alloc : 64;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[n].name = xstrdup(e->d_name);
		v[n].mtime = st.st_mtime;
		v[n].size = (unsigned long long)st.st_size;
		total += v[n].size;
		n++;
	}
	if (total > c->max_bytes && n)
		qsort(v, n, sizeof(*v), by_mtime);
	for (i = 0; i < n && total > c->max_bytes; i++) {
		if (v[i].mtime >= now - (time_t)keep_s)
			break;  /* the rest are younger still */
		if (unlinkat(dfd, v[i].name, 0) == 0) {
			total -= v[i].size;
			freed += (long long)v[i].size;
		}
	}
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	closedir(d);
	return freed;
}

/* ---- compiling ---- */

static void set_message(struct compile_result *r, const struct sbx_result *sr,
			const struct sbx_limits *L)
{
	struct buf raw = BUF_INIT;
	size_t cut;

	buf_init(&raw, COMPILE_MAX_MESSAGE * 2);
	buf_add(&raw, buf_str(&sr->err), sr->err.len);
	if (sr->out.len) {
		if (raw.len && raw.data[raw.len - 1] != '\n')
			buf_addch(&raw, '\n');
		buf_add(&raw, buf_str(&sr->out), sr->out.len);
	}
	buf_reset(&r->message);
	text_escape(&r->message, buf_str(&raw), raw.len, SIZE_MAX, TEXT_KEEP_LINES);
	if (r->message.len > COMPILE_MAX_MESSAGE || raw.truncated ||
	    sr->err.truncated) {
		cut = r->message.len > COMPILE_MAX_MESSAGE ? COMPILE_MAX_MESSAGE :
			r->message.len;
		/* Do not split a UTF-8 sequence. */
		while (cut && ((unsigned char)r->message.data[cut] & 0xc0) == 0x80)
			cut--;
		r->message.len = cut;
		r->message.data[cut] = 0;
		buf_addstr(&r->message, "\n[diagnostics truncated]\n");
	}
	buf_release(&raw);
	switch (sr->status) {
	case SBX_TLE:
		buf_addf(&r->message, "compilation took too long (limit %u s)\n",
			 L->cpu_ms / 1000);
		break;
	case SBX_MLE:
		buf_addf(&r->message, "the compiler ran out of memory (limit %lu MB)\n",
			 L->memory_kb / 1024);
		break;
	case SBX_OLE:
		buf_addstr(&r->message, "the compiler's output is too large\n");
		break;
	case SBX_SV:
		buf_addstr(&r->message, "the compiler was stopped: forbidden system call '");
		text_escape(&r->message, sr->syscall,
				    strnlen(sr->syscall, sizeof(sr->syscall)), SIZE_MAX, 0);
		buf_addstr(&r->message, "'\n");
		break;
	default:
		if (sr->signal)
			buf_addf(&r->message, "the compiler was killed by signal %d\n",
				 sr->signal);
		else if (!r->message.len)
			buf_addf(&r->message, "the compiler failed (exit code %d)\n",
				 sr->exit_code);
		break;
	}
}

int compile_c(const struct compile_cache *c, struct sbx *s, const char *source,
	      size_t len, struct compile_result *r)
{
	return compile_source(c, s, LANG_C, source, len, r);
}

static int include_line(const char *l, size_t len, const char **name, size_t *nlen);

/* The line (from 1) of the source's first `#include <bits/stdc++.h>`, 0
 * when it has none: the sources the PCH is for. Where it stands does not
 * matter: gcc takes the PCH only when it is valid there (nothing but
 * directives before it, no macro it uses defined differently) and reads
 * the header itself otherwise. */
static size_t stdcxx_line(const char *source, size_t len)
{
	const char *p = source, *end = source + len, *nl, *name;
	size_t n = 1, nlen;

	for (; p < end; p = nl + 1, n++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		if (include_line(p, (size_t)(nl - p), &name, &nlen) && nlen == 13 &&
		    !strncmp(name, "bits/stdc++.h", 13) && name[-1] == '<')
			return n;
	}
	return 0;
}

/* Compile with argv (and the PCH folder bound at /pch when pch is set)
 * under limits L, and store the binary or the CE under r->key. */
static int compile_once(const struct compile_cache *c, struct sbx *s,
			const char *const *argv, const char *pch, const struct sbx_limits *L,
			const char *source, size_t len, struct compile_result *r)
{
	struct sbx_result sr = SBX_RESULT_INIT;
	long long start;
	char *tmp = NULL;
	int rc = -1;

	tmp = tmp_name(c, r->key);
	start = util_monotonic_ms();
	if (sbx_compile_pch(s, source, len, argv, L, pch, tmp, &sr) < 0) {
		err_prefix("cannot compile");
		goto out;
	}
	r->time_ms += (unsigned)(util_monotonic_ms() - start);
	if (sr.status == SBX_OK && sr.exit_code == 0) {
		if (store_binary(c, tmp, r) < 0)
			goto out;
		r->ok = 1;
		buf_reset(&r->message);
		/* Warnings are not kept: a successful compile says nothing. */
	} else {
		set_message(r, &sr, L);
		/* A wall-clock timeout may be the machine's fault (load):
		 * compile again next time. CPU time, memory and output are
		 * the source's doing and the CE is kept. */
		if (!(sr.status == SBX_TLE && sr.tle_wall) && store_ce(c, r) < 0)
			goto out;
	}
	if (compile_cache_evict(c, KEEP_RECENT_S) < 0)
		goto out;
	rc = 0;
out:
	unlink(tmp);
	free(tmp);
	sbx_result_release(&sr);
	return rc;
}

/* argv with "-I/pch" before "-o" into out (at most n entries). */
static const char *const *with_pch(const char *const *argv, const char **out, size_t n)
{
	size_t i = 0, k = 0;

	while (argv[i] && strcmp(argv[i], "-o") && k + 2 < n)
		out[k++] = argv[i++];
	out[k++] = "-I/pch";
	while (argv[i] && k + 1 < n)
		out[k++] = argv[i++];
	out[k] = NULL;
	return out;
}

/* The PCH folder for a C++ source that includes <bits/stdc++.h> (NULL:
 * compile without). When there is none yet, a plain compile already in the
 * cache answers (1, r filled) before one is built. 0, 1, or -1 with err. */
static int find_pch(const struct compile_cache *c, struct sbx *s, const char *source,
		    size_t len, struct compile_result *r, char **pch)
{
	const char *const *argv = compile_lang_argv(LANG_CXX);
	const char *ident = compile_identity();
	int got;

	if (!ident)
		return -1;
	if (pch_get(c->dir, s, ident, argv, 0, pch))
		return 0;
	if (compile_key(LANG_CXX, source, len, r->key) < 0)
		return -1;
	got = lookup(c, r);
	if (got)
		return got;
	pch_get(c->dir, s, ident, argv, 1, pch);
	return 0;
}

/* The plain command under the plain key: a cache hit or a compile. */
static int compile_plain(const struct compile_cache *c, struct sbx *s, const char *ident,
			 enum compile_lang lang, const char *source, size_t len,
			 struct compile_result *r)
{
	int got;

	compile_key_with(ident, lang, source, len, r->key);
	got = lookup(c, r);
	if (got != 0)
		return got < 0 ? -1 : 0;
	return compile_once(c, s, compile_lang_argv(lang), NULL, &compile_limits, source, len, r);
}

int compile_source(const struct compile_cache *c, struct sbx *s, enum compile_lang lang,
		   const char *source, size_t len, struct compile_result *r)
{
	const char *const *argv = compile_lang_argv(lang);
	const char *pargv[24], *ident;
	char *pch = NULL;
	size_t line = 0;
	int got, rc = -1;

	r->ok = 0;
	r->cached = 0;
	r->pch = 0;
	r->time_ms = 0;
	if (!(ident = compile_identity()))
		return -1;
	if (lang == LANG_CXX && c->pch && (line = stdcxx_line(source, len)) &&
	    (got = find_pch(c, s, source, len, r, &pch)) != 0)
		return got < 0 ? -1 : 0;
	if (!pch)
		return compile_plain(c, s, ident, lang, source, len, r);
	argv = with_pch(argv, pargv, sizeof pargv / sizeof pargv[0]);
	r->pch = 1;
	key_hash(ident, argv, source, len, r->key);
	got = lookup(c, r);
	if (got != 0) {
		rc = got < 0 ? -1 : 0;
		goto out;
	}
	if (compile_once(c, s, argv, pch, &compile_limits, source, len, r) < 0) {
		/* The PCH's folder went away between the check and the
		 * bind (removed by hand, or by a judge with another
		 * compiler): compile without it. */
		err_clear();
		r->pch = 0;
		rc = compile_plain(c, s, ident, lang, source, len, r);
		goto out;
	}
	if (!r->ok && line != 1) {
		/* With the PCH, a diagnostic's "In file included from
		 * prog.cpp:1:" names the wrapper's line (pch.c): compile
		 * again without it, so the diagnostics are exactly those of
		 * the plain compile (kept under this key). */
		r->pch = 0;
		if (compile_once(c, s, compile_lang_argv(lang), NULL, &compile_limits, source, len, r) < 0)
			goto out;
	}
	rc = 0;
out:
	free(pch);
	return rc;
}

int compile_program(const struct compile_cache *c, struct sbx *s, enum compile_lang lang,
		    const char *source, size_t len, struct compile_result *r)
{
	int got;

	r->ok = 0;
	r->cached = 0;
	r->pch = 0;
	r->time_ms = 0;
	if (compile_program_key(lang, source, len, r->key) < 0)
		return -1;
	got = lookup(c, r);
	if (got != 0)
		return got < 0 ? -1 : 0;
	return compile_once(c, s, compile_lang_argv(lang), NULL, &program_limits, source, len, r);
}

unsigned compile_cpu_limit_ms(int program)
{
	return program ? program_limits.cpu_ms : compile_limits.cpu_ms;
}

/* ---- sources ---- */

int compile_read_source(const char *path, struct buf *b)
{
	struct stat st;
	int fd, rc = -1;

	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		if (errno == ENOENT)
			return err_input("source file '%s' does not exist", path);
		err_errno("cannot open source file '%s'", path);
		return err_as(ERR_INPUT);
	}
	if (fstat(fd, &st) < 0) {
		err_errno("cannot stat source file '%s'", path);
		err_as(ERR_INPUT);
		goto out;
	}
	if (S_ISDIR(st.st_mode)) {
		err_input("'%s' is a folder, not a source file", path);
		goto out;
	}
	if (!S_ISREG(st.st_mode)) {
		err_input("'%s' is not a regular file", path);
		goto out;
	}
	if (st.st_size > COMPILE_MAX_SOURCE) {
		err_input("source file '%s' is too large (%lld bytes, at most %d)",
			  path, (long long)st.st_size, COMPILE_MAX_SOURCE);
		goto out;
	}
	buf_reset(b);
	if (util_read_fd(fd, path, b, COMPILE_MAX_SOURCE) < 0) {
		err_as(ERR_INPUT);
		goto out;
	}
	/* Bytes that are not UTF-8 (a Latin-1 comment) are fine: gcc compiles
	 * them, and whatever shows the source escapes them. A NUL byte is a
	 * binary file. */
	if (memchr(buf_str(b), 0, b->len)) {
		err_input("source file '%s' is not text (it holds NUL bytes)", path);
		goto out;
	}
	rc = 0;
out:
	close(fd);
	return rc;
}

/* ---- diagnostics ---- */

/* Whether p[0..n) contains word. */
static int has_word(const char *p, size_t n, const char *word)
{
	size_t k = strlen(word), i;

	for (i = 0; i + k <= n; i++)
		if (!strncmp(p + i, word, k))
			return 1;
	return 0;
}

char *compile_first_error(const char *diag)
{
	/* the compiler's own error first, then the linker's, then a limit
	 * that stopped it (a warning printed before is not why), then any */
	static const char *const marks[] = {
		"prog.c:", "undefined reference", "error", "compilation took too long",
		"the compiler", "",
	};
	const char *p, *nl;
	size_t n, k;

	for (k = 0; k < sizeof(marks) / sizeof(marks[0]); k++) {
		for (p = diag; *p; p = nl ? nl + 1 : p + n) {
			nl = strchr(p, '\n');
			n = nl ? (size_t)(nl - p) : strlen(p);
			if (!n || (k == 0 ? !(strncmp(p, marks[0], 7) == 0 &&
					     has_word(p, n, ": error:")) : !has_word(p, n, marks[k])))
				continue;
			return xstrndup(p, n > 300 ? 300 : n);
		}
	}
	return xstrdup("the compiler said nothing");
}

/* ---- a problem's own headers (testlib.h) ---- */

/* A line `#include "NAME"` (or <NAME>): NAME's span in *name, *nlen. */
static int include_line(const char *l, size_t len, const char **name, size_t *nlen)
{
	size_t i = 0;
	const char *end;
	char close;

	while (i < len && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (i >= len || l[i++] != '#')
		return 0;
	while (i < len && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (len - i < 7 || strncmp(l + i, "include", 7))
		return 0;
	i += 7;
	while (i < len && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (i >= len || (l[i] != '"' && l[i] != '<'))
		return 0;
	close = l[i] == '"' ? '"' : '>';
	i++;
	end = memchr(l + i, close, len - i);
	if (!end)
		return 0;
	*name = l + i;
	*nlen = (size_t)(end - (l + i));
	return 1;
}

int compile_is_testlib(const char *source)
{
	const char *p = source, *nl, *name;
	size_t nlen;

	for (; p && *p; p = nl ? nl + 1 : NULL) {
		nl = strchr(p, '\n');
		if (include_line(p, nl ? (size_t)(nl - p) : strlen(p), &name, &nlen) &&
		    nlen == 9 && !strncmp(name, "testlib.h", 9))
			return 1;
	}
	return 0;
}

char *compile_tool_path(const char *folder, const char *name)
{
	static const char *const ext[] = { "c", "cpp", "cc", "cxx" };
	char *p;
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		p = xasprintf("%s/%s.%s", folder, name, ext[i]);
		if (access(p, F_OK) == 0)
			return p;
		free(p);
	}
	return xasprintf("%s/%s.c", folder, name);
}

static int is_header_name(const char *n)
{
	size_t len = strlen(n);

	return n[0] != '.' && ((len > 2 && !strcmp(n + len - 2, ".h")) ||
			       (len > 4 && !strcmp(n + len - 4, ".hpp")));
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int compile_folder_headers(const char *folder, char ***names, size_t *n)
{
	DIR *d = opendir(folder);
	struct dirent *e;

	*names = NULL;
	*n = 0;
	if (!d)
		return err_errno("cannot read folder '%s'", folder);
	while ((e = readdir(d))) {
		if (!is_header_name(e->d_name))
			continue;
		*names = xrealloc(*names, (*n + 1) * sizeof(**names));
		(*names)[(*n)++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(*names, *n, sizeof(**names), name_cmp);
	return 0;
}

#define INLINE_DEPTH 8
/* A header the problem brings (testlib.h is about 200-400 KB, larger
 * than a submission may be). */
#define INLINE_MAX_HEADER (4 << 20)

/* inline_into: src (named `as` in diagnostics) into out, each include of a
 * header of folder replaced by its text once (a header included again
 * adds nothing: testlib.h and most headers are guarded anyway). */
static int inline_into(const char *folder, const char *src, size_t len, const char *as,
		       struct buf *out, char ***seen, size_t *nseen, int depth)
{
	size_t off = 0, line = 1, nlen, i;
	const char *name;
	int rc = 0;

	if (depth > INLINE_DEPTH)
		return err_input("headers of '%s' include each other more than %d deep",
				 folder, INLINE_DEPTH);
	while (off < len && rc == 0) {
		const char *l = src + off, *nl = memchr(l, '\n', len - off);
		size_t llen = nl ? (size_t)(nl - l) : len - off;
		char *hname, *path;
		struct buf h = BUF_INIT;
		struct stat st;

		off += llen + (nl ? 1 : 0);
		line++;
		if (!include_line(l, llen, &name, &nlen) || nlen == 0 || nlen > 200 ||
		    memchr(name, '/', nlen)) {
			buf_add(out, l, llen);
			buf_addch(out, '\n');
			continue;
		}
		hname = xstrndup(name, nlen);
		path = xasprintf("%s/%s", folder, hname);
		if (!is_header_name(hname) || stat(path, &st) < 0 || !S_ISREG(st.st_mode)) {
			buf_add(out, l, llen);      /* a system header */
			buf_addch(out, '\n');
			free(hname);
			free(path);
			continue;
		}
		for (i = 0; i < *nseen && strcmp((*seen)[i], hname); i++)
			;
		if (i == *nseen) {
			*seen = xrealloc(*seen, (*nseen + 1) * sizeof(**seen));
			(*seen)[(*nseen)++] = xstrdup(hname);
			if (util_read_file(path, &h, INLINE_MAX_HEADER) < 0) {
				rc = err_as(ERR_INPUT);
			} else {
				buf_addf(out, "#line 1 \"%s\"\n", hname);
				rc = inline_into(folder, buf_str(&h), h.len, hname, out, seen,
						 nseen, depth + 1);
				buf_addf(out, "#line %zu \"%s\"\n", line, as);
			}
		} else {
			buf_addch(out, '\n');
		}
		buf_release(&h);
		free(hname);
		free(path);
	}
	return rc;
}

int compile_inline_headers(const char *folder, enum compile_lang lang, const char *src,
			   size_t len, struct buf *out)
{
	char **seen = NULL;
	size_t nseen = 0, i;
	int rc;

	rc = inline_into(folder, src, len, lang == LANG_CXX ? "prog.cpp" : "prog.c", out,
			 &seen, &nseen, 0);
	for (i = 0; i < nseen; i++)
		free(seen[i]);
	free(seen);
	return rc;
}
