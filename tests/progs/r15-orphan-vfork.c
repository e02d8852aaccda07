/* Resources: an orphan that outlives main, made with vfork. Expected SV at
 * vfork. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	pid_t p = vfork();

	if (p == 0) {
		sleep(100);
		_exit(0);
	}
	if (p > 0)
		printf("ESCAPED orphan %d\n", (int)p);
	return 3;
}
