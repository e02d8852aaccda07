/* catalog.h: loading problems.toml and the problem folders into the
 * database (the format is described at the top of judge/catalog.c). */
#ifndef JUDGE_CATALOG_H
#define JUDGE_CATALOG_H

struct db;

struct catalog_stats {
	int synced;            /* the catalogue was read (0: the cheap check said unchanged) */
	int added, updated, unchanged, retired;
	int contests;          /* contests in the catalogue */
};

#define CATALOG_FORCE    1  /* skip the cheap check: read and hash everything */
#define CATALOG_OPTIONAL 2  /* a missing catalogue is fine when the db has problems */

/* Sync the catalogue at path into db: validate everything first, then write
 * the changes in one transaction, so a bad catalogue changes nothing.
 * Unchanged problems are not rewritten; problems no longer listed are
 * retired. Without CATALOG_FORCE, nothing is read when the catalogue's and
 * every problem folder's sizes and mtimes are as stored. Returns EXIT_ACCEPTED,
 * EXIT_BAD_INPUT (a catalogue error; err holds "FILE:LINE:COL: message") or
 * EXIT_INTERNAL (err set). stats may be NULL. */
int catalog_sync(struct db *db, const char *path, int flags, struct catalog_stats *stats);

#endif
