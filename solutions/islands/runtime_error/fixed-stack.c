/* islands, runtime error: an "iterative" DFS that simulates the recursion
 * with a hand-made stack of (cell, next direction) entries, a local array of
 * 1 << 16 entries in main with no bounds check ("islands are small"). It is
 * as deep as the recursion: on the snake and full grids the path has 5*10^5
 * to 10^6 cells, the stack overruns the array, writes past the top of the
 * process stack and the program dies with SIGSEGV. Lesson: the explicit stack
 * must be sized for r * c (or use BFS); the recursion alone would have been
 * fine with a 256 MB stack. First failing test: t30-gen-max-snake (RE).
 * (Passes the checkerboard and random tests, whose DFS paths are short.) */
#include <stdio.h>

#define STACK_MAX (1 << 16)

static char g[1000][1002];
static int r, c, top;

int main(void)
{
	static const int di[4] = {-1, 1, 0, 0}, dj[4] = {0, 0, -1, 1};
	int stack[STACK_MAX][2]; /* cell index, next direction to try */
	int i, j;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++) {
			if (g[i][j] != '1')
				continue;
			islands++;
			g[i][j] = '0';
			top = 0;
			stack[top][0] = i * c + j;
			stack[top][1] = 0;
			top++;
			while (top > 0) {
				int cell = stack[top - 1][0], d = stack[top - 1][1]++;
				int ni = cell / c + (d < 4 ? di[d] : 0), nj = cell % c + (d < 4 ? dj[d] : 0);

				if (d >= 4) {
					top--;
					continue;
				}
				if (ni < 0 || ni >= r || nj < 0 || nj >= c || g[ni][nj] != '1')
					continue;
				g[ni][nj] = '0';
				stack[top][0] = ni * c + nj;
				stack[top][1] = 0;
				top++;
			}
		}
	printf("%ld\n", islands);
	return 0;
}
