/* combination-sum, wrong answer: every level restarts from the first
 * candidate, so the search builds ordered sequences (compositions): 2 2 3,
 * 2 3 2 and 3 2 2 are all printed, each sorted, i.e. the same multiset three
 * times and a count that is too large. Bug: combinations are multisets; caught
 * by sample-1. */
#include <stdio.h>
#include <stdlib.h>

static int n, target, c[30], cur[40], depth;
static long k;

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void go(int rem, int print)
{
	int j;

	if (rem == 0) {
		if (print) {
			int s[40];

			for (j = 0; j < depth; j++)
				s[j] = cur[j];
			qsort(s, depth, sizeof s[0], cmp);
			for (j = 0; j < depth; j++)
				printf("%d%c", s[j], j + 1 < depth ? ' ' : '\n');
		}
		k++;
		return;
	}
	for (j = 0; j < n && c[j] <= rem; j++) {
		cur[depth++] = c[j];
		go(rem - c[j], print);
		depth--;
	}
}

int main(void)
{
	int i;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++)
		if (scanf("%d", &c[i]) != 1)
			return 1;
	qsort(c, n, sizeof c[0], cmp);
	go(target, 0); /* first pass counts, second prints */
	printf("%ld\n", k);
	go(target, 1);
	return 0;
}
