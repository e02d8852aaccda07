/* policy.c: the seccomp allow-lists, built with libseccomp and exported to
 * BPF once per worker, so that a run only has to install them. */
#include <errno.h>
#include <fcntl.h>
#include <linux/filter.h>
#include <sched.h>
#include <seccomp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <termios.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/internal.h"

/* O_TMPFILE's own bit (O_TMPFILE also carries O_DIRECTORY, which alone is
 * harmless: opendir uses it). */
#define TMPFILE_BIT 020000000

/* What a static C program may do: see the theory of operation in sandbox.c.
 * Calls listed here are allowed without conditions. */
static const char *const run_plain[] = {
	"read", "write", "readv", "writev", "pread64", "lseek", "close",
	"fstat", "newfstatat", "brk", "munmap", "mprotect",
	"madvise", "arch_prctl", "set_tid_address", "set_robust_list", "rseq",
	"getrlimit", "readlink", "getrandom", "exit", "exit_group",
	"rt_sigprocmask", "rt_sigaction", "rt_sigreturn", "sigaltstack",
	"getpid", "gettid", "getppid", "getuid", "geteuid", "getgid",
	"getegid", "clock_gettime", "clock_getres", "gettimeofday", "time",
	"nanosleep", "clock_nanosleep", "sched_yield", "sysinfo", "uname",
	"sched_getaffinity", "getcwd", "futex", "get_robust_list",
	"getrusage", "times", "fcntl", "dup", "pipe2", "restart_syscall",
	"getdents64",
	"poll", "ppoll", "select", "pselect6", "pause", "rt_sigsuspend",
	"alarm", "getitimer", "setitimer",
	/* the one execveat of the solution: see "execve once" in sandbox.c */
	"execveat",
	NULL,
};

static int rule(scmp_filter_ctx ctx, const char *name, unsigned n,
		const struct scmp_arg_cmp *cmp)
{
	int nr = seccomp_syscall_resolve_name(name);
	int rc;

	if (nr == __NR_SCMP_ERROR)
		return err_set("seccomp: unknown system call '%s'", name);
	rc = seccomp_rule_add_array(ctx, SCMP_ACT_ALLOW, nr, n, cmp);
	if (rc < 0)
		return err_set("seccomp: rule for '%s': %s", name, strerror(-rc));
	return 0;
}

/* Opening for reading only: no write access, no creation, no truncation
 * (O_RDONLY|O_TRUNC truncates), no O_TMPFILE; unless writes. */
static int open_rules(scmp_filter_ctx ctx, int writes)
{
	const unsigned long wflags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC |
		O_APPEND | TMPFILE_BIT;
	struct scmp_arg_cmp c[1];

	c[0] = SCMP_A1(SCMP_CMP_MASKED_EQ, wflags, 0);
	if (rule(ctx, "open", writes ? 0 : 1, c) < 0)
		return -1;
	c[0] = SCMP_A2(SCMP_CMP_MASKED_EQ, wflags, 0);
	return rule(ctx, "openat", writes ? 0 : 1, c);
}

/* mmap and mremap. An allocation larger than the whole memory limit mem
 * (0: none) is reported (as MLE) instead of failing: a failed malloc is
 * over the limit. Without threads, a thread's stack (MAP_STACK, which only
 * pthread_create asks for) is reported as the clone that would follow it:
 * where RLIMIT_AS stands in for a memory cgroup (as_limit) the stack would
 * fail first, and pthread_create would return quietly. */
static int memory_rules(scmp_filter_ctx ctx, int threads, int as_limit,
			unsigned long long mem)
{
	struct scmp_arg_cmp c[2];

	c[1] = SCMP_A3(SCMP_CMP_MASKED_EQ, MAP_STACK, 0);
	if (!mem)
		return rule(ctx, "mmap", threads ? 0 : 1, c + 1) < 0 ||
		       rule(ctx, "mremap", 0, NULL) < 0 ? -1 : 0;
	c[0] = SCMP_A1(SCMP_CMP_LE, mem);
	if (rule(ctx, "mmap", threads ? 1 : 2, c) < 0)
		return -1;
	/* Reservations (thread stacks, malloc arenas) are made PROT_NONE and
	 * cost nothing until made accessible. Not where RLIMIT_AS stands in
	 * for a memory cgroup: there one larger than the limit would fail
	 * (ENOMEM), and is reported as the MLE it would be with a cgroup once
	 * made accessible and touched (one thread: no malloc arena of a second
	 * thread asks for one). */
	c[0] = SCMP_A2(SCMP_CMP_EQ, PROT_NONE);
	if (!as_limit && rule(ctx, "mmap", threads ? 1 : 2, c) < 0)
		return -1;
	c[0] = SCMP_A2(SCMP_CMP_LE, mem);
	return rule(ctx, "mremap", 1, c);
}

/* The calls allowed with one argument fixed: sendmsg on fd 3 only (the
 * run child hands the seccomp listener to the box through it after the
 * filter is in place; fd 3 is close-on-exec and the program can make no
 * socket); ioctl TCGETS only (stdio asks whether stdout is a terminal;
 * never TIOCSTI); prlimit64 may read limits, never set them. */
static int narrow_rules(scmp_filter_ctx ctx)
{
	struct scmp_arg_cmp c[2];

	c[0] = SCMP_A0(SCMP_CMP_EQ, BOX_FD_SYNC);
	if (rule(ctx, "sendmsg", 1, c) < 0)
		return -1;
	c[0] = SCMP_A1(SCMP_CMP_EQ, TCGETS);
	if (rule(ctx, "ioctl", 1, c) < 0)
		return -1;
	c[0] = SCMP_A0(SCMP_CMP_EQ, 0);
	c[1] = SCMP_A2(SCMP_CMP_EQ, 0);
	return rule(ctx, "prlimit64", 2, c);
}

/* Signals only to itself: tgkill/tkill are how raise() and abort() work;
 * kill only with pid 0 (its own group, it has no other). The only other
 * process it can see is the box (PID 1): tgkill/tkill to it fail with
 * EPERM. As root the kernel refuses them anyway (the box is root); in a
 * user namespace the box has the program's uid, and the kernel would
 * accept them and drop them (PID 1 has no handler): the same answer
 * either way. */
static int signal_rules(scmp_filter_ctx ctx)
{
	struct scmp_arg_cmp c[1];
	int rc;

	c[0] = SCMP_A0(SCMP_CMP_NE, 1);
	if (rule(ctx, "tgkill", 1, c) < 0 || rule(ctx, "tkill", 1, c) < 0)
		return -1;
	c[0] = SCMP_A0(SCMP_CMP_EQ, 1);
	if ((rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM),
				   seccomp_syscall_resolve_name("tgkill"), 1, c[0])) < 0 ||
	    (rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(EPERM),
				   seccomp_syscall_resolve_name("tkill"), 1, c[0])) < 0)
		return err_set("seccomp: rule for signals to the box: %s", strerror(-rc));
	c[0] = SCMP_A0(SCMP_CMP_EQ, 0);
	return rule(ctx, "kill", 1, c);
}

/* Threads (when allowed) but never processes: clone must carry
 * CLONE_THREAD. clone3 hides its flags in memory: ENOSYS makes glibc use
 * clone. */
static int thread_rules(scmp_filter_ctx ctx, int threads)
{
	struct scmp_arg_cmp c[1];
	int rc;

	c[0] = SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD);
	if (threads && rule(ctx, "clone", 1, c) < 0)
		return -1;
	rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS),
			      seccomp_syscall_resolve_name("clone3"), 0);
	if (rc < 0)
		return err_set("seccomp: rule for 'clone3': %s", strerror(-rc));
	return 0;
}

static int run_rules(scmp_filter_ctx ctx, int threads, int as_limit,
		     unsigned long long mem, int writes)
{
	size_t i;

	for (i = 0; run_plain[i]; i++)
		if (rule(ctx, run_plain[i], 0, NULL) < 0)
			return -1;
	if (open_rules(ctx, writes) < 0 || memory_rules(ctx, threads, as_limit, mem) < 0 ||
	    narrow_rules(ctx) < 0 || signal_rules(ctx) < 0 || thread_rules(ctx, threads) < 0)
		return -1;
	return 0;
}

/* A filter for one foreign table (i386 for int 0x80, x32) where nothing is
 * allowed: every call there is reported and the run killed. Built apart
 * and merged, because rules added by name apply to every architecture of
 * a filter (read would then be allowed through int 0x80). */
static int merge_empty_arch(scmp_filter_ctx ctx, uint32_t arch)
{
	scmp_filter_ctx f = seccomp_init(SCMP_ACT_NOTIFY);
	int r;

	if (!f)
		return err_set("seccomp: cannot initialise a filter");
	if ((r = seccomp_arch_add(f, arch)) < 0 ||
	    (r = seccomp_arch_remove(f, SCMP_ARCH_NATIVE)) < 0 ||
	    (r = seccomp_attr_set(f, SCMP_FLTATR_ACT_BADARCH,
				  SCMP_ACT_KILL_PROCESS)) < 0 ||
	    (r = seccomp_attr_set(f, SCMP_FLTATR_CTL_NNP, 0)) < 0) {
		seccomp_release(f);
		return err_set("seccomp: foreign table: %s", strerror(-r));
	}
	if ((r = seccomp_merge(ctx, f)) < 0) {
		seccomp_release(f);
		return err_set("seccomp: merge: %s", strerror(-r));
	}
	return 0;
}

int policy_build(enum policy_kind kind, unsigned long long mem, int writes,
		 struct sock_fprog *out)
{
	scmp_filter_ctx ctx;
	struct buf b = BUF_INIT;
	char chunk[4096];
	int fd = -1, rc = -1, r;
	ssize_t n;

	ctx = seccomp_init(SCMP_ACT_NOTIFY);
	if (!ctx)
		return err_set("seccomp: cannot initialise a filter");
	if ((r = seccomp_attr_set(ctx, SCMP_FLTATR_ACT_BADARCH,
				  SCMP_ACT_KILL_PROCESS)) < 0 ||
	    (r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_NNP, 0)) < 0 ||
	    (r = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_OPTIMIZE, 2)) < 0) {
		err_set("seccomp: filter attributes: %s", strerror(-r));
		goto out;
	}
	if (run_rules(ctx, kind == POLICY_RUN_THREADS, kind == POLICY_RUN_AS, mem, writes) < 0)
		goto out;
	if (merge_empty_arch(ctx, SCMP_ARCH_X86) < 0 ||
	    merge_empty_arch(ctx, SCMP_ARCH_X32) < 0)
		goto out;
	fd = memfd_create("sbx-bpf", MFD_CLOEXEC);
	if (fd < 0) {
		err_errno("seccomp: memfd_create");
		goto out;
	}
	if ((r = seccomp_export_bpf(ctx, fd)) < 0) {
		err_set("seccomp: export: %s", strerror(-r));
		goto out;
	}
	if (lseek(fd, 0, SEEK_SET) < 0) {
		err_errno("seccomp: lseek");
		goto out;
	}
	while ((n = read(fd, chunk, sizeof chunk)) > 0)
		buf_add(&b, chunk, (size_t)n);
	if (n < 0 || b.len == 0 || b.len % sizeof(struct sock_filter) ||
	    b.len / sizeof(struct sock_filter) > BOX_MAX_FILTER) {
		err_set("seccomp: bad exported filter");
		goto out;
	}
	out->len = (unsigned short)(b.len / sizeof(struct sock_filter));
	out->filter = (struct sock_filter *)buf_detach(&b, NULL);
	rc = 0;
out:
	if (fd >= 0)
		close(fd);
	buf_release(&b);
	seccomp_release(ctx);
	return rc;
}

void policy_syscall_name(unsigned arch, int nr, char *out, size_t size)
{
	char *name = NULL;
	const char *prefix = "";

	if (arch == SCMP_ARCH_X86) {
		prefix = "i386:";
	} else if (arch == SCMP_ARCH_X86_64 && (nr & 0x40000000)) {
		prefix = "x32:";
		arch = SCMP_ARCH_X32;
	}
	name = seccomp_syscall_resolve_num_arch(arch, nr);
	if (name)
		snprintf(out, size, "%s%s", prefix, name);
	else
		snprintf(out, size, "%s%d", prefix, nr);
	free(name);
}

int policy_is_alloc(unsigned arch, int nr)
{
	return arch == SCMP_ARCH_X86_64 && (nr == SCMP_SYS(mmap) || nr == SCMP_SYS(mremap));
}

int policy_is_open_write(unsigned arch, int nr, unsigned long long flags)
{
	const unsigned long long wflags = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC |
		O_APPEND | TMPFILE_BIT;

	return arch == SCMP_ARCH_X86_64 && (nr == SCMP_SYS(creat) ||
		((nr == SCMP_SYS(open) || nr == SCMP_SYS(openat)) && (flags & wflags)));
}

int policy_is_thread_stack(unsigned arch, int nr, unsigned long long flags)
{
	return arch == SCMP_ARCH_X86_64 && nr == SCMP_SYS(mmap) && (flags & MAP_STACK);
}
