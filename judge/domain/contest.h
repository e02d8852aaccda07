/* contest.h: the rules of local contests as pure functions over plain
 * structs: virtual windows, ICPC scoring, the freeze, and the three ways of
 * showing a scoreboard (terminal, JSON, HTML). No database and no clock here:
 * callers read the time once with util_now() and pass it in.
 *
 * Virtual participation. Each participant has their own window
 * [start, start + duration); submissions are accepted only inside it. The
 * minute of an attempt is floor((time - start) / 60).
 *
 * Scoring (ICPC). Rows rank by problems solved (more first), then penalty
 * (less first); rows equal in both share a rank (1, 1, 3). The penalty of a
 * solved problem is the minute of its first AC plus penalty_minutes for every
 * rejected attempt before it. CE and IE attempts never count (a compile error
 * is not a judged attempt; IE is the judge's fault), attempts after the first
 * AC are ignored, and so are attempts outside the submitter's window or later
 * than the time the board is viewed at.
 *
 * The freeze rule. A participant's freeze is the last freeze_minutes of their
 * own window. An attempt made inside the submitter's freeze is shown to every
 * other viewer as pending until the submitter's window has ended; from then
 * on it is revealed. Submitters always see their own attempts. An attempt
 * still being judged is pending for everyone. Once one attempt of a cell is
 * pending, every later attempt of that cell is pending too (whether they
 * count depends on the hidden one). A board is "frozen" when some
 * participant other than the viewer is inside their freeze at the viewing
 * time, i.e. when what the viewer sees may be incomplete. */
#ifndef JUDGE_DOMAIN_CONTEST_H
#define JUDGE_DOMAIN_CONTEST_H

#include <stddef.h>
#include <time.h>

#include <jansson.h>

#include "lib/buf.h"

#define CONTEST_MAX_PROBLEMS 26        /* letters A..Z */
#define CONTEST_MAX_MINUTES (366 * 24 * 60)
#define CONTEST_MAX_USER 64            /* bytes of a user name */
#define CONTEST_PENALTY_MINUTES 20     /* per rejected attempt, unless the contest says */

struct contest_rules {
	int duration_minutes;  /* > 0 */
	int freeze_minutes;    /* 0 (no freeze) .. duration_minutes - 1 */
	int penalty_minutes;   /* per rejected attempt before the first AC */
	size_t nproblems;      /* letters A .. 'A' + nproblems - 1 */
};

struct contest_participant {
	const char *user;      /* borrowed */
	time_t started_at;
};

struct contest_attempt {
	const char *user;      /* borrowed */
	size_t problem;        /* letter index: 0 is A */
	time_t at;             /* submission time */
	int verdict;           /* enum verdict, -1 while it is being judged */
};

/* One problem of one row, as the viewer may see it. */
struct contest_cell {
	int solved;
	int minute;            /* of the first AC; -1 when not solved */
	int wrong;             /* counted rejected attempts (before the first AC) */
	int pending;           /* hidden or still-judged attempts */
	int attempts;          /* shown count: wrong + 1 when solved, else wrong + pending */
	int first;             /* solved, and nobody solved this problem earlier */
};

struct contest_row {
	int rank;              /* 1-based; equal (solved, penalty) share one */
	char *user;            /* owned */
	time_t started_at;
	int solved, penalty;
	struct contest_cell *cells;  /* nproblems cells, owned */
};

struct contest_board {
	int frozen;            /* see the freeze rule above */
	size_t nproblems;
	size_t nrows;
	struct contest_row *rows;    /* in rank order, then by user name */
};

#define CONTEST_BOARD_INIT { 0, 0, 0, NULL }

/* Where a participant who started at `start` is at time now. */
enum contest_phase {
	CONTEST_BEFORE,        /* now < start */
	CONTEST_RUNNING,       /* inside the window, before the freeze */
	CONTEST_FROZEN,        /* inside the window, in the freeze */
	CONTEST_OVER,          /* now >= start + duration */
};

enum contest_phase contest_phase(const struct contest_rules *r, time_t start, time_t now);

/* The end of the window (exclusive) and the start of the freeze of a
 * participant who started at start (the freeze start equals the end when
 * there is no freeze). */
time_t contest_end(const struct contest_rules *r, time_t start);
time_t contest_freeze_start(const struct contest_rules *r, time_t start);

/* floor((at - start) / 60); negative times give negative minutes. */
int contest_minute(time_t start, time_t at);

/* Build the board seen by viewer (NULL: nobody's own attempts are shown
 * unfrozen) at time now from np participants and na attempts. Attempts by
 * users who are not participants, or with a problem index out of range, are
 * ignored; attempts are taken in the order given where times are equal.
 * Participants who start later than now are left out. Fills *b (release with
 * contest_board_release); never fails. */
void contest_board_build(const struct contest_rules *r,
			 const struct contest_participant *p, size_t np,
			 const struct contest_attempt *a, size_t na,
			 const char *viewer, time_t now, struct contest_board *b);

/* Free everything b owns and reset it to CONTEST_BOARD_INIT. */
void contest_board_release(struct contest_board *b);

/* A cell as the terminal shows it: "+/41" (solved at minute 41 first try),
 * "+1/41" (after one rejected attempt), "-2" (two rejected), "?3" (pending,
 * three attempts so far), "." (nothing). out must hold 32 bytes. */
void contest_cell_text(const struct contest_cell *c, char out[32]);

/* The board as aligned text (a header line, one line per row), with ANSI
 * colours when color is set. User names have control characters replaced. */
void contest_board_text(const struct contest_board *b, int color, struct buf *out);

/* The board as design.md's JSON object: {"contest", "frozen", "rows": [{rank,
 * user, solved, penalty, problems: [{letter, attempts, minute (null when
 * unsolved), solved, pending}]}]}. New reference, owned by the caller; NULL
 * with err set when a name is not valid UTF-8 (contest_check_user names
 * always are). */
json_t *contest_board_json(const struct contest_board *b, const char *contest);

/* One self-contained HTML page (inline CSS, no scripts, no external
 * assets) showing the board; every string from the user or the catalogue is
 * escaped. problems[i] is the problem id under letter i (may be NULL). */
void contest_board_html(const struct contest_board *b, const char *contest,
			const char *title, char *const *problems, time_t now,
			struct buf *out);

/* Parse a duration "2h", "90m", "1h30m" (also "0m") to minutes, at most
 * CONTEST_MAX_MINUTES. Returns 0, or -1 with err set saying which forms are
 * accepted. */
int contest_parse_duration(const char *s, int *minutes);

/* Format minutes as "2h", "1h30m", "45m", "0m". out holds 32 bytes. */
void contest_format_duration(long minutes, char out[32]);

/* The letter of problem index i ("A"); out holds 2 bytes. */
void contest_letter(size_t i, char out[2]);

/* The index of letter s ("A" or "a") among nproblems, or -1. */
int contest_letter_index(const char *s, size_t nproblems);

/* Whether name is an acceptable user name: 1 to CONTEST_MAX_USER bytes of
 * valid UTF-8 without control characters. Returns 0, or -1 with err set. */
int contest_check_user(const char *name);

/* The login name: $LOGNAME, $USER, or the password entry of the real uid,
 * else "user". Malloc'd. */
char *contest_login_name(void);

/* ---- contests in the database (contest_store.c) --------------------------- */

struct db;
struct db_contest;
struct db_participant;
struct db_contest_attempt;

/* The rules of a stored contest (at most CONTEST_MAX_PROBLEMS letters). */
struct contest_rules contest_rules_of(const struct db_contest *c);

/* Load contest id into c: 0, or -1 with err set: ERR_INPUT for an unknown
 * id ("unknown contest 'x'; did you mean 'y'?"), ERR_INTERNAL when the
 * database failed. */
int contest_load(struct db *db, const char *id, struct db_contest *c);

/* Where one submission of a user to a contest goes. */
struct contest_entry {
	struct db_contest *c;      /* borrowed from the caller's contest_load */
	struct contest_rules rules;
	size_t index;              /* the problem's letter index */
	char letter[2];
	const char *problem;       /* the problem id (borrowed from c) */
	time_t started;            /* the user's window opened then */
};

/* The window rule, for a submission by user at time now to problem `which`
 * (a letter "A"/"a", or a problem id of the contest) of the loaded contest
 * c: the problem is one of c's, user has started, and now is inside user's
 * window. 0 with e filled, or -1 with err set: ERR_INPUT saying which rule
 * failed and what to do ("contest 'x' closed for 'ana' at ..."),
 * ERR_INTERNAL when the database failed. */
int contest_entry_check(struct db *db, struct db_contest *c, const char *which,
			const char *user, time_t now, struct contest_entry *e);

/* What a board is built from, read from the database (release it with
 * contest_board_input_release). */
struct contest_board_input {
	struct db_participant *parts;
	size_t nparts;
	struct db_contest_attempt *atts;   /* every attempt, in time order */
	size_t natts;
	struct contest_participant *p;
	struct contest_attempt *a;
	size_t na;
};

/* Read the participants and attempts of contest c and build the board seen
 * by viewer at now into b (in holds what b borrows). 0, or -1 with err set
 * (the database failed). */
int contest_board_load(struct db *db, const struct db_contest *c, const char *viewer,
		       time_t now, struct contest_board_input *in, struct contest_board *b);
void contest_board_input_release(struct contest_board_input *in);

#endif
