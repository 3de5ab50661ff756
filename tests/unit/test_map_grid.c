/* Unit tests: the map's grid of glyphs (map_grid.h), which `sitrep map`
 * and the TUI's map view share: outline cells by style, event cells by
 * count, labels right of their place, else left, never touching another. */
#include "config.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "sitrep/map_grid.h"

/* The row as text, cell by cell. */
static const char *row_text(const struct map_grid *g, int row)
{
	static char buf[256];
	buf[0] = '\0';
	for (int c = 0; c < g->cols; c++)
		strcat(buf, map_grid_at(g, c, row)->s);
	return buf;
}

static void test_outlines_by_style(void **state)
{
	static const enum raster_style styles[] = {RASTER_BRAILLE, RASTER_SHADE, RASTER_ASCII};
	static const char *const want[] = {"\u2801 ", "\u2591 ", ". "};
	(void)state;
	for (int i = 0; i < 3; i++) {
		struct raster r;
		struct map_grid g;
		raster_init(&r, 2, 1);
		raster_dot(&r, 0, 0);
		map_grid_init(&g, 2, 1, styles[i]);
		map_grid_outlines(&g, &r);
		assert_string_equal(row_text(&g, 0), want[i]);
		assert_int_equal(map_grid_at(&g, 0, 0)->kind, MAP_OUTLINE);
		assert_int_equal(map_grid_at(&g, 1, 0)->kind, MAP_EMPTY);
		assert_null(map_grid_at(&g, 2, 0));
		assert_null(map_grid_at(&g, 0, -1));
		map_grid_free(&g);
		raster_free(&r);
	}
}

static void test_events_by_count(void **state)
{
	struct map_grid g;
	long long counts[4] = {0, 1, 40, 1000};
	(void)state;
	map_grid_init(&g, 4, 1, RASTER_ASCII);
	map_grid_events(&g, counts);
	assert_string_equal(row_text(&g, 0), " +*#");
	assert_int_equal(map_grid_at(&g, 3, 0)->kind, MAP_EVENTS);
	assert_int_equal(map_grid_at(&g, 3, 0)->level, 2);
	assert_int_equal(map_grid_at(&g, 0, 0)->kind, MAP_EMPTY);
	map_grid_free(&g);
	/* one event alone is the lightest */
	long long one[2] = {1, 0};
	map_grid_init(&g, 2, 1, RASTER_SHADE);
	map_grid_events(&g, one);
	assert_string_equal(row_text(&g, 0), "\u2592 ");
	map_grid_free(&g);
}

static void test_labels(void **state)
{
	struct map_grid g;
	struct projection p;
	struct geo_extent e = {0, 1, 0, 10};
	(void)state;
	map_grid_init(&g, 20, 1, RASTER_BRAILLE);
	assert_int_equal(projection_fit(&p, &e, 20, 1), 0);
	double col, row;
	projection_to_cell(&p, 0.5, 1, &col, &row);
	/* right of the place's cell */
	assert_true(map_grid_label(&g, &p, "S\u00e9gou", 0.5, 1));
	assert_int_equal(map_grid_at(&g, (int)col + 1, 0)->kind, MAP_LABEL);
	assert_string_equal(map_grid_at(&g, (int)col + 2, 0)->s, "\u00e9");
	/* a name that would touch it does not go in */
	assert_false(map_grid_label(&g, &p, "Kati", 0.5, 1.5));
	/* near the right edge: left of the place */
	assert_true(map_grid_label(&g, &p, "Gao", 0.5, 9.5));
	projection_to_cell(&p, 0.5, 9.5, &col, &row);
	assert_int_equal(map_grid_at(&g, (int)col - 1, 0)->kind, MAP_LABEL);
	assert_int_equal(map_grid_at(&g, (int)col, 0)->kind, MAP_POINT);
	/* no Latin form, out of view, a control character sanitised */
	assert_false(map_grid_label(&g, &p, "\u0645\u0627\u0644\u064a", 0.5, 5));
	assert_false(map_grid_label(&g, &p, "Far", 40, 5));
	map_grid_free(&g);
	map_grid_init(&g, 20, 1, RASTER_ASCII);
	assert_true(map_grid_label(&g, &p, "S\u00e9gou", 0.5, 1));
	assert_true(strstr(row_text(&g, 0), "Segou") != NULL);
	map_grid_free(&g);
}

/* The layers' context events: a diamond over what the cell showed, a
 * caret in ASCII; labels keep off them. */
static void test_context(void **state)
{
	struct map_grid g;
	long long events[3] = {5, 0, 0}, context[3] = {1, 0, 2};
	(void)state;
	map_grid_init(&g, 3, 1, RASTER_BRAILLE);
	map_grid_events(&g, events);
	map_grid_context(&g, context);
	assert_string_equal(row_text(&g, 0), "\u25c6 \u25c6");
	assert_int_equal(map_grid_at(&g, 0, 0)->kind, MAP_CONTEXT);
	assert_int_equal(map_grid_at(&g, 1, 0)->kind, MAP_EMPTY);
	map_grid_free(&g);
	map_grid_init(&g, 3, 1, RASTER_ASCII);
	map_grid_context(&g, context);
	assert_string_equal(row_text(&g, 0), "^ ^");
	map_grid_free(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_outlines_by_style),
	    cmocka_unit_test(test_events_by_count),
	    cmocka_unit_test(test_labels),
	    cmocka_unit_test(test_context),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
