/* Processes: signal the judge (the parent) and everyone (-1). kill is only
 * allowed for pid 0: SV. The judge must survive and report. */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (kill(getppid(), SIGKILL) == 0)
		printf("ESCAPED parent signalled\n");
	if (kill(-1, SIGKILL) == 0)
		printf("ESCAPED everyone signalled\n");
	return 3;
}
