/* Processes: install a second seccomp filter (allow everything) on top of
 * the judge's, through seccomp(2). Filters only ever add restrictions, but
 * the call itself (or a filter returning SECCOMP_RET_USER_NOTIF to a
 * listener of the program's own) has no place in a solution: expected SV
 * naming seccomp. */
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void)
{
	struct sock_filter f[] = { BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW) };
	struct sock_fprog p = { 1, f };
	long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
			 SECCOMP_FILTER_FLAG_NEW_LISTENER, &p);

	if (r >= 0)
		printf("ESCAPED seccomp %ld\n", r);
	return 3;
}
