/* islands, time limit exceeded: after sinking each island the search for the
 * next '1' starts again from the top-left corner instead of where it stopped.
 * Correct, but O(islands * r * c): a 1000x1000 checkerboard has 5*10^5
 * one-cell islands, about 2.5*10^11 cell visits (t20-gen-checker-500, the first
 * big test, already needs about 1.6*10^10). */
#include <stdio.h>

static char g[1000][1002];
static int queue[1000 * 1000];

int main(void)
{
	static const int di[4] = {-1, 1, 0, 0}, dj[4] = {0, 0, -1, 1};
	int r, c, i, j, d, found;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	do {
		found = 0;
		for (i = 0; i < r && !found; i++)
			for (j = 0; j < c && !found; j++)
				if (g[i][j] == '1') {
					int head = 0, tail = 0;

					found = 1;
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
	} while (found);
	printf("%ld\n", islands);
	return 0;
}
