/* Resources: SIGXCPU ignored, then a CPU loop. RLIMIT_CPU's soft signal must
 * not be the judge's only weapon. Expected TLE. */
#include <signal.h>

int main(void)
{
	volatile unsigned long x = 0;

	signal(SIGXCPU, SIG_IGN);
	for (;;)
		x++;
}
