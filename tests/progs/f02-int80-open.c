/* Filter bypass: i386 open (nr 5) is x86_64's fstat (allowed). A filter
 * that ignores the architecture lets it through. Expected SV. */
#include <stdio.h>

int main(void)
{
	static const char path[] = "/etc/passwd";
	long fd;

	__asm__ volatile("int $0x80" : "=a"(fd)
			 : "a"(5), "b"(path), "c"(0), "d"(0)
			 : "memory");
	if (fd >= 0)
		printf("ESCAPED int80 open gave fd %ld\n", fd);
	return 3;
}
