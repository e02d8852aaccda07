/* queue.c: 'judge worker' slots and the clients' wait on the job queue
 * (see queue.h for the theory: claims, leases, exactly-once results). */
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "judge/domain/compile.h"
#include "judge/domain/grade.h"
#include "judge/domain/queue.h"
#include "judge/domain/regress.h"
#include "judge/domain/testcache.h"
#include "lib/err.h"
#include "lib/util.h"
#include "sandbox/sandbox.h"

int queue_lease_ms(void)
{
	const char *e = getenv("JUDGE_QUEUE_LEASE_MS");
	long v = e ? strtol(e, NULL, 10) : 0;

	return v >= 100 && v <= 3600000 ? (int)v : 30000;
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	nanosleep(&ts, NULL);
}

int queue_reconnect(struct db *db, volatile sig_atomic_t *stop)
{
	long delay = 100;

	while (!stop || !*stop) {
		if (db_reconnect(db) == 0)
			return 0;
		sleep_ms(delay);
		if (delay < 2000)
			delay = delay * 2 > 2000 ? 2000 : delay * 2;
	}
	return err_cancelled("stopped while the database was away");
}

/* ---- the worker ------------------------------------------------------------ */

struct worker {
	const struct queue_worker_opts *o;
	struct compile_cache tests;  /* test data by content hash (testcache.h) */
	pthread_mutex_t log_mu;
};

#define SLOT_PROBLEMS 8

struct slot {
	struct worker *w;
	int k;
	char name[160];
	struct db *db;             /* claims, grading, completion */
	struct db *ldb;            /* the lease thread's */
	struct sbx *sbx;
	pthread_t thread, lease_thread;
	pthread_mutex_t mu;
	pthread_cond_t cond;
	struct db_job job;         /* the job being graded (id and claim for the lease) */
	int active, quit, done;    /* grading; the lease thread must end; jobs done since the last beat */
	volatile sig_atomic_t lost; /* the lease was lost: grading's cancel flag */
	long long claim_ms;        /* how long the last claim took */
	struct db_problem probs[SLOT_PROBLEMS]; /* the problems graded lately (by
	                            * content hash: no query while it is the same) */
	int next_prob;
	int failed;
	char *error;
};

static void say(struct slot *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct slot *s, const char *fmt, ...)
{
	char line[512];
	va_list ap;

	if (!s->w->o->log)
		return;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&s->w->log_mu);
	s->w->o->log(s->w->o->log_arg, s->name, line);
	pthread_mutex_unlock(&s->w->log_mu);
}

/* The lease thread: every third of the lease, renew the running job's lease
 * and beat the heartbeat, on its own connection (grading never waits for
 * it, and it never waits for grading). */
static void *lease_main(void *arg)
{
	struct slot *s = arg;
	int third = s->w->o->lease_ms / 3, active, done, rc;
	struct db_job j = DB_JOB_INIT, seen = DB_JOB_INIT;
	struct timespec until;
	char state[64];

	pthread_mutex_lock(&s->mu);
	while (!s->quit) {
		active = s->active;
		j.id = s->job.id;
		j.claim = s->job.claim;
		done = s->done;
		s->done = 0;
		pthread_mutex_unlock(&s->mu);
		if (db_lost(s->ldb) && db_reconnect(s->ldb) < 0)
			goto next;
		/* a claim seen for the first time was just made with a whole
		 * lease: renew it from the next time on (a round trip less a job) */
		if (active && j.id == seen.id && j.claim == seen.claim) {
			rc = db_job_renew(s->ldb, &j, s->w->o->lease_ms);
			if (rc == DB_NOTFOUND)
				s->lost = 1;
		}
		if (active)
			seen = j;
		snprintf(state, sizeof(state), active ? "grading job %lld" : "idle", j.id);
		if (db_worker_beat(s->ldb, s->name, state, done) < 0) {
			pthread_mutex_lock(&s->mu);
			s->done += done;
			pthread_mutex_unlock(&s->mu);
		}
next:
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += third / 1000;
		until.tv_nsec += (third % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		pthread_mutex_lock(&s->mu);
		if (!s->quit)
			pthread_cond_timedwait(&s->cond, &s->mu, &until);
	}
	pthread_mutex_unlock(&s->mu);
	db_worker_beat(s->ldb, s->name, "stopped", s->done);
	return NULL;
}

static void set_active(struct slot *s, const struct db_job *j)
{
	pthread_mutex_lock(&s->mu);
	s->active = j != NULL;
	if (j) {
		s->job.id = j->id;
		s->job.claim = j->claim;
		s->lost = 0;
	}
	pthread_cond_signal(&s->cond); /* beat the new state now */
	pthread_mutex_unlock(&s->mu);
}

/* The finished grading r of job j as a submission to store. The results
 * point into r, except their runs (malloc'd: free with the results). */
static void submission_of(const struct db_job *j, const struct grade_result *r,
			  int local_tests, struct db_submission *sub)
{
	size_t i;

	memset(sub, 0, sizeof(*sub));
	sub->problem = j->problem;
	sub->user = j->user;
	sub->source = j->source;
	sub->lang = j->lang;
	sub->file_name = j->file_name;
	sub->contest = j->contest;
	sub->letter = j->letter;
	sub->submitted_at = j->submitted_at;
	sub->local_tests = local_tests;
	sub->verdict = (int)r->verdict;
	sub->passed = r->passed;
	sub->total = r->total;
	sub->time_ms = (int)r->time_ms;
	sub->memory_kb = (long)r->memory_kb;
	sub->compile_ok = r->compile_ok;
	sub->compile_time_ms = (int)r->compile_time_ms;
	sub->compile_cached = r->compile_cached;
	sub->compile_message = r->compile_message;
	sub->error = r->error;
	sub->nresults = r->ntests;
	sub->results = xcalloc(r->ntests + 1, sizeof(*sub->results));
	for (i = 0; i < r->ntests; i++) {
		const struct grade_test *t = &r->tests[i];
		struct db_result *d = &sub->results[i];

		d->ord = (int)i + 1;
		d->name = t->name;
		d->verdict = (int)t->verdict;
		d->time_ms = (int)t->time_ms;
		d->wall_ms = (int)t->wall_ms;
		d->memory_kb = (long)t->memory_kb;
		d->exit_code = t->exit_code;
		d->signal = t->signal[0] ? (char *)t->signal : NULL;
		d->message = t->message;
		d->is_local = t->is_local;
		d->stderr_text = t->stderr_text;
		d->stderr_bytes = (long)t->stderr_bytes;
		d->time_us = (long long)t->time_us;
		d->runs = grade_runs_format(t);
		d->unstable = t->unstable;
	}
}

/* Job j's problem: the slot's copy while its content hash is the one the
 * claim read, else read again (and kept, in place of the oldest copy).
 * Borrowed from the slot; NULL with err set. */
static const struct db_problem *job_problem(struct slot *s, const struct db_job *j)
{
	struct db_problem *p;
	int i;

	for (i = 0; i < SLOT_PROBLEMS; i++) {
		p = &s->probs[i];
		if (p->id && j->problem_hash && !strcmp(p->id, j->problem) &&
		    !strcmp(p->content_hash, j->problem_hash))
			return p;
	}
	p = &s->probs[s->next_prob];
	s->next_prob = (s->next_prob + 1) % SLOT_PROBLEMS;
	db_problem_release(p);
	if (db_problem_get(s->db, j->problem, p) != 0) {
		db_problem_release(p);
		return NULL;
	}
	return p;
}

/* The user's local tests on the job's problem (practice submissions only,
 * as grade_submission does for a stored one; a regression job, which has a
 * label, is graded on the problem's tests alone, as a local regress). */
static int job_locals(struct slot *s, const struct db_job *j, struct db_local_test **v,
		      size_t *n, struct grade_extra_test **x)
{
	size_t i;

	*v = NULL;
	*x = NULL;
	*n = 0;
	if (j->contest || j->label)
		return 0;
	if (db_local_test_list(s->db, j->problem, j->user, v, n) < 0)
		return -1;
	*x = xcalloc(*n + 1, sizeof(**x));
	for (i = 0; i < *n; i++)
		(*x)[i] = (struct grade_extra_test){ (*v)[i].name, (*v)[i].input,
			(*v)[i].answer, (*v)[i].input_len, (*v)[i].answer_len };
	return 0;
}

static void store_job(struct slot *s, const struct db_job *j, const struct grade_result *r,
		      int local_tests, const char *flag)
{
	struct db_submission sub;
	struct db_job done = *j;    /* borrows j's strings */
	long long start = util_monotonic_ms();
	size_t i;
	int rc;

	submission_of(j, r, local_tests, &sub);
	done.flag = (char *)flag;
	rc = db_job_complete(s->db, &done, &sub);
	if (rc == 0) {
		/* the queue's own cost, for 'make bench-distributed' */
		say(s, "job %lld: %s, submission %lld (claim %lld ms, store %lld ms; "
		    "test data: %d fetched, %d cached)", j->id, verdict_name(r->verdict), sub.id,
		    s->claim_ms, util_monotonic_ms() - start, r->data_fetched, r->data_cached);
		pthread_mutex_lock(&s->mu);
		s->done++;
		pthread_mutex_unlock(&s->mu);
	} else {
		say(s, "job %lld: result not stored: %s", j->id, err_msg());
		if (db_lost(s->db) && queue_reconnect(s->db, s->w->o->stop) == 0)
			say(s, "reconnected");
	}
	for (i = 0; i < sub.nresults; i++)
		free(sub.results[i].runs);
	free(sub.results);
}

static void grade_job(struct slot *s, const struct db_job *j)
{
	const struct db_problem *p;
	struct grade_opts go = GRADE_OPTS_INIT;
	struct grade_result r = GRADE_RESULT_INIT;
	struct grade_env env = { s->db, s->sbx, s->w->o->cache, &s->w->tests };
	struct db_local_test *locals = NULL;
	struct grade_extra_test *x = NULL;
	enum compile_lang lang = LANG_C;
	size_t nlocals = 0;
	char flag[96] = "";

	say(s, "job %lld: claimed (%s by %s%s%s)", j->id, j->problem, j->user,
	    j->label ? ", " : "", j->label ? j->label : "");
	set_active(s, j);
	if (!(p = job_problem(s, j)) || job_locals(s, j, &locals, &nlocals, &x) < 0) {
		/* no verdict without the problem: the job is claimed again */
		say(s, "job %lld: cannot grade: %s", j->id, err_msg());
		if (db_lost(s->db))
			queue_reconnect(s->db, s->w->o->stop);
		goto out;
	}
	compile_lang_parse(j->lang, &lang);
	go.user = j->user;
	go.lang = lang;
	go.file_name = j->file_name;
	go.fail_fast = j->fail_fast;
	go.repeat = j->repeat;
	go.contest = j->contest;
	go.letter = j->letter;
	go.extra = x;
	go.nextra = nlocals;
	go.cancel = &s->lost;
	go.submitted_at = j->submitted_at;
	grade_submission(&env, p, j->source, strlen(j->source), &go, &r);
	while (db_lost(s->db) && !s->lost) {
		/* the database went away mid-grading: what failed is not the
		 * program's; grade it again once it is back (the lease thread
		 * keeps the claim while it can) */
		say(s, "job %lld: the database went away while grading; grading it again",
		    j->id);
		grade_result_release(&r);
		if (queue_reconnect(s->db, s->w->o->stop) < 0)
			goto out;
		say(s, "reconnected");
		grade_submission(&env, p, j->source, strlen(j->source), &go, &r);
	}
	/* a regression job's margin: the failing test at twice the limit */
	if (j->tight && r.verdict == V_TLE && !s->lost && !db_lost(s->db)) {
		/* the package's own time_limit_to_tle is not sent with the job:
		 * the default factor (2) */
		struct regress_margin mg = { j->repeat, &s->lost, 0, NULL };

		regress_tight(&env, p, lang, j->source, strlen(j->source), &r, &mg,
			      flag, sizeof(flag));
	}
	if (s->lost)
		say(s, "job %lld: the lease was lost while grading; it is graded elsewhere", j->id);
	else
		store_job(s, j, &r, nlocals > 0, flag);
out:
	set_active(s, NULL);
	grade_result_release(&r);
	free(x);
	db_local_test_list_free(locals, nlocals);
}

/* Idle: wait for a notification on judge_jobs, or until the earliest lease
 * of a running job expires, or the idle limit; 1 to look for work, 0 to
 * stop (idle too long, or stopped). */
static int wait_for_work(struct slot *s, long long idle_since)
{
	const struct queue_worker_opts *o = s->w->o;
	long long now, deadline = -1, stop_at = -1;
	double expiry;
	int w;

	if (db_job_next_expiry(s->db, &expiry) < 0) {
		if (db_lost(s->db))
			return queue_reconnect(s->db, o->stop) == 0;
		say(s, "%s", err_msg());
		expiry = 1;
	}
	now = util_monotonic_ms();
	if (expiry >= 0)
		deadline = now + (long long)(expiry * 1000) + 20;
	if (o->idle_exit_s > 0)
		stop_at = idle_since + o->idle_exit_s * 1000LL;
	while (!*o->stop) {
		now = util_monotonic_ms();
		if (stop_at >= 0 && now >= stop_at)
			return 0;
		if (deadline >= 0 && now >= deadline)
			return 1;
		/* the short wake only looks at the stop flag: a signal interrupts
		 * one thread's poll, not every slot's */
		w = db_wait(s->db, 500);
		if (w == 1)
			return 1;
		if (w < 0)
			return db_lost(s->db) ? queue_reconnect(s->db, o->stop) == 0 : 1;
	}
	return 0;
}

static void *slot_main(void *arg)
{
	struct slot *s = arg;
	const struct queue_worker_opts *o = s->w->o;
	long long idle_since = util_monotonic_ms();
	struct db_job j;
	int rc;

	while (!*o->stop) {
		s->claim_ms = util_monotonic_ms();
		rc = db_job_claim(s->db, s->name, o->lease_ms, &j);
		s->claim_ms = util_monotonic_ms() - s->claim_ms;
		if (rc == 0) {
			grade_job(s, &j);
			db_job_release(&j);
			idle_since = util_monotonic_ms();
			continue;
		}
		if (rc < 0) {
			say(s, "%s", err_msg());
			if (db_lost(s->db)) {
				if (queue_reconnect(s->db, o->stop) == 0)
					say(s, "reconnected");
				continue;
			}
		}
		if (!wait_for_work(s, idle_since))
			break;
	}
	return NULL;
}

static int slot_open(struct slot *s)
{
	if (!(s->db = db_open(s->w->o->db_path)) || !(s->ldb = db_open(s->w->o->db_path)))
		return err_prefix("worker '%s'", s->name);
	if (db_listen(s->db, "judge_jobs") < 0)
		return -1;
	if (!(s->sbx = sbx_open(s->k)))
		return err_prefix("worker '%s': cannot set up the sandbox", s->name);
	return db_worker_beat(s->db, s->name, "idle", 0);
}

static void slot_close(struct slot *s)
{
	int i;

	for (i = 0; i < SLOT_PROBLEMS; i++)
		db_problem_release(&s->probs[i]);
	if (s->sbx)
		sbx_close(s->sbx);
	db_close(s->db);
	db_close(s->ldb);
	pthread_mutex_destroy(&s->mu);
	pthread_cond_destroy(&s->cond);
	free(s->error);
}

int queue_worker_run(const struct queue_worker_opts *o)
{
	struct worker w = { .o = o };
	struct slot *v = xcalloc((size_t)o->jobs, sizeof(*v));
	int k, started = 0, rc = 0;

	if (testcache_open(&w.tests, o->cache) < 0) {
		free(v);
		return -1;
	}
	pthread_mutex_init(&w.log_mu, NULL);
	for (k = 0; k < o->jobs; k++) {
		v[k].w = &w;
		v[k].k = k;
		if (o->jobs > 1)
			snprintf(v[k].name, sizeof(v[k].name), "%s/%d", o->name, k + 1);
		else
			snprintf(v[k].name, sizeof(v[k].name), "%s", o->name);
		pthread_mutex_init(&v[k].mu, NULL);
		pthread_cond_init(&v[k].cond, NULL);
	}
	for (k = 0; k < o->jobs && rc == 0; k++)
		rc = slot_open(&v[k]);
	for (k = 0; k < o->jobs && rc == 0; k++) {
		if (pthread_create(&v[k].lease_thread, NULL, lease_main, &v[k]) != 0) {
			rc = err_set("cannot start a worker thread");
			break;
		}
		if (pthread_create(&v[k].thread, NULL, slot_main, &v[k]) != 0) {
			rc = err_set("cannot start a worker thread");
			pthread_mutex_lock(&v[k].mu);
			v[k].quit = 1;
			pthread_cond_signal(&v[k].cond);
			pthread_mutex_unlock(&v[k].mu);
			pthread_join(v[k].lease_thread, NULL);
			break;
		}
		started++;
	}
	for (k = 0; k < started; k++) {
		pthread_join(v[k].thread, NULL);
		pthread_mutex_lock(&v[k].mu);
		v[k].quit = 1;
		pthread_cond_signal(&v[k].cond);
		pthread_mutex_unlock(&v[k].mu);
		pthread_join(v[k].lease_thread, NULL);
	}
	for (k = 0; k < o->jobs; k++)
		slot_close(&v[k]);
	free(v);
	pthread_mutex_destroy(&w.log_mu);
	compile_cache_release(&w.tests);
	return rc;
}

/* ---- the client side -------------------------------------------------------- */

void queue_job_for(struct db_job *j, const char *problem, const char *user,
		   const char *source, const char *lang, const char *file_name, int fail_fast)
{
	memset(j, 0, sizeof(*j));
	j->problem = (char *)problem;
	j->user = (char *)user;
	j->source = (char *)source;
	j->lang = (char *)lang;
	j->file_name = (char *)file_name;
	j->fail_fast = fail_fast;
}

int queue_wait(struct db *db, const long long *ids, size_t n, volatile sig_atomic_t *cancel,
	       void (*done)(void *arg, size_t i, long long submission), void *arg)
{
	long long *subs = xcalloc(n + 1, sizeof(*subs));
	char *seen = xcalloc(n + 1, 1);
	size_t left = n, i;
	int rc = 0, w;

	if (db_listen(db, "judge_done") < 0) {
		rc = -1;
		goto out;
	}
	while (left > 0) {
		/* listening first, then reading: a job that finishes in between
		 * still notifies */
		if (db_jobs_done(db, ids, n, subs) < 0) {
			if (!db_lost(db) || queue_reconnect(db, cancel) < 0) {
				rc = -1;
				goto out;
			}
			continue;
		}
		for (i = 0; i < n; i++)
			if (!seen[i] && subs[i]) {
				seen[i] = 1;
				left--;
				done(arg, i, subs[i]);
			}
		for (w = 0; left > 0 && w == 0;) {
			if (cancel && *cancel) {
				rc = err_cancelled("interrupted while waiting for the workers");
				goto out;
			}
			w = db_wait(db, 500);
		}
		if (w < 0 && (!db_lost(db) || queue_reconnect(db, cancel) < 0)) {
			rc = -1;
			goto out;
		}
	}
out:
	free(subs);
	free(seen);
	return rc;
}
