/* cmd_run.c: 'judge run FILE': compile (through the cache) and run one
 * program in the sandbox on the given or piped input, then show its output
 * and how it ended. */
#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "lib/text.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

#define DEFAULT_TIME_MS 1000      /* --time-limit */
#define DEFAULT_MEMORY_MB 256     /* --memory-limit */

static const char run_usage[] =
	"usage: judge run FILE [--stdin F|-] [--lang c|c++] [--time-limit MS]\n"
	"                      [--memory-limit MB] [--json]\n"
	"\n"
	"Compile FILE (C: .c; C++: .cc .cpp .cxx; cached) and run it once in the\n"
	"sandbox. Its stdout goes to stdout (escaped on a terminal), its stderr\n"
	"and how it ended (OK TLE MLE OLE RE SV CE IE, time, memory) to stderr;\n"
	"--json prints one JSON object instead.\n"
	"\n"
	"  --stdin F            the program's standard input; '-' reads the judge's\n"
	"                       (default: the judge's standard input when it is not\n"
	"                       a terminal, else empty)\n"
	"  --lang c|c++         the language, whatever the file's extension\n"
	"  --time-limit MS      CPU time limit in ms (default " UTIL_STR(DEFAULT_TIME_MS) ")\n"
	"  --memory-limit MB    memory limit in MB, also the stack limit (default "
	UTIL_STR(DEFAULT_MEMORY_MB) ")\n"
	"  --json               print the result as JSON\n"
	"\n"
	"exit codes: 0 OK, 1 any other verdict, 2 bad usage or input, 3 internal error\n";

#define MAX_TIME_MS 600000UL
#define MAX_MEMORY_MB 16384UL
#define OUTPUT_KB (64UL * 1024)
#define MAX_STDIN (256UL * 1024 * 1024)  /* piped input kept, bytes */

struct run_opts {
	const char *file, *stdin_path;
	unsigned long time_ms, memory_mb;
	int json;
	int lang;                  /* enum compile_lang, or -1: by extension */
};

/* What 'run' reports: one of these, filled from the compile and the run. */
struct run_report {
	const char *verdict;       /* "OK", "TLE", ..., "CE", "IE" */
	struct sbx_result sr;
	int ran;                   /* sr holds a run */
	struct compile_result cr;
	int compiled;              /* cr holds a compile (ok or not) */
	enum compile_lang lang;
	struct buf message;
};

static int parse_ulong(const char *opt, const char *s, unsigned long max,
		       unsigned long *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		goto bad;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno || *end || v == 0 || v > max)
		goto bad;
	*out = v;
	return 0;
bad:
	return judge_bad("%s '%s' must be a whole number from 1 to %lu", opt, s, max);
}

static int parse_args(int argc, char **argv, struct run_opts *o)
{
	static const struct option opts[] = {
		{ "stdin", required_argument, NULL, 's' },
		{ "time-limit", required_argument, NULL, 't' },
		{ "memory-limit", required_argument, NULL, 'm' },
		{ "json", no_argument, NULL, 'j' },
		{ "lang", required_argument, NULL, 'l' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum compile_lang l;
	int c;

	while ((c = judge_getopt(argc, argv, "h", opts, "run")) != -1) {
		switch (c) {
		case 's': o->stdin_path = optarg; break;
		case 't':
			if (parse_ulong("--time-limit", optarg, MAX_TIME_MS, &o->time_ms))
				return EXIT_BAD_INPUT;
			break;
		case 'm':
			if (parse_ulong("--memory-limit", optarg, MAX_MEMORY_MB, &o->memory_mb))
				return EXIT_BAD_INPUT;
			break;
		case 'j': o->json = 1; break;
		case 'l':
			if (compile_lang_parse(optarg, &l) < 0)
				return judge_fail();
			o->lang = (int)l;
			break;
		case 'h': fputs(run_usage, stdout); return -1;
		default: return EXIT_BAD_INPUT;
		}
	}
	if (optind != argc - 1) {
		fputs(run_usage, stderr);
		if (optind >= argc)
			return judge_bad("run needs one source file");
		return judge_bad("run takes one source file, got %d arguments", argc - optind);
	}
	o->file = argv[optind];
	return 0;
}

/* The judge's own standard input, for the program: with --stdin -, or
 * when no --stdin is given and it is not a terminal (a pipe, a file, or
 * /dev/null). A closed descriptor 0 is empty input. */
static int read_own_stdin(const struct run_opts *o, struct buf *in, int *use)
{
	struct stat st;

	*use = 0;
	if (o->stdin_path && strcmp(o->stdin_path, "-"))
		return 0;
	if (!o->stdin_path && (isatty(0) || fstat(0, &st) < 0))
		return 0;
	if (o->stdin_path && isatty(0))
		fputs("judge: reading the program's input from the terminal; end it "
		      "with Ctrl-D\n", stderr);
	*use = 1;
	if (util_read_fd(0, "standard input", in, MAX_STDIN) < 0) {
		err_as(ERR_INPUT);
		return judge_fail();
	}
	return 0;
}

static int check_stdin(const char *path)
{
	struct stat st;

	if (stat(path, &st) < 0)
		return judge_bad("input file '%s' does not exist (--stdin)", path);
	if (!S_ISREG(st.st_mode))
		return judge_bad("input file '%s' is not a regular file (--stdin)", path);
	return 0;
}

static void describe_run(struct run_report *rep, const struct run_opts *o)
{
	const struct sbx_result *sr = &rep->sr;
	char sig[16];

	switch (sr->status) {
	case SBX_OK:
		break;
	case SBX_RE:
		if (sr->stack_overflow) {
			char *m = grade_stack_message(sr);

			buf_addstr(&rep->message, m);
			free(m);
		} else if (sr->signal)
			buf_addf(&rep->message, "killed by signal %s",
				 util_signal_name(sr->signal, sig));
		else
			buf_addf(&rep->message, "exited with code %d", sr->exit_code);
		break;
	case SBX_TLE:
		if (sr->tle_wall)
			buf_addf(&rep->message, "wall time limit exceeded (%u ms; "
				 "sleeping or blocked)", sr->wall_ms);
		else
			buf_addf(&rep->message, "time limit exceeded (%lu ms)", o->time_ms);
		break;
	case SBX_MLE:
		buf_addf(&rep->message, "memory limit exceeded (%lu MB)", o->memory_mb);
		if (sr->alloc_bytes)
			buf_addf(&rep->message, ": an allocation of %.1f MB was refused",
				 sr->alloc_bytes / (1024.0 * 1024.0));
		break;
	case SBX_OLE:
		buf_addf(&rep->message, "output limit exceeded (%lu MB)", OUTPUT_KB / 1024);
		break;
	case SBX_SV:
		if (sr->syscall[0]) {
			buf_addstr(&rep->message, "forbidden system call '");
			text_escape(&rep->message, sr->syscall,
					    strnlen(sr->syscall, sizeof(sr->syscall)), SIZE_MAX, 0);
			buf_addch(&rep->message, '\'');
			if (sr->open_write)
				buf_addstr(&rep->message, ": programs may not write files; read "
					   "the input from stdin and write the answer to stdout");
		} else if (sr->message[0]) {
			text_escape(&rep->message, sr->message,
					    strnlen(sr->message, sizeof(sr->message)), SIZE_MAX, 0);
		} else {
			buf_addstr(&rep->message, "security violation");
		}
		break;
	}
}

/* A JSON string of any bytes: invalid UTF-8 replaced, NULs kept (the
 * encoder writes them as \u0000). */
/* Most bytes of stdout or stderr put in the JSON object. */
#define RUN_JSON_MAX ((size_t)1 << 20)

static json_t *json_bytes(const char *p, size_t n)
{
	struct buf fixed = BUF_INIT;
	json_t *j;

	text_fix_utf8(&fixed, p, n);
	j = json_stringn(buf_str(&fixed), fixed.len);
	buf_release(&fixed);
	return j ? j : json_string("");
}

static void print_json(const struct run_report *rep)
{
	const struct sbx_result *sr = &rep->sr;
	json_t *o = json_object(), *c = json_object();
	char sig[16];
	char *text;

	json_object_set_new(o, "verdict", json_string(rep->verdict));
	json_object_set_new(o, "lang", json_string(compile_lang_name(rep->lang)));
	json_object_set_new(o, "time_ms", json_integer(rep->ran ? sr->cpu_ms : 0));
	json_object_set_new(o, "time_us", json_integer(rep->ran ? (json_int_t)sr->cpu_us : 0));
	json_object_set_new(o, "wall_ms", json_integer(rep->ran ? sr->wall_ms : 0));
	json_object_set_new(o, "memory_kb",
			    json_integer(rep->ran ? (json_int_t)sr->memory_kb : 0));
	json_object_set_new(o, "exit", rep->ran && sr->exit_code >= 0 && !sr->signal ?
			    json_integer(sr->exit_code) : json_null());
	/* An SV run is stopped by the judge at the forbidden call: reported
	 * as SIGSYS, the signal seccomp itself would send. */
	json_object_set_new(o, "signal", !rep->ran ? json_null() :
			    sr->status == SBX_SV ? json_string("SIGSYS") :
			    sr->signal ? json_string(util_signal_name(sr->signal, sig)) :
			    json_null());
	json_object_set_new(o, "syscall", rep->ran && sr->status == SBX_SV &&
			    sr->syscall[0] ? json_bytes(sr->syscall,
				    strnlen(sr->syscall, sizeof(sr->syscall))) :
			    json_null());
	json_object_set_new(o, "message", json_bytes(buf_str(&rep->message), rep->message.len));
	/* The output limit is the program's; what the JSON carries is capped
	 * so that 64 MB of NUL bytes (6 bytes each once escaped) cannot make
	 * the judge build and print hundreds of MB. */
	json_object_set_new(o, "stdout", rep->ran ? json_bytes(buf_str(&sr->out),
			    sr->out.len < RUN_JSON_MAX ? sr->out.len : RUN_JSON_MAX) :
			    json_string(""));
	json_object_set_new(o, "stderr", rep->ran ? json_bytes(buf_str(&sr->err),
			    sr->err.len < RUN_JSON_MAX ? sr->err.len : RUN_JSON_MAX) :
			    json_string(""));
	if (rep->ran && (sr->out.len > RUN_JSON_MAX || sr->err.len > RUN_JSON_MAX)) {
		json_object_set_new(o, "stdout_bytes", json_integer((json_int_t)sr->out.len));
		json_object_set_new(o, "stderr_bytes", json_integer((json_int_t)sr->err.len));
		json_object_set_new(o, "truncated", json_true());
	}
	if (rep->compiled) {
		json_object_set_new(c, "ok", json_boolean(rep->cr.ok));
		json_object_set_new(c, "time_ms", json_integer(rep->cr.time_ms));
		json_object_set_new(c, "cached", json_boolean(rep->cr.cached));
		json_object_set_new(c, "pch", json_boolean(rep->cr.pch));
		json_object_set_new(c, "message", json_bytes(buf_str(&rep->cr.message),
				    rep->cr.message.len));
		json_object_set_new(o, "compile", c);
	} else {
		json_decref(c);
		json_object_set_new(o, "compile", json_null());
	}
	/* On a terminal, keep even valid non-ASCII text escaped. */
	text = json_dumps(o, JSON_COMPACT | (isatty(1) ? JSON_ENSURE_ASCII : 0));
	if (text) {
		fputs(text, stdout);
		fputc('\n', stdout);
	}
	free(text);
	json_decref(o);
}

/* Program text on stderr: escaped, each line marked so that nothing the
 * program writes can pass for the judge's own messages. */
static void print_marked(const char *label, const struct buf *b)
{
	struct buf e = BUF_INIT;
	const char *p, *nl;
	size_t n;

	text_escape(&e, buf_str(b), b->len, SIZE_MAX, TEXT_KEEP_LINES);
	for (p = buf_str(&e); *p; p += n + (p[n] == '\n')) {
		nl = strchr(p, '\n');
		n = nl ? (size_t)(nl - p) : strlen(p);
		fprintf(stderr, "%s| ", label);
		fwrite(p, 1, n, stderr);
		fputc('\n', stderr);
	}
	if (b->truncated)
		fprintf(stderr, "%s| [truncated]\n", label);
	buf_release(&e);
}

static void print_human(const struct judge_ctx *ctx, const struct run_report *rep)
{
	const struct sbx_result *sr = &rep->sr;
	char sig[16];

	if (rep->compiled && !ctx->quiet)
		report_compile_line(stderr, rep->cr.ok, rep->cr.cached, rep->cr.time_ms);
	if (rep->compiled && !rep->cr.ok)
		print_marked(rep->lang == LANG_CXX ? "g++" : "gcc", &rep->cr.message);
	if (rep->ran) {
		if (isatty(1)) {
			struct buf e = BUF_INIT;

			text_escape(&e, buf_str(&sr->out), sr->out.len, SIZE_MAX, TEXT_KEEP_LINES);
			fwrite(buf_str(&e), 1, e.len, stdout);
			if (e.len && e.data[e.len - 1] != '\n')
				fputs("\n(no newline at the end of the output)\n", stdout);
			buf_release(&e);
		} else {
			fwrite(buf_str(&sr->out), 1, sr->out.len, stdout);
		}
		fflush(stdout);
		if (sr->err.len)
			print_marked("stderr", &sr->err);
	}
	fprintf(stderr, "%s%s%s", judge_color(ctx, strcmp(rep->verdict, "OK") ? "1;31" : "1;32"),
		rep->verdict, judge_color(ctx, "0"));
	if (rep->ran) {
		char time[32];

		fprintf(stderr, "  time %s  wall %u ms  memory %lu KB",
			report_time(sr->cpu_us, sr->cpu_ms, 1, time), sr->wall_ms, sr->memory_kb);
		if (sr->status == SBX_SV)   /* as in the JSON: seccomp's signal */
			fprintf(stderr, "  signal SIGSYS");
		else if (sr->signal)
			fprintf(stderr, "  signal %s", util_signal_name(sr->signal, sig));
		else if (sr->exit_code >= 0)
			fprintf(stderr, "  exit %d", sr->exit_code);
	}
	if (rep->message.len)
		fprintf(stderr, "  %s", buf_str(&rep->message));
	fputc('\n', stderr);
}

int cmd_run(struct judge_ctx *ctx, int argc, char **argv)
{
	struct run_opts o = { .time_ms = DEFAULT_TIME_MS, .memory_mb = DEFAULT_MEMORY_MB };
	struct run_report rep = { "IE", SBX_RESULT_INIT, 0, COMPILE_RESULT_INIT, 0, LANG_C, BUF_INIT };
	struct buf source = BUF_INIT, input = BUF_INIT;
	struct sbx_spec spec;
	enum compile_lang lang;
	int rc, piped;

	o.lang = -1;
	rc = parse_args(argc, argv, &o);
	if (rc)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	lang = o.lang >= 0 ? (enum compile_lang)o.lang : compile_lang_of_path(o.file);
	rep.lang = lang;
	if (compile_read_source(o.file, &source) < 0) {
		rc = judge_fail();
		goto out;
	}
	if ((rc = read_own_stdin(&o, &input, &piped)))
		goto out;
	if (o.stdin_path && !piped && (rc = check_stdin(o.stdin_path)))
		goto out;

	buf_init(&rep.message, 1024);
	if (judge_sandbox_open(ctx) < 0 ||
	    compile_source(ctx->cache, ctx->sbx, lang, buf_str(&source), source.len,
			   &rep.cr) < 0)
		goto internal;
	rep.compiled = 1;
	if (!rep.cr.ok) {
		rep.verdict = "CE";
		buf_addstr(&rep.message, "compile error");
		rc = EXIT_REJECTED;
		goto report;
	}

	memset(&spec, 0, sizeof(spec));
	spec.policy = SBX_POLICY_RUN;
	spec.exe = rep.cr.binary;
	spec.stdin_path = piped ? NULL : o.stdin_path;
	spec.stdin_data = buf_str(&input);
	spec.stdin_len = input.len;
	spec.limits.cpu_ms = (unsigned)o.time_ms;
	spec.limits.memory_kb = o.memory_mb * 1024;
	spec.limits.stack_kb = o.memory_mb * 1024;
	spec.limits.output_kb = OUTPUT_KB;
	if (sbx_run(ctx->sbx, &spec, &rep.sr) < 0) {
		err_prefix("cannot run '%s'", o.file);
		goto internal;
	}
	rep.ran = 1;
	rep.verdict = sbx_status_name(rep.sr.status);
	describe_run(&rep, &o);
	rc = strcmp(rep.verdict, "OK") ? EXIT_REJECTED : EXIT_ACCEPTED;
	goto report;

internal:
	rep.verdict = "IE";
	rep.ran = 0;
	buf_reset(&rep.message);
	text_escape(&rep.message, err_msg(), strlen(err_msg()), SIZE_MAX, 0);
	rc = judge_fail();
report:
	if (o.json)
		print_json(&rep);
	else if (rc != EXIT_INTERNAL)
		print_human(ctx, &rep);
out:
	compile_result_release(&rep.cr);
	sbx_result_release(&rep.sr);
	buf_release(&rep.message);
	buf_release(&source);
	buf_release(&input);
	return rc;
}
