#include "config.h"
/* distance: a small synthetic database with known answers. Points on the
 * meridian north of (0, 0), so that an event's distance is its latitude
 * times 111.195 km. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/db.h"
#include "sitrep/distance.h"
#include "testdb.h"

#define KM 111.195

static char path[512];
static sqlite3 *db;

/* synthetic: ids, dates and latitudes made up for the figures below */
static const char *const events =
    "INSERT INTO event (id, kind, date_start, date_end, date_precision, title, admin1, lat,"
    " lon, origin, origin_id) VALUES"
    " (1, 'incident', '2021-01-03', '2021-01-03', 'day', 't', 'Gao', 1, 0, 'test', 1),"
    " (2, 'incident', '2021-01-20', '2021-01-20', 'day', 't', 'Gao', 3, 0, 'test', 2),"
    " (3, 'incident', '2021-01', '2021-01-31', 'month', 't', 'Gao', 2, 0, 'test', 3),"
    " (4, 'incident', '2021-01-25', '2021-01-25', 'day', 't', 'Mopti', 10, 0, 'test', 4),"
    " (5, 'incident', '2021-03-02', '2021-03-02', 'day', 't', 'Gao', 5, 0, 'test', 5),"
    " (6, 'incident', '2021-03-09', '2021-03-09', 'day', 't', 'Gao', 7, 0, 'test', 6),"
    " (7, 'incident', '2021-03-10', '2021-03-10', 'day', 't', 'Gao', NULL, NULL, 'test', 7),"
    " (8, 'incident', '2021-03-11', '2021-03-11', 'day', 't', 'Gao', 'x', 0, 'test', 8),"
    " (9, 'context', '2021-02-14', '2021-02-14', 'day', 'Second', NULL, 4, 0, 'test', 9),"
    " (10, 'context', '2021-02-01', '2021-02-01', 'day', 'First', NULL, 4, 0, 'test', 10),"
    " (11, 'context', '2021-03-05', '2021-03-05', 'day', 'Third', NULL, NULL, NULL, 'test',"
    "  11),"
    " (12, 'incident', 'garbage', 'garbage', 'day', 't', 'Gao', 1, 0, 'test', 12);";

static int setup(void **state)
{
	(void)state;
	db = testdb_open(path, sizeof(path), "distance", events);
	return db ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	testdb_close(db, path);
	return 0;
}

static void test_percentiles(void **state)
{
	double v[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
	(void)state;
	assert_true(isnan(distance_median(v, 0)));
	assert_true(isnan(distance_percentile(v, 0, 10)));
	assert_true(distance_median(v, 1) == 1);
	assert_true(distance_median(v, 4) == 2.5);
	assert_true(distance_median(v, 5) == 3);
	/* nearest rank: ceil(n / 10)-th */
	assert_true(distance_percentile(v, 1, 10) == 1);
	assert_true(distance_percentile(v, 10, 10) == 1);
	assert_true(distance_percentile(v, 11, 10) == 2);
	assert_true(distance_percentile(v, 11, 100) == 11);
	double w[] = {3, 1, 2};
	distance_sort(w, 3);
	assert_true(w[0] == 1 && w[2] == 3);
}

static void test_months(void **state)
{
	struct sqlfrag all;
	struct distance_series d;
	char *err = NULL;
	(void)state;
	sqlfrag_init(&all);
	assert_int_equal(distance_compute(db, &all, ZOOM_MONTH, 0, 0, &d, &err), 0);
	assert_int_equal(d.zoom, ZOOM_MONTH);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.undated, 1); /* 'garbage' */
	/* January: 1, 2 (the month-precise event counts on its first day),
	 * 3, 10 degrees: median 2.5, p10 the nearest */
	assert_int_equal(d.v[0].located, 4);
	assert_true(fabs(d.v[0].median_km - 2.5 * KM) < 0.1);
	assert_true(fabs(d.v[0].p10_km - 1 * KM) < 0.1);
	assert_int_equal(d.v[0].context, 0);
	assert_null(d.v[0].context_title);
	/* February: context events only, the first by date named */
	assert_int_equal(d.v[1].bucket, d.v[0].bucket + 1);
	assert_int_equal(d.v[1].located, 0);
	assert_true(isnan(d.v[1].median_km));
	assert_int_equal(d.v[1].context, 2);
	assert_string_equal(d.v[1].context_title, "First");
	/* March: 5 and 7 degrees (no point, and 'x', left out); a context event */
	assert_int_equal(d.v[2].located, 2);
	assert_true(fabs(d.v[2].median_km - 6 * KM) < 0.1);
	assert_true(fabs(d.v[2].p10_km - 5 * KM) < 0.1);
	assert_int_equal(d.v[2].context, 1);
	distance_series_free(&d);

	/* a filter with a bound value: Mopti's one event; quarters */
	struct sqlfrag mopti;
	sqlfrag_init(&mopti);
	sqlfrag_sql(&mopti, "e.admin1 = ");
	sqlfrag_text(&mopti, "Mopti");
	assert_int_equal(distance_compute(db, &mopti, ZOOM_QUARTER, 0, 0, &d, &err), 0);
	assert_int_equal(d.n, 1); /* the context events share its quarter */
	assert_int_equal(d.v[0].located, 1);
	assert_true(fabs(d.v[0].median_km - 10 * KM) < 0.1);
	assert_int_equal(d.v[0].context, 3);
	distance_series_free(&d);
	sqlfrag_free(&mopti);

	/* March's incidents alone: February's context events are outside
	 * their span, March's is in */
	struct sqlfrag march;
	sqlfrag_init(&march);
	sqlfrag_sql(&march, "e.date_start >= '2021-03'");
	assert_int_equal(distance_compute(db, &march, ZOOM_MONTH, 0, 0, &d, &err), 0);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].located, 2);
	assert_int_equal(d.v[0].context, 1);
	assert_string_equal(d.v[0].context_title, "Third");
	distance_series_free(&d);
	sqlfrag_free(&march);
	sqlfrag_free(&all);
}

/* In steps of no time at all: a row each, the same series. */
static void test_steps(void **state)
{
	struct sqlfrag all;
	char *err = NULL;
	int rc, steps = 0;
	(void)state;
	sqlfrag_init(&all);
	struct distance_scan *s = distance_begin(db, &all, ZOOM_MONTH, 0, 0, &err);
	assert_non_null(s);
	while ((rc = distance_step(s, 0, &err)) > 0)
		steps++;
	assert_int_equal(rc, 0);
	assert_true(steps > 3);
	const struct distance_series *d = distance_series(s);
	assert_int_equal(d->n, 3);
	assert_int_equal(d->v[0].located, 4);
	distance_end(s);

	struct sqlfrag bad;
	sqlfrag_init(&bad);
	sqlfrag_sql(&bad, "no_such_column = 1");
	assert_null(distance_begin(db, &bad, ZOOM_MONTH, 0, 0, &err));
	assert_non_null(err);
	free(err);
	sqlfrag_free(&bad);
	sqlfrag_free(&all);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_percentiles),
	    cmocka_unit_test(test_months),
	    cmocka_unit_test(test_steps),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
