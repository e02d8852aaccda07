/* catalog.h: loading problems.toml and the problem folders into the
 * database (the format is described at the top of judge/catalog.c). */
#ifndef JUDGE_DOMAIN_CATALOG_H
#define JUDGE_DOMAIN_CATALOG_H

#include <stddef.h>

struct db;

struct catalog_stats {
	int synced;            /* the catalogue was read (0: the cheap check said unchanged) */
	int added, updated, unchanged, retired;
	int contests;          /* contests in the catalogue */
	char notes[1024];      /* what a package had that the judge skipped, one
	                        * line each ("package 'x': input validator ...") */
};

#define CATALOG_FORCE    1  /* skip the cheap check: read and hash everything */
#define CATALOG_OPTIONAL 2  /* a missing catalogue is fine when the db has problems */

/* How the sync compiles a problem's own programs (custom checker, gen.c,
 * validator.c), so that one that does not compile is the catalogue's error
 * rather than an IE at the first submission. compile() returns 0 when the
 * len bytes of source compile; 1 when they do not, with the compiler's
 * diagnostics (printable) in *diag, malloc'd; -1 with err set when it could
 * not try (no sandbox here): the sync then goes on without the check. */
/* How a program ran at the sync (run below). */
struct catalog_run {
	int compiled;          /* 0: it does not compile (output: the diagnostics) */
	int exited;            /* it exited by itself within its limits */
	int exit_code;         /* -1 when it did not exit */
	unsigned cpu_ms;
	char *output;          /* the start of its stdout, else stderr (malloc'd) */
	int peer_exit;         /* run_pair: the interactor's exit code, -1 none */
	char how[48];          /* when it did not exit by itself: how it ended
	                        * ("killed by SIGABRT", "TLE"), else "" */
};

struct catalog_compiler {
	/* path names the source (its extension gives the language) */
	int (*compile)(void *arg, const char *path, const char *source, size_t len,
		       char **diag);
	void *arg;
	/* Compile (through the cache) and run a package's program in the
	 * sandbox with argv (after argv[0]) and stdin in/inlen under cpu_ms and
	 * memory_kb: the input validators on every input, the accepted
	 * submissions that set a time limit. 0 with out filled, or -1 with err
	 * set when it could not try (no sandbox: the sync skips the step).
	 * NULL: programs are not run. */
	int (*run)(void *arg, const char *path, const char *source, size_t len,
		   const char *const *argv, const char *in, size_t inlen, unsigned cpu_ms,
		   unsigned long memory_kb, struct catalog_run *out);
	/* The same for an interactive package's accepted submission: run
	 * against the interactor (ipath, isource: the output validator, Kattis
	 * contract, `v input answer feedback/`, under the validation limits
	 * validation_ms / validation_kb, 0: the defaults) on the test in / ans.
	 * out describes the submission; out->peer_exit is the interactor's exit
	 * code (-1 when it did not exit by itself), out->output its message.
	 * NULL: interactive packages get no computed time limit. */
	int (*run_pair)(void *arg, const char *path, const char *source, size_t len,
			const char *ipath, const char *isource, size_t ilen,
			const char *in, size_t inlen, const char *ans, size_t anslen,
			unsigned cpu_ms, unsigned long memory_kb, unsigned validation_ms,
			unsigned long validation_kb, struct catalog_run *out);
};

/* Sync the catalogue at path into db: validate everything first, then write
 * the changes in one transaction, so a bad catalogue changes nothing.
 * Unchanged problems are not rewritten; problems no longer listed are
 * retired. Without CATALOG_FORCE, nothing is read when the catalogue's and
 * every problem folder's sizes and mtimes are as stored. Returns 0, or -1
 * with err set: ERR_INPUT for a catalogue error ("FILE:LINE:COL: message"),
 * ERR_INTERNAL when the database failed. stats may be NULL. With cc, the
 * programs of every problem that is new or whose folder changed (every
 * problem with CATALOG_FORCE) are compiled first; one that does not compile
 * is ERR_INPUT "FOLDER/checker.c:LINE:COL: error: ... (the checker of
 * problem 'x' does not compile)". cc may be NULL. */
int catalog_sync(struct db *db, const char *path, int flags,
		 const struct catalog_compiler *cc, struct catalog_stats *stats);

/* Append to the catalogue at path an entry for the Kattis package in
 * folder dir (relative to the current folder):
 *
 *   [[problem]]
 *   id = "ID"
 *   package = "DIR relative to the catalogue's folder"
 *
 * keeping every byte before it. id NULL: the folder's name, lowercased,
 * other characters than [a-z0-9-] made '-'. *old gets the catalogue's bytes
 * before the change (malloc'd, *oldlen bytes) so that the caller can put
 * them back when the sync then fails; *out_id the id used. Fails
 * (ERR_INPUT) when dir has no problem.yaml, the id is not valid or is
 * already in the catalogue, or the catalogue cannot be read. */
int catalog_add_package(const char *path, const char *dir, const char *id,
			char **old, size_t *oldlen, char **out_id);

struct db_problem;

/* Look up a problem that is in the catalogue (not retired): 0 with p filled
 * (release it with db_problem_release), or -1 with err set: ERR_INPUT for an
 * unknown or retired id ("unknown problem 'x'; did you mean 'y'?", or how
 * to list the ids), ERR_INTERNAL when the database failed. */
int catalog_find_problem(struct db *db, const char *id, struct db_problem *p);

/* As catalog_find_problem, but a retired problem is found too (its history
 * and statement stay readable). */
int catalog_lookup_problem(struct db *db, const char *id, struct db_problem *p);

#endif
