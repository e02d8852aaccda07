/* n-queens reference: row-by-row backtracking with bitmasks. cols holds the
 * occupied columns, ld/rd the squares attacked along the two diagonals in
 * the current row (shifted by one per row). The free squares of a row are
 * ~(cols | ld | rd); each is taken by isolating the lowest set bit.
 * Exponential, about 2.7*10^7 nodes at n = 14. */
#include <stdio.h>

static int n;
static unsigned full;

static long long solve(unsigned cols, unsigned ld, unsigned rd)
{
	if (cols == full)
		return 1;
	long long count = 0;
	unsigned free = full & ~(cols | ld | rd);
	while (free) {
		unsigned bit = free & -free;
		free ^= bit;
		count += solve(cols | bit, (ld | bit) << 1, (rd | bit) >> 1);
	}
	return count;
}

int main(void)
{
	if (scanf("%d", &n) != 1)
		return 1;
	full = (1u << n) - 1;
	printf("%lld\n", solve(0, 0, 0));
	return 0;
}
