/* internal.h: what the files of sandbox/ share; not for use outside it. */
#ifndef SANDBOX_INTERNAL_H
#define SANDBOX_INTERNAL_H

#include <linux/filter.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/resource.h>
#include <sys/types.h>

enum policy_kind {
	POLICY_RUN,          /* a static program, one thread */
	POLICY_RUN_THREADS,  /* the same, plus clone(CLONE_THREAD) */
	POLICY_RUN_AS,       /* one thread, RLIMIT_AS standing in for a memory
				cgroup: no reservation larger than the limit */
};

/* Build the allow-list `kind` for memory limit mem (bytes, 0: none); with
 * writes, open and openat may also write and create files (a Kattis
 * validator's feedback folder: see sbx_spec.feedback). Export it as BPF into out (out->filter
 * is malloc'ed). Anything outside the list is SECCOMP_RET_USER_NOTIF for
 * the judge to report; a foreign architecture kills the process.
 * 0, or -1 with err set. */
int policy_build(enum policy_kind kind, unsigned long long mem, int writes,
		 struct sock_fprog *out);

/* An mmap or mremap larger than the memory limit: refused by the filter
 * and reported as MLE rather than SV. */
int policy_is_alloc(unsigned arch, int nr);
/* An mmap of a thread's stack (flags: its fourth argument): refused where
 * threads are not allowed, and reported as the clone it prepares. */
int policy_is_thread_stack(unsigned arch, int nr, unsigned long long flags);
/* An open, openat or creat that would write, create or truncate a file
 * (flags: the open flags the box read from its arguments): refused like
 * every write outside stdout and stderr, and explained as such. */
int policy_is_open_write(unsigned arch, int nr, unsigned long long flags);


/* The name of system call nr of audit architecture arch ("socket",
 * "i386:write", "x32:read"), or its number when unknown. */
void policy_syscall_name(unsigned arch, int nr, char *out, size_t size);

/* Where this judge process may make cgroups, found once (cgroup.c). */
struct cg_host {
	int version;                 /* 2, 1, or 0: no hierarchy */
	char base[300];              /* v2: the judge's subtree; v1: CG_ROOT; "" none */
	char own[300];               /* v2: the judge's own cgroup, as in /proc */
	int delegated;               /* v2: a subtree delegated to a normal user */
	int need_delegation;         /* v2: the own group is not writable */
	int mem, pids, cpu;          /* controllers the worker groups get */
	int have_peak, peak_reset;   /* memory.peak exists; can be reset */
	char why[300];               /* no usable group: what is missing */
};
/* The host's cgroups, found on first use (thread-safe); never NULL. */
const struct cg_host *cg_host(void);

/* A worker's groups: on v1 a memory, a pids and a cpuacct group under
 * CG_ROOT/<ctrl>/judge/; on v2 one leaf under the judge's subtree (its path
 * in mem). A missing controller is not an error: its *_ok is 0. */
struct cg {
	char mem[320], pids[256], cpu[256];
	int v2;
	int mem_ok, pids_ok, cpu_ok;
	int peak_ok;                  /* cg_peak is the run's own */
	int f_max, f_usage, f_oom, f_limit, f_memsw, f_pids, f_cpu;
	unsigned long long set_mem;   /* limits last written */
	unsigned set_pids;
	unsigned long long base;      /* usage when the peak was reset */
	long long cpu_base;           /* v2: usage_usec at cg_begin */
};

/* Create the cgroups called name. 0, or -1 with err set. */
int cg_open(struct cg *cg, const char *name);
/* Kill every task left in them and remove them. */
void cg_close(struct cg *cg);
/* Remove the cgroups called name (left by a judge that died). */
void cg_remove(const char *name);
/* Memory limit in bytes and pids.max (0: none); written only on change. */
int cg_limits(struct cg *cg, unsigned long long mem_bytes, unsigned pids);
/* Before a run: reset CPU and the peak; charges above floor + 1 MB left by
 * earlier runs are dropped first. */
int cg_begin(struct cg *cg, unsigned long long floor);
/* Current memory usage in bytes (0 unknown). */
unsigned long long cg_usage(struct cg *cg);
/* Peak memory since cg_begin, above the usage then, in bytes (0 unknown:
 * see peak_ok). */
unsigned long long cg_peak(struct cg *cg);
/* OOM kills so far (a counter), or -1 when unknown. */
long cg_oom_kills(struct cg *cg);
/* CPU nanoseconds of every task since cg_begin, or -1. */
long long cg_cpu_ns(struct cg *cg);
/* cgroup.procs of each controller, O_WRONLY, -1 when missing. */
int cg_join_fds(struct cg *cg, int fds[3]);
/* SIGKILL every task in the cgroups; how many were signalled. */
int cg_kill_all(struct cg *cg);

/* ---- the box process (box.c) ----
 * One per worker: PID 1 of its own PID namespace, in fresh mount, network,
 * IPC and UTS namespaces, inside the worker's cgroups, with an empty tmpfs
 * for a root. It forks one child per run and supervises it; the judge talks
 * to it over a SOCK_SEQPACKET socket. */

#define BOX_MAX_ARGS  64
#define BOX_MAX_FILES 8
#define BOX_MAX_RL    16
#define BOX_MAX_FILTER 1024
#define BOX_FD_SYNC   3     /* in the run child: its socket to the box */
#define BOX_FD_EXE    4     /* in the run child: the solution binary */

enum box_kill { K_NONE, K_CPU, K_WALL, K_OUTPUT, K_SYSCALL };

struct box_req {
	int kind;                   /* REQ_RUN or REQ_KILL */
	unsigned seq;               /* matches results (and kills) to runs */
	int nfiles;                 /* fds after the 4 fixed ones */
	int threads;                /* use the threads filter */
	int nrl;
	int rl_res[BOX_MAX_RL];
	struct rlimit rl[BOX_MAX_RL];
	long long cpu_limit_ns, wall_limit_ns;  /* 0: none */
	unsigned ncpu;              /* CPUs it can burn at once (>= 1) */
	int sigpipe_ign;            /* start with SIGPIPE ignored */
	int feedback;               /* a writable folder "feedback", write opens */
	char names[BOX_MAX_FILES][64];
	int argc;
	char args[2048];            /* argv, NUL-separated */
	unsigned filter_len;        /* the seccomp program, in instructions */
	struct sock_filter filter[BOX_MAX_FILTER];
};
enum { REQ_RUN = 1, REQ_KILL = 2 };

struct box_res {
	int kind;                   /* RES_* */
	unsigned seq;               /* the run's (RES_STARTED, RES_DONE) */
	int status;                 /* wait status */
	int killed;                 /* enum box_kill */
	int sys_nr;
	unsigned sys_arch;
	unsigned long long sys_arg; /* an allocation's size */
	unsigned long long sys_flags; /* an mmap's or an open's flags */
	int fail_step, fail_err;    /* set-up failure (-1: none) */
	long long cpu_ns, wall_ns;
	long maxrss_kb;
	long hwm_kb;                /* peak RSS: the program's, or at least the
				     * child's RSS at its exec (about 1.5 MB) */
	long bin_kb;                /* compile: binary copied out, KB + 1; 0: none */
	long stack_kb;              /* the program's stack (VmStk) when the box
				     * killed it for time; 0: not known */
	/* RES_STARTED: from the run child to the box, the run's clock */
	long long start_ns, cpu_limit_ns, wall_limit_ns;
	unsigned ncpu;
};
enum { RES_READY = 1, RES_DONE, RES_FAIL, RES_STARTED, RES_LISTENER, RES_FEEDBACK };

/* RES_FEEDBACK: one file of a run's feedback folder (which: 0
 * judgemessage.txt, 1 teammessage.txt), sent by the box before RES_DONE;
 * the message is as long as the header and len bytes. */
#define BOX_FB_MAX 16384
struct box_fb {
	int kind;
	unsigned seq;
	int which;
	unsigned len;
	char data[BOX_FB_MAX];
};

/* Child set-up steps, for messages. */
enum { STEP_PDEATH, STEP_CGROUP, STEP_FDS, STEP_CHROOT, STEP_CHDIR,
       STEP_RLIMIT, STEP_IDS, STEP_NNP, STEP_SECCOMP, STEP_GO, STEP_EXEC,
       STEP_NS, STEP_MOUNT, STEP_BOX, STEP_FORK, STEP_COUNT };
extern const char *const box_step_name[STEP_COUNT];

struct box_conf {
	uid_t uid;
	gid_t gid;
	int drop;                    /* change to uid/gid (root) */
	int userns;                  /* not root: a user namespace */
	const char *mnt;             /* host directory to build the root on */
	int cg_fds[3];               /* cgroup.procs to join, or -1 */
};

struct box {
	pid_t pid;                   /* the waiter between judge and box */
	int ctl;                     /* results and kill requests */
	int job;                     /* jobs, read by the waiting run child */
	unsigned seq;                /* the last job's number */
};

/* Drop every capability for good (bounding set, securebits, capset):
 * for a process that stays uid 0 of a user namespace. 0 or -1. */
int box_drop_caps(void);
/* Map uid and gid (of the parent namespace) to 0 in a new user
 * namespace, setgroups denied. 0 or -1. */
int box_map_ids(uid_t uid, gid_t gid);

/* In a child that failed to set itself up: report the step and errno as
 * one RES_FAIL record on fd (a socket or a pipe), and _exit(127). */
__attribute__((noreturn)) void box_fail(int fd, int step);

/* Start the box process. 0, or -1 with err set. */
int box_start(struct box *b, const struct box_conf *conf);
/* Stop it (close the socket, kill, reap). */
void box_stop(struct box *b);

/* Send/receive one message with up to nfds descriptors. */
int box_send(int sock, const void *msg, size_t len, const int *fds, int nfds);
ssize_t box_recv(int sock, void *msg, size_t len, int *fds, int *nfds);

/* The box's view of one run child. */
struct watch {
	pid_t pid;
	int pidfd, sync, listener, ctl;
	clockid_t cpuclock;
	long long cpu_limit_ns, wall_limit_ns;
	unsigned ncpu;
	int killed, sys_nr, started;
	unsigned sys_arch, seq;
	unsigned long long sys_arg, sys_flags;
	int fail_step, fail_err;
	long long start_ns, end_ns, cpu_ns;
	long stack_kb;               /* VmStk when killed for time; 0: unknown */
};

long long box_now_ns(void);

/* The stack limit a run gets (KB): stack_kb, but below the memory limit by
 * a margin (an eighth, at least 4 MB; half for tiny limits) so that a
 * recursion meets RLIMIT_STACK (SIGSEGV, recognised as a stack overflow)
 * before the memory cgroup (an OOM kill, MLE): the same verdict every
 * time instead of whichever came first. */
unsigned long box_stack_kb(unsigned long stack_kb, unsigned long memory_kb);

/* ---- the compile sandbox (compile.c) ---- */
struct sbx_limits;
struct sbx_result;
struct compile_job {
	uid_t uid;
	gid_t gid;
	int userns;                  /* not root: a user namespace, uid 0 in it */
	const char *dir;             /* the worker's host directory */
	struct cg *cg;               /* the worker's compile cgroups */
	const struct sbx_limits *L;  /* complete: no zero defaults left */
	const char *source;
	size_t len;
	const char *const *argv;
	const char *out_path;
	const char *pch_dir;         /* host folder bound read-only at /pch, or NULL */
};
/* The stdout and stderr pipes of a run or a compile, read as they fill:
 * stdout up to its buffer's cap (ole set when the cap cut it), stderr up to
 * its cap, the rest read and dropped. A pipe is closed and set to -1 at its
 * end. */
struct buf;
struct box_pipes {
	int out, err;
	struct buf *bout, *berr;
	int ole;
};
#define BOX_PIPES_EXTRA 4
/* Wait up to wait_ms (-1: no limit) for the pipes or the extra descriptors
 * (at most BOX_PIPES_EXTRA; negative ones are skipped); read what the pipes
 * hold, and set bit i of *ready (when not NULL) for each readable extra[i].
 * poll's count: 0 on a time-out, -1 on an error or a signal. */
int box_pipes_poll(struct box_pipes *p, const int *extra, int nextra, int wait_ms,
		   unsigned *ready);

/* What a memory cgroup told of a run: its peak (bytes; valid when
 * peak_ok), whether the OOM killer acted, and whether a memory cgroup
 * limited it at all. */
struct cg_mem {
	unsigned long long peak;
	int peak_ok, oom, limited;
};
/* Turn how a run ended (x), its memory figures and output cap into r: the
 * one place that decides a verdict, first match wins: a thread's stack
 * where threads are not allowed (SV clone); an allocation over the limit
 * (MLE); another forbidden call (SV); output over its cap (OLE); an OOM
 * kill, or without a memory cgroup a failure within 1/64 of the limit
 * (MLE); a stack overflow (RE: sandbox.c, "Stack"; after the MLE rule, so
 * a heap at the limit whose program then crashes stays MLE); killed for time with the peak within 1/32 of the limit (MLE); the
 * CPU limit (TLE); the wall limit (TLE, tle_wall); a signal (RE); a
 * non-zero exit (RE). */
void sbx_classify(const struct sbx_limits *L, const struct box_res *x,
		     const struct cg_mem *m, int ole, struct sbx_result *r);
/* The memory figures of the run that started at the last cg_begin. */
void cg_mem_of(struct cg *cg, long oom_before, struct cg_mem *m);

/* Compile; r filled (status and diagnostics). 0, or -1 with err set. */
int cc_run(const struct compile_job *j, struct sbx_result *r);

#endif
