/* buf.h: the one growable byte buffer, with a hard cap.
 *
 * A buffer's contents are always NUL-terminated (data[len] == 0) once anything
 * was added, so text can be used as a C string. Adding past the cap keeps what
 * fits, sets `truncated` and returns -1: capturing a program's output into a
 * buffer whose cap is the output limit makes OLE fall out naturally. */
#ifndef LIB_BUF_H
#define LIB_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct buf {
	char *data;     /* NULL until something is added; see buf_str() */
	size_t len;     /* bytes used, excluding the terminating NUL */
	size_t alloc;   /* bytes allocated */
	size_t cap;     /* most bytes it will ever hold */
	int truncated;  /* set once an add did not fit under cap */
};

#define BUF_INIT { NULL, 0, 0, SIZE_MAX, 0 }

/* Initialise an empty buffer holding at most cap bytes (SIZE_MAX: no cap). */
void buf_init(struct buf *b, size_t cap);

/* Append n bytes. Returns 0, or -1 when the cap cut it (what fits is kept).
 * Allocation failure aborts the process with a message. */
int buf_add(struct buf *b, const void *p, size_t n);
int buf_addstr(struct buf *b, const char *s);
int buf_addch(struct buf *b, int c);
int buf_addf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int buf_vaddf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* The contents as a C string; "" for an empty buffer. Borrowed. */
const char *buf_str(const struct buf *b);

/* Forget the contents, keep the memory and the cap; clears truncated. */
void buf_reset(struct buf *b);

/* Hand the contents to the caller (free() it); the buffer becomes empty.
 * Never returns NULL: an empty buffer gives an allocated "". */
char *buf_detach(struct buf *b, size_t *len);

/* Free the contents; the buffer is empty and usable again. */
void buf_release(struct buf *b);

#endif
