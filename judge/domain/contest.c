/* contest.c: local contest rules (windows, ICPC scoring, the freeze) and the
 * scoreboard in three forms. Pure functions: no database, no clock. The rules
 * are spelled out in full at the top of judge/contest.h; the freeze rule in
 * short: an attempt made in the last freeze_minutes of its submitter's own
 * window is pending to everyone else until that window has ended, and then
 * revealed; submitters always see their own attempts. */
#include "judge/domain/contest.h"

#include <ctype.h>
#include <pwd.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/text.h"
#include "lib/util.h"
#include "lib/verdict.h"

/* ---- windows ------------------------------------------------------------ */

time_t contest_end(const struct contest_rules *r, time_t start)
{
	return start + (time_t)r->duration_minutes * 60;
}

time_t contest_freeze_start(const struct contest_rules *r, time_t start)
{
	return contest_end(r, start) - (time_t)r->freeze_minutes * 60;
}

enum contest_phase contest_phase(const struct contest_rules *r, time_t start, time_t now)
{
	if (now < start)
		return CONTEST_BEFORE;
	if (now >= contest_end(r, start))
		return CONTEST_OVER;
	if (r->freeze_minutes > 0 && now >= contest_freeze_start(r, start))
		return CONTEST_FROZEN;
	return CONTEST_RUNNING;
}

int contest_minute(time_t start, time_t at)
{
	time_t d = at - start;

	/* floor division, also for negative differences */
	return (int)(d >= 0 ? d / 60 : -((-d + 59) / 60));
}

/* ---- the board ---------------------------------------------------------- */

/* Attempts indexed so that they can be visited in time order, keeping the
 * given order for equal times. */
struct order {
	const struct contest_attempt *a;
	size_t seq;
};

static int order_cmp(const void *x, const void *y)
{
	const struct order *p = x, *q = y;

	if (p->a->at != q->a->at)
		return p->a->at < q->a->at ? -1 : 1;
	return p->seq < q->seq ? -1 : p->seq > q->seq;
}

static int row_cmp(const void *x, const void *y)
{
	const struct contest_row *p = x, *q = y;

	if (p->solved != q->solved)
		return p->solved > q->solved ? -1 : 1;
	if (p->penalty != q->penalty)
		return p->penalty < q->penalty ? -1 : 1;
	return strcmp(p->user, q->user);
}

static struct contest_row *find_row(struct contest_board *b, const char *user)
{
	size_t i;

	for (i = 0; i < b->nrows; i++)
		if (!strcmp(b->rows[i].user, user))
			return &b->rows[i];
	return NULL;
}

/* One row per participant who has started by now (the first of a user's
 * entries counts); b->frozen when a row other than the viewer's is in its
 * freeze. */
static void board_rows(const struct contest_rules *r,
		       const struct contest_participant *p, size_t np,
		       const char *viewer, time_t now, struct contest_board *b)
{
	size_t i, j;

	b->rows = xcalloc(np, sizeof(*b->rows));
	for (i = 0; i < np; i++) {
		struct contest_row *row;

		if (p[i].started_at > now || find_row(b, p[i].user))
			continue;
		row = &b->rows[b->nrows++];
		row->user = xstrdup(p[i].user);
		row->started_at = p[i].started_at;
		row->cells = xcalloc(r->nproblems, sizeof(*row->cells));
		for (j = 0; j < r->nproblems; j++)
			row->cells[j].minute = -1;
		if (r->freeze_minutes > 0 && (!viewer || strcmp(viewer, row->user)) &&
		    contest_phase(r, row->started_at, now) == CONTEST_FROZEN)
			b->frozen = 1;
	}
}

/* Count one attempt (taken in submission order) into its cell: outside
 * its participant's window it does not count; pending or frozen (for
 * another viewer) it is pending; CE and IE cost nothing; nothing counts
 * after the first AC. */
static void board_attempt(const struct contest_rules *r,
			  const struct contest_attempt *at, const char *viewer,
			  time_t now, struct contest_board *b)
{
	struct contest_row *row;
	struct contest_cell *c;
	time_t end;

	if (at->problem >= r->nproblems || !at->user || !(row = find_row(b, at->user)))
		return;
	end = contest_end(r, row->started_at);
	if (at->at < row->started_at || at->at >= end || at->at > now)
		return;
	c = &row->cells[at->problem];
	if (c->solved)
		return;
	if (c->pending > 0 || at->verdict < 0 ||
	    (r->freeze_minutes > 0 && now < end &&
	     at->at >= contest_freeze_start(r, row->started_at) &&
	     (!viewer || strcmp(viewer, row->user)))) {
		c->pending++;
		return;
	}
	if (at->verdict == V_CE || at->verdict == V_IE)
		return;
	if (at->verdict != V_AC) {
		c->wrong++;
		return;
	}
	c->solved = 1;
	c->minute = contest_minute(row->started_at, at->at);
}

/* Every attempt, in submission order. */
static void board_attempts(const struct contest_rules *r,
			   const struct contest_attempt *a, size_t na,
			   const char *viewer, time_t now, struct contest_board *b)
{
	struct order *ord = xcalloc(na, sizeof(*ord));
	size_t i;

	for (i = 0; i < na; i++)
		ord[i] = (struct order){ &a[i], i };
	qsort(ord, na, sizeof(*ord), order_cmp);
	for (i = 0; i < na; i++)
		board_attempt(r, ord[i].a, viewer, now, b);
	free(ord);
}

/* Each row's attempts, solved count and penalty; then each cell's "first
 * to solve" mark ("first" compares minutes of each participant's own
 * clock; first_ac is minute + 1, 0 for none). */
static void board_totals(const struct contest_rules *r, struct contest_board *b)
{
	int *first_ac = xcalloc(r->nproblems, sizeof(*first_ac));
	size_t i, j;

	for (i = 0; i < b->nrows; i++) {
		struct contest_row *row = &b->rows[i];

		for (j = 0; j < r->nproblems; j++) {
			struct contest_cell *c = &row->cells[j];

			if (!c->solved) {
				c->attempts = c->wrong + c->pending;
				continue;
			}
			c->pending = 0;
			c->attempts = c->wrong + 1;
			row->solved++;
			row->penalty += c->minute + c->wrong * r->penalty_minutes;
			if (!first_ac[j] || c->minute + 1 < first_ac[j])
				first_ac[j] = c->minute + 1;
		}
	}
	for (i = 0; i < b->nrows; i++)
		for (j = 0; j < r->nproblems; j++) {
			struct contest_cell *c = &b->rows[i].cells[j];

			c->first = c->solved && c->minute + 1 == first_ac[j];
		}
	free(first_ac);
}

void contest_board_build(const struct contest_rules *r,
			 const struct contest_participant *p, size_t np,
			 const struct contest_attempt *a, size_t na,
			 const char *viewer, time_t now, struct contest_board *b)
{
	size_t i;

	*b = (struct contest_board)CONTEST_BOARD_INIT;
	b->nproblems = r->nproblems;
	board_rows(r, p, np, viewer, now, b);
	board_attempts(r, a, na, viewer, now, b);
	board_totals(r, b);
	qsort(b->rows, b->nrows, sizeof(*b->rows), row_cmp);
	for (i = 0; i < b->nrows; i++)
		b->rows[i].rank = i > 0 && b->rows[i].solved == b->rows[i - 1].solved &&
				  b->rows[i].penalty == b->rows[i - 1].penalty ?
				  b->rows[i - 1].rank : (int)i + 1;
}

void contest_board_release(struct contest_board *b)
{
	size_t i;

	for (i = 0; i < b->nrows; i++) {
		free(b->rows[i].user);
		free(b->rows[i].cells);
	}
	free(b->rows);
	*b = (struct contest_board)CONTEST_BOARD_INIT;
}

/* ---- showing it ----------------------------------------------------------- */

void contest_letter(size_t i, char out[2])
{
	out[0] = i < CONTEST_MAX_PROBLEMS ? (char)('A' + i) : '?';
	out[1] = 0;
}

int contest_letter_index(const char *s, size_t nproblems)
{
	int c;

	if (!s || !s[0] || s[1])
		return -1;
	c = toupper((unsigned char)s[0]);
	if (c < 'A' || (size_t)(c - 'A') >= nproblems)
		return -1;
	return c - 'A';
}

void contest_cell_text(const struct contest_cell *c, char out[32])
{
	if (c->solved && c->wrong > 0)
		snprintf(out, 32, "+%d/%d", c->wrong, c->minute);
	else if (c->solved)
		snprintf(out, 32, "+/%d", c->minute);
	else if (c->pending > 0)
		snprintf(out, 32, "?%d", c->attempts);
	else if (c->wrong > 0)
		snprintf(out, 32, "-%d", c->wrong);
	else
		snprintf(out, 32, ".");
}

/* A user name safe for a terminal: control characters become '?'. */
static char *term_safe(const char *s)
{
	char *t = xstrdup(s), *q;

	for (q = t; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = '?';
	return t;
}

static void pad(struct buf *out, const char *s, size_t w, int right)
{
	size_t n = text_width(s);

	if (right)
		for (; n < w; n++)
			buf_addch(out, ' ');
	buf_addstr(out, s);
	if (!right)
		for (; n < w; n++)
			buf_addch(out, ' ');
}

void contest_board_text(const struct contest_board *b, int color, struct buf *out)
{
	size_t uw = 4, cw = 2, i, j;
	char cell[32], letter[2], num[32];

	for (i = 0; i < b->nrows; i++) {
		char *u = term_safe(b->rows[i].user);

		if (text_width(u) > uw)
			uw = text_width(u);
		free(u);
		for (j = 0; j < b->nproblems; j++) {
			contest_cell_text(&b->rows[i].cells[j], cell);
			if (strlen(cell) > cw)
				cw = strlen(cell);
		}
	}
	buf_addstr(out, "rank  ");
	pad(out, "user", uw, 0);
	buf_addstr(out, "  solved  penalty");
	for (j = 0; j < b->nproblems; j++) {
		contest_letter(j, letter);
		buf_addstr(out, "  ");
		if (j + 1 < b->nproblems)
			pad(out, letter, cw, 0);
		else
			buf_addstr(out, letter);
	}
	buf_addch(out, '\n');
	for (i = 0; i < b->nrows; i++) {
		const struct contest_row *row = &b->rows[i];
		char *u = term_safe(row->user);

		snprintf(num, sizeof(num), "%d", row->rank);
		pad(out, num, 4, 1);
		buf_addstr(out, "  ");
		pad(out, u, uw, 0);
		snprintf(num, sizeof(num), "%d", row->solved);
		buf_addstr(out, "  ");
		pad(out, num, 6, 1);
		snprintf(num, sizeof(num), "%d", row->penalty);
		buf_addstr(out, "  ");
		pad(out, num, 7, 1);
		for (j = 0; j < b->nproblems; j++) {
			const struct contest_cell *c = &row->cells[j];
			const char *code = c->solved ? "32" : c->pending ? "34" :
					   c->wrong ? "31" : NULL;

			contest_cell_text(c, cell);
			buf_addstr(out, "  ");
			if (color && code)
				buf_addf(out, "\033[%sm", code);
			buf_addstr(out, cell);
			if (color && code)
				buf_addstr(out, "\033[0m");
			for (size_t k = strlen(cell); k < cw && j + 1 < b->nproblems; k++)
				buf_addch(out, ' ');
		}
		buf_addch(out, '\n');
		free(u);
	}
}

json_t *contest_board_json(const struct contest_board *b, const char *contest)
{
	json_t *rows = json_array(), *o;
	char letter[2];
	size_t i, j;

	for (i = 0; i < b->nrows; i++) {
		const struct contest_row *row = &b->rows[i];
		json_t *probs = json_array();

		for (j = 0; j < b->nproblems; j++) {
			const struct contest_cell *c = &row->cells[j];

			contest_letter(j, letter);
			json_array_append_new(probs, json_pack("{s:s, s:i, s:o, s:b, s:b}",
				"letter", letter, "attempts", c->attempts,
				"minute", c->solved ? json_integer(c->minute) : json_null(),
				"solved", c->solved, "pending", c->pending > 0));
		}
		json_array_append_new(rows, json_pack("{s:i, s:s, s:i, s:i, s:o}",
			"rank", row->rank, "user", row->user, "solved", row->solved,
			"penalty", row->penalty, "problems", probs));
	}
	o = json_pack("{s:s, s:b, s:o}", "contest", contest, "frozen", b->frozen,
		      "rows", rows);
	if (!o)   /* only on invalid UTF-8, which checked user names are not */
		err_set("cannot build the scoreboard JSON");
	return o;
}

/* Append s with the five HTML special characters escaped. */
static void html_esc(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': buf_addstr(out, "&amp;"); break;
		case '<': buf_addstr(out, "&lt;"); break;
		case '>': buf_addstr(out, "&gt;"); break;
		case '"': buf_addstr(out, "&quot;"); break;
		case '\'': buf_addstr(out, "&#39;"); break;
		default:
			if ((unsigned char)*s < 0x20 && *s != '\t')
				buf_addstr(out, "&#xfffd;");
			else
				buf_addch(out, *s);
		}
	}
}

static const char html_style[] =
	"body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;"
	"margin:2em auto;max-width:70em;padding:0 1em;color:#222;background:#fafafa}"
	"h1{margin:0 0 .2em;font-size:1.6em}"
	".meta{color:#555;margin:0 0 1em}"
	".banner{background:#1565c0;color:#fff;padding:.5em 1em;border-radius:4px;"
	"margin:0 0 1em;font-weight:600}"
	"table{border-collapse:collapse;width:100%;background:#fff;box-shadow:0 1px 3px rgba(0,0,0,.15)}"
	"th,td{border:1px solid #ddd;padding:.35em .5em;text-align:center}"
	"th{background:#263238;color:#fff;font-weight:600}"
	"th.prob small{display:block;font-weight:400;color:#cfd8dc;font-size:.7em}"
	"td.team{text-align:left;font-weight:600;max-width:20em;overflow-wrap:anywhere}"
	"td.rank,td.solved,td.penalty{font-variant-numeric:tabular-nums}"
	"td.solved{font-weight:700}"
	"tbody tr:nth-child(even){background:#f5f5f5}"
	"td.cell{width:4.5em;font-size:.9em;line-height:1.2}"
	"td.cell span{display:block;font-size:.8em;opacity:.85}"
	"td.ok{background:#60e760;color:#0b3d0b}"
	"td.first{background:#1daa1d;color:#fff}"
	"td.no{background:#e87272;color:#3d0b0b}"
	"td.pend{background:#6666ff;color:#fff}"
	".legend{margin-top:1em;font-size:.9em;color:#444}"
	".legend b{display:inline-block;width:1em;height:1em;vertical-align:middle;"
	"margin:0 .3em 0 1em;border-radius:2px}";

void contest_board_html(const struct contest_board *b, const char *contest,
			const char *title, char *const *problems, time_t now,
			struct buf *out)
{
	char when[32], letter[2];
	size_t i, j;

	util_format_rfc3339(now, when);
	buf_addstr(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">\n<title>");
	html_esc(out, title);
	buf_addstr(out, " - scoreboard</title>\n<style>");
	buf_addstr(out, html_style);
	buf_addstr(out, "</style>\n</head>\n<body>\n<h1>");
	html_esc(out, title);
	buf_addstr(out, "</h1>\n<p class=\"meta\">contest <code>");
	html_esc(out, contest);
	buf_addf(out, "</code> &middot; %zu participant%s &middot; as of %s</p>\n",
		 b->nrows, b->nrows == 1 ? "" : "s", when);
	if (b->frozen)
		buf_addstr(out, "<p class=\"banner\">The scoreboard is frozen: attempts made "
			   "in the last minutes of a participant's window show as pending "
			   "until their window ends.</p>\n");
	buf_addstr(out, "<table>\n<thead><tr><th>Rank</th><th>Team</th><th>Solved</th>"
		   "<th>Penalty</th>");
	for (j = 0; j < b->nproblems; j++) {
		contest_letter(j, letter);
		buf_addf(out, "<th class=\"prob\">%s", letter);
		if (problems && problems[j]) {
			buf_addstr(out, "<small>");
			html_esc(out, problems[j]);
			buf_addstr(out, "</small>");
		}
		buf_addstr(out, "</th>");
	}
	buf_addstr(out, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < b->nrows; i++) {
		const struct contest_row *row = &b->rows[i];

		buf_addf(out, "<tr><td class=\"rank\">%d</td><td class=\"team\">", row->rank);
		html_esc(out, row->user);
		buf_addf(out, "</td><td class=\"solved\">%d</td><td class=\"penalty\">%d</td>",
			 row->solved, row->penalty);
		for (j = 0; j < b->nproblems; j++) {
			const struct contest_cell *c = &row->cells[j];

			if (c->solved)
				buf_addf(out, "<td class=\"cell ok%s\">%d<span>%d min</span></td>",
					 c->first ? " first" : "", c->attempts, c->minute);
			else if (c->pending)
				buf_addf(out, "<td class=\"cell pend\">%d<span>%s</span></td>",
					 c->attempts, "pending");
			else if (c->wrong)
				buf_addf(out, "<td class=\"cell no\">%d<span>%s</span></td>",
					 c->attempts, c->attempts == 1 ? "try" : "tries");
			else
				buf_addstr(out, "<td class=\"cell\"></td>");
		}
		buf_addstr(out, "</tr>\n");
	}
	buf_addstr(out, "</tbody>\n</table>\n<p class=\"legend\">"
		   "<b style=\"background:#1daa1d\"></b>first to solve"
		   "<b style=\"background:#60e760\"></b>solved (attempts, minute)"
		   "<b style=\"background:#e87272\"></b>tried, not solved"
		   "<b style=\"background:#6666ff\"></b>pending (frozen or being judged)"
		   "</p>\n</body>\n</html>\n");
}

/* ---- input ---------------------------------------------------------------- */

int contest_parse_duration(const char *s, int *minutes)
{
	const char *p = s;
	long h = -1, m = -1, v;

	while (*p) {
		if (!isdigit((unsigned char)*p))
			goto bad;
		for (v = 0; isdigit((unsigned char)*p); p++) {
			v = v * 10 + (*p - '0');
			if (v > CONTEST_MAX_MINUTES)
				goto bad;
		}
		if (*p == 'h' && h < 0 && m < 0)
			h = v;
		else if (*p == 'm' && m < 0)
			m = v;
		else
			goto bad;
		p++;
	}
	if (h < 0 && m < 0)
		goto bad;
	v = (h < 0 ? 0 : h * 60) + (m < 0 ? 0 : m);
	if (v > CONTEST_MAX_MINUTES)
		goto bad;
	*minutes = (int)v;
	return 0;
bad:
	return err_input("bad duration '%s': write hours and/or minutes, "
		       "e.g. '2h', '90m' or '1h30m'", s);
}

void contest_format_duration(long minutes, char out[32])
{
	if (minutes >= 60 && minutes % 60)
		snprintf(out, 32, "%ldh%ldm", minutes / 60, minutes % 60);
	else if (minutes >= 60)
		snprintf(out, 32, "%ldh", minutes / 60);
	else
		snprintf(out, 32, "%ldm", minutes);
}

int contest_check_user(const char *name)
{
	size_t n = strlen(name), i;

	if (n == 0)
		return err_input("the user name is empty");
	if (n > CONTEST_MAX_USER)
		return err_input("user name '%.20s...' is longer than %d bytes",
			       name, CONTEST_MAX_USER);
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
			return err_input("user name contains a control character");
	if (!util_is_text(name, n))
		return err_input("user name is not valid UTF-8");
	return 0;
}

char *contest_login_name(void)
{
	const char *e = getenv("LOGNAME");
	struct passwd *pw;

	if (!e || !*e)
		e = getenv("USER");
	if (e && *e && contest_check_user(e) == 0)
		return xstrdup(e);
	err_clear();
	pw = getpwuid(getuid());
	if (pw && pw->pw_name && contest_check_user(pw->pw_name) == 0)
		return xstrdup(pw->pw_name);
	return xstrdup("user");
}
