/* Resources: brk is allowed without conditions (malloc needs it): move the
 * break 4 GB up at once and touch every page. The memory cgroup must stop
 * it. Run with ml=16. Expected MLE (RE exit 3 if the break is refused). */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	size_t size = 4UL << 30, i;
	char *b = sbrk(0);

	if (brk(b + size) < 0)
		return 3;
	for (i = 0; i < size; i += 4096)
		((volatile char *)b)[i] = 1;
	printf("ESCAPED touched 4 GB of heap\n");
	return 0;
}
