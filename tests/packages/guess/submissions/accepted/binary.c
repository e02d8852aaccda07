#include <stdio.h>

int main(void)
{
	int lo = 1, hi = 100, mid;
	char r[16];

	for (;;) {
		mid = (lo + hi) / 2;
		printf("%d\n", mid);
		fflush(stdout);
		if (scanf("%15s", r) != 1 || r[0] == 'c')
			return 0;
		if (r[0] == 'h')
			lo = mid + 1;
		else
			hi = mid - 1;
	}
}
