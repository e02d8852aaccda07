/* validator for combination-sum: checks one input against every constraint
 * and the exact format ("n target\n" then n distinct candidates on one line).
 * usage: validator < input; exit 0 if valid, else 1 with one line on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_INPUT 4096

static char in[MAX_INPUT + 1];
static size_t len, pos;
static int line = 1;

static void bad(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "line %d: ", line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* An integer token: optional '-', digits, no leading zeros, in [lo, hi]. */
static long read_int(const char *what, long lo, long hi)
{
	long v = 0;
	int neg = 0, digits = 0;
	size_t start = pos;

	if (pos < len && in[pos] == '-') { neg = 1; pos++; }
	while (pos < len && in[pos] >= '0' && in[pos] <= '9') {
		if (digits == 0 && in[pos] == '0' && pos + 1 < len &&
		    in[pos + 1] >= '0' && in[pos + 1] <= '9')
			bad("%s: leading zero", what);
		if (v < 1000000000L)
			v = v * 10 + (in[pos] - '0');
		digits++;
		pos++;
	}
	if (digits == 0) {
		if (pos >= len)
			bad("expected %s, got end of file", what);
		bad("expected %s, got '%c' (byte %d)", what,
		    in[start] >= 32 && in[start] < 127 ? in[start] : '?', (unsigned char)in[start]);
	}
	if (neg)
		v = -v;
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
	int seen[41] = {0};
	long n, target, i, c;

	len = fread(in, 1, sizeof in, stdin);
	if (len > MAX_INPUT)
		bad("input longer than %d bytes", MAX_INPUT);
	n = read_int("n", 1, 30);
	expect(' ');
	target = read_int("target", 1, 40);
	(void)target;
	expect('\n');
	for (i = 0; i < n; i++) {
		c = read_int("candidate", 2, 40);
		if (seen[c])
			bad("candidate %ld appears twice (candidates must be distinct)", c);
		seen[c] = 1;
		expect(i + 1 < n ? ' ' : '\n');
	}
	if (pos != len)
		bad("extra data after the last line");
	return 0;
}
