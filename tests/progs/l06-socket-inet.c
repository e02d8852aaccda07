/* Leaks: network sockets (AF_INET, AF_INET6). Denied: SV naming socket. */
#include <netinet/in.h>
#include <stdio.h>
#include <sys/socket.h>

int main(void)
{
	if (socket(AF_INET, SOCK_STREAM, 0) >= 0)
		printf("ESCAPED inet socket\n");
	if (socket(AF_INET6, SOCK_DGRAM, 0) >= 0)
		printf("ESCAPED inet6 socket\n");
	return 3;
}
