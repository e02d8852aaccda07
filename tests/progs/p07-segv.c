/* Processes: a legitimate null dereference: RE SIGSEGV. */
#include <stdio.h>

int main(void)
{
	volatile int *p = NULL;

	printf("before\n");
	fflush(stdout);
	return *p;
}
