/* max-gap, TIME LIMIT EXCEEDED: insertion sort, O(n^2) on random input, then
 * a scan of successive differences. Correct, but about n^2 / 4 = 2*10^10 moves
 * at n = 3*10^5: TLE on t20-gen-random-300k, the first large test. */
#include <stdio.h>
#include <stdlib.h>

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	int *a = malloc((size_t)n * sizeof *a);
	if (!a)
		return 1;
	for (int i = 0; i < n; i++) {
		int v;
		if (scanf("%d", &v) != 1)
			return 1;
		int j = i;
		while (j > 0 && a[j - 1] > v) {
			a[j] = a[j - 1];
			j--;
		}
		a[j] = v;
	}
	int best = 0;
	for (int i = 1; i < n; i++)
		if (a[i] - a[i - 1] > best)
			best = a[i] - a[i - 1];
	printf("%d\n", best);
	return 0;
}
