/* max-gap, WRONG (bucket logic): pigeonhole buckets as in the reference, but
 * a gap is only measured between two ADJACENT buckets that are both
 * non-empty; a gap that jumps over empty buckets - which is exactly where the
 * maximum gap usually is - is never seen. Caught by sample-3
 * (1 1 5 5 5 12: buckets 2-4 are empty and the gap 5 -> 12 jumps over
 * them, prints 4 instead of 7),
 * and by t07-gap-at-end (1 2 3 4 10^9 prints 0). */
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
	long long best = 0;
	for (long b = 1; b < n; b++)
		if (lo[b] >= 0 && hi[b - 1] >= 0 && lo[b] - hi[b - 1] > best)
			best = lo[b] - hi[b - 1];
	printf("%lld\n", best);
	return 0;
}
