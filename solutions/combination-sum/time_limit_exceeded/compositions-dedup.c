/* combination-sum, time limit exceeded: the naive search. Every level tries
 * every candidate in input order (no sorting, no start index), so it walks all
 * ordered sequences (compositions) summing to the target, tens of millions
 * with target 40 and small candidates; each finished sequence is sorted and
 * deduplicated in a hash set. Correct, but exponential in the number of
 * orderings; too slow on the big tests (t20-gen-max-smallest). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HBITS 16

struct entry {
	unsigned char len, part[40];
	int used;
};

static int n, target, c[30], cur[40], depth, k;
static struct entry table[1 << HBITS];

static int cmp(const void *a, const void *b)
{
	return *(const unsigned char *)a - *(const unsigned char *)b;
}

static void add(void)
{
	unsigned char s[40];
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

static void go(int rem)
{
	int j;

	if (rem == 0) {
		add();
		return;
	}
	if (rem < 0)
		return;
	for (j = 0; j < n; j++) {
		cur[depth++] = c[j];
		go(rem - c[j]);
		depth--;
	}
}

int main(void)
{
	int i, j;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++)
		if (scanf("%d", &c[i]) != 1)
			return 1;
	go(target);
	printf("%d\n", k);
	for (i = 0; i < 1 << HBITS; i++)
		if (table[i].used)
			for (j = 0; j < table[i].len; j++)
				printf("%d%c", table[i].part[j], j + 1 < table[i].len ? ' ' : '\n');
	return 0;
}
