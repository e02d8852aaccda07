/* Filter bypass: a far jump to the 32-bit user code segment (selector
 * 0x23) puts the process in compatibility mode; from there int $0x80 is a
 * genuine i386 system call (write), not a 64-bit one. The filter checks
 * the architecture of every call: expected SV naming i386:write. */
#include <stdio.h>

__asm__(
	"	.text\n"
	"	.globl go32\n"
	"go32:\n"
	"	ljmpl *farptr(%rip)\n"
	"	.code32\n"
	"target32:\n"
	"	movl $4, %eax\n"
	"	movl $1, %ebx\n"
	"	movl $msg32, %ecx\n"
	"	movl $21, %edx\n"
	"	int $0x80\n"
	"	movl $1, %eax\n"
	"	movl $0, %ebx\n"
	"	int $0x80\n"
	"	hlt\n"
	"	.code64\n"
	"	.data\n"
	"farptr:	.long target32\n"
	"	.word 0x23\n"
	"msg32:	.ascii \"ESCAPED 32-bit write\\n\"\n"
	"	.text\n");

void go32(void);

int main(void)
{
	fflush(stdout);
	go32();
	return 3;
}
