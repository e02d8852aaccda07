/* cgroup.c: the worker's cgroup v1 memory, pids and cpuacct groups: limits,
 * peak memory, OOM kills, CPU of every process, and killing what is left. */
#include <dirent.h>
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

static int write_file(const char *dir, const char *name, const char *val)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return err_errno("cannot open '%s'", path);
	n = write(fd, val, strlen(val));
	if (n < 0) {
		err_errno("cannot write '%s' to '%s'", val, path);
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

static int read_file(const char *dir, const char *name, char *out, size_t size)
{
	char path[512];
	ssize_t n;
	int fd;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = read(fd, out, size - 1);
	close(fd);
	if (n < 0)
		return -1;
	out[n] = 0;
	return 0;
}

static unsigned long long read_ull(const char *dir, const char *name)
{
	char s[64];

	if (read_file(dir, name, s, sizeof s) < 0)
		return 0;
	return strtoull(s, NULL, 10);
}

/* Make CG_ROOT/ctrl/judge/w<index>-<pid>; 1 made, 0 no controller. */
static int make_one(const char *ctrl, int index, char *out, size_t size)
{
	char base[160];
	struct stat st;

	snprintf(base, sizeof base, CG_ROOT "/%s", ctrl);
	if (stat(base, &st) < 0 || access(base, W_OK) < 0)
		return 0;
	snprintf(base, sizeof base, CG_ROOT "/%s/judge", ctrl);
	if (mkdir(base, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", base);
	snprintf(out, size, "%s/w%d-%ld", base, index, (long)getpid());
	if (mkdir(out, 0755) < 0 && errno != EEXIST)
		return err_errno("cannot create cgroup '%s'", out);
	return 1;
}

int cg_open(struct cg *cg, int index)
{
	char path[512];
	int r;

	memset(cg, 0, sizeof *cg);
	if ((r = make_one("memory", index, cg->mem, sizeof cg->mem)) < 0)
		return -1;
	cg->mem_ok = r;
	if ((r = make_one("pids", index, cg->pids, sizeof cg->pids)) < 0)
		return -1;
	cg->pids_ok = r;
	if ((r = make_one("cpuacct", index, cg->cpu, sizeof cg->cpu)) < 0)
		return -1;
	cg->cpu_ok = r;
	if (cg->mem_ok) {
		snprintf(path, sizeof path, "%s/memory.memsw.limit_in_bytes",
			 cg->mem);
		cg->memsw = access(path, W_OK) == 0;
		/* The OOM killer acts inside the group: the program dies and
		 * the kill is counted, rather than the group hanging. */
		write_file(cg->mem, "memory.oom_control", "0");
		write_file(cg->mem, "memory.swappiness", "0");
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
	int i, tries;

	for (i = 0; i < 3; i++) {
		if (!ok[i])
			continue;
		for (tries = 0; rmdir(dirs[i]) < 0 && errno == EBUSY &&
		     tries < 100; tries++) {
			kill_tasks(dirs[i]);
			usleep(1000);
		}
	}
	memset(cg, 0, sizeof *cg);
}

int cg_prepare(struct cg *cg, unsigned long mem_bytes, unsigned pids)
{
	char v[32];

	if (cg->mem_ok) {
		/* Unlimited first, so memsw >= mem holds whatever the order. */
		if (cg->memsw)
			write_file(cg->mem, "memory.memsw.limit_in_bytes", "-1");
		snprintf(v, sizeof v, "%lu", mem_bytes ? mem_bytes : 0);
		if (write_file(cg->mem, "memory.limit_in_bytes",
			       mem_bytes ? v : "-1") < 0)
			return -1;
		if (cg->memsw && mem_bytes &&
		    write_file(cg->mem, "memory.memsw.limit_in_bytes", v) < 0)
			return -1;
		/* Drop what earlier runs left charged (page cache), then
		 * restart the peak from here. */
		write_file(cg->mem, "memory.force_empty", "0");
		if (write_file(cg->mem, "memory.max_usage_in_bytes", "0") < 0)
			return -1;
		if (cg->memsw)
			write_file(cg->mem, "memory.memsw.max_usage_in_bytes", "0");
		write_file(cg->mem, "memory.failcnt", "0");
	}
	if (cg->pids_ok) {
		snprintf(v, sizeof v, "%u", pids);
		if (write_file(cg->pids, "pids.max", pids ? v : "max") < 0)
			return -1;
	}
	if (cg->cpu_ok && write_file(cg->cpu, "cpuacct.usage", "0") < 0)
		return -1;
	return 0;
}

int cg_join_fds(struct cg *cg, int fds[3])
{
	const char *dirs[3] = { cg->mem, cg->pids, cg->cpu };
	int ok[3] = { cg->mem_ok, cg->pids_ok, cg->cpu_ok };
	char path[512];
	int i;

	for (i = 0; i < 3; i++) {
		fds[i] = -1;
		if (!ok[i])
			continue;
		snprintf(path, sizeof path, "%s/cgroup.procs", dirs[i]);
		fds[i] = open(path, O_WRONLY | O_CLOEXEC);
		if (fds[i] < 0) {
			err_errno("cannot open '%s'", path);
			while (i-- > 0)
				if (fds[i] >= 0)
					close(fds[i]);
			return -1;
		}
	}
	return 0;
}

long long cg_cpu_ns(struct cg *cg)
{
	char s[64];

	if (!cg->cpu_ok || read_file(cg->cpu, "cpuacct.usage", s, sizeof s) < 0)
		return -1;
	return strtoll(s, NULL, 10);
}

unsigned long long cg_peak(struct cg *cg)
{
	return cg->mem_ok ? read_ull(cg->mem, "memory.max_usage_in_bytes") : 0;
}

long cg_oom_kills(struct cg *cg)
{
	char s[512], *p;

	if (!cg->mem_ok || read_file(cg->mem, "memory.oom_control", s, sizeof s) < 0)
		return -1;
	p = strstr(s, "oom_kill ");
	return p ? strtol(p + 9, NULL, 10) : -1;
}
