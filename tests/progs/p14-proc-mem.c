/* Processes: /proc/PID/mem of the judge, read then write. /proc is not in
 * the box, or reading another uid's memory fails; opening for writing is
 * denied: SV. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	char path[64], b[64];
	int fd;

	snprintf(path, sizeof(path), "/proc/%d/mem", (int)getppid());
	fd = open(path, O_RDONLY);
	if (fd >= 0 && pread(fd, b, sizeof(b), 0x400000) > 0)
		printf("ESCAPED read the judge's memory\n");
	fd = open("/proc/self/mem", O_RDWR);
	if (fd >= 0)
		printf("ESCAPED /proc/self/mem writable\n");
	fd = open(path, O_RDWR);
	if (fd >= 0)
		printf("ESCAPED judge memory writable\n");
	return 3;
}
