/* scaffold.h: a new problem from a template ('judge new'): its folder with
 * a statement, tests, generator, validator, stored solutions, and its entry
 * appended to the catalogue. Never prints or exits. */
#ifndef JUDGE_DOMAIN_SCAFFOLD_H
#define JUDGE_DOMAIN_SCAFFOLD_H

#include <stddef.h>

/* What scaffold_problem wrote, as paths from the catalogue's folder. */
struct scaffold_files {
	char **paths;
	size_t n;
};

void scaffold_files_release(struct scaffold_files *f);

/* Whether id is a valid problem id (lowercase letters, digits, '-', not
 * starting with '-', at most 64 characters): 0, or -1 with an ERR_INPUT
 * message saying what is wrong. */
int scaffold_check_id(const char *id);

/* Write problem id (title: its title, NULL for the id) in the folder dir
 * (the catalogue's): dir/problems/ID/{statement.md, tests/sample-1.in|ans,
 * tests/t01-*.in|ans, tests/t02-*.in|ans, gen.c, validator.c},
 * dir/solutions/ID/accepted/ref.c and
 * dir/solutions/ID/wrong_answer/int-sum.c, then append its [[problem]]
 * table to the catalogue file `catalog` (the rest of the file kept byte
 * for byte; replaced atomically). The problem is "the sum of n integers",
 * a template to edit: 'judge regress ID' passes on it as written.
 * Refuses (ERR_INPUT) a bad id, an id already in the catalogue file, and
 * an existing problems/ID or solutions/ID. On failure nothing it wrote is
 * left. files (may be NULL) gets what was written. 0, or -1 with err set. */
int scaffold_problem(const char *dir, const char *catalog, const char *id,
		     const char *title, struct scaffold_files *files);

/* Undo scaffold_problem: remove the folders it made and put back the
 * catalogue as it was (old, old_len bytes). For a caller whose check after
 * it failed. 0, or -1 with err set. */
int scaffold_undo(const char *dir, const char *catalog, const char *id,
		  const char *old, size_t old_len);

#endif
