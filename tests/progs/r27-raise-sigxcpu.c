/* Resources: verdict forging. The program prints a wrong answer and then
 * raises SIGXCPU itself, after a few microseconds of CPU. No limit was
 * reached, so this is a crash by signal like any other: expected RE with
 * signal SIGXCPU, never TLE (a TLE must come from measured CPU time or the
 * sandbox's own kill, not from a signal the program can send itself). */
#include <signal.h>
#include <stdio.h>

int main(void)
{
	puts("42");
	fflush(stdout);
	raise(SIGXCPU);
	return 0;
}
