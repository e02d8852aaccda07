/* test_contest.c: unit tests for judge/domain/contest.c: ICPC penalty arithmetic,
 * ties, the freeze rule, windows, durations, and the three board formats. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "judge/domain/contest.h"
#include "lib/buf.h"
#include "lib/err.h"
#include "lib/verdict.h"

int unit_contest(void);

#define T0 1796119200   /* 2026-12-01T10:00:00Z */
#define MIN(m) ((time_t)(m) * 60)

/* 5 hours, 60-minute freeze, 20 minutes per rejected attempt, 3 problems */
static const struct contest_rules icpc = { 300, 60, 20, 3 };

static const struct contest_row *row_of(const struct contest_board *b, const char *user)
{
	size_t i;

	for (i = 0; i < b->nrows; i++)
		if (!strcmp(b->rows[i].user, user))
			return &b->rows[i];
	fail_msg("no row for '%s'", user);
	return NULL;
}

static void penalty_arithmetic(void **state)
{
	struct contest_participant p[] = { { "ana", T0 } };
	struct contest_attempt a[] = {
		{ "ana", 0, T0 + MIN(3), V_WA },
		{ "ana", 0, T0 + MIN(10), V_CE },      /* not counted */
		{ "ana", 0, T0 + MIN(20), V_TLE },
		{ "ana", 0, T0 + MIN(41) + 59, V_AC }, /* minute 41: floor */
		{ "ana", 0, T0 + MIN(50), V_WA },      /* after the AC: ignored */
		{ "ana", 0, T0 + MIN(55), V_AC },
		{ "ana", 1, T0 + MIN(7), V_IE },       /* the judge's fault: not counted */
		{ "ana", 1, T0 + MIN(8), V_AC },
		{ "ana", 2, T0 + MIN(9), V_RE },
		{ "ana", 2, T0 + MIN(12), V_CE },
	};
	struct contest_board b;
	const struct contest_row *r;

	(void)state;
	contest_board_build(&icpc, p, 1, a, sizeof(a) / sizeof(a[0]), "ana", T0 + MIN(100), &b);
	assert_int_equal(b.nrows, 1);
	r = &b.rows[0];
	assert_int_equal(r->rank, 1);
	assert_int_equal(r->solved, 2);
	/* A: 41 + 2 * 20; B: 8 + 0 */
	assert_int_equal(r->penalty, 41 + 40 + 8);
	assert_true(r->cells[0].solved);
	assert_int_equal(r->cells[0].minute, 41);
	assert_int_equal(r->cells[0].wrong, 2);
	assert_int_equal(r->cells[0].attempts, 3);
	assert_int_equal(r->cells[1].attempts, 1);
	assert_int_equal(r->cells[1].wrong, 0);
	assert_false(r->cells[2].solved);
	assert_int_equal(r->cells[2].wrong, 1);
	assert_int_equal(r->cells[2].attempts, 1);
	assert_int_equal(r->cells[2].minute, -1);
	assert_false(b.frozen);
	contest_board_release(&b);
	assert_null(b.rows);
}

static void penalty_minutes_setting(void **state)
{
	struct contest_rules r = { 120, 0, 7, 1 };
	struct contest_participant p[] = { { "bo", T0 } };
	struct contest_attempt a[] = {
		{ "bo", 0, T0 + 30, V_WA }, { "bo", 0, T0 + 40, V_WA },
		{ "bo", 0, T0 + 50, V_MLE }, { "bo", 0, T0 + 60, V_AC },
	};
	struct contest_board b;

	(void)state;
	contest_board_build(&r, p, 1, a, 4, NULL, T0 + MIN(200), &b);
	assert_int_equal(b.rows[0].penalty, 1 + 3 * 7);
	contest_board_release(&b);
}

static void ties_share_rank(void **state)
{
	struct contest_participant p[] = {
		{ "dan", T0 }, { "cy", T0 + MIN(5) }, { "bo", T0 }, { "ana", T0 + 7 },
		{ "eve", T0 },
	};
	struct contest_attempt a[] = {
		/* ana and bo: 1 solved, penalty 30 by different routes */
		{ "ana", 0, T0 + 7 + MIN(10), V_WA },
		{ "ana", 0, T0 + 7 + MIN(10) + 30, V_AC },  /* 10 + 20 */
		{ "bo", 1, T0 + MIN(30), V_AC },
		/* cy: 2 solved with a big penalty still ranks first */
		{ "cy", 0, T0 + MIN(5) + MIN(200), V_AC },
		{ "cy", 1, T0 + MIN(5) + MIN(250), V_AC },
		/* dan: 1 solved, penalty 31 */
		{ "dan", 2, T0 + MIN(31), V_AC },
		/* eve: nothing solved */
		{ "eve", 2, T0 + MIN(1), V_WA },
	};
	struct contest_board b;

	(void)state;
	contest_board_build(&icpc, p, 5, a, sizeof(a) / sizeof(a[0]), NULL, T0 + MIN(400), &b);
	assert_int_equal(b.nrows, 5);
	assert_string_equal(b.rows[0].user, "cy");
	assert_int_equal(b.rows[0].rank, 1);
	assert_int_equal(b.rows[0].penalty, 450);
	assert_string_equal(b.rows[1].user, "ana");  /* equal rows by name */
	assert_string_equal(b.rows[2].user, "bo");
	assert_int_equal(b.rows[1].rank, 2);
	assert_int_equal(b.rows[2].rank, 2);
	assert_int_equal(b.rows[1].penalty, 30);
	assert_int_equal(b.rows[2].penalty, 30);
	assert_string_equal(b.rows[3].user, "dan");
	assert_int_equal(b.rows[3].rank, 4);
	assert_string_equal(b.rows[4].user, "eve");
	assert_int_equal(b.rows[4].rank, 5);
	assert_int_equal(b.rows[4].solved, 0);
	contest_board_release(&b);
}

static void zero_rows_tie(void **state)
{
	struct contest_participant p[] = { { "x", T0 }, { "y", T0 }, { "z", T0 } };
	struct contest_attempt a[] = { { "z", 0, T0 + 1, V_AC } };
	struct contest_board b;

	(void)state;
	contest_board_build(&icpc, p, 3, a, 1, NULL, T0 + MIN(1), &b);
	assert_int_equal(b.rows[0].rank, 1);
	assert_string_equal(b.rows[0].user, "z");
	assert_int_equal(b.rows[1].rank, 2);
	assert_int_equal(b.rows[2].rank, 2);
	contest_board_release(&b);
}

static void window_and_time_filters(void **state)
{
	struct contest_rules r = { 60, 0, 20, 2 };
	struct contest_participant p[] = { { "ana", T0 }, { "late", T0 + MIN(500) } };
	struct contest_attempt a[] = {
		{ "ana", 0, T0 - 1, V_AC },            /* before her start */
		{ "ana", 0, T0 + MIN(60), V_AC },      /* at her end: outside */
		{ "ana", 1, T0 + MIN(59) + 59, V_AC }, /* last second: inside */
		{ "ghost", 0, T0 + 5, V_AC },          /* not a participant */
		{ "ana", 7, T0 + 5, V_AC },            /* no such problem */
		{ "ana", 0, T0 + MIN(30), V_WA },      /* later than the viewing time */
	};
	struct contest_board b;

	(void)state;
	assert_int_equal(contest_end(&r, T0), T0 + MIN(60));
	contest_board_build(&r, p, 2, a, sizeof(a) / sizeof(a[0]), "ana", T0 + MIN(20), &b);
	/* "late" has not started at the viewing time */
	assert_int_equal(b.nrows, 1);
	assert_int_equal(b.rows[0].solved, 0);
	assert_int_equal(b.rows[0].cells[0].attempts, 0);
	contest_board_release(&b);

	contest_board_build(&r, p, 2, a, sizeof(a) / sizeof(a[0]), "ana", T0 + MIN(600), &b);
	assert_int_equal(b.nrows, 2);
	assert_int_equal(row_of(&b, "ana")->solved, 1);
	assert_true(row_of(&b, "ana")->cells[1].solved);
	assert_int_equal(row_of(&b, "ana")->cells[1].minute, 59);
	assert_int_equal(row_of(&b, "ana")->cells[0].wrong, 1);
	assert_false(row_of(&b, "ana")->cells[0].solved);
	contest_board_release(&b);
}

static void phases(void **state)
{
	(void)state;
	assert_int_equal(contest_phase(&icpc, T0, T0 - 1), CONTEST_BEFORE);
	assert_int_equal(contest_phase(&icpc, T0, T0), CONTEST_RUNNING);
	assert_int_equal(contest_phase(&icpc, T0, T0 + MIN(240) - 1), CONTEST_RUNNING);
	assert_int_equal(contest_phase(&icpc, T0, T0 + MIN(240)), CONTEST_FROZEN);
	assert_int_equal(contest_phase(&icpc, T0, T0 + MIN(300) - 1), CONTEST_FROZEN);
	assert_int_equal(contest_phase(&icpc, T0, T0 + MIN(300)), CONTEST_OVER);
	assert_int_equal(contest_freeze_start(&icpc, T0), T0 + MIN(240));
	assert_int_equal(contest_minute(T0, T0 + 59), 0);
	assert_int_equal(contest_minute(T0, T0 + 60), 1);
	assert_int_equal(contest_minute(T0, T0 + 119), 1);
	assert_int_equal(contest_minute(T0, T0 - 1), -1);
	{
		struct contest_rules nf = { 60, 0, 20, 1 };

		assert_int_equal(contest_phase(&nf, T0, T0 + MIN(59)), CONTEST_RUNNING);
		assert_int_equal(contest_freeze_start(&nf, T0), T0 + MIN(60));
	}
}

/* ana starts at T0, bo 30 minutes later; both have a 60-minute freeze. */
static void freeze_hides_from_others(void **state)
{
	struct contest_participant p[] = { { "ana", T0 }, { "bo", T0 + MIN(30) } };
	struct contest_attempt a[] = {
		{ "ana", 0, T0 + MIN(100), V_AC },     /* before her freeze */
		{ "ana", 1, T0 + MIN(240), V_WA },     /* first second of her freeze */
		{ "ana", 1, T0 + MIN(250), V_AC },
		{ "bo", 0, T0 + MIN(30) + MIN(239), V_WA },  /* before his freeze */
		{ "bo", 2, T0 + MIN(30) + MIN(245), V_AC },  /* in his freeze */
	};
	size_t na = sizeof(a) / sizeof(a[0]);
	struct contest_board b;
	const struct contest_row *r;

	(void)state;
	/* at T0+280: ana and bo are both frozen */
	contest_board_build(&icpc, p, 2, a, na, "bo", T0 + MIN(280), &b);
	assert_true(b.frozen);
	r = row_of(&b, "ana");
	assert_true(r->cells[0].solved);
	assert_false(r->cells[1].solved);
	assert_int_equal(r->cells[1].pending, 2);
	assert_int_equal(r->cells[1].attempts, 2);
	assert_int_equal(r->cells[1].wrong, 0);
	assert_int_equal(r->solved, 1);
	assert_int_equal(r->penalty, 100);
	/* bo sees his own attempts */
	r = row_of(&b, "bo");
	assert_true(r->cells[2].solved);
	assert_int_equal(r->cells[2].pending, 0);
	assert_int_equal(r->cells[0].wrong, 1);
	assert_int_equal(r->cells[0].pending, 0);
	contest_board_release(&b);

	/* ana sees her own, and bo's frozen AC as pending */
	contest_board_build(&icpc, p, 2, a, na, "ana", T0 + MIN(280), &b);
	assert_true(b.frozen);
	assert_int_equal(row_of(&b, "ana")->solved, 2);
	assert_int_equal(row_of(&b, "ana")->penalty, 100 + 250 + 20);
	assert_int_equal(row_of(&b, "bo")->cells[2].pending, 1);
	assert_false(row_of(&b, "bo")->cells[2].solved);
	assert_int_equal(row_of(&b, "bo")->solved, 0);
	contest_board_release(&b);

	/* ana's window has ended, bo's has not: hers revealed, his still hidden */
	contest_board_build(&icpc, p, 2, a, na, NULL, T0 + MIN(300), &b);
	assert_true(b.frozen);
	assert_int_equal(row_of(&b, "ana")->solved, 2);
	assert_int_equal(row_of(&b, "ana")->cells[1].pending, 0);
	assert_int_equal(row_of(&b, "ana")->cells[1].attempts, 2);
	assert_int_equal(row_of(&b, "bo")->cells[2].pending, 1);
	contest_board_release(&b);

	/* both over: everything revealed, not frozen */
	contest_board_build(&icpc, p, 2, a, na, NULL, T0 + MIN(330), &b);
	assert_false(b.frozen);
	assert_int_equal(row_of(&b, "bo")->solved, 1);
	assert_int_equal(row_of(&b, "bo")->penalty, 245);
	assert_int_equal(row_of(&b, "bo")->cells[2].pending, 0);
	assert_string_equal(b.rows[0].user, "ana");
	contest_board_release(&b);
}

static void frozen_flag_ignores_viewer(void **state)
{
	struct contest_participant p[] = { { "ana", T0 } };
	struct contest_board b;

	(void)state;
	/* only ana is in her freeze: she sees everything, others do not */
	contest_board_build(&icpc, p, 1, NULL, 0, "ana", T0 + MIN(250), &b);
	assert_false(b.frozen);
	contest_board_release(&b);
	contest_board_build(&icpc, p, 1, NULL, 0, "bo", T0 + MIN(250), &b);
	assert_true(b.frozen);
	contest_board_release(&b);
	contest_board_build(&icpc, p, 1, NULL, 0, "bo", T0 + MIN(239), &b);
	assert_false(b.frozen);
	contest_board_release(&b);
}

static void running_is_pending_for_everyone(void **state)
{
	struct contest_participant p[] = { { "ana", T0 } };
	struct contest_attempt a[] = {
		{ "ana", 0, T0 + MIN(5), -1 },
		{ "ana", 0, T0 + MIN(6), V_AC },  /* after a pending one: pending too */
		{ "ana", 1, T0 + MIN(5), V_WA },
	};
	struct contest_board b;
	char cell[32];

	(void)state;
	contest_board_build(&icpc, p, 1, a, 3, "ana", T0 + MIN(10), &b);
	assert_int_equal(b.rows[0].cells[0].pending, 2);
	assert_false(b.rows[0].cells[0].solved);
	assert_int_equal(b.rows[0].solved, 0);
	contest_cell_text(&b.rows[0].cells[0], cell);
	assert_string_equal(cell, "?2");
	contest_cell_text(&b.rows[0].cells[1], cell);
	assert_string_equal(cell, "-1");
	contest_cell_text(&b.rows[0].cells[2], cell);
	assert_string_equal(cell, ".");
	contest_board_release(&b);
}

static void equal_times_keep_order(void **state)
{
	struct contest_participant p[] = { { "ana", T0 } };
	struct contest_attempt a[] = {
		{ "ana", 0, T0 + MIN(5), V_WA },
		{ "ana", 0, T0 + MIN(5), V_AC },
	};
	struct contest_board b;
	char cell[32];

	(void)state;
	contest_board_build(&icpc, p, 1, a, 2, NULL, T0 + MIN(400), &b);
	assert_int_equal(b.rows[0].penalty, 25);
	contest_cell_text(&b.rows[0].cells[0], cell);
	assert_string_equal(cell, "+1/5");
	assert_true(b.rows[0].cells[0].first);
	contest_board_release(&b);
}

static void durations(void **state)
{
	int m = -1;

	(void)state;
	assert_int_equal(contest_parse_duration("2h", &m), 0);
	assert_int_equal(m, 120);
	assert_int_equal(contest_parse_duration("90m", &m), 0);
	assert_int_equal(m, 90);
	assert_int_equal(contest_parse_duration("1h30m", &m), 0);
	assert_int_equal(m, 90);
	assert_int_equal(contest_parse_duration("0m", &m), 0);
	assert_int_equal(m, 0);
	m = 7;
	assert_int_equal(contest_parse_duration("2x", &m), -1);
	assert_non_null(strstr(err_msg(), "'2x'"));
	assert_non_null(strstr(err_msg(), "1h30m"));
	assert_int_equal(m, 7);
	assert_int_equal(contest_parse_duration("", &m), -1);
	assert_int_equal(contest_parse_duration("h", &m), -1);
	assert_int_equal(contest_parse_duration("90", &m), -1);
	assert_int_equal(contest_parse_duration("1m30h", &m), -1);
	assert_int_equal(contest_parse_duration("2h2h", &m), -1);
	assert_int_equal(contest_parse_duration("-1m", &m), -1);
	assert_int_equal(contest_parse_duration("1.5h", &m), -1);
	assert_int_equal(contest_parse_duration(" 2h", &m), -1);
	assert_int_equal(contest_parse_duration("2h ", &m), -1);
	assert_int_equal(contest_parse_duration("99999999999999999999m", &m), -1);
	assert_int_equal(contest_parse_duration("9000h", &m), -1);
	assert_int_equal(m, 7);
}

static void formats(void **state)
{
	char s[32], l[2];

	(void)state;
	contest_format_duration(120, s);
	assert_string_equal(s, "2h");
	contest_format_duration(90, s);
	assert_string_equal(s, "1h30m");
	contest_format_duration(45, s);
	assert_string_equal(s, "45m");
	contest_format_duration(0, s);
	assert_string_equal(s, "0m");
	contest_letter(0, l);
	assert_string_equal(l, "A");
	contest_letter(25, l);
	assert_string_equal(l, "Z");
	assert_int_equal(contest_letter_index("A", 3), 0);
	assert_int_equal(contest_letter_index("c", 3), 2);
	assert_int_equal(contest_letter_index("D", 3), -1);
	assert_int_equal(contest_letter_index("AB", 3), -1);
	assert_int_equal(contest_letter_index("", 3), -1);
	assert_int_equal(contest_letter_index("1", 3), -1);
}

static void users(void **state)
{
	(void)state;
	assert_int_equal(contest_check_user("ana"), 0);
	assert_int_equal(contest_check_user("Ana María <x>"), 0);
	assert_int_equal(contest_check_user(""), -1);
	assert_int_equal(contest_check_user("a\nb"), -1);
	assert_int_equal(contest_check_user("a\033[31m"), -1);
	assert_int_equal(contest_check_user("\xff\xfe"), -1);
	assert_int_equal(contest_check_user(
		"0123456789012345678901234567890123456789012345678901234567890123456789"), -1);
}

static struct contest_board sample_board(time_t now, const char *viewer)
{
	static struct contest_participant p[] = {
		{ "ana", T0 }, { "<b>bo</b>&\"'", T0 },
	};
	static struct contest_attempt a[] = {
		{ "ana", 0, T0 + MIN(12), V_WA },
		{ "ana", 0, T0 + MIN(41), V_AC },
		{ "ana", 1, T0 + MIN(46), V_AC },
		{ "<b>bo</b>&\"'", 2, T0 + MIN(3), V_WA },
		{ "<b>bo</b>&\"'", 2, T0 + MIN(4), V_WA },
		{ "<b>bo</b>&\"'", 1, T0 + MIN(250), V_AC },
	};
	struct contest_board b;

	contest_board_build(&icpc, p, 2, a, 6, viewer, now, &b);
	return b;
}

static void json_shape(void **state)
{
	struct contest_board b = sample_board(T0 + MIN(260), "ana");
	json_t *j = contest_board_json(&b, "spring");
	char *s = json_dumps(j, JSON_COMPACT | JSON_PRESERVE_ORDER);

	(void)state;
	assert_string_equal(s,
		"{\"contest\":\"spring\",\"frozen\":true,\"rows\":["
		"{\"rank\":1,\"user\":\"ana\",\"solved\":2,\"penalty\":107,\"problems\":["
		"{\"letter\":\"A\",\"attempts\":2,\"minute\":41,\"solved\":true,\"pending\":false},"
		"{\"letter\":\"B\",\"attempts\":1,\"minute\":46,\"solved\":true,\"pending\":false},"
		"{\"letter\":\"C\",\"attempts\":0,\"minute\":null,\"solved\":false,\"pending\":false}]},"
		"{\"rank\":2,\"user\":\"<b>bo</b>&\\\"'\",\"solved\":0,\"penalty\":0,\"problems\":["
		"{\"letter\":\"A\",\"attempts\":0,\"minute\":null,\"solved\":false,\"pending\":false},"
		"{\"letter\":\"B\",\"attempts\":1,\"minute\":null,\"solved\":false,\"pending\":true},"
		"{\"letter\":\"C\",\"attempts\":2,\"minute\":null,\"solved\":false,\"pending\":false}]}]}");
	free(s);
	json_decref(j);
	contest_board_release(&b);
}

static void text_aligned(void **state)
{
	struct contest_board b = sample_board(T0 + MIN(400), NULL);
	struct buf out = BUF_INIT;

	(void)state;
	contest_board_text(&b, 0, &out);
	assert_string_equal(buf_str(&out),
		"rank  user          solved  penalty  A      B      C\n"
		"   1  ana                2      107  +1/41  +/46   .\n"
		"   2  <b>bo</b>&\"'       1      250  .      +/250  -2\n");
	buf_release(&out);
	contest_board_release(&b);
}

static void html_escapes_and_is_self_contained(void **state)
{
	struct contest_board b = sample_board(T0 + MIN(260), "ana");
	char *probs[] = { "a-plus-b", "max<gap>", NULL };
	struct buf out = BUF_INIT;
	const char *h;

	(void)state;
	contest_board_html(&b, "spring", "Spring <Cup>", probs, T0 + MIN(260), &out);
	h = buf_str(&out);
	assert_non_null(strstr(h, "<!DOCTYPE html>"));
	assert_non_null(strstr(h, "&lt;b&gt;bo&lt;/b&gt;&amp;&quot;&#39;"));
	assert_null(strstr(h, "<b>bo"));
	assert_non_null(strstr(h, "Spring &lt;Cup&gt;"));
	assert_non_null(strstr(h, "max&lt;gap&gt;"));
	assert_null(strstr(h, "<script"));
	assert_null(strstr(h, "http://"));
	assert_null(strstr(h, "https://"));
	assert_null(strstr(h, "<link"));
	assert_non_null(strstr(h, "class=\"cell pend\""));
	assert_non_null(strstr(h, "class=\"cell ok first\">2<span>41 min"));
	assert_non_null(strstr(h, "class=\"cell no\">2<span>tries"));
	assert_non_null(strstr(h, "frozen"));
	buf_release(&out);
	contest_board_release(&b);
}

int unit_contest(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(penalty_arithmetic),
		cmocka_unit_test(penalty_minutes_setting),
		cmocka_unit_test(ties_share_rank),
		cmocka_unit_test(zero_rows_tie),
		cmocka_unit_test(window_and_time_filters),
		cmocka_unit_test(phases),
		cmocka_unit_test(freeze_hides_from_others),
		cmocka_unit_test(frozen_flag_ignores_viewer),
		cmocka_unit_test(running_is_pending_for_everyone),
		cmocka_unit_test(equal_times_keep_order),
		cmocka_unit_test(durations),
		cmocka_unit_test(formats),
		cmocka_unit_test(users),
		cmocka_unit_test(json_shape),
		cmocka_unit_test(text_aligned),
		cmocka_unit_test(html_escapes_and_is_self_contained),
	};

	return cmocka_run_group_tests_name("contest", tests, NULL, NULL);
}
