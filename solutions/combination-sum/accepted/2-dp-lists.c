/* combination-sum, accepted (second, different method): dynamic programming
 * over sums, like the unbounded-knapsack count but keeping the combinations
 * themselves. Candidates are taken in increasing order; for each candidate v
 * and each sum s from v up to target, every combination of s - v gets v
 * appended and is added to the list of s. Because v is at least every value
 * already in those lists, each combination stays non-decreasing and each
 * multiset is produced once (its largest part is appended last).
 * O(n * target * L) where L is the total size of the lists. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct combo {
	int len;
	unsigned char part[40];
};

struct list {
	struct combo *v;
	int len, cap;
};

static struct list sums[41];

static void push(struct list *l, const struct combo *x)
{
	if (l->len == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->v = realloc(l->v, (size_t)l->cap * sizeof *l->v);
		if (!l->v)
			exit(1);
	}
	l->v[l->len++] = *x;
}

int main(void)
{
	int n, target, i, s, v, present[41] = {0};
	struct combo empty = {0, {0}};

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++) {
		if (scanf("%d", &v) != 1 || v < 1 || v > 40)
			return 1;
		present[v] = 1;
	}
	push(&sums[0], &empty);
	for (v = 1; v <= 40; v++) {
		if (!present[v])
			continue;
		/* increasing s: lists of s - v already include v, so v is reusable */
		for (s = v; s <= target; s++) {
			int before = sums[s - v].len;

			for (i = 0; i < before; i++) {
				struct combo x = sums[s - v].v[i];

				x.part[x.len++] = (unsigned char)v;
				push(&sums[s], &x);
			}
		}
	}
	printf("%d\n", sums[target].len);
	for (i = 0; i < sums[target].len; i++) {
		const struct combo *x = &sums[target].v[i];
		int j;

		for (j = 0; j < x->len; j++)
			printf(j ? " %d" : "%d", x->part[j]);
		putchar('\n');
	}
	return 0;
}
