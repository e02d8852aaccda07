/* hidden-graph, crashes: asks about every vertex once and keeps the
 * neighbour lists, but its DFS marks a vertex only after visiting its
 * neighbours, so it goes back and forth along the first edge until the
 * stack runs out (SIGSEGV). */
#include <stdio.h>
#include <stdlib.h>

static int n, deg[2001], *adj[2001], seen[2001];

static void visit(int v)
{
	for (int i = 0; i < deg[v]; i++)
		if (!seen[adj[v][i]])
			visit(adj[v][i]);
	seen[v] = 1;
}

int main(void)
{
	int v, i, components = 0;

	if (scanf("%d", &n) != 1)
		return 1;
	for (v = 1; v <= n; v++) {
		printf("? %d\n", v);
		fflush(stdout);
		if (scanf("%d", &deg[v]) != 1)
			return 1;
		adj[v] = malloc(sizeof(int) * (size_t)(deg[v] ? deg[v] : 1));
		for (i = 0; i < deg[v]; i++)
			if (scanf("%d", &adj[v][i]) != 1)
				return 1;
	}
	for (v = 1; v <= n; v++)
		if (!seen[v]) {
			components++;
			visit(v);
		}
	printf("! %d\n", components);
	fflush(stdout);
	return 0;
}
