/* Processes: kill(-1, SIGKILL) first thing: every process of the uid (a
 * parallel worker's run, if uids were shared). Expected SV. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	if (kill(-1, SIGKILL) == 0)
		printf("ESCAPED kill -1\n");
	return 3;
}
