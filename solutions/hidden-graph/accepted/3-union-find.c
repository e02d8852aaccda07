/* hidden-graph by union-find: ask about every vertex in order (n
 * questions), join each to its neighbours, count the roots. */
#include <stdio.h>

static int parent[2001];

static int find(int v)
{
	while (parent[v] != v)
		v = parent[v] = parent[parent[v]];
	return v;
}

int main(void)
{
	int n, v, d, u, i, roots = 0;

	if (scanf("%d", &n) != 1)
		return 1;
	for (v = 1; v <= n; v++)
		parent[v] = v;
	for (v = 1; v <= n; v++) {
		printf("? %d\n", v);
		fflush(stdout);
		if (scanf("%d", &d) != 1)
			return 1;
		for (i = 0; i < d; i++) {
			if (scanf("%d", &u) != 1)
				return 1;
			parent[find(u)] = find(v);
		}
	}
	for (v = 1; v <= n; v++)
		roots += find(v) == v;
	printf("! %d\n", roots);
	fflush(stdout);
	return 0;
}
