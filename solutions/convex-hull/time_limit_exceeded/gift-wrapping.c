/* convex-hull, TIME LIMIT EXCEEDED: gift wrapping (Jarvis march), O(n*h)
 * for h hull vertices. From the lowest point, repeatedly take the point with
 * every other point to its left (the farthest one on ties), until back at
 * the start. Correct, and fast when the hull is small (random points in a
 * square have a few dozen vertices), but on a circle nearly every point is a
 * vertex: h ~ n and the work is n^2. TLE on t20-gen-circle-50k. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

struct pt {
	long long x, y;
};

static long long cross(struct pt o, struct pt a, struct pt b)
{
	return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static long long dist2(struct pt a, struct pt b) /* < 2^63 only as a comparison key */
{
	unsigned long long dx = (unsigned long long)llabs(a.x - b.x), dy = (unsigned long long)llabs(a.y - b.y);
	unsigned long long d = dx * dx + dy * dy; /* <= 8*10^18 < 2^64 */
	return (long long)(d >> 1);
}

int main(void)
{
	int n;
	if (scanf("%d", &n) != 1)
		return 1;
	struct pt *p = malloc((size_t)n * sizeof *p);
	if (!p)
		return 1;
	int start = 0;
	for (int i = 0; i < n; i++) {
		if (scanf("%lld %lld", &p[i].x, &p[i].y) != 2)
			return 1;
		if (p[i].y < p[start].y || (p[i].y == p[start].y && p[i].x < p[start].x))
			start = i;
	}
	double per = 0;
	struct pt cur = p[start];
	for (;;) {
		int q = -1;
		for (int i = 0; i < n; i++) {
			if (p[i].x == cur.x && p[i].y == cur.y)
				continue;
			if (q < 0) {
				q = i;
				continue;
			}
			long long c = cross(cur, p[q], p[i]);
			if (c < 0 || (c == 0 && dist2(cur, p[i]) > dist2(cur, p[q])))
				q = i;
		}
		if (q < 0)
			break; /* one distinct point */
		per += hypot((double)(p[q].x - cur.x), (double)(p[q].y - cur.y));
		cur = p[q];
		if (cur.x == p[start].x && cur.y == p[start].y)
			break;
	}
	printf("%.6f\n", per);
	return 0;
}
