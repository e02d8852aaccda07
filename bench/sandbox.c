/* sandbox.c: the sandbox's cost against a bare fork+execve+wait4 of the same
 * static binary, interleaved in one process, and its CPU-limit overshoot.
 * Usage: bench-sandbox HELLO SPIN  (BENCH_RUNS sets the runs, default 1000).
 * The last line is "ratio X.XX": sandbox median / bare median. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "lib/err.h"
#include "sandbox/sandbox.h"

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double pct(double *v, size_t n, double p)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[(size_t)(p * (double)(n - 1) + 0.5)];
}

static double bare(const char *exe)
{
	char *argv[] = { "prog", NULL }, *envp[] = { NULL };
	double t0 = now_ms();
	int st;
	pid_t pid = fork();

	if (pid == 0) {
		int fd = open("/dev/null", O_RDWR);

		dup2(fd, 0);
		dup2(fd, 1);
		execve(exe, argv, envp);
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st)) {
		fprintf(stderr, "bench: bare run of '%s' failed\n", exe);
		exit(3);
	}
	return now_ms() - t0;
}

static double boxed(struct sbx *s, struct sbx_spec *sp, struct sbx_result *r)
{
	double t0 = now_ms();

	if (sbx_run(s, sp, r) < 0) {
		fprintf(stderr, "bench: %s\n", err_msg());
		exit(3);
	}
	return now_ms() - t0;
}

int main(int argc, char **argv)
{
	const char *runs_env = getenv("BENCH_RUNS");
	size_t runs = runs_env ? strtoul(runs_env, NULL, 10) : 1000, i;
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;
	double *tb, *ts, over[5], mb, ms;
	unsigned limits[2] = { 1000, 1500 };
	struct sbx *s;

	if (argc != 3 || runs < 10) {
		fprintf(stderr, "usage: bench-sandbox HELLO SPIN\n");
		return 2;
	}
	s = sbx_open(0);
	if (!s) {
		fprintf(stderr, "bench: %s\n", err_msg());
		return 3;
	}
	memset(&sp, 0, sizeof sp);
	sp.policy = SBX_POLICY_RUN;
	sp.exe = argv[1];
	sp.limits.cpu_ms = 1000;
	sp.limits.memory_kb = 256 * 1024;
	tb = calloc(runs, sizeof *tb);
	ts = calloc(runs, sizeof *ts);
	for (i = 0; i < 20; i++) {             /* warm up both paths */
		bare(argv[1]);
		boxed(s, &sp, &r);
	}
	for (i = 0; i < runs; i++) {
		tb[i] = bare(argv[1]);
		ts[i] = boxed(s, &sp, &r);
		if (r.status != SBX_OK || strcmp(buf_str(&r.out), "hello, world\n")) {
			fprintf(stderr, "bench: sandboxed hello ended %s: %s\n",
				sbx_status_name(r.status), r.message);
			return 3;
		}
	}
	mb = pct(tb, runs, 0.5);
	ms = pct(ts, runs, 0.5);
	printf("runs       %zu each, interleaved\n", runs);
	printf("bare       median %.3f ms  p95 %.3f ms\n", mb, pct(tb, runs, 0.95));
	printf("sandbox    median %.3f ms  p95 %.3f ms\n", ms, pct(ts, runs, 0.95));
	/* The overshoot of a CPU kill: a wall limit far away, so that a busy
	 * machine cannot turn it into a wall-clock kill. */
	sp.exe = argv[2];
	sp.limits.wall_ms = 60000;
	for (int l = 0; l < 2; l++) {
		sp.limits.cpu_ms = limits[l];
		for (i = 0; i < 5; i++) {
			boxed(s, &sp, &r);
			if (r.status != SBX_TLE || r.tle_wall) {
				fprintf(stderr, "bench: spin ended %s\n", sbx_status_name(r.status));
				return 3;
			}
			over[i] = (double)r.cpu_ms - limits[l];
		}
		printf("cpu limit  %u ms: overshoot median %.0f ms (of 5)\n",
		       limits[l], pct(over, 5, 0.5));
	}
	sbx_result_release(&r);
	sbx_close(s);
	printf("ratio %.2f\n", ms / mb);
	return 0;
}
