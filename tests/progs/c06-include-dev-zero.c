/* Compile time: #include "/dev/zero" makes cc1 read and allocate without
 * end: the compile's memory or time limit ends it: CE. */
#include "/dev/zero"
int main(void) { return 0; }
