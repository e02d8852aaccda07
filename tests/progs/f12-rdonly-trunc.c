/* Filter bypass: O_RDONLY|O_TRUNC truncates a writable file. The path of a
 * file outside the box (the driver's sentinel) is read from stdin. Denied:
 * SV; the driver checks the file is unchanged. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
	char path[4096];

	while (fgets(path, sizeof(path), stdin)) {
		path[strcspn(path, "\n")] = 0;
		if (open(path, O_RDONLY | O_TRUNC) >= 0)
			printf("ESCAPED opened with O_TRUNC\n");
	}
	if (open("/proc/self/fd/1", O_RDONLY | O_TRUNC) >= 0)
		printf("ESCAPED stdout truncated\n");
	return 3;
}
