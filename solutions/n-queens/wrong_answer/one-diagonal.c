/* n-queens, WRONG (missed case): checks columns and the r + c diagonals but
 * forgets the r - c direction, so queens on a common "\" diagonal are
 * allowed and the count is too large. Right for n = 1 (sample-2), caught
 * by sample-1 (n = 4). */
#include <stdio.h>

static int n, col_used[16], sum_used[32];

static long long place(int r)
{
	if (r == n)
		return 1;
	long long count = 0;
	for (int c = 0; c < n; c++) {
		if (col_used[c] || sum_used[r + c])
			continue;
		col_used[c] = sum_used[r + c] = 1;
		count += place(r + 1);
		col_used[c] = sum_used[r + c] = 0;
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
