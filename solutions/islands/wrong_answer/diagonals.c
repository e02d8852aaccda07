/* islands, wrong answer: 8-connectivity. The BFS also steps to the four
 * diagonal neighbours, so cells touching only at a corner are merged into one
 * island. Bug: only up, down, left and right connect; caught by sample-2. */
#include <stdio.h>

static char g[1000][1002];
static int queue[1000 * 1000];

int main(void)
{
	static const int di[8] = {-1, 1, 0, 0, -1, -1, 1, 1}, dj[8] = {0, 0, -1, 1, -1, 1, -1, 1};
	int r, c, i, j, d;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++) {
			int head = 0, tail = 0;

			if (g[i][j] != '1')
				continue;
			islands++;
			g[i][j] = '0';
			queue[tail++] = i * c + j;
			while (head < tail) {
				int ci = queue[head] / c, cj = queue[head] % c;

				head++;
				for (d = 0; d < 8; d++) {
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
