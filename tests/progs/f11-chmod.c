/* Filter bypass: chmod / chown / fchmod / utime. Denied: SV. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	if (chmod(".", 0777) == 0)
		printf("ESCAPED chmod\n");
	if (fchmod(1, 0777) == 0)
		printf("ESCAPED fchmod\n");
	if (chown(".", 0, 0) == 0)
		printf("ESCAPED chown\n");
	return 3;
}
