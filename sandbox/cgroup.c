/* cgroup.c: a worker's cgroups on either hierarchy: limits, peak memory,
 * OOM kills, CPU of every process, and killing what is left. Which
 * hierarchy, and where the judge may make groups, is found once per
 * process (cg_host). The files read or written on every run stay open
 * (pread/pwrite at 0).
 *
 * cgroup v1: one group per controller, CG_ROOT/<ctrl>/judge/<name>, for
 * memory, pids and cpuacct; root only (the v1 files are root's).
 *
 * cgroup v2: one group, <subtree>/<name>, a leaf holding the worker's
 * waiter, box and run child (as the v1 groups do), with the memory and pids
 * controllers. The subtree is:
 *   - as root: CG_ROOT/judge, with memory and pids enabled from the root
 *     down (the root cgroup is exempt from the no-internal-processes rule);
 *   - otherwise (a normal user, or root in a container whose cgroup root
 *     is not the real one): the judge's own cgroup, when it is writable
 *     (systemd's Delegate=yes, or `systemd-run --user --scope -p
 *     Delegate=yes`). It holds processes, so they are first moved into its
 *     leaf "judge-leaf" (the judge and whatever shares its group: its shell,
 *     other judges); a judge that starts in such a leaf uses its parent.
 * CPU is cpu.stat's usage_usec (present without the cpu controller). The
 * peak is memory.peak read through a descriptor on which it was reset
 * before the run (kernel 6.12 and later); before 6.12 memory.peak cannot be
 * reset and a per-worker group would give the worker's lifetime peak, so
 * the peak is then the program's peak RSS (see sandbox.c). memory.events'
 * oom_kill counts OOM kills; cgroup.kill (5.14) kills the group. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "lib/err.h"
#include "sandbox/internal.h"

#define CG_ROOT "/sys/fs/cgroup"
#define CGROUP2_MAGIC 0x63677270
#define V2_LEAF "judge-leaf"
/* Charges left by earlier runs (page cache) above this are dropped before
 * a run, so that the peak is the program's own. */
#define CG_STALE (16 << 20)

static int put(int fd, const char *val)
{
	return pwrite(fd, val, strlen(val), 0) < 0 ? -1 : 0;
}

static long long get(int fd)
{
	char s[64];
	ssize_t n = pread(fd, s, sizeof s - 1, 0);

	if (n <= 0)
		return -1;
	s[n] = 0;
	return strtoll(s, NULL, 10);
}

/* The number after "key " in a flat-keyed file (memory.events, cpu.stat,
 * memory.oom_control), or -1. */
static long long get_key(int fd, const char *key)
{
	char s[1024], *p;
	size_t k = strlen(key);
	ssize_t n = pread(fd, s, sizeof s - 1, 0);

	if (n <= 0)
		return -1;
	s[n] = 0;
	for (p = s; p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, key, k) && p[k] == ' ')
			return strtoll(p + k + 1, NULL, 10);
	return -1;
}

static int open_in(const char *dir, const char *name, int flags)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	return open(path, flags | O_CLOEXEC);
}

static int write_file(const char *dir, const char *name, const char *val)
{
	int fd = open_in(dir, name, O_WRONLY), rc;

	if (fd < 0)
		return err_errno("cannot open '%s/%s'", dir, name);
	rc = put(fd, val);
	if (rc < 0)
		err_errno("cannot write '%s' to '%s/%s'", val, dir, name);
	close(fd);
	return rc;
}

/* The first line of dir/name into out ("" when unreadable). */
static void read_line(const char *dir, const char *name, char *out, size_t size)
{
	int fd = open_in(dir, name, O_RDONLY);
	ssize_t n = fd >= 0 ? read(fd, out, size - 1) : -1;

	if (fd >= 0)
		close(fd);
	out[n > 0 ? n : 0] = 0;
	out[strcspn(out, "\n")] = 0;
}

/* A word of a space-separated list ("memory pids"). */
static int has_word(const char *list, const char *w)
{
	size_t k = strlen(w);

	for (const char *p = list; (p = strstr(p, w)); p += k)
		if ((p == list || p[-1] == ' ') && (p[k] == 0 || p[k] == ' '))
			return 1;
	return 0;
}

/* ---- where groups go: found once per process --------------------------- */

static struct cg_host host;
static pthread_once_t host_once = PTHREAD_ONCE_INIT;

/* Enable memory and pids below dir; 0, or -1 with err set. */
static int enable_below(const char *dir)
{
	char on[256];

	read_line(dir, "cgroup.subtree_control", on, sizeof on);
	if (has_word(on, "memory") && has_word(on, "pids"))
		return 0;
	return write_file(dir, "cgroup.subtree_control", "+memory +pids");
}

/* Move every process of dir into dir/V2_LEAF; 0 when dir is left empty. */
static int empty_into_leaf(const char *dir)
{
	char leaf[400], pid[32];
	int tries, moved;

	snprintf(leaf, sizeof leaf, "%s/" V2_LEAF, dir);
	if (mkdir(leaf, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", leaf);
	for (tries = 0; tries < 100; tries++) {
		char path[420];
		FILE *f;
		int to;

		snprintf(path, sizeof path, "%s/cgroup.procs", dir);
		if (!(f = fopen(path, "re")))
			return err_errno("cannot read '%s'", path);
		if ((to = open_in(leaf, "cgroup.procs", O_WRONLY)) < 0) {
			fclose(f);
			return err_errno("cannot open '%s/cgroup.procs'", leaf);
		}
		moved = 0;
		while (fgets(pid, sizeof pid, f)) {
			pid[strcspn(pid, "\n")] = 0;
			/* a process that exited meanwhile is no obstacle */
			if (write(to, pid, strlen(pid)) < 0 && errno != ESRCH) {
				err_errno("cannot move process %s into '%s'", pid, leaf);
				fclose(f);
				close(to);
				return -1;
			}
			moved++;
		}
		fclose(f);
		close(to);
		if (!moved)
			return 0;
	}
	return err_set("the processes of '%s' keep coming back", dir);
}

/* The judge's own cgroup (v2), as a path under CG_ROOT; "" if unknown. */
static void own_group(char *out, size_t size)
{
	char line[256];
	FILE *f = fopen("/proc/self/cgroup", "re");

	out[0] = 0;
	if (!f)
		return;
	while (fgets(line, sizeof line, f)) {
		if (strncmp(line, "0::", 3))
			continue;
		line[strcspn(line, "\n")] = 0;
		snprintf(out, size, CG_ROOT "%s", strcmp(line + 3, "/") ? line + 3 : "");
	}
	fclose(f);
}

static int v2_as_root(void)
{
	char base[] = CG_ROOT "/judge";

	if (geteuid() != 0 || enable_below(CG_ROOT) < 0)
		return -1;
	if (mkdir(base, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", base);
	if (enable_below(base) < 0)
		return -1;
	snprintf(host.base, sizeof host.base, "%s", base);
	return 0;
}

static int v2_delegated(void)
{
	char own[300], ctrl[256];
	size_t n;

	own_group(own, sizeof own);
	if (!own[0])
		return err_set("no cgroup v2 line in /proc/self/cgroup");
	n = strlen(own);
	if (n > sizeof V2_LEAF && !strcmp(own + n - strlen(V2_LEAF), V2_LEAF) &&
	    own[n - strlen(V2_LEAF) - 1] == '/')
		own[n - strlen(V2_LEAF) - 1] = 0;      /* another judge's leaf */
	snprintf(host.own, sizeof host.own, "%s", own[strlen(CG_ROOT)] ? own + strlen(CG_ROOT) : "/");
	for (size_t i = 0; i < 3; i++) {
		static const char *const need[] = { "", "/cgroup.procs", "/cgroup.subtree_control" };
		char p[400];

		snprintf(p, sizeof p, "%s%s", own, need[i]);
		if (access(p, W_OK) < 0 && errno == EROFS)
			return err_set("the cgroup filesystem is read-only here (a container?)");
		if (access(p, W_OK) < 0) {
			host.need_delegation = 1;
			return err_set("your cgroup '%s' is not delegated to you", host.own);
		}
	}
	read_line(own, "cgroup.controllers", ctrl, sizeof ctrl);
	if (!has_word(ctrl, "memory") || !has_word(ctrl, "pids"))
		return err_set("the %s controller is not delegated to '%s'",
			       !has_word(ctrl, "memory") ? "memory" : "pids", host.own);
	if (enable_below(own) < 0) {
		if (empty_into_leaf(own) < 0 || enable_below(own) < 0)
			return -1;
	}
	snprintf(host.base, sizeof host.base, "%s", own);
	host.delegated = 1;
	return 0;
}

static void host_find(void)
{
	struct statfs sf;
	char probe[400], ctrl[420];
	int fd;

	host.version = 0;
	if (statfs(CG_ROOT, &sf) == 0 && sf.f_type == CGROUP2_MAGIC) {
		host.version = 2;
		if (v2_as_root() < 0 && v2_delegated() < 0) {
			snprintf(host.why, sizeof host.why, "%s", err_msg());
			host.base[0] = 0;
			return;
		}
		/* memory.peak exists since 5.19 and can be reset since 6.12:
		 * try both on a fresh group */
		snprintf(probe, sizeof probe, "%s/probe-%ld", host.base, (long)getpid());
		if (mkdir(probe, 0755) == 0 || errno == EEXIST) {
			snprintf(ctrl, sizeof ctrl, "%s/memory.peak", probe);
			host.have_peak = access(ctrl, F_OK) == 0;
			fd = open(ctrl, O_RDWR | O_CLOEXEC);
			host.peak_reset = fd >= 0 && put(fd, "reset\n") == 0;
			if (fd >= 0)
				close(fd);
			rmdir(probe);
		}
		host.mem = host.pids = host.cpu = 1;
		err_clear();
		return;
	}
	/* v1 (or hybrid, whose v2 part has no controllers): root's */
	snprintf(probe, sizeof probe, CG_ROOT "/memory");
	host.version = access(probe, F_OK) == 0 ? 1 : 0;
	host.mem = access(CG_ROOT "/memory", W_OK) == 0;
	host.pids = access(CG_ROOT "/pids", W_OK) == 0;
	host.cpu = access(CG_ROOT "/cpuacct", W_OK) == 0;
	host.peak_reset = host.have_peak = host.mem;
	if (host.version == 0)
		snprintf(host.why, sizeof host.why, "no cgroup hierarchy at " CG_ROOT);
	else if (!host.mem)
		snprintf(host.why, sizeof host.why, "cgroup v1: '" CG_ROOT
			 "/memory' is root's (not writable by uid %u)", (unsigned)geteuid());
	if (host.mem || host.pids || host.cpu)
		snprintf(host.base, sizeof host.base, CG_ROOT);
}

const struct cg_host *cg_host(void)
{
	pthread_once(&host_once, host_find);
	return &host;
}

/* ---- one worker's groups ----------------------------------------------- */

static void fds_reset(struct cg *cg)
{
	cg->f_max = cg->f_usage = cg->f_oom = cg->f_limit = cg->f_memsw = -1;
	cg->f_pids = cg->f_cpu = -1;
}

/* v1: make CG_ROOT/ctrl/judge/<name>; 1 made, 0 no usable controller. */
static int make_one(const char *ctrl, const char *name, char *out, size_t size)
{
	char base[160];

	snprintf(base, sizeof base, CG_ROOT "/%s", ctrl);
	if (access(base, W_OK) < 0)
		return 0;
	snprintf(base, sizeof base, CG_ROOT "/%s/judge", ctrl);
	if (mkdir(base, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", base);
	snprintf(out, size, "%s/%s", base, name);
	if (mkdir(out, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", out);
	return 1;
}

static int open_v1(struct cg *cg, const char *name)
{
	int r;

	if ((r = make_one("memory", name, cg->mem, sizeof cg->mem)) < 0)
		return -1;
	cg->mem_ok = r;
	if ((r = make_one("pids", name, cg->pids, sizeof cg->pids)) < 0)
		return -1;
	cg->pids_ok = r;
	if ((r = make_one("cpuacct", name, cg->cpu, sizeof cg->cpu)) < 0)
		return -1;
	cg->cpu_ok = r;
	if (cg->mem_ok) {
		/* The OOM killer acts inside the group: the program dies and
		 * the kill is counted, rather than the group hanging. */
		write_file(cg->mem, "memory.oom_control", "0");
		write_file(cg->mem, "memory.swappiness", "0");
		cg->f_max = open_in(cg->mem, "memory.max_usage_in_bytes", O_RDWR);
		cg->f_usage = open_in(cg->mem, "memory.usage_in_bytes", O_RDONLY);
		cg->f_oom = open_in(cg->mem, "memory.oom_control", O_RDONLY);
		cg->f_limit = open_in(cg->mem, "memory.limit_in_bytes", O_WRONLY);
		cg->f_memsw = open_in(cg->mem, "memory.memsw.limit_in_bytes", O_WRONLY);
		if (cg->f_max < 0 || cg->f_usage < 0 || cg->f_oom < 0 || cg->f_limit < 0)
			return err_errno("cannot open the files of cgroup '%s'", cg->mem);
		cg->peak_ok = 1;
	}
	if (cg->pids_ok && (cg->f_pids = open_in(cg->pids, "pids.max", O_WRONLY)) < 0)
		return err_errno("cannot open '%s/pids.max'", cg->pids);
	if (cg->cpu_ok && (cg->f_cpu = open_in(cg->cpu, "cpuacct.usage", O_RDWR)) < 0)
		return err_errno("cannot open '%s/cpuacct.usage'", cg->cpu);
	return 0;
}

/* v2: one leaf group; the three paths name it (for kill and remove). */
static int open_v2(struct cg *cg, const struct cg_host *h, const char *name)
{
	snprintf(cg->mem, sizeof cg->mem, "%s/%s", h->base, name);
	if (mkdir(cg->mem, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", cg->mem);
	cg->v2 = 1;
	cg->mem_ok = cg->pids_ok = cg->cpu_ok = 1;
	cg->f_usage = open_in(cg->mem, "memory.current", O_RDONLY);
	cg->f_oom = open_in(cg->mem, "memory.events", O_RDONLY);
	cg->f_limit = open_in(cg->mem, "memory.max", O_WRONLY);
	cg->f_memsw = open_in(cg->mem, "memory.swap.max", O_WRONLY);  /* may lack */
	cg->f_pids = open_in(cg->mem, "pids.max", O_WRONLY);
	cg->f_cpu = open_in(cg->mem, "cpu.stat", O_RDONLY);
	if (cg->f_usage < 0 || cg->f_oom < 0 || cg->f_limit < 0 || cg->f_pids < 0 ||
	    cg->f_cpu < 0)
		return err_errno("cannot open the files of cgroup '%s'", cg->mem);
	if (h->peak_reset && (cg->f_max = open_in(cg->mem, "memory.peak", O_RDWR)) < 0)
		return err_errno("cannot open '%s/memory.peak'", cg->mem);
	cg->peak_ok = h->peak_reset;
	/* No swap: a program over its limit is killed, not paged out. */
	if (cg->f_memsw >= 0)
		put(cg->f_memsw, "0");
	return 0;
}

int cg_open(struct cg *cg, const char *name)
{
	const struct cg_host *h = cg_host();

	memset(cg, 0, sizeof *cg);
	fds_reset(cg);
	if (!h->base[0])
		return 0;
	if ((h->version == 2 ? open_v2(cg, h, name) : open_v1(cg, name)) < 0) {
		cg_close(cg);
		return -1;
	}
	return 0;
}

static int kill_tasks(const char *dir)
{
	char path[512], line[32];
	FILE *f;
	int n = 0;

	snprintf(path, sizeof path, "%s/cgroup.procs", dir);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (fgets(line, sizeof line, f)) {
		long pid = strtol(line, NULL, 10);

		if (pid > 0 && kill((pid_t)pid, SIGKILL) == 0)
			n++;
	}
	fclose(f);
	return n;
}

/* v2: cgroup.kill where the kernel has it (5.14), else one by one. */
static int kill_group(const char *dir, int v2)
{
	int fd;

	if (v2 && (fd = open_in(dir, "cgroup.kill", O_WRONLY)) >= 0) {
		int rc = put(fd, "1");

		close(fd);
		if (rc == 0)
			return 1;
	}
	return kill_tasks(dir);
}

int cg_kill_all(struct cg *cg)
{
	int n = 0;

	if (cg->pids_ok && !cg->v2)
		n += kill_tasks(cg->pids);
	if (cg->mem_ok)
		n += kill_group(cg->mem, cg->v2);
	if (cg->cpu_ok && !cg->v2)
		n += kill_tasks(cg->cpu);
	return n;
}

/* rmdir dir, killing what holds it, for up to tries * wait_us. */
static void remove_group(const char *dir, int v2, int tries, unsigned wait_us)
{
	for (int t = 0; rmdir(dir) < 0 && errno == EBUSY && t < tries; t++) {
		kill_group(dir, v2);
		usleep(wait_us);
	}
}

void cg_close(struct cg *cg)
{
	const char *dirs[3] = { cg->mem, cg->pids, cg->cpu };
	int ok[3] = { cg->mem_ok, cg->pids_ok && !cg->v2, cg->cpu_ok && !cg->v2 };
	int fds[7] = { cg->f_max, cg->f_usage, cg->f_oom, cg->f_limit,
		       cg->f_memsw, cg->f_pids, cg->f_cpu };
	int i;

	for (i = 0; i < 7; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	if (cg->v2 && cg->mem[0])
		ok[0] = 1;          /* made, even if its files would not open */
	for (i = 0; i < 3; i++)
		if (ok[i])
			remove_group(dirs[i], cg->v2, 200, 1000);
	memset(cg, 0, sizeof *cg);
	fds_reset(cg);
}

int cg_limits(struct cg *cg, unsigned long long mem_bytes, unsigned pids)
{
	char v[32];

	if (cg->mem_ok && mem_bytes != cg->set_mem) {
		snprintf(v, sizeof v, "%llu", mem_bytes);
		if (cg->v2) {
			if (put(cg->f_limit, mem_bytes ? v : "max") < 0)
				return err_errno("cannot set the memory limit of '%s'", cg->mem);
		} else {
			/* memsw >= mem must hold at every step. */
			if (cg->f_memsw >= 0)
				put(cg->f_memsw, "-1");
			if (put(cg->f_limit, mem_bytes ? v : "-1") < 0)
				return err_errno("cannot set the memory limit of '%s'", cg->mem);
			if (cg->f_memsw >= 0 && mem_bytes && put(cg->f_memsw, v) < 0)
				return err_errno("cannot set the memory+swap limit of '%s'",
						 cg->mem);
		}
		cg->set_mem = mem_bytes;
	}
	if (cg->pids_ok && pids != cg->set_pids) {
		snprintf(v, sizeof v, "%u", pids);
		if (put(cg->f_pids, pids ? v : "max") < 0)
			return err_errno("cannot set pids.max of '%s'", cg->pids_ok && cg->v2 ?
					 cg->mem : cg->pids);
		cg->set_pids = pids;
	}
	return 0;
}

/* v2: drop page cache charged by earlier runs (memory.reclaim, 5.19). */
static void reclaim(struct cg *cg, long long bytes)
{
	char v[32];

	snprintf(v, sizeof v, "%lld", bytes);
	write_file(cg->mem, "memory.reclaim", v);
	err_clear();
}

int cg_begin(struct cg *cg, unsigned long long floor)
{
	long long u;

	if (cg->cpu_ok && !cg->v2 && put(cg->f_cpu, "0") < 0)
		return err_errno("cannot reset '%s/cpuacct.usage'", cg->cpu);
	if (cg->v2)
		cg->cpu_base = get_key(cg->f_cpu, "usage_usec");
	if (!cg->mem_ok)
		return 0;
	u = get(cg->f_usage);
	if (u > (long long)(floor + CG_STALE)) {
		if (cg->v2)
			reclaim(cg, u - (long long)floor);
		else
			write_file(cg->mem, "memory.force_empty", "0");
	}
	if (cg->peak_ok && put(cg->f_max, cg->v2 ? "reset\n" : "0") < 0)
		return err_errno("cannot reset the peak memory of '%s'", cg->mem);
	u = get(cg->f_usage);
	cg->base = u > 0 ? (unsigned long long)u : 0;
	return 0;
}

unsigned long long cg_usage(struct cg *cg)
{
	long long u = cg->mem_ok ? get(cg->f_usage) : -1;

	return u > 0 ? (unsigned long long)u : 0;
}

unsigned long long cg_peak(struct cg *cg)
{
	long long m = cg->peak_ok ? get(cg->f_max) : -1;

	return m > (long long)cg->base ? (unsigned long long)m - cg->base : 0;
}

long cg_oom_kills(struct cg *cg)
{
	if (!cg->mem_ok)
		return -1;
	return (long)get_key(cg->f_oom, "oom_kill");
}

void cg_mem_of(struct cg *cg, long oom_before, struct cg_mem *m)
{
	m->peak = cg_peak(cg);
	m->peak_ok = cg->peak_ok;
	m->oom = cg->mem_ok && cg_oom_kills(cg) > oom_before;
	m->limited = cg->mem_ok;
}

long long cg_cpu_ns(struct cg *cg)
{
	long long u;

	if (!cg->cpu_ok)
		return -1;
	if (!cg->v2)
		return get(cg->f_cpu);
	u = get_key(cg->f_cpu, "usage_usec");
	return u < 0 || cg->cpu_base < 0 ? -1 : (u - cg->cpu_base) * 1000;
}

int cg_join_fds(struct cg *cg, int fds[3])
{
	const char *dirs[3] = { cg->mem, cg->pids, cg->cpu };
	int ok[3] = { cg->mem_ok, cg->pids_ok && !cg->v2, cg->cpu_ok && !cg->v2 };
	int i;

	for (i = 0; i < 3; i++) {
		fds[i] = -1;
		if (!ok[i])
			continue;
		fds[i] = open_in(dirs[i], "cgroup.procs", O_WRONLY);
		if (fds[i] < 0) {
			err_errno("cannot open '%s/cgroup.procs'", dirs[i]);
			while (i-- > 0)
				if (fds[i] >= 0)
					close(fds[i]);
			return -1;
		}
	}
	return 0;
}

void cg_remove(const char *name)
{
	static const char *const ctrls[] = { "memory", "pids", "cpuacct" };
	const struct cg_host *h = cg_host();
	char dir[400];
	size_t i;

	if (!h->base[0])
		return;
	if (h->version == 2) {
		snprintf(dir, sizeof dir, "%.300s/%.90s", h->base, name);
		remove_group(dir, 1, 50, 2000);
		return;
	}
	for (i = 0; i < sizeof ctrls / sizeof ctrls[0]; i++) {
		snprintf(dir, sizeof dir, CG_ROOT "/%s/judge/%.90s", ctrls[i], name);
		remove_group(dir, 0, 50, 2000);
	}
}
