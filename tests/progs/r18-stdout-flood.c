/* Resources: an endless stdout flood. Expected OLE. */
#include <string.h>
#include <unistd.h>

int main(void)
{
	char b[65536];

	memset(b, 'y', sizeof(b));
	for (;;)
		if (write(1, b, sizeof(b)) < 0)
			return 3;
}
