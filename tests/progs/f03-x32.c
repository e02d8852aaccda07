/* Filter bypass: x32 system call numbers (nr | 0x40000000). Must be
 * filtered: SV (the kernel here would answer ENOSYS). */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	static const char msg[] = "ESCAPED x32 write\n";
	long r = syscall(0x40000000L | SYS_write, 1, msg, sizeof(msg) - 1);

	return r > 0 ? 0 : 3;
}
