/* gen for combination-sum: `gen SEED SIZE [random|smallest]` writes one valid
 * input with n = SIZE (clamped to 1..30) distinct candidates, in shuffled order.
 * random: candidates drawn from 2..40, target 25..40; smallest: candidates
 * 2..n+1 and target 40 (the most combinations for that n). Deterministic. */
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
	int pool[39], n, target, i, m = 39;
	const char *mode = argc > 3 ? argv[3] : "random";

	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|smallest]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	n = atoi(argv[2]);
	if (n < 1) n = 1;
	if (n > 30) n = 30;
	for (i = 0; i < 39; i++)
		pool[i] = i + 2;
	if (strcmp(mode, "smallest") == 0) {
		m = n;
		target = 40;
	} else if (strcmp(mode, "random") == 0) {
		target = 25 + (int)(next() % 16);
	} else {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	/* partial Fisher-Yates over the first m values of the pool */
	for (i = 0; i < n; i++) {
		int j = i + (int)(next() % (uint64_t)(m - i)), t = pool[i];
		pool[i] = pool[j];
		pool[j] = t;
	}
	printf("%d %d\n", n, target);
	for (i = 0; i < n; i++)
		printf("%d%c", pool[i], i + 1 < n ? ' ' : '\n');
	return 0;
}
