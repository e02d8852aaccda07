/* n-queens, WRONG (diagonal indexing): to keep the r - c diagonal index
 * non-negative it uses abs(r - c). That merges the diagonals r - c = k and
 * r - c = -k, which are different lines, so legal placements are pruned and
 * the count is too small. Right for n = 1..3 (sample-2, sample-3: 1 and 0),
 * caught by sample-1 (n = 4 prints 0, not 2). */
#include <stdio.h>
#include <stdlib.h>

static int n, col_used[16], sum_used[32], dif_used[32];

static long long place(int r)
{
	if (r == n)
		return 1;
	long long count = 0;
	for (int c = 0; c < n; c++) {
		if (col_used[c] || sum_used[r + c] || dif_used[abs(r - c)])
			continue;
		col_used[c] = sum_used[r + c] = dif_used[abs(r - c)] = 1;
		count += place(r + 1);
		col_used[c] = sum_used[r + c] = dif_used[abs(r - c)] = 0;
	}
	return count;
}

int main(void)
{
	if (scanf("%d", &n) != 1)
		return 1;
	printf("%lld\n", place(0));
	return 0;
}
