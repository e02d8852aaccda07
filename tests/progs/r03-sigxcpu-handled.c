/* Resources: SIGXCPU caught by a handler that keeps going. Expected TLE. */
#include <signal.h>
#include <unistd.h>

static void on_xcpu(int sig)
{
	(void)sig;
	write(2, "caught SIGXCPU\n", 15);
}

int main(void)
{
	volatile unsigned long x = 0;

	signal(SIGXCPU, on_xcpu);
	for (;;)
		x++;
}
