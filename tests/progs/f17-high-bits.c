/* Filter bypass: high bits in 64-bit arguments that the kernel truncates to
 * int. ioctl's request is 32-bit in the kernel: TIOCSTI | 1<<32 is
 * TIOCSTI. open's flags likewise. Expected SV at the ioctl. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char c = 'x';

	if (syscall(SYS_ioctl, 0, (1UL << 32) | TIOCSTI, &c) == 0)
		printf("ESCAPED TIOCSTI with high bits\n");
	if (syscall(SYS_openat, AT_FDCWD, "/tmp/judge-escape-high",
		    (1UL << 32) | O_WRONLY | O_CREAT, 0666) >= 0)
		printf("ESCAPED openat with high bits\n");
	return 3;
}
