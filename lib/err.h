/* err.h: the error message library code leaves for its caller.
 *
 * Library code never prints and never exits: it records one message here and
 * returns -1 (or NULL). Callers add context on the way up with err_prefix(),
 * and the front end prints "judge: error: <message>". The message is per
 * thread, so parallel workers do not trample each other's. */
#ifndef LIB_ERR_H
#define LIB_ERR_H

/* Record a message (printf-style) replacing any earlier one. Returns -1. */
int err_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like err_set, followed by ": " and strerror(errno). Returns -1.
 * errno is preserved. */
int err_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Put context before the current message: "<context>: <old message>".
 * Returns -1. */
int err_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The current message ("" if none). Borrowed until the next err_* call. */
const char *err_msg(void);

/* Forget the current message. */
void err_clear(void);

#endif
