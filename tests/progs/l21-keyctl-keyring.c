/* Leaks: the kernel session keyring is inherited across fork, setuid and
 * exec; a process possesses the keys in it whatever its uid. Read the
 * session keyring the judge's login may hold secrets in (keyctl
 * KEYCTL_READ on KEY_SPEC_SESSION_KEYRING), and add a key to it. Expected
 * SV naming keyctl. */
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#define KEYCTL_READ 11
#define KEY_SPEC_SESSION_KEYRING -3

int main(void)
{
	char b[4096];
	long n = syscall(SYS_keyctl, KEYCTL_READ, KEY_SPEC_SESSION_KEYRING, b, sizeof(b));

	if (n >= 0)
		printf("ESCAPED keyring read %ld\n", n);
	if (syscall(SYS_add_key, "user", "judge-escape", "x", 1,
		    KEY_SPEC_SESSION_KEYRING) >= 0)
		printf("ESCAPED key added\n");
	return 3;
}
