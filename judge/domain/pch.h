/* pch.h: the precompiled header of <bits/stdc++.h> that C++ compiles use,
 * built once per compiler identity and command line, in the compile
 * sandbox, and kept in the compile cache folder:
 *
 *   CACHE/pch/HASH/inc/bits/stdc++.h.gch   bound read-only at /pch
 *   CACHE/pch/HASH/stamp                   the .gch's size, mtime, inode
 *   CACHE/pch/HASH.lock                    held while one judge builds it
 *   CACHE/pch/HASH.failed                  why the last build failed
 *
 * HASH is sha256(a format tag, the compiler identity, the command's
 * options). A folder is complete when it has its final name (built under a
 * temporary name, then renamed) and its .gch still matches the stamp. */
#ifndef JUDGE_DOMAIN_PCH_H
#define JUDGE_DOMAIN_PCH_H

struct sbx;

/* What the PCH's builder is told (a progress note before a build, or why
 * the compile goes on without one): the front end prints it. warn is 1 for
 * a failure. Set once by the front end; NULL (the default) says nothing. */
void pch_set_notify(void (*fn)(int warn, const char *msg));

/* The folder to bind at /pch for compiles with argv (the C++ command up to
 * "-o"), for the compiler `ident`: 1 with *dir set (malloc'd, absolute)
 * when a complete PCH is there, else 0. A damaged one (its .gch no longer
 * matches its stamp) is removed. With build set and none there, build it
 * first with worker s, unless another judge is building it (0 at once: the
 * caller compiles without it) or the last build failed less than an hour
 * ago. Never fails: a build that fails is recorded (CACHE/pch/HASH.failed)
 * and told once through the notify function, and the caller compiles
 * without it. */
int pch_get(const char *cache_dir, struct sbx *s, const char *ident,
	    const char *const *argv, int build, char **dir);

#endif
