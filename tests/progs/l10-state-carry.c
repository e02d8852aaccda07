/* Leaks: state carried from one run to the next. The first run tries to
 * leave a file in the box, /tmp and /dev/shm (denied: SV); a later run
 * looks for it first and says ESCAPED if anything survived. Expected SV. */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	const char *paths[] = { "carry", "/tmp/judge-carry", "/dev/shm/judge-carry", NULL };
	int i;

	for (i = 0; paths[i]; i++)
		if (access(paths[i], F_OK) == 0)
			printf("ESCAPED state from an earlier run: %s\n", paths[i]);
	fflush(stdout);
	for (i = 0; paths[i]; i++)
		open(paths[i], O_WRONLY | O_CREAT, 0666);
	return 3;
}
