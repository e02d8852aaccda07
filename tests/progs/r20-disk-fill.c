/* Resources: fill the disk through a file in the box and in /tmp. Opening
 * for writing is denied: SV. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
	static char b[1 << 20];
	int fd = open("fill", O_WRONLY | O_CREAT, 0666);

	if (fd < 0)
		fd = open("/tmp/judge-fill", O_WRONLY | O_CREAT, 0666);
	if (fd < 0)
		return 3;
	printf("ESCAPED file opened for writing\n");
	memset(b, 'z', sizeof(b));
	while (write(fd, b, sizeof(b)) > 0)
		;
	return 3;
}
