/* Resources: a huge static array the image check does not see: a
 * thread-local one lives in PT_TLS, not in a loadable segment, and static
 * glibc allocates it with sbrk at start-up. 512 MB of it, every byte
 * written. The memory cgroup must stop it. Run with ml=16. Expected MLE. */
#include <stdio.h>
#include <string.h>

__thread char big[512 << 20];

int main(void)
{
	memset(big, 1, sizeof(big));
	printf("ESCAPED %d\n", big[12345]);
	return 0;
}
