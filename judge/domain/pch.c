/* pch.c: the precompiled header of <bits/stdc++.h> (see pch.h): found,
 * checked against its stamp, or built once in the compile sandbox under a
 * lock and renamed into place. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "judge/domain/pch.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

#define PCH_TAG "judge-pch-v1"   /* bump when the layout or the build changes */
#define PCH_RETRY_S 3600          /* a failed build is tried again after this */
#define PCH_STALE_S 3600          /* a temporary folder older than this is debris */
#define PCH_MAX_ARGS 24
#define GCH "inc/bits/stdc++.h.gch"

/* The build runs the real g++ on a trusted header (the system's
 * bits/stdc++.h through a one-line wrapper), still sandboxed, with limits
 * of its own: it needs about 10 s of CPU, 400 MB for cc1plus and writes a
 * 120 MB file (g++ 12, Debian 12), which is at or over a solution's compile
 * limits (10 s, 1 GiB, 64 MB of output). These leave room for a loaded
 * machine and keep a runaway build bounded. */
static const struct sbx_limits pch_limits = {
	.cpu_ms = 60000,
	.wall_ms = 300000,
	.memory_kb = 2048UL * 1024,
	.output_kb = 64,
	.stderr_kb = 64,
	.fsize_kb = 512UL * 1024,
	.procs = 16,
};

/* The wrapper is compiled as "prog.cpp", the name the solution has in the
 * box, with the include on line 1, so that a diagnostic's "In file
 * included from prog.cpp:1:" reads the same with and without the PCH. */
static const char wrapper[] = "#include <bits/stdc++.h>\n";

static void (*notify)(int warn, const char *msg);

void pch_set_notify(void (*fn)(int warn, const char *msg))
{
	notify = fn;
}

static void tell(int warn, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void tell(int warn, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!notify)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	notify(warn, msg);
}

/* A folder or lock that stops every build: said once per process (a
 * regress compiles many sources). */
static void tell_once(const char *path, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void tell_once(const char *path, const char *fmt, ...)
{
	static int told;
	char what[256];
	va_list ap;

	if (__atomic_exchange_n(&told, 1, __ATOMIC_RELAXED))
		return;
	va_start(ap, fmt);
	vsnprintf(what, sizeof what, fmt, ap);
	va_end(ap);
	tell(1, "compiling without the precompiled header for <bits/stdc++.h>: "
	     "'%s' %s", path, what);
}

/* argv's options: everything between argv[0] and "-o" (n of them). */
static size_t options_of(const char *const *argv)
{
	size_t n = 1;

	while (argv[n] && strcmp(argv[n], "-o"))
		n++;
	return n;
}

static void folder_hash(const char *ident, const char *const *argv, char out[65])
{
	struct util_sha256 h;
	size_t i, n = options_of(argv);
	char len[32];

	util_sha256_init(&h);
	util_sha256_update(&h, PCH_TAG, sizeof(PCH_TAG));
	snprintf(len, sizeof len, "%zu:", strlen(ident));
	util_sha256_update(&h, len, strlen(len));
	util_sha256_update(&h, ident, strlen(ident));
	for (i = 0; i < n; i++) {
		snprintf(len, sizeof len, "%zu:", strlen(argv[i]));
		util_sha256_update(&h, len, strlen(len));
		util_sha256_update(&h, argv[i], strlen(argv[i]));
	}
	util_sha256_final(&h, out);
}

/* A folder of ours that nobody else may write, reached without a link
 * (the sandbox binds it, and a bind follows links). */
static int own_dir(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
		!(st.st_mode & 022);
}

/* 1 when folder `dir` (a final or temporary PCH folder) is complete: its
 * folders are ours, its .gch is a regular file of ours and matches the
 * stamp written when it was built. */
static int complete(const char *dir)
{
	char *inc = xasprintf("%s/inc", dir), *bits = xasprintf("%s/inc/bits", dir);
	char *gch = xasprintf("%s/" GCH, dir), *stamp = xasprintf("%s/stamp", dir);
	struct buf b = BUF_INIT;
	char want[128];
	struct stat st;
	int ok = 0;

	if (!own_dir(dir) || !own_dir(inc) || !own_dir(bits) || lstat(gch, &st) < 0 ||
	    !S_ISREG(st.st_mode) || st.st_uid != geteuid() || (st.st_mode & 022))
		goto out;
	if (util_read_file(stamp, &b, 256) < 0) {
		err_clear();
		goto out;
	}
	snprintf(want, sizeof want, "%lld %lld.%09ld %llu\n", (long long)st.st_size,
		 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
		 (unsigned long long)st.st_ino);
	ok = !strcmp(buf_str(&b), want);
out:
	buf_release(&b);
	free(inc);
	free(bits);
	free(gch);
	free(stamp);
	return ok;
}

/* A folder the compiler (the worker's uid) may read, whatever the umask. */
static int mkdir_readable(const char *path)
{
	return mkdir(path, 0755) < 0 ? -1 : chmod(path, 0755);
}

static int write_stamp(const char *dir)
{
	char *gch = xasprintf("%s/" GCH, dir), *stamp = xasprintf("%s/stamp", dir);
	char line[128];
	struct stat st;
	int rc = -1;

	if (lstat(gch, &st) < 0) {
		err_errno("cannot stat '%s'", gch);
		goto out;
	}
	snprintf(line, sizeof line, "%lld %lld.%09ld %llu\n", (long long)st.st_size,
		 (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
		 (unsigned long long)st.st_ino);
	rc = util_write_file(stamp, line, strlen(line), 0644);
out:
	free(gch);
	free(stamp);
	return rc;
}

/* The first line of a compiler's stderr, for a message. */
static void first_line(const struct buf *b, char *out, size_t size)
{
	const char *p = buf_str(b), *nl = strchr(p, '\n');
	size_t n = nl ? (size_t)(nl - p) : strlen(p);

	if (n >= size)
		n = size - 1;
	memcpy(out, p, n);
	out[n] = 0;
}

static void why_not(const struct sbx_result *sr, char *out, size_t size)
{
	char line[200];

	first_line(&sr->err, line, sizeof line);
	if (sr->status == SBX_TLE)
		snprintf(out, size, "g++ took longer than %u s of CPU (or %u s)",
			 pch_limits.cpu_ms / 1000, pch_limits.wall_ms / 1000);
	else if (sr->status == SBX_MLE)
		snprintf(out, size, "g++ needed more than %lu MB", pch_limits.memory_kb / 1024);
	else if (sr->status == SBX_OLE)
		snprintf(out, size, "the PCH is larger than %lu MB", pch_limits.fsize_kb / 1024);
	else
		snprintf(out, size, "g++ failed (%s %d)%s%s", sr->signal ? "signal" : "exit",
			 sr->signal ? sr->signal : sr->exit_code, line[0] ? ": " : "", line);
}

/* Build the PCH into folder tmp (absolute) with worker s and prove that
 * g++ takes it with these options: 0, or -1 with the reason in why. */
static int build(struct sbx *s, const char *tmp, const char *const *argv, char *why,
		 size_t size)
{
	const char *bargv[PCH_MAX_ARGS], *pargv[PCH_MAX_ARGS];
	struct sbx_result sr = SBX_RESULT_INIT, pr = SBX_RESULT_INIT;
	char *bits = xasprintf("%s/inc/bits", tmp), *inc = xasprintf("%s/inc", tmp);
	char *gch = xasprintf("%s/" GCH, tmp), line[200];
	size_t n = options_of(argv), i, k = 0, m = 0;
	int rc = -1;

	if (n + 8 > PCH_MAX_ARGS) {
		snprintf(why, size, "the compiler command is too long");
		goto out;
	}
	for (i = 0; i < n; i++)
		bargv[k++] = pargv[m++] = argv[i];
	bargv[k++] = "-x";
	bargv[k++] = "c++-header";
	pargv[m++] = "-I/pch";
	pargv[m++] = "-fsyntax-only";
	pargv[m++] = "-H";
	pargv[m++] = "-Winvalid-pch";
	bargv[k++] = pargv[m++] = "-o";
	bargv[k++] = pargv[m++] = "prog";
	bargv[k++] = pargv[m++] = "prog.cpp";
	bargv[k] = pargv[m] = NULL;
	if (mkdir_readable(inc) < 0 || mkdir_readable(bits) < 0) {
		snprintf(why, size, "cannot create '%s': %s", bits, strerror(errno));
		goto out;
	}
	if (sbx_compile_pch(s, wrapper, sizeof wrapper - 1, bargv, &pch_limits, NULL, gch,
			    &sr) < 0) {
		snprintf(why, size, "%s", err_msg());
		goto out;
	}
	if (sr.status != SBX_OK || sr.exit_code != 0) {
		why_not(&sr, why, size);
		goto out;
	}
	if (chmod(gch, 0644) < 0 || write_stamp(tmp) < 0) {
		snprintf(why, size, "%s", errno ? strerror(errno) : err_msg());
		goto out;
	}
	/* gcc refuses a PCH built with other options, silently: ask it. */
	if (sbx_compile_pch(s, wrapper, sizeof wrapper - 1, pargv, NULL, inc, NULL, &pr) < 0) {
		snprintf(why, size, "%s", err_msg());
		goto out;
	}
	first_line(&pr.err, line, sizeof line);
	if (pr.status != SBX_OK || pr.exit_code != 0 ||
	    strcmp(line, "! /pch/bits/stdc++.h.gch")) {
		snprintf(why, size, "g++ does not take the PCH it built: %s",
			 line[0] ? line : "no answer");
		goto out;
	}
	rc = 0;
out:
	sbx_result_release(&sr);
	sbx_result_release(&pr);
	free(bits);
	free(inc);
	free(gch);
	return rc;
}

/* Remove the PCH folders of other compilers (an upgraded g++) and the
 * temporaries of builds that were killed. */
static void sweep(const char *base, const char *keep)
{
	time_t now = time(NULL);
	struct dirent *e;
	struct stat st;
	DIR *d = opendir(base);

	if (!d)
		return;
	while ((e = readdir(d))) {
		char *p = xasprintf("%s/%s", base, e->d_name);
		int other = strlen(e->d_name) == 64 && strcmp(e->d_name, keep);
		int debris = !strncmp(e->d_name, ".tmp-", 5);

		if ((other || debris) && lstat(p, &st) == 0 && S_ISDIR(st.st_mode) &&
		    (other || st.st_mtime < now - PCH_STALE_S))
			util_rmtree(p);
		free(p);
	}
	closedir(d);
	err_clear();
}

static char *tmp_dir(const char *base, const char *hash)
{
	static unsigned long counter;
	unsigned long k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);

	return xasprintf("%s/.tmp-%s-%ld-%lu", base, hash, (long)getpid(), k);
}

/* Build with the lock held; 1 when the folder is now complete. */
static int build_locked(const char *base, const char *hash, const char *final,
			const char *failed, struct sbx *s, const char *const *argv)
{
	char *tmp = tmp_dir(base, hash), why[400] = "";
	long long start = util_monotonic_ms();
	int ok = 0;

	tell(0, "building the precompiled header for <bits/stdc++.h> (once per "
	     "compiler version; about 10 s of CPU)");
	if (mkdir_readable(tmp) < 0) {
		snprintf(why, sizeof why, "cannot create '%s': %s", tmp, strerror(errno));
	} else if (build(s, tmp, argv, why, sizeof why) == 0) {
		if (rename(tmp, final) < 0 && !complete(final))
			snprintf(why, sizeof why, "cannot rename '%s': %s", tmp,
				 strerror(errno));
		else
			ok = 1;
	}
	util_rmtree(tmp);
	err_clear();
	if (ok) {
		unlink(failed);
		sweep(base, hash);
		tell(0, "built the precompiled header in %.1f s",
		     (double)(util_monotonic_ms() - start) / 1000);
	} else {
		util_write_file(failed, why, strlen(why), 0644);
		err_clear();
		tell(1, "compiling without the precompiled header for <bits/stdc++.h>: %s "
		     "(tried again in an hour; see %s)", why, failed);
	}
	free(tmp);
	return ok;
}

/* A failed build less than PCH_RETRY_S ago. */
static int failed_recently(const char *failed)
{
	struct stat st;

	return lstat(failed, &st) == 0 && st.st_mtime > time(NULL) - PCH_RETRY_S &&
		st.st_mtime <= time(NULL) + 60;
}

int pch_get(const char *cache_dir, struct sbx *s, const char *ident,
	    const char *const *argv, int build, char **dir)
{
	char hash[65], abs[PATH_MAX];
	char *base = NULL, *final = NULL, *lock = NULL, *failed = NULL;
	int fd = -1, got = 0;

	*dir = NULL;
	if (!realpath(cache_dir, abs))
		return 0;
	folder_hash(ident, argv, hash);
	base = xasprintf("%s/pch", abs);
	final = xasprintf("%s/%s", base, hash);
	lock = xasprintf("%s.lock", final);
	failed = xasprintf("%s.failed", final);
	if (complete(final)) {
		got = 1;
		goto out;
	}
	if (!build)
		goto out;
	if ((mkdir(base, 0711) < 0 && errno != EEXIST) || !own_dir(base)) {
		tell_once(base, "is not a folder of uid %d that only it may write",
			  (int)geteuid());
		goto out;
	}
	fd = open(lock, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK, 0600);
	if (fd < 0) {
		tell_once(lock, "cannot be opened (%s)", strerror(errno));
		goto out;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
		/* Another judge is building it: this compile does not wait
		 * (without the PCH it takes less than the build has left). */
		goto out;
	}
	if (complete(final)) {
		got = 1;
		goto out;
	}
	if (access(final, F_OK) == 0) {
		/* There, but not as it was built: damaged or replaced. gcc
		 * never sees it (a truncated PCH can crash cc1plus). */
		tell(1, "the precompiled header '%s' does not match its stamp: "
		     "removed", final);
		util_rmtree(final);
		err_clear();
	}
	if (!failed_recently(failed))
		got = build_locked(base, hash, final, failed, s, argv);
out:
	if (fd >= 0)
		close(fd);   /* releases the lock */
	if (got)
		*dir = xasprintf("%s/inc", final);
	free(base);
	free(final);
	free(lock);
	free(failed);
	return got;
}
