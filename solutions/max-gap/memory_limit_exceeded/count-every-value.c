/* max-gap, MEMORY LIMIT EXCEEDED: "counting sort" over the value range - one
 * byte per possible value, 10^9 + 1 bytes (about 954 MB) - then a walk over
 * the marked values. Linear in the range, not in n: the buckets must be sized
 * by n, which is what the pigeonhole argument buys. The allocation alone is
 * almost four times the 256 MB limit; this judge reports an allocation larger
 * than the limit as MLE, so it is MLE on the first test, sample-1. (A judge
 * that only counts touched pages would let the small tests pass and stop it
 * on t20-gen-random-300k, whose 3*10^5 spread-out values touch over 1 GB.) */
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
