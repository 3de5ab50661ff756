/* Unit tests: the outlines reader: delta-coded polylines, only segments in
 * the view drawn, comments skipped, a bad line refused. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/outlines.h"

/* Draws text as an outlines file into a 20 x 10 grid over 0..10 N, 0..10 E. */
static long draw(const char *text, struct raster *r, struct projection *p)
{
	struct geo_extent e = {0, 10, 0, 10};
	FILE *f = fmemopen((void *)text, strlen(text), "r");

	assert_non_null(f);
	assert_int_equal(projection_fit(p, &e, 20, 10), 0);
	raster_init(r, 20, 10);
	long n = outlines_draw(f, p, r);
	fclose(f);
	return n;
}

static int dots(const struct raster *r)
{
	int n = 0;
	for (int row = 0; row < r->rows; row++)
		for (int c = 0; c < r->cols; c++)
			n += raster_count(r, c, row);
	return n;
}

static void test_segment_in_view(void **state)
{
	struct raster r;
	struct projection p;
	double col, row;

	(void)state;
	/* 2 E 5 N, then 6 degrees east: one segment across the middle */
	assert_int_equal(draw("# comment 1 2 3\n200 500 600 0\n", &r, &p), 1);
	assert_true(dots(&r) > 5);
	projection_to_cell(&p, 5, 5, &col, &row);
	assert_true(raster_count(&r, (int)col, (int)row) > 0);
	/* nothing drawn at the top-left corner */
	assert_int_equal(raster_count(&r, 0, 0), 0);
	raster_free(&r);
}

static void test_far_segments_skipped(void **state)
{
	struct raster r;
	struct projection p;

	(void)state;
	/* 100 E 50 N and a step: far outside the view */
	assert_int_equal(draw("10000 5000 100 0 100 100\n", &r, &p), 0);
	assert_int_equal(dots(&r), 0);
	raster_free(&r);
	/* a line that starts far off and crosses the view is drawn */
	assert_int_equal(draw("-2000 500 3000 0\n", &r, &p), 1);
	assert_true(dots(&r) > 5);
	raster_free(&r);
}

static void test_bad_line(void **state)
{
	struct raster r;
	struct projection p;

	(void)state;
	assert_int_equal(draw("200 500 600\n", &r, &p), -1);
	raster_free(&r);
	assert_int_equal(draw("200 500 x 0\n", &r, &p), -1);
	raster_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_segment_in_view),
	    cmocka_unit_test(test_far_segments_skipped),
	    cmocka_unit_test(test_bad_line),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
