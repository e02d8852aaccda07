/* complexity.c: fitting measured running times to growth classes (see
 * complexity.h). Everything is on the log scale, where a constant factor is
 * an additive constant; points are weighted by how precisely they were
 * timed (see weight()). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "judge/domain/complexity.h"
#include "lib/util.h"

static const char *const names[CX_COUNT] = {
	"1", "log n", "n", "n log n", "n^2", "n^3", "2^n",
};

static const char *const words[CX_COUNT] = {
	"constant", "logarithmic", "linear", "n log n", "quadratic", "cubic", "exponential",
};

/* Steeper power laws are taken for exponentials. */
#define MAX_DEGREE 6.0

/* The polynomial degree each class counts as (CX_EXP: above all). */
static const double degrees[CX_COUNT] = { 0, 0, 1, 1, 2, 3, 1e9 };

const char *cx_class_name(enum cx_class c)
{
	return c < CX_COUNT ? names[c] : "?";
}

const char *cx_class_word(enum cx_class c)
{
	return c < CX_COUNT ? words[c] : "?";
}

/* ln of a polynomial class's shape at n. */
static double shape(enum cx_class c, double n)
{
	double ln = log(n), lg = log(log2(n < 2 ? 2 : n));

	switch (c) {
	case CX_1: return 0;
	case CX_LOGN: return lg;
	case CX_N: return ln;
	case CX_NLOGN: return ln + lg;
	case CX_N2: return 2 * ln;
	case CX_N3: return 3 * ln;
	default: return 0;
	}
}

/* The weight of a time on the log scale: the inverse of its variance, from
 * an absolute timer jitter of about 1 ms and a relative noise of about 5%.
 * A 5 ms point counts a sixth of a 100 ms one. */
static double weight(double ms)
{
	return 1 / (1 / (ms * ms) + 0.05 * 0.05);
}

/* Weighted least squares y = a + b x; r2 is 1 when y is constant. */
static void linfit(const double *x, const double *y, const double *w, size_t n,
		   double *a, double *b, double *r2)
{
	double sw = 0, mx = 0, my = 0, sxx = 0, sxy = 0, syy = 0, res = 0, e;
	size_t i;

	for (i = 0; i < n; i++) {
		sw += w[i];
		mx += w[i] * x[i];
		my += w[i] * y[i];
	}
	mx /= sw;
	my /= sw;
	for (i = 0; i < n; i++) {
		sxx += w[i] * (x[i] - mx) * (x[i] - mx);
		sxy += w[i] * (x[i] - mx) * (y[i] - my);
		syy += w[i] * (y[i] - my) * (y[i] - my);
	}
	*b = sxx > 0 ? sxy / sxx : 0;
	*a = my - *b * mx;
	for (i = 0; i < n; i++) {
		e = y[i] - (*a + *b * x[i]);
		res += w[i] * e * e;
	}
	*r2 = syy > 0 ? 1 - res / syy : 1;
}

static int by_size(const void *p, const void *q)
{
	const struct cx_point *a = p, *b = q;

	return (a->n > b->n) - (a->n < b->n);
}

/* The points a fit uses, as log(size), log(ms), size and weight. */
struct fit_points {
	double *x, *y, *nn, *w;
	size_t m;
};

/* The usable points of pts (by size): those with at least min_ms, or when
 * fewer than three have that, the three largest sizes with some time.
 * Returns 1 when even the slowest point is under min_ms (too fast to
 * measure), else 0. */
static int fit_points_pick(const struct cx_point *pts, size_t npts, double min_ms,
			   struct fit_points *fp)
{
	struct cx_point *v = xcalloc(npts ? npts : 1, sizeof(*v));
	double hi = 0;
	size_t i, k = 0;

	memcpy(v, pts, npts * sizeof(*v));
	qsort(v, npts, sizeof(*v), by_size);
	for (i = 0; i < npts; i++) {
		if (v[i].ms > hi)
			hi = v[i].ms;
		if (v[i].ms >= min_ms && v[i].n >= 1)
			k++;
	}
	for (i = 0; hi >= min_ms && i < npts; i++) {
		if (!(k >= 3 ? v[i].ms >= min_ms : v[i].ms > 0 && i + 3 >= npts) || v[i].n < 1)
			continue;
		fp->nn[fp->m] = v[i].n;
		fp->x[fp->m] = log(v[i].n);
		fp->y[fp->m] = log(v[i].ms);
		fp->w[fp->m] = weight(v[i].ms);
		fp->m++;
	}
	free(v);
	return hi < min_ms;
}

/* The weighted squared error of class c's shape, shifted to the points'
 * weighted mean (log axes: the constant factor is free). */
static double class_sse(enum cx_class c, const struct fit_points *fp)
{
	double mean = 0, sw = 0, sse = 0, e;
	size_t i;

	for (i = 0; i < fp->m; i++) {
		mean += fp->w[i] * (fp->y[i] - shape(c, fp->nn[i]));
		sw += fp->w[i];
	}
	mean /= sw;
	for (i = 0; i < fp->m; i++) {
		e = fp->y[i] - shape(c, fp->nn[i]) - mean;
		sse += fp->w[i] * e * e;
	}
	return sse;
}

/* The polynomial class whose shape fits best; a faster-growing class must
 * fit clearly better (measurements of memory-bound code drift upwards as
 * the data leaves the caches). */
static enum cx_class best_class(const struct fit_points *fp)
{
	enum cx_class cls = CX_1;
	double best = HUGE_VAL, sse;
	int c;

	for (c = CX_1; c < CX_EXP; c++) {
		sse = class_sse((enum cx_class)c, fp);
		if (sse < 0.8 * best) {
			best = sse;
			cls = (enum cx_class)c;
		}
	}
	return cls;
}

int cx_fit(const struct cx_point *pts, size_t npts, double min_ms, struct cx_estimate *f)
{
	size_t cap = npts ? npts : 1;
	struct fit_points fp = { xcalloc(cap, sizeof(double)), xcalloc(cap, sizeof(double)),
				 xcalloc(cap, sizeof(double)), xcalloc(cap, sizeof(double)), 0 };
	double a, b, r2, ea, eb, er2;
	int rc = 0;

	memset(f, 0, sizeof(*f));
	f->cls = CX_1;
	if (fit_points_pick(pts, npts, min_ms, &fp)) {
		f->too_fast = 1;
		goto out;
	}
	f->used = fp.m;
	if (fp.m < 2) {
		rc = -1;
		goto out;
	}
	linfit(fp.x, fp.y, fp.w, fp.m, &a, &b, &r2);
	f->exponent = b;
	f->coef = exp(a);
	f->power_r2 = r2;
	linfit(fp.nn, fp.y, fp.w, fp.m, &ea, &eb, &er2);
	f->base = exp(eb);
	f->exp_coef = exp(ea);
	f->exp_r2 = er2;
	/* on log-log axes an exponential curves upwards and a power law is
	 * straight; on log-linear axes the exponential is straight. Over a few
	 * close sizes (n-queens: 12, 13, 14) the curvature is lost in the noise,
	 * but no algorithm of interest is a polynomial of degree above 6. */
	if (b > 2.5 && (er2 >= r2 || b > MAX_DEGREE)) {
		f->cls = CX_EXP;
		f->r2 = er2;
		goto out;
	}
	f->r2 = r2;
	f->cls = best_class(&fp);
out:
	free(fp.x);
	free(fp.y);
	free(fp.nn);
	free(fp.w);
	return rc;
}

double cx_predict(const struct cx_estimate *f, double n)
{
	if (f->too_fast || f->used < 2)
		return 0;
	if (f->cls == CX_EXP)
		return f->exp_coef * pow(f->base, n);
	return f->coef * pow(n, f->exponent);
}

int cx_parse_declared(const char *s, double *degree, int *exponential)
{
	const char *p, *end;
	double d = 0;
	int exp_ = 0, any = 0;

	*degree = 0;
	*exponential = 0;
	while (isspace((unsigned char)*s))
		s++;
	if ((s[0] != 'O' && s[0] != 'o') || s[1] != '(')
		return -1;
	p = s + 2;
	end = strrchr(p, ')');
	if (!end || end == p)
		return -1;
	while (p < end) {
		if (isspace((unsigned char)*p) || *p == '*' || *p == '.' || *p == '(' || *p == ')') {
			p++;
		} else if (!strncmp(p, "log", 3)) {
			/* log n, log(n), log2 n: no degree; skip its argument */
			p += 3;
			while (p < end && (isdigit((unsigned char)*p) || isspace((unsigned char)*p) ||
					   *p == '('))
				p++;
			while (p < end && isalpha((unsigned char)*p))
				p++;
			any = 1;
		} else if (isdigit((unsigned char)*p)) {
			/* a constant, or k^x: exponential */
			while (p < end && (isdigit((unsigned char)*p) || *p == '.'))
				p++;
			if (p < end && *p == '^') {
				exp_ = 1;
				p++;
				while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
					p++;
			}
			any = 1;
		} else if (isalpha((unsigned char)*p)) {
			while (p < end && (isalnum((unsigned char)*p) || *p == '_'))
				p++;
			if (p < end && *p == '!') {
				exp_ = 1;
				p++;
			} else if (p < end && *p == '^') {
				p++;
				if (isdigit((unsigned char)*p))
					d += strtod(p, (char **)&p);
				else
					return -1;
			} else {
				d += 1;
			}
			any = 1;
		} else {
			return -1;
		}
	}
	if (!any)
		return -1;
	*degree = d;
	*exponential = exp_;
	return 0;
}

int cx_exceeds(enum cx_class c, double degree, int exponential)
{
	if (exponential)
		return 0;
	return degrees[c < CX_COUNT ? c : CX_EXP] > degree + 0.25;
}

void cx_plot(const struct cx_point *pts, size_t npts, int width, struct buf *out)
{
	struct cx_point *v = xcalloc(npts ? npts : 1, sizeof(*v));
	double lo = HUGE_VAL, hi = 0;
	size_t i;
	int len, j;

	memcpy(v, pts, npts * sizeof(*v));
	qsort(v, npts, sizeof(*v), by_size);
	for (i = 0; i < npts; i++) {
		if (v[i].ms > 0 && v[i].ms < lo)
			lo = v[i].ms;
		if (v[i].ms > hi)
			hi = v[i].ms;
	}
	buf_addf(out, "%12s %11s  %s\n", "size", "time", "(log scale)");
	for (i = 0; i < npts; i++) {
		if (v[i].ms <= 0)
			len = 0;
		else if (hi <= lo)
			len = width;
		else
			len = 1 + (int)lrint((width - 1) * (log(v[i].ms) - log(lo)) /
					     (log(hi) - log(lo)));
		buf_addf(out, "%12.0f %8.0f ms  |", v[i].n, v[i].ms);
		for (j = 0; j < len; j++)
			buf_addch(out, '#');
		buf_addch(out, '\n');
	}
	free(v);
}
