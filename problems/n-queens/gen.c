/* gen.c: writes one n-queens input. Usage: gen SEED SIZE
 * SIZE >= 1 is n itself, clamped to 14; SIZE <= 0 picks n in [1, 14] from
 * the seed (splitmix64), so the output is deterministic either way. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE\n");
		return 2;
	}
	unsigned long long z = strtoull(argv[1], NULL, 10) + 0x9e3779b97f4a7c15ULL;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	z ^= z >> 31;
	long n = atol(argv[2]);
	if (n <= 0)
		n = 1 + (long)(z % 14);
	if (n > 14)
		n = 14;
	printf("%ld\n", n);
	return 0;
}
