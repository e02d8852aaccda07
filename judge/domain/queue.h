/* queue.h: grading through the shared job queue of a PostgreSQL database
 * (db.h's queue section): the worker side ('judge worker') and the client
 * side ('judge submit --queue', 'judge regress --queue').
 *
 * A worker runs N slots, threads with their own database connection and
 * sandbox worker. A slot claims a job, grades it with grade_submission
 * (store = 0: nothing is written while it grades) and stores the finished
 * submission with db_job_complete, which refuses it when the slot's claim
 * is no longer the job's. Meanwhile a lease thread of the slot, on a second
 * connection, renews the lease every third of it and beats the worker's
 * heartbeat; when the lease is lost (the job was claimed again) it cancels
 * the grading. An idle slot waits on LISTEN judge_jobs (db_wait), waking
 * early only when a running job's lease is due to expire. A lost connection
 * is reconnected with backoff (0.1 s doubling to 2 s) until it comes back
 * or the worker is stopped; a job whose completion could not be written is
 * claimed again after its lease, never stored twice.
 *
 * Caching: a worker compiles through the compile cache (o->cache: a
 * binary is keyed by sha256 of its source, the compiler's identity and
 * command, so a solution or checker is compiled once per machine), and
 * reads test data through the test data cache inside it (testcache.h:
 * by content hash; only the tests whose hash it lacks are fetched from
 * the database).
 *
 * Stopping: when *stop becomes non-zero (SIGTERM), a slot finishes its
 * current job, stores it and returns. */
#ifndef JUDGE_DOMAIN_QUEUE_H
#define JUDGE_DOMAIN_QUEUE_H

#include <signal.h>
#include <stddef.h>

#include "db/db.h"

struct compile_cache;

/* The lease in ms: $JUDGE_QUEUE_LEASE_MS when set (tests use short ones),
 * else 30000. */
int queue_lease_ms(void);

struct queue_worker_opts {
	const char *db_path;            /* every slot connects on its own */
	const char *name;               /* the worker's name; slot k is "NAME/k" when jobs > 1 */
	int jobs;                       /* slots, >= 1 */
	int idle_exit_s;                /* > 0: stop after this long without a job */
	int lease_ms;
	const struct compile_cache *cache; /* compiles; the test data cache is inside it */
	volatile sig_atomic_t *stop;    /* non-zero: finish the current job and stop */
	/* Told each event ("claimed job 4 (max-gap, by ana)", "job 4: WA,
	 * submission 17", "job 4: result refused: ..."), from a slot's thread
	 * under a lock: one at a time. */
	void (*log)(void *arg, const char *name, const char *event);
	void *log_arg;
};

/* Run the worker until stopped or idle for idle_exit_s. Returns 0, or -1
 * with err set when a slot could not start (no database, no sandbox). */
int queue_worker_run(const struct queue_worker_opts *o);

/* Build a job from a source for problem p. The job borrows every string:
 * keep them until it is enqueued. */
void queue_job_for(struct db_job *j, const char *problem, const char *user,
		   const char *source, const char *lang, const char *file_name, int fail_fast);

/* Wait until every job of ids[0..n) is done, calling done(arg, i,
 * submission) once for each as it finishes (in the order they finish).
 * Waits on LISTEN judge_done; a lost connection is reconnected with
 * backoff. Returns 0; -1 with ERR_CANCELLED when *cancel became non-zero
 * (the jobs go on without us); or -1 with err set. */
int queue_wait(struct db *db, const long long *ids, size_t n, volatile sig_atomic_t *cancel,
	       void (*done)(void *arg, size_t i, long long submission), void *arg);

/* Reconnect db after it was lost, retrying with backoff (0.1 s doubling to
 * 2 s) until it works or *stop (may be NULL) becomes non-zero: 0 or -1. */
int queue_reconnect(struct db *db, volatile sig_atomic_t *stop);

#endif
