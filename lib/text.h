/* text.h: UTF-8 and showing untrusted text safely.
 *
 * Everything a judged program or a compiler prints passes through here
 * before it reaches a terminal, a message or JSON, so that it cannot move
 * the cursor, clear the screen, reorder text or imitate the judge. */
#ifndef LIB_TEXT_H
#define LIB_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "lib/buf.h"

/* Length of the valid UTF-8 sequence at p (n > 0 bytes left), with its code
 * point in *cp; 0 when the bytes there are not valid UTF-8 (overlong forms,
 * surrogates and values past U+10FFFF are invalid). */
size_t text_utf8_seq(const unsigned char *p, size_t n, uint32_t *cp);

#define TEXT_KEEP_LINES 1   /* newlines and tabs stay as they are */
#define TEXT_QUOTE      2   /* also escape \ and ' (for 'quoted' values) */

/* Append p[0..n) to b, printable: control characters (ANSI escapes
 * included) as \xHH, \n \t \r by name (unless TEXT_KEEP_LINES), invalid
 * UTF-8 bytes as \xHH, C1 controls and bidi controls as \u{HHHH}; other
 * text unchanged. Stops before the input byte at which more than max input
 * bytes would have been consumed, or when b's cap is reached; then appends
 * "...". Returns how many input bytes were shown. */
size_t text_escape(struct buf *b, const char *p, size_t n, size_t max, int flags);

/* Display width of UTF-8 text: one column per code point (East Asian wide
 * characters are not counted twice). */
size_t text_width(const char *s);

/* Append p[0..n) to b with only the invalid UTF-8 bytes replaced by U+FFFD
 * (for JSON strings, which must be valid UTF-8). */
void text_fix_utf8(struct buf *b, const char *p, size_t n);

#endif
