/* checker for combination-sum-ii, run as `checker INPUT OUTPUT ANSWER`.
 * Exit 0 AC, 1 WA, 2 PE, 3 checker failure (INPUT or ANSWER unreadable or
 * malformed: never the contestant's fault); a one-line message on stderr.
 *
 * The expected answer is only trusted for its first token, k. OUTPUT is
 * accepted when its first line is exactly k, followed by exactly k lines, each
 * a combination: 1..30 integers (any order) from 1..50, no value used more
 * often than it occurs in the input, summing to the target, no two lines equal
 * as multisets. k distinct valid combinations are then all of them.
 *
 * Layout: tokens on a line are separated by spaces or tabs; '\r' counts as a
 * space (CRLF files pass); white space after the last combination is ignored.
 * Blank lines before the last combination are a presentation error (PE), but
 * only when everything else is right: any wrong answer wins over PE.
 * Everything else malformed (non-numbers, signs, numbers out of range or too
 * long to be in range, a count line with more than the count, more than 30
 * numbers on a line, too few or too many lines, empty output, binary bytes)
 * is WA. OUTPUT is read one byte at a time and at most 31 tokens of at most 24
 * bytes are kept per line, so memory stays bounded whatever it holds; the
 * only table grows with k, which comes from the trusted ANSWER (capped). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_N 100
#define MAX_VALUE 50
#define MAX_TARGET 30
#define MAX_K 100000     /* the true maximum is p(30) = 5604 */
#define MAX_TOKENS 31    /* one more than any valid line can hold */
#define TOKEN_KEEP 24    /* bytes kept of a token; longer ones are not numbers in range */

enum { AC = 0, WA = 1, PE = 2, FAIL = 3 };

struct line {
	int ntok;
	char tok[MAX_TOKENS][TOKEN_KEEP + 1];
	int truncated[MAX_TOKENS];
};

static FILE *out;
static long lineno;                 /* line of OUTPUT being read, from 1 */
static int have[MAX_VALUE + 1];     /* multiplicity of each value in the input */
static int target;

static void quit(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(code);
}

/* The token as it may be shown to the user: printable ASCII only. */
static const char *shown(const struct line *l, int i)
{
	static char s[TOKEN_KEEP + 4];
	int j;

	for (j = 0; l->tok[i][j]; j++)
		s[j] = l->tok[i][j] > 32 && l->tok[i][j] < 127 ? l->tok[i][j] : '?';
	strcpy(s + j, l->truncated[i] ? "..." : "");
	return s;
}

static int is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}

/* Reads the next line of OUTPUT into l. Returns -1 at the end of the file when
 * the line holds no token, else the number of tokens (0: a blank line). */
static int read_line(struct line *l)
{
	int c;

	lineno++;
	l->ntok = 0;
	for (;;) {
		c = getc(out);
		if (c == EOF)
			return l->ntok ? l->ntok : -1;
		if (c == '\n')
			return l->ntok;
		if (is_space(c))
			continue;
		if (l->ntok == MAX_TOKENS)
			quit(WA, "line %ld: more than %d numbers (no combination of %d can have that many)",
			     lineno, MAX_TOKENS - 1, target);
		{
			int len = 0, t = l->ntok++;

			l->truncated[t] = 0;
			while (c != EOF && c != '\n' && !is_space(c)) {
				if (len < TOKEN_KEEP)
					l->tok[t][len++] = (char)c;
				else
					l->truncated[t] = 1;
				c = getc(out);
			}
			l->tok[t][len] = '\0';
			if (c != EOF)
				ungetc(c, out);
		}
	}
}

/* The value of token i when it is a plain decimal number of at most 9
 * digits, else -1. */
static long value(const struct line *l, int i)
{
	const char *s = l->tok[i];
	long v = 0;
	int len = 0;

	if (l->truncated[i] || !*s)
		return -1;
	for (; *s; s++, len++) {
		if (*s < '0' || *s > '9' || len == 9)
			return -1;
		v = v * 10 + (*s - '0');
	}
	return v;
}

/* Hash set of combinations, each as its sorted values (at most 30 bytes). */
struct combo {
	unsigned char len, v[MAX_TARGET];
	long line;
};

static struct combo *table;
static size_t table_mask;

static long seen_before(const unsigned char *v, int len, long line)
{
	unsigned h = 2166136261u;
	size_t at;
	int i;

	for (i = 0; i < len; i++)
		h = (h ^ v[i]) * 16777619u;
	for (at = h & table_mask;; at = (at + 1) & table_mask) {
		struct combo *e = &table[at];

		if (e->len == 0) {
			e->len = (unsigned char)len;
			memcpy(e->v, v, len);
			e->line = line;
			return 0;
		}
		if (e->len == len && memcmp(e->v, v, len) == 0)
			return e->line;
	}
}

static void read_input(const char *path)
{
	FILE *f = fopen(path, "r");
	int n, i, v;

	if (!f)
		quit(FAIL, "checker: cannot open the input '%s'", path);
	if (fscanf(f, "%d %d", &n, &target) != 2 || n < 1 || n > MAX_N ||
	    target < 1 || target > MAX_TARGET)
		quit(FAIL, "checker: malformed input (n, target)");
	for (i = 0; i < n; i++) {
		if (fscanf(f, "%d", &v) != 1 || v < 1 || v > MAX_VALUE)
			quit(FAIL, "checker: malformed input (value %d)", i + 1);
		have[v]++;
	}
	fclose(f);
}

static long read_answer_count(const char *path)
{
	FILE *f = fopen(path, "r");
	long k;

	if (!f)
		quit(FAIL, "checker: cannot open the answer '%s'", path);
	if (fscanf(f, "%ld", &k) != 1 || k < 0 || k > MAX_K)
		quit(FAIL, "checker: malformed answer (count)");
	fclose(f);
	return k;
}

int main(int argc, char **argv)
{
	static struct line l;
	long k, got, done = 0, blank = 0, other;
	int r, i;

	if (argc != 4)
		quit(FAIL, "usage: checker INPUT OUTPUT ANSWER");
	read_input(argv[1]);
	k = read_answer_count(argv[3]);
	out = fopen(argv[2], "rb");
	if (!out)
		quit(FAIL, "checker: cannot open the output '%s'", argv[2]);

	/* the count line; blank lines before it are layout */
	while ((r = read_line(&l)) == 0)
		if (!blank)
			blank = lineno;
	if (r < 0)
		quit(WA, "empty output: expected the number of combinations %ld", k);
	if ((got = value(&l, 0)) < 0)
		quit(WA, "line %ld: expected the number of combinations, got '%s'", lineno, shown(&l, 0));
	if (l.ntok > 1)
		quit(WA, "line %ld: expected only the number of combinations, got more on the line", lineno);
	if (got != k)
		quit(WA, "wrong number of combinations: expected %ld, got %ld", k, got);

	for (table_mask = 1; table_mask < 2 * (size_t)k + 2; table_mask <<= 1)
		;
	table = calloc(table_mask, sizeof *table);
	if (!table)
		quit(FAIL, "checker: out of memory");
	table_mask--;

	while (done < k) {
		int count[MAX_VALUE + 1] = {0}, sum = 0;
		unsigned char sorted[MAX_TARGET];
		int len = 0, v;

		r = read_line(&l);
		if (r < 0)
			quit(WA, "expected %ld combinations, got only %ld", k, done);
		if (r == 0) {
			if (!blank)
				blank = lineno;
			continue;
		}
		for (i = 0; i < l.ntok; i++) {
			long x = value(&l, i);

			if (x < 0)
				quit(WA, "line %ld: '%s' is not a number from 1 to %d", lineno, shown(&l, i), MAX_VALUE);
			if (x < 1 || x > MAX_VALUE)
				quit(WA, "line %ld: %ld is out of range 1..%d", lineno, x, MAX_VALUE);
			if (++count[x] > have[x])
				quit(WA, "line %ld: uses %ld %d time%s, the input has it %d time%s", lineno,
				     x, count[x], count[x] > 1 ? "s" : "", have[x], have[x] == 1 ? "" : "s");
			sum += (int)x;
		}
		if (sum != target)
			quit(WA, "line %ld: the numbers sum to %d, not %d", lineno, sum, target);
		for (v = 1; v <= MAX_VALUE; v++)
			while (count[v]-- > 0)
				sorted[len++] = (unsigned char)v;
		if ((other = seen_before(sorted, len, lineno)) != 0)
			quit(WA, "line %ld: the same combination as line %ld", lineno, other);
		done++;
	}
	while ((r = read_line(&l)) >= 0)
		if (r > 0)
			quit(WA, "line %ld: extra output after the %ld combinations", lineno, k);
	if (blank)
		quit(PE, "line %ld: blank line", blank);
	fprintf(stderr, "ok, %ld combinations\n", k);
	return AC;
}
