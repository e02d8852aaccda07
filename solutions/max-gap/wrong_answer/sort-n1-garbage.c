/* max-gap, WRONG (missed edge case n < 2): sorts, then starts the maximum at
 * a[1] - a[0] without checking that a[1] exists. For n = 1 it reads the zero
 * past the end of the input (a static array) and prints -a[0]. Caught by
 * sample-2 (n = 1, a = 10: prints -10) and t02-n1-max; t01-min-zero (a = 0)
 * passes by luck. */
#include <stdio.h>
#include <stdlib.h>

static int a[1000001];

static int cmp(const void *x, const void *y)
{
	int p = *(const int *)x, q = *(const int *)y;
	return (p > q) - (p < q);
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++)
		if (scanf("%d", &a[i]) != 1)
			return 1;
	qsort(a, (size_t)n, sizeof a[0], cmp);
	int best = a[1] - a[0];
	for (int i = 2; i < n; i++)
		if (a[i] - a[i - 1] > best)
			best = a[i] - a[i - 1];
	printf("%d\n", best);
	return 0;
}
