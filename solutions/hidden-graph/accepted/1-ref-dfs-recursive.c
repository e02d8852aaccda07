/* hidden-graph reference: a recursive DFS from every vertex not seen yet,
 * asking about each vertex once, when the search first reaches it (n
 * questions). Depth up to n = 2000 calls. */
#include <stdio.h>
#include <stdlib.h>

static int n, seen[2001];

static void visit(int v)
{
	int d, i, *next;

	seen[v] = 1;
	printf("? %d\n", v);
	fflush(stdout);
	if (scanf("%d", &d) != 1)
		exit(1);
	next = malloc(sizeof(int) * (size_t)(d ? d : 1));
	for (i = 0; i < d; i++)
		if (scanf("%d", &next[i]) != 1)
			exit(1);
	for (i = 0; i < d; i++)
		if (!seen[next[i]])
			visit(next[i]);
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
