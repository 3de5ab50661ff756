/* Unit tests: the map's projection: fitting an extent, cells to lat/lon and
 * back, panning and zooming. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "sitrep/projection.h"

static const struct geo_extent mali = {10.1, 25.0, -12.3, 4.3};

static void test_fit_holds_extent(void **state)
{
	struct projection p;
	double c, r;

	(void)state;
	assert_int_equal(projection_fit(&p, &mali, 80, 24), 0);
	/* every corner inside the grid */
	assert_true(projection_to_cell(&p, mali.lat_min, mali.lon_min, &c, &r));
	assert_true(projection_to_cell(&p, mali.lat_max, mali.lon_max, &c, &r));
	assert_true(projection_to_cell(&p, mali.lat_min, mali.lon_max, &c, &r));
	assert_true(projection_to_cell(&p, mali.lat_max, mali.lon_min, &c, &r));
	/* Bamako (12.65 N, 8.0 W) is south-west of the centre */
	assert_true(projection_to_cell(&p, 12.65, -8.0, &c, &r));
	assert_true(c < 40 && r > 12);
	/* Paris is off the map */
	assert_false(projection_to_cell(&p, 48.85, 2.35, &c, &r));
}

static void test_cell_round_trip(void **state)
{
	struct projection p;
	double lat, lon, c, r;

	(void)state;
	assert_int_equal(projection_fit(&p, &mali, 120, 40), 0);
	projection_from_cell(&p, 17, 31, &lat, &lon);
	assert_true(projection_to_cell(&p, lat, lon, &c, &r));
	assert_int_equal((int)c, 17);
	assert_int_equal((int)r, 31);
}

static void test_pan_and_zoom(void **state)
{
	struct projection p;
	double lat0, lon0, c, r, before;

	(void)state;
	assert_int_equal(projection_fit(&p, &mali, 80, 24), 0);
	lat0 = p.lat0;
	lon0 = p.lon0;
	projection_pan(&p, 10, 0);
	assert_true(p.lon0 > lon0);
	assert_true(p.lat0 == lat0);
	projection_pan(&p, -10, 3);
	assert_true(p.lat0 < lat0);
	assert_float_equal(p.lon0, lon0, 1e-9);
	before = projection_cell_radius_km(&p);
	projection_zoom(&p, 2);
	assert_float_equal(projection_cell_radius_km(&p) * 2, before, 1e-6);
	/* the centre stays at the grid's centre */
	projection_to_cell(&p, p.lat0, p.lon0, &c, &r);
	assert_float_equal(c, 40, 1e-9);
	assert_float_equal(r, 12, 1e-9);
}

static void test_degenerate_and_bad(void **state)
{
	struct projection p;
	struct geo_extent point = {12.65, 12.65, -8.0, -8.0}, bad = {10, 95, 0, 1};
	struct geo_extent ext;

	(void)state;
	assert_int_equal(projection_fit(&p, &point, 80, 24), 0);
	projection_extent(&p, &ext);
	assert_true(ext.lat_min < 12.65 && ext.lat_max > 12.65);
	assert_true(ext.lon_max - ext.lon_min >= 1.0);
	assert_int_equal(projection_fit(&p, &bad, 80, 24), -1);
	assert_int_equal(projection_fit(&p, &mali, 0, 24), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fit_holds_extent),
	    cmocka_unit_test(test_cell_round_trip),
	    cmocka_unit_test(test_pan_and_zoom),
	    cmocka_unit_test(test_degenerate_and_bad),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
