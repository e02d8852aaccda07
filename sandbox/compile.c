/* compile.c: gcc on hostile source, in namespaces of its own: a root made
 * of read-only /usr and the box, no network, the worker's uid, limits on
 * time, memory, output and processes. See the theory of operation in
 * sandbox.c. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/internal.h"
#include "sandbox/sandbox.h"

enum { CFD_SYNC = 3, CFD_SRC = 4, CFD_BIN = 5 };

/* Everything the compile children need, made before the fork. */
struct cc_child {
	const struct compile_job *j;
	int in, out, err, sync, src, bin;
	int cg_fds[3];
	pid_t judge;
	char root[300];
	char box_opts[96];           /* the box tmpfs: owner, mode, size */
	unsigned long long bin_cap;  /* largest binary copied out */
	char cc[300];
	char src_path[32];           /* "/box/prog.c", "/box/prog.cpp": argv's name */
	struct rlimit rl[8];
	int rl_res[8], nrl;
};

static __attribute__((noreturn)) void cc_fail(int step)
{
	box_fail(CFD_SYNC, step);
}

static int bind_ro(const char *src, const char *dst, unsigned long extra)
{
	if (mount(src, dst, NULL, MS_BIND | MS_REC, NULL) < 0)
		return -1;
	return mount(NULL, dst, NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID |
		     extra, NULL);
}

static int touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0444);

	return fd < 0 ? -1 : close(fd);
}

/* The compiler's root: /usr read-only, the merged-/usr links, the loader
 * cache, /dev/null, a private /tmp, /pch when asked for, the box (a tmpfs owned by the worker's
 * uid); nothing else of the host. */
static int cc_mounts(const struct cc_child *c)
{
	static const char *const links[][2] = {
		{ "bin", "usr/bin" }, { "lib", "usr/lib" }, { "lib64", "usr/lib64" },
		{ "sbin", "usr/sbin" },
	};
	char p[400];
	size_t i;

	if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) < 0 ||
	    mount("tmpfs", c->root, "tmpfs", MS_NOSUID | MS_NODEV,
		  "size=64k,nr_inodes=64,mode=0755") < 0)
		return -1;
	snprintf(p, sizeof p, "%s/usr", c->root);
	if (mkdir(p, 0755) < 0 || bind_ro("/usr", p, MS_NODEV) < 0)
		return -1;
	for (i = 0; i < sizeof links / sizeof links[0]; i++) {
		struct stat st;

		snprintf(p, sizeof p, "/%s", links[i][1]);
		if (lstat(p, &st) < 0)
			continue;
		snprintf(p, sizeof p, "%s/%s", c->root, links[i][0]);
		if (symlink(links[i][1], p) < 0)
			return -1;
	}
	snprintf(p, sizeof p, "%s/etc", c->root);
	if (mkdir(p, 0755) < 0)
		return -1;
	if (access("/etc/ld.so.cache", R_OK) == 0) {
		snprintf(p, sizeof p, "%s/etc/ld.so.cache", c->root);
		if (touch(p) < 0 || bind_ro("/etc/ld.so.cache", p, MS_NODEV | MS_NOEXEC) < 0)
			return -1;
	}
	snprintf(p, sizeof p, "%s/dev", c->root);
	if (mkdir(p, 0755) < 0)
		return -1;
	snprintf(p, sizeof p, "%s/dev/null", c->root);
	if (touch(p) < 0 || mount("/dev/null", p, NULL, MS_BIND, NULL) < 0)
		return -1;
	snprintf(p, sizeof p, "%s/tmp", c->root);
	if (mkdir(p, 01777) < 0 ||
	    mount("tmpfs", p, "tmpfs", MS_NOSUID | MS_NODEV, "size=256m,mode=01777") < 0)
		return -1;
	/* A precompiled header's folder (the judge's, built from a system
	 * header): read-only, no devices, nothing executable. */
	if (c->j->pch_dir) {
		snprintf(p, sizeof p, "%s/pch", c->root);
		if (mkdir(p, 0755) < 0 || bind_ro(c->j->pch_dir, p, MS_NODEV | MS_NOEXEC) < 0)
			return -1;
	}
	/* The box exists only in this namespace: nothing of the compile can
	 * outlive it, whatever happens to the judge. */
	snprintf(p, sizeof p, "%s/box", c->root);
	if (mkdir(p, 0755) < 0 ||
	    mount("tmpfs", p, "tmpfs", MS_NOSUID | MS_NODEV, c->box_opts) < 0)
		return -1;
	snprintf(p, sizeof p, "%s/old", c->root);
	if (mkdir(p, 0700) < 0 || syscall(SYS_pivot_root, c->root, p) < 0 ||
	    chdir("/") < 0 || umount2("/old", MNT_DETACH) < 0 || rmdir("/old") < 0)
		return -1;
	return mount(NULL, "/", NULL, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID |
		     MS_NODEV, NULL);
}

/* The source into the box (owned by root, readable by the compiler). */
static int copy_in(int from, const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	ssize_t n;

	if (fd < 0)
		return -1;
	/* 0644 whatever the judge's umask (077 made it root's alone) */
	if (fchmod(fd, 0644) < 0) {
		close(fd);
		return -1;
	}
	do
		n = sendfile(fd, from, NULL, 1 << 30);
	while (n > 0);
	close(fd);
	return n < 0 ? -1 : 0;
}

/* The compiled binary to the judge's file: its size in KB + 1 (0: none,
 * not a regular file, or larger than cap). */
static long copy_out(const char *path, int to, unsigned long long cap)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	ssize_t n;
	long rc = 0;

	if (fd < 0)
		return 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    (unsigned long long)st.st_size <= cap) {
		do
			n = sendfile(to, fd, NULL, 1 << 30);
		while (n > 0);
		if (n == 0)
			rc = (long)(st.st_size / 1024) + 1;
	}
	close(fd);
	return rc;
}

/* The compiler itself, as the worker's uid. */
static __attribute__((noreturn)) void cc_exec(const struct cc_child *c)
{
	static char *const envp[] = { "PATH=/usr/bin:/bin", "LC_ALL=C",
				      "TMPDIR=/tmp", NULL };
	int i;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		cc_fail(STEP_PDEATH);
	if (chdir("/box") < 0)
		cc_fail(STEP_CHDIR);
	for (i = 0; i < c->nrl; i++)
		if (setrlimit(c->rl_res[i], &c->rl[i]) < 0)
			cc_fail(STEP_RLIMIT);
	if (c->j->userns ? box_drop_caps() < 0 :
	    (setgroups(0, NULL) < 0 || setresgid(c->j->gid, c->j->gid, c->j->gid) < 0 ||
	     setresuid(c->j->uid, c->j->uid, c->j->uid) < 0))
		cc_fail(STEP_IDS);
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		cc_fail(STEP_NNP);
	execve(c->cc, (char *const *)c->j->argv, envp);
	cc_fail(STEP_EXEC);
}

/* PID 1 of the compile namespace: mounts, then the compiler; reports the
 * compiler's wait status and exits, which kills whatever it left. */
static __attribute__((noreturn)) void cc_init(const struct cc_child *c)
{
	struct box_res m;
	pid_t pid, got;
	int st;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0)
		cc_fail(STEP_PDEATH);
	if (cc_mounts(c) < 0)
		cc_fail(STEP_MOUNT);
	if (copy_in(CFD_SRC, c->src_path) < 0)
		cc_fail(STEP_BOX);
	pid = fork();
	if (pid < 0)
		cc_fail(STEP_FORK);
	if (pid == 0)
		cc_exec(c);
	for (;;) {
		got = waitpid(-1, &st, 0);
		if (got == pid)
			break;
		if (got < 0 && errno != EINTR)
			_exit(127);
	}
	memset(&m, 0, sizeof m);
	m.kind = RES_DONE;
	m.status = st;
	m.fail_step = -1;
	/* The binary leaves through the judge's descriptor: opened here as
	 * root, so no link and nothing but a regular file of bounded size. */
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		m.bin_kb = copy_out("/box/prog", CFD_BIN, c->bin_cap);
	if (write(CFD_SYNC, &m, sizeof m) < 0)
		_exit(127);
	_exit(0);
}

static int lift(int fd)
{
	return fcntl(fd, F_DUPFD_CLOEXEC, 64);
}

/* The waiter: cgroups, descriptors, namespaces; then it waits for init. */
static __attribute__((noreturn)) void cc_waiter(const struct cc_child *c)
{
	int in, out, err, sync, src, bin, i;
	pid_t pid;

	if (prctl(PR_SET_PDEATHSIG, SIGKILL) < 0 || getppid() != c->judge)
		_exit(127);
	setpgid(0, 0);
	/* the judge's signal handlers are not ours (init keeps them) */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	sync = lift(c->sync);
	in = lift(c->in);
	out = lift(c->out);
	err = lift(c->err);
	src = lift(c->src);
	bin = lift(c->bin);
	if (sync < 0 || dup2(sync, CFD_SYNC) < 0)
		_exit(127);
	if (in < 0 || out < 0 || err < 0 || src < 0 || bin < 0 || dup2(in, 0) < 0 ||
	    dup2(out, 1) < 0 || dup2(err, 2) < 0 ||
	    dup3(src, CFD_SRC, O_CLOEXEC) < 0 || dup3(bin, CFD_BIN, O_CLOEXEC) < 0)
		cc_fail(STEP_FDS);
	for (i = 0; i < 3; i++)
		if (c->cg_fds[i] >= 0 && write(c->cg_fds[i], "0", 1) != 1)
			cc_fail(STEP_CGROUP);
	if (close_range(CFD_BIN + 1, ~0U, 0) < 0)
		cc_fail(STEP_FDS);
	if (unshare(CLONE_NEWNS | CLONE_NEWPID | CLONE_NEWNET | CLONE_NEWIPC |
		    CLONE_NEWUTS | (c->j->userns ? CLONE_NEWUSER : 0)) < 0 ||
	    (c->j->userns && box_map_ids(c->j->uid, c->j->gid) < 0) ||
	    sethostname("box", 3) < 0 || setdomainname("box", 3) < 0)
		cc_fail(STEP_NS);
	pid = fork();
	if (pid < 0)
		cc_fail(STEP_FORK);
	if (pid == 0)
		cc_init(c);
	close_range(0, ~0U, 0);
	while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
		;
	_exit(0);
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


static void add_rl(struct cc_child *c, int res, unsigned long long v)
{
	c->rl_res[c->nrl] = res;
	c->rl[c->nrl].rlim_cur = c->rl[c->nrl].rlim_max = (rlim_t)v;
	c->nrl++;
}

/* Where the compiler is: argv[0] as a path, or found in /usr/bin, /bin. */
static int find_cc(const char *name, char *out, size_t size)
{
	if (strchr(name, '/')) {
		snprintf(out, size, "%s", name);
		return 0;
	}
	snprintf(out, size, "/usr/bin/%s", name);
	if (access(out, X_OK) == 0)
		return 0;
	return err_set("compiler '%s' not found in /usr/bin", name);
}

/* The source's name in the box: the argument "prog.EXT" (EXT a short run
 * of letters, '+' allowed), so that the compiler sees the extension that
 * names its language; "prog.c" when there is none. */
static int source_name(const char *const *argv, char *out, size_t size)
{
	size_t i, k;

	for (i = 1; argv[i]; i++) {
		const char *a = argv[i];

		if (strncmp(a, "prog.", 5) || !a[5] || strlen(a) > 12)
			continue;
		for (k = 5; a[k]; k++)
			if (!((a[k] >= 'a' && a[k] <= 'z') || (a[k] >= 'A' && a[k] <= 'Z') ||
			      a[k] == '+'))
				return err_set("bad source name '%s' in the compiler command", a);
		snprintf(out, size, "/box/%s", a);
		return 0;
	}
	snprintf(out, size, "/box/prog.c");
	return 0;
}

/* A new file for the binary next to out_path, for an atomic rename. */
static int temp_beside(const char *out_path, char *tmp, size_t size)
{
	int fd;

	snprintf(tmp, size, "%s.tmpXXXXXX", out_path);
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return err_errno("cannot create a file beside '%s'", out_path);
	return fd;
}

/* One message of the compile's children on the sync pipe, into x; the
 * pipe is closed (and *sync set to -1) at its end. */
static void read_sync(int *sync, struct box_res *x)
{
	struct box_res m;
	ssize_t n = read(*sync, &m, sizeof m);

	if (n == sizeof m) {
		if (m.kind == RES_DONE) {
			x->status = m.status;
			x->kind = RES_DONE;
			x->bin_kb = m.bin_kb;
		} else if (m.kind == RES_FAIL && x->fail_step < 0) {
			x->fail_step = m.fail_step;
			x->fail_err = m.fail_err;
		}
	} else if (n == 0 || (n < 0 && errno != EAGAIN && errno != EINTR)) {
		close(*sync);
		*sync = -1;
	}
}

static long long now_ns(void)
{
	return box_now_ns();
}

/* The compile's files: its root folder, the source in a memfd, the
 * binary's file (beside out_path, its name in tmp; or a memfd) and
 * /dev/null for stdin. 0, or -1 with err set. */
static int cc_files(struct cc_child *c, char *tmp, size_t size)
{
	const struct compile_job *j = c->j;

	snprintf(c->root, sizeof c->root, "%s/croot", j->dir);
	snprintf(c->box_opts, sizeof c->box_opts, "uid=%u,gid=%u,mode=0700,size=%lluk",
		 j->userns ? 0 : (unsigned)j->uid, j->userns ? 0 : (unsigned)j->gid,
		 (unsigned long long)j->L->fsize_kb * 2 + 1024);
	c->bin_cap = j->L->fsize_kb * 1024ULL;
	if (mkdir(c->root, 0700) < 0 && errno != EEXIST)
		return err_errno("cannot create '%s'", c->root);
	c->src = memfd_create("sbx-source", MFD_CLOEXEC);
	if (c->src < 0 || write(c->src, j->source, j->len) != (ssize_t)j->len ||
	    lseek(c->src, 0, SEEK_SET) < 0)
		return err_errno("cannot hold the source");
	c->bin = j->out_path ? temp_beside(j->out_path, tmp, size) :
		memfd_create("sbx-binary", MFD_CLOEXEC);
	if (c->bin < 0)
		return j->out_path ? -1 : err_errno("cannot create a file for the binary");
	if ((c->in = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0)
		return err_errno("cannot open /dev/null");
	return 0;
}

/* The compiler's rlimits; CPU and memory are the cgroup's where it has one. */
static void cc_rlimits(struct cc_child *c)
{
	const struct compile_job *j = c->j;
	const struct sbx_limits *L = j->L;

	add_rl(c, RLIMIT_CORE, 0);
	add_rl(c, RLIMIT_FSIZE, L->fsize_kb * 1024ULL);
	add_rl(c, RLIMIT_STACK, L->stack_kb * 1024ULL);
	add_rl(c, RLIMIT_NOFILE, 256);
	if (!j->userns)
		add_rl(c, RLIMIT_NPROC, L->procs + 8);
	add_rl(c, RLIMIT_CPU, L->cpu_ms / 1000 + 2);
	if (!j->cg->mem_ok)
		add_rl(c, RLIMIT_AS, L->memory_kb * 1024ULL * 2);
}

/* Watch the compile's waiter (pid) until it ends: CPU (every compiler
 * process, from the cgroup) and wall limits, its output and its messages;
 * then kill what is left and read the pipes to their end. Fills x's
 * status (from the messages), killed, cpu_ns and wall_ns. */
static void cc_supervise(const struct compile_job *j, pid_t pid, int pidfd,
			 long long start, struct box_pipes *pp, int *sync,
			 struct box_res *x)
{
	const struct sbx_limits *L = j->L;
	long long cpu = 0, end;
	int killed = K_NONE, done = 0, st;

	while (!done) {
		int extra[2] = { pidfd, *sync };
		unsigned ready;

		cpu = cg_cpu_ns(j->cg);
		if (!killed && L->cpu_ms && cpu > L->cpu_ms * 1000000LL)
			killed = K_CPU;
		else if (!killed && L->wall_ms && now_ns() - start > L->wall_ms * 1000000LL)
			killed = K_WALL;
		if (killed) {
			kill(pid, SIGKILL);
			cg_kill_all(j->cg);
		}
		if (box_pipes_poll(pp, extra, 2, killed ? 20 : 5, &ready) < 0)
			continue;
		if (ready & 2)
			read_sync(sync, x);
		if (ready & 1)
			done = 1;
	}
	end = now_ns();
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	kill(-pid, SIGKILL);
	cg_kill_all(j->cg);
	/* Everything that wrote is gone: read what is left. */
	while (pp->out >= 0 || pp->err >= 0 || *sync >= 0) {
		unsigned ready;

		if (box_pipes_poll(pp, sync, 1, 1000, &ready) <= 0)
			break;
		if (ready & 1)
			read_sync(sync, x);
	}
	x->killed = killed;
	x->cpu_ns = cpu > 0 ? cpu : 0;
	if ((cpu = cg_cpu_ns(j->cg)) > x->cpu_ns)
		x->cpu_ns = cpu;
	x->wall_ns = end - start;
}

int cc_run(const struct compile_job *j, struct sbx_result *r)
{
	const struct sbx_limits *L = j->L;
	struct cc_child c;
	struct box_res x;
	int po[2] = { -1, -1 }, pe[2] = { -1, -1 }, ps[2] = { -1, -1 };
	int pidfd = -1, sync = -1, rc = -1, i;
	struct box_pipes pp = { -1, -1, &r->out, &r->err, 0 };
	long long start;
	long oom_before;
	struct cg_mem cm;
	char tmp[600] = "";
	pid_t pid;

	memset(&c, 0, sizeof c);
	memset(&x, 0, sizeof x);
	x.fail_step = -1;
	c.in = c.src = c.bin = -1;
	c.cg_fds[0] = c.cg_fds[1] = c.cg_fds[2] = -1;
	c.j = j;
	c.judge = getpid();
	if (!j->argv || !j->argv[0])
		return err_set("no compiler command line");
	if (find_cc(j->argv[0], c.cc, sizeof c.cc) < 0 ||
	    source_name(j->argv, c.src_path, sizeof c.src_path) < 0)
		return -1;
	if (cc_files(&c, tmp, sizeof tmp) < 0)
		goto out;
	if (pipe2(po, O_CLOEXEC) < 0 || pipe2(pe, O_CLOEXEC) < 0 ||
	    pipe2(ps, O_CLOEXEC) < 0) {
		err_errno("cannot create pipes");
		goto out;
	}
	c.out = po[1];
	c.err = pe[1];
	c.sync = ps[1];
	cc_rlimits(&c);
	if (cg_limits(j->cg, L->memory_kb * 1024ULL, L->procs + 2) < 0 ||
	    cg_begin(j->cg, 0) < 0 || cg_join_fds(j->cg, c.cg_fds) < 0)
		goto out;
	oom_before = cg_oom_kills(j->cg);
	start = now_ns();
	pid = fork();
	if (pid < 0) {
		err_errno("cannot fork");
		goto out;
	}
	if (pid == 0)
		cc_waiter(&c);
	close(po[1]);
	close(pe[1]);
	close(ps[1]);
	po[1] = pe[1] = ps[1] = -1;
	pp.out = po[0];
	pp.err = pe[0];
	sync = ps[0];
	po[0] = pe[0] = ps[0] = -1;
	fcntl(pp.out, F_SETFL, O_NONBLOCK);
	fcntl(pp.err, F_SETFL, O_NONBLOCK);
	pidfd = (int)syscall(SYS_pidfd_open, pid, 0);
	if (pidfd < 0) {
		err_errno("pidfd_open");
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
		goto out;
	}
	cc_supervise(j, pid, pidfd, start, &pp, &sync, &x);
	if (x.fail_step >= 0) {
		errno = x.fail_err;
		err_errno("set-up failed at %s",
			  x.fail_step < STEP_COUNT ? box_step_name[x.fail_step] : "?");
		goto out;
	}
	if (x.kind != RES_DONE && !x.killed && cg_oom_kills(j->cg) <= oom_before) {
		err_set("the compiler's sandbox ended without a status");
		goto out;
	}
	if (x.kind != RES_DONE)
		x.status = SIGKILL;   /* killed before it could report */
	cg_mem_of(j->cg, oom_before, &cm);
	sbx_classify(L, &x, &cm, 0, r);
	strip_box(&r->err, "/box");
	strip_box(&r->out, "/box");
	if (r->status == SBX_OK && r->exit_code == 0 && j->out_path) {
		if (x.bin_kb <= 0) {
			err_set("the compiler made no binary (or one over %lu KB)", L->fsize_kb);
			goto out;
		}
		if (fchmod(c.bin, 0755) < 0 || fsync(c.bin) < 0 || rename(tmp, j->out_path) < 0) {
			err_errno("cannot store the binary as '%s'", j->out_path);
			goto out;
		}
		tmp[0] = 0;
	}
	rc = 0;
out:
	for (i = 0; i < 2; i++) {
		if (po[i] >= 0) close(po[i]);
		if (pe[i] >= 0) close(pe[i]);
		if (ps[i] >= 0) close(ps[i]);
	}
	for (i = 0; i < 3; i++)
		if (c.cg_fds[i] >= 0)
			close(c.cg_fds[i]);
	if (c.in >= 0)
		close(c.in);
	if (pidfd >= 0)
		close(pidfd);
	if (pp.out >= 0)
		close(pp.out);
	if (pp.err >= 0)
		close(pp.err);
	if (sync >= 0)
		close(sync);
	if (c.src >= 0)
		close(c.src);
	if (c.bin >= 0)
		close(c.bin);
	if (tmp[0])
		unlink(tmp);
	return rc;
}
