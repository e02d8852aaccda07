/* Leaks: /proc reconnaissance: the judge's environment and command line,
 * mounts, other processes. /proc is not in the box: RE (exit 3). Whatever
 * is read is printed; the driver checks the judge's secret environment
 * variable never appears. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

static int dump(const char *path)
{
	char b[8192];
	ssize_t n;
	int fd = open(path, O_RDONLY), got = 0;

	if (fd < 0)
		return 0;
	while ((n = read(fd, b, sizeof(b))) > 0) {
		fwrite(b, 1, (size_t)n, stdout);
		got = 1;
	}
	close(fd);
	return got;
}

int main(void)
{
	char path[64];
	int any = 0;

	snprintf(path, sizeof(path), "/proc/%d/environ", (int)getppid());
	any |= dump(path);
	snprintf(path, sizeof(path), "/proc/%d/cmdline", (int)getppid());
	any |= dump(path);
	any |= dump("/proc/self/environ");
	any |= dump("/proc/self/mountinfo");
	any |= dump("/proc/1/environ");
	return any ? 0 : 3;
}
