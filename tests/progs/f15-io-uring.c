/* Filter bypass: io_uring does file and network operations without system
 * calls the filter sees. io_uring_setup is denied: SV. */
#include <linux/io_uring.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct io_uring_params p;

	memset(&p, 0, sizeof(p));
	if (syscall(SYS_io_uring_setup, 8, &p) >= 0)
		printf("ESCAPED io_uring\n");
	return 3;
}
