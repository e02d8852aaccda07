/* Processes: clone with flags a filter might mask wrongly: CLONE_THREAD
 * (which a thread rule requires) together with CLONE_NEWUSER, and without
 * CLONE_VM. No thread or process is allowed in a run: expected SV naming
 * clone. */
#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long r = syscall(SYS_clone, CLONE_THREAD | CLONE_SIGHAND | CLONE_NEWUSER |
			 SIGCHLD, 0, 0, 0, 0);

	if (r >= 0)
		printf("ESCAPED clone %ld\n", r);
	return 3;
}
