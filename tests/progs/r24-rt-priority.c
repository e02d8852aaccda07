/* Resources: real-time priority would let a loop starve the host. Denied:
 * SV. (If it were allowed the loop would print ESCAPED then TLE.) */
#include <sched.h>
#include <stdio.h>

int main(void)
{
	struct sched_param sp = { .sched_priority = 99 };
	volatile unsigned long x = 0;

	if (sched_setscheduler(0, SCHED_FIFO, &sp) == 0) {
		printf("ESCAPED SCHED_FIFO\n");
		fflush(stdout);
	}
	for (;;)
		x++;
}
