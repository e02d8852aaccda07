/* Resources: memory the program's RSS does not show: pipe buffers (kernel
 * memory, charged to the run's memory cgroup but to no process). Every
 * pipe the descriptor limit allows, each grown to 1 MB and filled. Over a
 * 16 MB limit the cgroup runs out of memory; the OOM killer picks the task
 * with the largest RSS in the cgroup, which is then the box process (PID
 * 1), not the program: the run must still end as MLE, never IE ("the box
 * process died"). Run with ml=16. Expected MLE. */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char chunk[1 << 16];

int main(void)
{
	long total = 0;
	int n = 0, p[2];

	memset(chunk, 'x', sizeof(chunk));
	while (pipe2(p, O_NONBLOCK) == 0) {
		n++;
		fcntl(p[1], F_SETPIPE_SZ, 1 << 20);
		for (;;) {
			long w = write(p[1], chunk, sizeof(chunk));

			if (w <= 0)
				break;
			total += w;
		}
	}
	fprintf(stderr, "%d pipes, %ld bytes held\n", n, total);
	return 3;
}
