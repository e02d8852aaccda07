/* The honest program: a + b. Expected OK with "7" for "3 4"; the driver
 * runs it after the battery to show the judge still works. */
#include <stdio.h>

int main(void)
{
	long long a, b;

	if (scanf("%lld %lld", &a, &b) != 2)
		return 1;
	printf("%lld\n", a + b);
	return 0;
}
