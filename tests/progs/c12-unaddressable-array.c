/* Compile time: an array larger than the address space (2^63 bytes, over PTRDIFF_MAX): gcc rejects it: CE
 * (a message, not a crash). */
char huge[1UL << 63];
int main(void) { return huge[1]; }
