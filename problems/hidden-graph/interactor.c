/* interactor for hidden-graph (the Kattis contract): run as
 * `interactor input answer feedback_dir/` with the solution's output on
 * stdin and its input on stdout. Sends n, answers "? v" with the degree and
 * the sorted neighbours of v (at most n questions), and checks "! k"
 * against the number of components it counts itself (union-find; the
 * answer file is not needed). Exit 42: accepted; 43: wrong answer, with the
 * reason in feedback_dir/judgemessage.txt. Anything else is its own
 * failure (a bad input file: exit 1). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 1000
#define MAX_M 10000

static int n, m, deg[MAX_N + 1], *adj[MAX_N + 1], parent[MAX_N + 1];
static int eu[MAX_M], ev[MAX_M];
static const char *feedback;

static void verdict(int code, const char *fmt, ...)
{
	char path[512];
	FILE *f = NULL;
	va_list ap;

	if (feedback) {
		snprintf(path, sizeof path, "%sjudgemessage.txt", feedback);
		f = fopen(path, "w");
	}
	if (!f)
		f = stderr;
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	if (f != stderr)
		fclose(f);
	exit(code);
}

static int find(int v)
{
	while (parent[v] != v)
		v = parent[v] = parent[parent[v]];
	return v;
}

static int cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static void load(const char *path)
{
	FILE *f = fopen(path, "r");
	int i, fill[MAX_N + 1] = { 0 };

	if (!f || fscanf(f, "%d %d", &n, &m) != 2 || n < 1 || n > MAX_N || m < 0 || m > MAX_M) {
		fprintf(stderr, "bad input file '%s'\n", path);
		exit(1);
	}
	for (i = 0; i < m; i++)
		if (fscanf(f, "%d %d", &eu[i], &ev[i]) != 2 || eu[i] < 1 || eu[i] > n ||
		    ev[i] < 1 || ev[i] > n || eu[i] == ev[i]) {
			fprintf(stderr, "bad edge %d in '%s'\n", i + 1, path);
			exit(1);
		}
	fclose(f);
	for (i = 0; i < m; i++) {
		deg[eu[i]]++;
		deg[ev[i]]++;
	}
	for (i = 1; i <= n; i++) {
		adj[i] = malloc(sizeof(int) * (size_t)(deg[i] ? deg[i] : 1));
		parent[i] = i;
	}
	for (i = 0; i < m; i++) {
		adj[eu[i]][fill[eu[i]]++] = ev[i];
		adj[ev[i]][fill[ev[i]]++] = eu[i];
		parent[find(eu[i])] = find(ev[i]);
	}
	for (i = 1; i <= n; i++)
		qsort(adj[i], (size_t)deg[i], sizeof(int), cmp_int);
}

int main(int argc, char **argv)
{
	int questions = 0, components = 0, v, i;
	char op[8];
	long k;

	if (argc < 4) {
		fprintf(stderr, "usage: interactor input answer feedback_dir/\n");
		return 1;
	}
	feedback = argv[3];
	load(argv[1]);
	for (i = 1; i <= n; i++)
		components += find(i) == i;
	printf("%d\n", n);
	fflush(stdout);
	for (;;) {
		if (scanf("%7s", op) != 1)
			verdict(43, "the program ended without writing '! k' (after %d questions)",
				questions);
		if (!strcmp(op, "!")) {
			if (scanf("%ld", &k) != 1)
				verdict(43, "'!' must be followed by the number of components");
			if (k != components)
				verdict(43, "wrong answer: %ld components, expected %d", k,
					components);
			verdict(42, "%d components found with %d questions", components,
				questions);
		}
		if (strcmp(op, "?"))
			verdict(43, "expected '?' or '!', got '%s'", op);
		if (scanf("%d", &v) != 1 || v < 1 || v > n)
			verdict(43, "question %d: '?' must be followed by a vertex 1..%d",
				questions + 1, n);
		if (++questions > n)
			verdict(43, "too many questions: more than n = %d", n);
		printf("%d", deg[v]);
		for (i = 0; i < deg[v]; i++)
			printf(" %d", adj[v][i]);
		printf("\n");
		fflush(stdout);
	}
}
