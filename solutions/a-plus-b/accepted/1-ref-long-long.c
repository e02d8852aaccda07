/* a-plus-b reference: read both numbers into signed 64-bit integers and add.
 * |a + b| <= 2*10^18 < 2^63 - 1, so long long never overflows. O(1). */
#include <stdio.h>

int main(void)
{
	long long a, b;
	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	return 0;
}
