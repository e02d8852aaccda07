/* Processes: a legitimate failed assert must be RE SIGABRT, never SV. */
#include <assert.h>
#include <stdio.h>

int main(void)
{
	int n = 0;

	if (scanf("%d", &n) != 1)
		n = 1;
	assert(n == 42);
	return 0;
}
