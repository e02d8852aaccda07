/* islands, accepted (third): breadth-first search with an explicit queue of
 * cell indices, each cell marked when it is queued so it is queued at most
 * once (the queue never holds more than r * c entries). O(r * c), no deep
 * recursion. */
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
