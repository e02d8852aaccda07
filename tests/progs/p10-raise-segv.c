/* Processes: raise(SIGSEGV) must kill the program: RE SIGSEGV (a program
 * that is PID 1 of a namespace would ignore it and exit 0: that would be
 * "OK", which the table refuses). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	raise(SIGSEGV);
	printf("ESCAPED survived raise(SIGSEGV)\n");
	return 0;
}
