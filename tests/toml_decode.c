/* toml_decode.c: the toml-test decoder. Reads TOML on stdin; prints the
 * "tagged JSON" on stdout and exits 0, or prints the error on stderr and
 * exits 1 (2 when stdin cannot be read). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "lib/buf.h"
#include "lib/err.h"
#include "lib/toml.h"

/* The shortest "%.Ng" that reads back as the same double. */
static void format_float(double d, char *out, size_t n)
{
	int prec;

	if (isnan(d)) {
		snprintf(out, n, "nan");
		return;
	}
	if (isinf(d)) {
		snprintf(out, n, d < 0 ? "-inf" : "inf");
		return;
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(out, n, "%.*g", prec, d);
		if (strtod(out, NULL) == d)
			return;
	}
}

/* RFC 3339 for the parts this type has. */
static void format_datetime(const struct toml_value *v, char *out, size_t n)
{
	const struct toml_datetime *dt = &v->u.dt;
	struct buf b = BUF_INIT;

	if (v->type != TOML_TIME_LOCAL)
		buf_addf(&b, "%04d-%02d-%02d", dt->year, dt->month, dt->day);
	if (v->type == TOML_DATETIME || v->type == TOML_DATETIME_LOCAL)
		buf_addch(&b, 'T');
	if (v->type != TOML_DATE_LOCAL) {
		buf_addf(&b, "%02d:%02d:%02d", dt->hour, dt->minute, dt->second);
		if (dt->frac_digits) {
			int digits = dt->frac_digits > 9 ? 9 : dt->frac_digits, k, ns = dt->nanosecond;

			for (k = digits; k < 9; k++)
				ns /= 10;
			buf_addf(&b, ".%0*d", digits, ns);
		}
	}
	if (v->type == TOML_DATETIME) {
		int off = dt->offset_minutes < 0 ? -dt->offset_minutes : dt->offset_minutes;

		if (dt->offset_z)
			buf_addch(&b, 'Z');
		else
			buf_addf(&b, "%c%02d:%02d", dt->offset_minutes < 0 ? '-' : '+',
				 off / 60, off % 60);
	}
	snprintf(out, n, "%s", buf_str(&b));
	buf_release(&b);
}

static json_t *tagged(const char *type, const char *value, size_t len)
{
	return json_pack("{s:s, s:s%}", "type", type, "value", value, len);
}

static json_t *to_json(const struct toml_value *v)
{
	char text[96];
	json_t *j;
	size_t i;

	switch (v->type) {
	case TOML_TABLE:
		j = json_object();
		for (i = 0; i < v->u.table.n; i++)
			json_object_setn_new(j, v->u.table.items[i].key,
					     v->u.table.items[i].keylen,
					     to_json(v->u.table.items[i].value));
		return j;
	case TOML_ARRAY:
		j = json_array();
		for (i = 0; i < v->u.array.n; i++)
			json_array_append_new(j, to_json(v->u.array.items[i]));
		return j;
	case TOML_STRING:
		return tagged("string", v->u.string.s, v->u.string.len);
	case TOML_INTEGER:
		snprintf(text, sizeof(text), "%lld", (long long)v->u.integer);
		break;
	case TOML_FLOAT:
		format_float(v->u.fp, text, sizeof(text));
		break;
	case TOML_BOOL:
		snprintf(text, sizeof(text), "%s", v->u.boolean ? "true" : "false");
		return tagged("bool", text, strlen(text));
	default:
		format_datetime(v, text, sizeof(text));
		break;
	}
	return tagged(toml_type_name(v->type), text, strlen(text));
}

int main(void)
{
	struct buf in = BUF_INIT;
	struct toml_value *root;
	json_t *j;
	char chunk[65536];
	ssize_t n;
	int rc = 0;

	while ((n = read(0, chunk, sizeof(chunk))) > 0)
		buf_add(&in, chunk, (size_t)n);
	if (n < 0) {
		perror("toml_decode: stdin");
		buf_release(&in);
		return 2;
	}
	root = toml_parse(in.data ? in.data : "", in.len);
	if (!root) {
		fprintf(stderr, "toml_decode: %s\n", err_msg());
		rc = 1;
	} else {
		j = to_json(root);
		if (json_dumpf(j, stdout, JSON_INDENT(1) | JSON_PRESERVE_ORDER) < 0 ||
		    putchar('\n') == EOF || fflush(stdout) == EOF)
			rc = 2;
		json_decref(j);
	}
	toml_free(root);
	buf_release(&in);
	return rc;
}
