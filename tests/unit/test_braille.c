/* Unit tests: the map's braille raster: dot bits, lines, clipping, the
 * shaded and ASCII fallbacks. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/braille.h"

static void glyph_is(const struct raster *r, int c, int row, enum raster_style s, const char *want)
{
	char buf[RASTER_CELL_LEN + 1];
	size_t n = raster_glyph(r, c, row, s, buf);

	buf[n] = '\0';
	assert_string_equal(buf, want);
}

static void test_dots(void **state)
{
	struct raster r;

	(void)state;
	raster_init(&r, 3, 2);
	glyph_is(&r, 0, 0, RASTER_BRAILLE, " ");
	raster_dot(&r, 0, 0);
	glyph_is(&r, 0, 0, RASTER_BRAILLE, "\u2801"); /* dot 1 */
	raster_dot(&r, 1, 3);
	glyph_is(&r, 0, 0, RASTER_BRAILLE, "\u2881"); /* dots 1 and 8 */
	raster_dot(&r, 2, 4);                         /* cell (1, 1), dot 1 */
	glyph_is(&r, 1, 1, RASTER_BRAILLE, "\u2801");
	assert_int_equal(raster_count(&r, 0, 0), 2);
	/* off the raster: dropped */
	raster_dot(&r, -1, 0);
	raster_dot(&r, 6, 0);
	raster_dot(&r, 0, 8);
	assert_int_equal(raster_count(&r, 2, 1), 0);
	raster_clear(&r);
	assert_int_equal(raster_count(&r, 0, 0), 0);
	raster_free(&r);
}

static void test_lines(void **state)
{
	struct raster r;
	int c;

	(void)state;
	raster_init(&r, 4, 1);
	raster_line(&r, 0, 1, 7, 1); /* across the whole row */
	for (c = 0; c < 4; c++)
		glyph_is(&r, c, 0, RASTER_BRAILLE, "\u2812"); /* dots 2 and 5 */
	raster_clear(&r);
	raster_line(&r, 0, 0, 0, 3); /* down the left column */
	glyph_is(&r, 0, 0, RASTER_BRAILLE, "\u2847");
	raster_clear(&r);
	/* from far off the raster: the visible part is drawn, it ends */
	raster_line(&r, -100000, 2, 100000, 2);
	assert_int_equal(raster_count(&r, 3, 0), 2);
	raster_free(&r);
}

static void test_fallbacks(void **state)
{
	struct raster r;

	(void)state;
	raster_init(&r, 2, 1);
	raster_dot(&r, 0, 0);
	glyph_is(&r, 0, 0, RASTER_SHADE, "\u2591");
	glyph_is(&r, 0, 0, RASTER_ASCII, ".");
	raster_line(&r, 0, 0, 0, 3);
	raster_line(&r, 1, 0, 1, 3);
	glyph_is(&r, 0, 0, RASTER_SHADE, "\u2588");
	glyph_is(&r, 0, 0, RASTER_ASCII, "#");
	glyph_is(&r, 1, 0, RASTER_SHADE, " ");
	raster_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_dots),
	    cmocka_unit_test(test_lines),
	    cmocka_unit_test(test_fallbacks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
