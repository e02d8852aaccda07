/* Resources: a child in its own session, which escapes process-group kills.
 * Expected SV at fork (or at setsid). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	volatile unsigned long x = 0;
	pid_t p = fork();

	if (p == 0) {
		setsid();
		for (;;)
			x++;
	}
	if (p > 0)
		printf("ESCAPED setsid child %d\n", (int)p);
	return 3;
}
