/* brute force: far too slow on every test */
#include <stdio.h>
int main(void) { volatile unsigned long long s = 0; for (unsigned long long i = 0; i < 400000000000ULL; i++) s += i; printf("%llu\n", s); return 0; }
