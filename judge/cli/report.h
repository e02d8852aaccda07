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

/* Test t's input, expected answer and output got (its excerpts, when it
 * has them) side by side in three columns under the row, each line cut to
 * fit `columns` (the terminal's width: report_columns()). */
void report_side_by_side(FILE *f, const struct grade_test *t, int columns);

/* The width of the terminal on stdout: $COLUMNS when it is a number, else
 * the terminal's own, else 80 (not a terminal). */
int report_columns(void);

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
 * file (the submitted file's name, or null), verdict, passed, total, time_ms,
 * time_us, unstable_tests, memory_kb, compile{ok, time_ms, cached, message},
 * tests[{name, verdict, time_ms, time_us, time_min_us, time_max_us,
 * runs[{verdict, time_us}], unstable, wall_ms, memory_kb, exit, signal,
 * message, stderr, stderr_bytes, and for a failing sample or local test
 * with excerpts: input, expected, got}] (time_us the median run's: see
 * grade.h). New reference. */
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

struct db_problem;

/* What 'judge list --json' and 'judge show --json' both say about problem
 * p: id, title, time_limit_ms, memory_limit_mb, stack_limit_mb,
 * output_limit_kb, checker (with abs_tolerance and rel_tolerance for
 * float), tags, complexity, tests, retired. New reference. */
json_t *report_problem_json(const struct db_problem *p);

/* A CPU time for a table: "0.4 ms" under 10 ms, "981 ms" from there,
 * from us; "%u ms" of ms when the microseconds are not known (!known). */
const char *report_time(unsigned long long us, unsigned ms, int known, char out[32]);

/* The compile line before a table: "compile: ok in 812 ms" or "compile:
 * error (cached)", to f. */
void report_compile_line(FILE *f, int ok, int cached, unsigned time_ms);

/* "10.0 MB" for a size in KB, into out. */
const char *report_memory(unsigned long kb, char out[32]);

#endif
