/* combination-sum, wrong answer: the right search, but the combinations are
 * kept in a fixed table of 1000 lines ("the answer is small") and the rest
 * are dropped; the count printed is the number kept. Bug: k can reach about
 * 6000 (partitions of 40); every small test passes, caught by t08-max-n
 * (1375 combinations). */
#include <stdio.h>
#include <stdlib.h>

#define MAXK 1000

static int n, target, c[30], cur[40], depth, k;
static int lines[MAXK][41];

static void go(int from, int rem)
{
	int j;

	if (rem == 0) {
		if (k < MAXK) {
			lines[k][0] = depth;
			for (j = 0; j < depth; j++)
				lines[k][j + 1] = cur[j];
			k++;
		}
		return;
	}
	for (j = from; j < n && c[j] <= rem; j++) {
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
	go(0, target);
	printf("%d\n", k);
	for (i = 0; i < k; i++)
		for (j = 1; j <= lines[i][0]; j++)
			printf("%d%c", lines[i][j], j < lines[i][0] ? ' ' : '\n');
	return 0;
}
