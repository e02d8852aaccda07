/* Filter bypass: a 32-bit write (i386 nr 4) through int $0x80. i386
 * numbers are a different table; nothing is allowed there: SV. */
int main(void)
{
	static const char msg[] = "ESCAPED int80 write\n";
	long ret;

	__asm__ volatile("int $0x80" : "=a"(ret)
			 : "a"(4), "b"(1), "c"(msg), "d"(sizeof(msg) - 1)
			 : "memory");
	return 3;
}
