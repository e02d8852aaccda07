/* internal.h: what the files of sandbox/ share; not for use outside it. */
#ifndef SANDBOX_INTERNAL_H
#define SANDBOX_INTERNAL_H

#include <linux/filter.h>
#include <stddef.h>
#include <stdint.h>

enum policy_kind {
	POLICY_RUN,          /* a static program, one thread */
	POLICY_RUN_THREADS,  /* the same, plus clone(CLONE_THREAD) */
};

/* Build the allow-list `kind` and export it as BPF into out (out->filter
 * is malloc'ed). Anything outside the list is SECCOMP_RET_USER_NOTIF for
 * the judge to report; a foreign architecture kills the process.
 * 0, or -1 with err set. */
int policy_build(enum policy_kind kind, struct sock_fprog *out);

/* The name of system call nr of audit architecture arch ("socket",
 * "i386:write", "x32:read"), or its number when unknown. */
void policy_syscall_name(unsigned arch, int nr, char *out, size_t size);

/* A cgroup v1 set for one worker: memory, pids and cpuacct directories,
 * each -1/"" when the controller is missing. */
struct cg {
	char mem[256], pids[256], cpu[256];
	int mem_ok, pids_ok, cpu_ok;
	int memsw;          /* memory.memsw.* exists (swap accounting) */
};

/* Create the worker's cgroups (index and the judge's pid make the name).
 * Missing controllers are not an error: see cg->*_ok. 0, or -1 with err
 * set when a controller exists but its cgroup cannot be made. */
int cg_open(struct cg *cg, int index);
/* Kill every task left in the cgroups and remove them. */
void cg_close(struct cg *cg);
/* Prepare for a run: limits (0: none), reset peak and counters. */
int cg_prepare(struct cg *cg, unsigned long mem_bytes, unsigned pids);
/* Open the files a child writes "0" into to join (O_WRONLY|O_CLOEXEC);
 * fds[i] = -1 for a missing controller. */
int cg_join_fds(struct cg *cg, int fds[3]);
/* CPU nanoseconds of every task in the cgroup, or -1. */
long long cg_cpu_ns(struct cg *cg);
/* Peak memory in bytes since cg_prepare, or 0 when unknown. */
unsigned long long cg_peak(struct cg *cg);
/* OOM kills in the cgroup so far (counter), or -1 when unknown. */
long cg_oom_kills(struct cg *cg);
/* SIGKILL every task in the cgroups; returns how many were signalled. */
int cg_kill_all(struct cg *cg);

#endif
