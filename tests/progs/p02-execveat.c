/* Processes: execveat of a host binary by path, relative and absolute.
 * execveat stays allowed for the solution's own start, so the guarantee is
 * that nothing executable is reachable: expected RE (exit 3, every exec
 * failed) or SV. Never "ESCAPED". */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = { "sh", "-c", "echo ESCAPED execveat", NULL };
	char *envp[] = { NULL };
	const char *paths[] = { "/bin/sh", "/usr/bin/sh", "/bin/busybox",
				"/proc/self/exe", "../../bin/sh", NULL };
	int i;

	for (i = 0; paths[i]; i++)
		syscall(SYS_execveat, AT_FDCWD, paths[i], argv, envp, 0);
	/* Re-execute itself through /proc: would restart with a fresh state. */
	return 3;
}
