/* convex-hull, WRONG (float precision): an exact monotone chain, but the
 * perimeter is accumulated in a float. A float has a 24-bit mantissa: near
 * 6*10^9 its spacing is 512, so each of the 10^5 additions on the circle
 * loses up to 256 and the total drifts far beyond the 1e-6 relative
 * tolerance. Small hulls pass (few additions, relative error ~1e-7); caught
 * by t20-gen-circle-50k. */
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
	float per = 0;
	for (int i = 1; i < k; i++)
		per += sqrtf((float)(h[i].x - h[i - 1].x) * (float)(h[i].x - h[i - 1].x) +
			     (float)(h[i].y - h[i - 1].y) * (float)(h[i].y - h[i - 1].y));
	printf("%.6f\n", (double)per);
	return 0;
}
