/* Resources: 256 MB on stderr, then exit 3. stderr is kept up to its cap and
 * drained, not an error: expected RE (exit 3) with a capped stderr. */
#include <string.h>
#include <unistd.h>

int main(void)
{
	char b[65536];
	int i;

	memset(b, 'e', sizeof(b));
	for (i = 0; i < 4096; i++)
		if (write(2, b, sizeof(b)) < 0)
			return 4;
	return 3;
}
