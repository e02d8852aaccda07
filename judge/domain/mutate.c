/* mutate.c: the pure part of mutation testing (see mutate.h): a C/C++
 * tokenizer that skips comments, literals' insides and preprocessor lines,
 * and the mutation operators over its tokens. */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "judge/domain/mutate.h"
#include "lib/util.h"

/* ---- the tokenizer ------------------------------------------------------- */

struct lexer {
	const char *s;
	size_t len, i;
	int line;
	int bol;              /* only whitespace since the start of the line */
	struct mutate_tok *v;
	size_t n, alloc;
};

static int at(const struct lexer *lx, size_t k)
{
	return lx->i + k < lx->len ? (unsigned char)lx->s[lx->i + k] : -1;
}

/* Step over one byte, counting lines. */
static void step(struct lexer *lx)
{
	if (lx->s[lx->i] == '\n') {
		lx->line++;
		lx->bol = 1;
	}
	lx->i++;
}

static void push(struct lexer *lx, enum mutate_tok_kind k, size_t off, int line)
{
	if (lx->n == lx->alloc) {
		lx->alloc = lx->alloc ? 2 * lx->alloc : 256;
		lx->v = xrealloc(lx->v, lx->alloc * sizeof(*lx->v));
	}
	lx->v[lx->n].kind = k;
	lx->v[lx->n].off = off;
	lx->v[lx->n].len = lx->i - off;
	lx->v[lx->n].line = line;
	lx->n++;
}

/* At the start of a block or line comment: step over it. */
static void skip_comment(struct lexer *lx)
{
	if (at(lx, 1) == '/') {
		while (lx->i < lx->len && lx->s[lx->i] != '\n') {
			if (lx->s[lx->i] == '\\' && at(lx, 1) == '\n')
				step(lx);   /* a continued line comment */
			step(lx);
		}
		return;
	}
	lx->i += 2;
	while (lx->i < lx->len && !(lx->s[lx->i] == '*' && at(lx, 1) == '/'))
		step(lx);
	lx->i = lx->i + 2 <= lx->len ? lx->i + 2 : lx->len;
}

static int is_comment(const struct lexer *lx)
{
	return at(lx, 0) == '/' && (at(lx, 1) == '/' || at(lx, 1) == '*');
}

/* At '#' first on a line: step over the directive, its continuations and
 * the comments inside it, up to (not over) the newline. */
static void skip_directive(struct lexer *lx)
{
	while (lx->i < lx->len && lx->s[lx->i] != '\n') {
		if (is_comment(lx)) {
			skip_comment(lx);
			continue;
		}
		if (lx->s[lx->i] == '\\' && at(lx, 1) == '\n')
			step(lx);
		step(lx);
	}
}

/* At the opening quote q: step over the literal (escapes honoured; a
 * newline ends an unterminated one). */
static void skip_quoted(struct lexer *lx, int q)
{
	step(lx);
	while (lx->i < lx->len && lx->s[lx->i] != q && lx->s[lx->i] != '\n') {
		if (lx->s[lx->i] == '\\' && lx->i + 1 < lx->len)
			step(lx);
		step(lx);
	}
	if (lx->i < lx->len && lx->s[lx->i] == q)
		step(lx);
}

/* At the quote of R"delim( ... )delim": step over the raw string. */
static void skip_raw(struct lexer *lx)
{
	size_t d0 = lx->i + 1, dn = 0, k;

	while (d0 + dn < lx->len && lx->s[d0 + dn] != '(' && dn < 16)
		dn++;
	for (k = d0 + dn + 1; k < lx->len; k++)
		if (lx->s[k] == ')' && k + dn + 1 < lx->len &&
		    !memcmp(lx->s + k + 1, lx->s + d0, dn) && lx->s[k + dn + 1] == '"')
			break;
	k = k < lx->len ? k + dn + 2 : lx->len;
	while (lx->i < k)
		step(lx);
}

static int ident_char(int c)
{
	return c >= 0 && (isalnum(c) || c == '_' || c == '$');
}

/* A name, or a string or character literal with an encoding prefix. */
static void lex_ident(struct lexer *lx)
{
	size_t off = lx->i, n;
	int line = lx->line, q;

	while (ident_char(at(lx, 0)))
		lx->i++;
	n = lx->i - off;
	q = at(lx, 0);
	if ((q == '"' || q == '\'') && n <= 3 &&
	    (!strncmp(lx->s + off, "L", n) || !strncmp(lx->s + off, "u", n) ||
	     !strncmp(lx->s + off, "U", n) || !strncmp(lx->s + off, "u8", n) ||
	     (q == '"' && n >= 1 && lx->s[off + n - 1] == 'R' &&
	      (n == 1 || !strncmp(lx->s + off, "LR", n) || !strncmp(lx->s + off, "uR", n) ||
	       !strncmp(lx->s + off, "UR", n) || !strncmp(lx->s + off, "u8R", n))))) {
		if (q == '"' && lx->s[off + n - 1] == 'R')
			skip_raw(lx);
		else
			skip_quoted(lx, q);
		push(lx, q == '"' ? MUTATE_TOK_STRING : MUTATE_TOK_CHAR, off, line);
		return;
	}
	push(lx, MUTATE_TOK_IDENT, off, line);
}

/* A preprocessing number: digits, letters, '.', digit separators, and a
 * sign after an exponent. */
static void lex_number(struct lexer *lx)
{
	size_t off = lx->i;
	int c, prev = 0;

	for (;;) {
		c = at(lx, 0);
		if (ident_char(c) || c == '.' ||
		    (c == '\'' && ident_char(at(lx, 1)) && ident_char(prev)) ||
		    ((c == '+' || c == '-') && (prev == 'e' || prev == 'E' || prev == 'p' ||
						prev == 'P'))) {
			prev = c;
			lx->i++;
			continue;
		}
		break;
	}
	push(lx, MUTATE_TOK_NUMBER, off, lx->line);
}

/* Longest first within each length. */
static const char *const puncts[] = {
	"<<=", ">>=", "...", "->*", "<=>",
	"->", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=",
	"*=", "/=", "%=", "&=", "|=", "^=", "::", "##", ".*",
	NULL,
};

static void lex_punct(struct lexer *lx)
{
	size_t off = lx->i, n;
	int k;

	for (k = 0; puncts[k]; k++) {
		n = strlen(puncts[k]);
		if (lx->i + n <= lx->len && !memcmp(lx->s + lx->i, puncts[k], n)) {
			lx->i += n;
			push(lx, MUTATE_TOK_PUNCT, off, lx->line);
			return;
		}
	}
	lx->i++;
	push(lx, MUTATE_TOK_PUNCT, off, lx->line);
}

void mutate_tokenize(const char *src, size_t len, struct mutate_tok **out, size_t *n)
{
	struct lexer lx;
	int c;

	memset(&lx, 0, sizeof(lx));
	lx.s = src;
	lx.len = len;
	lx.line = 1;
	lx.bol = 1;
	while (lx.i < len) {
		c = (unsigned char)src[lx.i];
		if (c == '\n' || isspace(c)) {
			step(&lx);
		} else if (c == '\\' && at(&lx, 1) == '\n') {
			step(&lx);
			step(&lx);
		} else if (is_comment(&lx)) {
			skip_comment(&lx);
		} else if (c == '#' && lx.bol) {
			skip_directive(&lx);
		} else {
			size_t off = lx.i;
			int line = lx.line;

			lx.bol = 0;
			if (c == '"' || c == '\'') {
				skip_quoted(&lx, c);
				push(&lx, c == '"' ? MUTATE_TOK_STRING : MUTATE_TOK_CHAR, off, line);
			} else if (isdigit(c) || (c == '.' && isdigit(at(&lx, 1)))) {
				lex_number(&lx);
			} else if (ident_char(c)) {
				lex_ident(&lx);
			} else {
				lex_punct(&lx);
			}
		}
	}
	if (!lx.v)
		lx.v = xmalloc(sizeof(*lx.v));
	*out = lx.v;
	*n = lx.n;
}

/* ---- helpers over tokens -------------------------------------------------- */

struct src {
	const char *s;
	size_t len;
	struct mutate_tok *t;
	size_t n;
	long *match;          /* the matching bracket's index, or -1 */
	int *depth;           /* ( and [ nesting at each token */
	char *header_end;     /* 1 on the ')' closing an if/while/for/switch header */
	char *angle;          /* 1 on the '<' and '>' of a C++ template's arguments */
	struct mutate_set *out;
};

static int is(const struct src *x, size_t i, const char *text)
{
	size_t n = strlen(text);

	return i < x->n && x->t[i].len == n && !memcmp(x->s + x->t[i].off, text, n) &&
		(x->t[i].kind == MUTATE_TOK_PUNCT || x->t[i].kind == MUTATE_TOK_IDENT);
}

static const char *const keywords[] = {
	"alignas", "alignof", "asm", "auto", "bool", "break", "case", "catch", "char",
	"class", "const", "constexpr", "continue", "decltype", "default", "delete", "do",
	"double", "else", "enum", "explicit", "extern", "float", "for", "friend", "goto",
	"if", "inline", "int", "long", "namespace", "new", "noexcept", "operator",
	"private", "protected", "public", "register", "restrict", "return", "short",
	"signed", "sizeof", "static", "static_assert", "struct", "switch", "template",
	"this", "throw", "try", "typedef", "typename", "union", "unsigned", "using",
	"virtual", "void", "volatile", "while", "_Bool", "_Static_assert", "__int128",
	NULL,
};

static const char *const type_words[] = {
	"auto", "bool", "char", "const", "double", "float", "int", "long", "short",
	"signed", "static", "unsigned", "void", "volatile", "_Bool", "__int128",
	"register", "extern", "struct", "union", "enum", NULL,
};

static int in_list(const struct src *x, size_t i, const char *const *list)
{
	int k;

	if (i >= x->n || x->t[i].kind != MUTATE_TOK_IDENT)
		return 0;
	for (k = 0; list[k]; k++)
		if (is(x, i, list[k]))
			return 1;
	return 0;
}

static int is_name(const struct src *x, size_t i)
{
	return i < x->n && x->t[i].kind == MUTATE_TOK_IDENT && !in_list(x, i, keywords);
}

/* The token ends an operand: what comes after it is a binary operator. */
static int ends_operand(const struct src *x, size_t i)
{
	enum mutate_tok_kind k = x->t[i].kind;

	return is_name(x, i) || k == MUTATE_TOK_NUMBER || k == MUTATE_TOK_CHAR ||
		k == MUTATE_TOK_STRING || is(x, i, ")") || is(x, i, "]");
}

/* Brackets matched with a stack; depth counts ( and [ only. */
static void match_brackets(struct src *x)
{
	long *stack = xcalloc(x->n + 1, sizeof(*stack));
	size_t i, sp = 0;
	int depth = 0;
	long o;

	x->match = xcalloc(x->n + 1, sizeof(*x->match));
	x->depth = xcalloc(x->n + 1, sizeof(*x->depth));
	x->header_end = xcalloc(x->n + 1, 1);
	for (i = 0; i < x->n; i++) {
		x->match[i] = -1;
		if (is(x, i, ")") || is(x, i, "]"))
			depth--;
		x->depth[i] = depth;
		if (is(x, i, "(") || is(x, i, "[") || is(x, i, "{")) {
			stack[sp++] = (long)i;
			depth += !is(x, i, "{");
		} else if ((is(x, i, ")") || is(x, i, "]") || is(x, i, "}")) && sp) {
			o = stack[--sp];
			x->match[i] = o;
			x->match[o] = (long)i;
			if (is(x, i, ")") && o > 0 &&
			    (is(x, (size_t)o - 1, "if") || is(x, (size_t)o - 1, "while") ||
			     is(x, (size_t)o - 1, "for") || is(x, (size_t)o - 1, "switch")))
				x->header_end[i] = 1;
		}
	}
	free(stack);
}

/* The source from token a to token b (inclusive) on one line: whitespace
 * runs as one space, at most 60 bytes (then "..."). Malloc'd. */
static char *shown(const struct src *x, size_t a, size_t b)
{
	struct buf out = BUF_INIT;
	size_t i, end = x->t[b].off + x->t[b].len;
	int space = 0;

	for (i = x->t[a].off; i < end; i++) {
		if (isspace((unsigned char)x->s[i])) {
			space = 1;
			continue;
		}
		if (space && out.len)
			buf_addch(&out, ' ');
		space = 0;
		if (out.len >= 60) {
			buf_addstr(&out, "...");
			break;
		}
		buf_addch(&out, x->s[i]);
	}
	return buf_detach(&out, NULL);
}

static void add(struct src *x, enum mutate_op op, size_t a, size_t b, const char *text,
		char *from, char *to)
{
	struct mutate_set *s = x->out;
	struct mutate_mutant *m;

	s->v = xrealloc(s->v, (s->n + 1) * sizeof(*s->v));
	m = &s->v[s->n++];
	memset(m, 0, sizeof(*m));
	m->op = op;
	m->off = x->t[a].off;
	m->len = x->t[b].off + x->t[b].len - m->off;
	m->text = xstrdup(text);
	m->line = x->t[a].line;
	m->from = from;
	m->to = to;
	m->got = V_IE;
	m->reused = -1;
	buf_init(&m->input, SIZE_MAX);
	buf_init(&m->answer, SIZE_MAX);
}

/* Which of the tokens with token i's text on its line it is (1-based), or
 * 0 when it is the only one. */
static int nth_on_line(const struct src *x, size_t i)
{
	size_t j = i;
	int before = 0, after = 0;

	while (j > 0 && x->t[j - 1].line == x->t[i].line)
		j--;
	for (; j < x->n && x->t[j].line == x->t[i].line; j++)
		if (j != i && x->t[j].len == x->t[i].len &&
		    !memcmp(x->s + x->t[j].off, x->s + x->t[i].off, x->t[i].len)) {
			if (j < i)
				before++;
			else
				after++;
		}
	return before + after ? before + 1 : 0;
}

/* Replace token i by text. */
static void add_token(struct src *x, enum mutate_op op, size_t i, const char *text)
{
	add(x, op, i, i, text, xstrndup(x->s + x->t[i].off, x->t[i].len), xstrdup(text));
	x->out->v[x->out->n - 1].nth = nth_on_line(x, i);
}

/* ---- the operators -------------------------------------------------------- */

static void swap_among(struct src *x, enum mutate_op op, size_t i, const char *const *set)
{
	int k;

	for (k = 0; set[k]; k++)
		if (is(x, i, set[k])) {
			int j;

			for (j = 0; set[j]; j++)
				if (j != k)
					add_token(x, op, i, set[j]);
			return;
		}
}

static const char *const rel_ops[] = { "<", "<=", ">", ">=", "==", "!=", NULL };
static const char *const arith_ops[] = { "+", "-", "*", "/", "%", NULL };
static const char *const arith_assign[] = { "+=", "-=", "*=", "/=", "%=", NULL };
static const char *const logic_ops[] = { "&&", "||", NULL };

/* The tokens that may stand between the angle brackets of a template's
 * arguments ("vector<pair<int, long long>>", "array<int, 5>",
 * "greater<int>", "map<string, vector<int*>>"). */
static int in_template(const struct src *x, size_t k)
{
	enum mutate_tok_kind kind = x->t[k].kind;

	return kind == MUTATE_TOK_IDENT || kind == MUTATE_TOK_NUMBER || is(x, k, ",") ||
		is(x, k, "::") || is(x, k, "*") || is(x, k, "&") || is(x, k, "<") ||
		is(x, k, ">") || is(x, k, ">>");
}

/* Mark the '<' after a name whose tokens up to a matching '>' (or '>>')
 * can only be template arguments, and that '>': swapping them would not
 * compile (a stillborn mutant costs a compile, and C++ compiles are the
 * slow ones). "a < b && c > d" and "i < n; ..." are not templates. */
static void mark_templates(struct src *x)
{
	size_t i, k;
	int depth;

	x->angle = xcalloc(x->n + 1, 1);
	for (i = 1; i < x->n; i++) {
		if (!is(x, i, "<") || x->angle[i] || x->t[i - 1].kind != MUTATE_TOK_IDENT ||
		    (in_list(x, i - 1, keywords) && !is(x, i - 1, "template")))
			continue;
		depth = 1;
		for (k = i + 1; k < x->n && depth > 0 && in_template(x, k); k++) {
			if (is(x, k, "<") && x->t[k - 1].kind == MUTATE_TOK_IDENT)
				depth++;
			else if (is(x, k, "<"))
				break;
			else if (is(x, k, ">"))
				depth--;
			else if (is(x, k, ">>"))
				depth -= 2;
		}
		if (depth != 0 || k == i + 1)
			continue;
		for (k = k - 1; k >= i; k--)
			if (is(x, k, "<") || is(x, k, ">") || is(x, k, ">>"))
				x->angle[k] = 1;
	}
}

static void op_rel_arith_logic(struct src *x, size_t i)
{
	if (!x->angle[i])
		swap_among(x, MUTATE_REL, i, rel_ops);
	if (i > 0 && ends_operand(x, i - 1))
		swap_among(x, MUTATE_ARITH, i, arith_ops);
	swap_among(x, MUTATE_ARITH, i, arith_assign);
	swap_among(x, MUTATE_LOGIC, i, logic_ops);
}

/* The integer literal at i: its value, base and suffix. 0 when it is not
 * one (a floating literal, a malformed number). */
static int parse_int(const struct src *x, size_t i, unsigned long long *v, int *base,
		     const char **suffix, size_t *suffix_len)
{
	char digits[80];
	const char *p = x->s + x->t[i].off, *end = p + x->t[i].len, *q;
	size_t n = 0;
	char *stop;

	if (x->t[i].len >= sizeof(digits))
		return 0;
	*base = 10;
	if (end - p > 2 && p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		*base = 16, p += 2;
	else if (end - p > 2 && p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		*base = 2, p += 2;
	else if (end - p > 1 && p[0] == '0' && isdigit((unsigned char)p[1]))
		*base = 8;
	for (q = p; q < end && (isxdigit((unsigned char)*q) || *q == '\''); q++) {
		if (*base == 10 && (*q == 'e' || *q == 'E'))
			return 0;
		if (*q != '\'')
			digits[n++] = *q;
	}
	digits[n] = 0;
	if (n == 0)
		return 0;
	*suffix = q;
	*suffix_len = (size_t)(end - q);
	for (; q < end; q++)
		if (!strchr("uUlLzZ", *q))
			return 0;    /* '.', an exponent, a float suffix */
	*v = strtoull(digits, &stop, *base);
	return *stop == 0;
}

/* A literal alone in the brackets of an array declaration: "int a[5]",
 * "long g[10][10]", "char s[] ..." (the name before the first '[' follows
 * a type word or another name). */
static int array_size(const struct src *x, size_t i)
{
	size_t b;

	if (i == 0 || !is(x, i - 1, "[") || !is(x, i + 1, "]"))
		return 0;
	b = i - 1;
	while (b >= 2 && is(x, b - 1, "]") && x->match[b - 1] >= 0)
		b = (size_t)x->match[b - 1];
	if (b < 2 || !is_name(x, b - 1))
		return 0;
	return in_list(x, b - 2, type_words) || is_name(x, b - 2) || is(x, b - 2, "*") ||
		(is(x, b - 2, ",") && x->depth[b - 2] == 0);
}

static void const_text(char *out, size_t size, unsigned long long v, int base,
		       const char *suffix, size_t slen)
{
	if (base == 16)
		snprintf(out, size, "0x%llx%.*s", v, (int)slen, suffix);
	else if (base == 8 && v)
		snprintf(out, size, "0%llo%.*s", v, (int)slen, suffix);
	else
		snprintf(out, size, "%llu%.*s", v, (int)slen, suffix);
}

static void op_const(struct src *x, size_t i)
{
	unsigned long long v;
	const char *suffix;
	size_t slen;
	int base;
	char text[96];

	if (x->t[i].kind != MUTATE_TOK_NUMBER || !parse_int(x, i, &v, &base, &suffix, &slen) ||
	    array_size(x, i))
		return;
	if (v < ULLONG_MAX) {
		const_text(text, sizeof(text), v + 1, base, suffix, slen);
		add_token(x, MUTATE_CONST, i, text);
	}
	if (v > 0) {
		const_text(text, sizeof(text), v - 1, base, suffix, slen);
		add_token(x, MUTATE_CONST, i, text);
	}
}

/* if (c) / while (c): "(c)" -> "(!(c))". */
static void op_negate(struct src *x, size_t i)
{
	struct buf text = BUF_INIT, to = BUF_INIT;
	size_t open = i + 1, close;
	char *from;

	if (!(is(x, i, "if") || is(x, i, "while")) || !is(x, open, "(") || x->match[open] < 0 ||
	    (size_t)x->match[open] <= open + 1)
		return;
	close = (size_t)x->match[open];
	buf_addstr(&text, "(!(");
	buf_add(&text, x->s + x->t[open + 1].off,
		x->t[close - 1].off + x->t[close - 1].len - x->t[open + 1].off);
	buf_addstr(&text, "))");
	from = shown(x, open + 1, close - 1);
	buf_addf(&to, "!(%s)", from);
	add(x, MUTATE_NEGATE, open, close, buf_str(&text), from, buf_detach(&to, NULL));
	buf_release(&text);
}

/* A statement may start at token i. */
static int statement_start(const struct src *x, size_t i)
{
	if (x->depth[i] != 0)
		return 0;
	if (i == 0)
		return 1;
	return is(x, i - 1, ";") || is(x, i - 1, "{") || is(x, i - 1, "}") ||
		is(x, i - 1, "else") || is(x, i - 1, "do") || x->header_end[i - 1];
}

/* An expression statement starting at i: "x = y;", "f(a);", "++i;",
 * "*p = 0;" (not a declaration "T x;", "T *p;", a label or a template). */
static void op_delete(struct src *x, size_t i)
{
	size_t k;

	if (!statement_start(x, i))
		return;
	if (is_name(x, i)) {
		if (is_name(x, i + 1) || in_list(x, i + 1, keywords) || is(x, i + 1, "*") ||
		    is(x, i + 1, "&") || is(x, i + 1, ":") || is(x, i + 1, "<") ||
		    is(x, i + 1, ";"))
			return;
	} else if (!(is(x, i, "++") || is(x, i, "--") || is(x, i, "*") || is(x, i, "("))) {
		return;
	}
	for (k = i; k < x->n; k++) {
		if (is(x, k, "{") || is(x, k, "}"))
			return;
		if (is(x, k, ";") && x->depth[k] == 0)
			break;
	}
	if (k >= x->n)
		return;
	add(x, MUTATE_DELETE, i, k, ";", shown(x, i, k), xstrdup(";"));
}

static void op_jump(struct src *x, size_t i)
{
	if ((is(x, i, "break") || is(x, i, "continue")) && is(x, i + 1, ";"))
		add(x, MUTATE_JUMP, i, i + 1, ";", shown(x, i, i + 1), xstrdup(";"));
}

void mutate_enumerate(const char *src, size_t len, struct mutate_set *out)
{
	struct src x;
	size_t i;

	memset(&x, 0, sizeof(x));
	x.s = src;
	x.len = len;
	x.out = out;
	mutate_tokenize(src, len, &x.t, &x.n);
	match_brackets(&x);
	mark_templates(&x);
	for (i = 0; i < x.n; i++) {
		op_delete(&x, i);
		op_negate(&x, i);
		op_rel_arith_logic(&x, i);
		op_const(&x, i);
		op_jump(&x, i);
	}
	free(x.t);
	free(x.match);
	free(x.depth);
	free(x.header_end);
	free(x.angle);
}

/* ---- sets ----------------------------------------------------------------- */

static void mutant_release(struct mutate_mutant *m)
{
	free(m->text);
	free(m->from);
	free(m->to);
	free(m->test);
	free(m->saved);
	buf_release(&m->input);
	buf_release(&m->answer);
}

void mutate_set_release(struct mutate_set *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		mutant_release(&s->v[i]);
	free(s->v);
	s->v = NULL;
	s->n = 0;
}

/* splitmix64: a small, well-mixed generator; the same seed, the same
 * sample on every machine. */
static unsigned long long next_random(unsigned long long *state)
{
	unsigned long long z = (*state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static int cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

void mutate_sample(struct mutate_set *s, size_t max, unsigned long long seed)
{
	size_t *idx, i, j, t;
	char *keep;
	struct mutate_mutant *v;
	unsigned long long state = seed;

	if (max == 0 || s->n <= max)
		return;
	idx = xmalloc(s->n * sizeof(*idx));
	keep = xcalloc(s->n, 1);
	for (i = 0; i < s->n; i++)
		idx[i] = i;
	for (i = 0; i < max; i++) {   /* a partial Fisher-Yates shuffle */
		j = i + (size_t)(next_random(&state) % (s->n - i));
		t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	qsort(idx, max, sizeof(*idx), cmp_size);
	v = xmalloc(max * sizeof(*v));
	for (i = 0; i < max; i++) {
		v[i] = s->v[idx[i]];
		keep[idx[i]] = 1;
	}
	for (i = 0; i < s->n; i++)
		if (!keep[i])
			mutant_release(&s->v[i]);
	free(s->v);
	s->v = v;
	s->n = max;
	free(idx);
	free(keep);
}

void mutate_apply(const char *src, size_t len, const struct mutate_mutant *m, struct buf *out)
{
	buf_add(out, src, m->off);
	buf_addstr(out, m->text);
	buf_add(out, src + m->off + m->len, len - m->off - m->len);
}

const char *mutate_op_name(enum mutate_op op)
{
	static const char *const names[] = {
		"delete", "negate", "relational", "arithmetic", "logical", "constant", "jump",
	};

	return (unsigned)op < MUTATE_OP_COUNT ? names[op] : "?";
}
