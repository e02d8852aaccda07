/* Processes: kill(0, sig) is allowed ("its own group"), but the run child
 * never calls setsid or setpgid: its process group and session are the
 * judge's, outside the PID namespace. Signals to other uids are refused
 * with EPERM, except SIGCONT, which the kernel lets through to any process
 * of the same session: the judge, the shell or make that started it, and
 * the programs running at the same time in the judge's other workers (or
 * in other judges started from the same shell script) receive it; a
 * SIGCONT handler there fires, a stopped one resumes. The run child should
 * be alone in a session of its own. The verdict cannot show this (kill
 * counts the program itself as a target; p26 shows the shared group
 * through stop signals): expected RE (exit 3), the judge undisturbed. */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	static const int sigs[] = { SIGCONT, SIGWINCH, SIGURG, SIGCHLD };
	unsigned i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		kill(0, sigs[i]);
	return 3;
}
