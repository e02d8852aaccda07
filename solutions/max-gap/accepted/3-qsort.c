/* max-gap, accepted: the plain approach, qsort then a scan of successive
 * differences. O(n log n), well within the limit at n = 10^6 (see LIMITS.md):
 * the problem rewards the linear idea but does not punish a good sort. */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *x, const void *y)
{
	int a = *(const int *)x, b = *(const int *)y;
	return (a > b) - (a < b);
}

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
	qsort(a, (size_t)n, sizeof *a, cmp);
	int best = 0;
	for (int i = 1; i < n; i++)
		if (a[i] - a[i - 1] > best)
			best = a[i] - a[i - 1];
	printf("%d\n", best);
	return 0;
}
