#include "config.h"
/* lanes: a small synthetic database with known answers: three actors,
 * "Busy" in four events, "Some" in two, "Rare" in one; a context event. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/lanes.h"
#include "testdb.h"

static char path[512];
static sqlite3 *db;

/* synthetic: ids, dates and names made up for the counts below */
static const char *const events =
    "INSERT INTO event (id, kind, date_start, date_end, date_precision, title, admin1,"
    " origin, origin_id) VALUES"
    " (1, 'incident', '2021-01-03', '2021-01-03', 'day', 't', 'Gao', 'test', 1),"
    " (2, 'incident', '2021-01-20', '2021-01-20', 'day', 't', 'Gao', 'test', 2),"
    " (3, 'incident', '2021-02-02', '2021-02-02', 'day', 't', 'Mopti', 'test', 3),"
    " (4, 'incident', '2021-03-30', '2021-03-30', 'day', 't', 'Gao', 'test', 4),"
    " (5, 'context', '2021-02-14', '2021-02-14', 'day', 'c', NULL, 'test', 5),"
    " (6, 'context', '2020-05-01', '2020-05-01', 'day', 'outside', NULL, 'test', 6);"
    "INSERT INTO actor (id, name) VALUES (1, 'Busy'), (2, 'Some'), (3, 'Rare');"
    "INSERT INTO event_actor (event_id, actor_id, role) VALUES"
    " (1, 1, 'actor1'), (1, 1, 'actor2'), (2, 1, 'actor1'), (3, 1, 'actor1'),"
    " (4, 1, 'actor1'), (2, 2, 'actor2'), (3, 2, 'actor2'), (4, 3, 'actor2');";

static int setup(void **state)
{
	(void)state;
	db = testdb_open(path, sizeof(path), "lanes", events);
	return db ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	testdb_close(db, path);
	return 0;
}

static long month(int y, int m)
{
	return bucket_of(ZOOM_MONTH, date_days(y, m, 1));
}

static void test_lanes(void **state)
{
	struct sqlfrag all;
	struct lanes l;
	char *err = NULL;
	int rc, steps = 0;
	(void)state;
	sqlfrag_init(&all);
	assert_int_equal(lanes_begin(db, &all, 2, &l, &err), 0);
	while ((rc = lanes_step(&l, 0, &err)) > 0)
		steps++;
	assert_int_equal(rc, 0);
	assert_true(lanes_done(&l));
	/* the top two, most events first; an actor twice in one event once */
	assert_int_equal(l.n, 2);
	assert_string_equal(l.v[0].name, "Busy");
	assert_int_equal(l.v[0].events, 4);
	assert_string_equal(l.v[1].name, "Some");
	assert_int_equal(lanes_count(&l, 0, ZOOM_MONTH, month(2021, 1)), 2);
	assert_int_equal(lanes_count(&l, 0, ZOOM_MONTH, month(2021, 2)), 1);
	assert_int_equal(lanes_count(&l, 0, ZOOM_QUARTER, bucket_of(ZOOM_QUARTER, l.first)), 4);
	assert_int_equal(lanes_count(&l, 1, ZOOM_MONTH, month(2021, 3)), 0);
	assert_int_equal(lanes_count(&l, 1, ZOOM_YEAR, bucket_of(ZOOM_YEAR, l.first)), 2);
	assert_int_equal(lanes_count(&l, 0, ZOOM_MONTH, month(2020, 5)), 0); /* outside */
	assert_int_equal(lanes_count(&l, 5, ZOOM_MONTH, month(2021, 1)), 0); /* no lane */
	/* the context event in the span, not the one before it */
	assert_true(lanes_context(&l, ZOOM_MONTH, month(2021, 2)));
	assert_false(lanes_context(&l, ZOOM_MONTH, month(2021, 1)));
	assert_false(lanes_context(&l, ZOOM_MONTH, month(2020, 5)));
	lanes_free(&l);

	/* a filter with a bound value: Gao's events; Rare comes in */
	struct sqlfrag gao;
	sqlfrag_init(&gao);
	sqlfrag_sql(&gao, "e.admin1 = ");
	sqlfrag_text(&gao, "Gao");
	assert_int_equal(lanes_begin(db, &gao, 10, &l, &err), 0);
	while ((rc = lanes_step(&l, 10, &err)) > 0)
		;
	assert_int_equal(rc, 0);
	assert_int_equal(l.n, 3);
	assert_int_equal(l.v[0].events, 3);
	assert_string_equal(l.v[1].name, "Rare"); /* 1 each: by name */
	assert_int_equal(lanes_count(&l, 0, ZOOM_MONTH, month(2021, 2)), 0);
	lanes_free(&l);
	sqlfrag_free(&gao);

	/* none: no lane, done */
	struct sqlfrag none;
	sqlfrag_init(&none);
	sqlfrag_sql(&none, "0");
	assert_int_equal(lanes_begin(db, &none, 10, &l, &err), 0);
	assert_int_equal(lanes_step(&l, 10, &err), 0);
	assert_int_equal(l.n, 0);
	lanes_free(&l);
	sqlfrag_free(&none);
	sqlfrag_free(&all);
	(void)steps;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_lanes),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
