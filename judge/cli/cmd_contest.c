/* cmd_contest.c: `judge contest`: define, start, submit to, and score local
 * contests with virtual participation (each participant has their own
 * clock). The rules live in judge/domain/contest.c and contest_store.c; this
 * file is the front end. */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/domain/compile.h"
#include "judge/domain/contest.h"
#include "judge/domain/grade.h"
#include "judge/cli/cli.h"
#include "judge/cli/report.h"
#include "judge/cli/submit.h"
#include "sandbox/sandbox.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/util.h"
#include "lib/verdict.h"

static const char usage[] =
	"usage: judge contest list [--user NAME] [--json]\n"
	"   or: judge contest create ID --problems P1,P2,... --duration 2h|90m|1h30m\n"
	"                            [--freeze 30m] [--penalty "
	UTIL_STR(CONTEST_PENALTY_MINUTES) "] [--title TITLE]\n"
	"   or: judge contest start ID [--user NAME]\n"
	"   or: judge contest submit ID LETTER FILE [--lang c|c++] [--user NAME] [--json]\n"
	"   or: judge contest status ID [--user NAME] [--json]\n"
	"   or: judge contest scoreboard ID [--json] [--html FILE] [--user NAME]\n"
	"\n"
	"Each participant has their own window of the contest's duration, opened by\n"
	"'start'; submissions count only inside it. --user defaults to your login\n"
	"name; on PostgreSQL you are the database role you connect as (only the\n"
	"catalogue's writers may name another), and a participant's window is kept\n"
	"by the server's clock.\n"
	"The scoreboard follows ICPC rules: problems solved, then penalty minutes\n"
	"(minute of the first AC + PENALTY per earlier rejected attempt, CE not\n"
	"counted). Attempts made in the last --freeze minutes of a participant's\n"
	"window show as pending to others until that window ends. LETTER may also be\n"
	"the problem's id. A contest submission stops at its first failing test\n"
	"(--fail-fast is accepted and changes nothing, --all is refused).\n";

#define MAX_TITLE 200

/* Options every subcommand may take; each accepts only its own. */
struct opts {
	const char *user, *html, *problems, *duration, *freeze, *penalty, *title;
	int json, all, lang;   /* lang: enum compile_lang, or -1 by extension */
};

enum { O_USER = 1 << 0, O_JSON = 1 << 1, O_HTML = 1 << 2, O_CREATE = 1 << 3,
       O_SUBMIT = 1 << 4 };

/* Parse argv (argv[0] is the subcommand) into o, keeping the positional
 * arguments in pos. Returns EXIT_ACCEPTED or prints and returns an exit. */
static int parse(int argc, char **argv, int allowed, struct opts *o,
		 char ***pos, int *npos)
{
	static const struct option longopts[] = {
		{ "user", required_argument, NULL, 'u' },
		{ "json", no_argument, NULL, 'j' },
		{ "html", required_argument, NULL, 'H' },
		{ "problems", required_argument, NULL, 'p' },
		{ "duration", required_argument, NULL, 'd' },
		{ "freeze", required_argument, NULL, 'f' },
		{ "penalty", required_argument, NULL, 'P' },
		{ "title", required_argument, NULL, 't' },
		{ "lang", required_argument, NULL, 'l' },
		{ "fail-fast", no_argument, NULL, 'F' },
		{ "all", no_argument, NULL, 'A' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum compile_lang l;
	int c, need;

	memset(o, 0, sizeof(*o));
	o->lang = -1;
	optind = 0;
	while ((c = judge_getopt(argc, argv, ":h", longopts, "contest")) != -1) {
		need = c == 'u' ? O_USER : c == 'j' ? O_JSON : c == 'H' ? O_HTML :
		       strchr("pdfPt", c) ? O_CREATE : strchr("lFA", c) ? O_SUBMIT : 0;
		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == '?')
			return EXIT_BAD_INPUT;
		if (!(need & allowed))
			return judge_bad("unknown option '%s' for 'judge contest %s'; run "
					 "'judge contest --help' for the usage",
					 argv[optind - 1], argv[0]);
		switch (c) {
		case 'u': o->user = optarg; break;
		case 'j': o->json = 1; break;
		case 'H': o->html = optarg; break;
		case 'p': o->problems = optarg; break;
		case 'd': o->duration = optarg; break;
		case 'f': o->freeze = optarg; break;
		case 'P': o->penalty = optarg; break;
		case 't': o->title = optarg; break;
		case 'A': o->all = 1; break;
		case 'l':
			if (compile_lang_parse(optarg, &l) < 0)
				return judge_fail();
			o->lang = (int)l;
			break;
		}
	}
	*pos = argv + optind;
	*npos = argc - optind;
	return EXIT_ACCEPTED;
}

/* The positional count must be exactly want. */
static int want_args(const char *sub, int npos, int want, const char *what)
{
	if (npos == want)
		return EXIT_ACCEPTED;
	return judge_bad("'judge contest %s' takes %s%s; run 'judge contest --help' "
			 "for the usage", sub, what, npos > want ? ", not more" : "");
}

static int now_or_fail(time_t *now)
{
	if (util_now(now) < 0)
		return judge_fail();
	return EXIT_ACCEPTED;
}

/* The user named by --user (checked) or the login name; on PostgreSQL the
 * database role (judge_user). Malloc'd in *out. */
static int pick_user(struct judge_ctx *ctx, const struct opts *o, char **out)
{
	return judge_user(ctx, o->user, out);
}

static int load_contest(struct judge_ctx *ctx, const char *id, struct db_contest *c)
{
	return contest_load(ctx->db, id, c) < 0 ? judge_fail() : EXIT_ACCEPTED;
}

/* "'spring' (Spring Cup)", or just "'spring'" when the title is the id;
 * malloc'd. */
static char *contest_name(const struct db_contest *c)
{
	if (!strcmp(c->title, c->id))
		return xasprintf("'%s'", c->id);
	return xasprintf("'%s' (%s)", c->id, c->title);
}

static void fmt_time(time_t t, char out[32])
{
	util_format_rfc3339(t, out);
}

/* "1h20m" left from now to end, rounded up to the minute. */
static void fmt_left(time_t now, time_t end, char out[32])
{
	long s = (long)(end - now);

	contest_format_duration(s <= 0 ? 0 : (s + 59) / 60, out);
}

/* The board of contest c seen by viewer at now (in holds what it borrows). */
static int build_board(struct judge_ctx *ctx, const struct db_contest *c,
		       const char *viewer, time_t now, struct contest_board_input *in,
		       struct contest_board *b)
{
	if (contest_board_load(ctx->db, c, viewer, now, in, b) < 0)
		return judge_fail();
	return EXIT_ACCEPTED;
}

/* Print j on one line (as every --json of the judge) and drop it; a NULL j
 * (it could not be built, err set) is an error. */
static int print_json(json_t *j)
{
	if (!j)
		return judge_fail();
	report_print_json(j);
	json_decref(j);
	return EXIT_ACCEPTED;
}

/* ---- list ------------------------------------------------------------- */

/* The JSON object of one contest for 'contest list'; started is the user's
 * start when phase is not "not started". */
static json_t *list_json(const struct db_contest *c, const char *user, const char *phase,
			 time_t started, time_t now)
{
	struct contest_rules r = contest_rules_of(c);
	json_t *probs = json_array(), *you = json_null();
	char l[2], when[32];
	size_t j;

	for (j = 0; j < r.nproblems; j++) {
		contest_letter(j, l);
		json_array_append_new(probs, json_pack("{s:s, s:s}", "letter", l,
						       "problem", c->problems[j]));
	}
	if (strcmp(phase, "not started")) {
		fmt_time(started, when);
		you = json_pack("{s:s, s:s, s:I}", "started_at", when, "phase", phase,
				"seconds_left", (json_int_t)(contest_end(&r, started) > now ?
							    contest_end(&r, started) - now : 0));
	}
	return json_pack("{s:s, s:s, s:i, s:i, s:i, s:s, s:o, s:s, s:o}",
			 "id", c->id, "title", c->title,
			 "duration_minutes", c->duration_minutes,
			 "freeze_minutes", c->freeze_minutes,
			 "penalty_minutes", c->penalty_minutes,
			 "source", c->from_catalog ? "catalog" : "cli",
			 "problems", probs, "user", user, "participation", you);
}

/* One contest of 'contest list': a JSON object appended to arr, or a row
 * with the id and title columns idw and tw wide. The exit code. */
static int list_one(struct judge_ctx *ctx, const struct db_contest *c, const char *user,
		    time_t now, json_t *arr, size_t idw, size_t tw)
{
	struct contest_rules r = contest_rules_of(c);
	struct buf you = BUF_INIT;
	const char *phase = "not started";
	char dur[32], frz[32], left[32];
	enum contest_phase ph;
	time_t started = 0;
	int got;

	got = db_participant_get(ctx->db, c->id, user, &started);
	if (got < 0)
		return judge_fail();
	if (got == DB_NOTFOUND) {
		buf_addstr(&you, "not started");
	} else {
		ph = contest_phase(&r, started, now);
		fmt_left(now, contest_end(&r, started), left);
		phase = ph == CONTEST_OVER ? "over" : ph == CONTEST_BEFORE ?
			"not open yet" : ph == CONTEST_FROZEN ? "frozen" : "running";
		if (ph == CONTEST_RUNNING || ph == CONTEST_FROZEN)
			buf_addf(&you, "%s, %s left", phase, left);
		else
			buf_addstr(&you, phase);
	}
	contest_format_duration(c->duration_minutes, dur);
	contest_format_duration(c->freeze_minutes, frz);
	if (arr)
		json_array_append_new(arr, list_json(c, user, phase, started, now));
	else
		printf("%-*s  %-*.*s  %-8zu  %-7s  %-7s  %s\n", (int)idw, c->id,
		       (int)tw, (int)tw, c->title, c->nproblems, dur,
		       c->freeze_minutes ? frz : "-", buf_str(&you));
	buf_release(&you);
	return EXIT_ACCEPTED;
}

static int contest_list(struct judge_ctx *ctx, int argc, char **argv)
{
	struct db_contest *v = NULL;
	struct opts o;
	char **pos, *user = NULL;
	int npos, rc;
	size_t n = 0, i, idw = 2, tw = 5;
	json_t *arr = NULL;
	time_t now;

	if ((rc = parse(argc, argv, O_USER | O_JSON, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if ((rc = want_args("list", npos, 0, "no arguments")) != EXIT_ACCEPTED ||
	    (rc = now_or_fail(&now)) != EXIT_ACCEPTED ||
	    (rc = pick_user(ctx, &o, &user)) != EXIT_ACCEPTED)
		goto out;
	if (db_contest_list(ctx->db, 0, &v, &n) < 0) {
		rc = judge_fail();
		goto out;
	}
	if (o.json)
		arr = json_array();
	for (i = 0; i < n; i++) {
		if (strlen(v[i].id) > idw)
			idw = strlen(v[i].id);
		if (strlen(v[i].title) > tw)
			tw = strlen(v[i].title);
	}
	if (tw > 40)
		tw = 40;
	if (!o.json && n == 0)
		printf("no contests; define one in the catalogue ([[contest]]) or run "
		       "'judge contest create'\n");
	else if (!o.json)
		printf("%-*s  %-*s  %-8s  %-7s  %-7s  %s\n", (int)idw, "id", (int)tw,
		       "title", "problems", "length", "freeze", "you");
	for (i = 0; i < n && rc == EXIT_ACCEPTED; i++)
		rc = list_one(ctx, &v[i], user, now, arr, idw, tw);
	if (o.json && rc == EXIT_ACCEPTED)
		rc = print_json(json_pack("{s:o}", "contests", arr));
	else
		json_decref(arr);
out:
	db_contest_list_free(v, n);
	free(user);
	return rc;
}

/* ---- create ----------------------------------------------------------- */

static int has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

static int check_id(const char *id)
{
	size_t i, n = strlen(id);

	if (n == 0 || n > 64)
		return judge_bad("bad contest id '%s': use 1 to 64 characters", id);
	for (i = 0; i < n; i++) {
		char ch = id[i];

		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
		      (ch == '-' && i > 0)))
			return judge_bad("bad contest id '%s': use lowercase letters, "
					 "digits and '-' (not first), e.g. 'spring-2026'", id);
	}
	return EXIT_ACCEPTED;
}

/* Split --problems into c->problems, checking each against the catalogue. */
static int parse_problems(struct judge_ctx *ctx, const char *list, struct db_contest *c)
{
	char *copy = xstrdup(list), *save = NULL, *tok, *near;
	struct db_problem p = DB_PROBLEM_INIT;
	size_t i;
	int rc = EXIT_ACCEPTED;

	if (!*list || list[strlen(list) - 1] == ',' || *list == ',' || strstr(list, ",,")) {
		rc = judge_bad("bad --problems '%s': list problem ids separated by "
				 "commas, e.g. 'a-plus-b,max-gap'", list);
		goto out;
	}
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		int got = db_problem_get(ctx->db, tok, &p);

		if (got < 0) {
			rc = judge_fail();
			goto out;
		}
		if (got == DB_NOTFOUND || p.retired) {
			near = db_problem_nearest(ctx->db, tok);
			if (near)
				rc = judge_bad("unknown problem '%s' in --problems; did you "
						 "mean '%s'?", tok, near);
			else
				rc = judge_bad("unknown problem '%s' in --problems; run "
						 "'judge list' to see the problem ids", tok);
			free(near);
			db_problem_release(&p);
			goto out;
		}
		db_problem_release(&p);
		for (i = 0; i < c->nproblems; i++)
			if (!strcmp(c->problems[i], tok)) {
				rc = judge_bad("problem '%s' appears twice in --problems", tok);
				goto out;
			}
		if (c->nproblems == CONTEST_MAX_PROBLEMS) {
			rc = judge_bad("too many problems in --problems: at most %d (A to Z)",
					 CONTEST_MAX_PROBLEMS);
			goto out;
		}
		c->problems = xrealloc(c->problems, (c->nproblems + 1) * sizeof(*c->problems));
		c->problems[c->nproblems++] = xstrdup(tok);
	}
out:
	free(copy);
	return rc;
}

static int contest_create(struct judge_ctx *ctx, int argc, char **argv)
{
	struct db_contest c = DB_CONTEST_INIT;
	struct opts o;
	char **pos, dur[32], frz[32], l[2], *end;
	int npos, rc, got;
	long pen;
	size_t i;

	if ((rc = parse(argc, argv, O_CREATE, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if ((rc = want_args("create", npos, 1, "one contest ID")) != EXIT_ACCEPTED)
		return rc;
	if ((rc = check_id(pos[0])) != EXIT_ACCEPTED)
		return rc;
	if (!o.problems || !o.duration)
		return judge_bad("'judge contest create' needs --problems and --duration, "
				 "e.g. 'judge contest create %s --problems a-plus-b,max-gap "
				 "--duration 2h'", pos[0]);
	c.id = xstrdup(pos[0]);
	c.title = xstrdup(o.title ? o.title : pos[0]);
	c.penalty_minutes = CONTEST_PENALTY_MINUTES;
	if (strlen(c.title) > MAX_TITLE || !util_is_text(c.title, strlen(c.title)) ||
	    !*c.title || has_control(c.title)) {
		rc = judge_bad("bad --title: use 1 to %d bytes of UTF-8 text on one line, "
				 "without control characters", MAX_TITLE);
		goto out;
	}
	if (contest_parse_duration(o.duration, &c.duration_minutes) < 0) {
		rc = judge_bad("--duration: %s", err_msg());
		goto out;
	}
	if (c.duration_minutes == 0) {
		rc = judge_bad("--duration must be longer than 0m");
		goto out;
	}
	if (o.freeze && contest_parse_duration(o.freeze, &c.freeze_minutes) < 0) {
		rc = judge_bad("--freeze: %s", err_msg());
		goto out;
	}
	if (c.freeze_minutes >= c.duration_minutes) {
		rc = judge_bad("--freeze '%s' must be shorter than --duration '%s'",
				 o.freeze, o.duration);
		goto out;
	}
	if (o.penalty) {
		errno = 0;
		pen = strtol(o.penalty, &end, 10);
		if (errno || end == o.penalty || *end || pen < 0 || pen > 10000) {
			rc = judge_bad("bad --penalty '%s': give the minutes per rejected "
					 "attempt, 0 to 10000 (default %d)", o.penalty,
					 CONTEST_PENALTY_MINUTES);
			goto out;
		}
		c.penalty_minutes = (int)pen;
	}
	if ((rc = parse_problems(ctx, o.problems, &c)) != EXIT_ACCEPTED)
		goto out;
	got = db_contest_create(ctx->db, &c);
	if (got == DB_EXISTS) {
		rc = judge_bad("contest '%s' already exists; choose another id (run "
				 "'judge contest list' to see the contests)", c.id);
		goto out;
	}
	if (got < 0) {
		rc = judge_fail();
		goto out;
	}
	contest_format_duration(c.duration_minutes, dur);
	contest_format_duration(c.freeze_minutes, frz);
	if (!ctx->quiet) {
		printf("created contest '%s': %s, freeze %s, penalty %d minutes\n", c.id, dur,
		       c.freeze_minutes ? frz : "none", c.penalty_minutes);
		for (i = 0; i < c.nproblems; i++) {
			contest_letter(i, l);
			printf("  %s  %s\n", l, c.problems[i]);
		}
		printf("start it with: judge contest start %s\n", c.id);
	}
out:
	db_contest_release(&c);
	return rc;
}

/* ---- start ------------------------------------------------------------ */

static int contest_start(struct judge_ctx *ctx, int argc, char **argv)
{
	struct db_contest c = DB_CONTEST_INIT;
	struct opts o;
	char **pos, *user = NULL, t0[32], t1[32], tf[32], dur[32];
	int npos, rc, got;
	time_t now, started;
	struct contest_rules r;
	size_t i;

	if ((rc = parse(argc, argv, O_USER, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if ((rc = want_args("start", npos, 1, "one contest ID")) != EXIT_ACCEPTED ||
	    (rc = now_or_fail(&now)) != EXIT_ACCEPTED ||
	    (rc = pick_user(ctx, &o, &user)) != EXIT_ACCEPTED ||
	    (rc = load_contest(ctx, pos[0], &c)) != EXIT_ACCEPTED)
		goto out;
	r = contest_rules_of(&c);
	if (c.retired) {
		rc = judge_bad("contest '%s' is retired (no longer in the catalogue); "
				 "its scoreboard is still available", c.id);
		goto out;
	}
	started = now;
	got = db_participant_start(ctx->db, c.id, user, &started);
	if (got == DB_EXISTS) {
		fmt_time(started, t0);
		fmt_time(contest_end(&r, started), t1);
		rc = judge_bad("'%s' already started contest '%s' at %s; the window %s "
				 "at %s", user, c.id, t0,
				 now >= contest_end(&r, started) ? "closed" : "closes", t1);
		goto out;
	}
	if (got < 0) {
		rc = judge_fail();
		goto out;
	}
	fmt_time(started, t0);
	fmt_time(contest_end(&r, started), t1);
	fmt_time(contest_freeze_start(&r, started), tf);
	contest_format_duration(c.duration_minutes, dur);
	if (!ctx->quiet) {
		char *name = contest_name(&c);

		printf("%s started contest %s at %s\n", user, name, t0);
		free(name);
		printf("it ends at %s (%s)", t1, dur);
		if (c.freeze_minutes)
			printf("; the scoreboard freezes for others at %s", tf);
		printf("\n");
		for (i = 0; i < r.nproblems; i++) {
			char l[2];

			contest_letter(i, l);
			printf("  %s  %s\n", l, c.problems[i]);
		}
		printf("submit with: judge contest submit %s LETTER FILE.c%s%s\n", c.id,
		       o.user ? " --user " : "", o.user ? user : "");
	}
out:
	db_contest_release(&c);
	free(user);
	return rc;
}

/* ---- submit ----------------------------------------------------------- */

static int contest_submit(struct judge_ctx *ctx, int argc, char **argv)
{
	struct opts o;
	char **pos, *user = NULL;
	int npos, rc;

	if ((rc = parse(argc, argv, O_USER | O_JSON | O_SUBMIT, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if (o.all)
		return judge_bad("contest submissions stop at the first failing test; "
				 "--all does not apply");
	if ((rc = want_args("submit", npos, 3, "a contest ID, a LETTER and a FILE"))
	    == EXIT_ACCEPTED && (rc = pick_user(ctx, &o, &user)) == EXIT_ACCEPTED)
		rc = submit_contest_file(ctx, pos[0], pos[1], pos[2], o.lang, user, o.json, 0);
	free(user);
	return rc;
}

/* ---- status ----------------------------------------------------------- */

static const char *phase_name(enum contest_phase ph)
{
	switch (ph) {
	case CONTEST_BEFORE: return "not open yet";
	case CONTEST_RUNNING: return "running";
	case CONTEST_FROZEN: return "frozen";
	case CONTEST_OVER: return "over";
	}
	return "?";
}

/* What 'contest status' shows, loaded once. */
struct status {
	struct db_contest c;
	struct contest_rules r;
	struct contest_board b;
	struct contest_board_input in;
	struct db_problem *probs;          /* the catalogue, for the titles */
	size_t nprobs;
	const struct contest_row *me;      /* the user's row, or NULL */
	const char *user;
	int started_ok;                    /* the user has started */
	time_t now, started;
	enum contest_phase ph;
	char t0[32], t1[32], tf[32], left[32], dur[32];
};

static void status_release(struct status *st)
{
	contest_board_release(&st->b);
	contest_board_input_release(&st->in);
	db_problem_list_free(st->probs, st->nprobs);
	db_contest_release(&st->c);
}

/* Load contest id as user sees it at now; the exit code. */
static int status_load(struct judge_ctx *ctx, const char *id, struct status *st)
{
	int rc, got;
	size_t i;

	if ((rc = load_contest(ctx, id, &st->c)) != EXIT_ACCEPTED)
		return rc;
	st->r = contest_rules_of(&st->c);
	got = db_participant_get(ctx->db, st->c.id, st->user, &st->started);
	if (got < 0 || db_problem_list(ctx->db, 1, &st->probs, &st->nprobs) < 0)
		return judge_fail();
	st->started_ok = got == 0;
	contest_format_duration(st->c.duration_minutes, st->dur);
	if (!st->started_ok)
		return EXIT_ACCEPTED;
	st->ph = contest_phase(&st->r, st->started, st->now);
	if ((rc = build_board(ctx, &st->c, st->user, st->now, &st->in, &st->b)) != EXIT_ACCEPTED)
		return rc;
	for (i = 0; i < st->b.nrows; i++)
		if (!strcmp(st->b.rows[i].user, st->user))
			st->me = &st->b.rows[i];
	fmt_time(st->started, st->t0);
	fmt_time(contest_end(&st->r, st->started), st->t1);
	fmt_time(contest_freeze_start(&st->r, st->started), st->tf);
	fmt_left(st->now, contest_end(&st->r, st->started), st->left);
	return EXIT_ACCEPTED;
}

static void status_header(const struct status *st, const struct opts *o)
{
	char *name = contest_name(&st->c);

	printf("contest %s, %s, user %s\n", name, st->dur, st->user);
	free(name);
	if (!st->started_ok)
		printf("not started; run 'judge contest start %s%s%s' to open your "
		       "%s window\n", st->c.id, o->user ? " --user " : "",
		       o->user ? st->user : "", st->dur);
	else if (st->ph == CONTEST_BEFORE)
		printf("opens at %s\n", st->t0);
	else if (st->ph == CONTEST_OVER)
		printf("over: started %s, ended %s\n", st->t0, st->t1);
	else
		printf("%s left (started %s, ends %s%s%s)\n", st->left, st->t0, st->t1,
		       st->ph == CONTEST_FROZEN ? ", frozen since " :
		       st->c.freeze_minutes ? ", freeze at " : "",
		       st->c.freeze_minutes ? st->tf : "");
	if (st->me)
		printf("solved %d, penalty %d\n", st->me->solved, st->me->penalty);
	printf("\n");
}

/* The catalogue title of the contest's problem j ("" when unknown). */
static const char *problem_title(const struct status *st, size_t j)
{
	size_t i;

	for (i = 0; i < st->nprobs; i++)
		if (!strcmp(st->probs[i].id, st->c.problems[j]))
			return st->probs[i].title;
	return "";
}

static void status_row(const struct status *st, size_t j, int idw, int tw)
{
	const struct contest_cell *cell = st->me ? &st->me->cells[j] : NULL;
	struct buf line = BUF_INIT;
	char l[2];

	contest_letter(j, l);
	buf_addf(&line, "%s  %-*s  %-*.*s", l, idw, st->c.problems[j], tw, tw,
		 problem_title(st, j));
	if (cell && cell->solved)
		buf_addf(&line, "  solved at minute %d, penalty %d", cell->minute,
			 cell->minute + cell->wrong * st->c.penalty_minutes);
	else if (cell && (cell->wrong || cell->pending))
		buf_addf(&line, "  %d rejected%s", cell->wrong, cell->pending ? ", judging" : "");
	while (line.len && line.data[line.len - 1] == ' ')
		line.data[--line.len] = 0;
	puts(buf_str(&line));
	buf_release(&line);
}

/* The user's attempts at problem j up to now: printed, or appended to jatt. */
static void status_attempts(const struct status *st, size_t j, json_t *jatt)
{
	const struct db_contest_attempt *a;
	const char *v;
	int minute;
	size_t i;

	for (i = 0; i < st->in.natts; i++) {
		a = &st->in.atts[i];
		if (strcmp(a->user, st->user) ||
		    contest_letter_index(a->letter, st->r.nproblems) != (int)j ||
		    a->submitted_at > st->now)
			continue;
		minute = contest_minute(st->started, a->submitted_at);
		v = a->verdict < 0 ? "running" : verdict_name(a->verdict);
		if (jatt)
			json_array_append_new(jatt, json_pack("{s:I, s:i, s:s}",
				"submission", (json_int_t)a->id, "minute", minute, "verdict", v));
		else
			printf("   #%-6lld minute %-4d %s\n", a->id, minute, v);
	}
}

static json_t *status_problem_json(const struct status *st, size_t j)
{
	const struct contest_cell *cell = st->me ? &st->me->cells[j] : NULL;
	json_t *jatt = json_array();
	char l[2];

	contest_letter(j, l);
	status_attempts(st, j, jatt);
	return json_pack("{s:s, s:s, s:s, s:b, s:o, s:o}", "letter", l,
			 "problem", st->c.problems[j], "title", problem_title(st, j),
			 "solved", cell && cell->solved, "minute",
			 cell && cell->solved ? json_integer(cell->minute) : json_null(),
			 "attempts", jatt);
}

static int status_json(const struct status *st)
{
	json_t *jprobs = json_array();
	int running = st->started_ok && st->ph != CONTEST_OVER && st->ph != CONTEST_BEFORE;
	size_t j;

	for (j = 0; j < st->r.nproblems; j++)
		json_array_append_new(jprobs, status_problem_json(st, j));
	return print_json(json_pack("{s:s, s:s, s:s, s:s, s:o, s:o, s:I, s:i, s:i, s:o}",
		"contest", st->c.id, "title", st->c.title, "user", st->user,
		"phase", st->started_ok ? phase_name(st->ph) : "not started",
		"started_at", st->started_ok ? json_string(st->t0) : json_null(),
		"ends_at", st->started_ok ? json_string(st->t1) : json_null(),
		"seconds_left", (json_int_t)(running ? contest_end(&st->r, st->started) - st->now : 0),
		"solved", st->me ? st->me->solved : 0, "penalty", st->me ? st->me->penalty : 0,
		"problems", jprobs));
}

static void status_text(const struct status *st, const struct opts *o)
{
	int idw = 2, tw = 0;
	size_t j;

	status_header(st, o);
	for (j = 0; j < st->r.nproblems; j++) {
		if (strlen(st->c.problems[j]) > (size_t)idw)
			idw = (int)strlen(st->c.problems[j]);
		if (strlen(problem_title(st, j)) > (size_t)tw)
			tw = (int)strlen(problem_title(st, j));
	}
	if (tw > 40)
		tw = 40;
	for (j = 0; j < st->r.nproblems; j++) {
		status_row(st, j, idw, tw);
		status_attempts(st, j, NULL);
	}
}

static int contest_status(struct judge_ctx *ctx, int argc, char **argv)
{
	struct status st;
	struct opts o;
	char **pos, *user = NULL;
	int npos, rc;

	memset(&st, 0, sizeof(st));
	if ((rc = parse(argc, argv, O_USER | O_JSON, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if ((rc = want_args("status", npos, 1, "one contest ID")) != EXIT_ACCEPTED ||
	    (rc = now_or_fail(&st.now)) != EXIT_ACCEPTED ||
	    (rc = pick_user(ctx, &o, &user)) != EXIT_ACCEPTED)
		goto out;
	st.user = user;
	if ((rc = status_load(ctx, pos[0], &st)) != EXIT_ACCEPTED)
		goto out;
	if (o.json)
		rc = status_json(&st);
	else
		status_text(&st, &o);
out:
	status_release(&st);
	free(user);
	return rc;
}

/* ---- scoreboard ------------------------------------------------------- */

static int contest_scoreboard(struct judge_ctx *ctx, int argc, char **argv)
{
	struct db_contest c = DB_CONTEST_INIT;
	struct contest_board b = CONTEST_BOARD_INIT;
	struct contest_board_input in;
	struct buf out = BUF_INIT;
	struct opts o;
	char **pos, *user = NULL, *name = NULL, when[32];
	int npos, rc;
	time_t now;

	memset(&in, 0, sizeof(in));
	if ((rc = parse(argc, argv, O_USER | O_JSON | O_HTML, &o, &pos, &npos)) != EXIT_ACCEPTED)
		return rc < 0 ? EXIT_ACCEPTED : rc;
	if ((rc = want_args("scoreboard", npos, 1, "one contest ID")) != EXIT_ACCEPTED ||
	    (rc = now_or_fail(&now)) != EXIT_ACCEPTED ||
	    (rc = pick_user(ctx, &o, &user)) != EXIT_ACCEPTED ||
	    (rc = load_contest(ctx, pos[0], &c)) != EXIT_ACCEPTED ||
	    (rc = build_board(ctx, &c, user, now, &in, &b)) != EXIT_ACCEPTED)
		goto out;
	if (o.html) {
		contest_board_html(&b, c.id, c.title, c.problems, now, &out);
		if (util_write_file(o.html, out.data, out.len, 0644) < 0) {
			rc = judge_bad("cannot write the scoreboard: %s", err_msg());
			goto out;
		}
		buf_reset(&out);
	}
	if (o.json) {
		rc = print_json(contest_board_json(&b, c.id));
	} else if (o.html) {
		if (!ctx->quiet)
			printf("wrote %s\n", o.html);
	} else {
		name = contest_name(&c);
		fmt_time(now, when);
		printf("contest %s as of %s, seen by %s\n", name, when, user);
		if (b.frozen)
			printf("frozen: others' attempts in the last %d minutes of their "
			       "window show as pending (?N)\n", c.freeze_minutes);
		printf("\n");
		if (b.nrows == 0) {
			printf("no participants yet; run 'judge contest start %s'\n", c.id);
		} else {
			contest_board_text(&b, ctx->color, &out);
			fputs(buf_str(&out), stdout);
		}
	}
out:
	free(name);
	buf_release(&out);
	contest_board_release(&b);
	contest_board_input_release(&in);
	db_contest_release(&c);
	free(user);
	return rc;
}

/* ---- dispatch --------------------------------------------------------- */

int cmd_contest(struct judge_ctx *ctx, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(struct judge_ctx *, int, char **);
	} subs[] = {
		{ "create", contest_create },
		{ "list", contest_list },
		{ "scoreboard", contest_scoreboard },
		{ "start", contest_start },
		{ "status", contest_status },
		{ "submit", contest_submit },
	};
	size_t i, best = (size_t)-1;
	const char *near = NULL;
	char hint[64] = "";

	if (argc < 2) {
		fputs(usage, stderr);
		return EXIT_BAD_INPUT;
	}
	if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help")) {
		fputs(usage, stdout);
		return EXIT_ACCEPTED;
	}
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (!strcmp(argv[1], subs[i].name))
			return subs[i].fn(ctx, argc - 1, argv + 1);
	for (i = 0; i < sizeof(subs) / sizeof(subs[0]); i++)
		if (judge_nearer(argv[1], subs[i].name, &best))
			near = subs[i].name;
	if (near)
		snprintf(hint, sizeof(hint), " did you mean 'contest %s'?", near);
	return judge_bad("unknown subcommand 'contest %s';%s use one of create, list, "
			 "scoreboard, start, status, submit", argv[1], hint);
}
