/* testcache.c: a worker's local copy of test data by content hash (see
 * testcache.h): lookup, fetching what is missing, atomic stores. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "judge/domain/testcache.h"
#include "lib/err.h"
#include "lib/util.h"

#define DEFAULT_MAX_MB 1024ULL
#define KEEP_RECENT_S 300       /* entries used this recently are not evicted */

int testcache_open(struct compile_cache *tc, const struct compile_cache *c)
{
	const char *m = getenv("JUDGE_TEST_CACHE_MAX_MB");
	unsigned long long mb = DEFAULT_MAX_MB;
	char *dir, *end;
	int rc;

	if (m && *m) {
		errno = 0;
		mb = strtoull(m, &end, 10);
		if (errno || *end || mb == 0 || mb > (1ULL << 30) || *m == '-')
			return err_input("JUDGE_TEST_CACHE_MAX_MB '%s' must be a positive "
					 "number of megabytes", m);
	}
	dir = xasprintf("%s/tests", c->dir);
	rc = compile_cache_open_dir(tc, dir, mb * 1024 * 1024);
	free(dir);
	return rc < 0 ? err_prefix("test data cache") : 0;
}

/* A hash fit to be a file name: 64 lowercase hex digits. */
static int good_hash(const char *h)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((h[i] >= '0' && h[i] <= '9') || (h[i] >= 'a' && h[i] <= 'f')))
			return 0;
	return h[64] == 0;
}

/* The entry's two length prefixes ("<len>:"). */
struct layout {
	char h1[32], h2[32];
	size_t l1, l2;
};

static void layout_of(struct layout *l, size_t inlen, size_t anslen)
{
	l->l1 = (size_t)snprintf(l->h1, sizeof(l->h1), "%zu:", inlen);
	l->l2 = (size_t)snprintf(l->h2, sizeof(l->h2), "%zu:", anslen);
}

/* t's entry into in and ans: 1 when it was there and sound, 0 when not (a
 * bad one is removed). */
static int read_entry(const struct compile_cache *tc, const struct db_test *t,
		      struct buf *in, struct buf *ans)
{
	char *path = xasprintf("%s/%s", tc->dir, t->hash);
	struct layout l;
	struct stat st;
	const char *map = MAP_FAILED;
	size_t size = 0;
	int fd, rc = 0, bad = 0;

	layout_of(&l, t->input_size, t->answer_size);
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
	if (fd < 0) {
		bad = errno == ELOOP;
		goto out;
	}
	size = l.l1 + t->input_size + l.l2 + t->answer_size;
	bad = fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid() ||
	      (st.st_mode & 077) || (size_t)st.st_size != size;
	if (bad || (map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0)) == MAP_FAILED)
		goto out;
	bad = memcmp(map, l.h1, l.l1) || memcmp(map + l.l1 + t->input_size, l.h2, l.l2);
	if (bad || buf_add(in, map + l.l1, t->input_size) < 0 ||
	    buf_add(ans, map + l.l1 + t->input_size + l.l2, t->answer_size) < 0)
		goto out;
	futimens(fd, NULL);     /* LRU: a hit makes the entry young */
	rc = 1;
out:
	if (bad)
		unlink(path);   /* a link, or not an entry of ours: never used */
	if (map != MAP_FAILED)
		munmap((void *)map, size);
	if (fd >= 0)
		close(fd);
	free(path);
	return rc;
}

static int write_all(int fd, const struct iovec *iov, int n)
{
	struct iovec v[4];
	ssize_t w;
	int i = 0;

	memcpy(v, iov, (size_t)n * sizeof(*v));
	while (i < n) {
		w = writev(fd, v + i, n - i);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (i < n && (size_t)w >= v[i].iov_len)
			w -= (ssize_t)v[i++].iov_len;
		if (i < n) {
			v[i].iov_base = (char *)v[i].iov_base + w;
			v[i].iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* Store the data of hash: a temporary file, on disk, renamed. 0 or -1. */
static int store_entry(const struct compile_cache *tc, const char *hash,
		       const struct buf *in, const struct buf *ans)
{
	static unsigned long counter;
	unsigned long k = __atomic_add_fetch(&counter, 1, __ATOMIC_RELAXED);
	char *tmp = xasprintf("%s/" COMPILE_CACHE_TMP_PREFIX "%s-%ld-%lu", tc->dir, hash,
			      (long)getpid(), k);
	char *dst = xasprintf("%s/%s", tc->dir, hash);
	struct layout l;
	struct iovec v[4];
	int fd, rc = -1;

	layout_of(&l, in->len, ans->len);
	v[0] = (struct iovec){ l.h1, l.l1 };
	v[1] = (struct iovec){ (void *)buf_str(in), in->len };
	v[2] = (struct iovec){ l.h2, l.l2 };
	v[3] = (struct iovec){ (void *)buf_str(ans), ans->len };
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		err_errno("cannot create '%s'", tmp);
		goto out;
	}
	if (write_all(fd, v, 4) < 0 || fsync(fd) < 0)
		err_errno("cannot write '%s'", tmp);
	else if (rename(tmp, dst) < 0)
		err_errno("cannot rename '%s' to '%s'", tmp, dst);
	else
		rc = 0;
	close(fd);
	if (rc < 0)
		unlink(tmp);
	else
		compile_cache_evict(tc, KEEP_RECENT_S);
out:
	free(tmp);
	free(dst);
	return rc;
}

int testcache_get(const struct compile_cache *tc, struct db *db, const struct db_test *t,
		  struct buf *in, struct buf *ans, int *fetched)
{
	char hash[65];
	int rc, cacheable = tc && tc->dir && good_hash(t->hash);

	buf_reset(in);
	buf_reset(ans);
	*fetched = 0;
	if (cacheable && read_entry(tc, t, in, ans) == 1)
		return 0;
	buf_reset(in);
	buf_reset(ans);
	rc = db_test_data(db, t->id, in, ans);
	if (rc != 0)
		return rc;
	*fetched = 1;
	if (!cacheable)
		return 0;
	db_test_hash(buf_str(in), in->len, buf_str(ans), ans->len, hash);
	if (strcmp(hash, t->hash) != 0)
		return err_set("test '%s' changed in the database while it was graded "
			       "(its data is not the listed one's)", t->name);
	store_entry(tc, hash, in, ans); /* a full disk costs the next job a fetch, no more */
	return 0;
}
