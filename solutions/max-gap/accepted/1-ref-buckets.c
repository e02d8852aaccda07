/* max-gap reference: bucket sort with the pigeonhole principle, O(n).
 * With R = max - min > 0, value v goes to bucket (v - min) * (n - 1) / R,
 * one of n buckets, each spanning less than R / (n - 1). The maximum gap is
 * at least R / (n - 1), so it never lies inside a bucket: it is the largest
 * difference between a non-empty bucket's minimum and the previous non-empty
 * bucket's maximum. Only each bucket's min and max are kept. */
#include <stdio.h>
#include <stdlib.h>

static unsigned char buf[1 << 16];
static size_t blen, bpos;

static int next_byte(void)
{
	if (bpos == blen) {
		blen = fread(buf, 1, sizeof buf, stdin);
		bpos = 0;
		if (blen == 0)
			return -1;
	}
	return buf[bpos++];
}

static long long read_ll(void)
{
	int c = next_byte();
	while (c == ' ' || c == '\n' || c == '\r' || c == '\t')
		c = next_byte();
	long long v = 0;
	while (c >= '0' && c <= '9') {
		v = v * 10 + (c - '0');
		c = next_byte();
	}
	return v;
}

int main(void)
{
	long n = (long)read_ll();
	long long *a = malloc((size_t)n * sizeof *a);
	long long *lo = malloc((size_t)n * sizeof *lo), *hi = malloc((size_t)n * sizeof *hi);
	if (!a || !lo || !hi)
		return 1;
	long long mn = -1, mx = -1;
	for (long i = 0; i < n; i++) {
		a[i] = read_ll();
		if (mn < 0 || a[i] < mn)
			mn = a[i];
		if (a[i] > mx)
			mx = a[i];
	}
	if (n < 2 || mn == mx) {
		puts("0");
		return 0;
	}
	long long r = mx - mn;
	for (long b = 0; b < n; b++)
		lo[b] = -1;
	for (long i = 0; i < n; i++) {
		long b = (long)((a[i] - mn) * (n - 1) / r);
		if (lo[b] < 0) {
			lo[b] = hi[b] = a[i];
		} else if (a[i] < lo[b]) {
			lo[b] = a[i];
		} else if (a[i] > hi[b]) {
			hi[b] = a[i];
		}
	}
	long long best = 0, prev = hi[0];
	for (long b = 1; b < n; b++) {
		if (lo[b] < 0)
			continue;
		if (lo[b] - prev > best)
			best = lo[b] - prev;
		prev = hi[b];
	}
	printf("%lld\n", best);
	return 0;
}
