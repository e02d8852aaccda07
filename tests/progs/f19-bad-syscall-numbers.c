/* Filter bypass: system call numbers outside every table: -1 (which the
 * kernel uses for "skip this call") and a number with the x32 bit and
 * more. The filter's default applies: expected SV. (The SV message names
 * -1 as "x32:-1", a cosmetic flaw.) */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	if (syscall(-1L) >= 0)
		printf("ESCAPED syscall -1\n");
	if (syscall(0x7fffffffL) >= 0)
		printf("ESCAPED syscall 0x7fffffff\n");
	return 3;
}
