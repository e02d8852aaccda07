/* gen for combination-sum-ii: `gen SEED SIZE [random|rich|small|equal]`
 * writes one valid input with n = SIZE (clamped to 1..100), shuffled.
 * random: values 1..50, target 10..30; rich: value v repeated floor(30/v)
 * times from v = 30 down to 1 until n values (the most combinations: close to
 * the 5604 partitions of 30), target 30; small: values 1..5, target 20..30;
 * equal: every value the same (1 or 2), target 30. Deterministic. */
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
	int a[100], n, target, i, v;
	const char *mode = argc > 3 ? argv[3] : "random";

	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|rich|small|equal]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	n = atoi(argv[2]);
	if (n < 1) n = 1;
	if (n > 100) n = 100;
	if (strcmp(mode, "random") == 0) {
		target = 10 + (int)(next() % 21);
		for (i = 0; i < n; i++)
			a[i] = 1 + (int)(next() % 50);
	} else if (strcmp(mode, "rich") == 0) {
		target = 30;
		for (i = 0, v = 30; i < n; v = v > 1 ? v - 1 : 30) {
			int copies = 30 / v;

			while (copies-- > 0 && i < n)
				a[i++] = v;
		}
	} else if (strcmp(mode, "small") == 0) {
		target = 20 + (int)(next() % 11);
		for (i = 0; i < n; i++)
			a[i] = 1 + (int)(next() % 5);
	} else if (strcmp(mode, "equal") == 0) {
		target = 30;
		v = 1 + (int)(next() % 2);
		for (i = 0; i < n; i++)
			a[i] = v;
	} else {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	for (i = n - 1; i > 0; i--) {
		int j = (int)(next() % (uint64_t)(i + 1)), t = a[i];

		a[i] = a[j];
		a[j] = t;
	}
	printf("%d %d\n", n, target);
	for (i = 0; i < n; i++)
		printf("%d%c", a[i], i + 1 < n ? ' ' : '\n');
	return 0;
}
