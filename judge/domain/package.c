/* package.c: a Kattis problem package's YAML files, read with libyaml (see
 * package.h). */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "judge/domain/compile.h"
#include "judge/domain/package.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"

#define MAX_YAML_BYTES (1u << 20)

/* One parsed YAML file and its name for messages. */
struct yfile {
	const char *file;
	yaml_document_t doc;
	int loaded;
};

static const char *const legacy_keys[] = {
	"problem_format_version", "type", "name", "uuid", "author", "source", "source_url",
	"license", "rights_owner", "limits", "validation", "validator_flags", "keywords",
	"grading", "languages", "libraries", NULL,
};

static const char *const legacy_limit_keys[] = {
	"time_multiplier", "time_safety_margin", "memory", "output", "code",
	"compilation_time", "compilation_memory", "validation_time", "validation_memory",
	"validation_output", NULL,
};

static const char *const modern_limit_keys[] = {
	"time_multipliers", "time_multiplier", "time_limit", "time_resolution", "memory",
	"output", "code",
	"compilation_time", "compilation_memory", "validation_time", "validation_memory",
	"validation_output", "validation_passes", NULL,
};

static const char *const multiplier_keys[] = { "ac_to_time_limit", "time_limit_to_tle", NULL };

/* err_input "FILE:LINE:COL: message" at node n. Returns -1. */
static int __attribute__((format(printf, 3, 4)))
bad_at(const struct yfile *y, const yaml_node_t *n, const char *fmt, ...)
{
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	if (vasprintf(&msg, fmt, ap) < 0)
		msg = NULL;
	va_end(ap);
	err_input("%s:%zu:%zu: %s", y->file, n ? n->start_mark.line + 1 : 1,
		  n ? n->start_mark.column + 1 : 1, msg ? msg : "invalid YAML");
	free(msg);
	return -1;
}

static yaml_node_t *node(const struct yfile *y, int i)
{
	return yaml_document_get_node((yaml_document_t *)&y->doc, i);
}

static const char *scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* Load path into y: 0, or -1 with err "FILE:LINE:COL: ..." for a syntax
 * error. An empty file is an empty document (root NULL). */
static int yload(const char *path, struct yfile *y)
{
	struct buf b = BUF_INIT;
	yaml_parser_t parser;
	int rc = -1;

	y->file = path;
	if (util_read_file(path, &b, MAX_YAML_BYTES) < 0) {
		buf_release(&b);
		return err_as(ERR_INPUT);
	}
	if (!yaml_parser_initialize(&parser)) {
		buf_release(&b);
		return err_set("cannot start the YAML reader");
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)(b.data ? b.data : ""),
				     b.len);
	if (!yaml_parser_load(&parser, &y->doc)) {
		if (parser.context)
			err_input("%s:%zu:%zu: %s %s (started at line %zu, column %zu)", path,
				  parser.problem_mark.line + 1, parser.problem_mark.column + 1,
				  parser.problem ? parser.problem : "invalid YAML", parser.context,
				  parser.context_mark.line + 1, parser.context_mark.column + 1);
		else
			err_input("%s:%zu:%zu: %s", path, parser.problem_mark.line + 1,
				  parser.problem_mark.column + 1,
				  parser.problem ? parser.problem : "invalid YAML");
	} else {
		y->loaded = 1;
		rc = 0;
	}
	yaml_parser_delete(&parser);
	buf_release(&b);
	return rc;
}

static void yfree(struct yfile *y)
{
	if (y->loaded)
		yaml_document_delete(&y->doc);
	y->loaded = 0;
}

/* The root mapping, or NULL for an empty document; a root that is not a
 * mapping is an error. */
static int yroot(const struct yfile *y, yaml_node_t **root)
{
	*root = yaml_document_get_root_node((yaml_document_t *)&y->doc);
	if (!*root)
		return 0;
	if ((*root)->type == YAML_SCALAR_NODE && !(*root)->data.scalar.length) {
		*root = NULL;
		return 0;
	}
	if ((*root)->type != YAML_MAPPING_NODE)
		return bad_at(y, *root, "the file must be a mapping of keys to values");
	return 0;
}

/* Every key of map m is a scalar among names (names NULL: any); duplicate
 * keys are an error. what names the map in messages. */
static int check_keys(const struct yfile *y, const yaml_node_t *m,
		      const char *const *names, const char *what)
{
	yaml_node_pair_t *p, *q;
	const char *k;
	const char *const *n;

	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		k = scalar(node(y, p->key));
		if (!k)
			return bad_at(y, node(y, p->key), "keys of %s must be strings", what);
		for (q = m->data.mapping.pairs.start; q < p; q++)
			if (!strcmp(scalar(node(y, q->key)), k))
				return bad_at(y, node(y, p->key), "duplicate key '%s' in %s", k,
					      what);
		if (!names)
			continue;
		for (n = names; *n && strcmp(*n, k); n++)
			;
		if (!*n)
			return bad_at(y, node(y, p->key), "unknown key '%s' in %s", k, what);
	}
	return 0;
}

/* A YAML null: an empty plain value ("limits:" with everything under it
 * commented out), ~ or null. */
static int is_null(const yaml_node_t *n)
{
	const char *s = scalar(n);

	return s && n->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		(!*s || !strcmp(s, "~") || !strcmp(s, "null") || !strcmp(s, "Null") ||
		 !strcmp(s, "NULL"));
}

/* The value of key in mapping m; NULL when absent or null. */
static yaml_node_t *get(const struct yfile *y, const yaml_node_t *m, const char *key)
{
	yaml_node_pair_t *p;
	yaml_node_t *v;
	const char *k;

	if (!m || m->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		k = scalar(node(y, p->key));
		if (k && !strcmp(k, key)) {
			v = node(y, p->value);
			return is_null(v) ? NULL : v;
		}
	}
	return NULL;
}

static int want_map(const struct yfile *y, const yaml_node_t *n, const char *key)
{
	if (n->type != YAML_MAPPING_NODE)
		return bad_at(y, n, "%s must be a mapping", key);
	return 0;
}

/* A scalar string value (any scalar; quoted or not). */
static int get_string(const struct yfile *y, const yaml_node_t *n, const char *key,
		      const char **out)
{
	*out = scalar(n);
	if (!*out)
		return bad_at(y, n, "%s must be a string", key);
	if (strlen(*out) != n->data.scalar.length)
		return bad_at(y, n, "%s must not contain a NUL character", key);
	return 0;
}

/* A positive (or, with allow_zero, non-negative) finite number. */
static int get_number(const struct yfile *y, const yaml_node_t *n, const char *key,
		      int allow_zero, double *out)
{
	const char *s = scalar(n);
	char *end;
	double d;

	if (!s || !*s || n->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return bad_at(y, n, "%s must be a number", key);
	errno = 0;
	d = strtod(s, &end);
	if (*end || errno || !isfinite(d) || !strncasecmp(s, "0x", 2) ||
	    !strncasecmp(s + (*s == '-' || *s == '+'), "0x", 2))
		return bad_at(y, n, "%s must be a number, not '%s'", key, s);
	if (d < 0 || (!allow_zero && d == 0))
		return bad_at(y, n, "%s must be a %s number, not '%s'", key,
			      allow_zero ? "non-negative" : "positive", s);
	*out = d;
	return 0;
}

/* A positive integer at most max. */
static int get_int(const struct yfile *y, const yaml_node_t *n, const char *key,
		   long max, int *out)
{
	double d;

	if (get_number(y, n, key, 0, &d) < 0)
		return -1;
	if (d != floor(d))
		return bad_at(y, n, "%s must be a whole number, not '%s'", key, scalar(n));
	if (d > (double)max)
		return bad_at(y, n, "%s must be at most %ld", key, max);
	*out = (int)d;
	return 0;
}

/* Validator flags: a string of space-separated words, or a list of them;
 * joined with single spaces into *out (malloc'd). */
static int get_args(const struct yfile *y, const yaml_node_t *n, const char *key, char **out)
{
	struct buf b = BUF_INIT;
	yaml_node_item_t *i;
	const char *s;

	if (n->type == YAML_SEQUENCE_NODE) {
		for (i = n->data.sequence.items.start; i < n->data.sequence.items.top; i++) {
			if (get_string(y, node(y, *i), key, &s) < 0) {
				buf_release(&b);
				return -1;
			}
			buf_addf(&b, "%s%s", b.len ? " " : "", s);
		}
	} else if (get_string(y, n, key, &s) < 0) {
		return -1;
	} else {
		buf_addstr(&b, s);
	}
	free(*out);
	*out = xstrdup(buf_str(&b));
	buf_release(&b);
	return 0;
}

/* ---- problem.yaml --------------------------------------------------------- */

void pkg_meta_release(struct pkg_meta *m)
{
	free(m->format);
	free(m->name);
	free(m->validator_args);
	free(m->input_validator_args);
	free(m->input_validator);
	memset(m, 0, sizeof(*m));
}

static int read_version(const struct yfile *y, const yaml_node_t *root, struct pkg_meta *m)
{
	static const char *const versions[] = {
		"legacy", "legacy-icpc", "2023-07-draft", "2023-07", "2025-09", "draft", NULL,
	};
	const yaml_node_t *v = get(y, root, "problem_format_version");
	const char *s;
	size_t i;

	if (!v) {
		m->format = xstrdup("legacy");
		return 0;
	}
	if (get_string(y, v, "problem_format_version", &s) < 0)
		return -1;
	for (i = 0; versions[i] && strcmp(versions[i], s); i++)
		;
	if (!versions[i])
		return bad_at(y, v, "unknown problem_format_version '%s' (one of legacy, "
			      "legacy-icpc, 2023-07-draft, 2023-07, 2025-09, draft)", s);
	m->format = xstrdup(s);
	m->modern = i > 1;   /* legacy-icpc: the ICPC subset of legacy */
	return 0;
}

/* name: a string, or a map from language code to string ("en" first). */
static int read_name(const struct yfile *y, const yaml_node_t *root, struct pkg_meta *m)
{
	const yaml_node_t *v = get(y, root, "name"), *en;
	yaml_node_pair_t *p;
	const char *s;

	if (!v) {
		if (m->modern)
			return bad_at(y, root, "problem.yaml has no 'name'; add name: ...");
		return 0;
	}
	if (v->type == YAML_MAPPING_NODE) {
		if (check_keys(y, v, NULL, "name") < 0)
			return -1;
		if (v->data.mapping.pairs.top == v->data.mapping.pairs.start)
			return bad_at(y, v, "name must not be empty");
		for (p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++)
			if (get_string(y, node(y, p->value), "name", &s) < 0)
				return -1;
		en = get(y, v, "en");
		if (!en)
			en = node(y, v->data.mapping.pairs.start->value);
		s = scalar(en);
	} else if (get_string(y, v, "name", &s) < 0) {
		return -1;
	}
	if (!*s)
		return bad_at(y, v, "name must not be empty");
	for (const char *c = s; *c; c++)
		if ((unsigned char)*c < 0x20)
			return bad_at(y, v, "name must be one line of text");
	m->name = xstrdup(s);
	return 0;
}

static int type_word(const struct yfile *y, const yaml_node_t *n, const char *key,
		     const char *w, size_t len, int *bits)
{
	static const struct {
		const char *word;
		int bit;
	} words[] = {
		{ "pass-fail", PKG_PASS_FAIL }, { "scoring", PKG_SCORING }, { "score", PKG_SCORING },
		{ "interactive", PKG_INTERACTIVE }, { "custom", PKG_CUSTOM },
		{ "default", 0 }, { "multi-pass", -1 }, { "submit-answer", -1 },
	};
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strlen(words[i].word) == len && !strncmp(words[i].word, w, len)) {
			if (words[i].bit < 0)
				return bad_at(y, n, "%s '%.*s' is not supported here", key,
					      (int)len, w);
			*bits |= words[i].bit;
			return 0;
		}
	return bad_at(y, n, "unknown %s '%.*s' (pass-fail, scoring, interactive, custom)",
		      key, (int)len, w);
}

/* validation as a map (drafts of 2023-07): interactive, scoring (the
 * validator gives scores: nothing to do here), multipass, each a boolean. */
static int validation_map(const struct yfile *y, const yaml_node_t *v, int *bits)
{
	static const char *const keys[] = { "interactive", "scoring", "multipass", NULL };
	const yaml_node_t *b;
	const char *s;
	size_t k;

	if (check_keys(y, v, keys, "validation") < 0)
		return -1;
	for (k = 0; keys[k]; k++) {
		if (!(b = get(y, v, keys[k])))
			continue;
		if (get_string(y, b, keys[k], &s) < 0)
			return -1;
		if (strcmp(s, "true") && strcmp(s, "false"))
			return bad_at(y, b, "validation.%s must be true or false, not '%s'",
				      keys[k], s);
		if (!strcmp(s, "true") && k == 2)
			return bad_at(y, b, "validation.multipass (a multi-pass problem) is not "
				      "supported here");
		if (!strcmp(s, "true") && k == 0)
			*bits |= PKG_INTERACTIVE;
		if (!strcmp(s, "true"))
			*bits |= PKG_CUSTOM;
	}
	return 0;
}

/* type (a word or list of words) and legacy validation ("custom
 * interactive"). */
static int read_type(const struct yfile *y, const yaml_node_t *root, struct pkg_meta *m)
{
	static const char *const keys[] = { "type", "validation" };
	const yaml_node_t *v;
	yaml_node_item_t *it;
	const char *s, *w;
	size_t k, len;

	for (k = 0; k < 2; k++) {
		v = get(y, root, keys[k]);
		if (!v)
			continue;
		if (k == 1 && v->type == YAML_MAPPING_NODE) {
			if (validation_map(y, v, &m->type) < 0)
				return -1;
			continue;
		}
		if (v->type == YAML_SEQUENCE_NODE) {
			for (it = v->data.sequence.items.start; it < v->data.sequence.items.top;
			     it++) {
				if (get_string(y, node(y, *it), keys[k], &s) < 0 ||
				    type_word(y, node(y, *it), keys[k], s, strlen(s), &m->type) < 0)
					return -1;
			}
			continue;
		}
		if (get_string(y, v, keys[k], &s) < 0)
			return -1;
		for (w = s; *w; w += len) {
			w += strspn(w, " \t");
			len = strcspn(w, " \t");
			if (len && type_word(y, v, keys[k], w, len, &m->type) < 0)
				return -1;
		}
	}
	if (!(m->type & (PKG_SCORING)))
		m->type |= PKG_PASS_FAIL;
	return 0;
}

static int read_limits(const struct yfile *y, const yaml_node_t *root, struct pkg_meta *m)
{
	const yaml_node_t *l = get(y, root, "limits"), *v, *tm;
	const char *const *k;

	m->time_multiplier = 5;
	m->time_safety_margin = 2;
	m->ac_to_time_limit = 2;
	m->time_limit_to_tle = 1.5;
	m->time_resolution = 1;
	if (!l)
		return 0;
	if (want_map(y, l, "limits") < 0 ||
	    check_keys(y, l, m->modern ? modern_limit_keys : legacy_limit_keys, "limits") < 0)
		return -1;
	if ((v = get(y, l, "memory")) && get_int(y, v, "memory", 65536, &m->memory_mb) < 0)
		return -1;
	if ((v = get(y, l, "output")) && get_int(y, v, "output", 2048, &m->output_mb) < 0)
		return -1;
	if ((v = get(y, l, "validation_time")) &&
	    get_int(y, v, "validation_time", 3600, &m->validation_time_s) < 0)
		return -1;
	if ((v = get(y, l, "validation_memory")) &&
	    get_int(y, v, "validation_memory", 65536, &m->validation_memory_mb) < 0)
		return -1;
	if ((v = get(y, l, "validation_output")) &&
	    get_int(y, v, "validation_output", 2048, &m->validation_output_mb) < 0)
		return -1;
	if (!m->modern) {
		if ((v = get(y, l, "time_multiplier")) &&
		    get_number(y, v, "time_multiplier", 0, &m->time_multiplier) < 0)
			return -1;
		if ((v = get(y, l, "time_safety_margin")) &&
		    get_number(y, v, "time_safety_margin", 0, &m->time_safety_margin) < 0)
			return -1;
		return 0;
	}
	if ((v = get(y, l, "time_limit")) &&
	    get_number(y, v, "time_limit", 0, &m->time_limit_s) < 0)
		return -1;
	if (m->time_limit_s > 600)
		return bad_at(y, v, "time_limit must be at most 600 seconds");
	if ((v = get(y, l, "time_resolution")) &&
	    get_number(y, v, "time_resolution", 0, &m->time_resolution) < 0)
		return -1;
	/* "time_multiplier" as a map: its name in drafts of 2023-07 */
	if ((tm = get(y, l, "time_multipliers")) || (tm = get(y, l, "time_multiplier"))) {
		if (want_map(y, tm, "time_multipliers") < 0 ||
		    check_keys(y, tm, multiplier_keys, "time_multipliers") < 0)
			return -1;
		for (k = multiplier_keys; *k; k++)
			if ((v = get(y, tm, *k)) &&
			    get_number(y, v, *k, 0, !strcmp(*k, "ac_to_time_limit") ?
				       &m->ac_to_time_limit : &m->time_limit_to_tle) < 0)
				return -1;
	}
	return 0;
}

static int read_meta(const struct yfile *y, struct pkg_meta *m)
{
	yaml_node_t *root;
	const yaml_node_t *v;

	if (yroot(y, &root) < 0 || read_version(y, root, m) < 0)
		return -1;
	if (!m->modern && root && check_keys(y, root, legacy_keys, "problem.yaml") < 0)
		return -1;
	if (m->modern && root && check_keys(y, root, NULL, "problem.yaml") < 0)
		return -1;
	if (m->modern && !root)
		return bad_at(y, NULL, "problem.yaml is empty; it needs problem_format_version "
			      "and name");
	if (read_name(y, root, m) < 0 || read_type(y, root, m) < 0 ||
	    read_limits(y, root, m) < 0)
		return -1;
	m->validator_args = xstrdup("");
	m->input_validator_args = xstrdup("");
	if ((v = get(y, root, m->modern ? "output_validator_args" : "validator_flags"))) {
		m->args_line = (int)v->start_mark.line + 1;
		m->args_col = (int)v->start_mark.column + 1;
	}
	if (v && get_args(y, v, m->modern ? "output_validator_args" : "validator_flags",
		     &m->validator_args) < 0)
		return -1;
	if (m->modern && (v = get(y, root, "validator_flags")))
		return bad_at(y, v, "validator_flags is the legacy key; in %s it is "
			      "output_validator_args", m->format);
	return 0;
}

int pkg_meta_read(const char *file, struct pkg_meta *m)
{
	struct yfile y = { 0 };
	int rc;

	memset(m, 0, sizeof(*m));
	if (yload(file, &y) < 0)
		return -1;
	rc = read_meta(&y, m);
	yfree(&y);
	if (rc < 0)
		pkg_meta_release(m);
	return rc;
}

/* ---- testdata.yaml / test_group.yaml -------------------------------------- */

void pkg_group_release(struct pkg_group *g)
{
	free(g->output_validator_args);
	free(g->input_validator_args);
	memset(g, 0, sizeof(*g));
}

void pkg_group_copy(const struct pkg_group *parent, struct pkg_group *g)
{
	memset(g, 0, sizeof(*g));
	g->output_validator_args = xstrdup(parent && parent->output_validator_args ?
					   parent->output_validator_args : "");
	g->input_validator_args = xstrdup(parent && parent->input_validator_args ?
					  parent->input_validator_args : "");
	g->scoring_given = parent ? parent->scoring_given : 0;
	g->score = parent ? parent->score : 0;
}

/* input_validator_args (or _flags): a list or string, or (2025-09) a map
 * from validator name to its arguments: those of validator ivname ("" when
 * it is not in the map). */
static int input_args(const struct yfile *y, const yaml_node_t *v, const char *key,
		      const char *ivname, char **out)
{
	yaml_node_pair_t *p;
	const char *k;

	if (v->type != YAML_MAPPING_NODE)
		return get_args(y, v, key, out);
	free(*out);
	*out = xstrdup("");
	for (p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
		if (get_string(y, node(y, p->key), key, &k) < 0)
			return -1;
		if (ivname && !strcmp(k, ivname) && get_args(y, node(y, p->value), key, out) < 0)
			return -1;
	}
	return 0;
}

/* legacy range: "MIN MAX", the group's score range: MAX is its score. */
static int legacy_range(const struct yfile *y, const yaml_node_t *v, double *max)
{
	const char *s;
	char *end;
	double lo, hi;

	if (get_string(y, v, "range", &s) < 0)
		return -1;
	errno = 0;
	lo = strtod(s, &end);
	hi = end != s ? strtod(end, &end) : 0;
	end += strspn(end, " \t");
	if (errno || *end || !(hi >= lo))
		return bad_at(y, v, "range must be two numbers 'MIN MAX', not '%s'", s);
	*max = hi;
	return 0;
}

static int read_group(const struct yfile *y, struct pkg_group *g, const char *ivname)
{
	yaml_node_t *root;
	const yaml_node_t *v;

	if (yroot(y, &root) < 0 || !root)
		return 0;
	if (check_keys(y, root, NULL, "the test group settings") < 0)
		return -1;
	if (((v = get(y, root, "output_validator_flags")) &&
	     get_args(y, v, "output_validator_flags", &g->output_validator_args) < 0) ||
	    ((v = get(y, root, "output_validator_args")) &&
	     get_args(y, v, "output_validator_args", &g->output_validator_args) < 0) ||
	    ((v = get(y, root, "input_validator_flags")) &&
	     input_args(y, v, "input_validator_flags", ivname, &g->input_validator_args) < 0) ||
	    ((v = get(y, root, "input_validator_args")) &&
	     input_args(y, v, "input_validator_args", ivname, &g->input_validator_args) < 0))
		return -1;
	/* its score: score (2023-07 drafts), max_score (2025-09), legacy range */
	if ((v = get(y, root, "score")) || (v = get(y, root, "max_score"))) {
		g->scoring_given = 1;
		if (v->type == YAML_SCALAR_NODE && strcmp(scalar(v), "unbounded") &&
		    get_number(y, v, v == get(y, root, "score") ? "score" : "max_score", 1,
			       &g->score) < 0)
			return -1;
	} else if ((v = get(y, root, "range"))) {
		g->scoring_given = 1;
		if (legacy_range(y, v, &g->score) < 0)
			return -1;
	}
	return 0;
}

static int group_read(const char *path, const struct pkg_group *parent, struct pkg_group *g,
		      const char *ivname)
{
	struct yfile y = { 0 };
	int rc;

	pkg_group_copy(parent, g);
	if (yload(path, &y) < 0) {
		pkg_group_release(g);
		return -1;
	}
	rc = read_group(&y, g, ivname);
	yfree(&y);
	if (rc < 0)
		pkg_group_release(g);
	return rc;
}

int pkg_group_read(const char *path, const struct pkg_group *parent, struct pkg_group *g)
{
	return group_read(path, parent, g, NULL);
}

/* ---- the package's files --------------------------------------------------- */

#define MAX_TEXT_BYTES (16u << 20)

static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int has_suffix(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);

	return n > m && !strcmp(s + n - m, suf);
}

static void case_release(struct pkg_case *c)
{
	free(c->name);
	free(c->in_path);
	free(c->ans_path);
	free(c->args);
	free(c->input_args);
	free(c->interaction);
}

void pkg_data_release(struct pkg_data *d)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		case_release(&d->v[i]);
	for (i = 0; i < d->ninvalid; i++)
		case_release(&d->invalid[i]);
	free(d->v);
	free(d->invalid);
	memset(d, 0, sizeof(*d));
}

static struct pkg_case *add_case(struct pkg_case **v, size_t *n)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	memset(&(*v)[*n], 0, sizeof(**v));
	return &(*v)[(*n)++];
}

static int read_small(const char *path, char **out)
{
	struct buf b = BUF_INIT;

	if (util_read_file(path, &b, MAX_TEXT_BYTES) < 0) {
		buf_release(&b);
		return err_as(ERR_INPUT);
	}
	*out = buf_detach(&b, NULL);
	return 0;
}

/* The group settings of folder path: its testdata.yaml or test_group.yaml
 * over parent's. */
static int folder_group(const char *path, const struct pkg_group *parent, struct pkg_group *g,
			const char *ivname)
{
	static const char *const files[] = { "testdata.yaml", "test_group.yaml" };
	char *f;
	size_t i;
	int rc;

	for (i = 0; i < 2; i++) {
		f = xasprintf("%s/%s", path, files[i]);
		if (is_file(f)) {
			rc = group_read(f, parent, g, ivname);
			free(f);
			return rc;
		}
		free(f);
	}
	pkg_group_copy(parent, g);
	return 0;
}

/* Add the cases of folder path (name prefix rel) and its groups. invalid:
 * inputs without answers (data/invalid_input). */
static int scan_folder(const char *path, const char *rel, const struct pkg_group *parent,
		       int is_sample, int invalid, const struct pkg_meta *m, struct pkg_data *d)
{
	struct pkg_group g, cg;
	struct pkg_case *c;
	char **names, *full, *base, *ans, *inter, *sub, *conf;
	size_t n, i;
	int rc = 0;

	if (folder_group(path, parent, &g, m->input_validator) < 0)
		return -1;
	names = util_list_dir(path, &n);
	for (i = 0; i < n && rc == 0; i++) {
		full = xasprintf("%s/%s", path, names[i]);
		if (is_dir(full)) {
			sub = xasprintf("%s/%s", rel, names[i]);
			rc = scan_folder(full, sub, &g, is_sample, invalid, m, d);
			free(sub);
		} else if (has_suffix(names[i], ".in") && is_file(full)) {
			base = xstrndup(names[i], strlen(names[i]) - 3);
			ans = xasprintf("%s/%s.ans", path, base);
			if (!invalid && !is_file(ans) && !(m->type & PKG_INTERACTIVE)) {
				rc = err_input("test input '%s' has no answer; add '%s'", full, ans);
				free(ans);
				free(base);
				free(full);
				break;
			}
			c = invalid ? add_case(&d->invalid, &d->ninvalid) : add_case(&d->v, &d->n);
			c->name = xasprintf("%s/%s", rel, base);
			c->in_path = xstrdup(full);
			c->ans_path = invalid || !is_file(ans) ? NULL : ans;
			if (!c->ans_path)
				free(ans);
			c->is_sample = is_sample;
			/* 2025-09: NAME.yaml, the case's own settings over its group's */
			conf = xasprintf("%s/%s.yaml", path, base);
			if (is_file(conf))
				rc = group_read(conf, &g, &cg, m->input_validator);
			else
				pkg_group_copy(&g, &cg);
			free(conf);
			if (rc < 0) {
				free(base);
				free(full);
				break;
			}
			c->args = xstrdup(cg.output_validator_args);
			c->input_args = xstrdup(cg.input_validator_args);
			pkg_group_release(&cg);
			c->score = g.score;
			inter = xasprintf("%s/%s.interaction", path, base);
			if (is_file(inter) && read_small(inter, &c->interaction) < 0)
				rc = -1;
			free(inter);
			free(base);
		}
		free(full);
	}
	util_free_names(names, n);
	pkg_group_release(&g);
	return rc;
}

int pkg_scan_data(const char *dir, const struct pkg_meta *m, struct pkg_data *d)
{
	static const char *const invalid_dirs[] = { "invalid_input", "invalid_inputs" };
	struct pkg_group root;
	char *data = xasprintf("%s/data", dir), *p;
	size_t i;
	int rc = -1;

	memset(d, 0, sizeof(*d));
	pkg_group_copy(NULL, &root);
	if (!is_dir(data)) {
		err_input("package '%s' has no data folder; add data/sample and data/secret "
			  "with NAME.in and NAME.ans files", dir);
		goto out;
	}
	{
		struct pkg_group top;

		if (folder_group(data, &root, &top, m->input_validator) < 0)
			goto out;
		pkg_group_release(&root);
		root = top;
	}
	p = xasprintf("%s/sample", data);
	rc = is_dir(p) ? scan_folder(p, "sample", &root, 1, 0, m, d) : 0;
	free(p);
	p = xasprintf("%s/secret", data);
	if (rc == 0 && is_dir(p))
		rc = scan_folder(p, "secret", &root, 0, 0, m, d);
	free(p);
	for (i = 0; rc == 0 && i < 2; i++) {
		p = xasprintf("%s/%s", data, invalid_dirs[i]);
		if (is_dir(p))
			rc = scan_folder(p, invalid_dirs[i], &root, 0, 1, m, d);
		free(p);
	}
	if (rc == 0 && !d->n)
		rc = err_input("package '%s' has no tests; add NAME.in and NAME.ans files to "
			       "'%s/secret'", dir, data);
out:
	pkg_group_release(&root);
	free(data);
	if (rc < 0)
		pkg_data_release(d);
	return rc;
}

/* Hash path's name, size, mtime and inode into h; 1 when it is a folder,
 * 0 when not, -1 when it does not exist. */
static int fp_entry(struct util_sha256 *h, const char *path)
{
	char line[PATH_MAX + 128];
	struct stat st;
	int len;

	if (lstat(path, &st) < 0)
		return -1;
	len = snprintf(line, sizeof(line), "%s %lld %lld.%09ld %llu\n", path,
		       (long long)st.st_size, (long long)st.st_mtim.tv_sec,
		       st.st_mtim.tv_nsec, (unsigned long long)st.st_ino);
	util_sha256_update(h, line, (size_t)len < sizeof(line) ? (size_t)len : sizeof(line) - 1);
	return S_ISDIR(st.st_mode) ? 1 : 0;
}

static void fp_walk(struct util_sha256 *h, const char *path, int depth)
{
	char **names, *full;
	size_t n, i;

	names = util_list_dir(path, &n);
	for (i = 0; i < n; i++) {
		full = xasprintf("%s/%s", path, names[i]);
		if (fp_entry(h, full) == 1 && depth < 16)
			fp_walk(h, full, depth + 1);
		free(full);
	}
	util_free_names(names, n);
}

static void fp_file(struct util_sha256 *h, const char *dir, const char *name)
{
	char *full = xasprintf("%s/%s", dir, name);

	fp_entry(h, full);
	free(full);
}

char *pkg_fingerprint(const char *dir)
{
	struct util_sha256 h;
	char out[65];

	util_sha256_init(&h);
	util_sha256_update(&h, "package\n", 8);
	fp_walk(&h, dir, 0);
	/* the one hidden file that means something: the legacy time limit */
	fp_file(&h, dir, ".timelimit");
	util_sha256_final(&h, out);
	return xstrdup(out);
}

int pkg_statement(const char *dir, char **text)
{
	static const char *const folders[] = { "statement", "problem_statement" };
	static const char *const exts[] = { "md", "tex" };
	char *p, **names;
	size_t f, e, n, i;
	int rc;

	*text = NULL;
	for (f = 0; f < 2; f++)
		for (e = 0; e < 2; e++) {
			p = xasprintf("%s/%s/problem.en.%s", dir, folders[f], exts[e]);
			if (!is_file(p)) {
				free(p);
				p = xasprintf("%s/%s/problem.%s", dir, folders[f], exts[e]);
			}
			if (is_file(p)) {
				rc = read_small(p, text);
				free(p);
				return rc;
			}
			free(p);
		}
	for (f = 0; f < 2; f++) {
		p = xasprintf("%s/%s", dir, folders[f]);
		names = util_list_dir(p, &n);
		for (i = 0; i < n && !*text; i++)
			if (!strncmp(names[i], "problem.", 8) &&
			    (has_suffix(names[i], ".md") || has_suffix(names[i], ".tex"))) {
				char *q = xasprintf("%s/%s", p, names[i]);

				rc = read_small(q, text);
				free(q);
				if (rc < 0) {
					util_free_names(names, n);
					free(p);
					return -1;
				}
			}
		util_free_names(names, n);
		free(p);
		if (*text)
			return 0;
	}
	*text = xstrdup("");
	return 0;
}

/* source (the file self) with every line `#include "x"` whose x is a file
 * beside it (in folder) replaced by that file's text, between #line
 * markers (diagnostics and assertions name the header's line, then self's
 * again). */
static int inline_headers(const char *folder, const char *self, const char *source,
			  struct buf *out, int depth)
{
	const char *line = source, *nl, *q, *e;
	char *name, *path, *text;
	int rc, lineno = 0;

	while (*line) {
		lineno++;
		nl = strchr(line, '\n');
		e = nl ? nl : line + strlen(line);
		q = line + strspn(line, " \t");
		if (depth < 8 && !strncmp(q, "#", 1)) {
			q++;
			q += strspn(q, " \t");
			if (!strncmp(q, "include", 7)) {
				q += 7;
				q += strspn(q, " \t");
				if (*q == '"' && memchr(q + 1, '"', (size_t)(e - q - 1))) {
					name = xstrndup(q + 1, (size_t)((const char *)memchr(q + 1, '"',
						(size_t)(e - q - 1)) - q - 1));
					path = xasprintf("%s/%s", folder, name);
					if (!strchr(name, '/') && is_file(path)) {
						rc = read_small(path, &text);
						if (rc == 0) {
							buf_addf(out, "#line 1 \"%s\"\n", name);
							rc = inline_headers(folder, name, text, out,
									    depth + 1);
							buf_addf(out, "\n#line %d \"%s\"\n", lineno + 1,
								 self);
							free(text);
						}
						free(name);
						free(path);
						if (rc < 0)
							return -1;
						line = nl ? nl + 1 : e;
						continue;
					}
					free(name);
					free(path);
				}
			}
		}
		buf_add(out, line, (size_t)(e - line));
		buf_addch(out, '\n');
		line = nl ? nl + 1 : e;
	}
	return 0;
}

int pkg_load_program(const char *dir, const char *rel, char **source)
{
	struct buf b = BUF_INIT;
	char *path = xasprintf("%s/%s", dir, rel), *text, *folder;
	int rc;

	rc = read_small(path, &text);
	if (rc == 0) {
		folder = xstrdup(path);
		*strrchr(folder, '/') = 0;
		rc = inline_headers(folder, strrchr(path, '/') + 1, text, &b, 0);
		free(folder);
		free(text);
	}
	free(path);
	if (rc < 0) {
		buf_release(&b);
		return -1;
	}
	*source = buf_detach(&b, NULL);
	return 0;
}

/* The first C/C++ source in folder (and one level of subfolders: Kattis
 * keeps each program in a folder of its own), relative to dir. */
static char *first_source(const char *dir, const char *folder, char **note)
{
	char *p = xasprintf("%s/%s", dir, folder), **names, *found = NULL, *sub;
	size_t n, i;

	names = util_list_dir(p, &n);
	for (i = 0; i < n && !found; i++) {
		char *full = xasprintf("%s/%s", p, names[i]);

		if (is_file(full) && compile_is_source_name(names[i]))
			found = xasprintf("%s/%s", folder, names[i]);
		else if (is_file(full) && !*note && !has_suffix(names[i], ".h") &&
			 !has_suffix(names[i], ".hpp") && strchr(names[i], '.'))
			*note = xasprintf("%s/%s", folder, names[i]);
		free(full);
	}
	for (i = 0; i < n && !found; i++) {
		sub = xasprintf("%s/%s", folder, names[i]);
		char *full = xasprintf("%s/%s", dir, sub);

		if (is_dir(full))
			found = first_source(dir, sub, note);
		free(full);
		free(sub);
	}
	util_free_names(names, n);
	free(p);
	return found;
}

int pkg_find_program(const char *dir, const char *const *folders, char **rel,
		     char **source, char **note)
{
	char *p;

	*rel = *source = *note = NULL;
	for (; *folders; folders++) {
		p = xasprintf("%s/%s", dir, *folders);
		if (!is_dir(p)) {
			free(p);
			continue;
		}
		free(p);
		*rel = first_source(dir, *folders, note);
		if (!*rel)
			continue;
		free(*note);
		*note = NULL;
		if (pkg_load_program(dir, *rel, source) < 0) {
			free(*rel);
			*rel = NULL;
			return -1;
		}
		return 0;
	}
	return 1;
}

int pkg_read_timelimit(const char *dir, double *secs)
{
	char *p = xasprintf("%s/.timelimit", dir), *text, *end;
	int rc;

	if (!is_file(p)) {
		free(p);
		return 1;
	}
	rc = read_small(p, &text);
	if (rc == 0) {
		errno = 0;
		*secs = strtod(text, &end);
		end += strspn(end, " \t\r\n");
		if (errno || *end || end == text || !(*secs > 0) || *secs > 600)
			rc = err_input("%s:1:1: the time limit must be a number of seconds "
				       "(0 < limit <= 600), not '%.20s'", p, text);
		free(text);
	}
	free(p);
	return rc;
}

/* ---- submissions/submissions.yaml ---------------------------------------- */

static const struct {
	const char *folder;
	int permitted, required;
} default_rules[] = {
	{ "accepted", PKG_V_AC, PKG_V_ALL },
	{ "rejected", PKG_V_ALL, PKG_V_RTE | PKG_V_TLE | PKG_V_WA },
	{ "wrong_answer", PKG_V_AC | PKG_V_WA, PKG_V_WA },
	{ "time_limit_exceeded", PKG_V_AC | PKG_V_TLE, PKG_V_TLE },
	{ "run_time_error", PKG_V_AC | PKG_V_RTE, PKG_V_RTE },
	{ "brute_force", PKG_V_AC | PKG_V_RTE | PKG_V_TLE, PKG_V_RTE | PKG_V_TLE },
};

#define NDEFAULT (sizeof(default_rules) / sizeof(default_rules[0]))

void pkg_rules_release(struct pkg_rules *r)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		free(r->v[i].glob);
		free(r->v[i].tests);
		free(r->v[i].message);
	}
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

static struct pkg_rule *add_rule(struct pkg_rules *r, const char *glob, const char *tests)
{
	struct pkg_rule *x;

	r->v = xrealloc(r->v, (r->n + 1) * sizeof(*r->v));
	x = &r->v[r->n++];
	memset(x, 0, sizeof(*x));
	x->glob = xstrdup(glob);
	x->tests = tests ? xstrdup(tests) : NULL;
	x->permitted = x->required = PKG_V_ALL;
	return x;
}

/* A verdict list ([AC, WA, TLE, RTE] or one of them) into *set. */
static int verdict_set(const struct yfile *y, const yaml_node_t *n, const char *key, int *set)
{
	static const char *const names[] = { "AC", "WA", "TLE", "RTE" };
	yaml_node_item_t *it;
	const yaml_node_t *e;
	const char *s;
	size_t k, count = 1;

	*set = 0;
	if (n->type == YAML_SEQUENCE_NODE)
		count = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
	for (k = 0; k < count; k++) {
		size_t i;

		it = n->type == YAML_SEQUENCE_NODE ? n->data.sequence.items.start + k : NULL;
		e = it ? node(y, *it) : n;
		if (get_string(y, e, key, &s) < 0)
			return -1;
		for (i = 0; i < 4 && strcmp(s, names[i]); i++)
			;
		if (i == 4)
			return bad_at(y, e, "%s: unknown verdict '%s' (AC, WA, TLE or RTE)", key, s);
		*set |= 1 << i;
	}
	return 0;
}

/* The keys of one requirement map m into x; sub-maps (test groups) become
 * rules of their own when groups is set. */
static int read_rule(const struct yfile *y, const yaml_node_t *m, const char *glob,
		     struct pkg_rules *r, size_t at, int groups)
{
	static const char *const plain[] = {
		"language", "entrypoint", "authors", "model_solution", "score",
		"use_for_time_limit", NULL,
	};
	yaml_node_pair_t *p;
	const yaml_node_t *k, *v;
	const char *key, *s;
	size_t i;

	if (want_map(y, m, glob) < 0)
		return -1;
	for (p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
		k = node(y, p->key);
		v = node(y, p->value);
		if (get_string(y, k, "a key", &key) < 0)
			return -1;
		if (!strcmp(key, "permitted")) {
			if (verdict_set(y, v, key, &r->v[at].permitted) < 0)
				return -1;
		} else if (!strcmp(key, "required")) {
			if (verdict_set(y, v, key, &r->v[at].required) < 0)
				return -1;
		} else if (!strcmp(key, "message")) {
			if (get_string(y, v, key, &s) < 0)
				return -1;
			free(r->v[at].message);
			r->v[at].message = xstrdup(s);
		} else if (groups && v->type == YAML_MAPPING_NODE &&
			   (!strcmp(key, "sample") || !strcmp(key, "secret") ||
			    !strncmp(key, "sample/", 7) || !strncmp(key, "secret/", 7))) {
			add_rule(r, glob, key);
			if (read_rule(y, v, glob, r, r->n - 1, 0) < 0)
				return -1;
		} else {
			for (i = 0; plain[i] && strcmp(plain[i], key); i++)
				;
			if (!plain[i])
				return bad_at(y, k, "unknown key '%s' for '%s' (permitted, "
					      "required, message, a test group, ...)", key, glob);
		}
	}
	return 0;
}

int pkg_rules_read(const char *path, struct pkg_rules *r)
{
	struct yfile y = { 0 };
	yaml_node_t *root;
	yaml_node_pair_t *p;
	const char *glob;
	size_t i;
	int rc = -1;

	memset(r, 0, sizeof(*r));
	if (yload(path, &y) < 0)
		return -1;
	if (yroot(&y, &root) < 0)
		goto out;
	for (p = root ? root->data.mapping.pairs.start : NULL;
	     root && p < root->data.mapping.pairs.top; p++) {
		if (get_string(&y, node(&y, p->key), "a submissions glob", &glob) < 0)
			goto out;
		add_rule(r, glob, NULL);
		for (i = 0; i < NDEFAULT && strcmp(default_rules[i].folder, glob); i++)
			;
		if (i < NDEFAULT) {
			r->v[r->n - 1].replaces = 1;
			r->v[r->n - 1].permitted = default_rules[i].permitted;
			r->v[r->n - 1].required = default_rules[i].required;
		}
		if (read_rule(&y, node(&y, p->value), glob, r, r->n - 1, 1) < 0)
			goto out;
	}
	rc = 0;
out:
	yfree(&y);
	if (rc < 0)
		pkg_rules_release(r);
	return rc;
}

/* fnmatch after expanding the first {a,b,...} of glob (recursively). */
static int brace_match(const char *glob, const char *path)
{
	const char *open = strchr(glob, '{'), *close, *alt, *end;
	char *one;
	int m = 0;

	if (!open || !(close = strchr(open, '}')))
		return fnmatch(glob, path, FNM_PATHNAME | FNM_PERIOD) == 0;
	for (alt = open + 1; !m && alt <= close; alt = end + 1) {
		end = alt + strcspn(alt, ",}");
		if (end > close)
			end = close;
		one = xasprintf("%.*s%.*s%s", (int)(open - glob), glob, (int)(end - alt), alt,
				close + 1);
		m = brace_match(one, path);
		free(one);
	}
	return m;
}

int pkg_glob_match(const char *glob, const char *path)
{
	char *p = xstrdup(path), *slash;
	int m;

	/* the path itself, then each parent folder */
	while (!(m = brace_match(glob, p)) && (slash = strrchr(p, '/')))
		*slash = 0;
	free(p);
	return m;
}

static void copy_rule(struct pkg_rules *out, const struct pkg_rule *x)
{
	struct pkg_rule *c = add_rule(out, x->glob, x->tests);

	c->permitted = x->permitted;
	c->required = x->required;
	c->message = x->message ? xstrdup(x->message) : NULL;
	c->replaces = x->replaces;
}

int pkg_rules_for(const struct pkg_rules *r, const char *sub, struct pkg_rules *out)
{
	size_t flen = strcspn(sub, "/"), i, k;
	int own = 0, replaced = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < NDEFAULT; i++)
		if (strlen(default_rules[i].folder) == flen &&
		    !strncmp(default_rules[i].folder, sub, flen))
			break;
	for (k = 0; r && k < r->n; k++)
		if (r->v[k].replaces && !r->v[k].tests && strlen(r->v[k].glob) == flen &&
		    !strncmp(r->v[k].glob, sub, flen)) {
			copy_rule(out, &r->v[k]);
			replaced = 1;
		}
	if (i < NDEFAULT && !replaced) {
		struct pkg_rule *d = add_rule(out, default_rules[i].folder, NULL);

		d->permitted = default_rules[i].permitted;
		d->required = default_rules[i].required;
		d->replaces = 1;
	}
	for (k = 0; r && k < r->n; k++) {
		if (r->v[k].replaces && !r->v[k].tests)
			continue;
		if (pkg_glob_match(r->v[k].glob, sub)) {
			copy_rule(out, &r->v[k]);
			own++;
		}
	}
	if (i == NDEFAULT && !own && !replaced) {
		pkg_rules_release(out);
		return -1;
	}
	return own + replaced;
}
