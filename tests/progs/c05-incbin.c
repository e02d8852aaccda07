/* Compile time: .incbin a host file into the binary and print it. If the
 * assembler cannot see it: CE (the message may name the path, never the
 * content). If it can, the program prints the bytes (the driver checks the
 * secret never appears) and exits 3: RE. */
#include <stdio.h>

__asm__(".section .rodata\n"
	".global leaked\nleaked:\n"
	".incbin \"@PUBLIC_SECRET@\"\n"
	".byte 0\n"
	".global leaked_passwd\nleaked_passwd:\n"
	".incbin \"/etc/passwd\"\n"
	".byte 0\n"
	".text\n");
extern const char leaked[], leaked_passwd[];

int main(void)
{
	printf("ESCAPED %s %s\n", leaked, leaked_passwd);
	return 3;
}
