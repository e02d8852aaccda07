/* gen.c: writes one random max-gap input. Usage: gen SEED SIZE [MODE]
 * SIZE is n (clamped to 1..10^6). MODE:
 *   random    values uniform in [0, 10^9] (default)
 *   equal     all values equal
 *   sorted    random values in increasing order
 *   desc      random values in decreasing order (insertion sort's worst case)
 *   clusters  two tight clusters near 0 and near 10^9: one huge gap
 *   endgap    values in [0, n] and one value 10^9: the gap is at the end
 *   dense     values in [0, n/4]: many duplicates, range below n - 1
 *   spread    evenly spaced values with jitter, shuffled: every bucket used */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 1000000
#define MAX_A 1000000000ULL

static unsigned long long state;

static unsigned long long next(void) /* splitmix64 */
{
	unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned long long below(unsigned long long m) { return next() % m; }

static int cmp_up(const void *x, const void *y)
{
	unsigned a = *(const unsigned *)x, b = *(const unsigned *)y;
	return (a > b) - (a < b);
}

static int cmp_down(const void *x, const void *y) { return cmp_up(y, x); }

static void shuffle(unsigned *a, long n)
{
	for (long i = n - 1; i > 0; i--) {
		long j = (long)below((unsigned long long)i + 1);
		unsigned t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|equal|sorted|desc|clusters|endgap|dense|spread]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	long n = atol(argv[2]);
	const char *mode = argc > 3 ? argv[3] : "random";
	if (n < 1)
		n = 1;
	if (n > MAX_N)
		n = MAX_N;
	unsigned *a = malloc((size_t)n * sizeof *a);
	if (!a)
		return 3;
	if (!strcmp(mode, "random") || !strcmp(mode, "sorted") || !strcmp(mode, "desc")) {
		for (long i = 0; i < n; i++)
			a[i] = (unsigned)below(MAX_A + 1);
		if (!strcmp(mode, "sorted"))
			qsort(a, (size_t)n, sizeof *a, cmp_up);
		else if (!strcmp(mode, "desc"))
			qsort(a, (size_t)n, sizeof *a, cmp_down);
	} else if (!strcmp(mode, "equal")) {
		unsigned v = (unsigned)below(MAX_A + 1);
		for (long i = 0; i < n; i++)
			a[i] = v;
	} else if (!strcmp(mode, "clusters")) {
		for (long i = 0; i < n; i++)
			a[i] = (unsigned)(i % 2 ? MAX_A - below(1000000) : below(1000000));
		shuffle(a, n);
	} else if (!strcmp(mode, "endgap")) {
		for (long i = 0; i < n; i++)
			a[i] = (unsigned)below((unsigned long long)n + 1);
		a[below((unsigned long long)n)] = (unsigned)MAX_A;
	} else if (!strcmp(mode, "dense")) {
		for (long i = 0; i < n; i++)
			a[i] = (unsigned)below((unsigned long long)n / 4 + 1);
	} else if (!strcmp(mode, "spread")) {
		unsigned long long step = MAX_A / (unsigned long long)n;
		for (long i = 0; i < n; i++)
			a[i] = (unsigned)((unsigned long long)i * step + below(step / 2 + 1));
		shuffle(a, n);
	} else {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	/* One buffered write: ~11 MB at n = 10^6. */
	char *out = malloc((size_t)n * 11 + 16), *p = out;
	if (!out)
		return 3;
	p += sprintf(p, "%ld\n", n);
	for (long i = 0; i < n; i++) {
		char tmp[16];
		int k = 0;
		unsigned v = a[i];
		do
			tmp[k++] = (char)('0' + v % 10);
		while ((v /= 10) != 0);
		while (k)
			*p++ = tmp[--k];
		*p++ = i + 1 == n ? '\n' : ' ';
	}
	fwrite(out, 1, (size_t)(p - out), stdout);
	free(out);
	free(a);
	return 0;
}
