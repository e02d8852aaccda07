/* n-queens, TIME LIMIT EXCEEDED: the most naive search - every set of n
 * cells out of the n*n board, in increasing cell order, each set checked for
 * attacks between all pairs when it is complete. C(n*n, n) sets:
 * C(64, 8) = 4.4*10^9 for n = 8, so TLE on t08-n8 (26 s; n = 7, 8.6*10^7 sets,
 * passes in 0.5 s). */
#include <stdio.h>

static int n, cells[16];

static int attacks(int a, int b)
{
	int r1 = a / n, c1 = a % n, r2 = b / n, c2 = b % n;
	return r1 == r2 || c1 == c2 || r1 - c1 == r2 - c2 || r1 + c1 == r2 + c2;
}

static long long choose(int k, int from)
{
	if (k == n) {
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++)
				if (attacks(cells[i], cells[j]))
					return 0;
		return 1;
	}
	long long count = 0;
	for (int cell = from; cell <= n * n - (n - k); cell++) {
		cells[k] = cell;
		count += choose(k + 1, cell + 1);
	}
	return count;
}

int main(void)
{
	if (scanf("%d", &n) != 1)
		return 1;
	printf("%lld\n", choose(0, 0));
	return 0;
}
