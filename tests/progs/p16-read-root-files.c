/* Processes: read root-only and host files: /etc/shadow, /etc/passwd,
 * /root. Expected RE (exit 3: nothing could be read); whatever is read is
 * printed, and the driver checks nothing of the host appears. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	const char *paths[] = { "/etc/shadow", "/etc/passwd", "/etc/hostname",
				"/root/.bash_history", "/proc/1/environ", NULL };
	char b[4096];
	int i, any = 0;

	for (i = 0; paths[i]; i++) {
		int fd = open(paths[i], O_RDONLY);
		ssize_t n;

		if (fd < 0)
			continue;
		n = read(fd, b, sizeof(b));
		if (n > 0) {
			printf("ESCAPED %s:\n", paths[i]);
			fwrite(b, 1, (size_t)n, stdout);
			any = 1;
		}
		close(fd);
	}
	return any ? 0 : 3;
}
