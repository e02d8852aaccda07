/* Processes: become root again, or join groups. Denied: SV. */
#include <grp.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	gid_t g = 0;

	if (setuid(0) == 0)
		printf("ESCAPED setuid(0)\n");
	if (setgroups(1, &g) == 0)
		printf("ESCAPED setgroups\n");
	return 3;
}
