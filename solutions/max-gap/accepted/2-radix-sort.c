/* max-gap, second accepted solution: LSD radix sort (two passes over 16-bit
 * digits, values < 2^30) then one scan of successive differences. O(n),
 * independent of the bucket/pigeonhole argument. Reads with scanf. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
	long n;
	if (scanf("%ld", &n) != 1)
		return 1;
	unsigned *a = malloc((size_t)n * sizeof *a), *t = malloc((size_t)n * sizeof *t);
	static long cnt[1 << 16];
	if (!a || !t)
		return 1;
	for (long i = 0; i < n; i++)
		if (scanf("%u", &a[i]) != 1)
			return 1;
	for (int shift = 0; shift < 32; shift += 16) {
		memset(cnt, 0, sizeof cnt);
		for (long i = 0; i < n; i++)
			cnt[(a[i] >> shift) & 0xffff]++;
		long sum = 0;
		for (long d = 0; d < 1 << 16; d++) {
			long c = cnt[d];
			cnt[d] = sum;
			sum += c;
		}
		for (long i = 0; i < n; i++)
			t[cnt[(a[i] >> shift) & 0xffff]++] = a[i];
		unsigned *s = a;
		a = t;
		t = s;
	}
	unsigned best = 0;
	for (long i = 1; i < n; i++)
		if (a[i] - a[i - 1] > best)
			best = a[i] - a[i - 1];
	printf("%u\n", best);
	return 0;
}
