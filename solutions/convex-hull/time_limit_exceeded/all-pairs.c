/* convex-hull, TIME LIMIT EXCEEDED: the definition, checked directly,
 * O(m^3) for m distinct points. A directed pair a -> b is a hull edge when
 * every point is on its left or on the segment [a, b] itself; the perimeter
 * is the sum of those edges (for collinear input that is a -> b and b -> a:
 * twice the segment). Correct on every small test; hopeless at 5*10^4
 * points: TLE on t20-gen-circle-50k. */
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

/* c is on the line through a and b: is it between them? */
static int between(struct pt a, struct pt b, struct pt c)
{
	return (c.x - a.x) * (c.x - b.x) <= 0 && (c.y - a.y) * (c.y - b.y) <= 0;
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	struct pt *p = malloc((size_t)n * sizeof *p);
	if (!p)
		return 1;
	for (int i = 0; i < n; i++)
		if (scanf("%lld %lld", &p[i].x, &p[i].y) != 2)
			return 1;
	qsort(p, (size_t)n, sizeof *p, by_xy);
	int m = 0;
	for (int i = 0; i < n; i++)
		if (m == 0 || p[i].x != p[m - 1].x || p[i].y != p[m - 1].y)
			p[m++] = p[i];
	double per = 0;
	for (int a = 0; a < m; a++)
		for (int b = 0; b < m; b++) {
			if (a == b)
				continue;
			int edge = 1;
			for (int c = 0; c < m && edge; c++) {
				long long s = cross(p[a], p[b], p[c]);
				if (s < 0 || (s == 0 && !between(p[a], p[b], p[c])))
					edge = 0;
			}
			if (edge)
				per += hypot((double)(p[b].x - p[a].x), (double)(p[b].y - p[a].y));
		}
	printf("%.6f\n", per);
	return 0;
}
