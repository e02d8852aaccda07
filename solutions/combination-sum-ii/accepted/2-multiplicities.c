/* combination-sum-ii, accepted (second, different method): count how often
 * each value 1..50 occurs, then enumerate, from the largest value down, how
 * many copies of it to take (0..min(occurrences, remaining / value)). Every
 * multiset corresponds to exactly one choice of counts, so nothing needs
 * deduplicating. Two passes: the first counts, the second prints each
 * combination from its largest value down (the order inside a line is free).
 * O(number of partial count vectors), tiny for target <= 30. */
#include <stdio.h>

static int have[51], take[51], target;
static long k;

static void walk(int v, int rem, int print)
{
	int m, u, i, first = 1;

	if (rem == 0) {
		if (print) {
			for (u = 50; u >= 1; u--)
				for (i = 0; i < take[u]; i++) {
					printf(first ? "%d" : " %d", u);
					first = 0;
				}
			putchar('\n');
		}
		k++;
		return;
	}
	if (v == 0)
		return;
	for (m = 0; m <= have[v] && m * v <= rem; m++) {
		take[v] = m;
		walk(v - 1, rem - m * v, print);
	}
	take[v] = 0;
}

int main(void)
{
	int n, i, x;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++) {
		if (scanf("%d", &x) != 1 || x < 1 || x > 50)
			return 1;
		have[x]++;
	}
	walk(50, target, 0);
	printf("%ld\n", k);
	walk(50, target, 1);
	return 0;
}
