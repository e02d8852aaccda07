/* check.c: the built-in checkers (exact, tokens, float, unordered-lines,
 * regex), the custom checker's exit-code mapping, and the escaping that keeps
 * a program's bytes from reaching the terminal raw. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/domain/check.h"
#include "lib/text.h"
#include "lib/err.h"
#include "lib/regex.h"
#include "lib/util.h"

/* Values in messages: about this many input bytes each. */
#define VAL_MAX 40
/* Context kept before the first differing byte of a long value. */
#define VAL_LEAD 12

/* ---- escaping ----------------------------------------------------------- */

/* 'value', escaped and cut; from byte `from` on (with a leading "...") when
 * from > 0. */
static void quote_from(struct buf *b, const char *p, size_t n, size_t from)
{
	buf_addch(b, '\'');
	if (from > 0)
		buf_addstr(b, "...");
	text_escape(b, p + from, n - from, VAL_MAX, TEXT_QUOTE);
	buf_addch(b, '\'');
}

static void quote(struct buf *b, const char *p, size_t n)
{
	quote_from(b, p, n, 0);
}

/* "expected 'E', got 'G'": when a value is too long to show whole and the
 * first difference lies beyond what would be shown, both start a little
 * before it (on a UTF-8 boundary). */
static void quote_pair(struct buf *b, const char *e, size_t elen, const char *g, size_t glen)
{
	size_t d = 0, from = 0, m = elen < glen ? elen : glen;

	while (d < m && e[d] == g[d])
		d++;
	if ((elen > VAL_MAX || glen > VAL_MAX) && d > VAL_MAX - VAL_LEAD) {
		from = d - VAL_LEAD;
		while (from > 0 && ((unsigned char)e[from] & 0xc0) == 0x80)
			from--;
	}
	buf_addstr(b, "expected ");
	quote_from(b, e, elen, from);
	buf_addstr(b, ", got ");
	quote_from(b, g, glen, from);
}

/* ---- results ------------------------------------------------------------ */

static enum verdict finish(struct check_result *r, enum verdict v, struct buf *msg)
{
	size_t n = msg ? msg->len : 0;

	if (n >= sizeof(r->message))
		n = sizeof(r->message) - 1;
	if (n)
		memcpy(r->message, msg->data, n);
	r->message[n] = 0;
	r->verdict = v;
	if (msg)
		buf_release(msg);
	return v;
}

/* ---- tokens ------------------------------------------------------------- */

static int is_space(unsigned char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

struct scan {
	const char *p;
	size_t n, i;
	size_t line;       /* 1-based line of position i */
	size_t tok;        /* tokens seen on that line */
};

struct tok {
	const char *p;
	size_t len;
	size_t line, col;  /* line, and token number within the line */
};

static void scan_init(struct scan *s, const char *p, size_t n)
{
	s->p = p;
	s->n = n;
	s->i = 0;
	s->line = 1;
	s->tok = 0;
}

/* The next token into t; 0 at the end (t->line/col then say where the next
 * token would have been). */
static int scan_next(struct scan *s, struct tok *t)
{
	size_t start;

	while (s->i < s->n && is_space((unsigned char)s->p[s->i])) {
		if (s->p[s->i] == '\n') {
			s->line++;
			s->tok = 0;
		}
		s->i++;
	}
	t->line = s->line;
	t->col = s->tok + 1;
	if (s->i >= s->n) {
		t->p = s->p + s->n;
		t->len = 0;
		return 0;
	}
	start = s->i;
	while (s->i < s->n && !is_space((unsigned char)s->p[s->i]))
		s->i++;
	t->p = s->p + start;
	t->len = s->i - start;
	s->tok++;
	return 1;
}

/* A decimal number filling the whole token (strtod's syntax without hex),
 * into *v. Tokens too long for the scratch space are not numbers (they are
 * then compared byte for byte). */
static int parse_number(const char *p, size_t n, double *v)
{
	char tmp[512], *end;
	size_t i;

	if (n == 0 || n >= sizeof(tmp))
		return 0;
	for (i = 0; i < n; i++)
		if (p[i] == 'x' || p[i] == 'X' || p[i] == 0)
			return 0;
	memcpy(tmp, p, n);
	tmp[n] = 0;
	*v = strtod(tmp, &end);
	return end == tmp + n;
}

/* Does got match expected? 1 yes, 0 no (with a note for the message in
 * why, or "" when the values say it all). */
static int float_equal(const struct check_params *pa, const struct tok *e,
		       const struct tok *g, char *why, size_t whylen)
{
	double a, b, diff;

	why[0] = 0;
	if (!parse_number(e->p, e->len, &a))
		return e->len == g->len && memcmp(e->p, g->p, e->len) == 0;
	if (!parse_number(g->p, g->len, &b)) {
		snprintf(why, whylen, " (not a number)");
		return 0;
	}
	if (isnan(a))
		return isnan(b);
	if (isinf(a))
		return a == b;
	if (isnan(b) || isinf(b))
		return 0;
	diff = fabs(a - b);
	if (diff <= pa->abs_tol || diff <= pa->rel_tol * fabs(a))
		return 1;
	snprintf(why, whylen, " (difference %.3g, tolerance %g)", diff,
		 pa->abs_tol > pa->rel_tol * fabs(a) ? pa->abs_tol : pa->rel_tol * fabs(a));
	return 0;
}

/* How a token comparison reads and compares: ours (whitespace-separated
 * tokens, exact or within the float tolerance) or Kattis' default
 * validator's (with its flags). next: the next token of s into t, 0 at the
 * end; same: whether the got token g matches the expected e, else why
 * (appended to the message; may be ""). */
struct tok_rules {
	int (*next)(const struct check_params *pa, struct scan *s, struct tok *t);
	int (*same)(const struct check_params *pa, const struct tok *e, const struct tok *g,
		    char *why, size_t whylen);
};

static int ours_next(const struct check_params *pa, struct scan *s, struct tok *t)
{
	(void)pa;
	return scan_next(s, t);
}

static int ours_same(const struct check_params *pa, const struct tok *e, const struct tok *g,
		     char *why, size_t whylen)
{
	why[0] = 0;
	if (pa->kind == DB_CHECKER_FLOAT)
		return float_equal(pa, e, g, why, whylen);
	return e->len == g->len && memcmp(e->p, g->p, e->len) == 0;
}

static const struct tok_rules ours_rules = { ours_next, ours_same };

/* Walk both token sequences by tr's rules; AC when they agree, else WA
 * naming the first difference (a whitespace token, read only when spaces
 * count, marks a "space change"). */
static enum verdict compare_tokens(const struct check_params *pa,
				   const char *out, size_t outlen,
				   const char *ans, size_t anslen,
				   const struct tok_rules *tr, struct check_result *r)
{
	struct scan so, sa;
	struct tok to, ta;
	struct buf msg;
	char why[96];
	int ho, ha;

	scan_init(&so, out, outlen);
	scan_init(&sa, ans, anslen);
	buf_init(&msg, CHECK_MSG_MAX - 1);
	for (;;) {
		ha = tr->next(pa, &sa, &ta);
		ho = tr->next(pa, &so, &to);
		if (!ha && !ho)
			return finish(r, V_AC, &msg);
		buf_addf(&msg, "line %zu, token %zu: ", to.line, to.col);
		if (!ha) {
			buf_addstr(&msg, "expected end of output, got ");
			quote(&msg, to.p, to.len);
			return finish(r, V_WA, &msg);
		}
		if (!ho) {
			buf_addstr(&msg, "expected ");
			quote(&msg, ta.p, ta.len);
			buf_addstr(&msg, outlen ? ", got end of output" :
				   ", got end of output (the output is empty)");
			return finish(r, V_WA, &msg);
		}
		if (!tr->same(pa, &ta, &to, why, sizeof(why))) {
			if (is_space((unsigned char)ta.p[0]) || is_space((unsigned char)to.p[0]))
				buf_addstr(&msg, "space change: ");
			quote_pair(&msg, ta.p, ta.len, to.p, to.len);
			buf_addstr(&msg, why);
			return finish(r, V_WA, &msg);
		}
		buf_reset(&msg);
	}
}

/* ---- exact -------------------------------------------------------------- */

/* Up to the end of the line (inclusive) or 16 bytes from p. */
static size_t layout_window(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 16; i++)
		if (p[i] == '\n')
			return i + 1;
	return i;
}

static enum verdict check_exact(const struct check_params *pa,
				const char *out, size_t outlen,
				const char *ans, size_t anslen,
				struct check_result *r)
{
	size_t i = 0, m = outlen < anslen ? outlen : anslen, line = 1, col = 1, j;
	struct buf msg;

	if (outlen == anslen && memcmp(out, ans, outlen) == 0)
		return finish(r, V_AC, NULL);
	if (compare_tokens(pa, out, outlen, ans, anslen, &ours_rules, r) != V_AC)
		return r->verdict;
	/* Same tokens, different bytes: show where the layout first differs. */
	while (i < m && out[i] == ans[i])
		i++;
	for (j = 0; j < i; j++) {
		if (out[j] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	buf_init(&msg, CHECK_MSG_MAX - 1);
	buf_addf(&msg, "line %zu, column %zu: expected ", line, col);
	if (i < anslen)
		quote(&msg, ans + i, layout_window(ans + i, anslen - i));
	else
		buf_addstr(&msg, "end of output");
	buf_addstr(&msg, ", got ");
	if (i < outlen)
		quote(&msg, out + i, layout_window(out + i, outlen - i));
	else
		buf_addstr(&msg, "end of output");
	buf_addstr(&msg, " (only whitespace differs)");
	return finish(r, V_PE, &msg);
}

/* ---- lines -------------------------------------------------------------- */

/* Cut p/n into lines: each call gives the next line (without '\n') in *l;
 * 0 when there are none left. A final line without '\n' counts; the empty
 * "line" after a final '\n' does not. */
struct lines {
	const char *p;
	size_t n, i, no;
};

static int next_line(struct lines *s, const char **l, size_t *len)
{
	const char *nl;

	if (s->i >= s->n)
		return 0;
	*l = s->p + s->i;
	nl = memchr(*l, '\n', s->n - s->i);
	*len = nl ? (size_t)(nl - *l) : s->n - s->i;
	s->i += *len + (nl != NULL);
	s->no++;
	return 1;
}

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ull;
	}
	/* a final mix (murmur3's) so that the low bits, the table index, depend
	 * on every byte */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdull;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ull;
	return h ^ (h >> 33);
}

/* The line's tokens joined by single spaces, into b (reset first). */
static void normalise_line(struct buf *b, const char *l, size_t len)
{
	struct scan s;
	struct tok t;

	buf_reset(b);
	scan_init(&s, l, len);
	while (scan_next(&s, &t)) {
		if (b->len)
			buf_addch(b, ' ');
		buf_add(b, t.p, t.len);
	}
}

struct uline {
	uint64_t hash;
	size_t off, len;     /* in the arena */
	size_t count;        /* still expected */
};

struct lslot {
	uint64_t hash;
	size_t idx;          /* index into v + 1; 0: empty */
};

/* An open-addressing set of the answer's normalised lines. */
struct lineset {
	struct uline *v;
	size_t n, alloc;
	struct lslot *slot;  /* open addressing; idx 0 is empty */
	size_t mask;
	struct buf arena;
};

static struct uline *lineset_find(struct lineset *s, uint64_t h, const char *p, size_t n,
				  struct lslot **slotp)
{
	size_t k = (size_t)h & s->mask;
	struct uline *u;

	for (;; k = (k + 1) & s->mask) {
		if (!s->slot[k].idx) {
			*slotp = &s->slot[k];
			return NULL;
		}
		if (s->slot[k].hash != h)
			continue;
		u = &s->v[s->slot[k].idx - 1];
		if (u->len == n && memcmp(s->arena.data + u->off, p, n) == 0)
			return u;
	}
}

static void lineset_grow(struct lineset *s)
{
	size_t i, k, size = (s->mask + 1) * 2;

	free(s->slot);
	s->slot = xcalloc(size, sizeof(*s->slot));
	s->mask = size - 1;
	for (i = 0; i < s->n; i++) {
		for (k = (size_t)s->v[i].hash & s->mask; s->slot[k].idx; k = (k + 1) & s->mask)
			;
		s->slot[k].hash = s->v[i].hash;
		s->slot[k].idx = i + 1;
	}
}

static void lineset_add(struct lineset *s, const char *p, size_t n)
{
	uint64_t h = hash_bytes(p, n);
	struct lslot *slot;
	struct uline *u = lineset_find(s, h, p, n, &slot);

	if (u) {
		u->count++;
		return;
	}
	if (s->n == s->alloc) {
		s->alloc = s->alloc ? s->alloc * 2 : 64;
		s->v = xrealloc(s->v, s->alloc * sizeof(*s->v));
	}
	u = &s->v[s->n++];
	u->hash = h;
	u->off = s->arena.len;
	u->len = n;
	u->count = 1;
	buf_add(&s->arena, p, n);
	slot->hash = h;
	slot->idx = s->n;
	if (s->n * 2 > s->mask + 1)
		lineset_grow(s);
}

/* The next line with a token, normalised into b; 0 at the end. */
static int next_norm_line(struct lines *ls, struct buf *b)
{
	const char *l;
	size_t len;

	while (next_line(ls, &l, &len)) {
		normalise_line(b, l, len);
		if (b->len)
			return 1;
	}
	return 0;
}

#define LIST_MAX 3   /* missing or extra lines named in a message */

static enum verdict check_unordered(const char *out, size_t outlen,
				    const char *ans, size_t anslen,
				    struct check_result *r)
{
	struct lineset set = { 0 };
	struct lines la = { ans, anslen, 0, 0 }, lo = { out, outlen, 0, 0 };
	struct buf norm = BUF_INIT, na = BUF_INIT, msg, extra = BUF_INIT;
	struct uline *u;
	struct lslot *slot;
	size_t i, nans = 0, nout = 0, nextra = 0, nmissing = 0, named = 0;
	int ha, ho;

	/* Most outputs list the lines in the answer's order: walk both while
	 * they agree, and hash nothing when they agree to the end. */
	for (;;) {
		ha = next_norm_line(&la, &na);
		ho = next_norm_line(&lo, &norm);
		if (!ha && !ho) {
			buf_release(&na);
			buf_release(&norm);
			return finish(r, V_AC, NULL);
		}
		if (!ha || !ho || na.len != norm.len || memcmp(na.data, norm.data, na.len))
			break;
	}
	/* they differ: every line from the start, so that a line repeated
	 * more often than in the answer is named as such */
	la = (struct lines){ ans, anslen, 0, 0 };
	lo = (struct lines){ out, outlen, 0, 0 };
	buf_release(&na);
	buf_init(&msg, CHECK_MSG_MAX - 1);
	buf_init(&set.arena, SIZE_MAX);
	set.mask = 63;
	set.slot = xcalloc(set.mask + 1, sizeof(*set.slot));
	while (next_norm_line(&la, &norm)) {
		lineset_add(&set, buf_str(&norm), norm.len);
		nans++;
	}
	/* every output line: the extra ones (the first few named, with their
	 * line numbers), then what is left of the answer is missing */
	while (next_norm_line(&lo, &norm)) {
		nout++;
		u = lineset_find(&set, hash_bytes(buf_str(&norm), norm.len),
				 buf_str(&norm), norm.len, &slot);
		if (u && u->count) {
			u->count--;
			continue;
		}
		if (nextra++ >= LIST_MAX)
			continue;
		buf_addf(&extra, "%sline %zu ", nextra > 1 ? ", " : "", lo.no);
		quote(&extra, buf_str(&norm), norm.len);
		if (u)
			buf_addstr(&extra, " (more often than in the answer)");
	}
	for (i = 0; i < set.n; i++)
		nmissing += set.v[i].count;
	if (!nextra && !nmissing)
		goto out;
	buf_addf(&msg, "expected %zu line%s in any order, got %zu", nans, nans == 1 ? "" : "s",
		 nout);
	if (nmissing) {
		buf_addstr(&msg, "; missing ");
		/* in the answer's order */
		for (i = 0; i < set.n && named < LIST_MAX; i++) {
			if (!set.v[i].count)
				continue;
			buf_addstr(&msg, named++ ? ", " : "");
			quote(&msg, set.arena.data + set.v[i].off, set.v[i].len);
			if (set.v[i].count > 1)
				buf_addf(&msg, " (%zu times)", set.v[i].count);
		}
		for (; i < set.n; i++)
			named += set.v[i].count ? 1 : 0;
		if (named > LIST_MAX)
			buf_addf(&msg, " and %zu more", named - LIST_MAX);
	}
	if (nextra) {
		buf_addf(&msg, "; extra %s", buf_str(&extra));
		if (nextra > LIST_MAX)
			buf_addf(&msg, " and %zu more", nextra - LIST_MAX);
	}
out:
	free(set.v);
	free(set.slot);
	buf_release(&set.arena);
	buf_release(&norm);
	buf_release(&extra);
	return finish(r, nextra || nmissing ? V_WA : V_AC, &msg);
}

/* ---- regex -------------------------------------------------------------- */

/* Lines of p/n without a final '\r', trailing blank lines dropped, into a
 * malloc'd array of (start, length) pairs. */
struct span {
	const char *p;
	size_t len;
};

static struct span *split_lines(const char *p, size_t n, size_t *count)
{
	struct lines ls = { p, n, 0, 0 };
	struct span *v = NULL;
	size_t nv = 0, alloc = 0, len, i, keep = 0;
	const char *l;

	while (next_line(&ls, &l, &len)) {
		if (len && l[len - 1] == '\r')
			len--;
		if (nv == alloc) {
			alloc = alloc ? alloc * 2 : 16;
			v = xrealloc(v, alloc * sizeof(*v));
		}
		v[nv].p = l;
		v[nv].len = len;
		nv++;
		for (i = 0; i < len; i++)
			if (!is_space((unsigned char)l[i]))
				break;
		if (i < len)
			keep = nv;
	}
	*count = keep;
	return v;
}

/* The answer's distinct patterns, each compiled once when first needed. */
struct rxcache {
	struct rxent {
		uint64_t hash;
		const struct span *pat;   /* NULL: empty slot */
		size_t uses;              /* answer lines with this pattern */
		struct regex *rx;
	} *v;
	size_t mask;
};

static struct rxent *rxcache_slot(struct rxcache *c, const struct span *pat)
{
	uint64_t h = hash_bytes(pat->p, pat->len);
	size_t k = (size_t)h & c->mask;

	for (; c->v[k].pat; k = (k + 1) & c->mask)
		if (c->v[k].hash == h && c->v[k].pat->len == pat->len &&
		    memcmp(c->v[k].pat->p, pat->p, pat->len) == 0)
			return &c->v[k];
	c->v[k].hash = h;
	c->v[k].pat = pat;
	return &c->v[k];
}

/* Line subjects longer than this get a JIT-compiled pattern even when the
 * pattern is used once; below it, JIT compilation costs more than it saves. */
#define JIT_SUBJECT_MIN 4096

static enum verdict check_regex(const char *out, size_t outlen,
				const char *ans, size_t anslen,
				struct check_result *r)
{
	struct span *pv, *ov;
	size_t np, no, i, size = 16;
	struct rxcache cache;
	struct rxent *e;
	struct buf msg;
	enum verdict v = V_AC;
	int m;

	pv = split_lines(ans, anslen, &np);
	ov = split_lines(out, outlen, &no);
	while (size < np * 2)
		size *= 2;
	cache.mask = size - 1;
	cache.v = xcalloc(size, sizeof(*cache.v));
	for (i = 0; i < np; i++)
		rxcache_slot(&cache, &pv[i])->uses++;
	buf_init(&msg, CHECK_MSG_MAX - 1);
	for (i = 0; v == V_AC && i < np && i < no; i++) {
		e = rxcache_slot(&cache, &pv[i]);
		if (!e->rx)
			e->rx = regex_compile(pv[i].p, pv[i].len, REGEX_FULL |
					      (e->uses == 1 && ov[i].len < JIT_SUBJECT_MIN ?
					       REGEX_NO_JIT : 0));
		if (!e->rx) {
			buf_addf(&msg, "answer line %zu: ", i + 1);
			text_escape(&msg, err_msg(), strlen(err_msg()), 300, TEXT_QUOTE);
			v = V_IE;
			break;
		}
		m = regex_match(e->rx, ov[i].p, ov[i].len);
		if (m == 1)
			continue;
		buf_addf(&msg, "line %zu: ", i + 1);
		quote(&msg, ov[i].p, ov[i].len);
		buf_addstr(&msg, " does not match ");
		quote(&msg, pv[i].p, pv[i].len);
		if (m < 0)
			buf_addstr(&msg, " (match limit reached)");
		v = V_WA;
	}
	if (v == V_AC && np != no) {
		buf_addf(&msg, "line %zu: ", i + 1);
		if (np > no) {
			buf_addstr(&msg, "expected a line matching ");
			quote(&msg, pv[i].p, pv[i].len);
			buf_addstr(&msg, outlen ? ", got end of output" :
				   ", got end of output (the output is empty)");
		} else {
			buf_addstr(&msg, "expected end of output, got ");
			quote(&msg, ov[i].p, ov[i].len);
		}
		v = V_WA;
	}
	for (i = 0; i < size; i++)
		regex_free(cache.v[i].rx);
	free(cache.v);
	free(pv);
	free(ov);
	return finish(r, v, &msg);
}

/* ---- the Kattis default output validator -------------------------------- */

int check_kattis_flags(const char *args, struct check_params *pa)
{
	char *copy = xstrdup(args ? args : ""), *save = NULL, *w, *v, *end;
	double d;
	int rc = 0;

	pa->kattis = 1;
	pa->case_sensitive = pa->space_sensitive = 0;
	pa->k_abs_tol = pa->k_rel_tol = -1;
	for (w = strtok_r(copy, " \t\n", &save); w && rc == 0;
	     w = strtok_r(NULL, " \t\n", &save)) {
		if (!strcmp(w, "case_sensitive")) {
			pa->case_sensitive = 1;
			continue;
		}
		if (!strcmp(w, "space_change_sensitive")) {
			pa->space_sensitive = 1;
			continue;
		}
		if (strcmp(w, "float_tolerance") && strcmp(w, "float_absolute_tolerance") &&
		    strcmp(w, "float_relative_tolerance")) {
			rc = err_input("unknown output validator flag '%s' (case_sensitive, "
				       "space_change_sensitive, float_tolerance X, "
				       "float_absolute_tolerance X, float_relative_tolerance X)", w);
			break;
		}
		v = strtok_r(NULL, " \t\n", &save);
		d = v ? strtod(v, &end) : 0;
		if (!v || *end || !isfinite(d) || d < 0) {
			rc = err_input("output validator flag '%s' needs a non-negative number",
				       w);
			break;
		}
		if (strcmp(w, "float_relative_tolerance"))
			pa->k_abs_tol = d;
		if (strcmp(w, "float_absolute_tolerance"))
			pa->k_rel_tol = d;
	}
	free(copy);
	return rc;
}

/* The next whitespace run (space_sensitive) or token of s into t; 0 at the
 * end. */
static int kattis_next(struct scan *s, struct tok *t, int spaces)
{
	size_t start = s->i;

	if (!spaces)
		return scan_next(s, t);
	t->line = s->line;
	t->col = s->tok + 1;
	if (s->i >= s->n) {
		t->p = s->p + s->n;
		t->len = 0;
		return 0;
	}
	if (is_space((unsigned char)s->p[s->i])) {
		while (s->i < s->n && is_space((unsigned char)s->p[s->i])) {
			if (s->p[s->i] == '\n') {
				s->line++;
				s->tok = 0;
			}
			s->i++;
		}
	} else {
		while (s->i < s->n && !is_space((unsigned char)s->p[s->i]))
			s->i++;
		s->tok++;
	}
	t->p = s->p + start;
	t->len = s->i - start;
	return 1;
}

static int kattis_same(const struct check_params *pa, const struct tok *e,
		       const struct tok *g, char *why, size_t whylen)
{
	double a, b, diff;

	why[0] = 0;
	if ((pa->k_abs_tol >= 0 || pa->k_rel_tol >= 0) && parse_number(e->p, e->len, &a) &&
	    !is_space((unsigned char)e->p[0])) {
		if (!parse_number(g->p, g->len, &b)) {
			snprintf(why, whylen, " (expected a number)");
			return 0;
		}
		diff = fabs(a - b);
		if ((pa->k_abs_tol >= 0 && diff <= pa->k_abs_tol) ||
		    (pa->k_rel_tol >= 0 && diff <= pa->k_rel_tol * fabs(a)))
			return 1;
		snprintf(why, whylen, " (difference %.3g)", diff);
		return 0;
	}
	if (e->len != g->len)
		return 0;
	return pa->case_sensitive ? !memcmp(e->p, g->p, e->len) :
		!strncasecmp(e->p, g->p, e->len) && !memchr(e->p, 0, e->len) &&
		!memchr(g->p, 0, g->len);
}

static int kattis_next_tok(const struct check_params *pa, struct scan *s, struct tok *t)
{
	return kattis_next(s, t, pa->space_sensitive);
}

static const struct tok_rules kattis_rules = { kattis_next_tok, kattis_same };

/* ---- entry points ------------------------------------------------------- */

enum verdict check_output(const struct check_params *params,
			  const char *out, size_t outlen,
			  const char *ans, size_t anslen,
			  struct check_result *r)
{
	struct buf msg;

	if (!out)
		out = "";
	if (!ans)
		ans = "";
	if (params->kattis)
		return compare_tokens(params, out, outlen, ans, anslen, &kattis_rules, r);
	switch (params->kind) {
	case DB_CHECKER_EXACT:
		return check_exact(params, out, outlen, ans, anslen, r);
	case DB_CHECKER_TOKENS:
	case DB_CHECKER_FLOAT:
		return compare_tokens(params, out, outlen, ans, anslen, &ours_rules, r);
	case DB_CHECKER_UNORDERED_LINES:
		return check_unordered(out, outlen, ans, anslen, r);
	case DB_CHECKER_REGEX:
		return check_regex(out, outlen, ans, anslen, r);
	default:
		buf_init(&msg, CHECK_MSG_MAX - 1);
		buf_addf(&msg, "checker kind %d is not a built-in checker", (int)params->kind);
		return finish(r, V_IE, &msg);
	}
}

enum verdict check_custom_verdict(int exit_code, const char *how,
				  const char *msg, size_t msglen,
				  struct check_result *r)
{
	struct buf b;
	const char *nl = msg ? memchr(msg, '\n', msglen) : NULL;
	size_t first = !msg ? 0 : nl ? (size_t)(nl - msg) : msglen;
	enum verdict v;

	buf_init(&b, CHECK_MSG_MAX - 1);
	if (exit_code >= 0 && exit_code <= 2) {
		v = exit_code == 0 ? V_AC : exit_code == 1 ? V_WA : V_PE;
		if (first)
			text_escape(&b, msg, first, 200, TEXT_QUOTE);
		else if (v != V_AC)
			buf_addstr(&b, v == V_WA ? "the checker rejected the output"
				   : "the checker rejected the output's layout");
		return finish(r, v, &b);
	}
	if (exit_code > 2)
		buf_addf(&b, "checker failed with exit code %d", exit_code);
	else
		buf_addf(&b, "checker failed: %s", how && *how ? how : "it did not exit");
	if (first) {
		buf_addstr(&b, ": ");
		text_escape(&b, msg, first, 200, TEXT_QUOTE);
	}
	return finish(r, V_IE, &b);
}

/* testlib's exit codes (its defaults: no EJUDGE, CONTESTER or TESTSYS). */
enum {
	TL_OK = 0, TL_WA = 1, TL_PE = 2, TL_FAIL = 3, TL_DIRT = 4, TL_POINTS = 7,
	TL_UNEXPECTED_EOF = 8,
};

/* The first line of msg, after what is in b already: as the program wrote
 * it (testlib's "expected: '6', found: '5'" keeps its quotes), control
 * characters and invalid UTF-8 escaped. */
static void add_first_line(struct buf *b, const char *msg, size_t msglen)
{
	const char *nl = msg ? memchr(msg, '\n', msglen) : NULL;
	size_t first = !msg ? 0 : nl ? (size_t)(nl - msg) : msglen;

	if (first)
		text_escape(b, msg, first, 200, 0);
}

/* 1 when a testlib program's stderr says quitf(_pc(n)): "partially correct
 * (n) ...". Its exit code cannot: testlib exits PC_BASE_EXIT_CODE + n, and
 * that base is 0 (50 under TESTSYS), so _pc(1) exits 1 like a WA. */
static int testlib_partial(const char *msg, size_t msglen)
{
	static const char pc[] = "partially correct (";

	return msg && msglen >= sizeof(pc) - 1 && !memcmp(msg, pc, sizeof(pc) - 1);
}

static enum verdict testlib_verdict(const char *who, int code, const char *how,
				    const char *msg, size_t msglen, struct check_result *r)
{
	struct buf b;
	enum verdict v;

	buf_init(&b, CHECK_MSG_MAX - 1);
	if (code >= 0 && testlib_partial(msg, msglen)) {
		add_first_line(&b, msg, msglen);
		return finish(r, V_WA, &b);
	}
	switch (code) {
	case TL_OK: case TL_WA: case TL_PE: case TL_DIRT: case TL_UNEXPECTED_EOF:
		v = code == TL_OK ? V_AC : code == TL_WA || code == TL_UNEXPECTED_EOF ? V_WA : V_PE;
		add_first_line(&b, msg, msglen);
		if (!b.len && v != V_AC)
			buf_addf(&b, "the %s rejected the output%s", who,
				 v == V_PE ? "'s layout" : "");
		return finish(r, v, &b);
	case TL_POINTS:
		/* "points SCORE message": not every test passed in full */
		buf_addstr(&b, "partially correct: ");
		add_first_line(&b, msg, msglen);
		return finish(r, V_WA, &b);
	default:
		break;
	}
	if (code == TL_FAIL)
		buf_addf(&b, "%s failed (testlib FAIL, exit code 3)", who);
	else if (code >= 0)
		buf_addf(&b, "%s failed with exit code %d", who, code);
	else
		buf_addf(&b, "%s failed: %s", who, how && *how ? how : "it did not exit");
	if (msg && msglen) {
		buf_addstr(&b, ": ");
		add_first_line(&b, msg, msglen);
	}
	return finish(r, V_IE, &b);
}

/* A Kattis validator's judge message, after what is in b: its first line,
 * and when it has more its last non-empty one too ("first ... last"):
 * validators log as they go (problemtools' validate.h appends every
 * judge_message) and wrong_answer() writes the reason last, while others
 * write the reason first and details after. Control bytes escaped, quotes
 * kept as written (the message is prose, "I'm thinking of 7", not a quoted
 * value). */
static void add_message_prose(struct buf *b, const char *msg, size_t msglen)
{
	const char *nl = msg ? memchr(msg, '\n', msglen) : NULL;
	size_t first = !msg ? 0 : nl ? (size_t)(nl - msg) : msglen, end = msglen, start;

	if (!msg)
		return;
	while (end > 0 && (msg[end - 1] == '\n' || msg[end - 1] == '\r'))
		end--;
	for (start = end; start > 0 && msg[start - 1] != '\n'; start--)
		;
	if (first)
		text_escape(b, msg, first, 200, 0);
	if (nl && end > start && start > first) {
		buf_addstr(b, first ? " ... " : "");
		text_escape(b, msg + start, end - start, 200, 0);
	}
}

static enum verdict kattis_verdict(const char *who, int code, const char *how,
				   const char *msg, size_t msglen, struct check_result *r)
{
	struct buf b;
	enum verdict v;

	buf_init(&b, CHECK_MSG_MAX - 1);
	if (code == 42 || code == 43) {
		v = code == 42 ? V_AC : V_WA;
		add_message_prose(&b, msg, msglen);
		if (!b.len && v == V_WA)
			buf_addf(&b, "the %s rejected the output", who);
		return finish(r, v, &b);
	}
	if (code >= 0)
		buf_addf(&b, "%s failed with exit code %d (42 accepts, 43 rejects)", who, code);
	else
		buf_addf(&b, "%s failed: %s", who, how && *how ? how : "it did not exit");
	if (msg && msglen) {
		buf_addstr(&b, ": ");
		add_message_prose(&b, msg, msglen);
	}
	return finish(r, V_IE, &b);
}

enum verdict check_program_verdict(enum db_contract c, const char *who, int exit_code,
				   const char *how, const char *msg, size_t msglen,
				   struct check_result *r)
{
	if (c == DB_CONTRACT_TESTLIB)
		return testlib_verdict(who, exit_code, how, msg, msglen, r);
	if (c == DB_CONTRACT_KATTIS)
		return kattis_verdict(who, exit_code, how, msg, msglen, r);
	return check_custom_verdict(exit_code, how, msg, msglen, r);
}
