/* toml.c: a TOML 1.0.0 reader (see toml.h). One recursive-descent pass builds
 * the tree; per-table flags enforce the rules on what may be defined twice,
 * and the first error stops everything with "LINE:COL: message". */
#include "toml.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "util.h"

/* How each table came to be, which decides what may still be done to it. */
enum {
	F_HEADER = 1,   /* defined by a [header] or [[header]]: no second header */
	F_IMPLICIT = 2, /* made on the way to a header: a later header may define it */
	F_DOTTED = 4,   /* made by a dotted key: more dotted keys may extend it */
	F_CLOSED = 8,   /* an inline table or a static array: nothing may extend it */
	F_AOT = 16,     /* an array of tables made by [[header]] */
};

/* Deep enough for any real document, shallow enough for the C stack. */
#define MAX_DEPTH 256

struct parser {
	const char *s;
	size_t len, pos;
	struct toml_value *root, *cur;
	int depth;
	/* where(): wh_off is on line wh_line (starting at wh_bol), column wh_col */
	size_t wh_off, wh_bol;
	int wh_line, wh_col;
};

/* One part of a dotted key. */
struct key_part {
	char *s;
	size_t len;
	size_t at;         /* byte offset, and the same as line:col */
	int line, col;
};

struct key_path {
	struct key_part *parts;
	size_t n, alloc;
};

static int is_lead_byte(char c)
{
	return ((unsigned char)c & 0xC0) != 0x80;
}

/* Line and column (1-based, column in characters) of byte offset at. The
 * cache makes the usual small steps (forward, or back to a key on the same
 * line) cost only the distance moved, so big documents stay linear. */
static void where(struct parser *p, size_t at, int *line, int *col)
{
	size_t i;

	if (at > p->len)
		at = p->len;
	if (at < p->wh_bol) {
		for (i = p->wh_bol; i > at; i--)
			if (p->s[i - 1] == '\n')
				p->wh_line--;
		p->wh_bol = at;
		while (p->wh_bol > 0 && p->s[p->wh_bol - 1] != '\n')
			p->wh_bol--;
		p->wh_off = p->wh_bol;
		p->wh_col = 1;
	} else if (at < p->wh_off) {
		for (i = at; i < p->wh_off; i++)
			if (is_lead_byte(p->s[i]))
				p->wh_col--;
		p->wh_off = at;
	}
	for (i = p->wh_off; i < at; i++) {
		if (p->s[i] == '\n') {
			p->wh_line++;
			p->wh_bol = i + 1;
			p->wh_col = 1;
		} else if (is_lead_byte(p->s[i])) {
			p->wh_col++;
		}
	}
	p->wh_off = at;
	*line = p->wh_line;
	*col = p->wh_col;
}

__attribute__((format(printf, 3, 4)))
static int perr(struct parser *p, size_t at, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	where(p, at, &line, &col);
	return err_set("%d:%d: %s", line, col, msg);
}

static int peek(const struct parser *p)
{
	return p->pos < p->len ? (unsigned char)p->s[p->pos] : -1;
}

static int peek_at(const struct parser *p, size_t off)
{
	return p->pos + off < p->len ? (unsigned char)p->s[p->pos + off] : -1;
}

static int is_newline(const struct parser *p)
{
	return peek(p) == '\n' || (peek(p) == '\r' && peek_at(p, 1) == '\n');
}

static void skip_newline(struct parser *p)
{
	p->pos += peek(p) == '\r' ? 2 : 1;
}

static int is_control(int c)
{
	return (c < 0x20 && c != '\t') || c == 0x7F;
}

/* What is at p->pos, for "expected X, found Y". */
static void describe(const struct parser *p, char *out, size_t n)
{
	int c = peek(p);
	size_t k = 1;

	if (c < 0) {
		snprintf(out, n, "end of input");
	} else if (c == '\n' || c == '\r') {
		snprintf(out, n, "end of line");
	} else if (c > 0x20 && c < 0x7F) {
		snprintf(out, n, "'%c'", c);
	} else if (c >= 0xC2) {
		/* a whole UTF-8 character: check_encoding vouched for it */
		while (k < 4 && p->pos + k < p->len && ((unsigned char)p->s[p->pos + k] & 0xC0) == 0x80)
			k++;
		snprintf(out, n, "'%.*s'", (int)k, p->s + p->pos);
	} else {
		snprintf(out, n, "%s U+%04X", c == ' ' ? "space" : "control character", (unsigned)c);
	}
}

static int unexpected(struct parser *p, const char *wanted)
{
	char got[32];

	describe(p, got, sizeof(got));
	return perr(p, p->pos, "expected %s, found %s", wanted, got);
}

static void skip_ws(struct parser *p)
{
	while (peek(p) == ' ' || peek(p) == '\t')
		p->pos++;
}

/* A comment runs to the end of the line; control characters are banned. */
static int skip_comment(struct parser *p)
{
	if (peek(p) != '#')
		return 0;
	while (p->pos < p->len && !is_newline(p)) {
		int c = peek(p);

		if (is_control(c))
			return perr(p, p->pos, "control character U+%04X in comment", (unsigned)c);
		p->pos++;
	}
	return 0;
}

/* Whitespace, comments and newlines (between array elements). */
static int skip_ws_nl(struct parser *p)
{
	for (;;) {
		skip_ws(p);
		if (skip_comment(p) < 0)
			return -1;
		if (!is_newline(p))
			return 0;
		skip_newline(p);
	}
}

/* After a key/value pair or a header: whitespace, a comment, then a newline
 * or the end of input. */
static int end_of_line(struct parser *p)
{
	skip_ws(p);
	if (skip_comment(p) < 0)
		return -1;
	if (p->pos >= p->len)
		return 0;
	if (!is_newline(p))
		return unexpected(p, "end of line");
	skip_newline(p);
	return 0;
}

/* Reject invalid UTF-8 (overlong forms, surrogates, past U+10FFFF) and a
 * carriage return that does not start CRLF, anywhere in the document. */
static int check_encoding(struct parser *p)
{
	const unsigned char *s = (const unsigned char *)p->s;
	size_t i = 0, n = p->len;

	while (i < n) {
		unsigned c = s[i];
		size_t k, more;
		unsigned long cp;

		if (c < 0x80) {
			if (c == '\r' && (i + 1 >= n || s[i + 1] != '\n'))
				return perr(p, i, "carriage return not followed by a newline");
			i++;
			continue;
		}
		if (c >= 0xC2 && c <= 0xDF) {
			more = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			more = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			more = 3;
			cp = c & 0x07;
		} else {
			return perr(p, i, "invalid UTF-8");
		}
		for (k = 1; k <= more; k++) {
			if (i + k >= n || (s[i + k] & 0xC0) != 0x80)
				return perr(p, i, "invalid UTF-8");
			cp = cp << 6 | (s[i + k] & 0x3F);
		}
		if ((more == 2 && cp < 0x800) || (more == 3 && cp < 0x10000) ||
		    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
			return perr(p, i, "invalid UTF-8");
		i += more + 1;
	}
	return 0;
}

/* ---- values and tables ---- */

static struct toml_value *new_value(struct parser *p, enum toml_type type, size_t at)
{
	struct toml_value *v = xcalloc(1, sizeof(*v));

	v->type = type;
	where(p, at, &v->line, &v->col);
	return v;
}

void toml_free(struct toml_value *v)
{
	size_t i;

	if (!v)
		return;
	switch (v->type) {
	case TOML_TABLE:
		for (i = 0; i < v->u.table.n; i++) {
			free(v->u.table.items[i].key);
			toml_free(v->u.table.items[i].value);
		}
		free(v->u.table.items);
		break;
	case TOML_ARRAY:
		for (i = 0; i < v->u.array.n; i++)
			toml_free(v->u.array.items[i]);
		free(v->u.array.items);
		break;
	case TOML_STRING:
		free(v->u.string.s);
		break;
	default:
		break;
	}
	free(v);
}

static struct toml_value *table_find(const struct toml_value *t, const char *key, size_t len)
{
	size_t i;

	for (i = 0; i < t->u.table.n; i++) {
		const struct toml_kv *kv = &t->u.table.items[i];

		if (kv->keylen == len && memcmp(kv->key, key, len) == 0)
			return kv->value;
	}
	return NULL;
}

/* Add key (copied) -> v (taken) to table t; the caller checked it is new. */
static void table_add(struct toml_value *t,
		      const struct key_part *k, struct toml_value *v)
{
	struct toml_kv *kv;

	if (t->u.table.n == t->u.table.alloc) {
		t->u.table.alloc = t->u.table.alloc ? 2 * t->u.table.alloc : 8;
		t->u.table.items = xrealloc(t->u.table.items,
					    t->u.table.alloc * sizeof(*kv));
	}
	kv = &t->u.table.items[t->u.table.n++];
	kv->key = xmalloc(k->len + 1);
	memcpy(kv->key, k->s, k->len);
	kv->key[k->len] = 0;
	kv->keylen = k->len;
	kv->value = v;
	kv->line = k->line;
	kv->col = k->col;
}

static void array_add(struct toml_value *a, struct toml_value *v)
{
	if (a->u.array.n == a->u.array.alloc) {
		a->u.array.alloc = a->u.array.alloc ? 2 * a->u.array.alloc : 8;
		a->u.array.items = xrealloc(a->u.array.items,
					    a->u.array.alloc * sizeof(*a->u.array.items));
	}
	a->u.array.items[a->u.array.n++] = v;
}

/* "an inline table", "an array of tables", "an integer"... for messages. */
static const char *what(const struct toml_value *v)
{
	switch (v->type) {
	case TOML_TABLE: return v->flags & F_CLOSED ? "an inline table" : "a table";
	case TOML_ARRAY: return v->flags & F_AOT ? "an array of tables" : "an array";
	case TOML_STRING: return "a string";
	case TOML_INTEGER: return "an integer";
	case TOML_FLOAT: return "a float";
	case TOML_BOOL: return "a boolean";
	case TOML_DATETIME: return "a date-time";
	case TOML_DATETIME_LOCAL: return "a local date-time";
	case TOML_DATE_LOCAL: return "a local date";
	case TOML_TIME_LOCAL: return "a local time";
	}
	return "a value";
}

const struct toml_value *toml_get(const struct toml_value *t, const char *key)
{
	if (!t || t->type != TOML_TABLE || !key)
		return NULL;
	return table_find(t, key, strlen(key));
}

const char *toml_type_name(enum toml_type type)
{
	switch (type) {
	case TOML_TABLE: return "table";
	case TOML_ARRAY: return "array";
	case TOML_STRING: return "string";
	case TOML_INTEGER: return "integer";
	case TOML_FLOAT: return "float";
	case TOML_BOOL: return "boolean";
	case TOML_DATETIME: return "datetime";
	case TOML_DATETIME_LOCAL: return "datetime-local";
	case TOML_DATE_LOCAL: return "date-local";
	case TOML_TIME_LOCAL: return "time-local";
	}
	return "unknown";
}

/* ---- strings ---- */

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void add_utf8(struct buf *b, unsigned long cp)
{
	char u[4];
	size_t n;

	if (cp < 0x80) {
		u[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(b, u, n);
}

/* \uXXXX or \UXXXXXXXX: p->pos is on the u or U. */
static int unicode_escape(struct parser *p, struct buf *b)
{
	size_t at = p->pos - 1, i, n = peek(p) == 'u' ? 4 : 8;
	unsigned long cp = 0;

	p->pos++;
	for (i = 0; i < n; i++) {
		int h = hexval(peek(p));

		if (h < 0)
			return perr(p, at, "escape \\%c needs %zu hex digits", n == 4 ? 'u' : 'U', n);
		cp = cp << 4 | (unsigned long)h;
		p->pos++;
	}
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return perr(p, at, "escape %.*s is not a Unicode scalar value",
			    (int)(n + 2), p->s + at);
	add_utf8(b, cp);
	return 0;
}

/* A backslash escape in a basic string; p->pos is on the backslash. */
static int escape(struct parser *p, struct buf *b, int multiline)
{
	size_t at = p->pos;
	int c = peek_at(p, 1);
	const char *plain = "b\bt\tn\nf\fr\r\"\"\\\\";
	const char *e;

	if (c > 0 && (e = strchr(plain, c)) && (e - plain) % 2 == 0) {
		buf_addch(b, e[1]);
		p->pos += 2;
		return 0;
	}
	if (c == 'u' || c == 'U') {
		p->pos++;
		return unicode_escape(p, b);
	}
	if (multiline && (c == ' ' || c == '\t' || c == '\n' || c == '\r')) {
		/* line-ending backslash: drop it and all whitespace after it */
		p->pos++;
		skip_ws(p);
		if (!is_newline(p))
			return perr(p, at, "a line-ending backslash must be last on its line");
		while (is_newline(p) || peek(p) == ' ' || peek(p) == '\t') {
			if (is_newline(p))
				skip_newline(p);
			else
				p->pos++;
		}
		return 0;
	}
	if (c < 0)
		return perr(p, at, "unterminated string");
	if (c > 0x20 && c < 0x7F)
		return perr(p, at, "invalid escape sequence '\\%c'", c);
	return perr(p, at, "invalid escape sequence");
}

/* A string of any of the four kinds; p->pos is on the opening quote. The
 * text goes to b. Keys pass allow_multi = 0. */
static int parse_string(struct parser *p, struct buf *b, int allow_multi)
{
	size_t start = p->pos;
	int q = peek(p), basic = q == '"';
	int multi = peek_at(p, 1) == q && peek_at(p, 2) == q;

	if (multi && !allow_multi)
		return perr(p, start, "a key cannot be a multi-line string");
	if (multi) {
		p->pos += 3;
		if (is_newline(p))
			skip_newline(p);
	} else {
		p->pos++;
	}
	buf_add(b, "", 0);
	for (;;) {
		int c = peek(p);

		if (c < 0)
			return perr(p, start, "unterminated string");
		if (c == q) {
			size_t n = 0;

			if (!multi) {
				p->pos++;
				return 0;
			}
			while (peek_at(p, n) == q)
				n++;
			if (n >= 3) {
				if (n > 5)
					return perr(p, p->pos + 5, "too many quotes at the end of a multi-line string");
				buf_add(b, p->s + p->pos, n - 3);
				p->pos += n;
				return 0;
			}
			buf_add(b, p->s + p->pos, n);
			p->pos += n;
		} else if (c == '\\' && basic) {
			if (escape(p, b, multi) < 0)
				return -1;
		} else if (is_newline(p)) {
			if (!multi)
				return perr(p, p->pos, "newline in a single-line string");
			skip_newline(p);
			buf_addch(b, '\n');
		} else if (is_control(c)) {
			return perr(p, p->pos, "control character U+%04X in string", (unsigned)c);
		} else {
			buf_addch(b, c);
			p->pos++;
		}
	}
}

/* ---- keys ---- */

static int is_bare(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static void key_path_release(struct key_path *k)
{
	size_t i;

	for (i = 0; i < k->n; i++)
		free(k->parts[i].s);
	free(k->parts);
	k->parts = NULL;
	k->n = k->alloc = 0;
}

/* A dotted key: parts separated by '.', spaces allowed around the dots. */
static int parse_key(struct parser *p, struct key_path *k)
{
	for (;;) {
		struct buf b = BUF_INIT;
		struct key_part part;
		int c = peek(p);

		part.at = p->pos;
		where(p, part.at, &part.line, &part.col);
		if (c == '"' || c == '\'') {
			if (parse_string(p, &b, 0) < 0) {
				buf_release(&b);
				return -1;
			}
		} else if (is_bare(c)) {
			while (is_bare(peek(p)))
				buf_addch(&b, p->s[p->pos++]);
		} else {
			return unexpected(p, "a key");
		}
		part.s = buf_detach(&b, &part.len);
		if (k->n == k->alloc) {
			k->alloc = k->alloc ? 2 * k->alloc : 4;
			k->parts = xrealloc(k->parts, k->alloc * sizeof(*k->parts));
		}
		k->parts[k->n++] = part;
		skip_ws(p);
		if (peek(p) != '.')
			return 0;
		p->pos++;
		skip_ws(p);
	}
}

/* The key path up to part n, for messages: "a.b.c". */
static const char *key_name(const struct key_path *k, size_t n, char *out, size_t size)
{
	struct buf b = BUF_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (i)
			buf_addch(&b, '.');
		buf_add(&b, k->parts[i].s, k->parts[i].len);
	}
	snprintf(out, size, "%s", buf_str(&b));
	buf_release(&b);
	return out;
}

/* ---- numbers and dates ---- */

static int is_digit_base(int c, int base)
{
	if (base == 16)
		return hexval(c) >= 0;
	return c >= '0' && c < '0' + base;
}

/* Digits with single underscores between them, from t[*i]; returns how many
 * digits, leaving *i after the last one. */
static int scan_digits(const char *t, size_t n, size_t *i, int base)
{
	size_t k = *i;
	int nd = 0;

	while (k < n) {
		if (is_digit_base(t[k], base)) {
			nd++;
			k++;
		} else if (t[k] == '_' && nd && k + 1 < n && is_digit_base(t[k + 1], base)) {
			k++;
		} else {
			break;
		}
	}
	*i = k;
	return nd;
}

/* t without underscores, NUL-terminated, in b. */
static const char *strip_underscores(struct buf *b, const char *t, size_t n)
{
	size_t i;

	buf_reset(b);
	buf_add(b, "", 0);
	for (i = 0; i < n; i++)
		if (t[i] != '_')
			buf_addch(b, t[i]);
	return buf_str(b);
}

/* 0x, 0o, 0b: no sign, at most INT64_MAX. */
static int parse_based(struct parser *p, const char *t, size_t n, size_t at,
		       struct toml_value *v)
{
	int base = t[1] == 'x' ? 16 : t[1] == 'o' ? 8 : 2;
	uint64_t val = 0;
	size_t i = 2;

	if (scan_digits(t, n, &i, base) == 0 || i != n)
		return perr(p, at, "invalid integer '%.*s'", (int)n, t);
	for (i = 2; i < n; i++) {
		uint64_t d = (uint64_t)hexval(t[i]);

		if (t[i] == '_')
			continue;
		if (val > ((uint64_t)INT64_MAX - d) / (uint64_t)base)
			return perr(p, at, "integer '%.*s' does not fit in 64 bits", (int)n, t);
		val = val * (uint64_t)base + d;
	}
	v->type = TOML_INTEGER;
	v->u.integer = (int64_t)val;
	return 0;
}

/* Is t a decimal integer or float? Sets *is_float and *lead0 (a leading
 * zero in the integer part). */
static int decimal_syntax(const char *t, size_t n, int *is_float, int *lead0)
{
	size_t i = 0, int_start;
	int nd;

	*is_float = *lead0 = 0;
	if (n > 0 && (t[0] == '+' || t[0] == '-'))
		i = 1;
	int_start = i;
	nd = scan_digits(t, n, &i, 10);
	if (nd == 0)
		return 0;
	*lead0 = t[int_start] == '0' && nd > 1;
	if (i < n && t[i] == '.') {
		i++;
		*is_float = 1;
		if (scan_digits(t, n, &i, 10) == 0)
			return 0;
	}
	if (i < n && (t[i] == 'e' || t[i] == 'E')) {
		i++;
		*is_float = 1;
		if (i < n && (t[i] == '+' || t[i] == '-'))
			i++;
		if (scan_digits(t, n, &i, 10) == 0)
			return 0;
	}
	return i == n;
}

static int parse_number(struct parser *p, const char *t, size_t n, size_t at,
			struct toml_value *v)
{
	struct buf b = BUF_INIT;
	size_t i = n > 0 && (t[0] == '+' || t[0] == '-');
	int rc = 0, is_float, lead0;
	const char *num;

	if (n - i == 3 && (memcmp(t + i, "inf", 3) == 0 || memcmp(t + i, "nan", 3) == 0)) {
		v->type = TOML_FLOAT;
		v->u.fp = t[i] == 'i' ? INFINITY : NAN;
		if (t[0] == '-')
			v->u.fp = -v->u.fp;
		return 0;
	}
	if (n > 2 && t[0] == '0' && (t[1] == 'x' || t[1] == 'o' || t[1] == 'b'))
		return parse_based(p, t, n, at, v);
	if (!decimal_syntax(t, n, &is_float, &lead0)) {
		if ((t[0] >= 'a' && t[0] <= 'z') || (t[0] >= 'A' && t[0] <= 'Z'))
			return perr(p, at, "invalid value '%.*s' (strings need quotes)", (int)n, t);
		return perr(p, at, "invalid number '%.*s'", (int)n, t);
	}
	if (lead0)
		return perr(p, at, "leading zeros are not allowed in '%.*s'", (int)n, t);
	num = strip_underscores(&b, t, n);
	errno = 0;
	if (is_float) {
		v->type = TOML_FLOAT;
		v->u.fp = strtod(num, NULL);
		if (errno == ERANGE && isinf(v->u.fp))
			rc = perr(p, at, "float '%.*s' is out of range", (int)n, t);
	} else {
		v->type = TOML_INTEGER;
		v->u.integer = strtoll(num, NULL, 10);
		if (errno == ERANGE)
			rc = perr(p, at, "integer '%.*s' does not fit in 64 bits", (int)n, t);
	}
	buf_release(&b);
	return rc;
}

/* n decimal digits at t, or -1. */
static int fixed_digits(const char *t, size_t len, size_t i, int n)
{
	int v = 0, k;

	for (k = 0; k < n; k++) {
		if (i + (size_t)k >= len || t[i + k] < '0' || t[i + k] > '9')
			return -1;
		v = v * 10 + (t[i + k] - '0');
	}
	return v;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* HH:MM:SS[.frac] at t[*i]. Returns 0 or -1 (with what is wrong in *why). */
static int parse_time(const char *t, size_t n, size_t *i, struct toml_datetime *dt,
		      const char **why)
{
	size_t k = *i;

	dt->hour = fixed_digits(t, n, k, 2);
	if (dt->hour < 0 || k + 2 >= n || t[k + 2] != ':')
		return -1;
	dt->minute = fixed_digits(t, n, k + 3, 2);
	if (dt->minute < 0 || k + 5 >= n || t[k + 5] != ':')
		return -1;
	dt->second = fixed_digits(t, n, k + 6, 2);
	if (dt->second < 0)
		return -1;
	k += 8;
	if (k < n && t[k] == '.') {
		int scale = 100000000;

		k++;
		if (k >= n || t[k] < '0' || t[k] > '9')
			return -1;
		while (k < n && t[k] >= '0' && t[k] <= '9') {
			dt->nanosecond += (t[k] - '0') * scale;
			scale /= 10;
			dt->frac_digits++;
			k++;
		}
	}
	if (dt->hour > 23)
		*why = "hour must be 00 to 23";
	else if (dt->minute > 59)
		*why = "minute must be 00 to 59";
	else if (dt->second > 60)
		*why = "second must be 00 to 60";
	*i = k;
	return 0;
}

/* The date-time grammar; range problems go to *why. Returns 0 or -1. */
static int datetime_syntax(const char *t, size_t n, struct toml_value *v, const char **why)
{
	struct toml_datetime *dt = &v->u.dt;
	size_t i = 0;

	memset(dt, 0, sizeof(*dt));
	v->type = TOML_TIME_LOCAL;
	if (n >= 5 && t[4] == '-') {
		dt->year = fixed_digits(t, n, 0, 4);
		dt->month = fixed_digits(t, n, 5, 2);
		dt->day = fixed_digits(t, n, 8, 2);
		if (dt->year < 0 || dt->month < 0 || n < 10 || t[7] != '-' || dt->day < 0)
			return -1;
		if (dt->month < 1 || dt->month > 12)
			*why = "month must be 01 to 12";
		else if (dt->day < 1 || dt->day > days_in_month(dt->year, dt->month))
			*why = "no such day in that month";
		v->type = TOML_DATE_LOCAL;
		if (n == 10)
			return 0;
		if (t[10] != 'T' && t[10] != 't' && t[10] != ' ')
			return -1;
		i = 11;
		v->type = TOML_DATETIME_LOCAL;
	}
	if (parse_time(t, n, &i, dt, why) < 0)
		return -1;
	if (v->type == TOML_DATETIME_LOCAL && i < n) {
		v->type = TOML_DATETIME;
		if (t[i] == 'Z' || t[i] == 'z') {
			dt->offset_z = 1;
			i++;
		} else if (t[i] == '+' || t[i] == '-') {
			int oh = fixed_digits(t, n, i + 1, 2), om = fixed_digits(t, n, i + 4, 2);

			if (oh < 0 || om < 0 || t[i + 3] != ':')
				return -1;
			if (oh > 23 || om > 59)
				*why = "offset out of range";
			dt->offset_minutes = (oh * 60 + om) * (t[i] == '-' ? -1 : 1);
			i += 6;
		} else {
			return -1;
		}
	}
	return i == n ? 0 : -1;
}

/* A date, time or date-time token. */
static int parse_datetime(struct parser *p, const char *t, size_t n, size_t at,
			  struct toml_value *v)
{
	const char *why = NULL;

	if (datetime_syntax(t, n, v, &why) < 0)
		return perr(p, at, "invalid date-time '%.*s'", (int)n, t);
	if (why)
		return perr(p, at, "invalid date-time '%.*s': %s", (int)n, t, why);
	return 0;
}

static int is_token_char(int c)
{
	return is_bare(c) || c == '+' || c == '.' || c == ':';
}

/* A number, date, time, boolean, inf or nan: one token. */
static int parse_scalar(struct parser *p, struct toml_value *v)
{
	const char *t = p->s + p->pos;
	size_t at = p->pos, n;

	while (is_token_char(peek(p)))
		p->pos++;
	n = p->pos - at;
	/* "1979-05-27 07:32:00": a space may separate the date and the time */
	if (n == 10 && t[4] == '-' && t[7] == '-' && peek(p) == ' ' &&
	    peek_at(p, 1) >= '0' && peek_at(p, 1) <= '9') {
		p->pos++;
		while (is_token_char(peek(p)))
			p->pos++;
		n = p->pos - at;
	}
	if (n == 0) {
		p->pos = at;
		return unexpected(p, "a value");
	}
	if ((n == 4 && memcmp(t, "true", 4) == 0) || (n == 5 && memcmp(t, "false", 5) == 0)) {
		v->type = TOML_BOOL;
		v->u.boolean = n == 4;
		return 0;
	}
	if (n >= 5 && fixed_digits(t, n, 0, 4) >= 0 && t[4] == '-')
		return parse_datetime(p, t, n, at, v);
	if (n >= 3 && fixed_digits(t, n, 0, 2) >= 0 && t[2] == ':')
		return parse_datetime(p, t, n, at, v);
	return parse_number(p, t, n, at, v);
}

/* ---- structure ---- */

static int parse_value(struct parser *p, struct toml_value **out);
static int parse_keyval(struct parser *p, struct toml_value *table);

static int parse_array(struct parser *p, struct toml_value *a)
{
	p->pos++;
	for (;;) {
		struct toml_value *v;

		if (skip_ws_nl(p) < 0)
			return -1;
		if (peek(p) == ']')
			break;
		if (parse_value(p, &v) < 0)
			return -1;
		array_add(a, v);
		if (skip_ws_nl(p) < 0)
			return -1;
		if (peek(p) == ',') {
			p->pos++;
			continue;
		}
		if (peek(p) != ']')
			return unexpected(p, "',' or ']' in array");
		break;
	}
	p->pos++;
	return 0;
}

static int parse_inline_table(struct parser *p, struct toml_value *t)
{
	p->pos++;
	skip_ws(p);
	if (peek(p) != '}') {
		for (;;) {
			if (parse_keyval(p, t) < 0)
				return -1;
			skip_ws(p);
			if (peek(p) == '}')
				break;
			if (peek(p) != ',')
				return unexpected(p, "',' or '}' in inline table");
			p->pos++;
			skip_ws(p);
			if (peek(p) == '}')
				return perr(p, p->pos - 1, "trailing comma in an inline table (TOML 1.0 does not allow it)");
		}
	}
	p->pos++;
	return 0;
}

/* Any value; on success *out is a new tree the caller owns. */
static int parse_value(struct parser *p, struct toml_value **out)
{
	struct toml_value *v;
	int c = peek(p), rc;

	*out = NULL;
	if (p->depth >= MAX_DEPTH)
		return perr(p, p->pos, "values nested more than %d deep", MAX_DEPTH);
	p->depth++;
	if (c == '"' || c == '\'') {
		struct buf b = BUF_INIT;

		v = new_value(p, TOML_STRING, p->pos);
		rc = parse_string(p, &b, 1);
		v->u.string.s = buf_detach(&b, &v->u.string.len);
	} else if (c == '[') {
		v = new_value(p, TOML_ARRAY, p->pos);
		v->flags = F_CLOSED;
		rc = parse_array(p, v);
	} else if (c == '{') {
		v = new_value(p, TOML_TABLE, p->pos);
		rc = parse_inline_table(p, v);
		v->flags = F_CLOSED;
	} else {
		v = new_value(p, TOML_BOOL, p->pos);
		rc = parse_scalar(p, v);
	}
	p->depth--;
	if (rc < 0) {
		toml_free(v);
		return -1;
	}
	*out = v;
	return 0;
}

/* key = value, into table (the current section or an inline table). */
static int parse_keyval(struct parser *p, struct toml_value *table)
{
	struct key_path k = { NULL, 0, 0 };
	struct toml_value *t = table, *v;
	char name[256];
	size_t i;
	int rc = -1;

	if (parse_key(p, &k) < 0)
		goto out;
	if (peek(p) != '=') {
		unexpected(p, "'=' after a key");
		goto out;
	}
	p->pos++;
	skip_ws(p);
	for (i = 0; i + 1 < k.n; i++) {
		struct toml_value *e = table_find(t, k.parts[i].s, k.parts[i].len);

		if (!e) {
			e = new_value(p, TOML_TABLE, k.parts[i].at);
			e->flags = F_DOTTED;
			table_add(t, &k.parts[i], e);
		} else if (e->type == TOML_TABLE && e->flags == F_IMPLICIT) {
			/* only named on the way to a header so far: the dotted
			 * key is its first definition, so no header may follow */
			e->flags = F_DOTTED;
			where(p, k.parts[i].at, &e->line, &e->col);
		} else if (e->type == TOML_TABLE && !(e->flags & (F_DOTTED | F_CLOSED))) {
			perr(p, k.parts[i].at, "cannot add to table '%s' with a dotted key: it was defined by a header (line %d)",
			     key_name(&k, i + 1, name, sizeof(name)), e->line);
			goto out;
		} else if (e->type != TOML_TABLE || (e->flags & F_CLOSED)) {
			perr(p, k.parts[i].at, "'%s' is already defined as %s (line %d)",
			     key_name(&k, i + 1, name, sizeof(name)), what(e), e->line);
			goto out;
		}
		t = e;
	}
	if ((v = table_find(t, k.parts[i].s, k.parts[i].len))) {
		perr(p, k.parts[i].at, "duplicate key '%s' (first defined on line %d)",
		     key_name(&k, k.n, name, sizeof(name)), v->line);
		goto out;
	}
	if (parse_value(p, &v) < 0)
		goto out;
	table_add(t, &k.parts[i], v);
	rc = 0;
out:
	key_path_release(&k);
	return rc;
}

/* [a.b.c] or [[a.b.c]]: make p->cur the table it names. */
static int parse_header(struct parser *p)
{
	struct key_path k = { NULL, 0, 0 };
	struct toml_value *t = p->root, *e;
	size_t at = p->pos, i;
	int aot = peek_at(p, 1) == '[', rc = -1;
	char name[256];

	p->pos += aot ? 2 : 1;
	skip_ws(p);
	if (parse_key(p, &k) < 0)
		goto out;
	if (peek(p) != ']' || (aot && peek_at(p, 1) != ']')) {
		unexpected(p, aot ? "']]' to end the header" : "']' to end the header");
		goto out;
	}
	p->pos += aot ? 2 : 1;
	for (i = 0; i + 1 < k.n; i++) {
		e = table_find(t, k.parts[i].s, k.parts[i].len);
		if (!e) {
			e = new_value(p, TOML_TABLE, at);
			e->flags = F_IMPLICIT;
			table_add(t, &k.parts[i], e);
		} else if (e->type == TOML_ARRAY && (e->flags & F_AOT)) {
			e = e->u.array.items[e->u.array.n - 1];
		} else if (e->type != TOML_TABLE || (e->flags & F_CLOSED)) {
			perr(p, k.parts[i].at, "'%s' is already defined as %s (line %d)",
			     key_name(&k, i + 1, name, sizeof(name)), what(e), e->line);
			goto out;
		}
		t = e;
	}
	e = table_find(t, k.parts[i].s, k.parts[i].len);
	key_name(&k, k.n, name, sizeof(name));
	if (!aot) {
		if (!e) {
			e = new_value(p, TOML_TABLE, at);
			table_add(t, &k.parts[i], e);
		} else if (e->type != TOML_TABLE || e->flags != F_IMPLICIT) {
			perr(p, at, "'%s' is already defined as %s (line %d)", name, what(e), e->line);
			goto out;
		}
		e->flags = F_HEADER;
		where(p, at, &e->line, &e->col);
		p->cur = e;
	} else {
		struct toml_value *tab;

		if (!e) {
			e = new_value(p, TOML_ARRAY, at);
			e->flags = F_AOT;
			table_add(t, &k.parts[i], e);
		} else if (e->type != TOML_ARRAY || !(e->flags & F_AOT)) {
			perr(p, at, "'%s' is already defined as %s (line %d)", name, what(e), e->line);
			goto out;
		}
		tab = new_value(p, TOML_TABLE, at);
		tab->flags = F_HEADER;
		array_add(e, tab);
		p->cur = tab;
	}
	rc = 0;
out:
	key_path_release(&k);
	return rc;
}

struct toml_value *toml_parse(const char *src, size_t len)
{
	struct parser p;

	memset(&p, 0, sizeof(p));
	p.s = src;
	p.len = len;
	p.wh_line = 1;
	p.wh_col = 1;
	if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0)
		p.pos = 3;
	p.root = new_value(&p, TOML_TABLE, 0);
	p.root->flags = F_HEADER;
	p.cur = p.root;
	if (check_encoding(&p) < 0)
		goto fail;
	for (;;) {
		skip_ws(&p);
		if (skip_comment(&p) < 0)
			goto fail;
		if (p.pos >= p.len)
			break;
		if (is_newline(&p)) {
			skip_newline(&p);
			continue;
		}
		if (peek(&p) == '[') {
			if (parse_header(&p) < 0)
				goto fail;
		} else if (parse_keyval(&p, p.cur) < 0) {
			goto fail;
		}
		if (end_of_line(&p) < 0)
			goto fail;
	}
	return p.root;
fail:
	toml_free(p.root);
	return NULL;
}
