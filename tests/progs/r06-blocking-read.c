/* Resources: a read that blocks for ever on a pipe the program holds both
 * ends of. Expected TLE (wall). */
#include <unistd.h>

int main(void)
{
	int p[2];
	char c;

	if (pipe(p) < 0)
		return 3;
	read(p[0], &c, 1);
	return 0;
}
