/* Leaks: the environment the program was started with must not carry the
 * judge's (the driver sets a secret variable). Prints it all and exits 3:
 * RE; the driver checks the secret is absent. */
#include <stdio.h>

extern char **environ;

int main(void)
{
	char **e;

	for (e = environ; *e; e++)
		printf("%s\n", *e);
	return 3;
}
