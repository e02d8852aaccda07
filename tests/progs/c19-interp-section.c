/* Compile time: a section named .interp makes the linker give even a
 * -static binary a PT_INTERP header, so the kernel looks for that
 * "dynamic loader" when the program is started: the exec fails (ENOENT:
 * the box holds no such file). The source is the user's, not the judge's
 * fault: expected RE (or CE if such a binary is refused after the
 * compile), never IE. */
#include <stdio.h>

const char interp[] __attribute__((section(".interp"), used)) = "/nonexistent/ld.so";

int main(void)
{
	puts("started");
	return 3;
}
