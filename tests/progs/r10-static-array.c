/* Resources: a 1 GB static array, touched. Expected MLE (the sandbox may
 * refuse an image larger than the limit without running it: MLE too). */
static char big[1UL << 30];

int main(void)
{
	unsigned long i;

	for (i = 0; i < sizeof(big); i += 4096)
		big[i] = 1;
	return big[12345];
}
