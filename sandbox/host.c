/* host.c: what this host gives the sandbox, one row per protection and
 * measurement, for `judge doctor` and for the warning the judge prints
 * when it runs with less. Every row is probed (in a throwaway child where
 * it changes the process), never assumed from the kernel version. */
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <pwd.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "lib/err.h"
#include "sandbox/internal.h"
#include "sandbox/sandbox.h"

/* Run fn in a child; its exit status (0 success), or -1 if it died. */
static int in_child(int (*fn)(long), long arg)
{
	int st;
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		/* The probe's own fault must end the child: a handler the
		 * caller installed (a test framework's, a sanitizer's) would
		 * otherwise run in it. */
		signal(SIGSEGV, SIG_DFL);
		_exit(fn(arg) & 0xff);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* unshare(flag), inside a user namespace of its own when not root (as the
 * sandbox does); the errno on failure. */
static int try_unshare(long flag)
{
	if (geteuid() != 0 && flag != CLONE_NEWUSER && unshare(CLONE_NEWUSER) < 0)
		return errno ? errno : 1;
	return unshare((int)flag) < 0 ? (errno ? errno : 1) : 0;
}

/* int 0x80 with eax = 20 (getpid in the i386 table). Without ia32
 * emulation the instruction faults (SIGSEGV). */
static int try_int80(long unused)
{
	long r;

	(void)unused;
	__asm__ volatile("int $0x80" : "=a"(r) : "a"(20L) : "memory");
	return r == getpid() ? 0 : 1;
}

/* A filter with a listener (SECCOMP_FILTER_FLAG_NEW_LISTENER), as the run
 * child installs: the box names forbidden calls through it. */
static int try_notify(long unused)
{
	struct sock_filter f[] = {
		BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = { 1, f };
	unsigned action = SECCOMP_RET_USER_NOTIF;

	(void)unused;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return 1;
	if (syscall(SYS_seccomp, SECCOMP_GET_ACTION_AVAIL, 0, &action) < 0)
		return 2;
	return syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
		       SECCOMP_FILTER_FLAG_NEW_LISTENER, &prog) < 0 ? 3 : 0;
}

int sbx_host_ia32(void)
{
	static int known = -1;

	if (known < 0)
		known = in_child(try_int80, 0) == 0;
	return known;
}

int sbx_host_wants_scope(void)
{
	const struct cg_host *h = cg_host();

	return geteuid() != 0 && h->version == 2 && !h->base[0] && h->need_delegation;
}

static struct sbx_host_row *add(struct sbx_host *h, const char *name,
				enum sbx_level level, const char *fix,
				const char *fmt, ...) __attribute__((format(printf, 5, 6)));
static struct sbx_host_row *add(struct sbx_host *h, const char *name,
				enum sbx_level level, const char *fix,
				const char *fmt, ...)
{
	struct sbx_host_row *r;
	va_list ap;

	if (h->n >= SBX_HOST_ROWS)
		return &h->rows[SBX_HOST_ROWS - 1];
	r = &h->rows[h->n++];
	r->name = name;
	r->level = level;
	va_start(ap, fmt);
	vsnprintf(r->what, sizeof r->what, fmt, ap);
	va_end(ap);
	snprintf(r->fix, sizeof r->fix, "%s", fix ? fix : "");
	if (level > h->worst)
		h->worst = level;
	return r;
}

/* What to do when the cgroup rows are not ok. */
static const char *cg_fix(const struct cg_host *c)
{
	if (c->version == 2 && c->need_delegation)
		return "run the judge in a delegated cgroup: systemd-run --user --scope "
			"-p Delegate=yes bin/judge ... (the judge does this itself when "
			"systemd-run and a user manager are there), or run as root";
	if (c->version == 2)
		return "delegate the memory and pids controllers to your cgroup, or run as root";
	if (c->version == 1)
		return "run as root (cgroup v1 groups are root's), or boot with cgroup v2 "
			"(systemd.unified_cgroup_hierarchy=1) and delegate a subtree";
	return "mount a cgroup hierarchy on /sys/fs/cgroup";
}

static void user_rows(struct sbx_host *h)
{
	struct passwd *pw = getpwuid(geteuid());
	const char *who = pw ? pw->pw_name : "?";

	if (geteuid() == 0)
		add(h, "user", SBX_HOST_OK, NULL, "root");
	else
		add(h, "user", SBX_HOST_WEAKER, "run as root for every protection",
		    "uid %u (%s): a user namespace stands in for root", (unsigned)geteuid(), who);
}

static void namespace_rows(struct sbx_host *h)
{
	static const struct { const char *name; long flag; } ns[] = {
		{ "namespace: user", CLONE_NEWUSER },
		{ "namespace: mount", CLONE_NEWNS },
		{ "namespace: pid", CLONE_NEWPID },
		{ "namespace: network", CLONE_NEWNET },
		{ "namespace: ipc", CLONE_NEWIPC },
		{ "namespace: uts", CLONE_NEWUTS },
	};

	for (size_t i = 0; i < sizeof ns / sizeof ns[0]; i++) {
		int e = in_child(try_unshare, ns[i].flag);
		int needed = ns[i].flag != CLONE_NEWUSER || geteuid() != 0;

		if (e == 0)
			add(h, ns[i].name, SBX_HOST_OK, NULL, needed ? "available" :
			    "available (not needed as root)");
		else if (!needed)
			add(h, ns[i].name, SBX_HOST_OK, NULL, "unavailable (%s), not needed as root",
			    e > 0 ? strerror(e) : "the probe died");
		else {
			add(h, ns[i].name, SBX_HOST_MISSING,
			    ns[i].flag == CLONE_NEWUSER ?
			    "allow unprivileged user namespaces (sysctl "
			    "kernel.unprivileged_userns_clone=1, or "
			    "kernel.apparmor_restrict_unprivileged_userns=0), or run as root" :
			    "use a kernel with this namespace, or run as root",
			    "cannot be created: %s", e > 0 ? strerror(e) : "the probe died");
			h->can_run = 0;
		}
	}
}

static void cgroup_rows(struct sbx_host *h)
{
	const struct cg_host *c = cg_host();
	const char *fix = "see the cgroup row";

	if (!c->base[0])
		add(h, "cgroup", c->version ? SBX_HOST_WEAKER : SBX_HOST_MISSING, cg_fix(c),
		    "v%d, not usable: %s", c->version, c->why);
	else if (c->version == 2)
		add(h, "cgroup", SBX_HOST_OK, NULL, "v2, worker groups under %s%s", c->base,
		    c->delegated ? " (delegated to this user)" : "");
	else
		add(h, "cgroup", SBX_HOST_OK, NULL, "v1, worker groups under "
		    "/sys/fs/cgroup/<controller>/judge");
	if (c->base[0] && c->mem)
		add(h, "cgroup: memory", SBX_HOST_OK, NULL, "%s",
		    c->version == 2 ? "memory.max, swap off, OOM kills from memory.events" :
		    "memory.limit_in_bytes and memsw, OOM kills from memory.oom_control");
	else
		add(h, "cgroup: memory", SBX_HOST_WEAKER, fix,
		    "none: RLIMIT_AS instead (a failed allocation near the limit is taken as MLE)");
	if (c->base[0] && c->pids)
		add(h, "cgroup: pids", SBX_HOST_OK, NULL, "pids.max counts the threads of a run");
	else
		add(h, "cgroup: pids", SBX_HOST_WEAKER, fix,
		    "none: the seccomp filter refuses new processes; threads, where a "
		    "problem allows them, are counted by %s",
		    geteuid() == 0 ? "RLIMIT_NPROC" : "nothing");
	if (c->base[0] && c->cpu)
		add(h, "cgroup: cpu", SBX_HOST_OK, NULL, "%s",
		    c->version == 2 ? "cpu.stat: the CPU of every compiler process" :
		    "cpuacct: the CPU of every compiler process");
	else
		add(h, "cgroup: cpu", SBX_HOST_WEAKER, fix,
		    "none: the compiler's CPU is limited per process (RLIMIT_CPU)");
}

static void other_rows(struct sbx_host *h)
{
	int e = in_child(try_notify, 0);

	if (e == 0)
		add(h, "seccomp", SBX_HOST_OK, NULL,
		    "filters with user notification: forbidden calls are named");
	else {
		add(h, "seccomp", SBX_HOST_MISSING,
		    "use Linux 5.5 or later with CONFIG_SECCOMP_FILTER",
		    "no filter with user notification (step %d failed)", e);
		h->can_run = 0;
	}
	if (sbx_host_ia32())
		add(h, "ia32 emulation", SBX_HOST_OK, NULL,
		    "present: 32-bit calls (int 0x80) are refused by the filter, SV 'i386:NAME'");
	else
		add(h, "ia32 emulation", SBX_HOST_OK, NULL,
		    "absent: int 0x80 faults before any call is made (RE)");
	if (geteuid() == 0)
		add(h, "worker uid", SBX_HOST_OK, NULL,
		    "one uid per worker (from 60000), not a real user's");
	else
		add(h, "worker uid", SBX_HOST_WEAKER, "run as root",
		    "programs run as your uid (uid 0 of a user namespace, no capabilities)");
}

static void measure_rows(struct sbx_host *h)
{
	const struct cg_host *c = cg_host();

	add(h, "measure: cpu time", SBX_HOST_OK, NULL,
	    "the program's CPU clock (every thread), watched by the box");
	add(h, "measure: wall time", SBX_HOST_OK, NULL, "CLOCK_MONOTONIC, watched by the box");
	if (c->base[0] && c->mem && c->peak_reset)
		add(h, "measure: memory", SBX_HOST_OK, NULL, "%s",
		    c->version == 2 ? "memory.peak, reset before every run, and the peak RSS" :
		    "memory.max_usage_in_bytes, reset before every run, and the peak RSS");
	else if (c->base[0] && c->mem)
		add(h, "measure: memory", SBX_HOST_WEAKER,
		    "Linux 6.12 or later can reset memory.peak",
		    "the program's peak RSS (memory.peak %s): kernel memory is not counted",
		    c->have_peak ? "cannot be reset before Linux 6.12" : "is missing before Linux 5.19");
	else
		add(h, "measure: memory", SBX_HOST_WEAKER, "see the cgroup row",
		    "the program's peak RSS: kernel memory is not counted");
}

/* The end-to-end row: a worker compiles and runs a program. */
static void run_row(struct sbx_host *h)
{
	static const char src[] = "#include <stdio.h>\nint main(void) { puts(\"ok\"); return 0; }\n";
	static const char *const argv[] = {
		"gcc", "-O2", "-static", "-o", "prog", "prog.c", NULL
	};
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;
	char path[64];
	struct sbx *s;
	int fd;

	snprintf(path, sizeof path, "/tmp/judge-doctor-XXXXXX");
	if ((fd = mkstemp(path)) < 0) {
		add(h, "compile sandbox", SBX_HOST_MISSING, "check /tmp", "cannot make a file in /tmp");
		h->can_run = 0;
		return;
	}
	close(fd);
	if (!(s = sbx_open(0))) {
		add(h, "compile sandbox", SBX_HOST_MISSING, "see the rows above",
		    "cannot start a worker: %s", err_msg());
		h->can_run = 0;
		unlink(path);
		return;
	}
	if (sbx_compile(s, src, sizeof src - 1, argv, NULL, path, &r) < 0 ||
	    r.status != SBX_OK || r.exit_code != 0) {
		add(h, "compile sandbox", SBX_HOST_MISSING,
		    "install gcc and libc6-dev (make deps)", "gcc does not work in the box: %s",
		    r.message[0] ? r.message : err_msg());
		h->can_run = 0;
	} else {
		add(h, "compile sandbox", SBX_HOST_OK, NULL,
		    "gcc in its own namespaces: read-only /usr, private /tmp, %s",
		    geteuid() == 0 ? "the worker's uid" : "no capabilities");
		memset(&sp, 0, sizeof sp);
		sp.policy = SBX_POLICY_RUN;
		sp.exe = path;
		sp.limits.cpu_ms = 2000;
		sp.limits.memory_kb = 64 * 1024;
		if (sbx_run(s, &sp, &r) < 0 || r.status != SBX_OK || strcmp(buf_str(&r.out), "ok\n")) {
			add(h, "run sandbox", SBX_HOST_MISSING, "see the rows above",
			    "a program does not run in the box: %s",
			    r.message[0] ? r.message : err_msg());
			h->can_run = 0;
		} else {
			add(h, "run sandbox", SBX_HOST_OK, NULL,
			    "a program ran in the box (%u ms, %lu KB)", r.cpu_ms, r.memory_kb);
		}
	}
	sbx_result_release(&r);
	sbx_close(s);
	unlink(path);
}

/* ---- timing noise ---------------------------------------------------------
 * A fixed CPU-bound program (N additions, N from stdin) is run NOISE_RUNS
 * times in a worker, sized to about NOISE_TARGET_MS of CPU each by two
 * calibrating runs (a start-up cost plus a cost per addition): the relative spread of its CPU times, (max - min) / median,
 * is this machine's timing noise. Above NOISE_WEAKER_PERCENT a verdict
 * within that distance of a limit is luck: the row is weaker. */
#define NOISE_RUNS           8
#define NOISE_TARGET_MS      100
#define NOISE_CAL1           10000000ULL
#define NOISE_CAL2           40000000ULL
#define NOISE_WEAKER_PERCENT 10

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a, y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

/* One run of the noise program for n additions: its CPU time (us) in *us;
 * -1 when it did not run cleanly (err or r's message says why). */
static int noise_run(struct sbx *s, const char *exe, unsigned long long n,
		     unsigned long long *us, struct sbx_result *r)
{
	struct sbx_spec sp;
	char in[32];

	snprintf(in, sizeof in, "%llu\n", n);
	memset(&sp, 0, sizeof sp);
	sp.policy = SBX_POLICY_RUN;
	sp.exe = exe;
	sp.stdin_data = in;
	sp.stdin_len = strlen(in);
	sp.limits.cpu_ms = 20 * NOISE_TARGET_MS;
	sp.limits.memory_kb = 64 * 1024;
	if (sbx_run(s, &sp, r) < 0)
		return -1;
	if (r->status != SBX_OK)
		return err_set("%s", r->message);
	*us = r->cpu_us;
	return 0;
}

/* The noise runs, sorted, into us[NOISE_RUNS]; -1 with err set. */
static int noise_measure(struct sbx *s, const char *exe, unsigned long long *us)
{
	struct sbx_result r = SBX_RESULT_INIT;
	unsigned long long c1, c2, n;
	double per, start;
	int i, rc = -1;

	if (noise_run(s, exe, NOISE_CAL1, &c1, &r) < 0 || noise_run(s, exe, NOISE_CAL2, &c2, &r) < 0)
		goto out;
	/* a loaded machine can make the longer run the faster: then per
	 * addition from it alone */
	per = c2 > c1 ? (double)(c2 - c1) / (NOISE_CAL2 - NOISE_CAL1) : (double)c2 / NOISE_CAL2;
	start = c2 > c1 ? (double)c1 - per * NOISE_CAL1 : 0;
	if (per <= 0)
		per = 1e-3;
	n = (unsigned long long)((NOISE_TARGET_MS * 1000.0 - (start > 0 ? start : 0)) / per);
	for (i = 0; i < NOISE_RUNS; i++)
		if (noise_run(s, exe, n, &us[i], &r) < 0)
			goto out;
	qsort(us, NOISE_RUNS, sizeof(*us), cmp_ull);
	rc = 0;
out:
	sbx_result_release(&r);
	return rc;
}

static void noise_row(struct sbx_host *h)
{
	static const char src[] =
		"#include <stdio.h>\n"
		"int main(void) { unsigned long long n = 0, i; volatile unsigned long long x = 0;\n"
		"  if (scanf(\"%llu\", &n) != 1) return 1;\n"
		"  for (i = 0; i < n; i++) x += i;\n"
		"  return 0; }\n";
	static const char *const argv[] = {
		"gcc", "-O2", "-static", "-o", "prog", "prog.c", NULL
	};
	struct sbx_result r = SBX_RESULT_INIT;
	unsigned long long us[NOISE_RUNS], med, spread;
	char path[64];
	struct sbx *s = NULL;
	int fd, weaker;

	snprintf(path, sizeof path, "/tmp/judge-doctor-XXXXXX");
	if ((fd = mkstemp(path)) < 0) {
		add(h, "measure: noise", SBX_HOST_WEAKER, "check /tmp", "cannot make a file in /tmp");
		return;
	}
	close(fd);
	if (!(s = sbx_open(0)) ||
	    sbx_compile(s, src, sizeof src - 1, argv, NULL, path, &r) < 0 ||
	    r.status != SBX_OK || r.exit_code != 0 || noise_measure(s, path, us) < 0) {
		add(h, "measure: noise", SBX_HOST_WEAKER, "see the sandbox rows",
		    "cannot measure: %s", err_msg());
		goto out;
	}
	med = us[(NOISE_RUNS - 1) / 2];
	/* in tenths of a percent */
	spread = med ? (us[NOISE_RUNS - 1] - us[0]) * 1000 / med : 0;
	weaker = spread > NOISE_WEAKER_PERCENT * 10;
	add(h, "measure: noise", weaker ? SBX_HOST_WEAKER : SBX_HOST_OK,
	    weaker ? "a quieter machine (fewer other jobs); verdicts near a limit are re-run "
	    "(--repeat), and 'unstable' marks the ones that flip" : NULL,
	    "CPU time spread %llu.%llu%% over %d runs of one program (min %.1f, median "
	    "%.1f, max %.1f ms; weaker above %d%%)", spread / 10, spread % 10, NOISE_RUNS,
	    us[0] / 1000.0, med / 1000.0, us[NOISE_RUNS - 1] / 1000.0, NOISE_WEAKER_PERCENT);
out:
	sbx_result_release(&r);
	sbx_close(s);
	unlink(path);
}

int sbx_host_probe(struct sbx_host *h)
{
	memset(h, 0, sizeof *h);
	h->can_run = 1;
	user_rows(h);
	namespace_rows(h);
	cgroup_rows(h);
	other_rows(h);
	if (h->can_run)
		run_row(h);
	measure_rows(h);
	if (h->can_run)
		noise_row(h);
	return 0;
}

const char *sbx_level_name(enum sbx_level l)
{
	return l == SBX_HOST_OK ? "ok" : l == SBX_HOST_WEAKER ? "weaker" : "missing";
}
