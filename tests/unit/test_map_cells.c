#include "config.h"
/* map_cells: the map's read model. map_extent and the stepped extent
 * (map_extent_begin) give the same box and count; map_cells (one GROUP
 * BY) and the stepped count (map_count_begin, one row an event, as the
 * TUI's map view counts between keys) give the same cells, in steps of
 * any size; rows whose coordinates are not numbers on the globe are left
 * out; the filter's WHERE narrows both. Synthetic events. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "sitrep/db.h"
#include "sitrep/map_cells.h"
#include "testdb.h"

static char path[512];
static sqlite3 *db;
static struct sqlfrag all, battles;

/* Five events with coordinates (two in one place), one with text for a
 * latitude, one off the globe, one with none. */
static int setup(void **state)
{
	(void)state;
	db = testdb_open(path, sizeof(path), "map-cells",
			 "INSERT INTO event (id, kind, date_start, date_end, date_precision, title,"
			 " event_type, lat, lon, origin, origin_id) VALUES"
			 " (1, 'incident', '2022-01-05', '2022-01-05', 'day', 'e1', 'Battles',"
			 "  12.65, -8.0, 'test', '1'),"
			 " (2, 'incident', '2022-01-06', '2022-01-06', 'day', 'e2', 'Battles',"
			 "  12.65, -8.0, 'test', '2'),"
			 " (3, 'incident', '2022-01-07', '2022-01-07', 'day', 'e3', 'Protests',"
			 "  16.27, -0.04, 'test', '3'),"
			 " (4, 'incident', '2022-01-08', '2022-01-08', 'day', 'e4', 'Battles',"
			 "  14.49, -4.19, 'test', '4'),"
			 " (5, 'incident', '2022-01-09', '2022-01-09', 'day', 'e5', 'Battles',"
			 "  18.44, 1.40, 'test', '5'),"
			 " (6, 'incident', '2022-01-10', '2022-01-10', 'day', 'e6', 'Battles',"
			 "  'north', 1.0, 'test', '6'),"
			 " (7, 'incident', '2022-01-11', '2022-01-11', 'day', 'e7', 'Battles',"
			 "  95.0, 1.0, 'test', '7'),"
			 " (8, 'incident', '2022-01-12', '2022-01-12', 'day', 'e8', 'Battles',"
			 "  NULL, NULL, 'test', '8');");
	if (!db)
		return -1;
	sqlfrag_init(&all);
	sqlfrag_init(&battles);
	sqlfrag_sql(&battles, "e.event_type = ");
	sqlfrag_text(&battles, "Battles");
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	sqlfrag_free(&all);
	sqlfrag_free(&battles);
	testdb_close(db, path);
	return 0;
}

/* The stepped extent, a step at a time of budget ms. */
static void stepped_extent(const struct query *q, int budget, struct geo_extent *e, long long *n)
{
	struct map_count mc;
	char *err = NULL;
	int rc;

	assert_int_equal(map_extent_begin(q, &mc, &err), 0);
	while ((rc = map_count_step(&mc, budget, &err)) > 0)
		;
	assert_int_equal(rc, 0);
	*e = mc.ext;
	*n = mc.points;
	map_count_free(&mc);
}

static void test_extent(void **state)
{
	struct query q = {.db = db, .where = &all};
	struct geo_extent e, s;
	long long n, sn;
	char *err = NULL;
	(void)state;

	assert_int_equal(map_extent(&q, &e, &n, &err), 0);
	assert_int_equal(n, 5); /* text, off the globe and none left out */
	assert_true(e.lat_min == 12.65 && e.lat_max == 18.44);
	assert_true(e.lon_min == -8.0 && e.lon_max == 1.40);
	stepped_extent(&q, 0, &s, &sn);
	assert_int_equal(sn, n);
	assert_memory_equal(&s, &e, sizeof e);
	q.where = &battles;
	assert_int_equal(map_extent(&q, &e, &n, &err), 0);
	assert_int_equal(n, 4);
	stepped_extent(&q, 1000, &s, &sn);
	assert_int_equal(sn, 4);
	assert_memory_equal(&s, &e, sizeof e);
}

static void test_cells_agree(void **state)
{
	const struct sqlfrag *wheres[] = {&all, &battles};
	(void)state;

	for (int w = 0; w < 2; w++) {
		struct query q = {.db = db, .where = wheres[w]};
		struct geo_extent e;
		struct projection p;
		long long n, drawn, grouped[20 * 10];
		char *err = NULL;

		assert_int_equal(map_extent(&q, &e, &n, &err), 0);
		assert_int_equal(projection_fit(&p, &e, 20, 10), 0);
		assert_int_equal(map_cells(&q, &p, grouped, &drawn, &err), 0);
		assert_int_equal(drawn, n);
		struct map_count mc;
		assert_int_equal(map_count_begin(&q, &p, &mc, &err), 0);
		int rc;
		while ((rc = map_count_step(&mc, 0, &err)) > 0)
			;
		assert_int_equal(rc, 0);
		assert_true(mc.done);
		assert_int_equal(mc.drawn, drawn);
		assert_memory_equal(mc.counts, grouped, sizeof grouped);
		/* Bamako's two events share a cell */
		double col, row;
		assert_true(projection_to_cell(&p, 12.65, -8.0, &col, &row));
		assert_int_equal(mc.counts[(int)row * 20 + (int)col], 2);
		map_count_free(&mc);
		/* zoomed in on Bamako: only its cell's events are counted */
		p.lat0 = 12.65;
		p.lon0 = -8.0;
		projection_zoom(&p, 8);
		assert_int_equal(map_count_begin(&q, &p, &mc, &err), 0);
		assert_int_equal(map_count_step(&mc, 1000, &err), 0);
		assert_int_equal(mc.drawn, 2);
		map_count_free(&mc);
	}
}

/* The events at a place: those within about 5 km of its point that the
 * filter keeps; only the places named by order are counted. */
static void test_place_events(void **state)
{
	(void)state;
	struct place pl[] = {{.name = "Bamako", .lat = 12.66, .lon = -8.01},
			     {.name = "Gao", .lat = 16.27, .lon = -0.04},
			     {.name = "Kidal", .lat = 18.44, .lon = 1.40}};
	int order[] = {0, 1};
	long long at[3] = {9, 9, 9};
	struct query q = {.db = db, .where = &all};
	char *err = NULL;

	assert_int_equal(map_place_events(&q, pl, 3, order, 2, INT_MAX, at, &err), 0);
	assert_int_equal(at[0], 2);
	assert_int_equal(at[1], 1);
	assert_int_equal(at[2], 0); /* not in the order's first two */
	q.where = &battles;
	assert_int_equal(map_place_events(&q, pl, 3, order, 2, INT_MAX, at, &err), 0);
	assert_int_equal(at[0], 2);
	assert_int_equal(at[1], 0); /* a protest */
	/* no time left: none counted, all rank by their cells */
	assert_int_equal(map_place_events(&q, pl, 3, order, 2, 0, at, &err), 0);
	assert_int_equal(at[0], 0);
}

/* Rows in memory (a layer's) counted per cell: those without coordinates
 * or out of view are not. */
static void test_rows_cells(void **state)
{
	(void)state;
	struct event_row rows[] = {{.has_coords = true, .lat = 12.65, .lon = -8.0},
				   {.has_coords = true, .lat = 12.65, .lon = -8.0},
				   {.has_coords = false},
				   {.has_coords = true, .lat = 60, .lon = 30}};
	struct row_set rs = {rows, 4};
	struct projection p;
	struct geo_extent e = {12, 13, -9, -7};
	long long counts[10 * 5];
	assert_int_equal(projection_fit(&p, &e, 10, 5), 0);
	counts[0] = 7;
	assert_int_equal(map_rows_cells(&rs, &p, counts), 2);
	double col, row;
	projection_to_cell(&p, 12.65, -8.0, &col, &row);
	long long sum = 0;
	for (int i = 0; i < 50; i++)
		sum += counts[i];
	assert_int_equal(sum, 2);
	assert_int_equal(counts[(int)row * 10 + (int)col], 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_extent),
	    cmocka_unit_test(test_cells_agree),
	    cmocka_unit_test(test_place_events),
	    cmocka_unit_test(test_rows_cells),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
