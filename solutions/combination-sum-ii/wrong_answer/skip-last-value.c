/* combination-sum-ii, wrong answer: an off-by-one loop bound, j < n - 1,
 * so the largest input value (the last after sorting) is never taken.
 * Passes sample-1, whose largest value 10 exceeds the target; caught by
 * sample-2, where the combination 5 needs it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int n, target, c[100], cur[30], depth;
static long k;
static char *out;
static size_t out_len, out_cap;

static void emit(void)
{
	char line[128];
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
	for (j = from; j < n - 1 && c[j] <= rem; j++) {
		if (j > from && c[j] == c[j - 1])
			continue;
		cur[depth++] = c[j];
		go(j + 1, rem - c[j]);
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
