/* Zombies and detached grandchildren: double fork so that the grandchild is
 * reparented away from the run. fork is denied: SV; the driver checks no
 * process of the sandbox uids remains. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	pid_t p = fork();

	if (p == 0) {
		if (fork() == 0) {
			setsid();
			sleep(1000);
		}
		_exit(0);
	}
	if (p > 0)
		printf("ESCAPED double fork\n");
	return 3;
}
