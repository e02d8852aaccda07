/* Processes: a plain non-zero exit: RE with the exit code, no signal. */
#include <stdio.h>

int main(void)
{
	printf("partial output\n");
	return 7;
}
