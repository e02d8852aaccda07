/* Resources: a fork bomb. fork is denied: SV at the first fork. If a fork
 * ever succeeds the parent says so. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	for (;;) {
		pid_t p = fork();

		if (p > 0) {
			printf("ESCAPED fork\n");
			fflush(stdout);
		}
	}
}
