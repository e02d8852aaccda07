/* gen.c: writes one random a-plus-b input. Usage: gen SEED SIZE [MODE]
 * SIZE (1..18) is the number of decimal digits: |a|, |b| <= 10^SIZE.
 * MODE: random (default), extreme (values within 1000 of +-10^SIZE). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long state;

static unsigned long long next(void) /* splitmix64 */
{
	unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* A uniform integer in [-m, m]. */
static long long pick(long long m)
{
	return (long long)(next() % (unsigned long long)(2 * m + 1)) - m;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|extreme]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	int size = atoi(argv[2]);
	const char *mode = argc > 3 ? argv[3] : "random";
	if (size < 1)
		size = 1;
	if (size > 18)
		size = 18;
	long long m = 1;
	for (int i = 0; i < size; i++)
		m *= 10;
	long long a, b;
	if (strcmp(mode, "extreme") == 0) {
		a = m - (long long)(next() % 1001);
		b = m - (long long)(next() % 1001);
		if (next() & 1)
			a = -a;
		if (next() & 1)
			b = -b;
	} else if (strcmp(mode, "random") == 0) {
		a = pick(m);
		b = pick(m);
	} else {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	printf("%lld %lld\n", a, b);
	return 0;
}
