/* Leaks: local sockets: AF_UNIX (the judge's or a daemon's socket),
 * AF_NETLINK, AF_PACKET, socketpair. Denied: SV. */
#include <linux/netlink.h>
#include <stdio.h>
#include <sys/socket.h>

int main(void)
{
	int sv[2];

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0)
		printf("ESCAPED socketpair\n");
	if (socket(AF_UNIX, SOCK_STREAM, 0) >= 0)
		printf("ESCAPED unix socket\n");
	if (socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE) >= 0)
		printf("ESCAPED netlink\n");
	if (socket(17 /* AF_PACKET */, SOCK_RAW, 0) >= 0)
		printf("ESCAPED packet\n");
	return 3;
}
