/* Resources: the program stops itself. A stopped process burns no CPU; the
 * wall limit must still end it. Expected TLE (wall); SV if raising SIGSTOP
 * is refused. */
#include <signal.h>

int main(void)
{
	raise(SIGSTOP);
	return 0;
}
