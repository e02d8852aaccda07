/* compile.h: compiling C and C++ sources in the compile sandbox, through a
 * cache of static binaries keyed by sha256(source, compiler identity, the
 * language's compiler command).
 *
 * The cache is a folder of root-owned files: KEY (a static binary, 0755),
 * KEY.ce (the diagnostics of a source that does not compile). Entries are
 * written to a temporary name and renamed, so concurrent processes compiling
 * the same source both succeed and a reader never sees half a binary. The
 * folder is kept under a size cap by evicting the least recently used
 * entries (a hit touches the entry's mtime). */
#ifndef JUDGE_DOMAIN_COMPILE_H
#define JUDGE_DOMAIN_COMPILE_H

#include <stddef.h>

#include "lib/buf.h"

struct sbx;

#define COMPILE_MAX_SOURCE   (256 * 1024)  /* largest accepted source, bytes */
#define COMPILE_MAX_MESSAGE  (16 * 1024)   /* diagnostics kept, bytes */

/* Files being written into a cache folder start with this; eviction
 * removes the ones older than an hour (debris of a killed writer). */
#define COMPILE_CACHE_TMP_PREFIX ".tmp-"

/* The cache folder and its size cap. Plain data: share one between threads
 * (compile_c only reads it). */
struct compile_cache {
	char *dir;                    /* absolute or relative folder path */
	unsigned long long max_bytes; /* size cap; entries used in the last few
				       * minutes are never evicted */
	int pch;                      /* 1: C++ sources that include
				       * <bits/stdc++.h> use the precompiled
				       * header (pch.h), kept in dir/pch */
};

#define COMPILE_CACHE_INIT { NULL, 0, 0 }

/* The compile cache's folder when JUDGE_CACHE is not set, malloc'd:
 * $XDG_CACHE_HOME/judge (when absolute), else $HOME/.cache/judge (the
 * passwd entry's home when HOME is unset or relative), else
 * ROOT/.cache/judge. A per-user folder: a checkout shared by several users
 * keeps no binaries of theirs. */
char *compile_cache_default_dir(const char *root);

/* Open (create) the cache folder: $JUDGE_CACHE when set, else
 * compile_cache_default_dir(root); cap from $JUDGE_CACHE_MAX_MB (default 512);
 * the precompiled header unless $JUDGE_PCH is 0 or off. The folder
 * must be owned by the effective user and writable by nobody else (it is
 * created 0711). Returns 0, or -1 with err set. */
int compile_cache_open(struct compile_cache *c, const char *root);

/* The same with an explicit folder and cap (tests, other tools); the
 * precompiled header on. */
int compile_cache_open_dir(struct compile_cache *c, const char *dir,
			   unsigned long long max_bytes);

void compile_cache_release(struct compile_cache *c);

struct compile_result {
	int ok;             /* 1: binary ready; 0: compile error (CE) */
	int cached;         /* 1: answered from the cache, no compiler ran */
	unsigned time_ms;   /* wall time of this compile (0 when cached) */
	char *binary;       /* ok: path of the cached static binary (owned) */
	struct buf message; /* diagnostics: at most COMPILE_MAX_MESSAGE bytes,
			     * box paths stripped, made printable (valid UTF-8,
			     * control characters other than \n \t escaped) */
	char key[65];       /* the cache key (hex) */
	int pch;            /* 1: compiled with the precompiled header of
			     * <bits/stdc++.h> offered to g++ (-I/pch; g++
			     * takes it where it is valid), or answered
			     * from the cache for such a compile */
};

#define COMPILE_RESULT_INIT { 0, 0, 0, NULL, BUF_INIT, "", 0 }

void compile_result_release(struct compile_result *r);

/* The languages the judge compiles. */
enum compile_lang { LANG_C, LANG_CXX, LANG_COUNT };

/* The fixed compiler command of a language (argv, NULL-terminated):
 *   C    gcc -std=gnu17 -O2 -static -DONLINE_JUDGE -o prog prog.c -lm
 *   C++  g++ -std=gnu++20 -O2 -static -DONLINE_JUDGE -o prog prog.cpp */
const char *const *compile_lang_argv(enum compile_lang l);

/* The command as one line (the argv joined by spaces), for 'judge show'
 * and usage texts. Static storage. */
const char *compile_lang_command(enum compile_lang l);

/* "c" or "c++": the name stored with a submission and taken by --lang. */
const char *compile_lang_name(enum compile_lang l);

/* The language named by `name` ("c", "c++"; "cpp" and "cxx" too). Returns
 * 0, or -1 with err set (ERR_INPUT) naming the accepted values. */
int compile_lang_parse(const char *name, enum compile_lang *l);

/* The language of a source file by its extension: .cc, .cpp, .cxx (and
 * .C, .c++) are C++, anything else C. */
enum compile_lang compile_lang_of_path(const char *path);

/* 1 when a file name has a source extension the judge compiles (.c, .cc,
 * .cpp, .cxx), else 0. */
int compile_is_source_name(const char *name);

/* Compile `source` (len bytes, the text itself: never a user path) in
 * language `lang` with s, or answer from the cache. A C++ source with a
 * line `#include <bits/stdc++.h>` gets the precompiled header (pch.h) when
 * c->pch is set: found, or built first (the one compile that builds it
 * waits for it); a PCH that cannot be had never fails the compile. Returns 0 with r filled: r->ok = 1 and
 * r->binary set, or r->ok = 0 with the reason in r->message (CE: a compile
 * error, or the compiler going over its time, memory or output limits).
 * Returns -1 with err set only when the sandbox or the cache failed (IE).
 * r must be COMPILE_RESULT_INIT; release it with compile_result_release.
 * Thread-safe for distinct s and r. */
int compile_source(const struct compile_cache *c, struct sbx *s, enum compile_lang lang,
		   const char *source, size_t len, struct compile_result *r);

/* compile_source for a problem's own program (checker, validator,
 * generator, interactor, its headers inlined): the same compile with room
 * for a large header (the real testlib.h takes about 10 s of CPU at -O2):
 * 60 s of CPU and 180 s of wall time instead of 10 and 60, and cache
 * entries of its own (compile_program_key), so that a CE a submission's
 * limits gave the same text is never its answer. */
int compile_program(const struct compile_cache *c, struct sbx *s, enum compile_lang lang,
		    const char *source, size_t len, struct compile_result *r);

/* The compile's CPU limit in ms: a submission's (program 0) or a problem
 * program's (program 1). */
unsigned compile_cpu_limit_ms(int program);

/* compile_source for C. */
int compile_c(const struct compile_cache *c, struct sbx *s, const char *source,
	      size_t len, struct compile_result *r);

/* The cache key of a source: sha256 over a format tag, the compiler identity
 * (gcc's version, target and the size/mtime of gcc, g++, cc1, cc1plus,
 * libc.a and libstdc++.a; found once per process), the language's compiler
 * argv and the source. Returns 0, or -1 with err set when the compiler
 * cannot be identified. */
int compile_key(enum compile_lang lang, const char *source, size_t len, char key[65]);

/* The cache key of a problem program's compile (compile_program): the
 * same inputs and the program's limits, so never a submission's key. */
int compile_program_key(enum compile_lang lang, const char *source, size_t len, char key[65]);

/* Key computation from an explicit identity string (unit tests). */
void compile_key_with(const char *identity, enum compile_lang lang,
		      const char *source, size_t len, char key[65]);

/* Evict least recently used entries until the folder holds at most
 * c->max_bytes, sparing entries used less than `keep_s` seconds ago; also
 * removes stale temporary files. Returns the number of bytes freed, or -1
 * with err set. Called by compile_c after each store. */
long long compile_cache_evict(const struct compile_cache *c, unsigned keep_s);

/* Read a source file given by the user into b: it must exist, be a regular
 * file, hold at most COMPILE_MAX_SOURCE bytes and no NUL byte (other bytes
 * that are not UTF-8, such as a Latin-1 comment, are accepted: escape them
 * when showing the source).
 * Returns 0, or -1 with err set to a one-line user message (ERR_INPUT). */
int compile_read_source(const char *path, struct buf *b);

/* The line of compile diagnostics (a compile_result's message) that says
 * what is wrong: the first "prog.c:LINE:COL: error: ..." (the compile
 * sandbox names the source prog.c: put the real name instead), else the
 * linker's "undefined reference", else the first line with "error", else
 * the first line; at most 300 bytes, malloc'd. */
char *compile_first_error(const char *diag);

/* ---- a problem's own headers ----
 * A problem folder may hold headers (NAME.h, NAME.hpp: testlib.h) that its
 * programs (checker, validator, generator, interactor) include with
 * #include "NAME.h". They are made visible to the compile by inlining: the
 * include line is replaced by the header's text (once per header, with
 * #line markers so that diagnostics name the header and the line), so the
 * source stored in the database and compiled in the sandbox stands alone
 * and its cache key covers the headers. The compiler still sees nothing of
 * the host. */

/* 1 when source includes "testlib.h" (or <testlib.h>): a program that
 * follows testlib's contract unless its *_contract key says otherwise. */
int compile_is_testlib(const char *source);

/* FOLDER/NAME.c, or the C++ one (.cpp, .cc, .cxx) when only that exists.
 * Malloc'd; the .c path when none exists. */
char *compile_tool_path(const char *folder, const char *name);

/* The headers of folder (*.h, *.hpp), sorted: *names is a malloc'd array of
 * *n malloc'd names. 0, or -1 with err set. */
int compile_folder_headers(const char *folder, char ***names, size_t *n);

/* src (len bytes, a program of the problem in folder, in language lang)
 * with the folder's headers inlined, appended to out. Headers not in the
 * folder (system ones) are left to the compiler. 0, or -1 with err set
 * (ERR_INPUT: a header cannot be read, or includes nest too deep). */
int compile_inline_headers(const char *folder, enum compile_lang lang, const char *src,
			   size_t len, struct buf *out);


#endif
