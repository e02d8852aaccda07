/* Processes: signals to the box process, which is PID 1 of the run's PID
 * namespace and the program's parent (getppid() is 1). tgkill and tkill are
 * allowed without conditions (raise and abort need them), so every signal
 * is tried on PID 1 through both; B runs as root, so each must fail with
 * EPERM (SIGCONT alone passes the kernel's same-session rule, and init
 * ignores it). If B died the run would end as IE. Expected RE (exit 3);
 * "ESCAPED" if a fatal signal was accepted. */
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	int sig;

	for (sig = 1; sig < 65; sig++) {
		if (sig == SIGCONT)
			continue;
		if (syscall(SYS_tgkill, 1, 1, sig) == 0)
			printf("ESCAPED tgkill(1, 1, %d)\n", sig);
		if (syscall(SYS_tkill, 1, sig) == 0)
			printf("ESCAPED tkill(1, %d)\n", sig);
	}
	syscall(SYS_tgkill, 1, 1, SIGCONT);
	return 3;
}
