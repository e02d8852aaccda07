/* Resources: sleeping uses no CPU; the wall-clock limit must end it.
 * Expected TLE (wall). */
#include <unistd.h>

int main(void)
{
	sleep(1000);
	return 0;
}
