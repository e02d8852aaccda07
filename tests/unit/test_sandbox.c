/* test_sandbox.c: the sandbox library through its API: results of honest
 * and hostile programs, the fields the command line does not show
 * (tle_wall, stderr cap, box files), parallel workers, and a judge killed
 * mid-run leaving nothing of its worker's uid. As root and as a normal user
 * (a user namespace, RLIMIT_AS for memory) with the same expectations;
 * only what is root's alone (a uid per worker) is checked as root only.
 * Memory tests use CPU limits slow first-touch page faults cannot reach. */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

int unit_sandbox(void);

static char tmpdir[64];
static struct sbx *W;

static const char *const cc_argv[] = {
	"gcc", "-O2", "-std=gnu17", "-static", "-o", "prog", "prog.c", "-lm", "-lpthread", NULL
};

/* Programs more than one test builds (build() compiles each once). */
static const char echo_src[] = "#include <stdio.h>\n"
	"int main(int c, char **v) { int a, b; if (scanf(\"%d %d\", &a, &b) != 2) return 5;\n"
	"printf(\"%d %s\\n\", a + b, c > 1 ? v[1] : \"-\"); fputs(\"note\\n\", stderr); return 0; }\n";
static const char nap_src[] = "#include <unistd.h>\nint main(void) { pause(); return 0; }\n";
static const char m64_src[] = "#include <stdlib.h>\n#include <string.h>\n"
	"int main(void) { char *volatile p = malloc(64 << 20); memset(p, 1, 64 << 20);"
	" return p[99] != 1; }\n";
static const char sock_src[] = "#include <sys/socket.h>\n"
	"int main(void) { return socket(AF_UNIX, SOCK_STREAM, 0) >= 0; }\n";

/* Compile src into tmpdir/name (once); fails the test when it does not
 * compile. The path stays valid for the whole group. */
static const char *build(const char *name, const char *src)
{
	static char paths[16][128];
	static int next;
	char *path = paths[next++ % 16];
	struct sbx_result r = SBX_RESULT_INIT;

	snprintf(path, sizeof paths[0], "%s/%s", tmpdir, name);
	if (access(path, X_OK) == 0)
		return path;
	if (sbx_compile(W, src, strlen(src), cc_argv, NULL, path, &r) < 0)
		fail_msg("compile '%s': %s", name, err_msg());
	if (r.status != SBX_OK || r.exit_code != 0) {
		char msg[2048];

		snprintf(msg, sizeof msg, "compile '%s': %s\n%s", name, r.message, buf_str(&r.err));
		sbx_result_release(&r);
		fail_msg("%s", msg);
	}
	sbx_result_release(&r);
	return path;
}

static void spec_init(struct sbx_spec *sp, const char *exe)
{
	memset(sp, 0, sizeof *sp);
	sp->policy = SBX_POLICY_RUN;
	sp->exe = exe;
	sp->limits.cpu_ms = 1000;
	sp->limits.memory_kb = 64 * 1024;
}

static void run_ok(struct sbx *s, const struct sbx_spec *sp, struct sbx_result *r)
{
	if (sbx_run(s, sp, r) < 0)
		fail_msg("sbx_run: %s", err_msg());
}

static int setup(void **state)
{
	(void)state;
	snprintf(tmpdir, sizeof tmpdir, "/tmp/judge-unit-sbx.XXXXXX");
	if (!mkdtemp(tmpdir))
		return -1;
	W = sbx_open(0);
	return W ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	sbx_close(W);
	W = NULL;
	if (tmpdir[0])
		util_rmtree(tmpdir);
	return 0;
}


static void honest_program_io(void **state)
{
	const char *exe = build("echo", echo_src);
	const char *args[] = { "arg1", NULL };
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, exe);
	sp.stdin_data = "40 2\n";
	sp.stdin_len = 5;
	sp.argv = args;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_int_equal(r.exit_code, 0);
	assert_string_equal(buf_str(&r.out), "42 arg1\n");
	assert_string_equal(buf_str(&r.err), "note\n");
	assert_string_equal(r.message, "");
	sbx_result_release(&r);
}

/* An interactive pair: the peer sends numbers, the program answers each
 * doubled, the peer exits 42 when every answer was right. */
static const char *pair_peer_src =
	"#include <stdio.h>\n"
	"int main(int c, char **v) { int n = c > 1 ? 3 : 0, ok = 1, x;\n"
	"for (int i = 1; i <= n; i++) { printf(\"%d\\n\", i); fflush(stdout);\n"
	"  if (scanf(\"%d\", &x) != 1 || x != 2 * i) ok = 0; }\n"
	"printf(\"0\\n\"); fflush(stdout); fputs(ok ? \"right\\n\" : \"wrong\\n\", stderr);\n"
	"return ok ? 42 : 43; }\n";

static void pair_talks(void **state)
{
	const char *peer = build("pair-peer", pair_peer_src);
	const char *prog = build("pair-prog", "#include <stdio.h>\n"
		"int main(void) { int x; while (scanf(\"%d\", &x) == 1 && x) { printf(\"%d\\n\", 2 * x);"
		" fflush(stdout); } return 0; }\n");
	const char *mute = build("pair-mute", "#include <stdio.h>\n"
		"int main(void) { int x; while (scanf(\"%d\", &x) == 1 && x) printf(\"%d\\n\", 2 * x);"
		" return 0; }\n");
	const char *args[] = { "go", NULL };
	struct sbx_pair pr = SBX_PAIR_INIT;
	struct sbx_spec a, b;

	(void)state;
	spec_init(&a, prog);
	spec_init(&b, peer);
	b.argv = args;
	b.ignore_sigpipe = 1;
	if (sbx_run_pair(W, &a, &b, &pr) < 0)
		fail_msg("sbx_run_pair: %s", err_msg());
	assert_int_equal(pr.prog.status, SBX_OK);
	assert_int_equal(pr.peer.exit_code, 42);
	assert_string_equal(buf_str(&pr.peer.err), "right\n");
	assert_int_equal(pr.prog.out.len, 0);   /* stdout went to the peer */
	/* Without a flush both sides wait for each other: the program's
	 * wall limit ends it, then the peer reads EOF and says WA. */
	spec_init(&a, mute);
	a.limits.cpu_ms = 100;
	a.limits.wall_ms = 300;
	if (sbx_run_pair(W, &a, &b, &pr) < 0)
		fail_msg("sbx_run_pair: %s", err_msg());
	assert_int_equal(pr.prog.status, SBX_TLE);
	assert_true(pr.prog.tle_wall);
	assert_int_equal(pr.peer.exit_code, 43);
	assert_false(pr.peer_first);
	sbx_result_release(&pr.prog);
	sbx_result_release(&pr.peer);
}

/* A peer that exits at once: the program writing to it dies of SIGPIPE
 * after it; a program that exits at once leaves a peer (SIGPIPE ignored)
 * reading EOF, not killed; a peer that stops reading ends the pair, not
 * the judge. */
static void pair_side_gone(void **state)
{
	const char *quit = build("pair-quit", "int main(void) { return 43; }\n");
	const char *flood = build("pair-flood", "#include <unistd.h>\n#include <time.h>\n"
		"int main(void) { char b[4096] = {0}; struct timespec t = {0, 50000000};"
		" nanosleep(&t, 0); for (;;) if (write(1, b, sizeof b) < 0) return 9; }\n");
	const char *peer = build("pair-peer", pair_peer_src);
	const char *deaf = build("pair-deaf", "#include <unistd.h>\n#include <time.h>\n"
		"int main(void) { struct timespec t = {0, 300000000}; close(0);"
		" nanosleep(&t, 0); return 43; }\n");
	const char *args[] = { "go", NULL };
	struct sbx_pair pr = SBX_PAIR_INIT;
	struct sbx_spec a, b;

	(void)state;
	spec_init(&a, flood);
	spec_init(&b, quit);
	if (sbx_run_pair(W, &a, &b, &pr) < 0)
		fail_msg("sbx_run_pair: %s", err_msg());
	assert_int_equal(pr.peer.exit_code, 43);
	assert_true(pr.peer_first);
	assert_int_equal(pr.prog.status, SBX_RE);
	assert_int_equal(pr.prog.signal, SIGPIPE);
	spec_init(&a, quit);
	spec_init(&b, peer);
	b.argv = args;
	b.ignore_sigpipe = 1;
	if (sbx_run_pair(W, &a, &b, &pr) < 0)
		fail_msg("sbx_run_pair: %s", err_msg());
	assert_int_equal(pr.prog.exit_code, 43);
	assert_int_equal(pr.peer.signal, 0);
	assert_int_equal(pr.peer.exit_code, 43);
	assert_string_equal(buf_str(&pr.peer.err), "wrong\n");
	/* a peer that closes its stdin and lives on: the relay drops what the
	 * program writes for it, and the pair ends when the peer does (a write
	 * racing the close gets EPIPE: write_no_sigpipe in sandbox.c) */
	spec_init(&a, flood);
	spec_init(&b, deaf);
	if (sbx_run_pair(W, &a, &b, &pr) < 0)
		fail_msg("sbx_run_pair: %s", err_msg());
	assert_int_equal(pr.peer.exit_code, 43);
	sbx_result_release(&pr.prog);
	sbx_result_release(&pr.peer);
}

/* A Kattis validator's feedback folder: writable for that run only, read
 * back, gone before the next run. */
static void feedback_folder(void **state)
{
	const char *fb = build("feedback", "#include <stdio.h>\n"
		"int main(int c, char **v) { char p[256]; FILE *f;\n"
		"snprintf(p, sizeof p, \"%sjudgemessage.txt\", c > 1 ? v[1] : \"\");\n"
		"f = fopen(p, \"r\"); if (f) return 7; f = fopen(p, \"w\"); if (!f) return 9;\n"
		"fputs(\"judge says\\n\", f); fclose(f); return 42; }\n");
	const char *args[] = { "feedback/", NULL };
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, fb);
	sp.argv = args;
	sp.feedback = 1;
	run_ok(W, &sp, &r);
	assert_int_equal(r.exit_code, 42);
	assert_string_equal(buf_str(&r.fb_judge), "judge says\n");
	assert_int_equal(r.fb_team.len, 0);
	run_ok(W, &sp, &r);           /* a fresh folder: nothing left over */
	assert_int_equal(r.exit_code, 42);
	sp.feedback = 0;              /* without it: no folder, no writes */
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_SV);
	assert_int_equal(r.fb_judge.len, 0);
	sbx_result_release(&r);
}

static void cpu_and_wall_limits(void **state)
{
	const char *spin = build("spin", "int main(void) { volatile unsigned long x = 0; for (;;) x++; }\n");
	const char *nap = build("nap", nap_src);
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, spin);
	sp.limits.cpu_ms = 200;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_TLE);
	assert_false(r.tle_wall);
	assert_true(r.cpu_ms >= 200);
	assert_int_equal(r.signal, SIGKILL);
	spec_init(&sp, nap);
	sp.limits.cpu_ms = 100;
	sp.limits.wall_ms = 300;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_TLE);
	assert_true(r.tle_wall);
	assert_true(r.wall_ms >= 300);
	sbx_result_release(&r);
}

static void memory_measured_and_limited(void **state)
{
	const char *m64 = build("m64", m64_src);
	const char *chunks = build("chunks", "#include <stdlib.h>\n#include <string.h>\n"
		"int main(void) { for (int i = 0; i < 300; i++) { char *volatile p = malloc(1 << 20);"
		" memset(p, 1, 1 << 20); } return 0; }\n");
	const char *huge = build("huge", "static char a[300 << 20];\n"
		"int main(void) { a[1] = 1; return a[2]; }\n");
	const char *stack = build("stack", "static int deep(int n) { volatile char pad[1024]; pad[0] = n;"
		" return n ? deep(n - 1) + pad[0] : 0; }\nint main(void) { return deep(100000) == 42; }\n");
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, m64);
	sp.limits.cpu_ms = 20000;
	sp.limits.memory_kb = 256 * 1024;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_in_range(r.memory_kb, 65536 * 95 / 100, 65536 * 105 / 100);
	spec_init(&sp, chunks);
	sp.limits.cpu_ms = 20000;
	sp.limits.memory_kb = 256 * 1024;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_MLE);
	assert_true(r.memory_kb >= 256 * 1024);
	spec_init(&sp, huge);
	sp.limits.cpu_ms = 20000;
	sp.limits.memory_kb = 256 * 1024;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_MLE);
	/* 100 MB of stack: over a 64 MB stack limit it is a crash (RE), under
	 * a stack limit of 256 MB it runs. */
	spec_init(&sp, stack);
	sp.limits.cpu_ms = 20000;
	sp.limits.memory_kb = 256 * 1024;
	sp.limits.stack_kb = 64 * 1024;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_RE);
	assert_int_equal(r.signal, SIGSEGV);
	sp.limits.stack_kb = 0;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	sbx_result_release(&r);
}

/* One case per forbidden call: the first failure hides no other. */
static void forbidden_socket_named(void **state)
{
	const char *sock = build("sock", sock_src);
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, sock);
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_SV);
	assert_string_equal(r.syscall, "socket");
	assert_non_null(strstr(r.message, "socket"));
	sbx_result_release(&r);
}

static void forbidden_truncating_open_named(void **state)
{
	const char *wr = build("wr", "#include <fcntl.h>\n"
		"int main(void) { return open(\"data.txt\", O_RDONLY | O_TRUNC) >= 0; }\n");
	struct sbx_file f = { NULL, "data.txt" };
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;
	char data[128];

	(void)state;
	snprintf(data, sizeof data, "%s/data.txt", tmpdir);
	assert_int_equal(util_write_file(data, "secret\n", 7, 0644), 0);
	f.path = data;
	spec_init(&sp, wr);
	sp.files = &f;
	sp.nfiles = 1;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_SV);
	assert_string_equal(r.syscall, "openat");
	sbx_result_release(&r);
}

/* int 0x80 (i386 exit): where the kernel runs 32-bit calls the filter
 * names it; where it has no ia32 emulation the instruction faults before
 * any call is made: RE by SIGSEGV, the call never made. */
static void forbidden_i386_call(void **state)
{
	const char *x86 = build("x86", "int main(void) { long r; __asm__ volatile(\"int $0x80\""
		" : \"=a\"(r) : \"a\"(1L), \"b\"(0L)); return 3; }\n");
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, x86);
	run_ok(W, &sp, &r);
	if (sbx_host_ia32()) {
		assert_int_equal(r.status, SBX_SV);
		assert_string_equal(r.syscall, "i386:exit");
	} else {
		assert_int_equal(r.status, SBX_RE);
		assert_int_equal(r.signal, SIGSEGV);
		assert_string_equal(r.syscall, "");
	}
	sbx_result_release(&r);
}

static void abort_is_not_forbidden(void **state)
{
	const char *abrt = build("abrt", "#include <stdlib.h>\nint main(void) { abort(); }\n");
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, abrt);
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_RE);
	assert_int_equal(r.signal, SIGABRT);
	sbx_result_release(&r);
}

static void box_files_and_caps(void **state)
{
	const char *cat = build("cat", "#include <stdio.h>\n"
		"int main(int c, char **v) { for (int i = 1; i < c; i++) { FILE *f = fopen(v[i], \"r\");"
		" int ch; if (!f) return 10 + i; while ((ch = getc(f)) != EOF) putchar(ch); fclose(f); }"
		" return 0; }\n");
	const char *noise = build("noise", "#include <stdio.h>\n"
		"int main(void) { for (int i = 0; i < 100000; i++) fputs(\"0123456789\", stderr);"
		" puts(\"done\"); return 0; }\n");
	const char *args[] = { "a.txt", "b.txt", NULL };
	const char *escape[] = { "/etc/passwd", NULL };
	struct sbx_file f[2];
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;
	char pa[128], pb[128];

	(void)state;
	snprintf(pa, sizeof pa, "%s/a.in", tmpdir);
	snprintf(pb, sizeof pb, "%s/b.in", tmpdir);
	assert_int_equal(util_write_file(pa, "alpha\n", 6, 0644), 0);
	assert_int_equal(util_write_file(pb, "beta\n", 5, 0600), 0);   /* root-only */
	f[0].path = pa;
	f[0].name = "a.txt";
	f[1].path = pb;
	f[1].name = "b.txt";
	spec_init(&sp, cat);
	sp.files = f;
	sp.nfiles = 2;
	sp.argv = args;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_string_equal(buf_str(&r.out), "alpha\nbeta\n");
	/* The box is all it sees. */
	spec_init(&sp, cat);
	sp.argv = escape;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_RE);
	assert_int_equal(r.exit_code, 11);
	/* stderr is kept up to its cap and is no reason to stop the run. */
	spec_init(&sp, noise);
	sp.limits.stderr_kb = 4;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_int_equal(r.err.len, 4096);
	assert_true(r.err.truncated);
	assert_string_equal(buf_str(&r.out), "done\n");
	/* stdout past output_kb is OLE. */
	sp.limits.output_kb = 1;
	sp.limits.stderr_kb = 0;
	spec_init(&sp, noise);
	sp.limits.output_kb = 1;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);   /* 5 bytes of stdout: under 1 KB */
	sbx_result_release(&r);
}

static void compile_sees_no_host_file(void **state)
{
	const char *src = "#include \"/etc/passwd\"\nint main(void) { return 0; }\n";
	struct sbx_result r = SBX_RESULT_INIT;
	char out[128];

	(void)state;
	snprintf(out, sizeof out, "%s/never", tmpdir);
	assert_int_equal(sbx_compile(W, src, strlen(src), cc_argv, NULL, out, &r), 0);
	assert_int_equal(r.status, SBX_RE);
	assert_null(strstr(buf_str(&r.err), "root:"));
	assert_null(strstr(buf_str(&r.err), "/tmp/judge-box"));
	assert_non_null(strstr(buf_str(&r.err), "prog.c"));
	assert_int_equal(access(out, F_OK), -1);
	sbx_result_release(&r);
}

/* sbx_compile_pch: the folder is at /pch for the compiler, and only then. */
static void compile_pch_folder(void **state)
{
	const char *src = "#include \"/pch/x.h\"\n_Static_assert(X == 42, \"x\");\n"
			  "int main(void) { return 0; }\n";
	const char *argv[] = { "gcc", "-fsyntax-only", "-o", "prog", "prog.c", NULL };
	struct sbx_result r = SBX_RESULT_INIT;
	char dir[128], h[160];

	(void)state;
	snprintf(dir, sizeof dir, "%s/pchdir", tmpdir);
	snprintf(h, sizeof h, "%s/x.h", dir);
	assert_int_equal(mkdir(dir, 0755), 0);
	assert_int_equal(util_write_file(h, "#define X 42\n", 13, 0644), 0);
	assert_int_equal(sbx_compile_pch(W, src, strlen(src), argv, NULL, dir, NULL, &r), 0);
	assert_int_equal(r.status, SBX_OK);
	assert_int_equal(r.exit_code, 0);
	sbx_result_release(&r);
	assert_int_equal(sbx_compile_pch(W, src, strlen(src), argv, NULL, NULL, NULL, &r), 0);
	assert_int_equal(r.status, SBX_RE);
	assert_non_null(strstr(buf_str(&r.err), "/pch/x.h"));
	sbx_result_release(&r);
}

struct par {
	int index;
	const char *exe;
	struct sbx_result r;
	uid_t uid;
	int rc;
};

static void *par_main(void *p)
{
	struct par *a = p;
	struct sbx *s = sbx_open(a->index);
	struct sbx_spec sp;

	a->rc = -1;
	if (!s)
		return NULL;
	a->uid = sbx_uid(s);
	spec_init(&sp, a->exe);
	sp.limits.memory_kb = 256 * 1024;
	for (int i = 0; i < 3; i++)
		a->rc = sbx_run(s, &sp, &a->r);
	sbx_close(s);
	return NULL;
}

static void parallel_workers(void **state)
{
	struct par a = { 1, NULL, SBX_RESULT_INIT, 0, 0 };
	struct par b = { 2, NULL, SBX_RESULT_INIT, 0, 0 };
	pthread_t ta, tb;

	(void)state;
	a.exe = build("m64", m64_src);
	b.exe = build("sock", sock_src);
	assert_int_equal(pthread_create(&ta, NULL, par_main, &a), 0);
	assert_int_equal(pthread_create(&tb, NULL, par_main, &b), 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	assert_int_equal(a.rc, 0);
	assert_int_equal(b.rc, 0);
	if (geteuid() == 0) {             /* a uid per worker */
		assert_int_not_equal(a.uid, b.uid);
		assert_int_not_equal(a.uid, sbx_uid(W));
	} else {                          /* the user's own, in a user namespace */
		assert_int_equal(a.uid, getuid());
		assert_int_equal(b.uid, getuid());
	}
	assert_int_equal(a.r.status, SBX_OK);
	assert_in_range(a.r.memory_kb, 65536 * 95 / 100, 65536 * 105 / 100);
	assert_int_equal(b.r.status, SBX_SV);
	sbx_result_release(&a.r);
	sbx_result_release(&b.r);
}

/* The sandbox's processes of a worker with this uid still alive (zombies
 * included: not yet gone). As root, every process of the worker's uid. As
 * a normal user the worker's uid is its own: its processes in a PID
 * namespace other than this one, but for a dead box process that the
 * host's init has yet to reap (a zombie whose parent is PID 1), and but for
 * those in `before` (this process's own workers' boxes, also its uid's). */
static pid_t before[64];
static int nbefore;

static pid_t list[64];

static int uid_procs(uid_t uid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char mine[64] = "", ns[64];
	int n = 0;

	if (geteuid() != 0 && readlink("/proc/self/ns/pid", mine, sizeof mine - 1) < 0)
		fail_msg("readlink /proc/self/ns/pid");
	while (d && (e = readdir(d))) {
		char path[300], line[256];
		ssize_t len;
		int match = 0, zombie = 0;
		long ppid = -1;
		FILE *f;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		for (int i = 0; i < nbefore; i++)
			if (before[i] == (pid_t)atoi(e->d_name))
				match = -1;
		if (match < 0)
			continue;
		snprintf(path, sizeof path, "/proc/%s/status", e->d_name);
		if (!(f = fopen(path, "r")))
			continue;
		while (fgets(line, sizeof line, f)) {
			if (!strncmp(line, "Uid:", 4) && (uid_t)strtoul(line + 4, NULL, 10) == uid)
				match = 1;
			if (!strncmp(line, "State:", 6) && strchr(line, 'Z'))
				zombie = 1;
			if (!strncmp(line, "PPid:", 5))
				ppid = strtol(line + 5, NULL, 10);
		}
		fclose(f);
		if (match && mine[0]) {
			snprintf(path, sizeof path, "/proc/%s/ns/pid", e->d_name);
			len = readlink(path, ns, sizeof ns - 1);
			ns[len > 0 ? len : 0] = 0;
			match = len > 0 && strcmp(ns, mine) != 0 && !(zombie && ppid == 1);
		}
		if (match && n < (int)(sizeof before / sizeof before[0]))
			list[n] = (pid_t)atoi(e->d_name);
		n += match;
	}
	if (d)
		closedir(d);
	return n;
}

/* SIGKILL every child of this process (the workers' waiters). */
static int kill_children(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;

	while (d && (e = readdir(d))) {
		char path[300], buf[512], *p;
		FILE *f;

		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		if (!(f = fopen(path, "r")))
			continue;
		if (fgets(buf, sizeof buf, f) && (p = strrchr(buf, ')')) &&
		    strtol(p + 4, NULL, 10) == getpid() &&
		    kill((pid_t)atoi(e->d_name), SIGKILL) == 0)
			n++;
		fclose(f);
	}
	if (d)
		closedir(d);
	return n;
}

/* A binary that is still open for writing somewhere (another thread's
 * freshly forked child holding a copy of the descriptor) cannot be
 * executed for a moment (ETXTBSY): the run waits, and is not a failure. */
static void busy_binary_waits(void **state)
{
	const char *echo = build("echo", echo_src);
	struct sbx_result r = SBX_RESULT_INIT;
	struct buf bin = BUF_INIT;
	struct sbx_spec sp;
	char copy[128], c;
	int sync[2], status;
	pid_t pid;

	(void)state;
	snprintf(copy, sizeof copy, "%s/echo-busy", tmpdir);
	assert_int_equal(util_read_file(echo, &bin, 64 << 20), 0);
	assert_int_equal(util_write_file(copy, bin.data, bin.len, 0755), 0);
	buf_release(&bin);
	assert_int_equal(pipe(sync), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int fd = open(copy, O_WRONLY);

		if (fd < 0 || write(sync[1], "x", 1) != 1)
			_exit(1);
		usleep(20000);
		_exit(0);
	}
	close(sync[1]);
	assert_int_equal(read(sync[0], &c, 1), 1);
	close(sync[0]);
	spec_init(&sp, copy);
	sp.stdin_data = "1 2\n";
	sp.stdin_len = 4;
	run_ok(W, &sp, &r);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_int_equal(r.status, SBX_OK);
	assert_string_equal(buf_str(&r.out), "3 -\n");
	sbx_result_release(&r);
}

static void dead_box_is_replaced(void **state)
{
	const char *echo = build("echo", echo_src);
	struct sbx_result r = SBX_RESULT_INIT;
	struct sbx_spec sp;

	(void)state;
	spec_init(&sp, echo);
	sp.stdin_data = "1 2\n";
	sp.stdin_len = 4;
	run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_true(kill_children() > 0);      /* the box process is gone */
	usleep(50000);
	/* At most the run caught in between fails; then a new box serves. */
	if (sbx_run(W, &sp, &r) < 0)
		run_ok(W, &sp, &r);
	assert_int_equal(r.status, SBX_OK);
	assert_string_equal(buf_str(&r.out), "3 -\n");
	sbx_result_release(&r);
}

/* A judge killed while making its worker folder (before it is locked and
 * renamed) leaves a t<index>-<pid> folder: the next sbx_open removes it once
 * that pid is dead, and leaves a live maker's alone. */
static void half_made_folder_swept(void **state)
{
	char dead[64], live[64];
	struct sbx *s;
	int status;
	pid_t pid;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	/* the sandbox's folder: root's, or the user's own */
	if (geteuid() == 0) {
		snprintf(dead, sizeof dead, "/tmp/judge-box/t9-%ld", (long)pid);
		snprintf(live, sizeof live, "/tmp/judge-box/t99-%ld", (long)getpid());
	} else {
		snprintf(dead, sizeof dead, "/tmp/judge-box-%u/t9-%ld", (unsigned)geteuid(), (long)pid);
		snprintf(live, sizeof live, "/tmp/judge-box-%u/t99-%ld", (unsigned)geteuid(),
			 (long)getpid());
	}
	assert_int_equal(mkdir(dead, 0711), 0);
	assert_int_equal(mkdir(live, 0711), 0);
	s = sbx_open(9);
	if (!s)
		fail_msg("sbx_open: %s", err_msg());
	sbx_close(s);
	assert_int_equal(access(dead, F_OK), -1);
	assert_int_equal(access(live, F_OK), 0);
	rmdir(live);
}

static void killed_judge_leaves_nothing(void **state)
{
	const char *nap = build("nap", nap_src);
	int go[2], st, i;
	uid_t uid = 0;
	pid_t judge;

	(void)state;
	/* As a normal user this process's own worker (W) shows as its uid's
	 * too: its box processes are set aside. */
	nbefore = uid_procs(geteuid() == 0 ? (uid_t)-2 : getuid());
	memcpy(before, list, sizeof list);
	assert_in_range(nbefore, 0, 8);
	assert_int_equal(pipe(go), 0);
	judge = fork();
	assert_true(judge >= 0);
	if (judge == 0) {
		struct sbx_result r = SBX_RESULT_INIT;
		struct sbx_spec sp;
		struct sbx *s = sbx_open(3);

		close(go[0]);
		if (!s)
			_exit(1);
		uid = sbx_uid(s);
		if (write(go[1], &uid, sizeof uid) != sizeof uid)
			_exit(1);
		spec_init(&sp, nap);
		sp.limits.wall_ms = 60000;
		sbx_run(s, &sp, &r);
		_exit(2);
	}
	close(go[1]);
	assert_int_equal(read(go[0], &uid, sizeof uid), (ssize_t)sizeof uid);
	close(go[0]);
	for (i = 0; i < 500 && uid_procs(uid) == 0; i++)
		usleep(10000);
	assert_true(uid_procs(uid) > 0);       /* the program runs */
	kill(judge, SIGKILL);
	assert_int_equal(waitpid(judge, &st, 0), judge);
	for (i = 0; i < 300 && uid_procs(uid) > 0; i++)
		usleep(10000);
	assert_int_equal(uid_procs(uid), 0);
}

int unit_sandbox(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(honest_program_io),
		cmocka_unit_test(cpu_and_wall_limits),
		cmocka_unit_test(feedback_folder),
		cmocka_unit_test(pair_talks),
		cmocka_unit_test(pair_side_gone),
		cmocka_unit_test(memory_measured_and_limited),
		cmocka_unit_test(forbidden_socket_named),
		cmocka_unit_test(forbidden_truncating_open_named),
		cmocka_unit_test(forbidden_i386_call),
		cmocka_unit_test(abort_is_not_forbidden),
		cmocka_unit_test(box_files_and_caps),
		cmocka_unit_test(compile_sees_no_host_file),
		cmocka_unit_test(compile_pch_folder),
		cmocka_unit_test(parallel_workers),
		cmocka_unit_test(busy_binary_waits),
		cmocka_unit_test(dead_box_is_replaced),
		cmocka_unit_test(half_made_folder_swept),
		cmocka_unit_test(killed_judge_leaves_nothing),
	};

	return cmocka_run_group_tests_name("sandbox", tests, setup, teardown);
}
