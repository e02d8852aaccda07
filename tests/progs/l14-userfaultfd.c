/* Kernel interfaces: userfaultfd (stalls the kernel on page faults). Denied:
 * SV. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	if (syscall(SYS_userfaultfd, O_CLOEXEC) >= 0)
		printf("ESCAPED userfaultfd\n");
	return 3;
}
