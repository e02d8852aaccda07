/* n-queens, second accepted solution: classic recursive backtracking with
 * boolean arrays for columns and both diagonals (r + c and r - c + n - 1),
 * one queen per row, plus the mirror symmetry: the queen of the first row
 * only tries the left half of the board, each count doubled, and the middle
 * column (odd n) counted once. About 0.3 s at n = 14 (see LIMITS.md); without
 * the symmetry it needs twice that. */
#include <stdio.h>

static int n;
static char col_used[16], sum_used[32], dif_used[32];

static long long place(int r)
{
	if (r == n)
		return 1;
	long long count = 0;
	for (int c = 0; c < n; c++) {
		if (col_used[c] | sum_used[r + c] | dif_used[r - c + n - 1])
			continue;
		col_used[c] = sum_used[r + c] = dif_used[r - c + n - 1] = 1;
		count += place(r + 1);
		col_used[c] = sum_used[r + c] = dif_used[r - c + n - 1] = 0;
	}
	return count;
}

int main(void)
{
	if (scanf("%d", &n) != 1)
		return 1;
	long long total = 0;
	for (int c = 0; c < (n + 1) / 2; c++) {
		col_used[c] = sum_used[c] = dif_used[n - 1 - c] = 1;
		long long k = place(1);
		col_used[c] = sum_used[c] = dif_used[n - 1 - c] = 0;
		total += (n % 2 == 1 && c == n / 2) ? k : 2 * k;
	}
	printf("%lld\n", total);
	return 0;
}
