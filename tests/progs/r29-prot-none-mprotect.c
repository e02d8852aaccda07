/* Resources: the filter refuses one mmap larger than the memory limit, but
 * allows any PROT_NONE reservation (thread stacks, arenas). Reserve 1 GB
 * PROT_NONE, make it writable with mprotect and touch every page: the
 * memory cgroup must still stop it. Run with ml=16. Expected MLE. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	size_t size = 1UL << 30, i;
	char *p = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS |
		       MAP_NORESERVE, -1, 0);

	if (p == MAP_FAILED || mprotect(p, size, PROT_READ | PROT_WRITE) < 0)
		return 3;
	for (i = 0; i < size; i += 4096)
		p[i] = 1;
	printf("ESCAPED touched 1 GB\n");
	return 0;
}
