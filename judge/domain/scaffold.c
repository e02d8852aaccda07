/* scaffold.c: 'judge new': a new problem written from a template (see
 * scaffold.h). The template is a complete small problem, the sum of n
 * integers, so that everything the judge checks works on it at once; the
 * author then edits the statement, the programs and the tests. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/domain/scaffold.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

#define ID_MAX 64
#define CATALOG_MAX (16UL << 20)

static const char statement_md[] =
	"# %s\n"
	"\n"
	"Given n integers, print their sum.\n"
	"\n"
	"(A template written by 'judge new': edit this statement, tests/,\n"
	"gen.c, validator.c and the solutions together.)\n"
	"\n"
	"## Input\n"
	"\n"
	"The first line holds n (1 <= n <= 100000), the second n integers a_i\n"
	"(|a_i| <= 10^9) separated by single spaces.\n"
	"\n"
	"## Output\n"
	"\n"
	"The sum of the a_i.\n"
	"\n"
	"## Example\n"
	"\n"
	"Input\n"
	"```\n"
	"3\n"
	"1 2 3\n"
	"```\n"
	"Output\n"
	"```\n"
	"6\n"
	"```\n";

static const char gen_c[] =
	"/* gen.c: one random input. Usage: gen SEED SIZE: n = SIZE (clamped to\n"
	" * 1..100000) integers in [-10^9, 10^9]; the same input for the same seed. */\n"
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"\n"
	"static unsigned long long state;\n"
	"\n"
	"static unsigned long long next(void) /* splitmix64 */\n"
	"{\n"
	"\tunsigned long long z = (state += 0x9e3779b97f4a7c15ULL);\n"
	"\n"
	"\tz = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;\n"
	"\tz = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;\n"
	"\treturn z ^ (z >> 31);\n"
	"}\n"
	"\n"
	"int main(int argc, char **argv)\n"
	"{\n"
	"\tlong n, i;\n"
	"\n"
	"\tif (argc < 3) {\n"
	"\t\tfprintf(stderr, \"usage: gen SEED SIZE\\n\");\n"
	"\t\treturn 2;\n"
	"\t}\n"
	"\tstate = strtoull(argv[1], NULL, 10);\n"
	"\tn = atol(argv[2]);\n"
	"\tif (n < 1)\n"
	"\t\tn = 1;\n"
	"\tif (n > 100000)\n"
	"\t\tn = 100000;\n"
	"\tprintf(\"%ld\\n\", n);\n"
	"\tfor (i = 0; i < n; i++)\n"
	"\t\tprintf(\"%s%lld\", i ? \" \" : \"\",\n"
	"\t\t       (long long)(next() % 2000000001ULL) - 1000000000LL);\n"
	"\tprintf(\"\\n\");\n"
	"\treturn 0;\n"
	"}\n";

static const char validator_c[] =
	"/* validator.c: checks one input on stdin: n (1..100000) on the first\n"
	" * line, then n integers in [-10^9, 10^9] separated by single spaces, each\n"
	" * line ending in a newline, nothing after. Exit 0 when valid, else 1 with\n"
	" * one line on stderr. */\n"
	"#include <stdio.h>\n"
	"#include <stdlib.h>\n"
	"\n"
	"static int c, line = 1;\n"
	"\n"
	"static void bad(const char *what)\n"
	"{\n"
	"\tfprintf(stderr, \"line %d: %s\\n\", line, what);\n"
	"\texit(1);\n"
	"}\n"
	"\n"
	"/* A canonical integer in [lo, hi] (no '+', no leading zero, no -0). */\n"
	"static long long number(long long lo, long long hi)\n"
	"{\n"
	"\tlong long v = 0;\n"
	"\tint neg = 0, digits = 0, first = -1;\n"
	"\n"
	"\tif (c == '-') {\n"
	"\t\tneg = 1;\n"
	"\t\tc = getchar();\n"
	"\t}\n"
	"\twhile (c >= '0' && c <= '9') {\n"
	"\t\tif (first < 0)\n"
	"\t\t\tfirst = c;\n"
	"\t\tif (++digits > 10)\n"
	"\t\t\tbad(\"number out of range\");\n"
	"\t\tv = v * 10 + (c - '0');\n"
	"\t\tc = getchar();\n"
	"\t}\n"
	"\tif (!digits)\n"
	"\t\tbad(\"expected an integer\");\n"
	"\tif (first == '0' && (digits > 1 || neg))\n"
	"\t\tbad(\"not a canonical integer\");\n"
	"\tif (neg)\n"
	"\t\tv = -v;\n"
	"\tif (v < lo || v > hi)\n"
	"\t\tbad(\"number out of range\");\n"
	"\treturn v;\n"
	"}\n"
	"\n"
	"static void expect(int want, const char *what)\n"
	"{\n"
	"\tif (c != want)\n"
	"\t\tbad(what);\n"
	"\tif (want == '\\n')\n"
	"\t\tline++;\n"
	"\tc = getchar();\n"
	"}\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tlong long n, i;\n"
	"\n"
	"\tc = getchar();\n"
	"\tn = number(1, 100000);\n"
	"\texpect('\\n', \"expected the end of the line after n\");\n"
	"\tfor (i = 0; i < n; i++) {\n"
	"\t\tif (i)\n"
	"\t\t\texpect(' ', \"expected one space between the numbers\");\n"
	"\t\tnumber(-1000000000LL, 1000000000LL);\n"
	"\t}\n"
	"\texpect('\\n', \"expected the end of the line after n numbers\");\n"
	"\tif (c != EOF)\n"
	"\t\tbad(\"expected the end of the input\");\n"
	"\treturn 0;\n"
	"}\n";

static const char ref_c[] =
	"/* reference: the sum in a 64-bit integer (at most 10^14 in magnitude). O(n). */\n"
	"#include <stdio.h>\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tlong long n, a, sum = 0;\n"
	"\n"
	"\tif (scanf(\"%lld\", &n) != 1)\n"
	"\t\treturn 1;\n"
	"\twhile (n-- > 0 && scanf(\"%lld\", &a) == 1)\n"
	"\t\tsum += a;\n"
	"\tprintf(\"%lld\\n\", sum);\n"
	"\treturn 0;\n"
	"}\n";

static const char wrong_c[] =
	"/* wrong answer: the sum in an int overflows on t02-overflow. */\n"
	"#include <stdio.h>\n"
	"\n"
	"int main(void)\n"
	"{\n"
	"\tint n, a, sum = 0;\n"
	"\n"
	"\tif (scanf(\"%d\", &n) != 1)\n"
	"\t\treturn 1;\n"
	"\twhile (n-- > 0 && scanf(\"%d\", &a) == 1)\n"
	"\t\tsum += a;\n"
	"\tprintf(\"%d\\n\", sum);\n"
	"\treturn 0;\n"
	"}\n";

static const char catalog_entry[] =
	"[[problem]]\n"
	"id = \"%s\"\n"
	"title = \"%s\"\n"
	"time_limit_ms = 1000\n"
	"memory_limit_mb = 256\n"
	"checker = \"tokens\"\n"
	"tags = [\"template\"]\n"
	"complexity = \"O(n)\"\n";

/* The problem's files: folder under dir (then the id), path in it, text. */
static const struct {
	const char *root, *path;
	const char *text;
} files[] = {
	{ "problems", "tests/sample-1.in", "3\n1 2 3\n" },
	{ "problems", "tests/sample-1.ans", "6\n" },
	{ "problems", "tests/t01-negative.in", "2\n-5 3\n" },
	{ "problems", "tests/t01-negative.ans", "-2\n" },
	{ "problems", "tests/t02-overflow.in", "3\n1000000000 1000000000 1000000000\n" },
	{ "problems", "tests/t02-overflow.ans", "3000000000\n" },
	{ "problems", "gen.c", gen_c },
	{ "problems", "validator.c", validator_c },
	{ "solutions", "accepted/ref.c", ref_c },
	{ "solutions", "wrong_answer/int-sum.c", wrong_c },
};

void scaffold_files_release(struct scaffold_files *f)
{
	size_t i;

	for (i = 0; f && i < f->n; i++)
		free(f->paths[i]);
	if (f) {
		free(f->paths);
		f->paths = NULL;
		f->n = 0;
	}
}

int scaffold_check_id(const char *id)
{
	const char *s;

	if (!*id)
		return err_input("the problem id is empty");
	if (strlen(id) > ID_MAX)
		return err_input("the problem id '%.64s...' is longer than %d characters", id,
				 ID_MAX);
	for (s = id; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return err_input("bad problem id '%s': use lowercase letters, digits "
					 "and '-' (e.g. 'two-sum')", id);
	if (*id == '-')
		return err_input("bad problem id '%s': it may not start with '-'", id);
	return 0;
}

/* Whether the catalogue text already has a problem with this id: a line
 * `id = "ID"` (as the catalogue writes ids; the sync refuses duplicates
 * anyway). */
static int catalog_has(const char *text, const char *id)
{
	char *needle = xasprintf("\"%s\"", id);
	const char *p = text, *line, *q;
	int found = 0;

	while (!found && (p = strstr(p, needle))) {
		line = p;
		while (line > text && line[-1] != '\n')
			line--;
		q = line + strspn(line, " \t");
		if (!strncmp(q, "id", 2)) {
			q += 2 + strspn(q + 2, " \t");
			found = *q == '=' && q + 1 + strspn(q + 1, " \t") == p;
		}
		p += strlen(needle);
	}
	free(needle);
	return found;
}

/* Write one file (making its folder) and note it. */
static int put(const char *dir, const char *rel, const char *text,
	       struct scaffold_files *out)
{
	char *path = xasprintf("%s/%s", dir, rel), *folder = xstrdup(path);
	int rc;

	*strrchr(folder, '/') = 0;
	rc = util_mkdirs(folder, 0755) < 0 ? -1 :
		util_write_file(path, text, strlen(text), 0644);
	if (rc == 0 && out) {
		out->paths = xrealloc(out->paths, (out->n + 1) * sizeof(*out->paths));
		out->paths[out->n++] = xstrdup(rel);
	}
	free(folder);
	free(path);
	return rc;
}

/* The problem's files and folders, no catalogue. */
static int write_files(const char *dir, const char *id, const char *title,
		       struct scaffold_files *out)
{
	char *rel, *text;
	size_t i;
	int rc = 0;

	text = xasprintf(statement_md, title);
	rel = xasprintf("problems/%s/statement.md", id);
	rc = put(dir, rel, text, out);
	free(rel);
	free(text);
	for (i = 0; rc == 0 && i < sizeof(files) / sizeof(files[0]); i++) {
		rel = xasprintf("%s/%s/%s", files[i].root, id, files[i].path);
		rc = put(dir, rel, files[i].text, out);
		free(rel);
	}
	return rc;
}

/* Refuse what would overwrite something. */
static int check_free(const char *dir, const char *id, const char *old)
{
	static const char *const roots[] = { "problems", "solutions" };
	struct stat st;
	char *path;
	size_t i;
	int rc = 0;

	if (catalog_has(old, id))
		return err_input("problem '%s' is already in the catalogue", id);
	for (i = 0; rc == 0 && i < 2; i++) {
		path = xasprintf("%s/%s/%s", dir, roots[i], id);
		if (lstat(path, &st) == 0)
			rc = err_input("'%s' already exists; choose another id or remove it", path);
		free(path);
	}
	return rc;
}

/* A TOML basic string's content: title with '"' and '\' escaped and
 * control characters dropped. */
static char *toml_text(const char *s)
{
	struct buf b = BUF_INIT;

	for (; *s; s++) {
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			continue;
		if (*s == '"' || *s == '\\')
			buf_addch(&b, '\\');
		buf_addch(&b, *s);
	}
	return buf_detach(&b, NULL);
}

int scaffold_undo(const char *dir, const char *catalog, const char *id,
		  const char *old, size_t old_len)
{
	char *p = xasprintf("%s/problems/%s", dir, id), *s = xasprintf("%s/solutions/%s", dir, id);
	struct stat st;
	int rc = 0;

	if (util_rmtree(p) < 0 || util_rmtree(s) < 0)
		rc = -1;
	if (old && stat(catalog, &st) == 0 &&
	    util_write_file(catalog, old, old_len, (int)(st.st_mode & 07777)) < 0)
		rc = -1;
	free(p);
	free(s);
	return rc;
}

int scaffold_problem(const char *dir, const char *catalog, const char *id,
		     const char *title, struct scaffold_files *out)
{
	struct buf old = BUF_INIT, text = BUF_INIT;
	char *t = toml_text(title ? title : id), *entry = NULL;
	struct stat st;
	int rc = -1;

	if (scaffold_check_id(id) < 0)
		goto out;
	if (stat(catalog, &st) < 0) {
		err_errno("cannot read the catalogue '%s'", catalog);
		err_as(ERR_INPUT);
		goto out;
	}
	if (util_read_file(catalog, &old, CATALOG_MAX) < 0 ||
	    check_free(dir, id, buf_str(&old)) < 0)
		goto out;
	if (write_files(dir, id, t, out) < 0) {
		err_prefix("cannot write problem '%s'", id);
		scaffold_undo(dir, catalog, id, NULL, 0);
		goto out;
	}
	entry = xasprintf(catalog_entry, id, t);
	buf_add(&text, old.data ? old.data : "", old.len);
	if (old.len && old.data[old.len - 1] != '\n')
		buf_addch(&text, '\n');
	if (old.len)
		buf_addch(&text, '\n');
	buf_addstr(&text, entry);
	if (util_write_file(catalog, text.data, text.len, (int)(st.st_mode & 07777)) < 0) {
		err_prefix("cannot add problem '%s' to the catalogue", id);
		scaffold_undo(dir, catalog, id, NULL, 0);
		goto out;
	}
	if (out) {
		out->paths = xrealloc(out->paths, (out->n + 1) * sizeof(*out->paths));
		out->paths[out->n++] = xstrdup(strrchr(catalog, '/') ? strrchr(catalog, '/') + 1 :
					       catalog);
	}
	rc = 0;
out:
	free(t);
	free(entry);
	buf_release(&old);
	buf_release(&text);
	return rc;
}
