/* Processes: clone3 passes its flags in memory a filter cannot read; it must
 * answer ENOSYS, which a program can handle: it then exits 42 (RE, exit
 * 42). A new process prints ESCAPED; SV is acceptable too (denied). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct clone_args a;
	long r;

	memset(&a, 0, sizeof(a));
	a.exit_signal = 17;
	r = syscall(SYS_clone3, &a, sizeof(a));
	if (r == 0)
		_exit(0);
	if (r > 0) {
		printf("ESCAPED clone3 made %ld\n", r);
		return 3;
	}
	return errno == ENOSYS ? 42 : 43;
}
