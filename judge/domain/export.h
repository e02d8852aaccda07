/* export.h: write a native problem as a Kattis problem package ('judge
 * export'). */
#ifndef JUDGE_DOMAIN_EXPORT_H
#define JUDGE_DOMAIN_EXPORT_H

struct db;

struct export_stats {
	int samples, secret;   /* tests written to data/sample and data/secret */
	int submissions;       /* solutions written to submissions/ */
	const char *checker;   /* how the checker went: "default validator", ... */
	char notes[512];       /* what could not be carried over, one line each */
};

/* Write problem id of db (a native problem whose folder and solutions are
 * under catalog_dir) as a package in out_dir, which must not exist or be
 * an empty folder, in the format "legacy" or "2025-09":
 *  - problem.yaml with the name and limits (legacy: .timelimit too);
 *  - the statement (statement/ or problem_statement/problem.en.md);
 *  - data/sample and data/secret (samples are the tests shown to users);
 *  - the checker: tokens, exact and float as the default output validator
 *    with its flags (case_sensitive, space_change_sensitive, the float
 *    tolerances); unordered-lines as a generated C output validator; a
 *    custom checker wrapped in a generated adapter (its exit codes 0/1/2
 *    mapped to 42/43, the output read from stdin);
 *  - validator.c wrapped the same way as an input validator (0 -> 42);
 *  - solutions/ID/VERDICT/ as submissions/FOLDER (runtime_error and
 *    memory_limit_exceeded as run_time_error: Kattis has no MLE folder).
 * Everything is written into a temporary folder beside out_dir and renamed
 * at the end: nothing half-written. Returns 0, or -1 with err set
 * (ERR_INPUT: unknown problem, a package problem, a regex checker, out_dir
 * not empty). */
int export_problem(struct db *db, const char *catalog_dir, const char *id,
		   const char *out_dir, const char *format, struct export_stats *st);

#endif
