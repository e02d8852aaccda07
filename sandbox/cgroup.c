/* cgroup.c: a worker's cgroup v1 memory, pids and cpuacct groups: limits,
 * peak memory, OOM kills, CPU of every process, and killing what is left.
 * The files read or written on every run stay open (pread/pwrite at 0). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "lib/err.h"
#include "sandbox/internal.h"

#define CG_ROOT "/sys/fs/cgroup"
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

/* Make CG_ROOT/ctrl/judge/<name>; 1 made, 0 no usable controller. */
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

int cg_open(struct cg *cg, const char *name)
{
	int r;

	memset(cg, 0, sizeof *cg);
	cg->f_max = cg->f_usage = cg->f_oom = cg->f_limit = cg->f_memsw = -1;
	cg->f_pids = cg->f_cpu = -1;
	if ((r = make_one("memory", name, cg->mem, sizeof cg->mem)) < 0)
		goto fail;
	cg->mem_ok = r;
	if ((r = make_one("pids", name, cg->pids, sizeof cg->pids)) < 0)
		goto fail;
	cg->pids_ok = r;
	if ((r = make_one("cpuacct", name, cg->cpu, sizeof cg->cpu)) < 0)
		goto fail;
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
		if (cg->f_max < 0 || cg->f_usage < 0 || cg->f_oom < 0 || cg->f_limit < 0) {
			err_errno("cannot open the files of cgroup '%s'", cg->mem);
			goto fail;
		}
	}
	if (cg->pids_ok && (cg->f_pids = open_in(cg->pids, "pids.max", O_WRONLY)) < 0) {
		err_errno("cannot open '%s/pids.max'", cg->pids);
		goto fail;
	}
	if (cg->cpu_ok && (cg->f_cpu = open_in(cg->cpu, "cpuacct.usage", O_RDWR)) < 0) {
		err_errno("cannot open '%s/cpuacct.usage'", cg->cpu);
		goto fail;
	}
	return 0;
fail:
	cg_close(cg);
	return -1;
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

int cg_kill_all(struct cg *cg)
{
	int n = 0;

	if (cg->pids_ok)
		n += kill_tasks(cg->pids);
	if (cg->mem_ok)
		n += kill_tasks(cg->mem);
	if (cg->cpu_ok)
		n += kill_tasks(cg->cpu);
	return n;
}

void cg_close(struct cg *cg)
{
	const char *dirs[3] = { cg->mem, cg->pids, cg->cpu };
	int ok[3] = { cg->mem_ok, cg->pids_ok, cg->cpu_ok };
	int fds[7] = { cg->f_max, cg->f_usage, cg->f_oom, cg->f_limit,
		       cg->f_memsw, cg->f_pids, cg->f_cpu };
	int i, tries;

	for (i = 0; i < 7; i++)
		if (fds[i] >= 0)
			close(fds[i]);
	for (i = 0; i < 3; i++) {
		if (!ok[i])
			continue;
		for (tries = 0; rmdir(dirs[i]) < 0 && errno == EBUSY && tries < 200;
		     tries++) {
			kill_tasks(dirs[i]);
			usleep(1000);
		}
	}
	memset(cg, 0, sizeof *cg);
	cg->f_max = cg->f_usage = cg->f_oom = cg->f_limit = cg->f_memsw = -1;
	cg->f_pids = cg->f_cpu = -1;
}

int cg_limits(struct cg *cg, unsigned long long mem_bytes, unsigned pids)
{
	char v[32];

	if (cg->mem_ok && mem_bytes != cg->set_mem) {
		/* memsw >= mem must hold at every step. */
		if (cg->f_memsw >= 0)
			put(cg->f_memsw, "-1");
		snprintf(v, sizeof v, "%llu", mem_bytes);
		if (put(cg->f_limit, mem_bytes ? v : "-1") < 0)
			return err_errno("cannot set the memory limit of '%s'", cg->mem);
		if (cg->f_memsw >= 0 && mem_bytes && put(cg->f_memsw, v) < 0)
			return err_errno("cannot set the memory+swap limit of '%s'", cg->mem);
		cg->set_mem = mem_bytes;
	}
	if (cg->pids_ok && pids != cg->set_pids) {
		snprintf(v, sizeof v, "%u", pids);
		if (put(cg->f_pids, pids ? v : "max") < 0)
			return err_errno("cannot set pids.max of '%s'", cg->pids);
		cg->set_pids = pids;
	}
	return 0;
}

int cg_begin(struct cg *cg, unsigned long long floor)
{
	long long u;

	if (cg->cpu_ok && put(cg->f_cpu, "0") < 0)
		return err_errno("cannot reset '%s/cpuacct.usage'", cg->cpu);
	if (!cg->mem_ok)
		return 0;
	u = get(cg->f_usage);
	if (u > (long long)(floor + CG_STALE))
		write_file(cg->mem, "memory.force_empty", "0");
	if (put(cg->f_max, "0") < 0)
		return err_errno("cannot reset '%s/memory.max_usage_in_bytes'", cg->mem);
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
	long long m = cg->mem_ok ? get(cg->f_max) : -1;

	return m > (long long)cg->base ? (unsigned long long)m - cg->base : 0;
}

long cg_oom_kills(struct cg *cg)
{
	char s[512], *p;
	ssize_t n;

	if (!cg->mem_ok)
		return -1;
	n = pread(cg->f_oom, s, sizeof s - 1, 0);
	if (n <= 0)
		return -1;
	s[n] = 0;
	p = strstr(s, "oom_kill ");
	return p ? strtol(p + 9, NULL, 10) : -1;
}

long long cg_cpu_ns(struct cg *cg)
{
	return cg->cpu_ok ? get(cg->f_cpu) : -1;
}

int cg_join_fds(struct cg *cg, int fds[3])
{
	const char *dirs[3] = { cg->mem, cg->pids, cg->cpu };
	int ok[3] = { cg->mem_ok, cg->pids_ok, cg->cpu_ok };
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
	char dir[400];
	size_t i;
	int tries;

	for (i = 0; i < sizeof ctrls / sizeof ctrls[0]; i++) {
		snprintf(dir, sizeof dir, CG_ROOT "/%s/judge/%s", ctrls[i], name);
		for (tries = 0; rmdir(dir) < 0 && errno == EBUSY && tries < 50; tries++) {
			kill_tasks(dir);
			usleep(2000);
		}
	}
}
