#include <stdio.h>
int main(void) { int n; if (scanf("%d", &n) != 1) return 1; puts("Hello World!"); return 0; }
