/* text.c: UTF-8 and showing untrusted text safely (see text.h). */
#include "lib/text.h"

size_t text_utf8_seq(const unsigned char *p, size_t n, uint32_t *cp)
{
	size_t len, i;
	uint32_t c;

	if (p[0] < 0x80) {
		*cp = p[0];
		return 1;
	}
	if (p[0] >= 0xc2 && p[0] <= 0xdf) {
		len = 2;
		c = p[0] & 0x1f;
	} else if (p[0] >= 0xe0 && p[0] <= 0xef) {
		len = 3;
		c = p[0] & 0x0f;
	} else if (p[0] >= 0xf0 && p[0] <= 0xf4) {
		len = 4;
		c = p[0] & 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (p[i] & 0x3f);
	}
	if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) ||
	    (len == 4 && (c < 0x10000 || c > 0x10ffff)))
		return 0;
	*cp = c;
	return len;
}

/* Code points that rewrite what a terminal shows: C1 controls (8-bit CSI)
 * and the bidi controls that reorder or hide text. */
static int is_hidden_control(uint32_t c)
{
	return (c >= 0x80 && c < 0xa0) || (c >= 0x202a && c <= 0x202e) ||
	       (c >= 0x2066 && c <= 0x2069) || c == 0x200e || c == 0x200f ||
	       c == 0x061c;
}

size_t text_escape(struct buf *b, const char *p, size_t n, size_t max, int flags)
{
	const unsigned char *u = (const unsigned char *)p;
	size_t i = 0, len;
	uint32_t cp;

	while (i < n && !b->truncated) {
		len = text_utf8_seq(u + i, n - i, &cp);
		if (len == 0)
			len = 1;
		if (i + len > max)
			break;
		if (len == 1 && u[i] >= 0x80) {
			buf_addf(b, "\\x%02x", u[i]);
		} else if (len > 1) {
			if (is_hidden_control(cp))
				buf_addf(b, "\\u{%x}", (unsigned)cp);
			else
				buf_add(b, u + i, len);
		} else if ((flags & TEXT_KEEP_LINES) && (u[i] == '\n' || u[i] == '\t')) {
			buf_addch(b, u[i]);
		} else if (u[i] == '\n') {
			buf_addstr(b, "\\n");
		} else if (u[i] == '\t') {
			buf_addstr(b, "\\t");
		} else if (u[i] == '\r') {
			buf_addstr(b, "\\r");
		} else if ((flags & TEXT_QUOTE) && (u[i] == '\\' || u[i] == '\'')) {
			buf_addch(b, '\\');
			buf_addch(b, u[i]);
		} else if (u[i] < 0x20 || u[i] == 0x7f) {
			buf_addf(b, "\\x%02x", u[i]);
		} else {
			buf_addch(b, u[i]);
		}
		i += len;
	}
	if (i < n && !b->truncated)
		buf_addstr(b, "...");
	return i;
}

void text_fix_utf8(struct buf *b, const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p;
	size_t i = 0, start = 0, len;
	uint32_t cp;

	while (i < n) {
		len = text_utf8_seq(s + i, n - i, &cp);
		if (len) {
			i += len;
			continue;
		}
		buf_add(b, s + start, i - start);
		buf_addstr(b, "\xef\xbf\xbd");
		start = ++i;
	}
	buf_add(b, s + start, i - start);
}

size_t text_width(const char *s)
{
	size_t w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xc0) != 0x80)
			w++;
	return w;
}
