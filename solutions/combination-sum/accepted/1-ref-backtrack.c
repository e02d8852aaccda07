/* combination-sum, accepted (reference): sort the candidates and backtrack,
 * each level choosing an index >= the previous one, so every multiset is built
 * exactly once and comes out in non-decreasing order; a branch stops as soon
 * as the next candidate exceeds what remains. O(k * target) beyond the search
 * tree, which only holds prefixes of real combinations. Lines are buffered so
 * that the count k can be printed first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n, target, c[30], cur[40], depth;
static long k;
static char *out;
static size_t out_len, out_cap;

static void emit(void)
{
	char line[256];
	int len = 0, i;

	for (i = 0; i < depth; i++)
		len += sprintf(line + len, i ? " %d" : "%d", cur[i]);
	line[len++] = '\n';
	if (out_len + len > out_cap) {
		out_cap = out_cap ? 2 * out_cap : 1 << 16;
		out = realloc(out, out_cap);
		if (!out)
			exit(1);
	}
	memcpy(out + out_len, line, len);
	out_len += len;
	k++;
}

static void go(int from, int rem)
{
	int j;

	if (rem == 0) {
		emit();
		return;
	}
	for (j = from; j < n && c[j] <= rem; j++) {
		cur[depth++] = c[j];
		go(j, rem - c[j]);
		depth--;
	}
}

static int cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int main(void)
{
	int i;

	if (scanf("%d %d", &n, &target) != 2)
		return 1;
	for (i = 0; i < n; i++)
		if (scanf("%d", &c[i]) != 1)
			return 1;
	qsort(c, n, sizeof c[0], cmp);
	go(0, target);
	printf("%ld\n", k);
	fwrite(out, 1, out_len, stdout);
	return 0;
}
