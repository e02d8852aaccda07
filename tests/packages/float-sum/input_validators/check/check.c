/* input validator: two reals on one line, nothing else */
#include <stdio.h>
#include "helper.h"

int main(void)
{
	double a, b;
	char c;

	if (scanf("%lf %lf", &a, &b) != 2 || !in_range(a) || !in_range(b))
		return 43;
	if (scanf(" %c", &c) == 1)
		return 43;
	return 42;
}
