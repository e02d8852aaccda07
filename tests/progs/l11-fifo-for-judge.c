/* Leaks: plant a FIFO where the judge might read (a file named like a
 * checker's output), so that the judge blocks. mkfifo is denied: SV. */
#include <stdio.h>
#include <sys/stat.h>

int main(void)
{
	if (mkfifo("output", 0666) == 0 || mkfifo("/tmp/judge-fifo", 0666) == 0)
		printf("ESCAPED fifo planted\n");
	return 3;
}
