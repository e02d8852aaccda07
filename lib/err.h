/* err.h: the error message library code leaves for its caller.
 *
 * Library and domain code never prints and never exits: it records one
 * message here, with the kind of failure, and returns -1 (or NULL). Callers
 * add context on the way up with err_prefix() (the kind stays), and the
 * front end prints "judge: error: <message>" and turns the kind into the
 * exit code (judge/cli: judge_fail). The message and kind are per thread,
 * so parallel workers do not trample each other's. */
#ifndef LIB_ERR_H
#define LIB_ERR_H

/* What went wrong, which decides the exit code. */
enum err_kind {
	ERR_INTERNAL,   /* the judge failed: I/O, the sandbox, the database (exit 3) */
	ERR_INPUT,      /* bad usage or bad input: the user's to fix (exit 2) */
	ERR_CANCELLED,  /* stopped by the user (a signal) before the end (exit 3) */
};

/* Record a message (printf-style) replacing any earlier one, of kind
 * ERR_INTERNAL. Returns -1. */
int err_set(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like err_set, followed by ": " and strerror(errno). Returns -1.
 * errno is preserved. */
int err_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like err_set, of kind ERR_INPUT: the message says what to fix. Returns -1. */
int err_input(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Like err_set, of kind ERR_CANCELLED. Returns -1. */
int err_cancelled(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Put context before the current message: "<context>: <old message>".
 * The kind is kept. Returns -1. */
int err_prefix(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Change the kind of the current message (a caller knows better: a file
 * the user named that cannot be read is bad input). Returns -1. */
int err_as(enum err_kind kind);

/* The current message ("" if none). Borrowed until the next err_* call. */
const char *err_msg(void);

/* The current message's kind (ERR_INTERNAL when none was set). */
enum err_kind err_kind(void);

/* Forget the current message (the kind goes back to ERR_INTERNAL). */
void err_clear(void);

#endif
