/* islands, wrong answer: off-by-one bounds. The scan for new islands runs
 * i < r - 1 and j < c - 1 (the flood fill itself is right), so an island
 * lying entirely in the last row or the last column is never counted.
 * Bug: caught by sample-1 (its third island lies in the last row). */
#include <stdio.h>

static char g[1000][1002];
static int queue[1000 * 1000];

int main(void)
{
	static const int di[4] = {-1, 1, 0, 0}, dj[4] = {0, 0, -1, 1};
	int r, c, i, j, d;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	for (i = 0; i < r - 1; i++)
		for (j = 0; j < c - 1; j++) {
			int head = 0, tail = 0;

			if (g[i][j] != '1')
				continue;
			islands++;
			g[i][j] = '0';
			queue[tail++] = i * c + j;
			while (head < tail) {
				int ci = queue[head] / c, cj = queue[head] % c;

				head++;
				for (d = 0; d < 4; d++) {
					int ni = ci + di[d], nj = cj + dj[d];

					if (ni < 0 || ni >= r || nj < 0 || nj >= c || g[ni][nj] != '1')
						continue;
					g[ni][nj] = '0';
					queue[tail++] = ni * c + nj;
				}
			}
		}
	printf("%ld\n", islands);
	return 0;
}
