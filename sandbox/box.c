/* box.c: the per-worker box process and the run child it forks; see the
 * theory of operation in sandbox.c.
 *
 * Everything here runs in processes forked from the judge, which may have
 * other threads and may be built with sanitizers: only system calls and
 * plain memory operations, no malloc, no stdio, no locks. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/capability.h>
#include <linux/mount.h>
#include <linux/securebits.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "sandbox/internal.h"

const char *const box_step_name[STEP_COUNT] = {
	"parent-death signal", "joining the cgroup", "descriptors", "chroot",
	"chdir", "resource limits", "dropping privileges", "no_new_privs",
	"seccomp", "handing over the seccomp listener", "exec",
	"namespaces", "mounts", "box directory", "fork",
};

long long box_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int box_send(int sock, const void *msg, size_t len, const int *fds, int nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * (BOX_MAX_FILES + 4))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { (void *)msg, len };
	struct msghdr mh;
	ssize_t n;

	memset(&mh, 0, sizeof mh);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	if (nfds > 0) {
		struct cmsghdr *c;

		memset(&u, 0, sizeof u);
		mh.msg_control = u.buf;
		mh.msg_controllen = CMSG_SPACE(sizeof(int) * (size_t)nfds);
		c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int) * (size_t)nfds);
		memcpy(CMSG_DATA(c), fds, sizeof(int) * (size_t)nfds);
	}
	do
		n = sendmsg(sock, &mh, MSG_NOSIGNAL);
	while (n < 0 && errno == EINTR);
	return n == (ssize_t)len ? 0 : -1;
}

ssize_t box_recv(int sock, void *msg, size_t len, int *fds, int *nfds)
{
	union {
		char buf[CMSG_SPACE(sizeof(int) * (BOX_MAX_FILES + 4))];
		struct cmsghdr align;
	} u;
	struct iovec iov = { msg, len };
	struct msghdr mh;
	struct cmsghdr *c;
	ssize_t n;
	int max = nfds ? *nfds : 0;

	if (nfds)
		*nfds = 0;
	memset(&mh, 0, sizeof mh);
	mh.msg_iov = &iov;
	mh.msg_iovlen = 1;
	mh.msg_control = u.buf;
	mh.msg_controllen = sizeof u.buf;
	do
		n = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC);
	while (n < 0 && errno == EINTR);
	for (c = CMSG_FIRSTHDR(&mh); c; c = CMSG_NXTHDR(&mh, c)) {
		int got[BOX_MAX_FILES + 4];
		int k, count;

		if (c->cmsg_level != SOL_SOCKET || c->cmsg_type != SCM_RIGHTS)
			continue;
		count = (int)((c->cmsg_len - CMSG_LEN(0)) / sizeof(int));
		if (count > BOX_MAX_FILES + 4)
			count = BOX_MAX_FILES + 4;
		memcpy(got, CMSG_DATA(c), sizeof(int) * (size_t)count);
		for (k = 0; k < count; k++) {
			if (nfds && *nfds < max)
				fds[(*nfds)++] = got[k];
			else
				close(got[k]);
		}
	}
	return n;
}

int box_drop_caps(void)
{
	struct __user_cap_header_struct h = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct d[2];
	int cap;

	for (cap = 0; cap <= 63; cap++)
		if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) < 0 && errno != EINVAL)
			return -1;
	if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED |
		  SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED |
		  SECBIT_KEEP_CAPS_LOCKED | SECBIT_NO_CAP_AMBIENT_RAISE |
		  SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED, 0, 0, 0) < 0)
		return -1;
	memset(d, 0, sizeof d);
	return (int)syscall(SYS_capset, &h, d);
}

int box_map_ids(uid_t uid, gid_t gid)
{
	char m[64];
	int fd, n, rc = 0;

	fd = open("/proc/self/setgroups", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, "deny", 4) != 4)
		rc = -1;
	if (fd >= 0)
		close(fd);
	n = snprintf(m, sizeof m, "0 %u 1\n", (unsigned)uid);
	fd = open("/proc/self/uid_map", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, m, (size_t)n) != n)
		rc = -1;
	if (fd >= 0)
		close(fd);
	n = snprintf(m, sizeof m, "0 %u 1\n", (unsigned)gid);
	fd = open("/proc/self/gid_map", O_WRONLY | O_CLOEXEC);
	if (fd < 0 || write(fd, m, (size_t)n) != n)
		rc = -1;
	if (fd >= 0)
		close(fd);
	return rc;
}

/* ---- the run child ---------------------------------------------------- */

static int child_sync = -1;    /* where a run child reports */
static long box_hwm;           /* the box's peak RSS (KB) as a child starts */
static int box_proc = -1;      /* the box's /proc (of its PID namespace) */

void box_fail(int fd, int step)
{
	struct box_res m;

	memset(&m, 0, sizeof m);
	m.kind = RES_FAIL;
	m.fail_step = step;
	m.fail_err = errno;
	/* one record on a SOCK_SEQPACKET socket or a pipe alike */
	if (write(fd, &m, sizeof m) < 0) {
		/* nothing left to report with */
	}
	_exit(127);
}

static __attribute__((noreturn)) void run_fail(int step)
{
	box_fail(child_sync, step);
}

static int lift(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 64);
}

/* A run child, started by the box ahead of its job: it takes the job (and
 * the judge's descriptors) straight from the job socket, so that neither
 * the box nor a fork is on the path from the judge's request to the exec.
 * It shares the box's memory until it execs (CLONE_VM | CLONE_VFORK, the
 * box suspended meanwhile): nothing is copied and nothing torn down, and
 * the memory cgroup sees no pre-exec pages of its own. So it touches only
 * its own stack and the static job buffer below. Its steps, in order:
 * take the job, place the job's files, wire the descriptors, confine
 * itself (root, limits, ids, filter), exec. Any failing step reports
 * which one on the sync socket (run_fail) and ends the child. */

/* Wait for a job on job; quit when the judge closes the box's socket ctl
 * (the box, suspended until this exec, would not notice). Reads the job
 * into q and its descriptors into fds (*nfds in: room, out: count);
 * returns the record's length. */
static ssize_t child_take_job(int job, int ctl, struct box_req *q, int *fds, int *nfds)
{
	ssize_t k;

	for (;;) {
		struct pollfd p[2] = { { job, POLLIN, 0 }, { ctl, POLLIN, 0 } };

		if (poll(p, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			_exit(127);
		}
		if (p[1].revents)
			_exit(0);
		if (p[0].revents)
			break;
	}
	do
		k = box_recv(job, q, sizeof *q, fds, nfds);
	while (k < 0 && errno == EINTR);
	if (k <= 0)
		_exit(0);
	return k;
}

/* Tell the judge the job has started (m: the record later reports reuse),
 * then check the job is well formed. */
static void child_ack(int sync, const struct box_req *q, ssize_t k, int nfds,
		      struct box_res *m)
{
	memset(m, 0, sizeof *m);
	m->kind = RES_STARTED;
	m->fail_step = -1;
	m->start_ns = box_now_ns();
	if (k == sizeof *q) {
		m->seq = q->seq;
		m->cpu_limit_ns = q->cpu_limit_ns;
		m->wall_limit_ns = q->wall_limit_ns;
		m->ncpu = q->ncpu;
	}
	if (box_send(sync, m, sizeof *m, NULL, 0) < 0)
		_exit(127);
	errno = EINVAL;
	if (k != sizeof *q || q->kind != REQ_RUN || q->nfiles < 0 ||
	    q->nfiles > BOX_MAX_FILES || nfds != 4 + q->nfiles || q->argc < 0 ||
	    q->argc > BOX_MAX_ARGS || q->filter_len == 0 || q->filter_len > BOX_MAX_FILTER)
		run_fail(STEP_BOX);
}

/* The program's argv from the job's packed arguments, after "prog". */
static void child_argv(struct box_req *q, char **argv)
{
	size_t off = 0;
	int i, argc = 0;

	argv[argc++] = "prog";
	for (i = 0; i < q->argc && off < sizeof q->args; i++) {
		argv[argc++] = q->args + off;
		off += strnlen(q->args + off, sizeof q->args - off) + 1;
	}
	argv[argc] = NULL;
}

/* Place the job's files (descriptors files[i]) read-only in /box/run:
 * mounted over an empty file, or copied in a user namespace (no mount of
 * a host file there); then the feedback folder when asked for. */
static void child_place_files(struct box_req *q, const int *files,
			      const struct box_conf *conf)
{
	char path[128];
	int i;

	for (i = 0; i < q->nfiles; i++) {
		int fd;

		q->names[i][sizeof q->names[i] - 1] = 0;
		snprintf(path, sizeof path, "/box/run/%s", q->names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0444);
		if (fd < 0)
			run_fail(STEP_MOUNT);
		if (conf->userns) {
			ssize_t n;

			do
				n = sendfile(fd, files[i], NULL, 1 << 30);
			while (n > 0);
			if (n < 0)
				run_fail(STEP_MOUNT);
		}
		if (close(fd) < 0 || (!conf->userns &&
				      syscall(SYS_move_mount, files[i], "", AT_FDCWD, path,
					      MOVE_MOUNT_F_EMPTY_PATH) < 0))
			run_fail(STEP_MOUNT);
	}
	if (q->feedback && (mkdir("/box/run/feedback", 0700) < 0 ||
			    (conf->drop && chown("/box/run/feedback", conf->uid, conf->gid) < 0)))
		run_fail(STEP_MOUNT);
}

/* The program's descriptors: fds[0..2] as stdin, stdout and stderr, the
 * binary (fds[3]) at BOX_FD_EXE and the sync socket at BOX_FD_SYNC (both
 * close-on-exec); nothing else stays open. */
static void child_wire_fds(int sync, const int *fds)
{
	int in, out, err, exe;

	sync = lift(sync);
	in = lift(fds[0]);
	out = lift(fds[1]);
	err = lift(fds[2]);
	exe = lift(fds[3]);
	if (sync < 0 || dup3(sync, BOX_FD_SYNC, O_CLOEXEC) < 0)
		_exit(127);
	child_sync = BOX_FD_SYNC;
	if (in < 0 || out < 0 || err < 0 || exe < 0 ||
	    dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    dup3(exe, BOX_FD_EXE, O_CLOEXEC) < 0 ||
	    close_range(BOX_FD_EXE + 1, ~0U, 0) < 0)
		run_fail(STEP_FDS);
}

/* Root at /box/run, the job's rlimits, the sandbox's ids (or no
 * capabilities in a user namespace), SIGPIPE as asked, no new
 * privileges. */
static void child_confine(const struct box_req *q, const struct box_conf *conf)
{
	int i;

	if (chroot("/box/run") < 0)
		run_fail(STEP_CHROOT);
	if (chdir("/") < 0)
		run_fail(STEP_CHDIR);
	for (i = 0; i < q->nrl && i < BOX_MAX_RL; i++)
		if (setrlimit(q->rl_res[i], &q->rl[i]) < 0)
			run_fail(STEP_RLIMIT);
	if (conf->drop && (setgroups(0, NULL) < 0 ||
			   setresgid(conf->gid, conf->gid, conf->gid) < 0 ||
			   setresuid(conf->uid, conf->uid, conf->uid) < 0))
		run_fail(STEP_IDS);
	if (conf->userns && box_drop_caps() < 0)
		run_fail(STEP_IDS);
	/* An interactor writing to a program that is gone gets EPIPE, not a
	 * death the judge would blame on it. */
	signal(SIGPIPE, q->sigpipe_ign ? SIG_IGN : SIG_DFL);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		run_fail(STEP_NNP);
}

/* Install the job's filter with a user-notification listener, and hand
 * the listener to the box (m: the started record, reused). In flight on
 * the socket, the listener outlives our copy: no need to wait for the box
 * to take it (the filter allows sendmsg on fd 3 only, which the program
 * can never make a socket again). */
static void child_filter(struct box_req *q, struct box_res *m)
{
	struct sock_fprog prog;
	long lfd;
	int fd;

	prog.len = (unsigned short)q->filter_len;
	prog.filter = q->filter;
	lfd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		      SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog);
	if (lfd < 0)
		run_fail(STEP_SECCOMP);
	fd = (int)lfd;
	m->kind = RES_LISTENER;
	if (box_send(BOX_FD_SYNC, m, sizeof *m, &fd, 1) < 0)
		run_fail(STEP_GO);
	close(fd);
}

/* Exec the binary. One another thread of the judge has just written may
 * still be open for writing in a child that thread forked a moment before
 * (until the child closes its copy of the descriptor): the exec then
 * fails with ETXTBSY for a moment. Wait that out (up to 200 ms); the
 * filter allows nanosleep. */
static __attribute__((noreturn)) void child_exec(char **argv)
{
	static char *const envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
	int i;

	for (i = 0; i < 200; i++) {
		struct timespec ms = { 0, 1000000 };

		if (syscall(SYS_execveat, BOX_FD_EXE, "", argv, envp, AT_EMPTY_PATH) < 0 &&
		    errno != ETXTBSY)
			break;
		nanosleep(&ms, NULL);
	}
	run_fail(STEP_EXEC);
}

static __attribute__((noreturn)) void run_child(int job, int ctl, int sync,
						const struct box_conf *conf)
{
	static struct box_req q;
	static char *argv[BOX_MAX_ARGS + 2];
	struct box_res m;
	int fds[BOX_MAX_FILES + 4], nfds = BOX_MAX_FILES + 4;
	ssize_t k;

	child_sync = sync;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != 1)
		_exit(127);
	k = child_take_job(job, ctl, &q, fds, &nfds);
	child_ack(sync, &q, k, nfds, &m);
	child_argv(&q, argv);
	child_place_files(&q, fds + 4, conf);
	child_wire_fds(sync, fds);
	child_confine(&q, conf);
	child_filter(&q, &m);
	child_exec(argv);
}

/* ---- supervision ------------------------------------------------------- */

/* The size of process pid's stack (VmStk, KB) from the namespace's /proc;
 * 0 when it cannot be read. */
static long w_stack_kb(pid_t pid)
{
	char path[32], text[4096], *p;
	ssize_t n;
	int fd;

	if (box_proc < 0)
		return 0;
	snprintf(path, sizeof path, "%d/status", (int)pid);
	fd = openat(box_proc, path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	n = read(fd, text, sizeof text - 1);
	close(fd);
	if (n <= 0)
		return 0;
	text[n] = 0;
	p = strstr(text, "\nVmStk:");
	return p ? strtol(p + 7, NULL, 10) : 0;
}

static void w_kill(struct watch *w, int reason)
{
	if (!w->killed) {
		w->killed = reason;
		/* how deep its stack was when the time ran out: a recursion on
		 * its way to the stack limit is told apart (sbx_classify) */
		if (reason == K_CPU || reason == K_WALL)
			w->stack_kb = w_stack_kb(w->pid);
	}
	kill(w->pid, SIGKILL);
}

static void w_sync(struct watch *w)
{
	struct box_res m;
	int fd = -1, n = 1;
	ssize_t k = box_recv(w->sync, &m, sizeof m, &fd, &n);

	if (k != sizeof m) {
		if (n)
			close(fd);
		return;
	}
	if (m.kind == RES_LISTENER && n == 1 && w->listener < 0) {
		w->listener = fd;
		n = 0;
	}
	if (n)
		close(fd);
	if (m.kind == RES_STARTED && !w->started) {
		w->started = 1;
		w->seq = m.seq;
		w->start_ns = m.start_ns;
		w->cpu_limit_ns = m.cpu_limit_ns;
		w->wall_limit_ns = m.wall_limit_ns;
		w->ncpu = m.ncpu ? m.ncpu : 1;
	}
	if (m.kind == RES_FAIL && w->fail_step < 0) {
		w->fail_step = m.fail_step;
		w->fail_err = m.fail_err;
	}
}

static void w_listener(struct watch *w)
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
		w->sys_arg = policy_is_alloc(n.data.arch, n.data.nr) ?
			n.data.args[n.data.nr == SYS_mremap ? 2 : 1] : 0;
		/* an mmap's flags, or an open's (to say why a file opened
		 * for writing was refused) */
		w->sys_flags = n.data.nr == SYS_mmap ? n.data.args[3] :
			n.data.nr == SYS_openat ? n.data.args[2] :
			n.data.nr == SYS_open ? n.data.args[1] : 0;
		w_kill(w, K_SYSCALL);
	}
}

static long long w_cpu(struct watch *w)
{
	struct timespec ts;

	if (clock_gettime(w->cpuclock, &ts) < 0)
		return w->cpu_ns;
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* Until the child exits: CPU and wall limits once it has started, the
 * seccomp listener, kill requests from the judge on ctl. Returns -1 when
 * the judge went away. */
static int w_loop(struct watch *w)
{
	int gone = 0;

	for (;;) {
		struct pollfd p[4];
		int np = 0, i_sync = -1, i_lis = -1, i_ctl = -1;
		long long wait_ns = -1;
		struct timespec ts;

		if (w->started && w->cpu_limit_ns) {
			w->cpu_ns = w_cpu(w);
			if (w->cpu_ns > w->cpu_limit_ns)
				w_kill(w, K_CPU);
			/* CPU time cannot run ahead of ncpu times the wall
			 * clock: sleeping this long cannot overshoot. */
			wait_ns = (w->cpu_limit_ns - w->cpu_ns) / w->ncpu;
		}
		if (w->started && w->wall_limit_ns) {
			long long left = w->start_ns + w->wall_limit_ns - box_now_ns();

			if (left <= 0)
				w_kill(w, K_WALL);
			if (wait_ns < 0 || left < wait_ns)
				wait_ns = left;
		}
		if (wait_ns >= 0 && wait_ns < 100000)
			wait_ns = 100000;
		if (w->killed)
			wait_ns = 50000000;
		ts.tv_sec = wait_ns / 1000000000LL;
		ts.tv_nsec = wait_ns % 1000000000LL;
		p[np].fd = w->pidfd;
		p[np++].events = POLLIN;
		i_sync = np;
		p[np].fd = w->sync;
		p[np++].events = POLLIN;
		if (w->listener >= 0) {
			i_lis = np;
			p[np].fd = w->listener;
			p[np++].events = POLLIN;
		}
		if (!gone) {
			i_ctl = np;
			p[np].fd = w->ctl;
			p[np++].events = POLLIN;
		}
		if (ppoll(p, (nfds_t)np, wait_ns >= 0 ? &ts : NULL, NULL) < 0)
			continue;
		if (p[i_sync].revents)
			w_sync(w);
		if (i_lis >= 0 && p[i_lis].revents) {
			if (p[i_lis].revents & POLLIN) {
				w_listener(w);
			} else {
				close(w->listener);
				w->listener = -1;
			}
		}
		if (i_ctl >= 0 && p[i_ctl].revents) {
			struct box_req q;
			ssize_t k = box_recv(w->ctl, &q, sizeof q, NULL, NULL);

			if (k <= 0 && !(k < 0 && errno == EINTR)) {
				gone = 1;
				w_kill(w, K_NONE);
			} else if (k == sizeof q && q.kind == REQ_KILL && w->started &&
				   q.seq == w->seq) {
				w_kill(w, K_OUTPUT);
			}
		}
		if (p[0].revents)
			break;
	}
	w->end_ns = box_now_ns();
	return gone ? -1 : 0;
}

/* ---- the box process ---------------------------------------------------- */

/* Empty /box/run of the mounts a run child made, and remove it. */
/* Empty and remove a folder a run had (its files only: a program can make
 * no folder). */
static void box_clean_dir(const char *dir)
{
	char path[600];
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		unlink(path);
	}
	closedir(d);
	rmdir(dir);
}

static int box_clean(void)
{
	char path[300];
	struct dirent *e;
	DIR *d = opendir("/box/run");

	if (!d)
		return errno == ENOENT ? 0 : -1;
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(path, sizeof path, "/box/run/%s", e->d_name);
		umount2(path, MNT_DETACH);
		if (unlink(path) < 0 && errno == EISDIR)
			box_clean_dir(path);   /* the feedback folder */
	}
	closedir(d);
	return rmdir("/box/run");
}

/* One feedback file, whole, in RES_FEEDBACK messages of at most
 * BOX_FB_MAX bytes (the box's 256 KB bound them all). */
static void send_feedback_file(int ctl, unsigned seq, int which, const char *name)
{
	static struct box_fb m;
	int fd = open(name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	ssize_t n = 1;

	if (fd < 0)
		return;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return;
	}
	while (n > 0) {
		memset(&m, 0, offsetof(struct box_fb, data));
		m.kind = RES_FEEDBACK;
		m.seq = seq;
		m.which = which;
		while (m.len < sizeof m.data &&
		       (n = read(fd, m.data + m.len, sizeof m.data - m.len)) > 0)
			m.len += (unsigned)n;
		if (m.len)
			box_send(ctl, &m, offsetof(struct box_fb, data) + m.len, NULL, 0);
	}
	close(fd);
}

/* A run with a feedback folder (the run child made it): its files ahead
 * of the result. Read here, by the box, before the next run's folder
 * replaces it; a link or anything but a regular file is not read (the
 * program can make neither). */
static void send_feedback(int ctl, unsigned seq)
{
	static const char *const names[3] = {
		"/box/run/feedback/judgemessage.txt", "/box/run/feedback/teammessage.txt",
		"/box/run/feedback/output",
	};

	for (int i = 0; i < 3; i++)
		send_feedback_file(ctl, seq, i, names[i]);
}

struct child_args {
	int job, ctl, sync;
	const struct box_conf *conf;
};

static int run_child_entry(void *p)
{
	const struct child_args *a = p;

	run_child(a->job, a->ctl, a->sync, a->conf);
}

/* The run child's stack (it shares the box's memory). */
static char child_stack[256 << 10] __attribute__((aligned(64)));

/* One run: a fresh box directory, a run child waiting for its job, its
 * supervision once it has it, the result. */
static void box_serve(int ctl, int job, int sync, int child_end,
		      const struct box_conf *conf)
{
	struct child_args args;
	struct box_res res;
	struct rusage ru;
	struct watch w;
	int status = 0, gone;
	pid_t pid;

	memset(&w, 0, sizeof w);
	w.listener = -1;
	w.sync = sync;
	w.ctl = ctl;
	w.fail_step = -1;
	w.ncpu = 1;
	memset(&res, 0, sizeof res);
	res.kind = RES_DONE;
	res.fail_step = -1;
	if (box_clean() < 0 || mkdir("/box/run", 0700) < 0 ||
	    (conf->drop && chown("/box/run", conf->uid, conf->gid) < 0)) {
		res.fail_step = STEP_BOX;
		res.fail_err = errno;
		box_send(ctl, &res, sizeof res, NULL, 0);
		_exit(1);
	}
	/* The run child's rusage peak starts from the RSS of the memory it
	 * shares with us until its exec: ours, at most our peak (+ a little). */
	{
		struct rusage self;

		box_hwm = getrusage(RUSAGE_SELF, &self) == 0 ? self.ru_maxrss : LONG_MAX / 2;
	}
	args.job = job;
	args.ctl = ctl;
	args.sync = child_end;
	args.conf = conf;
	pid = clone(run_child_entry, child_stack + sizeof child_stack,
		    CLONE_VM | CLONE_VFORK | SIGCHLD, &args);
	if (pid < 0) {
		res.fail_step = STEP_FORK;
		res.fail_err = errno;
		box_send(ctl, &res, sizeof res, NULL, 0);
		_exit(1);
	}
	w.pid = pid;
	w.pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (w.pidfd < 0 || clock_getcpuclockid(pid, &w.cpuclock) != 0) {
		/* Cannot watch it: do not let it run unwatched. */
		kill(pid, SIGKILL);
		_exit(1);
	}
	gone = w_loop(&w);
	memset(&ru, 0, sizeof ru);
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	close(w.pidfd);
	/* Anything else left in the namespace is an orphan of ours (we are
	 * its init): kill it all (init's kill(-1) spares only init) and
	 * reap. */
	if (waitpid(-1, NULL, WNOHANG | __WALL) == 0) {
		kill(-1, SIGKILL);
		while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
			;
	}
	/* Messages sent just before the exit. */
	while (recv(w.sync, &res, 1, MSG_DONTWAIT | MSG_PEEK) >= 0)
		w_sync(&w);
	if (w.listener >= 0)
		close(w.listener);
	if (gone)
		_exit(0);
	if (!w.started)
		return;                 /* died waiting: nothing to report */
	memset(&res, 0, sizeof res);
	res.kind = RES_DONE;
	res.seq = w.seq;
	res.status = status;
	res.killed = w.killed;
	res.sys_nr = w.sys_nr;
	res.sys_arch = w.sys_arch;
	res.sys_arg = w.sys_arg;
	res.sys_flags = w.sys_flags;
	res.fail_step = w.fail_step;
	res.fail_err = w.fail_err;
	res.stack_kb = w.stack_kb;
	res.cpu_ns = (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
		(long long)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
	res.wall_ns = w.end_ns - w.start_ns;
	res.maxrss_kb = ru.ru_maxrss;
	/* ru_maxrss is the larger of the program's peak RSS and the child's
	 * RSS at its exec (ours, shared until then). Above our peak it is the
	 * program's; below, an upper bound, kept only while ours is small
	 * (about 1.5 MB; a sanitised judge is far larger). */
	res.hwm_kb = ru.ru_maxrss > box_hwm + 256 || box_hwm <= 4096 ? ru.ru_maxrss : 0;
	send_feedback(ctl, w.seq);
	if (box_send(ctl, &res, sizeof res, NULL, 0) < 0)
		_exit(1);
}

/* The box's root: an empty read-only tmpfs with a tmpfs at /box, so that
 * nothing of the host is reachable by path. */
static int box_mounts(const struct box_conf *conf)
{
	char old[300], box[300], proc[300];
	const char *m = conf->mnt;

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0)
		return -1;
	if (mount("tmpfs", m, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  "size=64k,nr_inodes=32,mode=0755") < 0)
		return -1;
	snprintf(box, sizeof box, "%s/box", m);
	snprintf(old, sizeof old, "%s/old", m);
	if (mkdir(box, 0755) < 0 || mkdir(old, 0700) < 0)
		return -1;
	if (mount("tmpfs", box, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
		  "size=256k,nr_inodes=64,mode=0755") < 0)
		return -1;
	/* The namespace's /proc, for the box's eyes only: kept as a
	 * descriptor, detached from every path. Mounted before the pivot: in
	 * a user namespace proc may only be mounted where one is visible. */
	snprintf(proc, sizeof proc, "%s/proc", m);
	if (mkdir(proc, 0555) < 0 ||
	    mount("proc", proc, "proc", MS_NOSUID | MS_NODEV | MS_NOEXEC, NULL) < 0)
		return -1;
	if (syscall(SYS_pivot_root, m, old) < 0 || chdir("/") < 0 ||
	    umount2("/old", MNT_DETACH) < 0 || rmdir("/old") < 0)
		return -1;
	if ((box_proc = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) < 0 ||
	    umount2("/proc", MNT_DETACH) < 0 || rmdir("/proc") < 0)
		return -1;

	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID |
		  MS_NODEV | MS_NOEXEC, NULL) < 0)
		return -1;
	return 0;
}

static __attribute__((noreturn)) void box_main(int ctl, int job,
						const struct box_conf *conf)
{
	struct box_res res;
	int sync[2];

	memset(&res, 0, sizeof res);
	res.kind = RES_READY;
	res.fail_step = -1;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) {
		res.fail_step = STEP_PDEATH;
		goto fail;
	}
	/* A session of the box's own, once (a session per run would cost a
	 * scheduler autogroup each): the run children are in its process
	 * group, which is orphaned (the box's parent is outside the
	 * session), so the terminal stop signals a program raises are
	 * discarded, and its kill(0, ...) reaches no one but itself and the
	 * box, which as init ignores it. */
	if (setsid() < 0) {
		res.fail_step = STEP_NS;
		goto fail;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sync) < 0) {
		res.fail_step = STEP_FDS;
		goto fail;
	}
	if (box_mounts(conf) < 0) {
		res.fail_step = STEP_MOUNT;
		goto fail;
	}
	if (box_send(ctl, &res, sizeof res, NULL, 0) < 0)
		_exit(1);
	for (;;)
		box_serve(ctl, job, sync[0], sync[1], conf);
fail:
	res.kind = RES_FAIL;
	res.fail_err = errno;
	box_send(ctl, &res, sizeof res, NULL, 0);
	_exit(1);
}

/* The waiter: joins the cgroups, makes the namespaces, forks the box (PID
 * 1 of the new PID namespace) and waits for it. It dies with the judge
 * thread (parent-death signal), and the box dies with it. */
static __attribute__((noreturn)) void box_waiter(int ctl, int job, pid_t judge,
						 const struct box_conf *conf)
{
	static const int reset[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct box_res res;
	int i, hc, hj, flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET |
		CLONE_NEWIPC | CLONE_NEWUTS;
	pid_t pid;

	memset(&res, 0, sizeof res);
	res.kind = RES_FAIL;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != judge)
		_exit(1);
	/* A process group of its own, as the compiler's waiter has: a
	 * terminal's Ctrl-C goes to the judge's group, and the judge decides
	 * (the first lets the test finish, the second cancels the run). In the
	 * judge's group the waiter died of it, the box with it, and the test
	 * read "the box process died". The judge's handlers are not ours. */
	setpgid(0, 0);
	for (i = 0; i < (int)(sizeof(reset) / sizeof(reset[0])); i++)
		signal(reset[i], SIG_DFL);
	for (i = 0; i < 3; i++) {
		if (conf->cg_fds[i] >= 0 && write(conf->cg_fds[i], "0", 1) != 1) {
			res.fail_step = STEP_CGROUP;
			res.fail_err = errno;
			box_send(ctl, &res, sizeof res, NULL, 0);
			_exit(1);
		}
	}
	/* Only the two sockets, as fds 3 and 4: never hold the judge's other
	 * descriptors (its terminal, its database, other workers' pipes). */
	hc = fcntl(ctl, F_DUPFD_CLOEXEC, 100);
	hj = fcntl(job, F_DUPFD_CLOEXEC, 100);
	if (hc < 0 || hj < 0)
		_exit(1);
	{
		unsigned lo = (unsigned)(hc < hj ? hc : hj), hi = (unsigned)(hc < hj ? hj : hc);

		close_range(0, lo - 1, 0);
		if (hi > lo + 1)
			close_range(lo + 1, hi - 1, 0);
		close_range(hi + 1, ~0U, 0);
	}
	if (dup3(hc, 3, O_CLOEXEC) < 0 || dup3(hj, 4, O_CLOEXEC) < 0)
		_exit(1);
	close(hc);
	close(hj);
	ctl = 3;
	job = 4;
	if (conf->userns)
		flags |= CLONE_NEWUSER;
	/* the new UTS namespace still carries the host's names: replace them
	 * so that uname() tells the program nothing about the machine */
	if (unshare(flags) < 0 || (conf->userns && box_map_ids(conf->uid, conf->gid) < 0) ||
	    sethostname("box", 3) < 0 || setdomainname("box", 3) < 0) {
		res.fail_step = STEP_NS;
		res.fail_err = errno;
		box_send(ctl, &res, sizeof res, NULL, 0);
		_exit(1);
	}
	pid = fork();
	if (pid < 0) {
		res.fail_step = STEP_FORK;
		res.fail_err = errno;
		box_send(ctl, &res, sizeof res, NULL, 0);
		_exit(1);
	}
	if (pid == 0)
		box_main(ctl, job, conf);
	close(ctl);
	close(job);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	_exit(0);
}

int box_start(struct box *b, const struct box_conf *conf)
{
	int sv[2], sj[2];
	struct box_res res;
	ssize_t k;
	pid_t pid, judge;

	b->pid = -1;
	b->ctl = b->job = -1;
	b->seq = 0;
	judge = getpid();
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return err_errno("cannot create the box socket");
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sj) < 0) {
		close(sv[0]);
		close(sv[1]);
		return err_errno("cannot create the box socket");
	}
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		close(sj[0]);
		close(sj[1]);
		return err_errno("cannot fork the box process");
	}
	if (pid == 0)
		box_waiter(sv[1], sj[1], judge, conf);
	close(sv[1]);
	close(sj[1]);
	b->pid = pid;
	b->ctl = sv[0];
	b->job = sj[0];
	k = box_recv(b->ctl, &res, sizeof res, NULL, NULL);
	if (k != sizeof res || res.kind != RES_READY) {
		if (k == sizeof res && res.fail_step >= 0 && res.fail_step < STEP_COUNT) {
			errno = res.fail_err;
			err_errno("box process: %s", box_step_name[res.fail_step]);
		} else {
			err_set("box process did not start");
		}
		box_stop(b);
		return -1;
	}
	return 0;
}

void box_stop(struct box *b)
{
	if (b->ctl >= 0)
		close(b->ctl);
	if (b->job >= 0)
		close(b->job);
	if (b->pid > 0) {
		kill(b->pid, SIGKILL);
		while (waitpid(b->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	b->ctl = b->job = -1;
	b->pid = -1;
}
