/* validator for islands: checks one input against every constraint and the
 * exact format ("r c\n", then r lines of exactly c characters '0'/'1').
 * usage: validator < input; exit 0 if valid, else 1 with one line on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_INPUT (16 + 1000 * 1001)

static char in[MAX_INPUT + 1];
static size_t len, pos;
static long line = 1;

static void bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "line %ld: ", line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* A non-negative integer token without leading zeros, in [lo, hi]. */
static long read_int(const char *what, long lo, long hi)
{
	long v = 0;
	int digits = 0;

	while (pos < len && in[pos] >= '0' && in[pos] <= '9') {
		if (digits == 1 && v == 0)
			bad("%s: leading zero", what);
		if (v < 1000000000L)
			v = v * 10 + (in[pos] - '0');
		digits++;
		pos++;
	}
	if (digits == 0) {
		if (pos >= len)
			bad("expected %s, got end of file", what);
		bad("expected %s, got byte %d", what, (unsigned char)in[pos]);
	}
	if (v < lo || v > hi)
		bad("%s = %ld is out of range [%ld, %ld]", what, v, lo, hi);
	return v;
}

static void expect(char ch)
{
	if (pos >= len)
		bad("expected %s, got end of file", ch == ' ' ? "a space" : "a newline");
	if (in[pos] != ch) {
		if (ch == ' ')
			bad("expected a single space, got byte %d", (unsigned char)in[pos]);
		bad("expected the end of the line, got byte %d", (unsigned char)in[pos]);
	}
	pos++;
	if (ch == '\n')
		line++;
}

int main(void)
{
	long r, c, i, j;

	len = fread(in, 1, sizeof in, stdin);
	if (len > MAX_INPUT)
		bad("input longer than %d bytes", MAX_INPUT);
	r = read_int("r", 1, 1000);
	expect(' ');
	c = read_int("c", 1, 1000);
	expect('\n');
	for (i = 0; i < r; i++) {
		for (j = 0; j < c; j++) {
			if (pos >= len)
				bad("expected %ld characters, got %ld and the end of file", c, j);
			if (in[pos] == '\n')
				bad("expected %ld characters, got %ld", c, j);
			if (in[pos] != '0' && in[pos] != '1')
				bad("column %ld: expected '0' or '1', got byte %d", j + 1, (unsigned char)in[pos]);
			pos++;
		}
		expect('\n');
	}
	if (pos != len)
		bad("extra data after the last line");
	return 0;
}
