/* Filter bypass: rename / renameat2 of files. Denied: SV. */
#include <stdio.h>

int main(void)
{
	if (rename("/etc/hostname", "/etc/hostname.x") == 0 || rename(".", "x") == 0)
		printf("ESCAPED rename\n");
	return 3;
}
