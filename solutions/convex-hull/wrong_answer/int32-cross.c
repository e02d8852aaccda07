/* convex-hull, WRONG (overflow): the monotone chain of the reference, but
 * with int coordinates and an int cross product. The coordinates fit in 32
 * bits, their differences (up to 2*10^9) and products (up to 4*10^18) do
 * not: the orientation tests wrap around and the chain keeps or drops the
 * wrong points. Every small-coordinate test passes; caught by
 * t08-square-max-interior. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct pt {
	int x, y;
};

static int by_xy(const void *a, const void *b)
{
	const struct pt *p = a, *q = b;
	if (p->x != q->x)
		return p->x < q->x ? -1 : 1;
	return (p->y > q->y) - (p->y < q->y);
}

static int cross(struct pt o, struct pt a, struct pt b)
{
	/* Wrapping 32-bit arithmetic, what plain int overflow does on x86. */
	unsigned ax = (unsigned)a.x - (unsigned)o.x, ay = (unsigned)a.y - (unsigned)o.y;
	unsigned bx = (unsigned)b.x - (unsigned)o.x, by = (unsigned)b.y - (unsigned)o.y;
	return (int)(ax * by - ay * bx);
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
		if (scanf("%d %d", &p[i].x, &p[i].y) != 2)
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
	double per = 0;
	for (int i = 1; i < k; i++)
		per += hypot((double)h[i].x - h[i - 1].x, (double)h[i].y - h[i - 1].y);
	printf("%.6f\n", per);
	return 0;
}
