/* hidden-graph, wrong: n - m components, right only for forests (a cycle
 * has one edge more than a tree needs). */
#include <stdio.h>

int main(void)
{
	int n, v, d, u, i;
	long sum = 0;

	if (scanf("%d", &n) != 1)
		return 1;
	for (v = 1; v <= n; v++) {
		printf("? %d\n", v);
		fflush(stdout);
		if (scanf("%d", &d) != 1)
			return 1;
		for (i = 0; i < d; i++)
			if (scanf("%d", &u) != 1)
				return 1;
		sum += d;
	}
	printf("! %ld\n", n - sum / 2);
	fflush(stdout);
	return 0;
}
