/* Resources: CPU burnt in several threads (CPU time must count all of
 * them). Threads are denied: SV at the first clone. */
#include <pthread.h>
#include <stdio.h>

static void *burn(void *arg)
{
	volatile unsigned long x = 0;

	(void)arg;
	for (;;)
		x++;
	return NULL;
}

int main(void)
{
	pthread_t t;
	int i;

	for (i = 0; i < 2; i++)
		if (pthread_create(&t, NULL, burn, NULL) == 0)
			printf("ESCAPED thread %d\n", i);
	burn(NULL);
	return 3;
}
