/* cmd_cases.c: 'judge cases list|add|rm ID ...': a user's local test cases
 * for a problem: the counterexamples 'judge stress' saved and the user's
 * own. Submits and 'judge test' run them after the problem's tests. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/domain/contest.h"
#include "judge/domain/stress.h"
#include "lib/err.h"
#include "lib/text.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

#define CASE_MAX_BYTES (64UL * 1024 * 1024)   /* an input or answer file */

static const char cases_usage[] =
	"usage: judge cases list ID [--json] [--user NAME]\n"
	"       judge cases add ID IN [ANS] [--ref FILE] [--user NAME]\n"
	"       judge cases rm ID NAME... [--user NAME]\n"
	"\n"
	"Your local test cases for problem ID: the counterexamples 'judge stress'\n"
	"saved (origin stress) and the ones you add (origin user). 'judge submit'\n"
	"and 'judge test' run them after the problem's own tests.\n"
	"\n"
	"  list    name, origin and the sizes of input and answer; --json prints\n"
	"          {\"problem\", \"user\", \"cases\": [{name, origin, input_bytes,\n"
	"          answer_bytes}]}\n"
	"  add     save the input file IN as the next local-N. IN must pass the\n"
	"          problem's validator. Without ANS the answer is the reference's\n"
	"          output on IN: the first of solutions/ID/accepted/, or --ref FILE\n"
	"  rm      remove cases by name (local-3) or number (3)\n"
	"\n"
	"  --user NAME     whose cases (default: your login name; on PostgreSQL\n"
	"                  your database role, as for 'judge submit')\n"
	"\n"
	"exit codes: 0 ok, 2 bad usage or input (an input the validator refuses,\n"
	"no reference, an unknown case), 3 internal error\n";

struct cases_args {
	const char *action, *id;
	char **rest;               /* the arguments after ID */
	int nrest;
	const char *ref;
	char *user;
	int json;
};

/* ---- list --------------------------------------------------------------- */

static int cases_list(struct judge_ctx *ctx, const struct cases_args *a)
{
	struct db_problem p = DB_PROBLEM_INIT;
	struct db_local_test *v = NULL;
	json_t *o, *arr, *t;
	size_t n = 0, i;
	int rc;

	if (a->nrest)
		return judge_bad("cases list takes only a problem id");
	if ((rc = judge_find_problem(ctx, a->id, &p)))
		return rc;
	db_problem_release(&p);
	if (db_local_test_list(ctx->db, a->id, a->user, &v, &n) < 0)
		return judge_fail();
	if (a->json) {
		o = json_object();
		arr = json_array();
		json_object_set_new(o, "problem", json_string(a->id));
		json_object_set_new(o, "user", report_json_string(a->user, strlen(a->user)));
		for (i = 0; i < n; i++) {
			t = json_object();
			json_object_set_new(t, "name", report_json_string(v[i].name,
					    strlen(v[i].name)));
			json_object_set_new(t, "origin", json_string(v[i].origin));
			json_object_set_new(t, "input_bytes", json_integer((json_int_t)v[i].input_len));
			json_object_set_new(t, "answer_bytes",
					    json_integer((json_int_t)v[i].answer_len));
			json_array_append_new(arr, t);
		}
		json_object_set_new(o, "cases", arr);
		report_print_json(o);
		json_decref(o);
	} else if (!n) {
		printf("no local cases for '%s' (user %s); add one with 'judge cases add %s IN'\n",
		       a->id, a->user, a->id);
	} else {
		printf("%s%-12s %-7s %12s %12s%s\n", judge_color(ctx, "1"), "name", "origin",
		       "input", "answer", judge_color(ctx, "0"));
		for (i = 0; i < n; i++)
			printf("%-12s %-7s %8zu B %10zu B\n", v[i].name, v[i].origin,
			       v[i].input_len, v[i].answer_len);
	}
	db_local_test_list_free(v, n);
	return EXIT_ACCEPTED;
}

/* ---- add ---------------------------------------------------------------- */

/* Read a case's file into b; 0, or -1 with an ERR_INPUT message. */
static int read_case(const char *path, const char *what, struct buf *b)
{
	if (util_read_file(path, b, CASE_MAX_BYTES) < 0) {
		err_as(ERR_INPUT);
		return err_prefix("cannot read the %s", what);
	}
	return 0;
}

/* The reference's output on in, into ans. The exit code (0 when done). */
static int reference_answer(struct judge_ctx *ctx, const struct cases_args *a,
			    struct stress_tools *t, const char *in, size_t len,
			    struct buf *ans)
{
	struct sbx_result sr = SBX_RESULT_INIT;
	char *ref = NULL, *dir, *bin = NULL;
	int rc;

	if (a->ref) {
		ref = xstrdup(a->ref);
	} else {
		dir = judge_catalog_dir(ctx);
		ref = stress_default_ref(dir, a->id);
		free(dir);
		if (!ref)
			return judge_bad("problem '%s' has no reference solution "
					 "(solutions/%s/accepted/); give the answer file "
					 "or --ref FILE", a->id, a->id);
	}
	if (stress_compile_file(t, ref, "reference", &bin) < 0 ||
	    stress_run(t, bin, in, len, 0, &sr) < 0) {
		rc = judge_fail();
	} else if (sr.status != SBX_OK) {
		rc = judge_bad("the reference '%s' got %s on this input (%s); give the "
			       "answer file", ref, sbx_status_name(sr.status),
			       sr.signal ? "killed by a signal" : "within the problem's limits");
	} else {
		buf_add(ans, sr.out.data ? sr.out.data : "", sr.out.len);
		rc = EXIT_ACCEPTED;
	}
	sbx_result_release(&sr);
	free(bin);
	free(ref);
	return rc;
}

/* Check the input with the validator and get the answer (file or
 * reference) with tools compiled in the command's sandbox. */
static int prepare_case(struct judge_ctx *ctx, const struct cases_args *a,
			const struct db_problem *p, struct buf *in, struct buf *ans)
{
	struct stress_tools t = STRESS_TOOLS_INIT;
	struct buf why = BUF_INIT;
	char *dir, *folder;
	int rc, valid;

	if ((rc = judge_sandbox(ctx)))
		return rc;
	dir = judge_catalog_dir(ctx);
	folder = p->folder[0] == '/' ? xstrdup(p->folder) : xasprintf("%s/%s", dir, p->folder);
	free(dir);
	if (stress_tools_open_validator(&t, p, folder, ctx->sbx, ctx->cache) < 0 ||
	    stress_validate_why(&t, buf_str(in), in->len, &valid, &why) < 0) {
		rc = judge_fail();
	} else if (!valid) {
		rc = judge_bad("'%s' is not a valid input for '%s': the validator says: %s",
			       a->rest[0], a->id, buf_str(&why));
	} else if (a->nrest == 2) {
		rc = EXIT_ACCEPTED;   /* the answer file was read already */
	} else {
		rc = reference_answer(ctx, a, &t, buf_str(in), in->len, ans);
	}
	stress_tools_release(&t);
	buf_release(&why);
	free(folder);
	return rc;
}

static int cases_add(struct judge_ctx *ctx, const struct cases_args *a)
{
	struct db_problem p = DB_PROBLEM_INIT;
	struct buf in = BUF_INIT, ans = BUF_INIT;
	char *name = NULL;
	int rc, created = 0;

	if (a->nrest < 1 || a->nrest > 2)
		return judge_bad("cases add needs a problem id, an input file and "
				 "optionally its answer file");
	if ((rc = judge_find_problem(ctx, a->id, &p)))
		return rc;
	if (read_case(a->rest[0], "input", &in) < 0 ||
	    (a->nrest == 2 && read_case(a->rest[1], "answer", &ans) < 0)) {
		rc = judge_fail();
		goto out;
	}
	if ((rc = prepare_case(ctx, a, &p, &in, &ans)))
		goto out;
	if (db_local_test_add(ctx->db, p.id, a->user, "user", buf_str(&in), in.len,
			      buf_str(&ans), ans.len, &name, &created) < 0) {
		err_prefix("cannot save the case");
		rc = judge_fail();
		goto out;
	}
	if (created)
		printf("saved as local test '%s' of %s (%zu bytes in, %zu bytes answer%s)\n",
		       name, p.id, in.len, ans.len, a->nrest == 2 ? "" : " from the reference");
	else
		printf("the same input is already local test '%s' of %s: nothing saved\n",
		       name, p.id);
	rc = EXIT_ACCEPTED;
out:
	free(name);
	buf_release(&in);
	buf_release(&ans);
	db_problem_release(&p);
	return rc;
}

/* ---- rm ----------------------------------------------------------------- */

static int cases_rm(struct judge_ctx *ctx, const struct cases_args *a)
{
	struct db_problem p = DB_PROBLEM_INIT;
	char *name;
	int i, rc;

	if (a->nrest < 1)
		return judge_bad("cases rm needs a problem id and the names of the cases "
				 "to remove");
	if ((rc = judge_find_problem(ctx, a->id, &p)))
		return rc;
	for (i = 0; i < a->nrest && rc == 0; i++) {
		name = a->rest[i][0] && strspn(a->rest[i], "0123456789") == strlen(a->rest[i]) ?
			xasprintf("local-%s", a->rest[i]) : xstrdup(a->rest[i]);
		if (db_local_test_remove(ctx->db, p.id, a->user, name) != 0)
			rc = judge_fail();
		else
			printf("removed local test '%s' of %s\n", name, p.id);
		free(name);
	}
	db_problem_release(&p);
	return rc;
}

int cmd_cases(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ "user", required_argument, NULL, 'u' },
		{ "ref", required_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const actions[] = { "list", "add", "rm" };
	struct cases_args a;
	size_t best = (size_t)-1, k;
	const char *near = NULL;
	char *given;
	int c, rc;

	memset(&a, 0, sizeof(a));
	while ((c = judge_getopt(argc, argv, "h", opts, "cases")) != -1) {
		switch (c) {
		case 'j': a.json = 1; break;
		case 'u': free(a.user); a.user = xstrdup(optarg); break;
		case 'r': a.ref = optarg; break;
		case 'h': fputs(cases_usage, stdout); free(a.user); return EXIT_ACCEPTED;
		default: free(a.user); return EXIT_BAD_INPUT;
		}
	}
	if (argc - optind < 2) {
		fputs(cases_usage, stderr);
		free(a.user);
		return judge_bad("cases needs an action (list, add or rm) and a problem id");
	}
	a.action = argv[optind];
	a.id = argv[optind + 1];
	a.rest = argv + optind + 2;
	a.nrest = argc - optind - 2;
	/* the login name, or on PostgreSQL the database role (as stress saves) */
	given = a.user;
	a.user = NULL;
	rc = judge_user(ctx, given, &a.user);
	free(given);
	if (rc) {
		/* said why */
	} else if (!strcmp(a.action, "list")) {
		rc = cases_list(ctx, &a);
	} else if (!strcmp(a.action, "add")) {
		rc = cases_add(ctx, &a);
	} else if (!strcmp(a.action, "rm")) {
		rc = cases_rm(ctx, &a);
	} else {
		for (k = 0; k < sizeof(actions) / sizeof(actions[0]); k++)
			if (judge_nearer(a.action, actions[k], &best))
				near = actions[k];
		rc = judge_bad("unknown cases action '%s';%s%s%s use list, add or rm",
			       a.action, near ? " did you mean '" : "", near ? near : "",
			       near ? "'?" : "");
	}
	free(a.user);
	return rc;
}
