/* combination-sum, wrong answer: a correct search that starts from the largest
 * candidate and prints each combination in the order it was built, i.e.
 * non-increasing ("3 2 2"). The set of combinations and the count are right,
 * but the format asks for non-decreasing lines and the unordered-lines checker
 * compares the tokens of a line in order (only the order of the lines is
 * free). Bug: output format; caught by sample-1. */
#include <stdio.h>
#include <stdlib.h>

static int n, target, c[30], cur[40], depth, k;
static int lines[20000][41];

static void go(int from, int rem)
{
	int j;

	if (rem == 0) {
		lines[k][0] = depth;
		for (j = 0; j < depth; j++)
			lines[k][j + 1] = cur[j];
		k++;
		return;
	}
	for (j = from; j >= 0; j--) {
		if (c[j] > rem)
			continue;
		cur[depth++] = c[j];
		go(j, rem - c[j]);
		depth--;
	}
}

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	int i, j;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++)
		if (scanf("%d", &c[i]) != 1)
			return 1;
	qsort(c, n, sizeof c[0], cmp);
	go(n - 1, target);
	printf("%d\n", k);
	for (i = 0; i < k; i++)
		for (j = 1; j <= lines[i][0]; j++)
			printf("%d%c", lines[i][j], j < lines[i][0] ? ' ' : '\n');
	return 0;
}
