/* gen for hidden-graph: `gen SEED SIZE [random|forest|path|isolated|dense]`
 * writes one valid graph with n = SIZE vertices (clamped to 1..1000).
 * random: about n edges between random vertices; forest: random trees, a
 * few components; path: one path through every vertex in a random order (a
 * recursive DFS goes n calls deep); isolated: no edge, n components; dense:
 * as many random edges as the limit allows (10000). Deterministic for a
 * seed. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 1000
#define MAX_M 10000

static uint64_t state;
static unsigned char seen[MAX_N + 1][(MAX_N + 8) / 8];
static int eu[MAX_M], ev[MAX_M], m;

static uint64_t next(void) /* splitmix64 */
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int pick(int n)
{
	return 1 + (int)(next() % (uint64_t)n);
}

/* Add edge u-v unless it is a loop or already there. */
static void edge(int u, int v)
{
	if (u == v || m >= MAX_M || (seen[u][v / 8] & (1 << (v % 8))))
		return;
	seen[u][v / 8] |= (unsigned char)(1 << (v % 8));
	seen[v][u / 8] |= (unsigned char)(1 << (u % 8));
	eu[m] = u;
	ev[m++] = v;
}

int main(int argc, char **argv)
{
	static int perm[MAX_N + 1];
	const char *mode = argc > 3 ? argv[3] : "random";
	long long want;
	int n, i, j, t;

	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|forest|path|isolated|dense]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	n = atoi(argv[2]);
	if (n < 1) n = 1;
	if (n > MAX_N) n = MAX_N;
	for (i = 1; i <= n; i++)
		perm[i] = i;
	for (i = n; i > 1; i--) {
		j = pick(i);
		t = perm[i]; perm[i] = perm[j]; perm[j] = t;
	}
	if (!strcmp(mode, "random")) {
		for (i = 0; i < n; i++)
			edge(pick(n), pick(n));
	} else if (!strcmp(mode, "forest")) {
		/* vertex perm[i] hangs from an earlier one, except a few roots */
		for (i = 2; i <= n; i++)
			if (next() % 50)
				edge(perm[i], perm[pick(i - 1)]);
	} else if (!strcmp(mode, "path")) {
		for (i = 2; i <= n; i++)
			edge(perm[i - 1], perm[i]);
	} else if (!strcmp(mode, "dense")) {
		want = (long long)n * (n - 1) / 2;
		if (want > MAX_M)
			want = MAX_M;
		for (i = 0; m < want && i < 40 * MAX_M; i++)
			edge(pick(n), pick(n));
	} else if (strcmp(mode, "isolated")) {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	printf("%d %d\n", n, m);
	for (i = 0; i < m; i++)
		printf("%d %d\n", eu[i], ev[i]);
	return 0;
}
