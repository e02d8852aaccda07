/* package.h: reading a Kattis problem package's YAML (problem.yaml,
 * testdata.yaml / test_group.yaml) with libyaml.
 *
 * Formats: problem_format_version absent or "legacy", "2023-07-draft",
 * "2023-07" and "2025-09" (the 2023-07 draft as published). Every error is
 * ERR_INPUT "FILE:LINE:COL: what" (1-based), naming the key at fault. The
 * legacy format refuses unknown keys, as problemtools does; the newer ones
 * refuse unknown keys in limits only where a value has a meaning here. */
#ifndef JUDGE_DOMAIN_PACKAGE_H
#define JUDGE_DOMAIN_PACKAGE_H

/* The problem's type: a set of these (2025-09 "type" may list several). */
#define PKG_PASS_FAIL   1
#define PKG_SCORING     2
#define PKG_INTERACTIVE 4
#define PKG_CUSTOM      8   /* legacy validation: custom (an output validator) */
#define PKG_MULTI_PASS  16

struct pkg_meta {
	char *format;              /* "legacy", "2023-07-draft", "2023-07", "2025-09" */
	int modern;                /* 2023-07 and later */
	char *name;                /* the English name (or the first language's) */
	int type;                  /* PKG_* bits */
	int memory_mb, output_mb;  /* 0: not given */
	double time_limit_s;       /* 2025-09 limits.time_limit; 0: not given */
	double time_multiplier, time_safety_margin;        /* legacy: 5, 2 */
	double ac_to_time_limit, time_limit_to_tle;        /* modern: 2, 1.5 */
	double time_resolution;    /* modern: 1 */
	int validation_time_s, validation_memory_mb, validation_output_mb;
	char *validator_args;      /* output validator flags, space-separated; "" */
	int args_line, args_col;   /* where they were given (0: not given) */
	char *input_validator_args;
	char *input_validator;     /* set by the caller before pkg_scan_data: the
	                            * input validator's program name (its file's
	                            * base name, or its folder under
	                            * input_validators/), for input_validator_args
	                            * given as a map by validator; NULL: none */
};

#define PKG_META_INIT { 0 }

void pkg_meta_release(struct pkg_meta *m);

/* Read DIR/problem.yaml (file is its path for messages) into m. */
int pkg_meta_read(const char *file, struct pkg_meta *m);

/* The settings of one test group (testdata.yaml or test_group.yaml), each
 * inherited from the group above unless given. */
struct pkg_group {
	char *output_validator_args;   /* "" when none */
	char *input_validator_args;
	int scoring_given;             /* the file had a grading/score setting */
	double score;                  /* its max score, 0 when none */
};

void pkg_group_release(struct pkg_group *g);

/* Read the settings file path (which exists) into g, starting from a copy
 * of parent (NULL: the defaults, with output_validator_args = args). */
int pkg_group_read(const char *path, const struct pkg_group *parent, struct pkg_group *g);

/* g as a copy of parent. */
void pkg_group_copy(const struct pkg_group *parent, struct pkg_group *g);


/* ---- the package's files (package.c) ---------------------------------- */

/* One test case of data/ (or of data/invalid_input). */
struct pkg_case {
	char *name;            /* relative to data/, without .in: "secret/group1/01" */
	char *in_path, *ans_path;   /* ans_path NULL for an invalid input, and
	                             * for an interactive case without one (empty) */
	int is_sample;
	char *args;            /* its output validator arguments (inherited), "" */
	char *input_args;      /* its input validator arguments, "" */
	char *interaction;     /* sample/NAME.interaction's text, or NULL */
	double score;          /* its group's score (test_group.yaml), 0 none */
};

struct pkg_data {
	struct pkg_case *v;    /* data/sample then data/secret, each folder in
	                        * lexicographic order, groups where they sort */
	size_t n;
	struct pkg_case *invalid;   /* data/invalid_input(s) */
	size_t ninvalid;
};

void pkg_data_release(struct pkg_data *d);

/* Walk DIR/data with each folder's testdata.yaml / test_group.yaml settings
 * inherited below it. An .in without its .ans is an error (ERR_INPUT
 * naming both), except in an interactive problem (m->type). */
int pkg_scan_data(const char *dir, const struct pkg_meta *m, struct pkg_data *d);

/* sha256 over the path, size and mtime of every file under dir. Malloc'd. */
char *pkg_fingerprint(const char *dir);

/* The statement: statement/problem.en.md, problem_statement/problem.en.md,
 * ... .tex, any problem.*.md/tex, in that order; *text "" when none. */
int pkg_statement(const char *dir, char **text);

/* The C or C++ program in the first of folders (relative to dir) that has
 * one: *rel its path relative to dir, *source its text with the local
 * headers it includes ("x.h" beside it) put in place. 0 found, 1 none
 * (with *note naming a program in another language, or NULL), -1 error. */
int pkg_find_program(const char *dir, const char *const *folders, char **rel,
		     char **source, char **note);

/* The text of dir/rel with the local headers it includes ("x.h" beside it)
 * put in place, into *source (malloc'd): 0, or -1 with err set. */
int pkg_load_program(const char *dir, const char *rel, char **source);

/* DIR/.timelimit (seconds, a number): 0 found, 1 none, -1 malformed. */
int pkg_read_timelimit(const char *dir, double *secs);

/* ---- submissions/submissions.yaml (2025-09) ---------------------------- */

/* Kattis verdict classes of permitted / required. */
#define PKG_V_AC  1
#define PKG_V_WA  2
#define PKG_V_TLE 4
#define PKG_V_RTE 8
#define PKG_V_ALL 15

/* One requirement on a submission: every test in scope has a verdict in
 * permitted, at least one has one in required, and when message is given
 * at least one test's judge message contains it. */
struct pkg_rule {
	char *glob;            /* the submissions glob it came from */
	char *tests;           /* the test-data glob it applies to, NULL: every test */
	int permitted, required;    /* PKG_V_* sets (PKG_V_ALL when not given) */
	char *message;         /* NULL when not given */
	int replaces;          /* the glob is a default folder's name: replaces
	                        * that folder's default rule */
};

struct pkg_rules {
	struct pkg_rule *v;
	size_t n;
};

void pkg_rules_release(struct pkg_rules *r);

/* Read path (a submissions.yaml) into r: one rule per glob (and per test
 * group under it). A glob that is exactly a default folder's name
 * (accepted, rejected, wrong_answer, time_limit_exceeded, run_time_error,
 * brute_force) replaces that folder's default permitted / required (keys
 * not given are inherited); any other glob adds its rule. Keys language,
 * entrypoint, authors, model_solution, score and use_for_time_limit are
 * accepted and not checked here. ERR_INPUT "FILE:LINE:COL: ..." on a
 * malformed file. */
int pkg_rules_read(const char *path, struct pkg_rules *r);

/* The rules for the submission at sub (relative to submissions/,
 * "accepted/x.c" or "accepted/dir/main.c") into out, copied: its folder's
 * default (as replaced by r) and every rule of r whose glob matches it or
 * one of its parent folders. Returns how many came from r's own globs
 * (not default folders); -1 when its folder is not a default one and no
 * glob matches it (not a submission). */
int pkg_rules_for(const struct pkg_rules *r, const char *sub, struct pkg_rules *out);

/* Does the glob (with "*" within a name, "?" and {a,b} brace expansion)
 * match path or one of its parent folders? */
int pkg_glob_match(const char *glob, const char *path);

#endif
