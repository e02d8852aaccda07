/* a-plus-b, second accepted solution: schoolbook arithmetic on decimal
 * strings, independent of any integer width. Same signs: add magnitudes;
 * different signs: subtract the smaller magnitude from the larger and take
 * the sign of the larger. O(digits). */
#include <stdio.h>
#include <string.h>

#define W 64

/* Magnitude as digits, least significant first; returns the digit count. */
static int parse(const char *s, int *neg, int d[W])
{
	*neg = (*s == '-');
	if (*neg || *s == '+')
		s++;
	int n = (int)strlen(s);
	memset(d, 0, W * sizeof d[0]);
	for (int i = 0; i < n; i++)
		d[i] = s[n - 1 - i] - '0';
	while (n > 1 && d[n - 1] == 0)
		n--;
	return n;
}

static int cmp(const int x[W], const int y[W])
{
	for (int i = W - 1; i >= 0; i--)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

int main(void)
{
	char sa[W], sb[W];
	int a[W], b[W], r[W] = {0};
	int na, nb;

	if (scanf("%40s %40s", sa, sb) != 2)
		return 1;
	parse(sa, &na, a);
	parse(sb, &nb, b);
	int neg;
	if (na == nb) {
		int carry = 0;
		for (int i = 0; i < W; i++) {
			int t = a[i] + b[i] + carry;
			r[i] = t % 10;
			carry = t / 10;
		}
		neg = na;
	} else {
		int c = cmp(a, b);
		const int *big = c >= 0 ? a : b, *small = c >= 0 ? b : a;
		int borrow = 0;
		for (int i = 0; i < W; i++) {
			int t = big[i] - small[i] - borrow;
			borrow = t < 0;
			r[i] = t + 10 * borrow;
		}
		neg = c > 0 ? na : nb;
	}
	int top = W - 1;
	while (top > 0 && r[top] == 0)
		top--;
	if (top == 0 && r[0] == 0)
		neg = 0;
	if (neg)
		putchar('-');
	for (int i = top; i >= 0; i--)
		putchar('0' + r[i]);
	putchar('\n');
	return 0;
}
