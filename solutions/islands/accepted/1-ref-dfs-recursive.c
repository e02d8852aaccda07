/* islands, accepted (reference): scan the grid; at each unvisited '1' count an
 * island and sink it with a recursive flood fill (up, down, left, right).
 * O(r * c). The recursion is as deep as the longest DFS path: r * c = 10^6
 * calls on a full 1000x1000 grid (t31-gen-max-full). A frame is a few dozen
 * bytes, so this needs tens of MB of stack: fine with the stack limit equal to
 * the memory limit (256 MB), as on most judges. */
#include <stdio.h>

static char g[1000][1002];
static int r, c;

static void sink(int i, int j)
{
	if (i < 0 || i >= r || j < 0 || j >= c || g[i][j] != '1')
		return;
	g[i][j] = '0';
	sink(i - 1, j);
	sink(i + 1, j);
	sink(i, j - 1);
	sink(i, j + 1);
}

int main(void)
{
	int i, j;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++)
			if (g[i][j] == '1') {
				islands++;
				sink(i, j);
			}
	printf("%ld\n", islands);
	return 0;
}
