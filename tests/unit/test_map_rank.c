#include "config.h"
/* map_rank: the places where the filter's events are come first (their
 * own cell, then the cells around), then cities before towns before
 * villages, then the most populous; villages without events in their
 * cell and places off the grid are left out. map_rank_label labels them
 * in that order, so Kati (a town of no known population beside Bamako)
 * gets its name on the map before a larger town with no events. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/map_rank.h"

static struct projection p;

/* A 10 x 5 grid over 0..10 E, 0..5 N. */
static int setup(void **state)
{
	(void)state;
	struct geo_extent e = {0, 5, 0, 10};
	return projection_fit(&p, &e, 10, 5);
}

static long long *counts_with(int col, int row, long long n, long long *counts)
{
	counts[row * p.cols + col] = n;
	return counts;
}

static void cell_of(const struct place *pl, int *col, int *row)
{
	double c, r;
	assert_true(projection_to_cell(&p, pl->lat, pl->lon, &c, &r));
	*col = (int)c;
	*row = (int)r;
}

static void test_order(void **state)
{
	(void)state;
	struct place pl[] = {
	    {.name = "Big", .kind = "city", .lat = 4.5, .lon = 8.5, .population = 100000},
	    {.name = "Town", .kind = "town", .lat = 4.5, .lon = 1.5, .population = 5000},
	    {.name = "Kati", .kind = "town", .lat = 2.5, .lon = 4.5, .population = -1},
	    {.name = "Next", .kind = "town", .lat = 2.5, .lon = 5.5, .population = 9000},
	    {.name = "Vill", .kind = "village", .lat = 0.5, .lon = 0.5, .population = -1},
	    {.name = "Far", .kind = "city", .lat = 40, .lon = 5, .population = 1},
	    {.name = "Hamlet", .kind = "village", .lat = 0.5, .lon = 9.5, .population = 1},
	};
	long long counts[50] = {0};
	int order[7], col, row;

	/* nothing counted: by class, then population; the village, the
	 * places off the grid left out */
	assert_int_equal(map_rank(pl, 7, &p, NULL, NULL, order), 4);
	assert_int_equal(order[0], 0);
	assert_int_equal(order[1], 3);
	assert_int_equal(order[2], 1);
	assert_int_equal(order[3], 2);
	/* events in Kati's cell: Kati first, its neighbour next (events
	 * around it), a village with events of its own comes in */
	cell_of(&pl[2], &col, &row);
	counts_with(col, row, 7, counts);
	cell_of(&pl[4], &col, &row);
	counts_with(col, row, 1, counts);
	assert_int_equal(map_rank(pl, 7, &p, counts, NULL, order), 5);
	assert_int_equal(order[0], 2);
	assert_int_equal(order[1], 4);
	assert_int_equal(order[2], 3);
	assert_int_equal(order[3], 0);
	assert_int_equal(order[4], 1);
	assert_int_equal(map_rank_class("city"), 0);
	assert_int_equal(map_rank_class("hamlet"), 3);
	assert_int_equal(map_rank_class(NULL), 3);
}

/* Two places sharing a cell both get a name: the city right of it, the
 * town (events left of the cell, the city's name below above right) above
 * left; their point is the events' cell, which keeps its glyph. */
static void test_label_in_order(void **state)
{
	(void)state;
	struct place pl[] = {
	    {.name = "Kati", .kind = "town", .lat = 2.2, .lon = 4.6, .population = -1},
	    {.name = "Bko", .kind = "city", .lat = 2.3, .lon = 4.5, .population = 1800000},
	};
	long long counts[50] = {0};
	struct map_grid g;
	int col, row;

	cell_of(&pl[1], &col, &row);
	counts_with(col, row, 3, counts);
	counts_with(col - 1, row, 1, counts);
	map_grid_init(&g, 10, 5, RASTER_ASCII);
	map_grid_events(&g, counts);
	assert_int_equal(map_rank_label(&g, &p, pl, 2, counts, NULL), 2);
	assert_string_equal(map_grid_at(&g, col + 1, row)->s, "B");
	assert_string_equal(map_grid_at(&g, col + 3, row)->s, "o");
	assert_int_equal(map_grid_at(&g, col + 1, row - 1)->kind, MAP_EMPTY);
	assert_string_equal(map_grid_at(&g, col - 4, row - 1)->s, "K");
	assert_string_equal(map_grid_at(&g, col - 1, row - 1)->s, "i");
	assert_int_equal(map_grid_at(&g, col, row)->kind, MAP_EVENTS);
	map_grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_order),
	    cmocka_unit_test(test_label_in_order),
	};
	return cmocka_run_group_tests(tests, setup, NULL);
}
