/* Resources: sleeping until an absolute time far in the future
 * (clock_nanosleep with TIMER_ABSTIME on CLOCK_MONOTONIC and on
 * CLOCK_REALTIME): no CPU is used, the wall-clock limit must end it.
 * Expected TLE (wall). */
#include <time.h>

int main(void)
{
	struct timespec t = { 0x7fffffff, 0 };

	clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &t, NULL);
	clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &t, NULL);
	return 3;
}
