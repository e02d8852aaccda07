/* Processes: ptrace the judge (parent) and itself. Denied: SV. */
#include <stdio.h>
#include <sys/ptrace.h>
#include <unistd.h>

int main(void)
{
	if (ptrace(PTRACE_ATTACH, getppid(), NULL, NULL) == 0)
		printf("ESCAPED attached to the judge\n");
	if (ptrace(PTRACE_TRACEME, 0, NULL, NULL) == 0)
		printf("ESCAPED traceme\n");
	return 3;
}
