/* Kernel interfaces: reboot (a no-op for a non-root uid, fatal for the host
 * if the filter or the uid drop failed: it asks only for CAD_OFF, which is
 * harmless even if it got through). Denied: SV. */
#include <stdio.h>
#include <sys/reboot.h>

int main(void)
{
	if (reboot(RB_DISABLE_CAD) == 0)
		printf("ESCAPED reboot\n");
	return 3;
}
