/* output.c: how the front end prints errors, warnings and colour, and the
 * one mapping from an error's kind to the exit code. */
#include <stdarg.h>
#include <stdio.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "lib/err.h"

int judge_exit_code(enum err_kind kind)
{
	switch (kind) {
	case ERR_INPUT:
		return EXIT_BAD_INPUT;
	case ERR_CANCELLED:
	case ERR_INTERNAL:
		break;
	}
	return EXIT_INTERNAL;
}

int judge_fail(void)
{
	fflush(stdout);
	fprintf(stderr, "judge: error: %s\n", err_msg());
	return judge_exit_code(err_kind());
}

int judge_bad(const char *fmt, ...)
{
	char msg[4096];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	err_input("%s", msg);
	return judge_fail();
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

const char *judge_checker_label(const struct db_problem *p)
{
	if (p->interactor_file)
		return "interactive";
	if (p->checker_contract == DB_CONTRACT_KATTIS)
		return p->checker == DB_CHECKER_CUSTOM ? "custom (kattis)" : "kattis";
	if (p->checker_contract == DB_CONTRACT_TESTLIB && p->checker == DB_CHECKER_CUSTOM)
		return "custom (testlib)";
	return db_checker_name(p->checker);
}
