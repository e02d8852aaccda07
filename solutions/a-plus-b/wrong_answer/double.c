/* a-plus-b, WRONG (float precision): reads the numbers as double. A double has
 * a 53-bit mantissa, so integers above 2^53 ~ 9*10^15 are rounded: every small
 * test passes, but t08-double-trap (123456789012345678 + 876543210987654321 =
 * 999999999999999999) prints 1000000000000000000. */
#include <stdio.h>

int main(void)
{
	double a, b;
	if (scanf("%lf %lf", &a, &b) != 2)
		return 1;
	printf("%.0f\n", a + b);
	return 0;
}
