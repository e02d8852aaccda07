/* test_mutate.c: unit tests for the pure part of mutation testing
 * (judge/domain/mutate.c): the tokenizer (comments, literals and
 * preprocessor lines are never tokens to mutate), each operator, applying a
 * mutant, and the deterministic sample. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "judge/domain/mutate.h"
#include "lib/buf.h"

int unit_mutate(void);

/* The tokens of src as "text|text|...", each string and char literal shown
 * as itself. Static buffer. */
static const char *toks(const char *src)
{
	static char out[1024];
	struct mutate_tok *t;
	size_t n, i, at = 0;

	mutate_tokenize(src, strlen(src), &t, &n);
	out[0] = 0;
	for (i = 0; i < n && at < sizeof(out) - 64; i++)
		at += (size_t)snprintf(out + at, sizeof(out) - at, "%s%.*s", i ? "|" : "",
				       (int)t[i].len, src + t[i].off);
	free(t);
	return out;
}

/* The mutants of src, one "LINE op 'from' -> 'to'" per line, only those of
 * operator op (MUTATE_OP_COUNT: all). Static buffer. */
static const char *muts(const char *src, enum mutate_op op)
{
	static char out[4096];
	struct mutate_set s = MUTATE_SET_INIT;
	size_t i, at = 0;

	mutate_enumerate(src, strlen(src), &s);
	out[0] = 0;
	for (i = 0; i < s.n; i++)
		if (op == MUTATE_OP_COUNT || s.v[i].op == op)
			at += (size_t)snprintf(out + at, sizeof(out) - at, "%d %s '%s' -> '%s'\n",
					       s.v[i].line, mutate_op_name(s.v[i].op),
					       s.v[i].from, s.v[i].to);
	mutate_set_release(&s);
	return out;
}

/* The source with mutant k (of operator op) applied. Static buffer. */
static const char *applied(const char *src, enum mutate_op op, size_t k)
{
	static char out[1024];
	struct mutate_set s = MUTATE_SET_INIT;
	struct buf b = BUF_INIT;
	size_t i;

	mutate_enumerate(src, strlen(src), &s);
	snprintf(out, sizeof(out), "(none)");
	for (i = 0; i < s.n; i++)
		if (s.v[i].op == op && k-- == 0) {
			mutate_apply(src, strlen(src), &s.v[i], &b);
			snprintf(out, sizeof(out), "%s", buf_str(&b));
			break;
		}
	buf_release(&b);
	mutate_set_release(&s);
	return out;
}

static void tokenizer(void **state)
{
	struct mutate_tok *t;
	size_t n;

	(void)state;
	assert_string_equal(toks("a<=b>>=c->d"), "a|<=|b|>>=|c|->|d");
	assert_string_equal(toks("x /* a < b */ + // c < d\n y"), "x|+|y");
	assert_string_equal(toks("s = \"a < b \\\" c\"; k = 'x';"),
			    "s|=|\"a < b \\\" c\"|;|k|=|'x'|;");
	assert_string_equal(toks("L\"w\" u8\"u\" U'c' R\"d(a \" b)d\" z"),
			    "L\"w\"|u8\"u\"|U'c'|R\"d(a \" b)d\"|z");
	/* preprocessor lines, continued ones and comments inside them */
	assert_string_equal(toks("#include <stdio.h>\n  # define M(a) \\\n  (a < 1)\nint"),
			    "int");
	assert_string_equal(toks("#if 1 /* a\nb */\nx"), "x");
	/* a '#' that is not first on its line is a token */
	assert_string_equal(toks("a # b"), "a|#|b");
	/* numbers: exponents with signs, digit separators, suffixes */
	assert_string_equal(toks("1e+9-2 1'000'000 0x1FULL .5f"),
			    "1e+9|-|2|1'000'000|0x1FULL|.5f");
	/* unterminated things end at the end */
	assert_string_equal(toks("a /* never closed"), "a");
	assert_string_equal(toks("a \"open"), "a|\"open");
	/* lines and kinds */
	mutate_tokenize("a\n/* x\n */ 7\n\"s\"", 16, &t, &n);
	assert_int_equal(n, 3);
	assert_int_equal(t[0].line, 1);
	assert_int_equal(t[0].kind, MUTATE_TOK_IDENT);
	assert_int_equal(t[1].line, 3);
	assert_int_equal(t[1].kind, MUTATE_TOK_NUMBER);
	assert_int_equal(t[2].line, 4);
	assert_int_equal(t[2].kind, MUTATE_TOK_STRING);
	free(t);
}

/* Nothing in comments, strings, char literals or preprocessor lines. */
static void exclusions(void **state)
{
	(void)state;
	assert_string_equal(muts("#define N (a < b + 1)\n"
				 "/* x < y && z */ // 1 + 2 == 3\n"
				 "const char *s = \"a < b + 1\";\n"
				 "char c = '<';\n"
				 "#if A > 1\n#endif\n", MUTATE_OP_COUNT), "");
}

static void relational(void **state)
{
	(void)state;
	assert_string_equal(muts("r = a < b;", MUTATE_REL),
			    "1 relational '<' -> '<='\n1 relational '<' -> '>'\n"
			    "1 relational '<' -> '>='\n1 relational '<' -> '=='\n"
			    "1 relational '<' -> '!='\n");
	assert_string_equal(muts("r = a != b;", MUTATE_REL),
			    "1 relational '!=' -> '<'\n1 relational '!=' -> '<='\n"
			    "1 relational '!=' -> '>'\n1 relational '!=' -> '>='\n"
			    "1 relational '!=' -> '=='\n");
	/* shifts and arrows are not relational */
	assert_string_equal(muts("r = a << b >> c; p->q;", MUTATE_REL), "");
	assert_string_equal(applied("r = a >= b;", MUTATE_REL, 4), "r = a != b;");
	/* the angle brackets of C++ templates are not relational */
	assert_string_equal(muts("vector<pair<int, long long>> v; array<int, 5> w;\n"
				 "sort(v.begin(), v.end(), greater<int>());\n"
				 "template <typename T> T f(T x);\n"
				 "if (a < b && c > d) x(); for (i = 0; i < n; i++) y();\n"
				 "z = p < q >> 1;", MUTATE_REL),
			    "4 relational '<' -> '<='\n4 relational '<' -> '>'\n"
			    "4 relational '<' -> '>='\n4 relational '<' -> '=='\n"
			    "4 relational '<' -> '!='\n"
			    "4 relational '>' -> '<'\n4 relational '>' -> '<='\n"
			    "4 relational '>' -> '>='\n4 relational '>' -> '=='\n"
			    "4 relational '>' -> '!='\n"
			    "4 relational '<' -> '<='\n4 relational '<' -> '>'\n"
			    "4 relational '<' -> '>='\n4 relational '<' -> '=='\n"
			    "4 relational '<' -> '!='\n"
			    "5 relational '<' -> '<='\n5 relational '<' -> '>'\n"
			    "5 relational '<' -> '>='\n5 relational '<' -> '=='\n"
			    "5 relational '<' -> '!='\n");
}

static void arithmetic(void **state)
{
	(void)state;
	assert_string_equal(muts("r = a + b;", MUTATE_ARITH),
			    "1 arithmetic '+' -> '-'\n1 arithmetic '+' -> '*'\n"
			    "1 arithmetic '+' -> '/'\n1 arithmetic '+' -> '%'\n");
	/* binary only: after a name, number, ')' or ']' */
	assert_string_equal(muts("r = (a) % x[1];", MUTATE_ARITH),
			    "1 arithmetic '%' -> '+'\n1 arithmetic '%' -> '-'\n"
			    "1 arithmetic '%' -> '*'\n1 arithmetic '%' -> '/'\n");
	/* unary minus, pointers and dereferences are left alone */
	assert_string_equal(muts("int *p = &x; r = -y; return *p; f(-1, *q);", MUTATE_ARITH),
			    "");
	/* compound assignments among themselves */
	assert_string_equal(muts("s += v;", MUTATE_ARITH),
			    "1 arithmetic '+=' -> '-='\n1 arithmetic '+=' -> '*='\n"
			    "1 arithmetic '+=' -> '/='\n1 arithmetic '+=' -> '%='\n");
	assert_string_equal(applied("r = a * b;", MUTATE_ARITH, 2), "r = a / b;");
}

static void constants(void **state)
{
	(void)state;
	/* 0 <-> 1 and k +- 1 */
	assert_string_equal(muts("a = 0; b = 1; c = 10;", MUTATE_CONST),
			    "1 constant '0' -> '1'\n1 constant '1' -> '2'\n1 constant '1' -> '0'\n"
			    "1 constant '10' -> '11'\n1 constant '10' -> '9'\n");
	/* bases and suffixes kept */
	assert_string_equal(muts("a = 0x1F; b = 5LL; c = 010u;", MUTATE_CONST),
			    "1 constant '0x1F' -> '0x20'\n1 constant '0x1F' -> '0x1e'\n"
			    "1 constant '5LL' -> '6LL'\n1 constant '5LL' -> '4LL'\n"
			    "1 constant '010u' -> '011u'\n1 constant '010u' -> '07u'\n");
	/* floating literals are not integers */
	assert_string_equal(muts("x = 1.5; y = 1e9; z = 2.f;", MUTATE_CONST), "");
	/* array sizes in declarations are not mutated; indices are */
	assert_string_equal(muts("int a[100]; static long g[5][7], h[3]; a[2] = 0;",
				 MUTATE_CONST),
			    "1 constant '2' -> '3'\n1 constant '2' -> '1'\n"
			    "1 constant '0' -> '1'\n");
	assert_string_equal(applied("x = 41;", MUTATE_CONST, 0), "x = 42;");
}

static void logical_and_negate(void **state)
{
	(void)state;
	assert_string_equal(muts("r = a && b || c;", MUTATE_LOGIC),
			    "1 logical '&&' -> '||'\n1 logical '||' -> '&&'\n");
	assert_string_equal(muts("if (a < b) x(); while (k) k--; for (;;) {}", MUTATE_NEGATE),
			    "1 negate 'a < b' -> '!(a < b)'\n1 negate 'k' -> '!(k)'\n");
	assert_string_equal(applied("while (i < n) i++;", MUTATE_NEGATE, 0),
			    "while (!(i < n)) i++;");
	assert_string_equal(applied("do x++; while (x != 3);", MUTATE_NEGATE, 0),
			    "do x++; while (!(x != 3));");
	/* an empty condition is not negated */
	assert_string_equal(muts("while () ;", MUTATE_NEGATE), "");
}

static void deletions(void **state)
{
	(void)state;
	assert_string_equal(muts("{ x = 1; f(x, y); int y = 2; size_t n = 3; ++i; T *p; "
				 "*q = 4; lbl: ; return x; }", MUTATE_DELETE),
			    "1 delete 'x = 1;' -> ';'\n1 delete 'f(x, y);' -> ';'\n"
			    "1 delete '++i;' -> ';'\n1 delete '*q = 4;' -> ';'\n");
	/* the parts of a for header are not statements */
	assert_string_equal(muts("for (i = 0; i < n; i++) s += i;", MUTATE_DELETE),
			    "1 delete 's += i;' -> ';'\n");
	/* the body of an if keeps its place */
	assert_string_equal(applied("if (c) x = 1; else y = 2;", MUTATE_DELETE, 0),
			    "if (c) ; else y = 2;");
	/* an initializer list is not a statement */
	assert_string_equal(muts("int a[] = {b, c};", MUTATE_DELETE), "");
	assert_string_equal(muts("while (1) { if (x) break; continue; }", MUTATE_JUMP),
			    "1 jump 'break;' -> ';'\n1 jump 'continue;' -> ';'\n");
	assert_string_equal(applied("for (;;) { if (x) break; }", MUTATE_JUMP, 0),
			    "for (;;) { if (x) ; }");
}

static void lines_and_order(void **state)
{
	const char *src = "int main(void)\n{\n\tif (a > 1)\n\t\treturn 0;\n}\n";

	(void)state;
	/* position first, then operator: the negation of the if, its
	 * relational swaps, then the constants */
	assert_string_equal(muts(src, MUTATE_OP_COUNT),
			    "3 negate 'a > 1' -> '!(a > 1)'\n"
			    "3 relational '>' -> '<'\n3 relational '>' -> '<='\n"
			    "3 relational '>' -> '>='\n3 relational '>' -> '=='\n"
			    "3 relational '>' -> '!='\n"
			    "3 constant '1' -> '2'\n3 constant '1' -> '0'\n"
			    "4 constant '0' -> '1'\n");
}

/* A token whose text occurs twice on its line says which one it is. */
static void nth_on_line(void **state)
{
	const char *src = "r = a < b && c < d;\nq = e < f;\n";
	struct mutate_set s = MUTATE_SET_INIT;
	size_t i;
	int seen[4] = { 0 };

	(void)state;
	mutate_enumerate(src, strlen(src), &s);
	for (i = 0; i < s.n; i++) {
		if (s.v[i].op != MUTATE_REL)
			continue;
		if (s.v[i].line == 2)
			assert_int_equal(s.v[i].nth, 0);
		else
			assert_int_equal(s.v[i].nth, s.v[i].off == 6 ? 1 : 2);
		seen[s.v[i].line == 2 ? 0 : s.v[i].nth]++;
	}
	assert_int_equal(seen[0], 5);
	assert_int_equal(seen[1], 5);
	assert_int_equal(seen[2], 5);
	/* statements are not single tokens: no ordinal */
	for (i = 0; i < s.n; i++)
		if (s.v[i].op == MUTATE_DELETE)
			assert_int_equal(s.v[i].nth, 0);
	mutate_set_release(&s);
}

static void sample(void **state)
{
	const char *src = "r = a + b - c * d / e % f < g <= h;";
	struct mutate_set all = MUTATE_SET_INIT, s1 = MUTATE_SET_INIT, s2 = MUTATE_SET_INIT,
		s3 = MUTATE_SET_INIT;
	size_t i, j, differ = 0;

	(void)state;
	mutate_enumerate(src, strlen(src), &all);
	mutate_enumerate(src, strlen(src), &s1);
	mutate_enumerate(src, strlen(src), &s2);
	mutate_enumerate(src, strlen(src), &s3);
	assert_true(all.n > 20);
	mutate_sample(&s1, 7, 42);
	mutate_sample(&s2, 7, 42);
	mutate_sample(&s3, 7, 43);
	assert_int_equal(s1.n, 7);
	for (i = 0; i < s1.n; i++) {
		assert_int_equal(s1.v[i].off, s2.v[i].off);
		assert_string_equal(s1.v[i].text, s2.v[i].text);
		differ += s1.v[i].off != s3.v[i].off || strcmp(s1.v[i].text, s3.v[i].text);
		/* in the original order */
		if (i)
			assert_true(s1.v[i - 1].off <= s1.v[i].off);
		for (j = 0; j < all.n; j++)
			if (all.v[j].off == s1.v[i].off && !strcmp(all.v[j].text, s1.v[i].text))
				break;
		assert_true(j < all.n);
	}
	assert_true(differ > 0);
	/* max at or above the count keeps everything */
	i = all.n;
	mutate_sample(&all, i, 1);
	assert_int_equal(all.n, i);
	mutate_sample(&all, 0, 1);
	assert_int_equal(all.n, i);
	mutate_set_release(&all);
	mutate_set_release(&s1);
	mutate_set_release(&s2);
	mutate_set_release(&s3);
}

int unit_mutate(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(tokenizer),
		cmocka_unit_test(exclusions),
		cmocka_unit_test(relational),
		cmocka_unit_test(arithmetic),
		cmocka_unit_test(constants),
		cmocka_unit_test(logical_and_negate),
		cmocka_unit_test(deletions),
		cmocka_unit_test(lines_and_order),
		cmocka_unit_test(nth_on_line),
		cmocka_unit_test(sample),
	};

	return cmocka_run_group_tests_name("mutate", tests, NULL, NULL);
}
