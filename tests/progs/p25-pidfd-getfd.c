/* Processes: take descriptors out of the box process (PID 1, which holds
 * the seccomp listener and the judge's sockets) with pidfd_open +
 * pidfd_getfd. Expected SV naming pidfd_open; "ESCAPED" if a descriptor
 * was copied. */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	long pfd = syscall(SYS_pidfd_open, 1, 0);
	int fd;

	if (pfd < 0)
		return 3;
	for (fd = 0; fd < 64; fd++)
		if (syscall(SYS_pidfd_getfd, pfd, fd, 0) >= 0)
			printf("ESCAPED pidfd_getfd %d\n", fd);
	return 3;
}
