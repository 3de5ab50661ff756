/* map_grid: a map composed as a grid of glyphs, shared by `sitrep map`
 * and the TUI's map view so both draw the same map: the outlines' dots
 * (braille, or a light shade, or '.' in ASCII), cells holding events a
 * heavier glyph by how many they hold (log scale, three levels), and place
 * names written across cells where they fit. Each cell keeps what it shows
 * (its kind), so the TUI can colour it. Pure: no terminal, no database. */
#ifndef SITREP_MAP_GRID_H
#define SITREP_MAP_GRID_H

#include <stdbool.h>

#include "sitrep/braille.h"
#include "sitrep/projection.h"

enum map_kind { MAP_EMPTY, MAP_OUTLINE, MAP_EVENTS, MAP_LABEL };

struct map_cell {
	char s[RASTER_CELL_LEN + 1]; /* the glyph, UTF-8 (ASCII in that style) */
	unsigned char kind;          /* enum map_kind */
	unsigned char level;         /* MAP_EVENTS: 0 .. 2, by count */
};

struct map_grid {
	int cols, rows;
	enum raster_style style;
	struct map_cell *cells;
};

/* All cells blank (" ", MAP_EMPTY). */
void map_grid_init(struct map_grid *g, int cols, int rows, enum raster_style style);
void map_grid_free(struct map_grid *g);
/* The cell at (col, row); NULL off the grid. */
struct map_cell *map_grid_at(const struct map_grid *g, int col, int row);

/* The raster's dots (its grid is g's) as outline cells. */
void map_grid_outlines(struct map_grid *g, const struct raster *r);
/* counts[row * cols + col] > 0 as event cells, heavier by count. */
void map_grid_events(struct map_grid *g, const long long *counts);
/* name (from data: sanitised here) right of the cell holding lat, lon,
 * else left of it, where no label is on or next to those cells; names
 * with no Latin form or of wide characters are left out. True when it
 * was written. */
bool map_grid_label(struct map_grid *g, const struct projection *p, const char *name, double lat,
		    double lon);

#endif
