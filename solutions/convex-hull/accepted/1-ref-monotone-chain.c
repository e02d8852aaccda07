/* convex-hull reference: Andrew's monotone chain, O(n log n). Sort by (x, y),
 * build the lower and the upper chain, popping while the last turn is not
 * strictly counter-clockwise (so collinear and repeated points drop out).
 * The perimeter is the length of the closed hull polygon: for collinear
 * input the hull is two points and the closed walk is the segment twice;
 * for a single distinct point it is 0.
 * Exact orientation: coordinate differences are at most 2*10^9 in absolute
 * value, each product at most 4*10^18 and their difference at most 8*10^18,
 * below 2^63 ~ 9.22*10^18, so long long is exact. Lengths in double. */
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

/* > 0 when o -> a -> b turns counter-clockwise. */
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
	/* h[0..k-1] is the closed walk, h[k-1] == h[0] (k == 1 only when n == 1). */
	double per = 0;
	for (int i = 1; i < k; i++)
		per += hypot((double)(h[i].x - h[i - 1].x), (double)(h[i].y - h[i - 1].y));
	printf("%.6f\n", per);
	return 0;
}
