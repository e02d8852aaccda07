/* sandbox.h: run untrusted programs, and gcc reading untrusted source, under
 * exact limits with no way out. The one public header of sandbox/.
 *
 * A run is described by a struct sbx_spec and reported in a struct
 * sbx_result. What the program did (crash, time out, forbidden call) is a
 * successful run with a status; sbx_run() returns -1 only when the sandbox
 * itself failed, which the judge reports as IE. */
#ifndef SANDBOX_SANDBOX_H
#define SANDBOX_SANDBOX_H

#include <stddef.h>
#include <sys/types.h>

#include "lib/buf.h"

enum sbx_status {
	SBX_OK,   /* exited with status 0 within every limit */
	SBX_RE,   /* exited non-zero, or killed by a signal it caused */
	SBX_TLE,  /* CPU time or wall time over the limit (see tle_wall) */
	SBX_MLE,  /* peak memory over the limit */
	SBX_OLE,  /* more stdout than the output limit (or file-size limit) */
	SBX_SV,   /* a forbidden system call or action (see syscall) */
};

struct sbx_limits {
	unsigned cpu_ms;            /* CPU time, all threads; 0: none */
	unsigned wall_ms;           /* 0: 2 * cpu_ms + 1000 */
	unsigned long memory_kb;    /* peak memory; 0: none */
	unsigned long stack_kb;     /* 0: same as memory_kb */
	unsigned long output_kb;    /* stdout cap, over it is OLE; 0: 64 MB */
	unsigned long stderr_kb;    /* stderr cap (kept, not OLE); 0: 64 KB */
	unsigned long fsize_kb;     /* largest file it may write; 0: output_kb */
	unsigned procs;             /* processes + threads allowed; 0 or 1: none new */
};

/* A host file made visible read-only inside the box under `name`. */
struct sbx_file {
	const char *path;           /* host path (opened by the judge, no links followed) */
	const char *name;           /* plain name inside the box, no '/' */
};

enum sbx_policy {
	SBX_POLICY_RUN,             /* a static solution/checker: strict allow-list */
	SBX_POLICY_COMPILE,         /* gcc and its children: may fork/exec the toolchain */
};

struct sbx_spec {
	enum sbx_policy policy;
	const char *exe;            /* RUN: host path of the static binary */
	const char *const *argv;    /* argv after argv[0]; NULL-terminated; may be NULL */
	const char *stdin_path;     /* host file for stdin; NULL: stdin_data, or /dev/null */
	const char *stdin_data;     /* bytes for stdin when stdin_path is NULL */
	size_t stdin_len;
	const struct sbx_file *files; /* extra read-only files in the box */
	size_t nfiles;
	struct sbx_limits limits;
	int feedback;               /* a Kattis validator's feedback folder: the
				     * box holds an empty writable folder
				     * "feedback" (pass "feedback/" in argv),
				     * the program may open files for writing
				     * (one thread; its box holds 256 KB at
				     * most), and r->fb_judge / r->fb_team /
				     * r->fb_output get its judgemessage.txt,
				     * teammessage.txt and output */
	int ignore_sigpipe;         /* start with SIGPIPE ignored (an interactor:
				     * a write to a program that is gone fails
				     * with EPIPE instead of killing it) */
};

struct sbx_result {
	enum sbx_status status;
	int exit_code;              /* -1 when it did not exit */
	int signal;                 /* 0 when not killed by a signal */
	int tle_wall;               /* TLE by wall clock rather than CPU */
	unsigned cpu_ms, wall_ms;
	unsigned long memory_kb;    /* peak, the program alone */
	struct buf out;             /* stdout, up to output_kb */
	struct buf err;             /* stderr, up to stderr_kb */
	char syscall[32];           /* SV: the system call's name */
	char message[256];          /* a short human explanation ("" when OK) */
	unsigned long long alloc_bytes; /* MLE because one allocation (mmap,
				     * mremap) was larger than the limit: its
				     * size; else 0 */
	int open_write;             /* SV: the call opened a file for writing */
	int stack_overflow;         /* RE: a recursion met the stack limit: killed
				     * by SIGSEGV with the stack at its limit, or
				     * out of time deep in a recursion (sandbox.c,
				     * "Stack") */
	unsigned long stack_kb;     /* with stack_overflow: the stack limit it ran
				     * with (KB; see sbx_stack_kb) */
	unsigned long stack_used_kb; /* out of time: its stack then (KB); else 0 */
	unsigned long long cpu_us;  /* CPU time in microseconds (cpu_ms is it
				     * rounded down to ms) */
	struct buf fb_judge;        /* spec->feedback: feedback/judgemessage.txt */
	struct buf fb_team;         /* and feedback/teammessage.txt (up to
				     * stderr_kb each; empty when not written) */
	struct buf fb_output;       /* and feedback/output, whole (a testlib
				     * interactor's output file, its tout, for
				     * the checker: SBX_FB_OUTPUT_KB at most,
				     * the box's room) */
};

#define SBX_FB_OUTPUT_KB 256

#define SBX_RESULT_INIT { SBX_OK, -1, 0, 0, 0, 0, 0, BUF_INIT, BUF_INIT, "", "", 0, 0, 0, 0, 0, 0, \
			  BUF_INIT, BUF_INIT, BUF_INIT }
#define SBX_PAIR_INIT { SBX_RESULT_INIT, SBX_RESULT_INIT, 0 }

/* The stack limit (KB) a run with these limits gets: limits->stack_kb
 * (default memory_kb), but below memory_kb by a margin (an eighth, at
 * least 4 MB; half of a tiny limit), so that a recursion always meets the
 * stack limit before the memory limit. */
unsigned long sbx_stack_kb(const struct sbx_limits *limits);

void sbx_result_release(struct sbx_result *r);

/* A sandbox worker: the set-up state (uid, cgroup, box process) that runs
 * one program at a time. Parallel runs use one worker each. */
struct sbx;

/* Set up worker number `index` (0-based). Returns NULL with err set when
 * the sandbox cannot be set up. As root: a uid per worker, cgroups and
 * namespaces. Not as root: a user namespace instead, with less (see
 * sbx_missing).
 * Each worker has its own uid (JUDGE_SANDBOX_UID_BASE + index, default
 * 60000, skipping real users and uids another judge holds, within
 * JUDGE_SANDBOX_UID_COUNT, default 64), cgroups, box and namespaces.
 * A worker serves one call at a time; different workers may run in
 * parallel from different threads or processes. The worker's processes
 * die with the thread that called sbx_open: open it in the thread (or the
 * main thread) that keeps using it. Folders and cgroups left by a judge
 * that was killed are removed by the next sbx_open. */
struct sbx *sbx_open(int index);
/* Stop the worker, kill whatever it still runs, remove its box and
 * cgroups. NULL is ignored. */
void sbx_close(struct sbx *s);

/* The worker's uid (its runs and compiles run as it). */
uid_t sbx_uid(const struct sbx *s);

/* NULL when every protection is in place (root, with a memory cgroup);
 * otherwise a one-line explanation of what is missing (a user
 * namespace stands in for the worker uid; no memory or pids cgroup, and
 * why), ending "run 'judge doctor' ...", for a warning. Borrowed: valid
 * until the next call in this thread. */
const char *sbx_missing(const struct sbx *s);

/* Run spec->exe (RUN policy) in a fresh box. 0 with r filled, or -1 with
 * err set when the sandbox itself failed. r must be initialised with
 * SBX_RESULT_INIT; release it with sbx_result_release (r can be reused).
 * The program is a static binary; it sees only its box (as / and cwd),
 * holding spec->files bound read-only (readable by the worker: a file not
 * readable by others is copied first), with argv[0] "prog". A program whose
 * loadable image is larger than memory_kb is MLE without running. Peak
 * memory is the larger of the memory cgroup's peak over the run and the
 * program's peak RSS: exact above about 1.5 MB, about 1.5 MB for smaller
 * programs (the run child's RSS before its exec), never 0 (except in a
 * judge built with sanitizers, where small programs read as the cgroup's
 * figure alone, granular to 256 KB). A program that
 * cannot start (a dynamic binary: no loader in the box) is RE. SIGXCPU and
 * SIGXFSZ a program raises itself are RE. At most 8 files and 64
 * arguments. */
int sbx_run(struct sbx *s, const struct sbx_spec *spec, struct sbx_result *r);

/* An interactive pair: a program and its peer (the problem's interactor),
 * each one's stdout the other's stdin. */
struct sbx_pair {
	struct sbx_result prog;     /* the program: init both with SBX_RESULT_INIT */
	struct sbx_result peer;     /* the interactor */
	int peer_first;             /* the peer's stdout ended before the
				     * program's: it stopped talking first */
};

/* Run prog and peer at once, prog on worker s and peer on a second worker
 * that s opens on first use (its own uid, cgroups and box: neither side can
 * see, signal or measure the other; sbx_close and sbx_cancel cover it too).
 * Each one's stdout becomes the other's stdin through the judge, which
 * carries the bytes across (pipes enlarged to 1 MB where the host allows,
 * F_SETPIPE_SZ, and a 1 MB buffer each way), so stdin_path/stdin_data are
 * ignored and stdout is not kept; prog's output_kb still caps what it
 * writes (OLE). stderr is captured as in sbx_run, and each side has its own
 * limits, files and argv. Each side's result is decided as sbx_run decides
 * it: a side that waits on the other runs into its own wall limit, a side
 * whose reader is gone gets SIGPIPE on its next write (EPIPE with
 * ignore_sigpipe) and one whose writer is gone reads EOF, so neither can
 * block the judge. Being in the middle, the judge knows which side stopped
 * writing first (a side learns the other is gone only after the judge has
 * seen it go): peer_first. Deciding the pair's verdict from the two is the
 * caller's (the contract of the interactor says what its exit means).
 * 0 with both results filled, or -1 with err set when the sandbox failed.
 * Release both results with sbx_result_release. */
int sbx_run_pair(struct sbx *s, const struct sbx_spec *prog, const struct sbx_spec *peer,
		 struct sbx_pair *out);

/* Compile `source` (len bytes) with gcc or g++ in the compile sandbox.
 * argv is the fixed compiler command line, trusted, where the source file is
 * the argument "prog.EXT" ("prog.c" when no argument has that form: the box
 * file takes the name, so the extension chooses the language) and the output
 * "prog" (e.g. gcc -O2 -std=gnu17 -static -o prog prog.c -lm, g++ ... -o prog
 * prog.cpp); argv[0] without a '/' is looked up in /usr/bin.
 * On success (r->status == SBX_OK and exit 0) the binary is stored at
 * out_path (mode 0755, an atomic rename). r->err holds the diagnostics
 * with box paths stripped. A compiler that fails is SBX_RE with its exit
 * code; one stopped by a limit is TLE, MLE or OLE. limits may be NULL;
 * zero fields take the defaults: 10 s CPU (every compiler process), 20 s
 * wall, 512 MB, stack 64 MB, output files (fsize) 64 MB, 16 processes,
 * 64 KB of stdout and stderr kept. The compiler sees /usr, /dev/null, a
 * private /tmp and its box, nothing else. Returns -1 only when the
 * sandbox failed. */
int sbx_compile(struct sbx *s, const char *source, size_t len,
		const char *const *argv, const struct sbx_limits *limits,
		const char *out_path, struct sbx_result *r);

/* sbx_compile with the host folder pch_dir (absolute, no links on the way,
 * writable by nobody but the judge) bound read-only at /pch in the
 * compiler's root, for a precompiled header the judge built: put "-I/pch"
 * in argv and gcc takes /pch/bits/stdc++.h.gch for <bits/stdc++.h> when it
 * is valid for the command line (and the header itself otherwise).
 * pch_dir NULL is sbx_compile. out_path NULL: the binary is discarded (a
 * probe, -fsyntax-only). */
int sbx_compile_pch(struct sbx *s, const char *source, size_t len,
		    const char *const *argv, const struct sbx_limits *limits,
		    const char *pch_dir, const char *out_path, struct sbx_result *r);

/* ---- the host ------------------------------------------------------------
 * What this machine gives the sandbox, probed (not assumed): one row per
 * protection or measurement, for `judge doctor`. */
enum sbx_level { SBX_HOST_OK, SBX_HOST_WEAKER, SBX_HOST_MISSING };
#define SBX_HOST_ROWS 24
struct sbx_host_row {
	const char *name;           /* "user", "namespace: pid", "cgroup: memory", ... */
	enum sbx_level level;
	char what[256];             /* what is in force, or what is used instead */
	char fix[256];              /* the one thing to do about it ("" when ok) */
};
struct sbx_host {
	size_t n;
	struct sbx_host_row rows[SBX_HOST_ROWS];
	enum sbx_level worst;
	int can_run;                /* a worker compiled and ran a program */
};

/* Probe this host: namespaces, cgroups, seccomp, ia32 emulation, the
 * worker uid, a real compile and run in a worker (about a second), and
 * the timing noise: the relative spread of one CPU-bound program's CPU
 * time over 8 runs of about 100 ms (row "measure: noise", weaker above
 * 10 %; about another second).
 * Returns 0. */
int sbx_host_probe(struct sbx_host *h);
/* "ok", "weaker", "missing". */
const char *sbx_level_name(enum sbx_level l);
/* 1 when the kernel runs 32-bit system calls (int 0x80): the filter
 * then refuses them by name (SV "i386:NAME"); 0 when they fault (RE). */
int sbx_host_ia32(void);
/* 1 when not root on cgroup v2 in a cgroup not delegated to this user: a
 * systemd scope with Delegate=yes would give the sandbox its memory and
 * pids cgroup (the front end may re-run itself under systemd-run). */
int sbx_host_wants_scope(void);

/* Kill the program that worker s is running now, from any thread or from a
 * signal handler (async-signal-safe), to cancel it: the sbx_run in progress
 * then returns as usual with the run cut short (its status is not
 * meaningful). Compiles (sbx_compile) are not touched, so a killed compile
 * is never mistaken for a compile error. A call between two runs does
 * nothing, so a caller that must stop the worker calls it again until its
 * own cancel flag is seen by the thread that runs. Must not race with
 * sbx_close(s). Returns 0, or -1 when the box could not be reached (errno
 * set; err is left alone). */
int sbx_cancel(struct sbx *s);

/* "OK", "RE", "TLE", "MLE", "OLE", "SV". */
const char *sbx_status_name(enum sbx_status st);

#endif
