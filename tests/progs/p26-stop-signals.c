/* Processes: the terminal stop signals raised by the program itself.
 * Whether they stop it depends on its process group: the kernel discards
 * SIGTSTP, SIGTTIN and SIGTTOU sent to an orphaned group. The run child
 * keeps the judge's process group and session (no setsid), so today the
 * verdict depends on how the judge was started: TLE (stopped until the
 * wall limit) when launched from a shell with job control, RE when the
 * judge runs under setsid. It also lets kill(0, SIGCONT) reach the judge
 * and the programs of parallel workers (see p22). With the run child in a
 * session of its own the group is orphaned and the signals are ignored
 * wherever the judge runs: expected RE (exit 3). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	raise(SIGTSTP);
	raise(SIGTTIN);
	raise(SIGTTOU);
	printf("not stopped\n");
	return 3;
}
