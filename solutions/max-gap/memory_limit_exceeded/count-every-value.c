/* max-gap, MEMORY LIMIT EXCEEDED: "counting sort" over the value range - one
 * byte per possible value, 10^9 + 1 bytes (about 954 MB) - then a walk over
 * the marked values. Linear in the range, not in n: the buckets must be sized
 * by n, which is what the pigeonhole argument buys. Touching the marks of
 * spread-out values commits far more than 256 MB: MLE on
 * t20-gen-random-300k (3*10^5 random values touch ~3*10^5 pages, over 1 GB).
 * On the small tests before it the few touched pages fit. */
#include <stdio.h>
#include <stdlib.h>

#define MAX_A 1000000000L

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1)
		return 1;
	unsigned char *seen = calloc(MAX_A + 1, 1);
	if (!seen)
		return 1;
	for (long i = 0; i < n; i++) {
		long v;
		if (scanf("%ld", &v) != 1)
			return 1;
		seen[v] = 1;
	}
	long best = 0, prev = -1;
	for (long v = 0; v <= MAX_A; v++) {
		if (!seen[v])
			continue;
		if (prev >= 0 && v - prev > best)
			best = v - prev;
		prev = v;
	}
	printf("%ld\n", best);
	return 0;
}
