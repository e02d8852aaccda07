/* regex.h: the one small wrapper around PCRE2 (the only file that includes
 * <pcre2.h> is lib/regex.c). Used by the regex checker and by name filters.
 *
 * A pattern is compiled once (JIT-compiled when the platform supports it)
 * and matched many times. Matching is bounded: a match limit and a depth
 * limit stop catastrophic backtracking, which is reported as an error, never
 * as a hang. Patterns and subjects are UTF-8: a subject that is not valid
 * UTF-8 does not match (it is not an error).
 *
 * Thread safety: a struct regex holds its own match data and JIT stack, so
 * one compiled pattern is used by one thread at a time; compile one per
 * thread for parallel use. */
#ifndef LIB_REGEX_H
#define LIB_REGEX_H

#include <stddef.h>

/* Flags for regex_compile. */
#define REGEX_FULL      1   /* the whole subject must match (anchored both ends) */
#define REGEX_CASELESS  2   /* case-insensitive */
#define REGEX_NO_JIT    4   /* skip JIT compilation (a pattern matched once) */

struct regex;

/* Compile len bytes of pattern (UTF-8; not NUL-terminated necessarily).
 * Returns the compiled pattern, or NULL with err set to
 * "bad pattern '<pattern>' at offset N: <PCRE2 message>". */
struct regex *regex_compile(const char *pattern, size_t len, int flags);

/* Match re against len bytes of subject. Returns 1 when it matches, 0 when
 * it does not, -1 with err set when matching failed (match or depth limit
 * reached, out of memory). */
int regex_match(struct regex *re, const char *subject, size_t len);

/* True when re was JIT-compiled. */
int regex_jit(const struct regex *re);

/* Free a compiled pattern. NULL is fine. */
void regex_free(struct regex *re);

#endif
