#include "config.h"
/* before_after: a small synthetic database with known answers. Context
 * event id 100 on 2021-01-11, windows of 10 days: before is 2021-01-01 ..
 * 2021-01-10, after 2021-01-11 .. 2021-01-20 (its own day is after). */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/before_after.h"
#include "sitrep/db.h"
#include "testdb.h"

static char path[512];
static sqlite3 *db;

/* id, kind, date, type, region, lat, fatalities */
static const char *const events =
    "INSERT INTO event (id, kind, date_start, date_end, date_precision, title, event_type,"
    " admin1, lat, lon, fatalities, origin, origin_id) VALUES"
    " (1, 'incident', '2020-12-31', '2020-12-31', 'day', 't', 'Battles', 'Gao', 1, 0, 50,"
    "  'test', 1)," /* a day before the window: left out */
    " (2, 'incident', '2021-01-01', '2021-01-01', 'day', 't', 'Battles', 'Gao', 1, 0, 2,"
    "  'test', 2),"
    " (3, 'incident', '2021-01-10', '2021-01-10', 'day', 't', 'Riots', 'Mopti', 3, 0, 3,"
    "  'test', 3),"
    " (4, 'incident', '2021-01-11', '2021-01-11', 'day', 't', 'Battles', 'Gao', 2, 0, 1,"
    "  'test', 4)," /* the event's own day: after */
    " (5, 'incident', '2021-01-15', '2021-01-15', 'day', 't', 'Battles', 'Kidal', 4, 0, NULL,"
    "  'test', 5),"
    " (6, 'incident', '2021-01-20', '2021-01-20', 'day', 't', 'Battles', NULL, 6, 0, 4,"
    "  'test', 6),"
    " (7, 'incident', '2021-01-21', '2021-01-21', 'day', 't', 'Battles', 'Gao', 1, 0, 70,"
    "  'test', 7)," /* a day after the window: left out */
    " (8, 'context', '2021-01-12', '2021-01-12', 'day', 't', 'Battles', 'Gao', 1, 0, 9,"
    "  'test', 8)," /* context: never counted */
    " (100, 'context', '2021-01-11', '2021-01-11', 'day', 'c', NULL, NULL, NULL, NULL, NULL,"
    "  'test', 100);"
    "INSERT INTO actor (id, name) VALUES (1, 'Old'), (2, 'Both'), (3, 'New'), (4, 'Newer');"
    "INSERT INTO event_actor (event_id, actor_id, role) VALUES"
    " (2, 1, 'actor1'), (3, 1, 'actor1'), (3, 2, 'actor2'), (4, 2, 'actor1'),"
    " (4, 3, 'actor2'), (5, 3, 'actor1'), (5, 3, 'assoc'), (6, 4, 'actor1'), (1, 3, 'actor1');";

static int setup(void **state)
{
	(void)state;
	db = testdb_open(path, sizeof(path), "ba", events);
	return db ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	testdb_close(db, path);
	return 0;
}

static void test_window_parse(void **state)
{
	int d = 0;
	(void)state;
	assert_int_equal(before_after_window_parse("90d", &d), 0);
	assert_int_equal(d, 90);
	assert_int_equal(before_after_window_parse("365d", &d), 0);
	assert_int_equal(d, 365);
	assert_int_equal(before_after_window_parse("90", &d), -1);
	assert_int_equal(before_after_window_parse("d", &d), -1);
	assert_int_equal(before_after_window_parse("0d", &d), -1);
	assert_int_equal(before_after_window_parse("-5d", &d), -1);
	assert_int_equal(before_after_window_parse("9x0d", &d), -1);
	assert_int_equal(before_after_window_parse("99999d", &d), -1);
}

static void test_anchor(void **state)
{
	char date[16], *err = NULL;
	bool ctx = false;
	(void)state;
	assert_int_equal(before_after_anchor(db, 100, date, &ctx, &err), 0);
	assert_string_equal(date, "2021-01-11");
	assert_true(ctx);
	assert_int_equal(before_after_anchor(db, 2, date, &ctx, &err), 0);
	assert_false(ctx);
	assert_int_equal(before_after_anchor(db, 999, date, &ctx, &err), 1);
}

static const struct ba_row *row(const struct ba_rows *r, const char *name)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->v[i].name, name) == 0)
			return &r->v[i];
	return NULL;
}

static void test_compute(void **state)
{
	struct sqlfrag all;
	struct before_after ba;
	char *err = NULL;
	(void)state;
	sqlfrag_init(&all);
	/* distances from (0, 0) along the meridian: 1 degree is ~111.2 km */
	assert_int_equal(
	    before_after_compute(db, &all, "2021-01-11", 10, 10, true, 0, 0, &ba, &err), 0);
	assert_string_equal(ba.before_from, "2021-01-01");
	assert_string_equal(ba.before_to, "2021-01-10");
	assert_string_equal(ba.after_from, "2021-01-11");
	assert_string_equal(ba.after_to, "2021-01-20");
	assert_int_equal(ba.events[0], 2);
	assert_int_equal(ba.events[1], 3);
	assert_int_equal(ba.fatalities[0], 5);
	assert_int_equal(ba.fatalities[1], 5);
	/* medians: before of 1 and 3 degrees is 2; after of 2, 4, 6 is 4 */
	assert_true(fabs(ba.median_km[0] - 2 * 111.195) < 0.1);
	assert_true(fabs(ba.median_km[1] - 4 * 111.195) < 0.1);
	/* types: Battles 1 -> 3, Riots 1 -> 0; Battles first (most) */
	assert_int_equal(ba.types.n, 2);
	assert_string_equal(ba.types.v[0].name, "Battles");
	assert_int_equal(ba.types.v[0].before, 1);
	assert_int_equal(ba.types.v[0].after, 3);
	assert_int_equal(row(&ba.types, "Riots")->after, 0);
	/* regions: Gao 1 -> 1, Mopti 1 -> 0, Kidal 0 -> 1, (none) 0 -> 1 */
	assert_int_equal(ba.regions.n, 4);
	assert_int_equal(row(&ba.regions, "Gao")->before, 1);
	assert_int_equal(row(&ba.regions, "Gao")->after, 1);
	assert_int_equal(row(&ba.regions, "Kidal")->after, 1);
	assert_int_equal(row(&ba.regions, "(none)")->after, 1);
	/* actors: Old disappears (2 events); New (2) and Newer (1) appear,
	 * New first; Both is in both windows. (New's event 1 is outside.) */
	assert_int_equal(ba.disappear.n, 1);
	assert_string_equal(ba.disappear.v[0].name, "Old");
	assert_int_equal(ba.disappear.v[0].before, 2);
	assert_int_equal(ba.appear.n, 2);
	assert_string_equal(ba.appear.v[0].name, "New");
	assert_int_equal(ba.appear.v[0].after, 2);
	assert_string_equal(ba.appear.v[1].name, "Newer");
	before_after_free(&ba);

	/* top 1, and a filter with its own bound value: only Gao */
	struct sqlfrag gao;
	sqlfrag_init(&gao);
	sqlfrag_sql(&gao, "e.admin1 = ");
	sqlfrag_text(&gao, "Gao");
	assert_int_equal(
	    before_after_compute(db, &gao, "2021-01-11", 10, 1, false, 0, 0, &ba, &err), 0);
	assert_int_equal(ba.events[0], 1);
	assert_int_equal(ba.events[1], 1);
	assert_int_equal(ba.fatalities[0], 2);
	assert_int_equal(ba.fatalities[1], 1);
	assert_true(isnan(ba.median_km[0]));
	assert_int_equal(ba.appear.n, 1); /* Both and New, 1 each: by name */
	assert_string_equal(ba.appear.v[0].name, "Both");
	before_after_free(&ba);
	sqlfrag_free(&gao);
	sqlfrag_free(&all);
}

/* In steps of a few days: the same figures as compute whatever the
 * budget (0 ms: the fewest days a step, one day at the least); the change
 * as the CLI and the view write it. */
static void test_steps(void **state)
{
	struct sqlfrag all;
	struct before_after ba;
	char *err = NULL;
	int rc, steps = 0;
	(void)state;
	sqlfrag_init(&all);
	assert_int_equal(before_after_begin("2021-01-11", 10, &ba, &err), 0);
	assert_int_equal(ba.events[1], 0);
	while ((rc = before_after_step(db, &all, 10, true, 0, 0, 0, &ba, &err)) > 0) {
		steps++;
		assert_false(ba.complete);
	}
	assert_int_equal(rc, 0);
	assert_true(ba.complete);
	assert_true(steps >= 2); /* 20 days, 1 at first: at least three steps */
	assert_int_equal(ba.days_done, 20);
	assert_int_equal(before_after_step(db, &all, 10, true, 0, 0, 0, &ba, &err), 0);
	assert_int_equal(ba.events[0], 2);
	assert_int_equal(ba.events[1], 3);
	assert_int_equal(ba.appear.n, 2);
	assert_true(fabs(ba.median_km[1] - 4 * 111.195) < 0.1);
	/* every figure, ranked, as the one-pass reading gives it */
	struct before_after one;
	assert_int_equal(
	    before_after_compute(db, &all, "2021-01-11", 10, 10, true, 0, 0, &one, &err), 0);
	for (int s = 0; s < 2; s++) {
		assert_int_equal(ba.events[s], one.events[s]);
		assert_int_equal(ba.fatalities[s], one.fatalities[s]);
		assert_int_equal(ba.located[s], one.located[s]);
		assert_true(fabs(ba.median_km[s] - one.median_km[s]) < 1e-9);
	}
	assert_int_equal(ba.bad_fatalities, one.bad_fatalities);
	const struct ba_rows *mine[] = {&ba.types, &ba.regions, &ba.appear, &ba.disappear};
	const struct ba_rows *theirs[] = {&one.types, &one.regions, &one.appear, &one.disappear};
	for (int k = 0; k < 4; k++) {
		assert_int_equal(mine[k]->n, theirs[k]->n);
		for (size_t i = 0; i < mine[k]->n; i++) {
			assert_string_equal(mine[k]->v[i].name, theirs[k]->v[i].name);
			assert_int_equal(mine[k]->v[i].before, theirs[k]->v[i].before);
			assert_int_equal(mine[k]->v[i].after, theirs[k]->v[i].after);
		}
	}
	before_after_free(&one);
	before_after_free(&ba);
	assert_int_equal(before_after_begin("2021-01", 10, &ba, &err), -1);
	free(err);
	sqlfrag_free(&all);

	char buf[64];
	before_after_change(buf, sizeof buf, 4, 5, 0);
	assert_string_equal(buf, "+1 (+25.0%)");
	before_after_change(buf, sizeof buf, 0, 3, 0);
	assert_string_equal(buf, "+3 (from 0)");
	before_after_change(buf, sizeof buf, NAN, 3, 1);
	assert_string_equal(buf, "-");
	before_after_number(buf, sizeof buf, 95.94, 1);
	assert_string_equal(buf, "95.9");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_window_parse),
	    cmocka_unit_test(test_anchor),
	    cmocka_unit_test(test_compute),
	    cmocka_unit_test(test_steps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
