/* combination-sum-ii, time limit exceeded: the naive method. Every one of the
 * 2^n subsets of input positions is visited (take or skip each position, no
 * pruning); a subset whose sum is the target is sorted and deduplicated in a
 * hash set. Correct, but 2^n: fine for the samples, hopeless at n = 100
 * (t05-all-ones: 2^100 subsets, one combination). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HBITS 16

struct entry {
	unsigned char len, part[30];
	int used;
};

static int n, target, c[100], cur[100], depth, k;
static struct entry table[1 << HBITS];

static int cmp(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static void add(void)
{
	unsigned char s[30];
	unsigned h = 2166136261u;
	int i;

	for (i = 0; i < depth; i++)
		s[i] = (unsigned char)cur[i];
	qsort(s, depth, 1, cmp);
	for (i = 0; i < depth; i++)
		h = (h ^ s[i]) * 16777619u;
	for (h &= (1 << HBITS) - 1;; h = (h + 1) & ((1 << HBITS) - 1)) {
		struct entry *e = &table[h];

		if (!e->used) {
			e->used = 1;
			e->len = (unsigned char)depth;
			memcpy(e->part, s, depth);
			k++;
			return;
		}
		if (e->len == depth && memcmp(e->part, s, depth) == 0)
			return;
	}
}

static void go(int i, int sum)
{
	if (i == n) {
		if (sum == target && depth <= 30)
			add();
		return;
	}
	go(i + 1, sum);
	cur[depth++] = c[i];
	go(i + 1, sum + c[i]);
	depth--;
}

int main(void)
{
	int i, j;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++)
		if (scanf("%d", &c[i]) != 1)
			return 1;
	go(0, 0);
	printf("%d\n", k);
	for (i = 0; i < 1 << HBITS; i++)
		if (table[i].used)
			for (j = 0; j < table[i].len; j++)
				printf("%d%c", table[i].part[j], j + 1 < table[i].len ? ' ' : '\n');
	return 0;
}
