/* gen.c: writes one random convex-hull input. Usage: gen SEED SIZE [MODE]
 * SIZE is n (clamped to 1..10^5). MODE:
 *   random    uniform in the whole square |x|, |y| <= 10^9 (default)
 *   circle    integer points near the circle of radius 10^9 around the
 *             origin, evenly spread with jitter, shuffled: almost every point
 *             is a hull vertex (the worst case for gift wrapping)
 *   line      points t*(dx, dy) on one random line through the origin, both
 *             extreme ends included, repeats possible: perimeter = 2 * length
 *   vline     a vertical line at a random x, y in random order
 *   square    random points inside the square plus its four corners
 *   dups      a handful of distinct points, each repeated many times
 *   smallbox  points in [-10, 10]^2: heavy duplicates and collinear runs */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 100000
#define MAX_C 1000000000LL

static unsigned long long state;

static unsigned long long next(void) /* splitmix64 */
{
	unsigned long long z = (state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* Uniform in [lo, hi]. */
static long long range(long long lo, long long hi)
{
	return lo + (long long)(next() % (unsigned long long)(hi - lo + 1));
}

static long long clamp(long long v)
{
	return v < -MAX_C ? -MAX_C : v > MAX_C ? MAX_C : v;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen SEED SIZE [random|circle|line|vline|square|dups|smallbox]\n");
		return 2;
	}
	state = strtoull(argv[1], NULL, 10);
	long n = atol(argv[2]);
	const char *mode = argc > 3 ? argv[3] : "random";
	if (n < 1)
		n = 1;
	if (n > MAX_N)
		n = MAX_N;
	long long *x = malloc((size_t)n * sizeof *x), *y = malloc((size_t)n * sizeof *y);
	if (!x || !y)
		return 3;
	if (!strcmp(mode, "random")) {
		for (long i = 0; i < n; i++) {
			x[i] = range(-MAX_C, MAX_C);
			y[i] = range(-MAX_C, MAX_C);
		}
	} else if (!strcmp(mode, "circle")) {
		const double pi = 3.14159265358979323846;
		double phase = (double)(next() % 1000000) / 1e6;
		for (long i = 0; i < n; i++) {
			double jitter = (double)(next() % 1000) / 4000.0; /* < a quarter step */
			double t = 2 * pi * ((double)i + phase + jitter) / (double)n;
			x[i] = clamp(llround(1e9 * cos(t)));
			y[i] = clamp(llround(1e9 * sin(t)));
		}
	} else if (!strcmp(mode, "line")) {
		long long dx, dy;
		do {
			dx = range(-1000, 1000);
			dy = range(-1000, 1000);
		} while (dx == 0 && dy == 0);
		long long m = llabs(dx) > llabs(dy) ? llabs(dx) : llabs(dy);
		long long lim = MAX_C / m;
		for (long i = 0; i < n; i++) {
			long long t = i == 0 ? -lim : i == 1 ? lim : range(-lim, lim);
			x[i] = t * dx;
			y[i] = t * dy;
		}
	} else if (!strcmp(mode, "vline")) {
		long long at = range(-MAX_C, MAX_C);
		for (long i = 0; i < n; i++) {
			x[i] = at;
			y[i] = range(-MAX_C, MAX_C);
		}
	} else if (!strcmp(mode, "square")) {
		for (long i = 0; i < n; i++) {
			if (i < 4) {
				x[i] = i & 1 ? MAX_C : -MAX_C;
				y[i] = i & 2 ? MAX_C : -MAX_C;
			} else {
				x[i] = range(-MAX_C + 1, MAX_C - 1);
				y[i] = range(-MAX_C + 1, MAX_C - 1);
			}
		}
	} else if (!strcmp(mode, "dups")) {
		long long px[6], py[6];
		for (int k = 0; k < 6; k++) {
			px[k] = range(-MAX_C, MAX_C);
			py[k] = range(-MAX_C, MAX_C);
		}
		for (long i = 0; i < n; i++) {
			int k = (int)(next() % 6);
			x[i] = px[k];
			y[i] = py[k];
		}
	} else if (!strcmp(mode, "smallbox")) {
		for (long i = 0; i < n; i++) {
			x[i] = range(-10, 10);
			y[i] = range(-10, 10);
		}
	} else {
		fprintf(stderr, "gen: unknown mode '%s'\n", mode);
		return 2;
	}
	/* Shuffle so that no mode hands the points over in a helpful order. */
	for (long i = n - 1; i > 0; i--) {
		long j = (long)(next() % (unsigned long long)(i + 1));
		long long t = x[i];
		x[i] = x[j];
		x[j] = t;
		t = y[i];
		y[i] = y[j];
		y[j] = t;
	}
	printf("%ld\n", n);
	for (long i = 0; i < n; i++)
		printf("%lld %lld\n", x[i], y[i]);
	free(x);
	free(y);
	return 0;
}
