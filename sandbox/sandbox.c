/* sandbox.c: run a hostile program (or gcc on hostile source) under exact
 * limits, and say how it ended.
 *
 * Theory of operation
 * -------------------
 * (first milestone: one fork per run; see the hardening notes at the end)
 *
 * Process tree. The calling thread forks the run child R directly. R sets
 * itself up with plain system calls only (it may be the child of a
 * multi-threaded, sanitised judge: no malloc, no stdio, nothing that takes a
 * lock), then execs. The judge thread supervises R with one ppoll() loop
 * over a pidfd, the stdout/stderr pipes, a sync pipe and the seccomp
 * listener, and reaps it with wait4().
 *
 * Set-up in R, in this order, and why:
 *   PR_SET_PDEATHSIG(SIGKILL)   the run dies with the judge thread
 *   setpgid                      one group to kill (compile: gcc's children)
 *   join the cgroups             memory/pids/cpuacct of the worker
 *   fds 0 1 2 (+ sync)           everything else closed (close_range)
 *   chroot(box) / chdir(box)     the box is all a run can see
 *   rlimits                      soft = hard; CPU (whole seconds, a backstop
 *                                only), STACK, FSIZE, NOFILE, NPROC, CORE 0,
 *                                MEMLOCK 0, AS only when there is no memory
 *                                cgroup
 *   setgroups/setresgid/setresuid  the worker's own uid, no groups
 *   PR_SET_NO_NEW_PRIVS         needed for seccomp; blocks setuid binaries
 *   seccomp filter               installed last, with a listener (below)
 *   execveat(fd, "", AT_EMPTY_PATH)  the solution binary, opened by the
 *                                judge: the box holds no executable at all
 *
 * Limits.
 *   CPU: the judge reads R's process CPU clock (all threads) and sleeps no
 *     longer than the CPU time left divided by the threads that can burn it;
 *     it kills the run as soon as the clock passes the limit, so the
 *     overshoot is one wake-up, not RLIMIT_CPU's whole second.
 *   Wall: the same loop, against CLOCK_MONOTONIC since the fork.
 *   Memory: the worker's memory cgroup (limit = memsw limit = memory_kb),
 *     peak from memory.max_usage_in_bytes reset before each run; an OOM kill
 *     (memory.oom_control's oom_kill counter) is MLE. Without the memory
 *     cgroup: RLIMIT_AS = memory_kb, and a run that failed with ru_maxrss
 *     near the limit is MLE (a heuristic: malloc fails before RSS grows).
 *     A binary whose loadable image (static arrays included) is larger than
 *     the limit is MLE without being run.
 *   Output: stdout is read by the judge into a buffer capped at output_kb;
 *     one byte more is OLE and kills the run. stderr is kept up to
 *     stderr_kb and the rest drained (not an error). RLIMIT_FSIZE caps files.
 *   Processes: seccomp allows no fork; threads only when procs > 1, counted
 *     by the pids cgroup and RLIMIT_NPROC.
 *
 * Seccomp policy (policy.c). An allow-list of what a static glibc program
 * needs (the threat model's list, plus time, sleeping, futex and reading
 * files opened read-only). Default action: SECCOMP_RET_USER_NOTIF, so the
 * forbidden call blocks and the judge, holding the listener, learns its
 * number and kills the run: the SV result names the call. i386 (int 0x80)
 * and x32 numbers get the same default action, with nothing allowed; any
 * other architecture kills the process. clone3 returns ENOSYS (glibc falls
 * back to clone, whose flags the filter checks). open/openat only without
 * O_WRONLY, O_RDWR, O_CREAT, O_TRUNC, O_APPEND, O_TMPFILE. ioctl TCGETS
 * only. prlimit64 only reading. kill only pid 0; tgkill/tkill so that
 * abort() and assert() end as RE with SIGABRT.
 *   Execve once: the filter must allow the execveat that starts the
 *   solution, and a filter cannot be removed; it compares pointers, not
 *   strings. So execveat stays allowed, and the guarantee is that nothing
 *   executable exists where the program can reach: it is chrooted into its
 *   box, which contains no binary (the solution is executed from a
 *   descriptor that is close-on-exec), and it cannot create files
 *   (open for writing is denied) nor memfds (memfd_create is denied).
 *   The listener reaches the judge through pidfd_getfd() while R waits on
 *   the go pipe: it is close-on-exec, so the program never holds it.
 *
 * Compile (sbx_compile): the same child set-up without seccomp and chroot:
 * gcc as the worker uid in the box directory, stdin /dev/null, fixed argv,
 * its CPU read from the cpuacct cgroup (all of gcc's processes), the whole
 * process group and cgroup killed at the end.
 */
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/internal.h"
#include "sandbox/sandbox.h"

#define BOX_ROOT "/tmp/judge-box"
#define UID_BASE_DEFAULT 60000
#define UID_COUNT_DEFAULT 64

struct sbx {
	int index;
	uid_t uid;
	gid_t gid;
	int root;                    /* running as root: uid drop, chroot */
	int lock_fd;                 /* flock held on the uid's lock file */
	char dir[256];               /* BOX_ROOT/w<index>-<pid> */
	char box[300];               /* dir/box: the run's box */
	struct sock_fprog prog[2];   /* POLICY_RUN, POLICY_RUN_THREADS */
	struct cg cg;
};

/* ---- the child ---------------------------------------------------------- */

enum { FD_SYNC = 3, FD_GO = 4, FD_EXE = 5, FD_FIRST_FREE = 6 };

/* Everything R needs, computed before the fork. */
struct child {
	int in, out, err, sync, go, exe;  /* -1 when unused */
	int cg_fds[3];
	pid_t parent;
	const char *box;
	int chroot_box;
	int drop;
	uid_t uid;
	gid_t gid;
	int nrl;
	int rl_res[12];
	struct rlimit rl[12];
	const struct sock_fprog *prog;
	const char *path;                 /* execve path, NULL: execveat(exe) */
	char *const *argv;
	char *const *envp;
};

struct sync_msg {
	int kind;   /* SYNC_LISTENER or SYNC_FAIL */
	int value;  /* the listener's fd number, or the failed step */
	int err;    /* errno of the failed step */
};
enum { SYNC_LISTENER = 1, SYNC_FAIL = 2 };
enum { STEP_PDEATH, STEP_CGROUP, STEP_FDS, STEP_CHROOT, STEP_CHDIR,
       STEP_RLIMIT, STEP_IDS, STEP_NNP, STEP_SECCOMP, STEP_GO, STEP_EXEC };
static const char *const step_name[] = {
	"parent-death signal", "joining the cgroup", "descriptors", "chroot",
	"chdir", "resource limits", "dropping privileges", "no_new_privs",
	"seccomp", "waiting for the judge", "exec",
};

static void child_fail(int step)
{
	struct sync_msg m = { SYNC_FAIL, step, errno };

	if (write(FD_SYNC, &m, sizeof m) < 0) {
		/* nothing left to report with */
	}
	_exit(127);
}

/* Move fd to a descriptor above every target, so dup2 cannot clobber. */
static int lift(int fd)
{
	return fd < 0 ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, 64);
}

static __attribute__((noreturn)) void child_main(const struct child *c)
{
	int in, out, err, sync, go, exe, i;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != c->parent)
		_exit(127);
	setpgid(0, 0);
	/* Descriptors first: FD_SYNC must be in place to report failures. */
	in = lift(c->in);
	out = lift(c->out);
	err = lift(c->err);
	sync = lift(c->sync);
	go = lift(c->go);
	exe = lift(c->exe);
	if (sync < 0 || dup2(sync, FD_SYNC) < 0)
		_exit(127);
	if (dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    (go >= 0 && dup3(go, FD_GO, O_CLOEXEC) < 0) ||
	    (exe >= 0 && dup3(exe, FD_EXE, O_CLOEXEC) < 0))
		child_fail(STEP_FDS);
	for (i = 0; i < 3; i++)
		if (c->cg_fds[i] >= 0 && write(c->cg_fds[i], "0", 1) != 1)
			child_fail(STEP_CGROUP);
	if (fcntl(FD_SYNC, F_SETFD, FD_CLOEXEC) < 0 ||
	    close_range(FD_FIRST_FREE, ~0U, 0) < 0)
		child_fail(STEP_FDS);
	if (c->chroot_box) {
		if (chroot(c->box) < 0)
			child_fail(STEP_CHROOT);
		if (chdir("/") < 0)
			child_fail(STEP_CHDIR);
	} else if (chdir(c->box) < 0) {
		child_fail(STEP_CHDIR);
	}
	for (i = 0; i < c->nrl; i++)
		if (setrlimit(c->rl_res[i], &c->rl[i]) < 0)
			child_fail(STEP_RLIMIT);
	if (c->drop && (setgroups(0, NULL) < 0 ||
			setresgid(c->gid, c->gid, c->gid) < 0 ||
			setresuid(c->uid, c->uid, c->uid) < 0))
		child_fail(STEP_IDS);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		child_fail(STEP_NNP);
	if (c->prog) {
		struct sync_msg m = { SYNC_LISTENER, 0, 0 };
		char go_byte;
		long fd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
				  SECCOMP_FILTER_FLAG_NEW_LISTENER, c->prog);

		if (fd < 0)
			child_fail(STEP_SECCOMP);
		m.value = (int)fd;
		if (write(FD_SYNC, &m, sizeof m) != sizeof m ||
		    read(FD_GO, &go_byte, 1) != 1)
			child_fail(STEP_GO);
	}
	if (c->path)
		execve(c->path, c->argv, c->envp);
	else
		syscall(SYS_execveat, FD_EXE, "", c->argv, c->envp,
			AT_EMPTY_PATH);
	child_fail(STEP_EXEC);
	_exit(127);
}

/* ---- supervision ---------------------------------------------------------- */

struct watch {
	pid_t pid;
	int pidfd, out, err, sync, go, listener;
	struct buf *bout, *berr;
	size_t out_cap, err_cap;
	int compile;                  /* CPU from the cgroup, kill the group */
	struct cg *cg;
	clockid_t cpuclock;
	long long cpu_limit_ns, wall_limit_ns;
	unsigned threads;             /* how many CPUs it can burn at once */
	/* outcome */
	int killed;                   /* why we killed it (enum kill_reason) */
	int sys_nr;
	unsigned sys_arch;
	int fail_step, fail_err;      /* set-up failure reported by R */
	long long start_ns, end_ns, cpu_ns;
};
enum kill_reason { K_NONE, K_CPU, K_WALL, K_OUTPUT, K_SYSCALL };

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void do_kill(struct watch *w, int reason)
{
	if (!w->killed)
		w->killed = reason;
	kill(w->pid, SIGKILL);
	if (w->compile) {
		kill(-w->pid, SIGKILL);
		cg_kill_all(w->cg);
	}
}

static long long cpu_now(struct watch *w)
{
	struct timespec ts;

	if (w->compile)
		return w->cg->cpu_ok ? cg_cpu_ns(w->cg) : 0;
	if (clock_gettime(w->cpuclock, &ts) < 0)
		return w->cpu_ns;
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Read what is there; 0 at EOF (the fd is closed and set to -1). */
static void pump(int *fd, struct buf *b, size_t cap, struct watch *w, int is_out)
{
	char chunk[65536];
	ssize_t n = read(*fd, chunk, sizeof chunk);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n <= 0) {
		close(*fd);
		*fd = -1;
		return;
	}
	if (b->len + (size_t)n > cap) {
		buf_add(b, chunk, cap - b->len);
		b->truncated = 1;
		if (is_out && !w->killed)
			do_kill(w, K_OUTPUT);
		return;
	}
	buf_add(b, chunk, (size_t)n);
}

static void on_sync(struct watch *w)
{
	struct sync_msg m;
	ssize_t n = read(w->sync, &m, sizeof m);

	if (n < 0 && (errno == EAGAIN || errno == EINTR))
		return;
	if (n != sizeof m) {           /* EOF: exec happened (or R died) */
		close(w->sync);
		w->sync = -1;
		return;
	}
	if (m.kind == SYNC_LISTENER) {
		int fd = (int)syscall(SYS_pidfd_getfd, w->pidfd, m.value, 0);

		if (fd < 0) {
			w->fail_step = STEP_SECCOMP;
			w->fail_err = errno;
			do_kill(w, K_NONE);
			return;
		}
		w->listener = fd;
		if (write(w->go, "g", 1) != 1) {
			w->fail_step = STEP_GO;
			w->fail_err = errno;
			do_kill(w, K_NONE);
		}
	} else if (m.kind == SYNC_FAIL && w->fail_step < 0) {
		w->fail_step = m.value;
		w->fail_err = m.err;
	}
}

static void on_listener(struct watch *w)
{
	struct seccomp_notif n;

	memset(&n, 0, sizeof n);
	if (ioctl(w->listener, SECCOMP_IOCTL_NOTIF_RECV, &n) < 0) {
		if (errno != EINTR && errno != ENOENT) {
			close(w->listener);
			w->listener = -1;
		}
		return;
	}
	if (!w->killed) {
		w->sys_nr = n.data.nr;
		w->sys_arch = n.data.arch;
		do_kill(w, K_SYSCALL);
	}
}

/* Supervise until the child exits and every pipe is drained. */
static void supervise(struct watch *w, int *status, struct rusage *ru)
{
	int exited = 0;

	while (!exited) {
		struct pollfd p[5];
		int np = 0, i_out = -1, i_err = -1, i_sync = -1, i_lis = -1;
		long long now = now_ns(), wait_ns = 1000000000LL, cpu;
		struct timespec ts;

		if (w->cpu_limit_ns) {
			cpu = cpu_now(w);
			w->cpu_ns = cpu;
			if (cpu > w->cpu_limit_ns && !w->killed)
				do_kill(w, K_CPU);
			wait_ns = (w->cpu_limit_ns - cpu) / w->threads;
		}
		if (w->wall_limit_ns) {
			long long left = w->start_ns + w->wall_limit_ns - now;

			if (left <= 0 && !w->killed)
				do_kill(w, K_WALL);
			if (left < wait_ns)
				wait_ns = left;
		}
		if (wait_ns < 200000)
			wait_ns = 200000;
		if (w->killed)
			wait_ns = 10000000;
		ts.tv_sec = wait_ns / 1000000000LL;
		ts.tv_nsec = wait_ns % 1000000000LL;
		p[np].fd = w->pidfd; p[np++].events = POLLIN;
		if (w->out >= 0) { i_out = np; p[np].fd = w->out; p[np++].events = POLLIN; }
		if (w->err >= 0) { i_err = np; p[np].fd = w->err; p[np++].events = POLLIN; }
		if (w->sync >= 0) { i_sync = np; p[np].fd = w->sync; p[np++].events = POLLIN; }
		if (w->listener >= 0) { i_lis = np; p[np].fd = w->listener; p[np++].events = POLLIN; }
		if (ppoll(p, (nfds_t)np, &ts, NULL) < 0)
			continue;
		if (i_out >= 0 && p[i_out].revents)
			pump(&w->out, w->bout, w->out_cap, w, 1);
		if (i_err >= 0 && p[i_err].revents)
			pump(&w->err, w->berr, w->err_cap, w, 0);
		if (i_sync >= 0 && p[i_sync].revents)
			on_sync(w);
		if (i_lis >= 0 && p[i_lis].revents) {
			if (p[i_lis].revents & POLLIN)
				on_listener(w);
			else {
				close(w->listener);
				w->listener = -1;
			}
		}
		if (p[0].revents)
			exited = 1;
	}
	w->end_ns = now_ns();
	while (wait4(w->pid, status, 0, ru) < 0 && errno == EINTR)
		;
	if (w->compile) {
		kill(-w->pid, SIGKILL);
		cg_kill_all(w->cg);
	}
	/* Drain: the writers are gone (or killed); never block on a pipe a
	 * stray process could hold. */
	for (int round = 0; round < 1000 && (w->out >= 0 || w->err >= 0); round++) {
		struct pollfd p[2];
		int np = 0;

		if (w->out >= 0) { p[np].fd = w->out; p[np++].events = POLLIN; }
		if (w->err >= 0) { p[np].fd = w->err; p[np++].events = POLLIN; }
		if (poll(p, (nfds_t)np, 100) <= 0)
			break;
		if (w->out >= 0)
			pump(&w->out, w->bout, w->out_cap, w, 1);
		if (w->err >= 0)
			pump(&w->err, w->berr, w->err_cap, w, 0);
	}
	if (w->sync >= 0)
		on_sync(w);
}

/* ---- worker set-up ---------------------------------------------------------- */

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
	char path[320];

	if (count == 0 || base + count > 4000000000UL)
		return err_set("bad JUDGE_SANDBOX_UID_BASE/JUDGE_SANDBOX_UID_COUNT");
	for (k = 0; k < count; k++) {
		uid_t uid = (uid_t)(base + ((unsigned long)s->index + k) % count);
		int fd;

		if (getpwuid(uid) || getgrgid((gid_t)uid))
			continue;
		snprintf(path, sizeof path, BOX_ROOT "/uid-%u.lock", (unsigned)uid);
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

/* BOX_ROOT must be root's own real directory, not a planted link. */
static int check_box_root(void)
{
	struct stat st;

	if (mkdir(BOX_ROOT, 0711) < 0 && errno != EEXIST)
		return err_errno("cannot create '%s'", BOX_ROOT);
	if (lstat(BOX_ROOT, &st) < 0)
		return err_errno("cannot stat '%s'", BOX_ROOT);
	if (!S_ISDIR(st.st_mode) || st.st_uid != geteuid() ||
	    (st.st_mode & 022))
		return err_set("'%s' is not a private directory of the judge's user; "
			       "remove it", BOX_ROOT);
	return 0;
}

struct sbx *sbx_open(int index)
{
	struct sbx *s = xcalloc(1, sizeof *s);

	s->index = index;
	s->lock_fd = -1;
	s->root = geteuid() == 0;
	if (index < 0) {
		err_set("bad sandbox worker index %d", index);
		goto fail;
	}
	if (check_box_root() < 0)
		goto fail;
	if (s->root) {
		if (claim_uid(s) < 0)
			goto fail;
	} else {
		s->uid = getuid();
		s->gid = getgid();
	}
	snprintf(s->dir, sizeof s->dir, BOX_ROOT "/w%d-%ld", index, (long)getpid());
	snprintf(s->box, sizeof s->box, "%s/box", s->dir);
	util_rmtree(s->dir);
	if (mkdir(s->dir, 0711) < 0) {
		err_errno("cannot create '%s'", s->dir);
		goto fail;
	}
	if (policy_build(POLICY_RUN, &s->prog[0]) < 0 ||
	    policy_build(POLICY_RUN_THREADS, &s->prog[1]) < 0)
		goto fail;
	if (s->root && cg_open(&s->cg, index) < 0)
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
	if (s->cg.mem_ok || s->cg.pids_ok || s->cg.cpu_ok)
		cg_close(&s->cg);
	if (s->dir[0])
		util_rmtree(s->dir);
	free(s->prog[0].filter);
	free(s->prog[1].filter);
	if (s->lock_fd >= 0)
		close(s->lock_fd);
	free(s);
}

void sbx_result_release(struct sbx_result *r)
{
	buf_release(&r->out);
	buf_release(&r->err);
}

const char *sbx_status_name(enum sbx_status st)
{
	static const char *const names[] = { "OK", "RE", "TLE", "MLE", "OLE", "SV" };

	return (unsigned)st < sizeof names / sizeof names[0] ? names[st] : "?";
}

/* ---- one run ---------------------------------------------------------- */

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
		strlen(n) < 200;
}

/* A fresh box directory owned by the worker uid, mode 0700, with the
 * extra files copied in read-only (owned by root, mode 0444). */
static int make_box(struct sbx *s, const struct sbx_file *files, size_t n)
{
	char path[512];
	size_t i;

	util_rmtree(s->box);
	if (mkdir(s->box, 0700) < 0)
		return err_errno("cannot create the box '%s'", s->box);
	for (i = 0; i < n; i++) {
		int in, out;
		ssize_t k;

		if (!valid_name(files[i].name))
			return err_set("bad box file name '%s'",
				       files[i].name ? files[i].name : "(null)");
		if ((in = open_regular(files[i].path, "file")) < 0)
			return -1;
		snprintf(path, sizeof path, "%s/%s", s->box, files[i].name);
		out = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0444);
		if (out < 0) {
			close(in);
			return err_errno("cannot create '%s'", path);
		}
		do
			k = copy_file_range(in, NULL, out, NULL, 1 << 30, 0);
		while (k > 0);
		close(in);
		close(out);
		if (k < 0)
			return err_errno("cannot copy '%s' into the box", files[i].path);
	}
	if (s->root && chown(s->box, s->uid, s->gid) < 0)
		return err_errno("cannot chown the box '%s'", s->box);
	return 0;
}

static void add_rl(struct child *c, int res, unsigned long long v)
{
	c->rl_res[c->nrl] = res;
	c->rl[c->nrl].rlim_cur = c->rl[c->nrl].rlim_max = (rlim_t)v;
	c->nrl++;
}

static const char *sig_name(int sig)
{
	static char buf[16];
	const char *n = sigabbrev_np(sig);

	if (!n) {
		snprintf(buf, sizeof buf, "%d", sig);
		return buf;
	}
	snprintf(buf, sizeof buf, "SIG%s", n);
	return buf;
}

/* Turn the watch and wait status into a result. */
static void classify(struct sbx *s, const struct sbx_limits *L,
		     struct watch *w, int status, const struct rusage *ru,
		     long oom_before, struct sbx_result *r)
{
	unsigned long long peak = cg_peak(&s->cg);
	unsigned long long mem = L->memory_kb * 1024ULL;
	long oom_after = cg_oom_kills(&s->cg);
	int abnormal;

	r->cpu_ms = (unsigned)((ru->ru_utime.tv_sec + ru->ru_stime.tv_sec) * 1000 +
			       (ru->ru_utime.tv_usec + ru->ru_stime.tv_usec) / 1000);
	if (w->compile && w->cpu_ns / 1000000 > r->cpu_ms)
		r->cpu_ms = (unsigned)(w->cpu_ns / 1000000);
	r->wall_ms = (unsigned)((w->end_ns - w->start_ns) / 1000000);
	r->memory_kb = peak ? (unsigned long)(peak / 1024) : (unsigned long)ru->ru_maxrss;
	if (WIFEXITED(status)) {
		r->exit_code = WEXITSTATUS(status);
		r->signal = 0;
	} else if (WIFSIGNALED(status)) {
		r->exit_code = -1;
		r->signal = WTERMSIG(status);
	}
	abnormal = r->signal != 0 || r->exit_code != 0;
	r->status = SBX_OK;
	if (w->killed == K_SYSCALL) {
		r->status = SBX_SV;
		policy_syscall_name(w->sys_arch, w->sys_nr, r->syscall, sizeof r->syscall);
		snprintf(r->message, sizeof r->message,
			 "forbidden system call '%s'", r->syscall);
	} else if (w->killed == K_OUTPUT || r->signal == SIGXFSZ) {
		r->status = SBX_OLE;
		snprintf(r->message, sizeof r->message, "output limit exceeded (%lu KB)",
			 L->output_kb);
	} else if (oom_after > oom_before ||
		   (mem && abnormal && r->memory_kb * 1024ULL >= mem - mem / 64)) {
		r->status = SBX_MLE;
		r->memory_kb = r->memory_kb > L->memory_kb ? r->memory_kb : L->memory_kb;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (%lu KB)", L->memory_kb);
	} else if (w->killed == K_CPU || r->signal == SIGXCPU ||
		   (L->cpu_ms && r->cpu_ms > L->cpu_ms)) {
		r->status = SBX_TLE;
		snprintf(r->message, sizeof r->message,
			 "time limit exceeded (cpu %u ms)", r->cpu_ms);
	} else if (w->killed == K_WALL) {
		r->status = SBX_TLE;
		r->tle_wall = 1;
		snprintf(r->message, sizeof r->message,
			 "time limit exceeded (wall %u ms, cpu %u ms)", r->wall_ms, r->cpu_ms);
	} else if (r->signal) {
		r->status = SBX_RE;
		snprintf(r->message, sizeof r->message, "killed by signal %s",
			 sig_name(r->signal));
	} else if (r->exit_code) {
		r->status = SBX_RE;
		snprintf(r->message, sizeof r->message, "exited with code %d",
			 r->exit_code);
	}
	if (r->status == SBX_OK)
		r->message[0] = 0;
}

struct job {
	const char *path;             /* compile: the compiler; run: NULL */
	char *const *argv;
	int exe;                      /* run: the binary */
	int in;
	int compile;
	const struct sbx_limits *L;
};

static int execute(struct sbx *s, const struct job *j, struct sbx_result *r)
{
	static char *const env_run[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
	const struct sbx_limits *L = j->L;
	struct child c;
	struct watch w;
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, ps[2] = { -1, -1 };
	int pg[2] = { -1, -1 };
	int status = 0, rc = -1, i;
	unsigned long long mem = L->memory_kb * 1024ULL;
	unsigned long long stack = (L->stack_kb ? L->stack_kb : L->memory_kb) * 1024ULL;
	unsigned long long fsize = (L->fsize_kb ? L->fsize_kb : L->output_kb) * 1024ULL;
	unsigned procs = L->procs > 1 ? L->procs : 1;
	struct rusage ru;
	long oom_before;
	pid_t pid;

	memset(&c, 0, sizeof c);
	memset(&w, 0, sizeof w);
	memset(&ru, 0, sizeof ru);
	c.cg_fds[0] = c.cg_fds[1] = c.cg_fds[2] = -1;
	w.pidfd = w.out = w.err = w.sync = w.go = w.listener = -1;
	w.fail_step = -1;
	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0 ||
	    pipe2(ps, O_CLOEXEC) < 0 || (!j->compile && pipe2(pg, O_CLOEXEC) < 0)) {
		err_errno("cannot create pipes");
		goto out;
	}
	if (s->root && cg_prepare(&s->cg, mem, procs) < 0)
		goto out;
	if (s->root && cg_join_fds(&s->cg, c.cg_fds) < 0)
		goto out;
	oom_before = cg_oom_kills(&s->cg);

	c.in = j->in;
	c.out = po[1];
	c.err = pe[1];
	c.sync = ps[1];
	c.go = pg[0];
	c.exe = j->exe;
	c.parent = getpid();
	c.box = s->box;
	c.chroot_box = s->root && !j->compile;
	c.drop = s->root;
	c.uid = s->uid;
	c.gid = s->gid;
	c.path = j->path;
	c.argv = j->argv;
	c.envp = env_run;
	c.prog = j->compile ? NULL : &s->prog[procs > 1];
	add_rl(&c, RLIMIT_CORE, 0);
	add_rl(&c, RLIMIT_MEMLOCK, 0);
	add_rl(&c, RLIMIT_MSGQUEUE, 0);
	add_rl(&c, RLIMIT_NICE, 0);
	add_rl(&c, RLIMIT_RTPRIO, 0);
	add_rl(&c, RLIMIT_NOFILE, j->compile ? 256 : 64);
	add_rl(&c, RLIMIT_FSIZE, fsize ? fsize : RLIM_INFINITY);
	add_rl(&c, RLIMIT_STACK, stack ? stack : RLIM_INFINITY);
	/* A backstop only: whole seconds, one more than the limit. */
	add_rl(&c, RLIMIT_CPU, L->cpu_ms ? L->cpu_ms / 1000 + 2 : RLIM_INFINITY);
	if (s->root)
		add_rl(&c, RLIMIT_NPROC, procs + (j->compile ? 0 : 0));
	if (mem && !s->cg.mem_ok)
		add_rl(&c, RLIMIT_AS, mem);

	w.bout = &r->out;
	w.berr = &r->err;
	w.out_cap = L->output_kb * 1024;
	w.err_cap = L->stderr_kb * 1024;
	w.compile = j->compile;
	w.cg = &s->cg;
	w.cpu_limit_ns = L->cpu_ms * 1000000LL;
	w.wall_limit_ns = L->wall_ms * 1000000LL;
	{
		long ncpu = sysconf(_SC_NPROCESSORS_ONLN);

		w.threads = ncpu < 1 ? 1 : (unsigned)ncpu;
		if (procs < w.threads)
			w.threads = procs;
	}
	w.start_ns = now_ns();
	pid = fork();
	if (pid < 0) {
		err_errno("cannot fork");
		goto out;
	}
	if (pid == 0)
		child_main(&c);
	w.pid = pid;
	close(po[1]); po[1] = -1;
	close(pe[1]); pe[1] = -1;
	close(ps[1]); ps[1] = -1;
	if (pg[0] >= 0) { close(pg[0]); pg[0] = -1; }
	w.out = po[0]; po[0] = -1;
	w.err = pe[0]; pe[0] = -1;
	w.sync = ps[0]; ps[0] = -1;
	w.go = pg[1]; pg[1] = -1;
	w.pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (w.pidfd < 0) {
		err_errno("pidfd_open");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		goto out;
	}
	if (clock_getcpuclockid(pid, &w.cpuclock) != 0)
		w.cpuclock = CLOCK_MONOTONIC;
	for (i = 0; i < 3; i++)
		if (c.cg_fds[i] >= 0) {
			close(c.cg_fds[i]);
			c.cg_fds[i] = -1;
		}
	supervise(&w, &status, &ru);
	if (w.fail_step >= 0 && !(w.fail_step == STEP_EXEC && w.fail_err == ENOMEM)) {
		errno = w.fail_err;
		err_errno("sandbox set-up failed at %s", step_name[w.fail_step]);
		goto out;
	}
	classify(s, L, &w, status, &ru, oom_before, r);
	if (w.fail_step == STEP_EXEC) {
		r->status = SBX_MLE;
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded (the program does not fit)");
	}
	rc = 0;
out:
	for (i = 0; i < 2; i++) {
		if (po[i] >= 0) close(po[i]);
		if (pe[i] >= 0) close(pe[i]);
		if (ps[i] >= 0) close(ps[i]);
		if (pg[i] >= 0) close(pg[i]);
	}
	for (i = 0; i < 3; i++)
		if (c.cg_fds[i] >= 0)
			close(c.cg_fds[i]);
	if (w.pidfd >= 0) close(w.pidfd);
	if (w.out >= 0) close(w.out);
	if (w.err >= 0) close(w.err);
	if (w.sync >= 0) close(w.sync);
	if (w.go >= 0) close(w.go);
	if (w.listener >= 0) close(w.listener);
	return rc;
}

static void run_defaults(struct sbx_limits *L)
{
	if (!L->wall_ms)
		L->wall_ms = L->cpu_ms ? 2 * L->cpu_ms + 1000 : 0;
	if (!L->output_kb)
		L->output_kb = 64 * 1024;
	if (!L->stderr_kb)
		L->stderr_kb = 64;
}

int sbx_run(struct sbx *s, const struct sbx_spec *spec, struct sbx_result *r)
{
	struct sbx_limits L = spec->limits;
	char *argv[66];
	struct job j;
	size_t n = 0;
	int exe = -1, in = -1, rc = -1;
	unsigned long long img;

	run_defaults(&L);
	buf_reset(&r->out);
	buf_reset(&r->err);
	r->status = SBX_OK;
	r->exit_code = -1;
	r->signal = r->tle_wall = 0;
	r->cpu_ms = r->wall_ms = 0;
	r->memory_kb = 0;
	r->syscall[0] = r->message[0] = 0;
	if (spec->policy != SBX_POLICY_RUN || !spec->exe)
		return err_set("sbx_run needs the RUN policy and an executable");
	argv[n++] = "prog";
	for (size_t i = 0; spec->argv && spec->argv[i]; i++) {
		if (n >= 65)
			return err_set("too many arguments for the program");
		argv[n++] = (char *)spec->argv[i];
	}
	argv[n] = NULL;
	if ((exe = open_regular(spec->exe, "program")) < 0)
		goto out;
	img = image_size(exe);
	if (L.memory_kb && img > L.memory_kb * 1024ULL) {
		r->status = SBX_MLE;
		r->memory_kb = (unsigned long)(img / 1024);
		snprintf(r->message, sizeof r->message,
			 "memory limit exceeded: the program's static data alone is %llu KB",
			 img / 1024);
		rc = 0;
		goto out;
	}
	if ((in = stdin_fd(spec)) < 0)
		goto out;
	if (make_box(s, spec->files, spec->nfiles) < 0)
		goto out;
	memset(&j, 0, sizeof j);
	j.argv = argv;
	j.exe = exe;
	j.in = in;
	j.L = &L;
	rc = execute(s, &j, r);
out:
	if (exe >= 0)
		close(exe);
	if (in >= 0)
		close(in);
	util_rmtree(s->box);
	if (rc < 0)
		err_prefix("sandbox");
	return rc;
}

/* Remove every "<box>/" (and a bare "<box>") from the diagnostics. */
static void strip_box(struct buf *b, const char *box)
{
	struct buf o = BUF_INIT;
	size_t bl = strlen(box);
	const char *p = buf_str(b), *q;

	if (!b->len)
		return;
	buf_init(&o, b->cap);
	while ((q = strstr(p, box))) {
		buf_add(&o, p, (size_t)(q - p));
		p = q + bl;
		if (*p == '/')
			p++;
	}
	buf_addstr(&o, p);
	o.truncated = b->truncated;
	buf_release(b);
	*b = o;
}

int sbx_compile(struct sbx *s, const char *source, size_t len,
		const char *const *argv, const struct sbx_limits *limits,
		const char *out_path, struct sbx_result *r)
{
	struct sbx_limits L = { 10000, 20000, 512 * 1024, 0, 64, 64, 64 * 1024, 16 };
	char path[512], cc[512];
	struct buf bin = BUF_INIT;
	struct job j;
	int in = -1, rc = -1, fd;

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
	if (!L.stack_kb)
		L.stack_kb = 64 * 1024;
	buf_reset(&r->out);
	buf_reset(&r->err);
	memset(r->syscall, 0, sizeof r->syscall);
	r->message[0] = 0;
	if (!argv || !argv[0])
		return err_set("sandbox: no compiler command line");
	if (strchr(argv[0], '/'))
		snprintf(cc, sizeof cc, "%s", argv[0]);
	else {
		snprintf(cc, sizeof cc, "/usr/bin/%s", argv[0]);
		if (access(cc, X_OK) < 0)
			snprintf(cc, sizeof cc, "/bin/%s", argv[0]);
	}
	if (make_box(s, NULL, 0) < 0)
		goto out;
	snprintf(path, sizeof path, "%s/prog.c", s->box);
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 || write(fd, source, len) != (ssize_t)len) {
		err_errno("cannot write '%s'", path);
		if (fd >= 0)
			close(fd);
		goto out;
	}
	close(fd);
	if ((in = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0) {
		err_errno("cannot open /dev/null");
		goto out;
	}
	memset(&j, 0, sizeof j);
	j.path = cc;
	j.argv = (char *const *)argv;
	j.exe = -1;
	j.in = in;
	j.compile = 1;
	j.L = &L;
	if (execute(s, &j, r) < 0)
		goto out;
	strip_box(&r->err, s->box);
	strip_box(&r->out, s->box);
	if (r->status == SBX_OK && out_path) {
		snprintf(path, sizeof path, "%s/prog", s->box);
		if ((fd = open_regular(path, "compiler output")) < 0)
			goto out;
		buf_init(&bin, (size_t)L.fsize_kb * 1024);
		for (;;) {
			char chunk[65536];
			ssize_t n = read(fd, chunk, sizeof chunk);

			if (n <= 0 || buf_add(&bin, chunk, (size_t)n) < 0)
				break;
		}
		close(fd);
		if (util_write_file(out_path, bin.data ? bin.data : "", bin.len, 0755) < 0)
			goto out;
	}
	rc = 0;
out:
	if (in >= 0)
		close(in);
	buf_release(&bin);
	util_rmtree(s->box);
	if (rc < 0)
		err_prefix("sandbox: compile");
	return rc;
}
