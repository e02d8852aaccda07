/* scope.c: re-run the judge in a systemd user scope with Delegate=yes when
 * that is what gives the sandbox its memory and pids cgroup: a normal user
 * on a cgroup v2 host whose own cgroup is not delegated (a login shell's
 * session scope, an ssh session). Front end only: it forks, execs and
 * exits.
 *
 * A handshake tells a scope that could not be made (no user manager, no
 * bus) from a judge that ran and failed: the judge started in the scope
 * writes one byte to the descriptor named by JUDGE_SCOPE_FD. Without it,
 * the judge goes on here, in the fallback sandbox, and says so with -v. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "judge/cli/cli.h"
#include "sandbox/sandbox.h"

#define SCOPE_FD_ENV "JUDGE_SCOPE_FD"
#define MAX_ARGS 256

void judge_scope_started(void)
{
	const char *e = getenv(SCOPE_FD_ENV);
	char *end;
	long fd;

	if (!e)
		return;
	fd = strtol(e, &end, 10);
	if (!*end && fd > 2 && fd < 1024) {
		if (write((int)fd, "1", 1) < 0) {
			/* the waiting judge went away: nothing to tell */
		}
		close((int)fd);
	}
	unsetenv(SCOPE_FD_ENV);
	/* this process and its children are in the scope: never again */
	setenv("JUDGE_SCOPED", "1", 1);
}

/* A user manager to ask: its private socket or a session bus. */
static int user_manager(void)
{
	const char *rt = getenv("XDG_RUNTIME_DIR"), *bus = getenv("DBUS_SESSION_BUS_ADDRESS");
	char path[512];
	struct stat st;

	if (bus && *bus)
		return 1;
	if (!rt || !*rt)
		return 0;
	snprintf(path, sizeof path, "%s/systemd/private", rt);
	return stat(path, &st) == 0 && S_ISSOCK(st.st_mode);
}

static int wait_child(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return EXIT_INTERNAL;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	return 128 + WTERMSIG(st);
}

static volatile pid_t scoped_pid;

static void forward(int sig)
{
	if (scoped_pid > 0)
		kill(scoped_pid, sig);
}

int judge_rescope(const struct judge_ctx *ctx, int argc, char **argv)
{
	const char *e = getenv("JUDGE_NO_SCOPE");
	char *args[MAX_ARGS + 8], fdname[16], exe[4096];
	int p[2], n = 0, rc;
	ssize_t k;
	pid_t pid;
	char c;

	if (getenv("JUDGE_SCOPED") || (e && *e) || argc > MAX_ARGS ||
	    !sbx_host_wants_scope() || !user_manager())
		return -1;
	if ((k = readlink("/proc/self/exe", exe, sizeof exe - 1)) <= 0 || pipe(p) < 0)
		return -1;
	exe[k] = 0;
	args[n++] = "systemd-run";
	args[n++] = "--user";
	args[n++] = "--scope";
	args[n++] = "--quiet";
	args[n++] = "--collect";
	args[n++] = "-p";
	args[n++] = "Delegate=yes";
	args[n++] = "--";
	args[n++] = exe;
	for (int i = 1; i < argc; i++)
		args[n++] = argv[i];
	args[n] = NULL;
	snprintf(fdname, sizeof fdname, "%d", p[1]);
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		close(p[0]);
		setenv(SCOPE_FD_ENV, fdname, 1);
		execvp(args[0], args);
		_exit(127);
	}
	close(p[1]);
	scoped_pid = pid;
	/* Ctrl-C reaches the judge in the scope through the terminal; a
	 * SIGTERM or SIGHUP sent to this one is passed on. */
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTERM, forward);
	signal(SIGHUP, forward);
	while ((rc = (int)read(p[0], &c, 1)) < 0 && errno == EINTR)
		;
	close(p[0]);
	if (rc == 1)
		return wait_child(pid);
	/* systemd-run ended without starting us: carry on here */
	wait_child(pid);
	scoped_pid = 0;
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	if (ctx->verbose)
		fprintf(stderr, "judge: could not start a delegated systemd scope; "
			"running in the fallback sandbox\n");
	return -1;
}
