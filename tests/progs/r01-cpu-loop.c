/* Resources: a CPU loop. Expected TLE (CPU time). */
int main(void)
{
	volatile unsigned long x = 0;

	for (;;)
		x++;
}
