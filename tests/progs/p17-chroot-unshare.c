/* Processes: break out of the chroot (chroot + chdir ..), or make new
 * namespaces. Denied: SV. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	if (chroot(".") == 0)
		printf("ESCAPED chroot\n");
	if (unshare(CLONE_NEWUSER | CLONE_NEWNS) == 0)
		printf("ESCAPED unshare\n");
	return 3;
}
