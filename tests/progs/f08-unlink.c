/* Filter bypass: unlink / rmdir. Denied: SV. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (unlink("/etc/hostname") == 0 || unlink("prog") == 0)
		printf("ESCAPED unlink\n");
	if (rmdir("/tmp") == 0)
		printf("ESCAPED rmdir\n");
	return 3;
}
