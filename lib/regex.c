/* regex.c: compile once (with JIT where available), match many times, with
 * limits; the only file that includes <pcre2.h>. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "lib/err.h"
#include "lib/regex.h"
#include "lib/util.h"

/* Backtracking bounds: generous for any sane pattern on a long line, small
 * enough that a catastrophic one gives up in well under a second. */
#define MATCH_LIMIT     5000000u
#define DEPTH_LIMIT     100000u    /* KB of heap for the interpreter's backtracking */
#define JIT_STACK_MIN   (32 * 1024)
#define JIT_STACK_MAX   (1024 * 1024)

struct regex {
	pcre2_code *code;
	pcre2_match_data *md;
	pcre2_match_context *mctx;
	pcre2_jit_stack *jstack;
	int jit;
};

static void pcre_message(int code, char *out, size_t n)
{
	if (pcre2_get_error_message(code, (PCRE2_UCHAR *)out, n) < 0 && n)
		snprintf(out, n, "PCRE2 error %d", code);
}

struct regex *regex_compile(const char *pattern, size_t len, int flags)
{
	struct regex *re;
	uint32_t opts = PCRE2_UTF;
	int ec;
	PCRE2_SIZE off;
	char msg[256];

	if (flags & REGEX_FULL)
		opts |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	if (flags & REGEX_CASELESS)
		opts |= PCRE2_CASELESS;
	re = xcalloc(1, sizeof(*re));
	re->code = pcre2_compile((PCRE2_SPTR)pattern, len, opts, &ec, &off, NULL);
	if (!re->code) {
		pcre_message(ec, msg, sizeof(msg));
		err_set("bad pattern '%.*s' at offset %zu: %s",
			len > 80 ? 80 : (int)len, pattern, (size_t)off, msg);
		free(re);
		return NULL;
	}
	re->md = pcre2_match_data_create_from_pattern(re->code, NULL);
	re->mctx = pcre2_match_context_create(NULL);
	if (!re->md || !re->mctx) {
		regex_free(re);
		err_set("out of memory compiling a pattern");
		return NULL;
	}
	pcre2_set_match_limit(re->mctx, MATCH_LIMIT);
	pcre2_set_depth_limit(re->mctx, DEPTH_LIMIT);
	if (!(flags & REGEX_NO_JIT) && pcre2_jit_compile(re->code, PCRE2_JIT_COMPLETE) == 0) {
		re->jstack = pcre2_jit_stack_create(JIT_STACK_MIN, JIT_STACK_MAX, NULL);
		if (re->jstack) {
			pcre2_jit_stack_assign(re->mctx, NULL, re->jstack);
			re->jit = 1;
		}
	}
	return re;
}

int regex_match(struct regex *re, const char *subject, size_t len)
{
	char msg[256];
	int rc = pcre2_match(re->code, (PCRE2_SPTR)(subject ? subject : ""), len, 0, 0,
			     re->md, re->mctx);

	if (rc >= 0)
		return 1;
	/* PCRE2_MATCH_INVALID_UTF would be the other way, but the interpreter
	 * (10.42) then ignores PCRE2_ANCHORED after an invalid byte: "\\d+"
	 * fully matched "\xff1". A subject that is not UTF-8 simply does not
	 * match (UTF-8 errors are -3 .. -23, PCRE2_ERROR_UTF8_ERR*). */
	if (rc == PCRE2_ERROR_NOMATCH ||
	    (rc <= PCRE2_ERROR_UTF8_ERR1 && rc >= PCRE2_ERROR_UTF8_ERR21))
		return 0;
	pcre_message(rc, msg, sizeof(msg));
	return err_set("pattern matching failed: %s", msg);
}

int regex_jit(const struct regex *re)
{
	return re->jit;
}

void regex_free(struct regex *re)
{
	if (!re)
		return;
	pcre2_jit_stack_free(re->jstack);
	pcre2_match_context_free(re->mctx);
	pcre2_match_data_free(re->md);
	pcre2_code_free(re->code);
	free(re);
}
