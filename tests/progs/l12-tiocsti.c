/* Leaks: TIOCSTI pushes characters into the terminal's input, typing
 * commands for the user. Denied: SV naming ioctl. */
#include <stdio.h>
#include <sys/ioctl.h>

int main(void)
{
	const char *cmd = "echo ESCAPED\n";
	int fd;

	for (fd = 0; fd < 3; fd++)
		for (const char *c = cmd; *c; c++)
			if (ioctl(fd, TIOCSTI, c) == 0)
				printf("ESCAPED TIOCSTI\n");
	return 3;
}
