/* Leaks/interface: the run child hands the seccomp listener to the box over
 * fd 3 with sendmsg, which the filter therefore allows on fd 3. After the
 * exec fds 3 and 4 are closed; the program makes them again (a pipe) and
 * sends and writes a forged "done, exit 0" message over them, hoping to
 * reach the box's socket. sendmsg must fail (fd 3 is no socket) and the
 * result must be the program's own: expected RE (exit 3). */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	char msg[512];
	struct iovec iov = { msg, sizeof(msg) };
	struct msghdr mh;
	struct stat st;
	int p[2];

	if (fstat(3, &st) == 0 || fstat(4, &st) == 0)
		printf("ESCAPED fd 3 or 4 still open\n");
	memset(msg, 0, sizeof(msg));
	msg[0] = 4;     /* a small "kind" field, as the box protocol might use */
	memset(&mh, 0, sizeof(mh));
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (pipe2(p, 0) < 0)
		return 3;
	if (fcntl(0, F_DUPFD, 3) < 0)
		return 3;
	if (sendmsg(3, &mh, 0) >= 0)
		printf("ESCAPED sendmsg on fd 3\n");
	if (write(3, msg, sizeof(msg)) > 0 && write(4, msg, sizeof(msg)) > 0)
		fprintf(stderr, "wrote the forged message to a pipe of its own\n");
	return 3;
}
