/* Filter bypass: O_RDONLY|O_CREAT creates a file. Denied: SV; the driver
 * checks /tmp gets no new file. */
#include <fcntl.h>
#include <stdio.h>

int main(void)
{
	if (open("/tmp/judge-escape-rdonly-creat", O_RDONLY | O_CREAT, 0666) >= 0)
		printf("ESCAPED created with O_RDONLY|O_CREAT\n");
	if (open("made", O_RDONLY | O_CREAT | O_EXCL, 0666) >= 0)
		printf("ESCAPED created in the box\n");
	return 3;
}
