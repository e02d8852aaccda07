/* Processes: write into the judge's memory with process_vm_writev. Denied:
 * SV. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void)
{
	char data[8] = "ESCAPED";
	struct iovec local = { data, 8 }, remote = { (void *)0x400000, 8 };

	if (process_vm_writev(getppid(), &local, 1, &remote, 1, 0) > 0)
		printf("ESCAPED process_vm_writev\n");
	if (process_vm_readv(getppid(), &local, 1, &remote, 1, 0) > 0)
		printf("ESCAPED process_vm_readv\n");
	return 3;
}
