/* validator.c: checks one convex-hull input on stdin: "n\n" with
 * 1 <= n <= 10^5, then n lines "x y" with -10^9 <= x, y <= 10^9, canonical
 * integers (no '+', no leading zeros, no "-0"), single spaces, '\n' line
 * ends. Exit 0 when valid, else 1 with one line on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_N 100000
#define MAX_C 1000000000LL
#define MAX_INPUT (4L << 20)

static char *in;
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

static void slurp(void)
{
	size_t cap = 1 << 16;
	in = malloc(cap);
	for (;;) {
		if (!in) {
			fprintf(stderr, "validator: out of memory\n");
			exit(3);
		}
		size_t n = fread(in + len, 1, cap - len, stdin);
		len += n;
		if (len > MAX_INPUT)
			bad("input longer than %ld bytes", MAX_INPUT);
		if (n == 0)
			break;
		if (len == cap)
			in = realloc(in, cap *= 2);
	}
}

/* One canonical integer in [lo, hi]. */
static long long read_int(long long lo, long long hi, const char *what)
{
	size_t start = pos;
	int neg = 0, digits = 0;
	long long v = 0;

	if (pos < len && in[pos] == '-') {
		neg = 1;
		pos++;
	}
	while (pos < len && in[pos] >= '0' && in[pos] <= '9') {
		if (digits == 1 && v == 0)
			bad("%s: leading zero", what);
		if (v > MAX_C * 10)
			bad("%s: out of range [%lld, %lld]", what, lo, hi);
		v = v * 10 + (in[pos] - '0');
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
	if (neg)
		v = -v;
	if (v < lo || v > hi)
		bad("%s: %.*s out of range [%lld, %lld]", what, (int)(pos - start), in + start, lo, hi);
	return v;
}

static void expect(char c)
{
	if (pos >= len)
		bad("expected %s, got end of file", c == '\n' ? "end of line" : "a single space");
	if (in[pos] != c)
		bad("expected %s, got byte 0x%02x", c == '\n' ? "end of line" : "a single space",
		    (unsigned char)in[pos]);
	pos++;
	if (c == '\n')
		line++;
}

int main(void)
{
	slurp();
	long n = (long)read_int(1, MAX_N, "n");
	expect('\n');
	for (long i = 0; i < n; i++) {
		read_int(-MAX_C, MAX_C, "x");
		expect(' ');
		read_int(-MAX_C, MAX_C, "y");
		expect('\n');
	}
	if (pos != len)
		bad("extra data after the last line (n = %ld)", n);
	return 0;
}
