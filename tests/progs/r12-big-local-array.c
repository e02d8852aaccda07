/* Resources: a 512 MB local array, touched, over a 64 MB limit. Expected
 * RE (SIGSEGV, stack limit) or MLE. */
#include <string.h>

int main(void)
{
	char a[512 << 20];

	memset(a, 1, sizeof(a));
	__asm__ volatile("" : : "r"(a) : "memory"); /* keep the stores */
	return a[4096] == 1 ? 3 : 0;
}
