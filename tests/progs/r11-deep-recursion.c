/* Resources: unbounded recursion. The stack limit is kept below the memory
 * limit, so the stack overflows first (RE SIGSEGV, "stack overflow"), with
 * or without a memory cgroup: one verdict on every host. */
#include <stdio.h>

static int down(int n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	return down(n + 1) + pad[0];
}

int main(void)
{
	printf("%d\n", down(0));
	return 0;
}
