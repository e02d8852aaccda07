/* check.h: the built-in checkers: compare a program's output with a test's
 * answer and say AC, WA or PE with a short, safe message.
 *
 * Pure functions: no sandbox, no database, no globals; safe to call from
 * several threads at once. Every checker is linear in the size of the output
 * and the answer (regex: linear in the number of lines, plus bounded
 * matching), so 10+ MB outputs are fine.
 *
 * Output is bytes, not a C string: NUL bytes, CRLF, a missing final newline,
 * invalid UTF-8 and huge lines are all handled. Whitespace is ' ', '\t',
 * '\n', '\r', '\v' and '\f'; a token is a maximal run of anything else.
 *
 * Messages name the first difference, "line 1, token 1: expected '5', got
 * '6'" (line and token numbers of the output, 1-based), with each value cut
 * to about 40 bytes around the difference and escaped with text_escape() (lib/text.h), so
 * a program can never make the judge print control characters, ANSI escapes
 * or invalid UTF-8, nor forge the judge's own messages. The answer is never
 * shown beyond the differing value. */
#ifndef JUDGE_DOMAIN_CHECK_H
#define JUDGE_DOMAIN_CHECK_H

#include <stddef.h>

#include "db/db.h"
#include "lib/buf.h"
#include "lib/verdict.h"

/* The kinds are the catalogue's (enum db_checker); DB_CHECKER_CUSTOM is not a
 * built-in: grade.c runs the custom checker in the sandbox and maps its exit
 * status with check_custom_verdict(). */
struct check_params {
	enum db_checker kind;
	double abs_tol, rel_tol;   /* float: a pass when |a-b| <= abs_tol or
	                            * |a-b| <= rel_tol * |expected| */
	/* kattis: the Kattis default output validator (kind is ignored), with
	 * its flags (check_kattis_flags); a tolerance < 0 is not set */
	int kattis, case_sensitive, space_sensitive;
	double k_abs_tol, k_rel_tol;
};

#define CHECK_DEFAULT_TOL 1e-6

/* Longest message, NUL included. */
#define CHECK_MSG_MAX 512

struct check_result {
	enum verdict verdict;      /* V_AC, V_WA, V_PE, or V_IE (bad problem data:
	                            * an invalid pattern in a regex answer, an
	                            * unknown kind) */
	char message[CHECK_MSG_MAX]; /* "" for AC */
};

/* Compare out (outlen bytes) with ans (anslen bytes) with the checker
 * params->kind:
 *  - exact: bytes equal is AC; else PE when the token sequences are equal
 *    (the message shows the first layout difference), else WA;
 *  - tokens: the whitespace-separated token sequences are equal;
 *  - float: tokens pairwise; a token of the answer that is a decimal number
 *    (strtod consumes it all; hex is not a number) needs a number within the
 *    tolerance; nan matches only nan, inf only the same inf, -0 equals 0;
 *    other tokens must be equal byte for byte;
 *  - unordered-lines: the multisets of non-empty lines, each normalised to
 *    its tokens joined by single spaces, are equal;
 *  - regex: each answer line is a PCRE2 pattern that the whole output line
 *    with the same number must match (a final '\r' of a line is dropped,
 *    trailing blank lines are ignored, the line counts must agree); each
 *    distinct pattern is compiled once per call, JIT-compiled when it is
 *    used on several lines or a long one, and matched with limits: a line
 *    that hits a limit does not match.
 * Fills r and returns r->verdict. */
enum verdict check_output(const struct check_params *params,
			  const char *out, size_t outlen,
			  const char *ans, size_t anslen,
			  struct check_result *r);

/* Set params to the Kattis default output validator with the flags in args
 * (space-separated: case_sensitive, space_change_sensitive,
 * float_relative_tolerance X, float_absolute_tolerance X, float_tolerance X
 * (both)). Kattis semantics: tokens compared case-insensitively unless
 * case_sensitive; whitespace is free unless space_change_sensitive, when it
 * must match byte for byte; with a tolerance, an answer token that is a
 * number needs a number in the output within either tolerance. Returns 0,
 * or -1 with err_input naming the bad flag. */
int check_kattis_flags(const char *args, struct check_params *params);

/* The verdict of a custom checker that ran as `checker INPUT OUTPUT ANSWER`:
 * exit 0 AC, 1 WA, 2 PE; any other exit code, or no exit at all (exit_code
 * < 0: killed, over a limit; `how` says which, e.g. "killed by SIGSEGV"), is
 * IE. msg/msglen is its stderr: its first line (escaped, cut to ~200 bytes)
 * becomes the message, after "checker failed ...: " for IE. Fills r and
 * returns r->verdict. */
enum verdict check_custom_verdict(int exit_code, const char *how,
				  const char *msg, size_t msglen,
				  struct check_result *r);

/* The verdict of a problem's own program (who: "checker", "interactor")
 * that follows contract c (db.h), from its exit code (< 0: it did not exit,
 * `how` says why) and its message msg/msglen (the first line is kept):
 * - JUDGE: check_custom_verdict;
 * - KATTIS: 42 AC, 43 WA, anything else IE (the problem's fault); msg is
 *   judgemessage.txt, or its stderr when it wrote none;
 * - TESTLIB (its default exit codes): 0 AC, 1 WA, 2 and 4 (dirt) PE, 8
 *   (unexpected EOF in the program's output) WA, 3 (FAIL) IE, 7 (points)
 *   WA with "partially correct: " and the score it printed (stderr
 *   "points 0.5 ..."), anything else IE; whatever the exit code, a stderr
 *   that starts "partially correct (n)" (quitf(_pc(n)), which exits n, or
 *   50 + n under TESTSYS) is WA with that line.
 *   Messages are kept as written (quotes unescaped; control characters
 *   escaped).
 * Fills r and returns r->verdict. */
enum verdict check_program_verdict(enum db_contract c, const char *who, int exit_code,
				   const char *how, const char *msg, size_t msglen,
				   struct check_result *r);

#endif
