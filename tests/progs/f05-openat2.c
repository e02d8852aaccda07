/* Filter bypass: openat2 passes its flags in memory (like clone3). Must be
 * denied or ENOSYS: SV, or RE exit 3 when refused. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct open_how how;
	long fd;

	memset(&how, 0, sizeof(how));
	how.flags = O_WRONLY | O_CREAT;
	how.mode = 0666;
	fd = syscall(SYS_openat2, AT_FDCWD, "/tmp/judge-escape-openat2", &how, sizeof(how));
	if (fd >= 0)
		printf("ESCAPED openat2\n");
	return 3;
}
