/* n-queens, TIME LIMIT EXCEEDED: brute force over all n! permutations (one
 * queen per row and column), each checked for diagonal attacks only once it
 * is complete - no pruning of partial boards. Correct, but 12! = 4.8*10^8
 * permutations: TLE from t12-n12 on (4.5 s; n = 11, 4*10^7, passes in 0.36 s). */
#include <stdio.h>

static int n, perm[16];

static int ok(void)
{
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++)
			if (perm[j] - perm[i] == j - i || perm[i] - perm[j] == j - i)
				return 0;
	return 1;
}

/* Next permutation in lexicographic order; 0 after the last. */
static int next_perm(void)
{
	int i = n - 2;
	while (i >= 0 && perm[i] >= perm[i + 1])
		i--;
	if (i < 0)
		return 0;
	int j = n - 1;
	while (perm[j] <= perm[i])
		j--;
	int t = perm[i];
	perm[i] = perm[j];
	perm[j] = t;
	for (int a = i + 1, b = n - 1; a < b; a++, b--) {
		t = perm[a];
		perm[a] = perm[b];
		perm[b] = t;
	}
	return 1;
}

int main(void)
{
	if (scanf("%d", &n) != 1)
		return 1;
	for (int i = 0; i < n; i++)
		perm[i] = i;
	long long count = 0;
	do
		count += ok();
	while (next_perm());
	printf("%lld\n", count);
	return 0;
}
