/* Resources: verdict forging. The program prints one short line and raises
 * SIGXFSZ itself. Its output is a pipe, to which RLIMIT_FSIZE never
 * applies, and it wrote 3 bytes: no output limit was reached. Expected RE
 * with signal SIGXFSZ, never OLE (OLE must come from the judge's own count
 * of the output). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	puts("42");
	fflush(stdout);
	raise(SIGXFSZ);
	return 0;
}
