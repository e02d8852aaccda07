/* islands, accepted (second, different method): union-find over the cells.
 * Every '1' starts as its own set; each '1' is joined with a '1' to its right
 * and below; the answer is the number of 1-cells that remain roots. Union by
 * size with path halving, no recursion at all: O(r * c * alpha). */
#include <stdio.h>

static char g[1000][1002];
static int parent[1000 * 1000], size[1000 * 1000];

static int find(int x)
{
	while (parent[x] != x) {
		parent[x] = parent[parent[x]];
		x = parent[x];
	}
	return x;
}

static void join(int a, int b)
{
	a = find(a);
	b = find(b);
	if (a == b)
		return;
	if (size[a] < size[b]) {
		int t = a;

		a = b;
		b = t;
	}
	parent[b] = a;
	size[a] += size[b];
}

int main(void)
{
	int r, c, i, j;
	long islands = 0;

	if (scanf("%d %d", &r, &c) != 2)
		return 1;
	for (i = 0; i < r; i++)
		if (scanf("%1001s", g[i]) != 1)
			return 1;
	for (i = 0; i < r * c; i++) {
		parent[i] = i;
		size[i] = 1;
	}
	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++) {
			if (g[i][j] != '1')
				continue;
			if (j + 1 < c && g[i][j + 1] == '1')
				join(i * c + j, i * c + j + 1);
			if (i + 1 < r && g[i + 1][j] == '1')
				join(i * c + j, (i + 1) * c + j);
		}
	for (i = 0; i < r; i++)
		for (j = 0; j < c; j++)
			if (g[i][j] == '1' && find(i * c + j) == i * c + j)
				islands++;
	printf("%ld\n", islands);
	return 0;
}
