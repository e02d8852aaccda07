/* Leaks: read the expected answers, the database and a root-only secret by
 * absolute path (the driver gives the paths on stdin). The box shows none of
 * them: RE (exit 3). Whatever is read is printed; the driver checks that the
 * secret and the database never appear. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	char path[4096], b[4096];
	int any = 0;

	while (fgets(path, sizeof(path), stdin)) {
		int fd;
		ssize_t n;

		path[strcspn(path, "\n")] = 0;
		fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;
		while ((n = read(fd, b, sizeof(b))) > 0) {
			printf("ESCAPED %s: ", path);
			fwrite(b, 1, (size_t)n, stdout);
			any = 1;
		}
		close(fd);
	}
	return any ? 0 : 3;
}
