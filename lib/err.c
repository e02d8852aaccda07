/* err.c: per-thread error message and kind for library code (see err.h). */
#include "err.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define ERR_MAX 4096   /* room for a few lines of compiler diagnostics */

static __thread char msg[ERR_MAX];
static __thread enum err_kind kind;

static int set_v(enum err_kind k, const char *fmt, va_list ap)
{
	vsnprintf(msg, sizeof(msg), fmt, ap);
	kind = k;
	return -1;
}

int err_set(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_v(ERR_INTERNAL, fmt, ap);
	va_end(ap);
	return -1;
}

int err_input(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_v(ERR_INPUT, fmt, ap);
	va_end(ap);
	return -1;
}

int err_cancelled(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	set_v(ERR_CANCELLED, fmt, ap);
	va_end(ap);
	return -1;
}

int err_errno(const char *fmt, ...)
{
	int saved = errno;
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	set_v(ERR_INTERNAL, fmt, ap);
	va_end(ap);
	n = strlen(msg);
	snprintf(msg + n, sizeof(msg) - n, ": %s", strerror(saved));
	errno = saved;
	return -1;
}

int err_prefix(const char *fmt, ...)
{
	char old[ERR_MAX];
	va_list ap;
	size_t n;

	memcpy(old, msg, sizeof(old));
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	n = strlen(msg);
	if (old[0])
		snprintf(msg + n, sizeof(msg) - n, ": %s", old);
	return -1;
}

int err_as(enum err_kind k)
{
	kind = k;
	return -1;
}

const char *err_msg(void)
{
	return msg;
}

enum err_kind err_kind(void)
{
	return kind;
}

void err_clear(void)
{
	msg[0] = 0;
	kind = ERR_INTERNAL;
}
