/* box.c: the per-worker box process and the run child it forks; see the
 * theory of operation in sandbox.c.
 *
 * Everything here runs in processes forked from the judge, which may have
 * other threads and may be built with sanitizers: only system calls and
 * plain memory operations, no malloc, no stdio, no locks. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <linux/mount.h>
#include <linux/seccomp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
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

/* ---- the run child ---------------------------------------------------- */

struct run_child {
	const struct box_req *req;
	const struct box_conf *conf;
	int in, out, err, exe, sync;
	struct sock_fprog prog;
	char *argv[BOX_MAX_ARGS + 2];
};

static __attribute__((noreturn)) void run_fail(int step)
{
	struct box_res m;

	memset(&m, 0, sizeof m);
	m.kind = RES_FAIL;
	m.fail_step = step;
	m.fail_err = errno;
	box_send(BOX_FD_SYNC, &m, sizeof m, NULL, 0);
	_exit(127);
}

static int lift(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 64);
}

static __attribute__((noreturn)) void run_child(const struct run_child *c)
{
	static char *const envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C", NULL };
	const struct box_req *q = c->req;
	int in, out, err, exe, sync, i;
	long lfd;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != 1)
		_exit(127);
	sync = lift(c->sync);
	in = lift(c->in);
	out = lift(c->out);
	err = lift(c->err);
	exe = lift(c->exe);
	if (sync < 0 || dup3(sync, BOX_FD_SYNC, O_CLOEXEC) < 0)
		_exit(127);
	if (in < 0 || out < 0 || err < 0 || exe < 0 ||
	    dup2(in, 0) < 0 || dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    dup3(exe, BOX_FD_EXE, O_CLOEXEC) < 0 ||
	    close_range(BOX_FD_EXE + 1, ~0U, 0) < 0)
		run_fail(STEP_FDS);
	if (chroot("/box/run") < 0)
		run_fail(STEP_CHROOT);
	if (chdir("/") < 0)
		run_fail(STEP_CHDIR);
	for (i = 0; i < q->nrl; i++)
		if (setrlimit(q->rl_res[i], &q->rl[i]) < 0)
			run_fail(STEP_RLIMIT);
	if (c->conf->drop && (setgroups(0, NULL) < 0 ||
			      setresgid(c->conf->gid, c->conf->gid, c->conf->gid) < 0 ||
			      setresuid(c->conf->uid, c->conf->uid, c->conf->uid) < 0))
		run_fail(STEP_IDS);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		run_fail(STEP_NNP);
	lfd = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		      SECCOMP_FILTER_FLAG_NEW_LISTENER, &c->prog);
	if (lfd < 0)
		run_fail(STEP_SECCOMP);
	/* In flight on the socket, the listener outlives our copy: no need
	 * to wait for the box to take it (the filter allows sendmsg on fd 3
	 * only, which the program can never make a socket again). */
	{
		int fd = (int)lfd;
		struct box_res m;

		memset(&m, 0, sizeof m);
		m.kind = RES_READY;
		if (box_send(BOX_FD_SYNC, &m, sizeof m, &fd, 1) < 0)
			run_fail(STEP_GO);
		close(fd);
	}
	(void)in; (void)out; (void)err; (void)exe;
	syscall(SYS_execveat, BOX_FD_EXE, "", c->argv, envp, AT_EMPTY_PATH);
	run_fail(STEP_EXEC);
}

/* ---- supervision ------------------------------------------------------- */

static void w_kill(struct watch *w, int reason)
{
	if (!w->killed)
		w->killed = reason;
	kill(w->pid, SIGKILL);
}

static void w_sync(struct watch *w)
{
	struct box_res m;
	int fd = -1, n = 1;
	ssize_t k = box_recv(w->sync, &m, sizeof m, &fd, &n);

	if (k <= 0) {
		if (k == 0 || (errno != EAGAIN && errno != EINTR)) {
			close(w->sync);
			w->sync = -1;
		}
		return;
	}
	if (k != sizeof m) {
		if (n)
			close(fd);
		return;
	}
	if (m.kind == RES_READY && n == 1 && w->listener < 0)
		w->listener = fd;
	else if (n)
		close(fd);
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

/* Until the child exits: CPU and wall limits, the seccomp listener, kill
 * requests from the judge on ctl. Returns -1 when the judge went away. */
static int w_loop(struct watch *w)
{
	int gone = 0;

	for (;;) {
		struct pollfd p[4];
		int np = 0, i_sync = -1, i_lis = -1, i_ctl = -1;
		long long now = box_now_ns(), wait_ns = 1000000000LL;
		struct timespec ts;

		if (w->cpu_limit_ns) {
			w->cpu_ns = w_cpu(w);
			if (w->cpu_ns > w->cpu_limit_ns)
				w_kill(w, K_CPU);
			/* CPU time cannot run ahead of ncpu times the wall
			 * clock: sleeping this long cannot overshoot. */
			wait_ns = (w->cpu_limit_ns - w->cpu_ns) / w->ncpu;
		}
		if (w->wall_limit_ns) {
			long long left = w->start_ns + w->wall_limit_ns - now;

			if (left <= 0)
				w_kill(w, K_WALL);
			if (left < wait_ns)
				wait_ns = left;
		}
		if (wait_ns < 100000)
			wait_ns = 100000;
		if (w->killed)
			wait_ns = 50000000;
		ts.tv_sec = wait_ns / 1000000000LL;
		ts.tv_nsec = wait_ns % 1000000000LL;
		p[np].fd = w->pidfd;
		p[np++].events = POLLIN;
		if (w->sync >= 0) {
			i_sync = np;
			p[np].fd = w->sync;
			p[np++].events = POLLIN;
		}
		if (w->listener >= 0) {
			i_lis = np;
			p[np].fd = w->listener;
			p[np++].events = POLLIN;
		}
		if (w->ctl >= 0 && !gone) {
			i_ctl = np;
			p[np].fd = w->ctl;
			p[np++].events = POLLIN;
		}
		if (ppoll(p, (nfds_t)np, &ts, NULL) < 0)
			continue;
		if (i_sync >= 0 && p[i_sync].revents)
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
			} else if (k == sizeof q && q.kind == REQ_KILL) {
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

static int box_sync_pair[2] = { -1, -1 };

/* One run: the box directory, the child, its supervision. */
static int box_run_one(int ctl, const struct box_conf *conf,
		       const struct box_req *q, const int *fds, int nfds,
		       struct box_res *res)
{
	struct run_child c;
	struct watch w;
	struct rusage ru;
	char path[128];
	int status = 0, i, argc = 0, gone;
	size_t off = 0;
	pid_t pid;

	memset(res, 0, sizeof *res);
	res->kind = RES_DONE;
	res->fail_step = -1;
	if (nfds != 4 + q->nfiles || q->nfiles < 0 || q->nfiles > BOX_MAX_FILES ||
	    q->argc < 0 || q->argc > BOX_MAX_ARGS || q->filter_len == 0 ||
	    q->filter_len > BOX_MAX_FILTER) {
		errno = EINVAL;
		res->fail_step = STEP_BOX;
		res->fail_err = EINVAL;
		return 0;
	}
	memset(&c, 0, sizeof c);
	c.req = q;
	c.conf = conf;
	c.in = fds[0];
	c.out = fds[1];
	c.err = fds[2];
	c.exe = fds[3];
	c.sync = box_sync_pair[1];
	c.prog.len = (unsigned short)q->filter_len;
	c.prog.filter = (struct sock_filter *)q->filter;
	c.argv[argc++] = "prog";
	for (i = 0; i < q->argc && off < sizeof q->args; i++) {
		c.argv[argc++] = (char *)q->args + off;
		off += strnlen(q->args + off, sizeof q->args - off) + 1;
	}
	c.argv[argc] = NULL;
	if (mkdir("/box/run", 0700) < 0 ||
	    (conf->drop && chown("/box/run", conf->uid, conf->gid) < 0)) {
		res->fail_step = STEP_BOX;
		res->fail_err = errno;
		return 0;
	}
	for (i = 0; i < q->nfiles; i++) {
		int fd;

		snprintf(path, sizeof path, "/box/run/%.64s", q->names[i]);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0444);
		if (fd < 0 || close(fd) < 0 ||
		    syscall(SYS_move_mount, fds[4 + i], "", AT_FDCWD, path,
			    MOVE_MOUNT_F_EMPTY_PATH) < 0) {
			res->fail_step = STEP_MOUNT;
			res->fail_err = errno;
			goto clean;
		}
	}
	/* Nothing of an earlier run may still be queued. */
	{
		struct box_res junk;
		int fd = -1, n = 1;

		while (recv(box_sync_pair[0], &junk, 1, MSG_DONTWAIT | MSG_PEEK) >= 0) {
			n = 1;
			box_recv(box_sync_pair[0], &junk, sizeof junk, &fd, &n);
			if (n)
				close(fd);
		}
	}
	memset(&w, 0, sizeof w);
	w.pidfd = w.listener = -1;
	w.sync = box_sync_pair[0];
	w.ctl = ctl;
	w.fail_step = -1;
	w.cpu_limit_ns = q->cpu_limit_ns;
	w.wall_limit_ns = q->wall_limit_ns;
	w.ncpu = q->ncpu ? q->ncpu : 1;
	w.start_ns = box_now_ns();
	pid = fork();
	if (pid < 0) {
		res->fail_step = STEP_FORK;
		res->fail_err = errno;
		goto clean;
	}
	if (pid == 0)
		run_child(&c);
	w.pid = pid;
	w.pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (clock_getcpuclockid(pid, &w.cpuclock) != 0)
		w.cpuclock = CLOCK_MONOTONIC;
	if (w.pidfd < 0) {
		/* Cannot watch it: do not let it run unwatched. */
		kill(pid, SIGKILL);
		res->fail_step = STEP_FORK;
		res->fail_err = errno;
		waitpid(pid, NULL, 0);
		goto clean;
	}
	gone = w_loop(&w);
	memset(&ru, 0, sizeof ru);
	while (wait4(pid, &status, 0, &ru) < 0 && errno == EINTR)
		;
	/* Whatever else lives in the namespace goes too (init's kill(-1)
	 * spares only init), and is reaped. */
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, __WALL) > 0 || errno == EINTR)
		;
	/* A set-up failure message may still be queued. */
	while (recv(w.sync, path, 1, MSG_DONTWAIT | MSG_PEEK) >= 0)
		w_sync(&w);
	if (w.listener >= 0)
		close(w.listener);
	close(w.pidfd);
	res->status = status;
	res->killed = w.killed;
	res->sys_nr = w.sys_nr;
	res->sys_arch = w.sys_arch;
	res->sys_arg = w.sys_arg;
	res->fail_step = w.fail_step;
	res->fail_err = w.fail_err;
	res->cpu_ns = (long long)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1000000000LL +
		(long long)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) * 1000LL;
	res->wall_ns = w.end_ns - w.start_ns;
	res->maxrss_kb = ru.ru_maxrss;
	if (gone)
		_exit(0);
clean:
	for (i = 0; i < q->nfiles; i++) {
		snprintf(path, sizeof path, "/box/run/%.64s", q->names[i]);
		umount2(path, MNT_DETACH);
		unlink(path);
	}
	if (rmdir("/box/run") < 0 && res->fail_step < 0) {
		/* A run could not have left files (no creation is allowed):
		 * refuse to go on with a box that is not empty. */
		res->fail_step = STEP_BOX;
		res->fail_err = errno;
	}
	return 0;
}

/* The box's root: an empty read-only tmpfs with a tmpfs at /box, so that
 * nothing of the host is reachable by path. */
static int box_mounts(const struct box_conf *conf)
{
	char old[300], box[300];
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
	if (syscall(SYS_pivot_root, m, old) < 0 || chdir("/") < 0 ||
	    umount2("/old", MNT_DETACH) < 0 || rmdir("/old") < 0)
		return -1;
	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID |
		  MS_NODEV | MS_NOEXEC, NULL) < 0)
		return -1;
	return 0;
}

static __attribute__((noreturn)) void box_main(int ctl, const struct box_conf *conf)
{
	struct box_res res;
	struct box_req q;
	int fds[BOX_MAX_FILES + 4];

	memset(&res, 0, sizeof res);
	res.kind = RES_READY;
	res.fail_step = -1;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0) {
		res.fail_step = STEP_PDEATH;
		goto fail;
	}
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, box_sync_pair) < 0) {
		res.fail_step = STEP_FDS;
		goto fail;
	}
	if (box_mounts(conf) < 0) {
		res.fail_step = STEP_MOUNT;
		goto fail;
	}
	if (box_send(ctl, &res, sizeof res, NULL, 0) < 0)
		_exit(1);
	for (;;) {
		int nfds = BOX_MAX_FILES + 4, i;
		ssize_t k = box_recv(ctl, &q, sizeof q, fds, &nfds);

		if (k == 0 || (k < 0 && errno != EINTR))
			_exit(0);
		if (k == sizeof q && q.kind == REQ_RUN) {
			box_run_one(ctl, conf, &q, fds, nfds, &res);
			if (box_send(ctl, &res, sizeof res, NULL, 0) < 0)
				_exit(1);
		}
		for (i = 0; i < nfds; i++)
			close(fds[i]);
	}
fail:
	res.kind = RES_FAIL;
	res.fail_err = errno;
	box_send(ctl, &res, sizeof res, NULL, 0);
	_exit(1);
}

/* The waiter: joins the cgroups, makes the namespaces, forks the box (PID
 * 1 of the new PID namespace) and waits for it. It dies with the judge
 * thread (parent-death signal), and the box dies with it. */
static __attribute__((noreturn)) void box_waiter(int ctl, pid_t judge,
						 const struct box_conf *conf)
{
	struct box_res res;
	int i, flags = CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
		CLONE_NEWUTS;
	pid_t pid;

	memset(&res, 0, sizeof res);
	res.kind = RES_FAIL;
	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != judge)
		_exit(1);
	for (i = 0; i < 3; i++) {
		if (conf->cg_fds[i] >= 0 && write(conf->cg_fds[i], "0", 1) != 1) {
			res.fail_step = STEP_CGROUP;
			res.fail_err = errno;
			box_send(ctl, &res, sizeof res, NULL, 0);
			_exit(1);
		}
	}
	/* Only the socket, as fd 3: never hold the judge's other descriptors
	 * (its terminal, its database, other workers' pipes). */
	{
		int high = fcntl(ctl, F_DUPFD_CLOEXEC, 100);

		if (high < 0)
			_exit(1);
		close_range(0, (unsigned)high - 1, 0);
		close_range((unsigned)high + 1, ~0U, 0);
		if (dup3(high, 3, O_CLOEXEC) < 0)
			_exit(1);
		close(high);
		ctl = 3;
	}
	if (conf->userns)
		flags |= CLONE_NEWUSER;
	if (unshare(flags) < 0) {
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
		box_main(ctl, conf);
	close(ctl);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	_exit(0);
}

int box_start(struct box *b, const struct box_conf *conf)
{
	int sv[2];
	struct box_res res;
	ssize_t k;
	pid_t pid, judge;

	b->pid = -1;
	b->ctl = -1;
	judge = getpid();
	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return err_errno("cannot create the box socket");
	pid = fork();
	if (pid < 0) {
		close(sv[0]);
		close(sv[1]);
		return err_errno("cannot fork the box process");
	}
	if (pid == 0)
		box_waiter(sv[1], judge, conf);
	close(sv[1]);
	b->pid = pid;
	b->ctl = sv[0];
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
	if (b->pid > 0) {
		kill(b->pid, SIGKILL);
		while (waitpid(b->pid, NULL, 0) < 0 && errno == EINTR)
			;
	}
	b->ctl = -1;
	b->pid = -1;
}
