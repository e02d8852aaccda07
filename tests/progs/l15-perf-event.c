/* Kernel interfaces: perf_event_open (side channels, kernel bugs). Denied:
 * SV. */
#include <linux/perf_event.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct perf_event_attr a;

	memset(&a, 0, sizeof(a));
	a.size = sizeof(a);
	a.type = PERF_TYPE_HARDWARE;
	a.config = PERF_COUNT_HW_CPU_CYCLES;
	if (syscall(SYS_perf_event_open, &a, 0, -1, -1, 0) >= 0)
		printf("ESCAPED perf_event_open\n");
	return 3;
}
