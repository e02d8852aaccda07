/* Filter bypass: truncate and ftruncate (stdout, stdin). Denied: SV. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (truncate("/etc/passwd", 0) == 0)
		printf("ESCAPED truncate\n");
	if (ftruncate(0, 0) == 0)
		printf("ESCAPED ftruncate stdin\n");
	return 3;
}
