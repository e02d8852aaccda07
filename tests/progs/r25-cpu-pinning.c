/* Resources: pin itself to one CPU and lower its niceness. Denied: SV. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/resource.h>

int main(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set) == 0)
		printf("ESCAPED pinned\n");
	if (setpriority(PRIO_PROCESS, 0, -20) == 0)
		printf("ESCAPED nice -20\n");
	return 3;
}
