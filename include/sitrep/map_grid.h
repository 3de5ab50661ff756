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

/* MAP_POINT: a labelled place's point; MAP_CONTEXT: a cell holding the
 * layer's context events (and none of the filter's own). */
enum map_kind { MAP_EMPTY, MAP_OUTLINE, MAP_EVENTS, MAP_LABEL, MAP_POINT, MAP_CONTEXT };

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
/* counts[row * cols + col] > 0 (the layers' context events) as context
 * cells, a diamond ('^' in ASCII), over what the cell showed: marked apart
 * from the file's own events. Call it after map_grid_events. */
void map_grid_context(struct map_grid *g, const long long *counts);
/* name (from data: sanitised here) beside the cell holding lat, lon: to
 * its right, else left, at a corner (above right, above left, below
 * right, below left), above, below: the first that fits, on blank or
 * outline cells only (never over a label, a point or events), apart from
 * the names on its row and not right above or below another; its point drawn (a dot, 'o' in ASCII)
 * unless the cell shows events. Names with no Latin form or of wide characters, and points under a
 * label, are left out. Call it best place first (map_rank.h): the first take the room. True when it
 * was written. */
bool map_grid_label(struct map_grid *g, const struct projection *p, const char *name, double lat,
		    double lon);

#endif
