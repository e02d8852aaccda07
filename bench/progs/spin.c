/* spin.c: burn CPU until killed (CPU-limit overshoot). */
int main(void)
{
	volatile unsigned long x = 0;

	for (;;)
		x++;
}
