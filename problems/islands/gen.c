/* gen for islands: `gen SEED SIZE [random|full|snake|checker]` writes one
 * valid SIZE x SIZE grid (SIZE clamped to 1..1000). random: each cell is 1
 * with a probability of 30..70% drawn from the seed; full: all 1s (one island,
 * a recursive flood fill r*c calls deep); snake: a one-cell-wide path winding
 * through every other row (one island, DFS depth about r*c/2); checker: a
 * checkerboard (r*c/2 islands of one cell). Deterministic for a seed.
 * The first line of stderr, "size R*C", is the input's size that 'judge
 * complexity' measures the running time against. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;

static uint64_t next(void) /* splitmix64 */
{
	uint64_t z = (state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

int main(int argc, char **argv)
{
	static char row[1002];
	const char *mode = argc > 3 ? argv[3] : "random";
	int n, i, j, percent = 0;

	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|full|snake|checker]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	n = atoi(argv[2]);
	if (n < 1) n = 1;
	if (n > 1000) n = 1000;
	if (strcmp(mode, "random") == 0)
		percent = 30 + (int)(next() % 41);
	else if (strcmp(mode, "full") && strcmp(mode, "snake") && strcmp(mode, "checker")) {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	printf("%d %d\n", n, n);
	/* the input's size for 'judge complexity': the cells, not the side */
	fprintf(stderr, "size %d\n", n * n);
	for (i = 0; i < n; i++) {
		for (j = 0; j < n; j++) {
			int one;

			if (percent)
				one = (int)(next() % 100) < percent;
			else if (mode[0] == 'f')
				one = 1;
			else if (mode[0] == 'c')
				one = (i + j) % 2 == 0;
			else /* snake: full even rows, joined at alternating ends */
				one = i % 2 == 0 || j == ((i / 2) % 2 == 0 ? n - 1 : 0);
			row[j] = one ? '1' : '0';
		}
		row[n] = '\n';
		fwrite(row, 1, n + 1, stdout);
	}
	return 0;
}
