/* Filter bypass: creat() is open(O_CREAT|O_WRONLY|O_TRUNC) under another
 * number. Denied: SV. */
#include <fcntl.h>
#include <stdio.h>

int main(void)
{
	if (creat("/tmp/judge-escape-creat", 0666) >= 0 || creat("x", 0666) >= 0)
		printf("ESCAPED creat\n");
	return 3;
}
