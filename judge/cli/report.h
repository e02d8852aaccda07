/* report.h: how a graded submission is shown: the per-test table, the
 * summary line, compile errors, and the JSON object of design.md. Shared by
 * submit, result and contest submit. Everything printed comes from a
 * struct grade_result whose messages are already escaped. */
#ifndef JUDGE_CLI_REPORT_H
#define JUDGE_CLI_REPORT_H

#include <jansson.h>
#include <stdio.h>

#include "judge/domain/grade.h"

struct judge_ctx;

/* The colour code ("1;32") for a verdict: green AC, yellow TLE/MLE/OLE,
 * red otherwise. Use with judge_color(). */
const char *report_verdict_color(enum verdict v);

/* The width of the test-name column for these names (n of them, the
 * longest, between 12 and 40). */
int report_name_width(const char *const *names, size_t n);

/* "   #  test           verdict     time     memory  message", the test
 * column `width` wide. */
void report_table_header(const struct judge_ctx *ctx, FILE *f, int width);

/* One row for test number index (1-based), followed for a sample's wrong
 * answer by its input, the expected answer and the output got, each line
 * marked "| ". */
void report_table_row(const struct judge_ctx *ctx, FILE *f, int width, size_t index,
		      const struct grade_test *t);

/* The compile diagnostics of a CE, at most `lines` lines, each marked. */
void report_compile_error(const struct judge_ctx *ctx, FILE *f,
			  const struct grade_result *r, size_t lines);

/* "max-gap: WA on test t05 (7/12 passed) · 84 ms · 10.0 MB · submission 17" */
/* The rows of the tests fail-fast did not run (r->skipped), numbered after
 * the ones that ran, verdict "skipped"; the first says why. */
void report_skipped(const struct judge_ctx *ctx, FILE *f, int width,
		    const struct grade_result *r);

void report_summary(const struct judge_ctx *ctx, FILE *f, const struct grade_result *r);

/* The JSON object of design.md ("judge submit --json"): submission, problem,
 * file (the submitted file's name, or null), verdict, passed, total, time_ms, memory_kb, compile{ok, time_ms, cached,
 * message}, tests[{name, verdict, time_ms, wall_ms, memory_kb, exit,
 * signal, message, stderr, stderr_bytes}]. New reference. */
json_t *report_json(const struct grade_result *r);

/* A scoring problem's per-group results (grade_groups): a table, and the
 * JSON array [{group, passed, total, score, max_score}]. */
struct db_problem;
void report_groups(const struct judge_ctx *ctx, FILE *f, const struct db_problem *p,
		   const struct grade_result *r);
json_t *report_json_groups(const struct db_problem *p, const struct grade_result *r);

/* Print j compactly on one line of stdout; 0, or -1 when it cannot be
 * encoded. */
int report_print_json(json_t *j);

/* A JSON string of any bytes (invalid UTF-8 replaced). New reference. */
json_t *report_json_string(const char *p, size_t n);

/* "10.0 MB" for a size in KB, into out. */
const char *report_memory(unsigned long kb, char out[32]);

#endif
