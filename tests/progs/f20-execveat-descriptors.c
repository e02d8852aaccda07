/* Filter bypass: execveat stays allowed (the solution is started with it)
 * and takes a descriptor: exec stdin, stdout, stderr, the box root opened
 * O_PATH, and descriptors 3 and 4 (the binary and the box socket before
 * the exec; closed after it). Nothing executable may be reachable: stdin
 * is a non-executable file, the rest are pipes and a noexec directory.
 * Expected RE (exit 3); "ESCAPED" if any exec returned success (it never
 * returns) or printed anything. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	char *argv[] = { "x", NULL };
	char *envp[] = { NULL };
	int fds[6] = { 0, 1, 2, 3, 4, -1 }, i;

	fds[5] = open("/", O_PATH);
	for (i = 0; i < 6; i++)
		syscall(SYS_execveat, fds[i], "", argv, envp, AT_EMPTY_PATH);
	syscall(SYS_execveat, fds[5], ".", argv, envp, 0);
	return 3;
}
