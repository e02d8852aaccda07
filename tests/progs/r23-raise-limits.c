/* Resources: raise its own limits (CPU, address space, processes), then
 * loop. Raising is denied (SV); if it were only refused the loop ends as
 * TLE. A successful raise says so. */
#include <stdio.h>
#include <sys/resource.h>

int main(void)
{
	struct rlimit inf = { RLIM_INFINITY, RLIM_INFINITY };
	volatile unsigned long x = 0;

	if (setrlimit(RLIMIT_CPU, &inf) == 0)
		printf("ESCAPED RLIMIT_CPU raised\n");
	if (setrlimit(RLIMIT_AS, &inf) == 0)
		printf("ESCAPED RLIMIT_AS raised\n");
	fflush(stdout);
	for (;;)
		x++;
}
