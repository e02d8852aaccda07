/* output.c: how the front end prints errors, warnings and colour. */
#include <stdarg.h>
#include <stdio.h>

#include "judge/judge.h"
#include "sandbox/sandbox.h"

int judge_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("judge: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return EXIT_BAD_INPUT;
}

void judge_warn(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("judge: warning: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

const char *judge_color(const struct judge_ctx *ctx, const char *code)
{
	static __thread char esc[4][16];
	static __thread int slot;
	char *e;

	if (!ctx->color)
		return "";
	e = esc[slot++ & 3];
	snprintf(e, sizeof(esc[0]), "\033[%sm", code);
	return e;
}

void judge_sandbox_warn(const struct judge_ctx *ctx, const struct sbx *s)
{
	static int warned;
	const char *missing = sbx_missing(s);

	if (missing && !warned && !ctx->quiet) {
		warned = 1;
		judge_warn("the sandbox is weaker than it could be: %s", missing);
	}
	if (ctx->verbose)
		fprintf(stderr, "judge: sandbox worker as uid %u%s\n", (unsigned)sbx_uid(s),
			missing ? " (in a user namespace)" : "");
}
