/* Compile time: a 4 GB initialised array: the assembler and the linker
 * would write 4 GB of object and binary. The compile's file-size, time or
 * memory limit ends it: CE. */
char big[4UL << 30] = { 1 };
int main(void) { return big[0]; }
