/* Processes: exec a shell. The box holds no executable and execve is not
 * allowed: SV (or RE exit 3 if exec only fails). Never "ESCAPED". */
#include <unistd.h>

int main(void)
{
	char *argv[] = { "sh", "-c", "echo ESCAPED shell", NULL };
	char *envp[] = { NULL };

	execve("/bin/sh", argv, envp);
	return 3;
}
