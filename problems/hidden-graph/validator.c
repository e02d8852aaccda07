/* validator for hidden-graph: checks one test input against every
 * constraint and the exact format ("n m\n", then m lines "u v\n"; 1 <= n <=
 * 1000, 0 <= m <= 10000, no loop, no repeated edge).
 * usage: validator < input; exit 0 if valid, else 1 with one line on stderr. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define MAX_N 1000
#define MAX_M 10000

static long line = 1;
static int c;

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

	while ((c = getchar()) >= '0' && c <= '9') {
		if (digits == 1 && v == 0)
			bad("%s: leading zero", what);
		if (v < 1000000000L)
			v = v * 10 + (c - '0');
		digits++;
	}
	if (digits == 0)
		bad(c == EOF ? "expected %s, got end of file" : "expected %s", what);
	if (v < lo || v > hi)
		bad("%s = %ld is out of range [%ld, %ld]", what, v, lo, hi);
	return v;
}

static void after(char want)
{
	if (c != want)
		bad(want == ' ' ? "expected one space" : "expected the end of the line");
	if (want == '\n')
		line++;
}

int main(void)
{
	static unsigned char seen[MAX_N + 1][(MAX_N + 8) / 8];
	long n, m, i, u, v;

	n = read_int("n", 1, MAX_N);
	after(' ');
	m = read_int("m", 0, MAX_M);
	after('\n');
	for (i = 0; i < m; i++) {
		u = read_int("u", 1, n);
		after(' ');
		v = read_int("v", 1, n);
		after('\n');
		if (u == v)
			bad("edge %ld joins vertex %ld to itself", i + 1, u);
		if (seen[u][v / 8] & (1 << (v % 8)))
			bad("edge %ld (%ld %ld) is there twice", i + 1, u, v);
		seen[u][v / 8] |= (unsigned char)(1 << (v % 8));
		seen[v][u / 8] |= (unsigned char)(1 << (u % 8));
	}
	if (getchar() != EOF)
		bad("expected the end of the file");
	return 0;
}
