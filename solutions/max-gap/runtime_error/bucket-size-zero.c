/* max-gap, RUNTIME ERROR (division by zero): the textbook bucket version with
 * bucket width (max - min) / (n - 1), rounded down, and bucket count
 * (max - min) / width + 1. The width is 0 whenever max - min < n - 1 (all
 * values equal, or many duplicates in a narrow range), and the integer
 * division by zero raises SIGFPE. The fix: width = max(1, ...).
 * Crashes first on t04-two-equal (7 7); correct on every test before it. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1)
		return 1;
	long *a = malloc((size_t)n * sizeof *a);
	if (!a)
		return 1;
	long mn = 0, mx = 0;
	for (long i = 0; i < n; i++) {
		if (scanf("%ld", &a[i]) != 1)
			return 1;
		if (i == 0 || a[i] < mn)
			mn = a[i];
		if (i == 0 || a[i] > mx)
			mx = a[i];
	}
	if (n < 2) {
		puts("0");
		return 0;
	}
	volatile long width = (mx - mn) / (n - 1);
	long count = (mx - mn) / width + 1;
	long *lo = malloc((size_t)count * sizeof *lo), *hi = malloc((size_t)count * sizeof *hi);
	if (!lo || !hi)
		return 1;
	for (long b = 0; b < count; b++)
		lo[b] = hi[b] = -1;
	for (long i = 0; i < n; i++) {
		long b = (a[i] - mn) / width;
		if (lo[b] < 0 || a[i] < lo[b])
			lo[b] = a[i];
		if (a[i] > hi[b])
			hi[b] = a[i];
	}
	long best = 0, prev = hi[0];
	for (long b = 1; b < count; b++) {
		if (lo[b] < 0)
			continue;
		if (lo[b] - prev > best)
			best = lo[b] - prev;
		prev = hi[b];
	}
	printf("%ld\n", best);
	return 0;
}
