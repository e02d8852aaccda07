/* Processes: personality(READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE). Not
 * needed: SV. */
#include <stdio.h>
#include <sys/personality.h>

int main(void)
{
	if (personality(READ_IMPLIES_EXEC | ADDR_NO_RANDOMIZE) != -1)
		printf("ESCAPED personality\n");
	return 3;
}
