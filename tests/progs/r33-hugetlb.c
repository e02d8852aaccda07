/* Resources: huge pages (MAP_HUGETLB) are charged to the hugetlb
 * controller, not the memory cgroup: on a host with huge pages reserved
 * they would be memory outside the limit. Map and touch four 8 MB pieces
 * of them (each below the 16 MB limit, so the filter's size check lets
 * them through): twice the limit. Expected RE (exit 3, refused: no huge
 * pages reserved), SV or MLE; "ESCAPED" if the memory was had. Run with
 * ml=16. */
#include <stdio.h>
#include <sys/mman.h>

int main(void)
{
	size_t size = 8UL << 20, i;
	int k;

	for (k = 0; k < 4; k++) {
		char *p = mmap(NULL, size, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_HUGETLB, -1, 0);

		if (p == MAP_FAILED)
			return 3;
		for (i = 0; i < size; i += 4096)
			p[i] = 1;
	}
	printf("ESCAPED 32 MB of huge pages\n");
	return 0;
}
