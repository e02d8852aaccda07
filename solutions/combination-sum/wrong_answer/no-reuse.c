/* combination-sum, wrong answer: the combination-sum-ii logic. After taking a
 * candidate the search continues from the NEXT index, so no candidate is ever
 * used twice. Bug: reuse is allowed here; sample-1 needs 2 2 3. */
#include <stdio.h>
#include <stdlib.h>

static int n, target, c[30], cur[40], depth;
static int k, lines[20000][41];

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
	for (j = from; j < n && c[j] <= rem; j++) {
		cur[depth++] = c[j];
		go(j + 1, rem - c[j]);
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
