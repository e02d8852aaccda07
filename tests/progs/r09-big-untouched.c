/* Resources: a huge allocation that is never touched, then a CPU loop. The
 * judge must not be hurt; the program either gets its allocation refused
 * (exit 3: RE), is refused the mapping outright (MLE) or loops (TLE). */
#include <stdlib.h>

int main(void)
{
	volatile unsigned long x = 0;
	char *p = malloc(8UL << 30);

	if (!p)
		return 3;
	p[0] = 1;
	for (;;)
		x++;
}
