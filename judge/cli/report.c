/* report.c: the per-test table, summary line and JSON of a graded
 * submission. */
#include <stdlib.h>
#include <string.h>

#include "judge/domain/check.h"
#include "judge/domain/compile.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/text.h"
#include "lib/util.h"

#define NAME_WIDTH_MIN 12
#define NAME_WIDTH_MAX 40

const char *report_verdict_color(enum verdict v)
{
	switch (v) {
	case V_AC: return "1;32";
	case V_TLE: case V_MLE: case V_OLE: return "1;33";
	default: return "1;31";
	}
}

const char *report_memory(unsigned long kb, char out[32])
{
	snprintf(out, 32, "%.1f MB", kb / 1024.0);
	return out;
}

int report_name_width(const char *const *names, size_t n)
{
	size_t i, w = NAME_WIDTH_MIN;

	for (i = 0; i < n; i++)
		if (names[i] && strlen(names[i]) > w)
			w = strlen(names[i]);
	return w > NAME_WIDTH_MAX ? NAME_WIDTH_MAX : (int)w;
}

void report_table_header(const struct judge_ctx *ctx, FILE *f, int width)
{
	fprintf(f, "%s%4s  %-*s %-7s %8s %10s  %s%s\n", judge_color(ctx, "1"), "#",
		width, "test", "verdict", "time", "memory", "message",
		judge_color(ctx, "0"));
}

/* Lines of text (already escaped), each as "      | line". */
static void print_marked(FILE *f, const char *text, const char *label)
{
	const char *p = text, *nl;
	size_t n;

	fprintf(f, "      %s:\n", label);
	while (*p) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(f, "      | %.*s\n", (int)n, p);
		p += n + (nl != NULL);
	}
}

void report_table_row(const struct judge_ctx *ctx, FILE *f, int width, size_t index,
		      const struct grade_test *t)
{
	struct buf name = BUF_INIT;
	char mem[32], time[32];

	text_escape(&name, t->name, strlen(t->name), NAME_WIDTH_MAX, TEXT_QUOTE);
	snprintf(time, sizeof(time), "%u ms", t->time_ms);
	fprintf(f, "%4zu  %-*s %s%-7s%s %8s %10s  %s\n", index, width, buf_str(&name),
		judge_color(ctx, report_verdict_color(t->verdict)), verdict_name(t->verdict),
		judge_color(ctx, "0"), time, report_memory(t->memory_kb, mem),
		t->message ? t->message : "");
	if (t->input)
		print_marked(f, t->input, "input");
	if (t->expected)
		print_marked(f, t->expected, "expected");
	if (t->got)
		print_marked(f, t->got, t->got[0] ? "got" : "got (nothing on stdout)");
	buf_release(&name);
}

void report_compile_error(const struct judge_ctx *ctx, FILE *f,
			  const struct grade_result *r, size_t lines)
{
	const char *p = r->compile_message ? r->compile_message : "", *nl;
	size_t n, shown = 0;

	(void)ctx;
	while (*p && shown < lines) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(f, "%s| %.*s\n", r->lang == LANG_CXX ? "g++" : "gcc", (int)n, p);
		p += n + (nl != NULL);
		shown++;
	}
	if (*p)
		fprintf(f, "%s| ... (more diagnostics; 'judge result %lld' shows them all)\n",
			r->lang == LANG_CXX ? "g++" : "gcc", r->submission);
}

void report_skipped(const struct judge_ctx *ctx, FILE *f, int width,
		    const struct grade_result *r)
{
	struct buf name = BUF_INIT;
	size_t i;

	for (i = 0; i < r->nskipped; i++) {
		buf_reset(&name);
		text_escape(&name, r->skipped[i], strlen(r->skipped[i]), NAME_WIDTH_MAX,
			    TEXT_QUOTE);
		fprintf(f, "%4zu  %-*s %s%-7s%s %8s %10s  %s\n", r->ntests + i + 1, width,
			buf_str(&name), judge_color(ctx, "2"), "skipped", judge_color(ctx, "0"),
			"-", "-", i ? "" : "not run: stopped at the first failing test (--all runs every test)");
	}
	buf_release(&name);
}

void report_summary(const struct judge_ctx *ctx, FILE *f, const struct grade_result *r)
{
	const struct grade_test *failed = NULL;
	struct buf b = BUF_INIT;
	char mem[32];
	size_t i;

	for (i = 0; i < r->ntests && !failed; i++)
		if (r->tests[i].verdict != V_AC)
			failed = &r->tests[i];
	buf_addf(&b, "%s: %s%s%s", r->problem, judge_color(ctx, report_verdict_color(r->verdict)),
		 verdict_name(r->verdict), judge_color(ctx, "0"));
	if (r->verdict == V_CE) {
		buf_addstr(&b, " (compile error)");
	} else if (r->verdict == V_IE && r->error) {
		/* the judge's own words (program text in it is escaped already):
		 * only control characters are neutralised */
		buf_addstr(&b, " (");
		text_escape(&b, r->error, strlen(r->error), SIZE_MAX, 0);
		buf_addch(&b, ')');
	} else {
		if (failed && failed->verdict == r->verdict) {
			buf_addstr(&b, " on test ");
			text_escape(&b, failed->name, strlen(failed->name), 60, TEXT_QUOTE);
		}
		buf_addf(&b, " (%d/%d passed) \xc2\xb7 %u ms \xc2\xb7 %s", r->passed, r->total,
			 r->time_ms, report_memory(r->memory_kb, mem));
	}
	if (r->submission)
		buf_addf(&b, " \xc2\xb7 submission %lld", r->submission);
	fprintf(f, "%s\n", buf_str(&b));
	buf_release(&b);
}

json_t *report_json_string(const char *p, size_t n)
{
	struct buf fixed = BUF_INIT;
	json_t *j;

	text_fix_utf8(&fixed, p ? p : "", p ? n : 0);
	j = json_stringn(buf_str(&fixed), fixed.len);
	buf_release(&fixed);
	return j ? j : json_string("");
}

static json_t *jstr(const char *s)
{
	return report_json_string(s ? s : "", s ? strlen(s) : 0);
}

json_t *report_json(const struct grade_result *r)
{
	json_t *o = json_object(), *c = json_object(), *tests = json_array(), *t;
	const struct grade_test *g;
	size_t i;

	json_object_set_new(o, "submission", r->submission ? json_integer(r->submission)
			    : json_null());
	json_object_set_new(o, "problem", jstr(r->problem));
	json_object_set_new(o, "lang", json_string(compile_lang_name(r->lang)));
	json_object_set_new(o, "file", r->file_name ? jstr(r->file_name) : json_null());
	json_object_set_new(o, "verdict", json_string(verdict_name(r->verdict)));
	json_object_set_new(o, "passed", json_integer(r->passed));
	json_object_set_new(o, "total", json_integer(r->total));
	json_object_set_new(o, "time_ms", json_integer(r->time_ms));
	json_object_set_new(o, "memory_kb", json_integer((json_int_t)r->memory_kb));
	json_object_set_new(c, "ok", json_boolean(r->compile_ok));
	json_object_set_new(c, "time_ms", json_integer(r->compile_time_ms));
	json_object_set_new(c, "cached", json_boolean(r->compile_cached));
	json_object_set_new(c, "message", jstr(r->compile_message));
	json_object_set_new(o, "compile", c);
	for (i = 0; i < r->ntests; i++) {
		g = &r->tests[i];
		t = json_object();
		json_object_set_new(t, "name", jstr(g->name));
		json_object_set_new(t, "verdict", json_string(verdict_name(g->verdict)));
		json_object_set_new(t, "time_ms", json_integer(g->time_ms));
		json_object_set_new(t, "wall_ms", json_integer(g->wall_ms));
		json_object_set_new(t, "memory_kb", json_integer((json_int_t)g->memory_kb));
		json_object_set_new(t, "exit", g->exit_code >= 0 ? json_integer(g->exit_code)
				    : json_null());
		json_object_set_new(t, "signal", g->signal[0] ? json_string(g->signal)
				    : json_null());
		json_object_set_new(t, "message", jstr(g->message));
		json_object_set_new(t, "stderr", jstr(g->stderr_text));
		json_object_set_new(t, "stderr_bytes", json_integer((json_int_t)g->stderr_bytes));
		json_array_append_new(tests, t);
	}
	json_object_set_new(o, "tests", tests);
	tests = json_array();
	for (i = 0; i < r->nskipped; i++)
		json_array_append_new(tests, jstr(r->skipped[i]));
	json_object_set_new(o, "skipped", tests);
	return o;
}

int report_print_json(json_t *j)
{
	char *text = json_dumps(j, JSON_COMPACT);

	if (!text)
		return -1;
	fputs(text, stdout);
	fputc('\n', stdout);
	free(text);
	return 0;
}

/* "40" or "12.5". */
static void fmt_score(char *out, size_t n, double v)
{
	snprintf(out, n, "%g", v);
}

void report_groups(const struct judge_ctx *ctx, FILE *f, const struct db_problem *p,
		   const struct grade_result *r)
{
	struct grade_group *g;
	struct buf name = BUF_INIT;
	char sc[32], max[32];
	size_t n, i;

	grade_groups(p, r, &g, &n);
	fprintf(f, "%sgroups%s (scores are listed, not summed):\n", judge_color(ctx, "1"),
		judge_color(ctx, "0"));
	for (i = 0; i < n; i++) {
		buf_reset(&name);
		text_escape(&name, g[i].name, strlen(g[i].name), NAME_WIDTH_MAX, TEXT_QUOTE);
		fprintf(f, "  %-20s %d/%d passed", name.len ? buf_str(&name) : "(top)",
			g[i].passed, g[i].total);
		if (g[i].ran < g[i].total)
			fprintf(f, " (%d not run)", g[i].total - g[i].ran);
		if (g[i].max_score > 0) {
			fmt_score(sc, sizeof(sc), g[i].score);
			fmt_score(max, sizeof(max), g[i].max_score);
			fprintf(f, "  score %s of %s", sc, max);
		}
		fputc('\n', f);
	}
	buf_release(&name);
	grade_groups_free(g, n);
}

json_t *report_json_groups(const struct db_problem *p, const struct grade_result *r)
{
	struct grade_group *g;
	json_t *a = json_array();
	size_t n, i;

	grade_groups(p, r, &g, &n);
	for (i = 0; i < n; i++)
		json_array_append_new(a, json_pack("{s:o, s:i, s:i, s:f, s:f}", "group",
						   jstr(g[i].name), "passed", g[i].passed,
						   "total", g[i].total, "score", g[i].score,
						   "max_score", g[i].max_score));
	grade_groups_free(g, n);
	return a;
}
