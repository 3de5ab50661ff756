/* map_cells: the map's read model. The extent of the filter's events and
 * their counts per cell of a projection, each one grouped SQL statement
 * over the filter's WHERE (cells are computed in SQL from the extent, its
 * numbers bound), so memory holds the cells shown, never the events; and
 * the gazetteer's most populous places in view, for labels. */
#ifndef SITREP_MAP_CELLS_H
#define SITREP_MAP_CELLS_H

#include <stdbool.h>

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

/* The same count in steps, for a view that must not block keys on a big
 * file: one row an event, added to counts as they come; and map_extent
 * the same way (map_extent_begin: ext and points grow as rows come).
 * begin: 0, or -1 with *err. step: works about budget_ms; 1 when more is
 * left, 0 done, -1 with *err. counts stay valid until free. */
struct map_count {
	sqlite3 *db;
	sqlite3_stmt *st; /* NULL when done */
	bool extent;      /* measuring the extent, not counting cells */
	int cols, rows;   /* the projection's grid */
	long long *counts, drawn;
	struct geo_extent ext; /* extent: the box so far */
	long long points;      /* extent: the events with coordinates so far */
	bool done;
};
int map_extent_begin(const struct query *q, struct map_count *mc, char **err);
int map_count_begin(const struct query *q, const struct projection *p, struct map_count *mc,
		    char **err);
int map_count_step(struct map_count *mc, int budget_ms, char **err);
void map_count_free(struct map_count *mc);

/* Up to max gazetteer cities, towns and villages in view (kind set), by
 * class, then the most populous: the candidates for labels, which
 * map_rank.h orders by the filter's events (caller frees with
 * places_free). The count, or -1 with *err. */
int map_places(sqlite3 *db, const struct projection *p, int max, struct place **out, char **err);

/* The rows with coordinates (a layer's events, in memory: query.h's
 * extra rows) counted per cell of p into counts (p->cols * p->rows,
 * zeroed first); how many fall in view. */
long long map_rows_cells(const struct row_set *rows, const struct projection *p, long long *counts);

/* The filter's events at each of the places pl[order[0..k)] (within
 * MAP_RANK_PLACE_DEG of its point, map_rank.h) into at_place[order[i]]
 * (room for every place; the others are zeroed): one count a place, the
 * box's rows by the coordinates' index, then the filter on them; no new
 * count once budget_ms have passed (the places past it stay 0: they rank
 * by their cells). 0, or -1 with *err. */
int map_place_events(const struct query *q, const struct place *pl, int n, const int *order, int k,
		     int budget_ms, long long *at_place, char **err);

#endif
