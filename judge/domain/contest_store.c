/* contest_store.c: the contest rules of contest.c applied to what the
 * database holds: loading a contest, the window rule for a submission, a
 * board built from the stored participants and attempts (see contest.h). */
#include <stdlib.h>
#include <string.h>

#include "db/db.h"
#include "judge/domain/contest.h"
#include "lib/err.h"
#include "lib/util.h"

struct contest_rules contest_rules_of(const struct db_contest *c)
{
	struct contest_rules r = {
		.duration_minutes = c->duration_minutes,
		.freeze_minutes = c->freeze_minutes,
		.penalty_minutes = c->penalty_minutes,
		.nproblems = c->nproblems,
	};

	if (r.nproblems > CONTEST_MAX_PROBLEMS)
		r.nproblems = CONTEST_MAX_PROBLEMS;
	return r;
}

int contest_load(struct db *db, const char *id, struct db_contest *c)
{
	char *near;
	int rc = db_contest_get(db, id, c);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return 0;
	near = db_contest_nearest(db, id);
	if (near)
		err_input("unknown contest '%s'; did you mean '%s'?", id, near);
	else
		err_input("unknown contest '%s'; run 'judge contest list' to see the contests",
			  id);
	free(near);
	return -1;
}

/* The letter index of `which` (a letter, or a problem id of c), or -1. */
static int problem_index(const struct db_contest *c, size_t nproblems, const char *which)
{
	int k = contest_letter_index(which, nproblems);
	size_t i;

	for (i = 0; k < 0 && i < nproblems; i++)
		if (!strcmp(c->problems[i], which))
			k = (int)i;
	return k;
}

int contest_entry_check(struct db *db, struct db_contest *c, const char *which,
			const char *user, time_t now, struct contest_entry *e)
{
	char t0[32], t1[32], last[2];
	int k, got;

	memset(e, 0, sizeof(*e));
	e->c = c;
	e->rules = contest_rules_of(c);
	k = problem_index(c, e->rules.nproblems, which);
	if (k < 0 && !e->rules.nproblems)
		return err_input("contest '%s' has no problems", c->id);
	if (k < 0) {
		contest_letter(e->rules.nproblems - 1, last);
		return err_input("unknown letter '%s' in contest '%s'; its problems are A to "
				 "%s (run 'judge contest status %s')", which, c->id, last, c->id);
	}
	got = db_participant_get(db, c->id, user, &e->started);
	if (got < 0)
		return -1;
	if (got == DB_NOTFOUND)
		return err_input("'%s' has not started contest '%s'; run 'judge contest "
				 "start %s --user %s' first", user, c->id, c->id, user);
	util_format_rfc3339(e->started, t0);
	util_format_rfc3339(contest_end(&e->rules, e->started), t1);
	if (now < e->started)
		return err_input("contest '%s' is not open yet for '%s': it opens at %s",
				 c->id, user, t0);
	if (now >= contest_end(&e->rules, e->started))
		return err_input("contest '%s' closed for '%s' at %s (opened at %s); run "
				 "'judge contest scoreboard %s' to see the results",
				 c->id, user, t1, t0, c->id);
	e->index = (size_t)k;
	contest_letter(e->index, e->letter);
	e->problem = c->problems[k];
	return 0;
}

void contest_board_input_release(struct contest_board_input *in)
{
	db_participant_list_free(in->parts, in->nparts);
	db_contest_attempts_free(in->atts, in->natts);
	free(in->p);
	free(in->a);
	memset(in, 0, sizeof(*in));
}

int contest_board_load(struct db *db, const struct db_contest *c, const char *viewer,
		       time_t now, struct contest_board_input *in, struct contest_board *b)
{
	struct contest_rules r = contest_rules_of(c);
	size_t i;
	int k;

	memset(in, 0, sizeof(*in));
	if (db_participant_list(db, c->id, &in->parts, &in->nparts) < 0 ||
	    db_contest_attempts(db, c->id, NULL, &in->atts, &in->natts) < 0) {
		contest_board_input_release(in);
		return -1;
	}
	in->p = xcalloc(in->nparts, sizeof(*in->p));
	for (i = 0; i < in->nparts; i++)
		in->p[i] = (struct contest_participant){ in->parts[i].user,
							 in->parts[i].started_at };
	in->a = xcalloc(in->natts, sizeof(*in->a));
	for (i = 0; i < in->natts; i++) {
		k = contest_letter_index(in->atts[i].letter, r.nproblems);
		if (k < 0)
			continue;
		in->a[in->na++] = (struct contest_attempt){ in->atts[i].user, (size_t)k,
			in->atts[i].submitted_at, in->atts[i].verdict };
	}
	contest_board_build(&r, in->p, in->nparts, in->a, in->na, viewer, now, b);
	return 0;
}
