/* toml.h: a reader for TOML 1.0.0, producing a tree of values.
 *
 * The whole document is parsed at once; any error (syntax, redefinition,
 * invalid value) rejects the document with a message "LINE:COL: what is
 * wrong" (1-based line and column, in characters), recorded with err_set().
 * Every value remembers where it was defined so callers can report semantic
 * errors at the right place ("problems.toml:14:9: ..."). */
#ifndef LIB_TOML_H
#define LIB_TOML_H

#include <stddef.h>
#include <stdint.h>

enum toml_type {
	TOML_TABLE,
	TOML_ARRAY,
	TOML_STRING,
	TOML_INTEGER,
	TOML_FLOAT,
	TOML_BOOL,
	TOML_DATETIME,       /* offset date-time */
	TOML_DATETIME_LOCAL, /* local date-time */
	TOML_DATE_LOCAL,
	TOML_TIME_LOCAL,
};

struct toml_datetime {
	int year, month, day;          /* unset parts are 0 */
	int hour, minute, second;
	int nanosecond;                /* fraction of a second, 0..999999999 */
	int frac_digits;               /* how many fraction digits were written (0: none) */
	int offset_minutes;            /* TOML_DATETIME only: offset from UTC */
	int offset_z;                  /* TOML_DATETIME only: written as Z */
};

struct toml_value;

struct toml_kv {
	char *key;                     /* unescaped key, NUL-terminated */
	struct toml_value *value;
	size_t keylen;                 /* bytes in key: a quoted key may hold NUL */
	int line, col;                 /* where the key was written */
};

struct toml_value {
	enum toml_type type;
	int line, col;                 /* where the value (or table header) starts */
	union {
		struct {                   /* TOML_TABLE: keys in document order */
			size_t n, alloc;
			struct toml_kv *items;
		} table;
		struct {                   /* TOML_ARRAY */
			size_t n, alloc;
			struct toml_value **items;
		} array;
		struct {                   /* TOML_STRING: UTF-8, may hold NUL (\u0000) */
			char *s;
			size_t len;
		} string;
		int64_t integer;
		double fp;
		int boolean;
		struct toml_datetime dt;   /* the four date/time types */
	} u;
	int flags;                     /* private to the parser */
};

/* Parse len bytes of TOML 1.0.0 (src need not be NUL-terminated; a leading
 * UTF-8 BOM is skipped). Returns the root table (line 1, col 1; free with
 * toml_free), or NULL with err set to "LINE:COL: message" for the first
 * problem: bad syntax or UTF-8, a bare CR, a redefinition, a value out of
 * range (integers beyond int64, floats that overflow to infinity, impossible
 * dates), or arrays/inline tables nested more than 256 deep. */
struct toml_value *toml_parse(const char *src, size_t len);

/* Free a tree returned by toml_parse. NULL is fine. */
void toml_free(struct toml_value *v);

/* The value of key in table t, or NULL (also when t is not a table or is
 * NULL). key is one plain key, not a dotted path: "a.b" finds a key written
 * "a.b" in quotes. Borrowed from the tree. Linear in the table's size. */
const struct toml_value *toml_get(const struct toml_value *t, const char *key);

/* "table", "array", "string", "integer", "float", "boolean", "datetime",
 * "datetime-local", "date-local", "time-local". */
const char *toml_type_name(enum toml_type type);

#endif
