/* Leaks: uname() in a fresh UTS namespace still names the host unless the
 * sandbox renames it. The box is called "box"; any other node or domain
 * name is the host's and prints ESCAPED. A battery program never ends
 * OK, so it exits 1 on purpose: RE. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

int main(void)
{
	struct utsname u;

	if (uname(&u) < 0)
		return 2;
	if (strcmp(u.nodename, "box") || strcmp(u.domainname, "box"))
		printf("ESCAPED: host name '%s' domain '%s'\n", u.nodename, u.domainname);
	return 1;
}
