/* a-plus-b, WRONG (overflow): 32-bit int. The values and the sum do not fit
 * in int: scanf("%d") truncates big inputs and a + b wraps past 2^31 - 1.
 * Caught by sample-3 (2147483647 + 1 prints -2147483648). */
#include <stdio.h>

int main(void)
{
	int a, b;
	if (scanf("%d %d", &a, &b) != 2)
		return 1;
	printf("%d\n", (int)((unsigned)a + (unsigned)b));
	return 0;
}
