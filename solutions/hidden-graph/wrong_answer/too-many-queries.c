/* hidden-graph, wrong: a DFS that asks about a vertex every time an edge
 * leads to it and only then looks whether it was seen: 2m + (number of
 * components) questions, more than n as soon as there are edges, and the
 * interactor stops it (WA). */
#include <stdio.h>
#include <stdlib.h>

static int n, seen[2001];

static void visit(int v)
{
	int d, i, *next;

	printf("? %d\n", v);
	fflush(stdout);
	if (scanf("%d", &d) != 1)
		exit(1);
	next = malloc(sizeof(int) * (size_t)(d ? d : 1));
	for (i = 0; i < d; i++)
		if (scanf("%d", &next[i]) != 1)
			exit(1);
	if (!seen[v]) {
		seen[v] = 1;
		for (i = 0; i < d; i++)
			visit(next[i]);
	}
	free(next);
}

int main(void)
{
	int v, components = 0;

	if (scanf("%d", &n) != 1)
		return 1;
	for (v = 1; v <= n; v++)
		if (!seen[v]) {
			components++;
			visit(v);
		}
	printf("! %d\n", components);
	fflush(stdout);
	return 0;
}
