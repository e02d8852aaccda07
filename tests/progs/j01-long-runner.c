/* The judge itself: a program that runs long (CPU loop), during which the
 * driver kills the judge with SIGKILL. No process may remain and the next
 * run must work. Run alone it is TLE. */
int main(void)
{
	volatile unsigned long x = 0;

	for (;;)
		x++;
}
