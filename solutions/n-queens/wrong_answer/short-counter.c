/* n-queens, WRONG (overflow): a correct bitmask search, but the counter is
 * an unsigned short (16 bits, at most 65535). Every answer up to n = 12
 * (14200) fits; n = 13 has 73712 placements and the counter wraps to 8176.
 * Caught by t13-n13 only: the large cases are the overflow trap. */
#include <stdio.h>

static unsigned full;
static unsigned short count;

static void solve(unsigned cols, unsigned ld, unsigned rd)
{
	if (cols == full) {
		count++;
		return;
	}
	unsigned free = full & ~(cols | ld | rd);
	while (free) {
		unsigned bit = free & -free;
		free ^= bit;
		solve(cols | bit, (ld | bit) << 1, (rd | bit) >> 1);
	}
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	full = (1u << n) - 1;
	solve(0, 0, 0);
	printf("%u\n", (unsigned)count);
	return 0;
}
