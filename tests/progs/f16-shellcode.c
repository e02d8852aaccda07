/* Filter bypass: raw syscall instruction from code written at run time
 * (socket(AF_INET, SOCK_STREAM, 0) = 41). The filter sees every syscall
 * wherever it comes from: SV naming socket (mmap with PROT_EXEC may also
 * be refused: RE exit 3). */
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

int main(void)
{
	/* mov eax,41; mov edi,2; mov esi,1; xor edx,edx; syscall; ret */
	static const unsigned char code[] = {
		0xb8, 41, 0, 0, 0, 0xbf, 2, 0, 0, 0, 0xbe, 1, 0, 0, 0,
		0x31, 0xd2, 0x0f, 0x05, 0xc3,
	};
	void *m = mmap(NULL, 4096, PROT_READ | PROT_WRITE | PROT_EXEC,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long r;

	if (m == MAP_FAILED)
		return 3;
	memcpy(m, code, sizeof(code));
	r = ((long (*)(void))m)();
	if (r >= 0)
		printf("ESCAPED socket %ld\n", r);
	return 3;
}
