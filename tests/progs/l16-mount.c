/* Kernel interfaces: mount a tmpfs or /proc, pivot out. Denied: SV. */
#include <stdio.h>
#include <sys/mount.h>

int main(void)
{
	if (mount("none", ".", "tmpfs", 0, NULL) == 0)
		printf("ESCAPED mount\n");
	if (umount2("/", MNT_DETACH) == 0)
		printf("ESCAPED umount\n");
	return 3;
}
