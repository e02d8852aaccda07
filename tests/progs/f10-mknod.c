/* Filter bypass: mknod of a device and of a FIFO. Denied: SV. */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>

int main(void)
{
	if (mknod("sda", S_IFBLK | 0666, makedev(8, 0)) == 0)
		printf("ESCAPED mknod\n");
	if (mkfifo("fifo", 0666) == 0)
		printf("ESCAPED mkfifo\n");
	return 3;
}
