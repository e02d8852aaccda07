/* Filter bypass: hard links and symbolic links (a link planted for the
 * judge to follow). Denied: SV. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
	if (symlink("/etc/shadow", "out") == 0)
		printf("ESCAPED symlink\n");
	if (link("/etc/passwd", "passwd") == 0)
		printf("ESCAPED link\n");
	return 3;
}
