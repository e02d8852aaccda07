/* convex-hull, WRONG (missed edge case): a correct monotone chain, but the
 * perimeter adds the closing edge (last vertex back to the first) only "when
 * the hull is a polygon", i.e. has at least 3 vertices. A hull of two
 * vertices - all points on one line - gets its length once instead of twice.
 * Caught by sample-2 (prints 4.242641 instead of 8.485281). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct pt {
	long long x, y;
};

static int by_xy(const void *a, const void *b)
{
	const struct pt *p = a, *q = b;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return (p->y > q->y) - (p->y < q->y);
}

static long long cross(struct pt o, struct pt a, struct pt b)
{
	return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static double len(struct pt a, struct pt b)
{
	return hypot((double)(a.x - b.x), (double)(a.y - b.y));
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
	qsort(p, (size_t)n, sizeof *p, by_xy);
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
	int m = k > 1 ? k - 1 : k; /* distinct vertices: drop the repeated start */
	double per = 0;
	for (int i = 1; i < m; i++)
		per += len(h[i - 1], h[i]);
	if (m >= 3)
		per += len(h[m - 1], h[0]);
	printf("%.6f\n", per);
	return 0;
}
