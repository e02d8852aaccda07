/* Resources: pause() waits for a signal that never comes. pause is not in a
 * static program's needs, so SV is also acceptable; otherwise TLE (wall). */
#include <unistd.h>

int main(void)
{
	pause();
	return 0;
}
