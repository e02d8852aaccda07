/* convex-hull, WRONG (bad sort key): the monotone chain needs the points
 * sorted by x and then by y; this one compares x only, so points sharing an x
 * stay in input order and a chain can start or end in the middle of a
 * vertical run. Right whenever the x values are distinct or their equal-x
 * points happen to arrive in y order; caught by t06-vertical-line. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct pt {
	long long x, y;
};

static int by_x(const void *a, const void *b)
{
	const struct pt *p = a, *q = b;
	return (p->x > q->x) - (p->x < q->x);
}

static long long cross(struct pt o, struct pt a, struct pt b)
{
	return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	struct pt *p = malloc((size_t)n * sizeof *p), *h = malloc((size_t)(2 * n + 1) * sizeof *h);
	if (!p || !h)
		return 1;
	for (int i = 0; i < n; i++)
		if (scanf("%lld %lld", &p[i].x, &p[i].y) != 2)
			return 1;
	qsort(p, (size_t)n, sizeof *p, by_x);
	int k = 0;
	for (int i = 0; i < n; i++) {
		while (k >= 2 && cross(h[k - 2], h[k - 1], p[i]) <= 0)
			k--;
		h[k++] = p[i];
	}
	for (int i = n - 2, lower = k + 1; i >= 0; i--) {
		while (k >= lower && cross(h[k - 2], h[k - 1], p[i]) <= 0)
			k--;
		h[k++] = p[i];
	}
	double per = 0;
	for (int i = 1; i < k; i++)
		per += hypot((double)(h[i].x - h[i - 1].x), (double)(h[i].y - h[i - 1].y));
	printf("%.6f\n", per);
	return 0;
}
