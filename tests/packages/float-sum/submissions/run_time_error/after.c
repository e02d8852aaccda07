#include <stdio.h>
#include <stdlib.h>
int main(void) { double a, b; if (scanf("%lf %lf", &a, &b) != 2) return 1; printf("%.9f\n", a + b); fflush(stdout); abort(); }
