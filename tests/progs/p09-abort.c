/* Processes: abort(): RE SIGABRT (not SIGSEGV: no PID 1 quirk). */
#include <stdlib.h>

int main(void)
{
	abort();
}
