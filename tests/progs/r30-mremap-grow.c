/* Resources: growing one mapping with mremap in steps that are each below
 * the limit the filter checks (mremap's new size), touching the new pages
 * each time. The memory cgroup must stop it. Run with ml=16. Expected MLE. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	size_t size = 4096, step = 4UL << 20, i;
	char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 3;
	while (size < (1UL << 30)) {
		char *q = mremap(p, size, size + step, MREMAP_MAYMOVE);

		if (q == MAP_FAILED)
			return 3;
		p = q;
		for (i = size; i < size + step; i += 4096)
			p[i] = 1;
		size += step;
	}
	printf("ESCAPED grew to 1 GB\n");
	return 0;
}
