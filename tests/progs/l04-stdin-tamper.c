/* Leaks/interface: tamper with the input file through stdin: write to it,
 * reopen it for writing through /proc, truncate it. Expected SV (or RE);
 * the driver checks the input file is unchanged. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (write(0, "ESCAPED", 7) == 7)
		printf("ESCAPED wrote to stdin\n");
	lseek(0, 0, SEEK_SET);
	if (open("/proc/self/fd/0", O_WRONLY) >= 0)
		printf("ESCAPED reopened stdin for writing\n");
	if (ftruncate(0, 0) == 0)
		printf("ESCAPED truncated stdin\n");
	return 3;
}
