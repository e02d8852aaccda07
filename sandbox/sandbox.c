/* sandbox.c: run a hostile program (or gcc on hostile source) under exact
 * limits, and say how it ended. The public API; box.c holds the box
 * process, compile.c the compiler's sandbox, policy.c the seccomp rules,
 * cgroup.c the cgroups.
 *
 * Theory of operation
 * ===================
 *
 * Process tree (as root; one per worker, made once by sbx_open):
 *
 *   judge thread ─ctl/job sockets─ waiter W ── box B (PID 1) ── run child R
 *
 *   W is forked by the judge, joins the worker's run cgroups (memory, pids,
 *   cpuacct), unshares mount, PID, network, IPC and UTS namespaces (the
 *   host and domain names become "box", so uname() tells nothing), forks B
 *   and waits. B is PID 1 of the new PID namespace (so the program is never
 *   PID 1 and its own signals keep their meaning): it pivots into an empty
 *   read-only tmpfs whose only content is /box (a small noexec tmpfs), and
 *   then serves runs, one at a time. For each, B makes a fresh /box/run
 *   (0700, the worker's uid) and starts R ahead of the job with
 *   clone(CLONE_VM | CLONE_VFORK): R shares B's memory until it execs, so
 *   nothing is copied or torn down and no page of R's is charged before
 *   the exec. R takes the job and the judge's descriptors straight from the
 *   job socket (the judge's request wakes R, not B), binds the extra files
 *   read-only into the box, sets itself up and execs; B then supervises it,
 *   reaps it, kills and reaps anything left in the namespace (kill(-1)
 *   from init) and answers on the ctl socket; the box directory and its
 *   mounts are removed before the next R starts. Namespaces and cgroup
 *   membership are set up once per worker: a run costs a clone and an
 *   exec, not a migration between cgroups (about 1 ms) or new namespaces.
 *
 *   Dying with the judge: W, B and R each have PR_SET_PDEATHSIG(SIGKILL)
 *   on their parent, and when B (PID 1) dies the kernel kills the whole PID
 *   namespace; B and a waiting R also quit when the judge's end of the
 *   sockets closes. The parent-death signal follows the judge THREAD that
 *   called sbx_open: a worker must be used from a thread that outlives it
 *   (or the process's main thread). W starts a process group of its own
 *   (so does the compiler's waiter) with the default signal actions: a
 *   terminal's Ctrl-C reaches the judge alone, which decides what it means
 *   (the front end cancels a run with sbx_cancel).
 *
 *   R sets itself up with plain system calls, in this order:
 *     the job: limits, argv, filter, fds; the extra files bound (read-only,
 *       noexec, made by the judge with open_tree/mount_setattr) in the box
 *     fds 0 1 2 = stdin (a regular file, a sealed memfd or /dev/null),
 *       the stdout and stderr pipes; 3 = its socket to B, 4 = the binary,
 *       both close-on-exec; every other descriptor closed
 *     chroot("/box/run"): the box is the root and the working directory
 *     rlimits, soft = hard
 *     setgroups(0), setresgid, setresuid: the worker's own uid and gid
 *     PR_SET_NO_NEW_PRIVS
 *     the seccomp filter, with a listener that R sends to B over fd 3
 *     execveat(4, "", AT_EMPTY_PATH): the solution runs from a descriptor,
 *       so the box never holds an executable
 *
 * Worker identity: uid = gid = JUDGE_SANDBOX_UID_BASE (60000) + index,
 * skipping ids that name a real user or group and ids another judge process
 * holds (a flock on /tmp/judge-box/uid-N.lock); JUDGE_SANDBOX_UID_COUNT
 * (64) is the range. Parallel workers have distinct uids, cgroups, boxes
 * and namespaces.
 *
 * Limits, where and why:
 *   CPU (ms): B reads R's process CPU clock (all threads) and sleeps no
 *     longer than the CPU time left divided by the CPUs R can use, so it
 *     wakes before the limit can pass and kills within a wake-up of it.
 *     RLIMIT_CPU (limit + 2 s) is only a backstop.
 *   Wall (ms, default 2 * CPU + 1 s): the same loop on CLOCK_MONOTONIC.
 *   Memory: the worker's memory cgroup, limit = memsw limit = memory_kb
 *     above what W and B hold. cgroup.c hides the hierarchy: on v2 the
 *     worker has one leaf group (memory.max, memory.swap.max = 0,
 *     memory.events, pids.max, cpu.stat) where v1 has three; the same
 *     process tree lives in it, so every rule below holds on both. An OOM kill (memory.oom_control's oom_kill
 *     counter) is MLE. The peak is the larger of two figures:
 *     - memory.max_usage_in_bytes, reset before the run, minus the usage
 *       then (so neither the judge nor B counts; R has no pre-exec pages of
 *       its own). Charges are made in per-CPU batches of up to 64 pages, so
 *       this is exact to 256 KB: a tiny program can read as 0.
 *     - R's ru_maxrss, which Linux takes as the larger of the program's
 *       peak RSS and R's RSS at its exec: that of the memory R shares with
 *       B until then, at most B's own peak (getrusage before the clone).
 *       Above B's peak (+ 256 KB) it is the program's peak RSS. Below, it
 *       is an upper bound, used while B's peak is small (about 1.5 MB
 *       normally; a judge built with sanitizers makes B's 100 MB and more,
 *       and then only the cgroup figure counts). Making B's RSS smaller
 *       (dropping its code pages just before the exec) was tried: B
 *       faulting them back costs more than the whole sandbox (ratio 1.05
 *       -> 1.29); not done.
 *     So the peak is exact above B's peak, never 0 in a normal build, and
 *     at most about 1.5 MB for the smallest programs. On v2 the first
 *     figure is memory.peak, reset through its descriptor before each run;
 *     before Linux 6.12 it cannot be reset (a worker's group would show
 *     its lifetime peak), so there the peak is R's ru_maxrss alone: the
 *     same above B's peak, less kernel memory (page tables, pipes). A
 *     group per run would make it exact there too, at the price of a
 *     migration per run (the box forks R inside the worker's group).
 *     Reading the peak RSS at exit_group instead (a seccomp notification)
 *     would be exact for every program but costs two context switches per
 *     run (ratio 1.06 -> 1.19 measured); not done.
 *     The OOM killer picks the task of the group with the largest RSS:
 *     the program, unless its memory is kernel memory no process shows
 *     (pipe buffers): then it may pick B (W and B cannot be protected with
 *     oom_score_adj: no CAP_SYS_RESOURCE here, and R shares B's score
 *     until its exec; raising R's costs a walk over every process). B's
 *     death takes the namespace and the program with it; with the OOM
 *     counter up the run is MLE, and the next run starts a new box.
 *     Page cache charged by earlier runs is dropped (force_empty on v1,
 *     memory.reclaim on v2) when it exceeds 16 MB. A binary whose loadable
 *     image (code, data and bss: static arrays) is larger than the limit is MLE without being run. An
 *     mmap or mremap of more than the limit (not PROT_NONE reservations,
 *     but for one-thread programs where RLIMIT_AS stands in) is refused by
 *     the filter and reported as MLE: a failed allocation. Without
 *     a memory cgroup (see cgroup.c for when there is none):
 *     RLIMIT_AS = limit, and a run that failed with its peak RSS within 1/64
 *     of the limit, or 2 MB when that is more, is MLE (malloc fails before
 *     RSS reaches the limit: by the size of the failed request, 1 MB for a
 *     program growing by 1 MB chunks, plus the address space a static
 *     program holds and never touches, about 250 KB: a heuristic).
 *   Stack: RLIMIT_STACK = stack_kb (default memory_kb), but at most the
 *     memory limit less an eighth (at least 4 MB): an unbounded recursion
 *     then always meets the stack limit first and dies of SIGSEGV, instead
 *     of racing the memory cgroup (MLE one run, RE the next). Such a death
 *     with the peak at 3/4 of the stack limit or more is RE "stack
 *     overflow". A recursion still on its way when its time runs out (page
 *     faults are slow on a loaded or emulated host) is told by its stack:
 *     the box reads the program's VmStk before killing it for time, and
 *     with a stack of 16 MB or more, a quarter of the stack limit or more,
 *     holding three quarters of its memory or more, the run is RE "stack
 *     overflow" too, not TLE one run and RE the next: the same program
 *     gets one verdict whatever the machine's speed and the stack limit.
 *   Output: the judge reads stdout into a buffer capped at output_kb; one
 *     byte more is OLE and the run is killed. stderr is kept up to stderr_kb,
 *     the rest read and dropped. RLIMIT_FSIZE = fsize_kb (SIGXFSZ is OLE).
 *   Processes: the filter allows no new process; threads only when procs >
 *     1 (clone with CLONE_THREAD), counted by pids.max (procs + W + B) and
 *     RLIMIT_NPROC (per uid, the uid being the worker's alone).
 *   Also RLIMIT_CORE 0, MEMLOCK 0, MSGQUEUE 0, NICE 0, RTPRIO 0, NOFILE 64.
 *
 * Seccomp (policy.c): an allow-list of what a static glibc program needs:
 *   the threat model's list (arch_prctl, set_tid_address, set_robust_list,
 *   rseq, prlimit64 reading only, brk, mmap family, readlink, getrandom,
 *   fstat/newfstatat, ioctl TCGETS only, read, write, lseek, exit_group,
 *   rt_sigprocmask, getpid, gettid, tgkill; the exec is execveat, execve
 *   itself is not allowed), plus rt_sigaction/rt_sigreturn, clocks,
 *   sleeping and waiting (pause, sigsuspend, alarm, itimers: the wall limit
 *   catches sleepers), futex, sysinfo (qsort asks), uname, poll/select,
 *   getdents64 (its own box), and open/openat for reading only: no
 *   O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_TMPFILE. kill only pid
 *   0 (its own group). clone3 returns ENOSYS. Everything else (sockets,
 *   io_uring, openat2, ptrace, fork, execve, memfd, mount, bpf, ...) hits
 *   the default action SECCOMP_RET_USER_NOTIF: the call blocks, B reads its
 *   number from the listener and kills the run, so an SV result names the
 *   call. This is "kill the process" with a name: the call never returns
 *   (were B gone, its PID namespace, the program included, is gone too). The i386 (int 0x80) and x32 tables are
 *   in the filter with nothing allowed (reported as "i386:NAME"); any other
 *   architecture kills the process. SIGABRT from assert/abort stays RE.
 *   Execve once: execveat must stay allowed for the exec that starts the
 *   solution, and a filter cannot be removed and compares pointers, not
 *   strings. The guarantee is instead that nothing executable is reachable:
 *   R's root is its box, on noexec mounts, holding no binary; the program
 *   can create no file and no memfd. sendmsg is allowed on fd 3 only: R
 *   needs it to hand over the listener after installing the filter, and
 *   the program cannot make fd 3 a socket again (no socket calls).
 *
 * Compile (compile.c): per compile (gcc costs far more than namespaces), a
 * waiter joins the worker's compile cgroups and unshares the same
 * namespaces; its child (PID 1) builds a root of read-only binds of /usr
 * (plus the /bin, /lib, /lib64, /sbin links), /etc/ld.so.cache and
 * /dev/null, a tmpfs /tmp and a tmpfs box owned by the worker uid (and,
 * with sbx_compile_pch, the judge's precompiled-header folder as a
 * read-only, noexec bind at /pch: a file the judge built from a system
 * header, nothing a submission wrote), copies
 * the source in from a memfd and runs gcc as the worker uid with a fixed
 * argv and environment, stdin /dev/null; then it copies the binary (a
 * regular file, no link, at most fsize_kb) out to a descriptor of the
 * judge's, which renames it into place. Nothing of a compile exists
 * outside its namespace, so nothing outlives it. No test data, database,
 * /etc/passwd, /proc or device other than /dev/null is visible. CPU is every compiler process's (the cpuacct cgroup), memory
 * is the compile cgroup's, RLIMIT_FSIZE bounds output files; on a limit
 * the namespace is killed through its init. Diagnostics are captured up to
 * stderr_kb with the box path stripped.
 *
 * Interactive pairs (sbx_run_pair): the program and the interactor run in
 * two workers, each as above (the second worker, opened by the first on
 * first use, has its own uid, cgroups and box: neither side can signal,
 * trace or measure the other, and each one's peak memory and CPU are its
 * own). Both are started, then one loop (run_wait) waits on both boxes and
 * carries the bytes: each side's stdout is a pipe to the judge and its
 * stdin a pipe from the judge, 1 MB each where F_SETPIPE_SZ allows, with a
 * 1 MB buffer each way. Relaying costs two more wake-ups per message; what
 * it buys is the order of the ends without a race: a side sees EOF (or
 * SIGPIPE) from the other only after the judge has seen the other's stdout
 * end. Comparing the two boxes' reaping times was tried first: a program
 * that crashed and the interactor that read its EOF were ordered wrongly
 * about half of the time. A side that stops reading fills its pipe and the
 * buffer, then the writer waits, within its own wall limit; nothing waits
 * on the judge.
 *
 * Feedback folders (sbx_spec.feedback, a Kattis validator's): the run
 * child makes an empty folder "feedback" (owned by the worker uid) in the
 * box before the chroot, and the run gets the filter variant that allows
 * open/openat to write and create (files only: mkdir, link, rename and
 * unlink stay forbidden, so the program can make nothing but regular files
 * in its own box, 256 KB and 64 inodes in all, gone before the next run).
 * After the run the box reads feedback/judgemessage.txt, teammessage.txt
 * and output (a testlib interactor's output file; no link followed) and
 * sends them ahead of the result, in messages of BOX_FB_MAX bytes.
 *
 * Not as root: W unshares a user namespace too (its own uid mapped to 0),
 * so the mounts, the PID namespace and the rest work the same; the run
 * child and the compiler stay uid 0 of that namespace but drop every
 * capability (bounding set, securebits locked, capset) before the exec.
 * On cgroup v2 a cgroup delegated to the user (systemd's Delegate=yes)
 * gives the workers their memory and pids groups as root has them (see
 * cgroup.c); the front end re-runs itself in such a systemd scope when it
 * can (judge/scope.c). What is lost is listed by sbx_missing() and, with
 * the fix for each, by sbx_host_probe() (`judge doctor`): no uid of the
 * worker's own, box files copied instead of bound, and without a delegated
 * cgroup no memory or pids group (RLIMIT_AS and its heuristic instead).
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/mount.h>
#include <malloc.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/internal.h"
#include "sandbox/sandbox.h"

/* Where workers keep their folders: root's, or one per user. */
#define BOX_ROOT_MAX 64
static void box_root(char out[BOX_ROOT_MAX])
{
	if (geteuid() == 0)
		snprintf(out, BOX_ROOT_MAX, "/tmp/judge-box");
	else
		snprintf(out, BOX_ROOT_MAX, "/tmp/judge-box-%u", (unsigned)geteuid());
}
/* The compile sandbox's limits where the caller gives none (sandbox.h). */
#define CC_CPU_MS    10000
#define CC_WALL_MS   20000
#define CC_MEMORY_KB (512 * 1024)
#define CC_STACK_KB  (64 * 1024)
#define CC_OUTPUT_KB 64
#define CC_STDERR_KB 64
#define CC_FSIZE_KB  (64 * 1024)
#define CC_PROCS     16

#define UID_BASE_DEFAULT 60000
#define UID_COUNT_DEFAULT 64

struct sbx {
	int index;
	uid_t uid;
	gid_t gid;
	int root;                    /* running as root */
	int userns;                  /* not root: a user namespace instead */
	int lock_fd;                 /* flock held on the uid's lock file */
	int dir_fd;                  /* flock held on dir: "in use" */
	char dir[200];               /* <box root>/w<index>-<pid> */
	struct filters {             /* the seccomp programs for one limit */
		unsigned long long mem;
		struct sock_fprog prog[3];   /* POLICY_RUN, POLICY_RUN_THREADS, and
					      * POLICY_RUN with writes (made on
					      * first use) */
		unsigned long used;
	} filt[4];                   /* solution and checker limits alternate */
	unsigned long uses;
	unsigned ncpu;               /* CPUs online */
	struct cg cg;                /* runs: the box process lives here */
	struct cg cgc;               /* compiles */
	struct box box;
	unsigned long long floor;    /* the box process's own memory */
	struct sbx *peer;            /* an interactive pair's second worker */
};

/* The peer worker's index: apart from every worker a caller opens. */
#define SBX_PEER_INDEX 1000
/* The pipes between an interactive pair (F_SETPIPE_SZ, halved until the
 * host allows it). */
#define PAIR_PIPE_BYTES (1 << 20)

static unsigned long env_ulong(const char *name, unsigned long def)
{
	const char *v = getenv(name);
	char *end;
	unsigned long x;

	if (!v || !*v)
		return def;
	x = strtoul(v, &end, 10);
	return *end ? def : x;
}

/* Claim a uid no real user owns and no other judge process holds. */
static int claim_uid(struct sbx *s)
{
	unsigned long base = env_ulong("JUDGE_SANDBOX_UID_BASE", UID_BASE_DEFAULT);
	unsigned long count = env_ulong("JUDGE_SANDBOX_UID_COUNT", UID_COUNT_DEFAULT);
	unsigned long k;
	char path[320], base_dir[BOX_ROOT_MAX];

	if (count == 0 || base + count > 4000000000UL)
		return err_set("bad JUDGE_SANDBOX_UID_BASE/JUDGE_SANDBOX_UID_COUNT");
	for (k = 0; k < count; k++) {
		uid_t uid = (uid_t)(base + ((unsigned long)s->index + k) % count);
		int fd;

		if (getpwuid(uid) || getgrgid((gid_t)uid))
			continue;
		box_root(base_dir);
		snprintf(path, sizeof path, "%s/uid-%u.lock", base_dir, (unsigned)uid);
		fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0)
			return err_errno("cannot open '%s'", path);
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			s->uid = uid;
			s->gid = (gid_t)uid;
			s->lock_fd = fd;
			return 0;
		}
		close(fd);
	}
	return err_set("no free sandbox uid in %lu..%lu (set JUDGE_SANDBOX_UID_BASE)",
		       base, base + count - 1);
}

/* The box root must be our own real directory, not a planted link. */
static int check_box_root(void)
{
	char root[BOX_ROOT_MAX];
	struct stat st;

	box_root(root);
	if (mkdir(root, 0711) < 0 && errno != EEXIST)
		return err_errno("cannot create '%s'", root);
	if (lstat(root, &st) < 0)
		return err_errno("cannot stat '%s'", root);
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 022))
		return err_set("'%s' is not a private directory of the judge's user; "
			       "remove it", root);
	return 0;
}

/* A file the judge opens on behalf of a run: no links, regular only. */
static int open_regular(const char *path, const char *what)
{
	struct stat st;
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);

	if (fd < 0)
		return err_errno("cannot open %s '%s'", what, path);
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return err_set("%s '%s' is not a regular file", what, path);
	}
	fcntl(fd, F_SETFL, 0);
	return fd;
}

/* The span of an ELF executable's loadable segments: what exec maps
 * before the first instruction, static arrays included. 0 if unknown. */
static unsigned long long image_size(int fd)
{
	Elf64_Ehdr eh;
	Elf64_Phdr ph;
	unsigned long long lo = ~0ULL, hi = 0;
	int i;

	if (pread(fd, &eh, sizeof eh, 0) != sizeof eh ||
	    memcmp(eh.e_ident, ELFMAG, SELFMAG) || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
	    eh.e_phentsize != sizeof ph || eh.e_phnum > 256)
		return 0;
	for (i = 0; i < eh.e_phnum; i++) {
		if (pread(fd, &ph, sizeof ph, (off_t)(eh.e_phoff + i * sizeof ph)) != sizeof ph)
			return 0;
		if (ph.p_type != PT_LOAD)
			continue;
		if (ph.p_vaddr < lo)
			lo = ph.p_vaddr;
		if (ph.p_vaddr + ph.p_memsz > hi)
			hi = ph.p_vaddr + ph.p_memsz;
	}
	return hi > lo ? hi - lo : 0;
}

static int stdin_fd(const struct sbx_spec *spec)
{
	int fd;

	if (spec->stdin_path)
		return open_regular(spec->stdin_path, "input");
	if (!spec->stdin_data) {
		fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		return fd < 0 ? err_errno("cannot open /dev/null") : fd;
	}
	fd = memfd_create("sbx-stdin", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return err_errno("cannot create the input file");
	for (size_t off = 0; off < spec->stdin_len;) {
		ssize_t n = write(fd, spec->stdin_data + off, spec->stdin_len - off);

		if (n <= 0) {
			close(fd);
			return err_errno("cannot write the input file");
		}
		off += (size_t)n;
	}
	/* The program gets a descriptor it cannot change the input through. */
	fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
	lseek(fd, 0, SEEK_SET);
	return fd;
}

static int valid_name(const char *n)
{
	return n && *n && !strchr(n, '/') && strcmp(n, ".") && strcmp(n, "..") &&
		strlen(n) < 64;
}

/* ---- worker set-up ------------------------------------------------------ */

/* Remove what judges that died without sbx_close left behind: worker
 * folders that no live worker holds a lock on, and their cgroups. */
static void sweep(void)
{
	char root[BOX_ROOT_MAX], path[400], name[300];
	struct dirent *e;
	DIR *d;

	box_root(root);
	d = opendir(root);
	if (!d)
		return;
	while ((e = readdir(d))) {
		const char *dash;
		int fd;

		if (strlen(e->d_name) > 200)
			continue;
		/* a folder still being made (see make_dir) is not locked yet:
		 * only its maker's death lets it go */
		if (e->d_name[0] == 't' && (dash = strchr(e->d_name, '-')) &&
		    kill((pid_t)atol(dash + 1), 0) < 0 && errno == ESRCH) {
			snprintf(path, sizeof path, "%s/%s", root, e->d_name);
			util_rmtree(path);
			continue;
		}
		if (e->d_name[0] != 'w')
			continue;
		fd = openat(dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
			    O_CLOEXEC);
		if (fd < 0)
			continue;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			snprintf(path, sizeof path, "%s/%s", root, e->d_name);
			util_rmtree(path);
			cg_remove(e->d_name);
			snprintf(name, sizeof name, "%s-cc", e->d_name);
			cg_remove(name);
		}
		close(fd);
	}
	closedir(d);
}

/* The worker's folder <box root>/w<index>-<pid>, locked while in use. It is
 * made and locked under another name first, so that a sweep by another
 * judge never sees it unlocked. */
static int make_dir(struct sbx *s)
{
	char tmp[200], root[BOX_ROOT_MAX];

	box_root(root);
	snprintf(s->dir, sizeof s->dir, "%s/w%d-%ld", root, s->index, (long)getpid());
	snprintf(tmp, sizeof tmp, "%s/t%d-%ld", root, s->index, (long)getpid());
	util_rmtree(tmp);
	util_rmtree(s->dir);
	if (mkdir(tmp, 0711) < 0)
		return err_errno("cannot create '%s'", tmp);
	s->dir_fd = open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (s->dir_fd < 0 || flock(s->dir_fd, LOCK_EX) < 0 || rename(tmp, s->dir) < 0) {
		err_errno("cannot set up '%s'", s->dir);
		rmdir(tmp);
		s->dir[0] = 0;
		return -1;
	}
	return 0;
}

static int box_up(struct sbx *s)
{
	struct box_conf conf;
	int rc;

	/* The box inherits the judge's resident memory, and a run child's
	 * peak RSS starts from the box's (see Memory above): give the heap
	 * that a catalogue sync or a grading freed back first, or a small
	 * program's peak is lost under the judge's. */
	malloc_trim(0);
	memset(&conf, 0, sizeof conf);
	conf.uid = s->uid;
	conf.gid = s->gid;
	conf.drop = s->root;
	conf.userns = s->userns;
	conf.mnt = s->dir;
	/* No process limit while the box starts: a killed box's processes
	 * may still be counted until their reaper gets to them. */
	if (cg_limits(&s->cg, s->cg.set_mem, 0) < 0 || cg_join_fds(&s->cg, conf.cg_fds) < 0)
		return -1;
	rc = box_start(&s->box, &conf);
	for (int i = 0; i < 3; i++)
		if (conf.cg_fds[i] >= 0)
			close(conf.cg_fds[i]);
	if (rc < 0)
		return -1;
	s->floor = cg_usage(&s->cg);
	return 0;
}

struct sbx *sbx_open(int index)
{
	struct sbx *s = xcalloc(1, sizeof *s);
	char name[64];

	s->index = index;
	s->lock_fd = -1;
	s->dir_fd = -1;
	s->box.pid = -1;
	s->box.ctl = -1;
	s->cg.f_max = s->cgc.f_max = -1;
	s->root = geteuid() == 0;
	s->ncpu = sysconf(_SC_NPROCESSORS_ONLN) > 0 ? (unsigned)sysconf(_SC_NPROCESSORS_ONLN) : 1;
	if (index < 0) {
		err_set("bad worker index %d", index);
		goto fail;
	}
	if (check_box_root() < 0)
		goto fail;
	sweep();
	if (s->root) {
		if (claim_uid(s) < 0)
			goto fail;
	} else {
		/* Not root: the same namespaces inside a user namespace where
		 * the program is uid 0 without any capability. */
		s->userns = 1;
		s->uid = getuid();
		s->gid = getgid();
	}
	if (make_dir(s) < 0)
		goto fail;
	snprintf(name, sizeof name, "w%d-%ld", index, (long)getpid());
	if (cg_open(&s->cg, name) < 0)
		goto fail;
	snprintf(name, sizeof name, "w%d-%ld-cc", index, (long)getpid());
	if (cg_open(&s->cgc, name) < 0)
		goto fail;
	if (box_up(s) < 0)
		goto fail;
	return s;
fail:
	err_prefix("sandbox worker %d", index);
	sbx_close(s);
	return NULL;
}

void sbx_close(struct sbx *s)
{
	if (!s)
		return;
	sbx_close(s->peer);
	box_stop(&s->box);
	if (s->cg.f_max >= 0 || s->cg.mem_ok || s->cg.pids_ok || s->cg.cpu_ok)
		cg_close(&s->cg);
	if (s->cgc.f_max >= 0 || s->cgc.mem_ok || s->cgc.pids_ok || s->cgc.cpu_ok)
		cg_close(&s->cgc);
	if (s->dir[0])
		util_rmtree(s->dir);
	if (s->dir_fd >= 0)
		close(s->dir_fd);
	for (int i = 0; i < 4; i++) {
		free(s->filt[i].prog[0].filter);
		free(s->filt[i].prog[1].filter);
		free(s->filt[i].prog[2].filter);
	}
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	free(s);
}

uid_t sbx_uid(const struct sbx *s)
{
	return s->uid;
}

const char *sbx_missing(const struct sbx *s)
{
	static __thread char why[600];
	const struct cg_host *h = cg_host();
	size_t n = 0;

	if (!s->userns && s->cg.mem_ok)
		return NULL;
	why[0] = 0;
	if (s->userns)
		n += (size_t)snprintf(why + n, sizeof why - n, "programs run as your own uid "
				      "(a user namespace, no capabilities), not a worker's; ");
	if (!s->cg.mem_ok && n < sizeof why)
		n += (size_t)snprintf(why + n, sizeof why - n, "no memory or pids cgroup (%s): "
				      "RLIMIT_AS stands in, and the peak is the peak RSS; ",
				      h->why[0] ? h->why : "none usable");
	if (n < sizeof why)
		snprintf(why + n, sizeof why - n, "run 'judge doctor' for what to do");
	return why;
}

void sbx_result_release(struct sbx_result *r)
{
	buf_release(&r->out);
	buf_release(&r->err);
	buf_release(&r->fb_judge);
	buf_release(&r->fb_team);
	buf_release(&r->fb_output);
}

const char *sbx_status_name(enum sbx_status st)
{
	static const char *const names[] = { "OK", "RE", "TLE", "MLE", "OLE", "SV" };

	return (unsigned)st < sizeof names / sizeof names[0] ? names[st] : "?";
}

static void result_reset(struct sbx_result *r, const struct sbx_limits *L)
{
	buf_release(&r->out);
	buf_release(&r->err);
	buf_release(&r->fb_judge);
	buf_release(&r->fb_team);
	buf_release(&r->fb_output);
	buf_init(&r->out, L->output_kb * 1024);
	buf_init(&r->err, L->stderr_kb * 1024);
	buf_init(&r->fb_judge, L->stderr_kb * 1024);
	buf_init(&r->fb_team, L->stderr_kb * 1024);
	buf_init(&r->fb_output, SBX_FB_OUTPUT_KB * 1024);
	r->status = SBX_OK;
	r->exit_code = -1;
	r->signal = r->tle_wall = 0;
	r->cpu_ms = r->wall_ms = 0;
	r->cpu_us = 0;
	r->memory_kb = 0;
	r->syscall[0] = r->message[0] = 0;
	r->alloc_bytes = 0;
	r->stack_overflow = 0;
	r->stack_kb = r->stack_used_kb = 0;
	r->open_write = 0;
}

/* Read what one pipe holds into b (kept up to its cap, the rest dropped);
 * at EOF close it and set *fd = -1. Returns 1 when the cap cut it. */
static int pump_one(int *fd, struct buf *b)
{
	char chunk[65536];
	ssize_t n = read(*fd, chunk, sizeof chunk);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return 0;
	if (n <= 0) {
		close(*fd);
		*fd = -1;
		return 0;
	}
	return buf_add(b, chunk, (size_t)n) < 0;
}

int box_pipes_poll(struct box_pipes *p, const int *extra, int nextra, int wait_ms,
		   unsigned *ready)
{
	struct pollfd f[2 + BOX_PIPES_EXTRA];
	int i, n = 0, k, i_out = -1, i_err = -1;

	if (ready)
		*ready = 0;
	if (p->out >= 0) { i_out = n; f[n].fd = p->out; f[n++].events = POLLIN; }
	if (p->err >= 0) { i_err = n; f[n].fd = p->err; f[n++].events = POLLIN; }
	for (i = 0; i < nextra && i < BOX_PIPES_EXTRA; i++) {
		f[n].fd = extra[i];          /* a negative one is ignored by poll */
		f[n].events = POLLIN;
		f[n++].revents = 0;
	}
	k = poll(f, (nfds_t)n, wait_ms);
	if (k <= 0)
		return k;
	if (i_out >= 0 && f[i_out].revents && pump_one(&p->out, p->bout))
		p->ole = 1;
	if (i_err >= 0 && f[i_err].revents)
		pump_one(&p->err, p->berr);
	for (i = 0; i < nextra && i < BOX_PIPES_EXTRA; i++)
		if (f[n - nextra + i].revents && ready)
			*ready |= 1u << i;
	return k;
}

/* A recursion that met (or was on its way to) the stack limit: SIGSEGV or
 * SIGBUS with the peak at 3/4 of the stack limit or more; or killed for
 * time with a stack of 16 MB or more that is at least a quarter of the
 * stack limit and three quarters of its memory (see "Stack" above). */
static int stack_overflowed(const struct sbx_limits *L, const struct box_res *x,
			    const struct sbx_result *r)
{
	unsigned long stack = box_stack_kb(L->stack_kb, L->memory_kb);

	if (!stack)
		return 0;
	if (x->killed == K_NONE && (r->signal == SIGSEGV || r->signal == SIGBUS))
		return r->memory_kb * 4 >= stack * 3;
	if (x->killed == K_CPU || x->killed == K_WALL)
		return x->stack_kb >= 16384 && (unsigned long)x->stack_kb * 4 >= stack &&
			(unsigned long)x->stack_kb * 4 >= r->memory_kb * 3;
	return 0;
}

void sbx_classify(const struct sbx_limits *L, const struct box_res *x,
		     const struct cg_mem *m, int ole, struct sbx_result *r)
{
	unsigned long long mem = L->memory_kb * 1024ULL;
	/* Without a memory cgroup: how near the limit a failed run's peak
	 * RSS must be to be MLE (see "Memory" above). */
	unsigned long long near = mem / 64 > (2 << 20) ? mem / 64 : 2 << 20;
	int abnormal;

	r->cpu_ms = (unsigned)(x->cpu_ns / 1000000);
	r->cpu_us = (unsigned long long)x->cpu_ns / 1000;
	r->wall_ms = (unsigned)(x->wall_ns / 1000000);
	/* The cgroup's peak counts pages in batches (per-CPU charge stocks
	 * of up to 256 KB, so a small program can read as 0); the program's
	 * peak RSS is exact but leaves out kernel memory. The larger. */
	r->memory_kb = m->peak_ok ? (unsigned long)(m->peak / 1024) : (unsigned long)x->maxrss_kb;
	if (x->hwm_kb > 0 && (unsigned long)x->hwm_kb > r->memory_kb)
		r->memory_kb = (unsigned long)x->hwm_kb;
	if (WIFEXITED(x->status)) {
		r->exit_code = WEXITSTATUS(x->status);
		r->signal = 0;
	} else if (WIFSIGNALED(x->status)) {
		r->exit_code = -1;
		r->signal = WTERMSIG(x->status);
	}
	abnormal = r->signal != 0 || r->exit_code != 0;
	r->status = SBX_OK;
	if (x->killed == K_SYSCALL && L->procs <= 1 &&
	    policy_is_thread_stack(x->sys_arch, x->sys_nr, x->sys_flags)) {
		r->status = SBX_SV;
		snprintf(r->syscall, sizeof r->syscall, "clone");
		snprintf(r->message, sizeof r->message,
			 "forbidden system call 'clone' (a second thread)");
	} else if (x->killed == K_SYSCALL && policy_is_alloc(x->sys_arch, x->sys_nr)) {
		r->status = SBX_MLE;
		r->alloc_bytes = x->sys_arg;
		if (r->memory_kb < L->memory_kb)
			r->memory_kb = L->memory_kb;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (an allocation of %llu KB)",
			 (unsigned long long)x->sys_arg / 1024);
	} else if (x->killed == K_SYSCALL) {
		r->status = SBX_SV;
		policy_syscall_name(x->sys_arch, x->sys_nr, r->syscall, sizeof r->syscall);
		r->open_write = policy_is_open_write(x->sys_arch, x->sys_nr, x->sys_flags);
		snprintf(r->message, sizeof r->message, r->open_write ?
			 "forbidden system call '%s': programs may not write files; "
			 "read the input from stdin and write the answer to stdout" :
			 "forbidden system call '%s'", r->syscall);
	} else if (ole) {
		r->status = SBX_OLE;
		snprintf(r->message, sizeof r->message, "output limit exceeded (%lu KB)",
			 L->output_kb);
	} else if (m->oom || (mem && abnormal && !m->limited &&
			   r->memory_kb * 1024ULL + near >= mem)) {
		r->status = SBX_MLE;
		if (r->memory_kb < L->memory_kb)
			r->memory_kb = L->memory_kb;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (%lu KB)", L->memory_kb);
	} else if (stack_overflowed(L, x, r)) {
		r->status = SBX_RE;
		r->stack_overflow = 1;
		r->stack_kb = box_stack_kb(L->stack_kb, L->memory_kb);
		r->stack_used_kb = x->killed ? (unsigned long)x->stack_kb : 0;
		snprintf(r->message, sizeof r->message,
			 "stack overflow: recursion too deep? (stack limit %lu KB)", r->stack_kb);
	} else if (mem && (x->killed == K_CPU || x->killed == K_WALL) &&
		   r->memory_kb * 1024ULL >= mem - mem / 32) {
		/* Out of time at its memory limit: a program there is
		 * reclaiming, thrashing or about to be OOM-killed, and which
		 * came first is the machine's luck; the memory is the cause. */
		r->status = SBX_MLE;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (%lu KB: out of time at the limit)",
			 L->memory_kb);
	} else if (x->killed == K_CPU || (L->cpu_ms && r->cpu_ms > L->cpu_ms)) {
		r->status = SBX_TLE;
		snprintf(r->message, sizeof r->message,
			 "time limit exceeded (cpu %u ms)", r->cpu_ms);
	} else if (x->killed == K_WALL) {
		r->status = SBX_TLE;
		r->tle_wall = 1;
		snprintf(r->message, sizeof r->message,
			 "time limit exceeded (wall %u ms, cpu %u ms)", r->wall_ms, r->cpu_ms);
	} else if (r->signal) {
		char sn[16];

		r->status = SBX_RE;
		snprintf(r->message, sizeof r->message, "killed by signal %s",
			 util_signal_name(r->signal, sn));
	} else if (r->exit_code) {
		r->status = SBX_RE;
		snprintf(r->message, sizeof r->message, "exited with code %d",
			 r->exit_code);
	}
	if (r->status == SBX_OK)
		r->message[0] = 0;
}

/* Soft = hard = v; with unlimited_if_0, 0 means no limit. */
static void add_rl(struct box_req *q, int res, unsigned long long v, int unlimited_if_0)
{
	q->rl_res[q->nrl] = res;
	q->rl[q->nrl].rlim_cur = q->rl[q->nrl].rlim_max =
		!v && unlimited_if_0 ? RLIM_INFINITY : (rlim_t)v;
	q->nrl++;
}

/* The filters for this memory limit (mmap larger than it is refused), with
 * the one that lets files be written when writes. */
static const struct filters *filters_for(struct sbx *s, unsigned long long mem, int writes)
{
	struct sock_fprog p[2] = { { 0, NULL }, { 0, NULL } };
	enum policy_kind one = s->cg.mem_ok ? POLICY_RUN : POLICY_RUN_AS;
	struct filters *f = &s->filt[0];
	int i;

	for (i = 0; i < 4; i++) {
		if (s->filt[i].prog[0].filter && s->filt[i].mem == mem) {
			s->filt[i].used = ++s->uses;
			if (writes && !s->filt[i].prog[2].filter &&
			    policy_build(one, mem, 1, &s->filt[i].prog[2]) < 0)
				return NULL;
			return &s->filt[i];
		}
		if (s->filt[i].used < f->used)
			f = &s->filt[i];
	}
	if (policy_build(one, mem, 0, &p[0]) < 0 ||
	    policy_build(POLICY_RUN_THREADS, mem, 0, &p[1]) < 0) {
		free(p[0].filter);
		return NULL;
	}
	free(f->prog[0].filter);
	free(f->prog[1].filter);
	free(f->prog[2].filter);
	f->prog[0] = p[0];
	f->prog[1] = p[1];
	f->prog[2] = (struct sock_fprog){ 0, NULL };
	f->mem = mem;
	f->used = ++s->uses;
	if (writes && policy_build(one, mem, 1, &f->prog[2]) < 0)
		return NULL;
	return f;
}

/* A read-only, noexec mount of one host file for the box (the judge's
 * side: it exists detached until the box process attaches it). */
static int file_tree(struct sbx *s, const struct sbx_file *f)
{
	struct mount_attr attr;
	struct stat st;
	int fd, tree;

	if (!valid_name(f->name))
		return err_set("bad box file name '%s'", f->name ? f->name : "(null)");
	if ((fd = open_regular(f->path, "file")) < 0)
		return -1;
	if (s->userns)
		return fd;              /* copied in by the run child */
	if (fstat(fd, &st) == 0 && !(st.st_mode & S_IROTH)) {
		/* The worker cannot read it through a mount: give it a
		 * world-readable copy instead. */
		char copy[400];
		struct buf b = BUF_INIT;

		close(fd);
		snprintf(copy, sizeof copy, "%s/copy-%s", s->dir, f->name);
		unlink(copy);
		if (util_read_file(f->path, &b, (size_t)1 << 31) < 0 ||
		    util_write_file(copy, b.data ? b.data : "", b.len, 0444) < 0) {
			buf_release(&b);
			return -1;
		}
		buf_release(&b);
		if ((fd = open_regular(copy, "file")) < 0)
			return -1;
	}
	tree = (int)syscall(SYS_open_tree, fd, "", OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC |
			    AT_EMPTY_PATH);
	close(fd);
	if (tree < 0)
		return err_errno("cannot make a mount of '%s'", f->path);
	memset(&attr, 0, sizeof attr);
	attr.attr_set = MOUNT_ATTR_RDONLY | MOUNT_ATTR_NOSUID | MOUNT_ATTR_NODEV |
		MOUNT_ATTR_NOEXEC;
	if (syscall(SYS_mount_setattr, tree, "", AT_EMPTY_PATH, &attr, sizeof attr) < 0) {
		close(tree);
		return err_errno("cannot make '%s' read-only", f->path);
	}
	return tree;
}

unsigned long box_stack_kb(unsigned long stack_kb, unsigned long memory_kb)
{
	unsigned long margin = memory_kb / 8 > 4096 ? memory_kb / 8 : 4096;
	unsigned long cap;

	if (!memory_kb)
		return stack_kb;
	cap = memory_kb > 2 * margin ? memory_kb - margin : memory_kb / 2;
	return stack_kb && stack_kb < cap ? stack_kb : cap;
}

unsigned long sbx_stack_kb(const struct sbx_limits *limits)
{
	return box_stack_kb(limits->stack_kb ? limits->stack_kb : limits->memory_kb,
			    limits->memory_kb);
}

static void run_defaults(struct sbx_limits *L)
{
	if (!L->wall_ms)
		L->wall_ms = L->cpu_ms ? 2 * L->cpu_ms + 1000 : 0;
	if (!L->output_kb)
		L->output_kb = 64 * 1024;
	if (!L->stderr_kb)
		L->stderr_kb = 64;
	if (!L->stack_kb)
		L->stack_kb = L->memory_kb;
	if (!L->fsize_kb)
		L->fsize_kb = L->output_kb;
	if (!L->procs)
		L->procs = 1;
}

/* argv after argv[0], NUL-separated into q. 0, or -1 with err set. */
static int request_args(struct box_req *q, const struct sbx_spec *spec)
{
	size_t off = 0;

	for (int i = 0; spec->argv && spec->argv[i]; i++) {
		size_t n = strlen(spec->argv[i]) + 1;

		if (i >= BOX_MAX_ARGS || off + n > sizeof q->args)
			return err_set("too many or too long arguments");
		memcpy(q->args + off, spec->argv[i], n);
		off += n;
		q->argc++;
	}
	return 0;
}

/* The filter, the clocks and the rlimits of a run under L into q. */
static void request_limits(const struct sbx *s, const struct sbx_limits *L,
			   const struct filters *fl, struct box_req *q)
{
	unsigned long long mem = L->memory_kb * 1024ULL;
	int k;

	q->threads = L->procs > 1 && !q->feedback;
	k = q->feedback ? 2 : q->threads;
	memcpy(q->filter, fl->prog[k].filter, fl->prog[k].len * sizeof(struct sock_filter));
	q->filter_len = fl->prog[k].len;
	q->cpu_limit_ns = L->cpu_ms * 1000000LL;
	q->wall_limit_ns = L->wall_ms * 1000000LL;
	q->ncpu = L->procs < s->ncpu ? L->procs : s->ncpu;
	add_rl(q, RLIMIT_CORE, 0, 0);
	add_rl(q, RLIMIT_MEMLOCK, 0, 0);
	add_rl(q, RLIMIT_MSGQUEUE, 0, 0);
	add_rl(q, RLIMIT_NICE, 0, 0);
	add_rl(q, RLIMIT_RTPRIO, 0, 0);
	add_rl(q, RLIMIT_NOFILE, 64, 0);
	if (!s->userns)          /* per real uid: the user's own count */
		add_rl(q, RLIMIT_NPROC, L->procs, 0);
	add_rl(q, RLIMIT_FSIZE, L->fsize_kb * 1024ULL, 1);
	add_rl(q, RLIMIT_STACK, box_stack_kb(L->stack_kb, L->memory_kb) * 1024ULL, 1);
	add_rl(q, RLIMIT_CPU, L->cpu_ms ? L->cpu_ms / 1000 + 2 : 0, 1);
	if (mem && !s->cg.mem_ok)
		add_rl(q, RLIMIT_AS, mem, 1);
}

/* Set the worker's cgroup limits and hand the job to the box (starting a
 * fresh box once if the last one died). *oom_before: the OOM counter just
 * before. 0, or -1 with err set. */
static int send_job(struct sbx *s, const struct sbx_limits *L, struct box_req *q,
		    const int *fds, int nfds, long *oom_before)
{
	unsigned long long mem = L->memory_kb * 1024ULL;

	if (s->box.ctl < 0 && box_up(s) < 0)
		return -1;
	if (cg_limits(&s->cg, mem ? mem + s->floor + (256 << 10) : 0, L->procs + 2) < 0 ||
	    cg_begin(&s->cg, s->floor) < 0)
		return -1;
	*oom_before = cg_oom_kills(&s->cg);
	q->seq = __atomic_add_fetch(&s->box.seq, 1, __ATOMIC_RELEASE);
	if (box_send(s->box.job, q, sizeof *q, fds, nfds) == 0)
		return 0;
	/* The box died since the last run: one fresh start. */
	box_stop(&s->box);
	if (box_up(s) < 0 || cg_begin(&s->cg, s->floor) < 0)
		return -1;
	*oom_before = cg_oom_kills(&s->cg);
	q->seq = __atomic_add_fetch(&s->box.seq, 1, __ATOMIC_RELEASE);
	if (box_send(s->box.job, q, sizeof *q, fds, nfds) < 0) {
		err_errno("cannot talk to the box process");
		box_stop(&s->box);
		return -1;
	}
	return 0;
}

/* One run in flight on a worker: what sbx_run (one) and sbx_run_pair (two
 * at once, on two workers) start, wait for and classify. */
struct run {
	struct sbx *s;
	struct sbx_limits L;
	struct box_req q;
	int fds[BOX_MAX_FILES + 4];
	struct box_pipes pp;
	long oom_before;
	long long sent_ns, deadline;
	struct box_res x;
	union box_msg {              /* what the box answers */
		struct box_res res;
		struct box_fb fb;
	} *msg;
	struct sbx_result *r;
	int state;                   /* RUN_* */
	int kill_sent;
};
enum { RUN_GOING, RUN_DONE, RUN_DECIDED };

static void run_init(struct run *u, struct sbx *s, struct sbx_result *r)
{
	memset(&u->q, 0, sizeof u->q);
	u->s = s;
	u->r = r;
	for (int i = 0; i < BOX_MAX_FILES + 4; i++)
		u->fds[i] = -1;
	u->pp = (struct box_pipes){ -1, -1, &r->out, &r->err, 0 };
	u->state = RUN_GOING;
	u->kill_sent = 0;
	u->msg = xmalloc(sizeof *u->msg);
}

static void run_release(struct run *u)
{
	free(u->msg);
	u->msg = NULL;
	for (int i = 0; i < BOX_MAX_FILES + 4; i++)
		if (u->fds[i] >= 0)
			close(u->fds[i]);
	if (u->pp.out >= 0)
		close(u->pp.out);
	if (u->pp.err >= 0)
		close(u->pp.err);
	u->pp.out = u->pp.err = -1;
}

/* Prepare and send the job of spec. in_fd / out_fd >= 0 replace its stdin
 * and stdout (an interactive pair's pipes; borrowed, the box gets copies).
 * 0: started (RUN_GOING), or decided without running (RUN_DECIDED, r
 * filled); -1 with err set. */
static int run_start(struct run *u, const struct sbx_spec *spec, int in_fd, int out_fd)
{
	struct sbx_result *r = u->r;
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, i, nfds;
	unsigned long long img, mem;
	const struct filters *fl;

	u->L = spec->limits;
	run_defaults(&u->L);
	result_reset(r, &u->L);
	mem = u->L.memory_kb * 1024ULL;
	u->q.kind = REQ_RUN;
	u->q.sigpipe_ign = spec->ignore_sigpipe != 0;
	if (spec->policy != SBX_POLICY_RUN || !spec->exe)
		return err_set("sbx_run needs the RUN policy and an executable");
	if (spec->nfiles > BOX_MAX_FILES)
		return err_set("too many box files (%zu, at most %d)", spec->nfiles,
			       BOX_MAX_FILES);
	if (request_args(&u->q, spec) < 0 ||
	    (u->fds[3] = open_regular(spec->exe, "program")) < 0)
		return -1;
	img = image_size(u->fds[3]);
	if (mem && img > mem) {
		r->status = SBX_MLE;
		r->memory_kb = (unsigned long)(img / 1024);
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (static data alone %llu KB)", img / 1024);
		u->state = RUN_DECIDED;
		return 0;
	}
	if (in_fd >= 0 ? (u->fds[0] = fcntl(in_fd, F_DUPFD_CLOEXEC, 0)) < 0 :
	    (u->fds[0] = stdin_fd(spec)) < 0)
		return in_fd >= 0 ? err_errno("cannot pass the input pipe") : -1;
	for (i = 0; i < (int)spec->nfiles; i++) {
		if ((u->fds[4 + i] = file_tree(u->s, &spec->files[i])) < 0)
			return -1;
		snprintf(u->q.names[i], sizeof u->q.names[i], "%s", spec->files[i].name);
		u->q.nfiles++;
	}
	if ((out_fd < 0 && pipe2(po, O_CLOEXEC) < 0) || pipe2(pe, O_CLOEXEC) < 0) {
		if (po[0] >= 0) {
			close(po[0]);
			close(po[1]);
		}
		return err_errno("cannot create pipes");
	}
	if (out_fd >= 0 && (u->fds[1] = fcntl(out_fd, F_DUPFD_CLOEXEC, 0)) < 0) {
		close(pe[0]);
		close(pe[1]);
		return err_errno("cannot pass the output pipe");
	}
	if (out_fd < 0) {
		u->fds[1] = po[1];
		u->pp.out = po[0];
		fcntl(u->pp.out, F_SETFL, O_NONBLOCK);
	}
	u->fds[2] = pe[1];
	u->pp.err = pe[0];
	fcntl(u->pp.err, F_SETFL, O_NONBLOCK);
	u->q.feedback = spec->feedback != 0;
	if (!(fl = filters_for(u->s, mem, u->q.feedback)))
		return -1;
	request_limits(u->s, &u->L, fl, &u->q);
	nfds = 4 + u->q.nfiles;
	if (send_job(u->s, &u->L, &u->q, u->fds, nfds, &u->oom_before) < 0)
		return -1;
	/* The box has its copies: ours would keep a pipe from ending. */
	for (i = 0; i < 3; i++) {
		close(u->fds[i]);
		u->fds[i] = -1;
	}
	u->sent_ns = box_now_ns();
	/* The box enforces the limits; this is only against a box that
	 * stopped answering. */
	u->deadline = u->L.wall_ms ? u->sent_ns + (u->L.wall_ms + 10000) * 1000000LL : 0;
	return 0;
}

/* The box of u answered on its ctl socket: take the result. 0, or -1 with
 * err set when the box failed. */
static int run_answer(struct run *u)
{
	struct sbx_result *r = u->r;
	ssize_t k = box_recv(u->s->box.ctl, u->msg, sizeof *u->msg, NULL, NULL);

	if (k < 0 && errno == EINTR)
		return 0;
	if (k >= (ssize_t)offsetof(struct box_fb, data) && u->msg->fb.kind == RES_FEEDBACK) {
		/* the run's feedback files, ahead of its result */
		if (u->msg->fb.seq == u->q.seq && u->msg->fb.len <= BOX_FB_MAX &&
		    (size_t)k == offsetof(struct box_fb, data) + u->msg->fb.len)
			buf_add(u->msg->fb.which == 2 ? &r->fb_output :
				u->msg->fb.which ? &r->fb_team : &r->fb_judge,
				u->msg->fb.data, u->msg->fb.len);
		return 0;
	}
	if (k == sizeof u->x)
		memcpy(&u->x, &u->msg->res, sizeof u->x);
	if (k == sizeof u->x && u->x.kind == RES_DONE && u->x.seq != u->q.seq)
		return 0;       /* an answer to an abandoned run */
	if (k == sizeof u->x && u->x.kind == RES_DONE) {
		u->state = RUN_DONE;
		return 0;
	}
	box_stop(&u->s->box);
	if (cg_oom_kills(&u->s->cg) <= u->oom_before)
		return err_set("the box process died");
	/* The group ran out of memory the program holds but no process
	 * shows (pipe buffers, page tables), and the OOM killer took the
	 * box: the namespace, program included, went with it. */
	r->status = SBX_MLE;
	r->memory_kb = u->L.memory_kb;
	r->signal = SIGKILL;
	r->wall_ms = (unsigned)((box_now_ns() - u->sent_ns) / 1000000);
	snprintf(r->message, sizeof r->message,
		 "memory limit exceeded (%lu KB, kernel memory)", u->L.memory_kb);
	u->state = RUN_DECIDED;
	return 0;
}

/* One direction of an interactive pair: the judge carries what one side
 * writes to its stdout over to the other side's stdin. Being in the middle
 * tells the judge which side stopped talking first, with no race: a side
 * learns that the other is gone (EOF, or SIGPIPE on its next write) only
 * after the judge has seen it go. */
struct relay {
	int from, to;                /* the judge's pipe ends (nonblocking), -1: closed */
	char *buf;                   /* taken from `from`, not yet given to `to` */
	size_t len, cap;
	unsigned long long total, limit; /* bytes taken; over limit (0: none), the
				      * writer is over its output limit */
	struct run *writer;
	unsigned ended;              /* the writer's stdout ended: 1 + ends before */
};

static void relay_close(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Take what `from` holds; at its end, note the order, and pass the end on
 * once the buffer is given. */
static void relay_in(struct relay *rl, unsigned *ends)
{
	ssize_t n = read(rl->from, rl->buf + rl->len, rl->cap - rl->len);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n > 0) {
		rl->len += (size_t)n;
		rl->total += (unsigned long long)n;
		if (rl->limit && rl->total > rl->limit)
			rl->writer->pp.ole = 1;
		return;
	}
	relay_close(&rl->from);
	rl->ended = ++*ends;
	if (!rl->len)
		relay_close(&rl->to);
}

/* write(2) to a pipe whose reader may be gone: EPIPE, never a SIGPIPE
 * that would end the judge (the signal is blocked for the call and, when
 * this write raised it, taken back). */
static ssize_t write_no_sigpipe(int fd, const void *buf, size_t len)
{
	static const struct timespec now = { 0, 0 };
	sigset_t pipe, old, pending;
	ssize_t n;
	int e, was_pending;

	sigemptyset(&pipe);
	sigaddset(&pipe, SIGPIPE);
	sigpending(&pending);
	was_pending = sigismember(&pending, SIGPIPE);
	pthread_sigmask(SIG_BLOCK, &pipe, &old);
	n = write(fd, buf, len);
	e = errno;
	if (n < 0 && e == EPIPE && !was_pending)
		while (sigtimedwait(&pipe, NULL, &now) < 0 && errno == EINTR)
			;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	errno = e;
	return n;
}

/* Give what the buffer holds to `to`; when its reader is gone, drop it and
 * stop reading the writer (its next write fails: SIGPIPE, as with a plain
 * pipe). */
static void relay_out(struct relay *rl, short revents)
{
	ssize_t n = 0;

	if (rl->len && (revents & POLLOUT))
		n = write_no_sigpipe(rl->to, rl->buf, rl->len);
	if (n > 0) {
		rl->len -= (size_t)n;
		memmove(rl->buf, rl->buf + n, rl->len);
		if (!rl->len && rl->from < 0)
			relay_close(&rl->to);
		return;
	}
	if ((n < 0 && errno == EPIPE) || (!(revents & POLLOUT) && (revents & (POLLERR | POLLHUP)))) {
		relay_close(&rl->to);
		relay_close(&rl->from);
		rl->len = 0;
	}
}

/* Over its output cap: ask u's box to kill the run (once). */
static void run_ole_kill(struct run *u)
{
	struct box_req kq;

	if (!u->pp.ole || u->kill_sent || u->state != RUN_GOING)
		return;
	memset(&kq, 0, sizeof kq);
	kq.kind = REQ_KILL;
	kq.seq = u->q.seq;
	box_send(u->s->box.ctl, &kq, sizeof kq, NULL, 0);
	u->kill_sent = 1;
}

enum { W_OUT, W_ERR, W_CTL, W_RELAY_IN, W_RELAY_OUT };
#define W_MAX 12

/* Read the runs' output (and carry the relays' bytes) until every box
 * reports its run done, then to the pipes' end; over the output cap, ask
 * that box to kill its run. 0, or -1 with err set when a box failed. */
static int run_wait(struct run **v, int n, struct relay *rl, int nrl)
{
	struct pollfd f[W_MAX];
	int idx[W_MAX], kind[W_MAX];
	unsigned ends = 0;

	for (;;) {
		int m = 0, going = 0, i, k;
		long long now = box_now_ns();

		for (i = 0; i < n; i++) {
			struct run *u = v[i];

			if (u->pp.out >= 0) { f[m] = (struct pollfd){ u->pp.out, POLLIN, 0 }; idx[m] = i; kind[m++] = W_OUT; }
			if (u->pp.err >= 0) { f[m] = (struct pollfd){ u->pp.err, POLLIN, 0 }; idx[m] = i; kind[m++] = W_ERR; }
			if (u->state != RUN_GOING)
				continue;
			if (u->deadline && now > u->deadline) {
				box_stop(&u->s->box);
				return err_set("the box process stopped answering");
			}
			f[m] = (struct pollfd){ u->s->box.ctl, POLLIN, 0 };
			idx[m] = i;
			kind[m++] = W_CTL;
			going++;
		}
		for (i = 0; i < nrl; i++) {
			if (rl[i].from >= 0 && rl[i].len < rl[i].cap) {
				f[m] = (struct pollfd){ rl[i].from, POLLIN, 0 };
				idx[m] = i;
				kind[m++] = W_RELAY_IN;
			}
			if (rl[i].to >= 0) {  /* POLLERR: its reader is gone */
				f[m] = (struct pollfd){ rl[i].to, rl[i].len ? POLLOUT : 0, 0 };
				idx[m] = i;
				kind[m++] = W_RELAY_OUT;
			}
		}
		if (!m)
			return 0;
		/* Every box answered: its copies of the pipes are closed. */
		k = poll(f, (nfds_t)m, 1000);
		if (k < 0 && errno != EINTR)
			return err_errno("poll");
		if (k == 0 && !going)
			return 0;        /* a pipe a stray holder keeps open */
		for (i = 0; i < m && k > 0; i++) {
			struct run *u = kind[i] < W_RELAY_IN ? v[idx[i]] : NULL;

			if (!f[i].revents)
				continue;
			if (kind[i] == W_OUT && pump_one(&u->pp.out, u->pp.bout))
				u->pp.ole = 1;
			if (kind[i] == W_ERR)
				pump_one(&u->pp.err, u->pp.berr);
			if (kind[i] == W_CTL && u->state == RUN_GOING && run_answer(u) < 0)
				return -1;
			if (kind[i] == W_RELAY_IN && rl[idx[i]].from == f[i].fd)
				relay_in(&rl[idx[i]], &ends);
			if (kind[i] == W_RELAY_OUT && rl[idx[i]].to == f[i].fd)
				relay_out(&rl[idx[i]], f[i].revents);
		}
		for (i = 0; i < n; i++)
			run_ole_kill(v[i]);
	}
}

/* How the run ended into r. 0, or -1 with err set when it could not be set
 * up (the sandbox's failure, not the program's). */
static int run_end(struct run *u)
{
	struct sbx_result *r = u->r;
	struct cg_mem cm;

	if (u->state == RUN_DECIDED)
		return 0;
	/* ETXTBSY that outlasted the retries is the judge's own doing (a
	 * binary still being written), not the program's */
	if (u->x.fail_step >= 0 && (u->x.fail_step != STEP_EXEC || u->x.fail_err == ETXTBSY)) {
		errno = u->x.fail_err;
		return err_errno("run set-up failed at %s",
				 u->x.fail_step < STEP_COUNT ? box_step_name[u->x.fail_step] : "?");
	}
	cg_mem_of(&u->s->cg, u->oom_before, &cm);
	sbx_classify(&u->L, &u->x, &cm, u->pp.ole, r);
	if (u->x.fail_step == STEP_EXEC && u->x.fail_err == ENOMEM) {
		r->status = SBX_MLE;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (the program does not fit)");
	} else if (u->x.fail_step == STEP_EXEC) {
		/* The binary's fault (a loader it asks for, a bad format):
		 * it cannot start, a runtime error. */
		r->status = SBX_RE;
		snprintf(r->message, sizeof r->message, "the program cannot start: %s",
			 strerror(u->x.fail_err));
	}
	return 0;
}

int sbx_run(struct sbx *s, const struct sbx_spec *spec, struct sbx_result *r)
{
	struct run *u = xcalloc(1, sizeof *u);
	int rc = -1;

	run_init(u, s, r);
	if (run_start(u, spec, -1, -1) < 0)
		goto out;
	if (u->state == RUN_GOING && run_wait(&u, 1, NULL, 0) < 0)
		goto out;
	rc = run_end(u);
out:
	run_release(u);
	free(u);
	if (rc < 0)
		err_prefix("sandbox");
	return rc;
}

/* The second worker of an interactive pair: opened on first use, in the
 * calling thread (it dies with it, like s). */
static struct sbx *peer_of(struct sbx *s)
{
	struct sbx *p = s->peer;

	if (p)
		return p;
	p = sbx_open(s->index + SBX_PEER_INDEX);
	if (!p)
		return NULL;
	__atomic_store_n(&s->peer, p, __ATOMIC_RELEASE);
	return p;
}

/* A pipe as large as the host allows (F_SETPIPE_SZ, halved until it is
 * allowed), so that a writer does not wait on a reader that is busy (each
 * side still runs within its wall limit when it does). */
static int big_pipe(int p[2])
{
	if (pipe2(p, O_CLOEXEC) < 0)
		return err_errno("cannot create pipes");
	for (int size = PAIR_PIPE_BYTES; size >= 65536; size /= 2)
		if (fcntl(p[1], F_SETPIPE_SZ, size) >= 0)
			break;
	return 0;
}

int sbx_run_pair(struct sbx *s, const struct sbx_spec *prog, const struct sbx_spec *peer,
		 struct sbx_pair *out)
{
	/* p[0]: prog's stdout to the judge, p[1]: the judge to peer's stdin,
	 * p[2]: peer's stdout to the judge, p[3]: the judge to prog's stdin */
	struct run *u = xcalloc(2, sizeof *u), *v[2];
	int p[4][2], rc = -1, n = 0, i;
	struct relay rl[2];
	struct sbx *ps = peer_of(s);

	out->peer_first = 0;
	for (i = 0; i < 4; i++)
		p[i][0] = p[i][1] = -1;
	memset(rl, 0, sizeof rl);
	run_init(&u[0], s, &out->prog);
	run_init(&u[1], ps, &out->peer);
	if (!ps) {
		err_prefix("the interactor's worker");
		goto out;
	}
	for (i = 0; i < 4; i++)
		if (big_pipe(p[i]) < 0)
			goto out;
	/* The peer first: a program that starts at once finds it there. */
	if (run_start(&u[1], peer, p[1][0], p[2][1]) < 0 ||
	    run_start(&u[0], prog, p[3][0], p[0][1]) < 0)
		goto out;
	/* the boxes have theirs: keep only the judge's ends */
	relay_close(&p[1][0]);
	relay_close(&p[2][1]);
	relay_close(&p[3][0]);
	relay_close(&p[0][1]);
	rl[0] = (struct relay){ p[0][0], p[1][1], xmalloc(PAIR_PIPE_BYTES), 0,
		PAIR_PIPE_BYTES, 0, u[0].L.output_kb * 1024ULL, &u[0], 0 };
	rl[1] = (struct relay){ p[2][0], p[3][1], xmalloc(PAIR_PIPE_BYTES), 0,
		PAIR_PIPE_BYTES, 0, 0, &u[1], 0 };
	p[0][0] = p[1][1] = p[2][0] = p[3][1] = -1;
	for (i = 0; i < 2; i++) {
		fcntl(rl[i].from, F_SETFL, O_NONBLOCK);
		fcntl(rl[i].to, F_SETFL, O_NONBLOCK);
	}
	/* a side that did not start (MLE by its image) has no stdout */
	for (i = 0; i < 2; i++)
		if (u[i].state != RUN_GOING) {
			relay_close(&rl[i].from);
			relay_close(&rl[i].to);
		}
	if (u[1].state == RUN_GOING)
		v[n++] = &u[1];
	if (u[0].state == RUN_GOING)
		v[n++] = &u[0];
	if (run_wait(v, n, rl, 2) < 0)
		goto out;
	if (run_end(&u[0]) < 0 || run_end(&u[1]) < 0)
		goto out;
	/* the peer's stdout ended before the program's (or the program's
	 * never did: it was cut off after the peer had gone) */
	out->peer_first = rl[1].ended && (!rl[0].ended || rl[1].ended < rl[0].ended);
	rc = 0;
out:
	for (i = 0; i < 4; i++) {
		relay_close(&p[i][0]);
		relay_close(&p[i][1]);
	}
	for (i = 0; i < 2; i++) {
		relay_close(&rl[i].from);
		relay_close(&rl[i].to);
		free(rl[i].buf);
	}
	/* A side that could not start leaves the other waiting on a pipe
	 * nobody writes: its box would end it within its wall limit; stop
	 * it now instead. */
	if (rc < 0)
		for (i = 0; i < 2; i++)
			if (u[i].s && u[i].state == RUN_GOING && u[i].s->box.ctl >= 0)
				box_stop(&u[i].s->box);
	run_release(&u[0]);
	run_release(&u[1]);
	free(u);
	if (rc < 0)
		err_prefix("sandbox");
	return rc;
}

int sbx_compile(struct sbx *s, const char *source, size_t len,
		const char *const *argv, const struct sbx_limits *limits,
		const char *out_path, struct sbx_result *r)
{
	return sbx_compile_pch(s, source, len, argv, limits, NULL, out_path, r);
}

int sbx_compile_pch(struct sbx *s, const char *source, size_t len,
		    const char *const *argv, const struct sbx_limits *limits,
		    const char *pch_dir, const char *out_path, struct sbx_result *r)
{
	struct sbx_limits L = {
		.cpu_ms = CC_CPU_MS, .wall_ms = CC_WALL_MS, .memory_kb = CC_MEMORY_KB,
		.stack_kb = CC_STACK_KB, .output_kb = CC_OUTPUT_KB, .stderr_kb = CC_STDERR_KB,
		.fsize_kb = CC_FSIZE_KB, .procs = CC_PROCS,
	};
	struct compile_job j;

	if (limits) {
		if (limits->cpu_ms) L.cpu_ms = limits->cpu_ms;
		if (limits->wall_ms) L.wall_ms = limits->wall_ms;
		if (limits->memory_kb) L.memory_kb = limits->memory_kb;
		if (limits->stack_kb) L.stack_kb = limits->stack_kb;
		if (limits->output_kb) L.output_kb = limits->output_kb;
		if (limits->stderr_kb) L.stderr_kb = limits->stderr_kb;
		if (limits->fsize_kb) L.fsize_kb = limits->fsize_kb;
		if (limits->procs) L.procs = limits->procs;
	}
	result_reset(r, &L);
	memset(&j, 0, sizeof j);
	j.uid = s->uid;
	j.gid = s->gid;
	j.userns = s->userns;
	j.dir = s->dir;
	j.cg = &s->cgc;
	j.L = &L;
	j.source = source;
	j.len = len;
	j.argv = argv;
	j.out_path = out_path;
	j.pch_dir = pch_dir;
	if (cc_run(&j, r) < 0) {
		err_prefix("sandbox: compile");
		return -1;
	}
	return 0;
}

int sbx_cancel(struct sbx *s)
{
	struct box_req kq;
	int ctl;

	/* The same request the OLE path sends; the box kills the run only when
	 * the sequence number is the one it is running, so a request that
	 * arrives between runs (or races the next run's start) is dropped, and
	 * a caller that must stop a run repeats it. sendmsg is
	 * async-signal-safe, and nothing here touches err or allocates. */
	struct sbx *peer = __atomic_load_n(&s->peer, __ATOMIC_ACQUIRE);

	if (peer)
		sbx_cancel(peer);
	ctl = __atomic_load_n(&s->box.ctl, __ATOMIC_ACQUIRE);
	if (ctl < 0)
		return 0;
	memset(&kq, 0, sizeof kq);
	kq.kind = REQ_KILL;
	kq.seq = __atomic_load_n(&s->box.seq, __ATOMIC_ACQUIRE);
	return box_send(ctl, &kq, sizeof kq, NULL, 0);
}
