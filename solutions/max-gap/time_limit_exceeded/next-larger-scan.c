/* max-gap, TIME LIMIT EXCEEDED: no sorting at all - for every element, scan
 * all others for its successor (the smallest value strictly larger), and the
 * answer is the largest successor distance. Correct (equal values have gap 0
 * and are skipped), but Theta(n^2) = 9*10^10 comparisons at n = 3*10^5:
 * TLE on t20-gen-random-300k. */
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
	for (int i = 0; i < n; i++)
		if (scanf("%d", &a[i]) != 1)
			return 1;
	int best = 0;
	for (int i = 0; i < n; i++) {
		int succ = -1;
		for (int j = 0; j < n; j++)
			if (a[j] > a[i] && (succ < 0 || a[j] < succ))
				succ = a[j];
		if (succ >= 0 && succ - a[i] > best)
			best = succ - a[i];
	}
	printf("%d\n", best);
	return 0;
}
