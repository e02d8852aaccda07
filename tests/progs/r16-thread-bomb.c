/* Resources: a thread bomb. Threads are not allowed in a run with one
 * process: clone3 gives ENOSYS, glibc falls back to clone, which is SV. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static void *spin(void *arg)
{
	(void)arg;
	for (;;)
		pause();
	return NULL;
}

int main(void)
{
	int n = 0;
	pthread_t t;

	while (pthread_create(&t, NULL, spin, NULL) == 0)
		n++;
	if (n)
		printf("ESCAPED %d threads\n", n);
	return 3;
}
