/* report.c: the per-test table, summary line and JSON of a graded
 * submission. */
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "db/db.h"
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

void report_compile_line(FILE *f, int ok, int cached, unsigned time_ms)
{
	if (cached)
		fprintf(f, "compile: %s (cached)\n", ok ? "ok" : "error");
	else
		fprintf(f, "compile: %s in %u ms\n", ok ? "ok" : "error", time_ms);
}

const char *report_memory(unsigned long kb, char out[32])
{
	snprintf(out, 32, "%.1f MB", kb / 1024.0);
	return out;
}

const char *report_time(unsigned long long us, unsigned ms, int known, char out[32])
{
	if (!known)
		snprintf(out, 32, "%u ms", ms);
	else if (us < 10000)
		snprintf(out, 32, "%.1f ms", us / 1000.0);
	else
		snprintf(out, 32, "%llu ms", us / 1000);
	return out;
}

/* The measurements of a test run more than once, before its message:
 * "unstable: AC TLE AC (min 948 ms, median 981 ms, max 1012 ms); " or
 * "2 runs (min ...); ". Nothing for a test run once. */
static void add_runs(struct buf *b, const struct grade_test *t)
{
	unsigned long long lo, hi;
	char a[32], m[32], z[32];
	size_t i;

	if (t->nruns < 2)
		return;
	lo = hi = t->runs[0].cpu_us;
	for (i = 1; i < t->nruns; i++) {
		if (t->runs[i].cpu_us < lo)
			lo = t->runs[i].cpu_us;
		if (t->runs[i].cpu_us > hi)
			hi = t->runs[i].cpu_us;
	}
	if (t->unstable) {
		buf_addstr(b, "unstable:");
		for (i = 0; i < t->nruns; i++)
			buf_addf(b, " %s", verdict_name(t->runs[i].verdict));
	} else {
		buf_addf(b, "%zu runs", t->nruns);
	}
	buf_addf(b, " (min %s, median %s, max %s)", report_time(lo, 0, 1, a),
		 report_time(t->time_us, 0, 1, m), report_time(hi, 0, 1, z));
	if (t->message && t->message[0])
		buf_addstr(b, "; ");
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
	struct buf name = BUF_INIT, msg = BUF_INIT;
	char mem[32], time[32];

	text_escape(&name, t->name, strlen(t->name), NAME_WIDTH_MAX, TEXT_QUOTE);
	add_runs(&msg, t);
	buf_addstr(&msg, t->message ? t->message : "");
	fprintf(f, "%4zu  %-*s %s%-7s%s %8s %10s  %s\n", index, width, buf_str(&name),
		judge_color(ctx, report_verdict_color(t->verdict)), verdict_name(t->verdict),
		judge_color(ctx, "0"), report_time(t->time_us, t->time_ms, t->nruns > 0, time),
		report_memory(t->memory_kb, mem), buf_str(&msg));
	if (t->input)
		print_marked(f, t->input, "input");
	if (t->expected)
		print_marked(f, t->expected, "expected");
	if (t->got)
		print_marked(f, t->got, t->got[0] ? "got" : "got (nothing on stdout)");
	buf_release(&name);
	buf_release(&msg);
}

int report_columns(void)
{
	const char *e = getenv("COLUMNS");
	struct winsize ws;
	char *end;
	long n;

	if (e && *e) {
		n = strtol(e, &end, 10);
		if (!*end && n > 0 && n < 10000)
			return (int)n;
	}
	if (isatty(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

/* The next line of *p (escaped text) as [start, start + *n), advancing *p;
 * NULL when there is none left. */
static const char *next_line(const char **p, size_t *n)
{
	const char *s = *p, *nl;

	if (!s || !*s)
		return NULL;
	nl = strchr(s, '\n');
	*n = nl ? (size_t)(nl - s) : strlen(s);
	*p = s + *n + (nl != NULL);
	return s;
}

/* s[0..n) in a column `width` columns wide: cut with "~" when longer
 * (counting UTF-8 characters), tabs as spaces, padded when pad. */
static void print_cell(FILE *f, const char *s, size_t n, int width, int pad)
{
	size_t i = 0, cols = 0, len, total = 0, w = (size_t)width;

	for (len = 0; len < n; len++)   /* the line's width in characters */
		total += ((unsigned char)s[len] & 0xC0) != 0x80;
	while (i < n && cols < (total > w ? w - 1 : w)) {
		len = 1;
		while (i + len < n && ((unsigned char)s[i + len] & 0xC0) == 0x80)
			len++;
		if (s[i] == '\t')
			fputc(' ', f);
		else
			fwrite(s + i, 1, len, f);
		i += len;
		cols++;
	}
	if (total > w) {
		fputc('~', f);
		cols++;
	}
	while (pad && cols++ < w)
		fputc(' ', f);
}

void report_side_by_side(FILE *f, const struct grade_test *t, int columns)
{
	const char *text[3], *line[3], *head[3] = { "input", "expected", "got" };
	size_t len[3];
	int k, w, any;

	if (!t->input && !t->expected && !t->got)
		return;
	text[0] = t->input ? t->input : "";
	text[1] = t->expected ? t->expected : "";
	text[2] = t->got ? t->got : "";
	if (t->got && !t->got[0])
		head[2] = "got (nothing)";
	/* "      " then three columns separated by " | " */
	w = (columns - 6 - 6) / 3;
	if (w < 8)
		w = 8;
	fputs("      ", f);
	for (k = 0; k < 3; k++) {
		print_cell(f, head[k], strlen(head[k]), w, k < 2);
		fputs(k < 2 ? " | " : "\n", f);
	}
	for (;;) {
		any = 0;
		for (k = 0; k < 3; k++)
			any |= (line[k] = next_line(&text[k], &len[k])) != NULL;
		if (!any)
			break;
		fputs("      ", f);
		for (k = 0; k < 3; k++) {
			print_cell(f, line[k] ? line[k] : "", line[k] ? len[k] : 0, w, k < 2);
			fputs(k < 2 ? " | " : "\n", f);
		}
	}
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
	char mem[32], time[32];
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
		buf_addf(&b, " (%d/%d passed) \xc2\xb7 %s \xc2\xb7 %s", r->passed, r->total,
			 report_time(r->time_us, r->time_ms, r->time_us > 0 || r->time_ms == 0, time),
			 report_memory(r->memory_kb, mem));
		if (r->unstable)
			buf_addf(&b, " \xc2\xb7 %d unstable test%s", r->unstable,
				 r->unstable == 1 ? "" : "s");
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

/* time_us, time_min_us, time_max_us, runs [{verdict, time_us}] and
 * unstable of test g (null times and no runs for a result stored before
 * they were kept). */
static void add_json_runs(json_t *t, const struct grade_test *g)
{
	json_t *runs = json_array();
	unsigned long long lo = 0, hi = 0;
	size_t i;

	for (i = 0; i < g->nruns; i++) {
		if (!i || g->runs[i].cpu_us < lo)
			lo = g->runs[i].cpu_us;
		if (!i || g->runs[i].cpu_us > hi)
			hi = g->runs[i].cpu_us;
		json_array_append_new(runs, json_pack("{s:s, s:I}", "verdict",
			verdict_name(g->runs[i].verdict), "time_us", (json_int_t)g->runs[i].cpu_us));
	}
	json_object_set_new(t, "time_us", g->nruns ? json_integer((json_int_t)g->time_us)
			    : json_null());
	json_object_set_new(t, "time_min_us", g->nruns ? json_integer((json_int_t)lo)
			    : json_null());
	json_object_set_new(t, "time_max_us", g->nruns ? json_integer((json_int_t)hi)
			    : json_null());
	json_object_set_new(t, "runs", runs);
	json_object_set_new(t, "unstable", json_boolean(g->unstable));
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
	/* null: stored before microseconds were kept */
	json_object_set_new(o, "time_us", r->time_us || !r->time_ms ?
			    json_integer((json_int_t)r->time_us) : json_null());
	json_object_set_new(o, "unstable_tests", json_integer(r->unstable));
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
		add_json_runs(t, g);
		json_object_set_new(t, "wall_ms", json_integer(g->wall_ms));
		json_object_set_new(t, "memory_kb", json_integer((json_int_t)g->memory_kb));
		json_object_set_new(t, "exit", g->exit_code >= 0 ? json_integer(g->exit_code)
				    : json_null());
		json_object_set_new(t, "signal", g->signal[0] ? json_string(g->signal)
				    : json_null());
		json_object_set_new(t, "message", jstr(g->message));
		json_object_set_new(t, "stderr", jstr(g->stderr_text));
		json_object_set_new(t, "stderr_bytes", json_integer((json_int_t)g->stderr_bytes));
		if (g->input) {
			json_object_set_new(t, "input", jstr(g->input));
			json_object_set_new(t, "expected", jstr(g->expected));
			json_object_set_new(t, "got", g->got ? jstr(g->got) : json_null());
		}
		json_array_append_new(tests, t);
	}
	json_object_set_new(o, "tests", tests);
	tests = json_array();
	for (i = 0; i < r->nskipped; i++)
		json_array_append_new(tests, jstr(r->skipped[i]));
	json_object_set_new(o, "skipped", tests);
	return o;
}

json_t *report_problem_json(const struct db_problem *p)
{
	json_t *o = json_object(), *tags = json_array();
	size_t k;

	for (k = 0; k < p->ntags; k++)
		json_array_append_new(tags, jstr(p->tags[k]));
	json_object_set_new(o, "id", jstr(p->id));
	json_object_set_new(o, "title", jstr(p->title));
	json_object_set_new(o, "time_limit_ms", json_integer(p->time_limit_ms));
	json_object_set_new(o, "memory_limit_mb", json_integer(p->memory_limit_mb));
	json_object_set_new(o, "stack_limit_mb", json_integer(p->stack_limit_mb));
	json_object_set_new(o, "output_limit_kb", json_integer(p->output_limit_kb));
	json_object_set_new(o, "checker", json_string(db_checker_name(p->checker)));
	if (p->checker == DB_CHECKER_CUSTOM)
		json_object_set_new(o, "checker_contract",
				    json_string(db_contract_name(p->checker_contract)));
	json_object_set_new(o, "interactive", json_boolean(p->interactor_file != NULL));
	if (p->interactor_file) {
		json_object_set_new(o, "interactor", jstr(p->interactor_file));
		json_object_set_new(o, "interactor_contract",
				    json_string(db_contract_name(p->interactor_contract)));
	}
	json_object_set_new(o, "validator_contract",
			    json_string(db_contract_name(p->validator_contract)));
	if (p->checker == DB_CHECKER_FLOAT) {
		json_object_set_new(o, "abs_tolerance", json_real(p->abs_tolerance));
		json_object_set_new(o, "rel_tolerance", json_real(p->rel_tolerance));
	}
	json_object_set_new(o, "tags", tags);
	json_object_set_new(o, "complexity", jstr(p->complexity));
	json_object_set_new(o, "tests", json_integer(p->test_count));
	json_object_set_new(o, "retired", json_boolean(p->retired));
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
