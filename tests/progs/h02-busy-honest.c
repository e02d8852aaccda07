/* An honest program that computes for a while (about a second of CPU)
 * and then prints its result and exits 0: OK. The driver runs it beside
 * hostile runs in parallel workers, which must not disturb it. */
#include <stdio.h>

int main(void)
{
	volatile unsigned long x = 0;
	unsigned long i;

	for (i = 0; i < 3000000000UL; i++)
		x += i;
	printf("done %lu\n", (unsigned long)(x != 0));
	return 0;
}
