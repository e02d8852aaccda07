/* Processes: prctl (drop the parent-death signal, rename, dumpable). Not
 * needed by a static program: SV. */
#include <stdio.h>
#include <sys/prctl.h>

int main(void)
{
	if (prctl(PR_SET_PDEATHSIG, 0) == 0)
		printf("ESCAPED pdeathsig cleared\n");
	if (prctl(PR_SET_DUMPABLE, 1) == 0)
		printf("ESCAPED dumpable\n");
	return 3;
}
