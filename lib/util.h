/* util.h: allocation that cannot fail quietly, files, hashing and the clock. */
#ifndef LIB_UTIL_H
#define LIB_UTIL_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

/* Allocation: on failure these print "judge: fatal: out of memory" and
 * abort, so callers never see NULL. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* The text of a macro's value: usage texts show the same named default the
 * code uses. */
#define UTIL_STR_(x) #x
#define UTIL_STR(x) UTIL_STR_(x)

char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Read a whole regular file into b (appending). Fails (-1, err set naming the
 * path) when it cannot be opened, is not a regular file, or is larger than
 * max bytes. */
int util_read_file(const char *path, struct buf *b, size_t max);

/* Read an open descriptor to its end into b (appending), failing (-1, err
 * set naming path) on a read error or past max bytes. The loop under
 * util_read_file, for callers that check the file their own way. */
int util_read_fd(int fd, const char *path, struct buf *b, size_t max);

/* Write len bytes to path atomically: a temporary file in the same folder,
 * fsync, rename. Returns 0 or -1 with err set. */
int util_write_file(const char *path, const void *data, size_t len, int mode);

/* mkdir -p; 0 or -1 with err set. */
int util_mkdirs(const char *path, int mode);

/* The names in folder dir that do not start with '.', sorted bytewise: a
 * malloc'd array of *n malloc'd strings (never NULL when it succeeds; free
 * with util_free_names). NULL with err set ("cannot read the folder
 * 'DIR'") and errno kept when the folder cannot be read. */
char **util_list_dir(const char *dir, size_t *n);
void util_free_names(char **v, size_t n);

/* Remove a tree without following symbolic links; 0 or -1 with err set.
 * A path that does not exist is not an error. */
int util_rmtree(const char *path);

/* SHA-256 of data as 64 lowercase hex digits plus NUL in out. */
void util_sha256_hex(const void *data, size_t len, char out[65]);

/* Incremental SHA-256 for several pieces. */
struct util_sha256 { unsigned char state[128]; };
void util_sha256_init(struct util_sha256 *h);
void util_sha256_update(struct util_sha256 *h, const void *data, size_t len);
void util_sha256_final(struct util_sha256 *h, char out[65]);

/* The current time: JUDGE_NOW (RFC 3339) when set, otherwise the system
 * clock. The one clock every command reads. Returns 0 or -1 with err set
 * when JUDGE_NOW is malformed. */
int util_now(time_t *out);

/* Parse an RFC 3339 date-time ("2026-12-01T10:00:00Z", with an offset or Z,
 * optional fraction) to a time_t. Returns 0 or -1 with err set. */
int util_parse_rfc3339(const char *s, time_t *out);

/* Format t as UTC RFC 3339 ("2026-12-01T10:00:00Z") into out. */
void util_format_rfc3339(time_t t, char out[32]);

/* Milliseconds from a monotonic clock (for measuring, never for dates). */
long long util_monotonic_ms(void);

/* Edit distance (Levenshtein) between a and b, for "did you mean" hints. */
size_t util_edit_distance(const char *a, const char *b);

/* True when the n bytes look like text: no NUL bytes and valid UTF-8. */
int util_is_text(const char *p, size_t n);

/* "SIGSEGV" for a signal number, "SIG<n>" for one without a name; written
 * into out, which is returned. */
const char *util_signal_name(int sig, char out[16]);

#endif
