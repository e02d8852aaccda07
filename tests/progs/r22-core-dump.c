/* Resources: a core dump. abort() must end as RE SIGABRT and leave no core
 * file anywhere (RLIMIT_CORE 0; the driver checks for new files). */
#include <stdlib.h>
#include <string.h>

int main(void)
{
	char *p = malloc(32 << 20);

	memset(p, 7, 32 << 20);     /* a big core if one were written */
	__asm__ volatile("" : : "r"(p) : "memory");
	abort();
}
