/* map_cells: the map's read model. The extent of the filter's events and
 * their counts per cell of a projection, each one grouped SQL statement
 * over the filter's WHERE (cells are computed in SQL from the extent, its
 * numbers bound), so memory holds the cells shown, never the events; and
 * the gazetteer's most populous places in view, for labels. */
#ifndef SITREP_MAP_CELLS_H
#define SITREP_MAP_CELLS_H

#include "sitrep/places.h"
#include "sitrep/projection.h"
#include "sitrep/query.h"

/* The box around the filter's events that have coordinates; *n is how many
 * they are (the extent is unset when 0). 0, or -1 with *err. */
int map_extent(const struct query *q, struct geo_extent *ext, long long *n, char **err);

/* The filter's events in view, counted per cell: counts[row * cols + col]
 * (p->cols * p->rows of them, zeroed first); *drawn is their sum. 0, or -1
 * with *err. */
int map_cells(const struct query *q, const struct projection *p, long long *counts,
	      long long *drawn, char **err);

/* Up to max gazetteer cities and towns in view, cities first, then the
 * most populous (caller frees
 * with places_free). The count, or -1 with *err. */
int map_places(sqlite3 *db, const struct projection *p, int max, struct place **out, char **err);

#endif
