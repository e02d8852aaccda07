/* validator.c: checks one a-plus-b input on stdin: "a b\n" with
 * |a|, |b| <= 10^18, canonical integers (no '+', no leading zeros, no "-0").
 * Exit 0 when valid, else 1 with one line on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_INPUT (1 << 16)

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

/* Reads one canonical decimal integer in [lo, hi] at the cursor. */
static long long read_int(long long lo, long long hi, const char *what)
{
	size_t start = pos;
	int neg = 0;
	unsigned long long v = 0;
	int digits = 0;

	if (pos < len && in[pos] == '-') {
		neg = 1;
		pos++;
	}
	while (pos < len && in[pos] >= '0' && in[pos] <= '9') {
		if (digits == 0 && in[pos] == '0' && pos + 1 < len && in[pos + 1] >= '0' && in[pos + 1] <= '9')
			bad("%s: leading zero", what);
		if (v > 2000000000000000000ULL)
			bad("%s: out of range [%lld, %lld]", what, lo, hi);
		v = v * 10 + (unsigned long long)(in[pos] - '0');
		digits++;
		pos++;
	}
	if (digits == 0) {
		if (pos >= len)
			bad("expected %s, got end of file", what);
		bad("expected %s, got byte 0x%02x", what, (unsigned char)in[pos]);
	}
	if (neg && v == 0)
		bad("%s: '-0' is not a canonical integer", what);
	if (v > 2000000000000000000ULL)
		bad("%s: out of range [%lld, %lld]", what, lo, hi);
	long long x = neg ? -(long long)v : (long long)v;
	if (x < lo || x > hi)
		bad("%s: %.*s out of range [%lld, %lld]", what, (int)(pos - start), in + start, lo, hi);
	return x;
}

static void expect(char c)
{
	if (pos >= len)
		bad("expected %s, got end of file", c == '\n' ? "end of line" : "a single space");
	if (in[pos] != c) {
		if (c == ' ')
			bad("expected a single space, got byte 0x%02x", (unsigned char)in[pos]);
		bad("expected end of line, got byte 0x%02x", (unsigned char)in[pos]);
	}
	pos++;
	if (c == '\n')
		line++;
}

int main(void)
{
	len = fread(in, 1, sizeof in, stdin);
	if (len > MAX_INPUT)
		bad("input longer than %d bytes", MAX_INPUT);
	read_int(-1000000000000000000LL, 1000000000000000000LL, "a");
	expect(' ');
	read_int(-1000000000000000000LL, 1000000000000000000LL, "b");
	expect('\n');
	if (pos != len)
		bad("extra data after the last line");
	return 0;
}
