/* Filter bypass: O_TMPFILE (an unnamed file, later linkat'ed into place).
 * Denied: SV. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>

int main(void)
{
	if (open("/tmp", O_TMPFILE | O_RDWR, 0600) >= 0)
		printf("ESCAPED O_TMPFILE\n");
	if (open(".", O_TMPFILE | O_RDWR, 0600) >= 0)
		printf("ESCAPED O_TMPFILE in the box\n");
	return 3;
}
