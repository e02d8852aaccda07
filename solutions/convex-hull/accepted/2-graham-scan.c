/* convex-hull, second accepted solution: Graham scan, O(n log n). The pivot
 * is the lowest point (then leftmost); every other point lies in the
 * half-plane above it (or to its right on its row), so sorting by the exact
 * sign of the cross product around the pivot - nearer first on a common ray -
 * is a total order. A stack keeps strict left turns; points equal to the
 * pivot, collinear points and repeats are popped. The hull's vertices are
 * then summed as a closed polygon (two vertices: the segment twice).
 * Cross products in __int128 (not needed - long long is exact here - but it
 * makes the argument trivial); distances with sqrtl on long double. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct pt {
	long long x, y;
};

static struct pt pivot;

static __int128 cross(struct pt o, struct pt a, struct pt b)
{
	return (__int128)(a.x - o.x) * (b.y - o.y) - (__int128)(a.y - o.y) * (b.x - o.x);
}

static __int128 dist2(struct pt a, struct pt b)
{
	return (__int128)(a.x - b.x) * (a.x - b.x) + (__int128)(a.y - b.y) * (a.y - b.y);
}

static int by_angle(const void *va, const void *vb)
{
	const struct pt *a = va, *b = vb;
	__int128 c = cross(pivot, *a, *b);
	if (c != 0)
		return c > 0 ? -1 : 1;
	__int128 da = dist2(pivot, *a), db = dist2(pivot, *b);
	return (da > db) - (da < db);
}

static long double len(struct pt a, struct pt b)
{
	long double dx = (long double)(a.x - b.x), dy = (long double)(a.y - b.y);
	return sqrtl(dx * dx + dy * dy);
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	struct pt *p = malloc((size_t)n * sizeof *p), *st = malloc((size_t)n * sizeof *st);
	if (!p || !st)
		return 1;
	for (int i = 0; i < n; i++)
		if (scanf("%lld %lld", &p[i].x, &p[i].y) != 2)
			return 1;
	int lo = 0;
	for (int i = 1; i < n; i++)
		if (p[i].y < p[lo].y || (p[i].y == p[lo].y && p[i].x < p[lo].x))
			lo = i;
	pivot = p[lo];
	p[lo] = p[0];
	p[0] = pivot;
	qsort(p + 1, (size_t)(n - 1), sizeof *p, by_angle);
	int top = 0;
	st[top++] = pivot;
	for (int i = 1; i < n; i++) {
		if (p[i].x == pivot.x && p[i].y == pivot.y)
			continue;
		while (top >= 2 && cross(st[top - 2], st[top - 1], p[i]) <= 0)
			top--;
		st[top++] = p[i];
	}
	long double per = 0;
	if (top >= 2)
		for (int i = 0; i < top; i++)
			per += len(st[i], st[(i + 1) % top]);
	printf("%.6Lf\n", per);
	return 0;
}
