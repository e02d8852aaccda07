/* Leaks/interface: fcntl is allowed without conditions. Ask for SIGKILL
 * (F_SETSIG) to be sent to PID 1, the box process, whenever stdout or
 * stdin becomes ready (F_SETOWN + O_ASYNC), then make stdout ready again
 * and again; take a lease and a lock on the input file, add seals, resize
 * the stdout pipe. The kernel checks the owner's credentials before
 * sending SIGIO: the box (root) must survive (an IE would show it died).
 * Expected RE (exit 3); "ESCAPED" for a lease or a write seal on stdin. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char chunk[1 << 16];

int main(void)
{
	struct flock lk;
	int i, fd;

	for (fd = 0; fd < 2; fd++) {
		fcntl(fd, F_SETOWN, 1);
		fcntl(fd, F_SETSIG, SIGKILL);
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_ASYNC);
	}
	fcntl(1, F_SETPIPE_SZ, 4096);
	if (fcntl(0, F_SETLEASE, F_RDLCK) == 0)
		printf("ESCAPED lease on the input\n");
	if (fcntl(0, F_ADD_SEALS, F_SEAL_WRITE) == 0)
		printf("ESCAPED sealed the input\n");
	memset(&lk, 0, sizeof(lk));
	lk.l_type = F_RDLCK;
	fcntl(0, F_SETLK, &lk);
	memset(chunk, 'x', sizeof(chunk));
	for (i = 0; i < 16; i++)
		write(1, chunk, sizeof(chunk));
	return 3;
}
