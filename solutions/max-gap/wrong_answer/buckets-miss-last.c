/* max-gap, WRONG (off-by-one): pigeonhole buckets as in the reference, but
 * the final scan stops one bucket early (b < n - 1), so the last bucket -
 * which always holds the maximum - is never compared with its predecessor.
 * Caught by sample-3 (1 1 5 5 5 12: the gap 5 -> 12 is the one into the
 * last bucket, prints 4 instead of 7) and by t03-two-extremes (0 and 10^9,
 * prints 0); sample-1 passes by luck. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1)
		return 1;
	long long *a = malloc((size_t)n * sizeof *a);
	long long *lo = malloc((size_t)n * sizeof *lo), *hi = malloc((size_t)n * sizeof *hi);
	if (!a || !lo || !hi)
		return 1;
	long long mn = 0, mx = 0;
	for (long i = 0; i < n; i++) {
		if (scanf("%lld", &a[i]) != 1)
			return 1;
		if (i == 0 || a[i] < mn)
			mn = a[i];
		if (i == 0 || a[i] > mx)
			mx = a[i];
	}
	if (n < 2 || mn == mx) {
		puts("0");
		return 0;
	}
	for (long b = 0; b < n; b++)
		lo[b] = hi[b] = -1;
	for (long i = 0; i < n; i++) {
		long b = (long)((a[i] - mn) * (n - 1) / (mx - mn));
		if (lo[b] < 0 || a[i] < lo[b])
			lo[b] = a[i];
		if (a[i] > hi[b])
			hi[b] = a[i];
	}
	long long best = 0, prev = hi[0];
	for (long b = 1; b < n - 1; b++) {
		if (lo[b] < 0)
			continue;
		if (lo[b] - prev > best)
			best = lo[b] - prev;
		prev = hi[b];
	}
	printf("%lld\n", best);
	return 0;
}
