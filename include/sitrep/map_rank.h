/* map_rank: which of the gazetteer's places in view get a label first,
 * as a cartographer would choose: the places where the filter's events
 * are (those at the place itself, within MAP_RANK_PLACE_DEG of its point,
 * then those in its cell, then in the cells around it), then by
 * class (city, town, village), then by population: of the suburbs
 * sharing Bamako's cell, Kati, where events are, is named first. A village is labelled
 * only where events are in its cell: the larger places name the map, the
 * small ones only the spots the filter is about. Pure: the counts are the
 * map's cells (map_cells.h), no database. */
#ifndef SITREP_MAP_RANK_H
#define SITREP_MAP_RANK_H

#include "sitrep/map_grid.h"
#include "sitrep/places.h"
#include "sitrep/projection.h"

/* The class's rank: 0 city, 1 town, 2 village, 3 anything else. */
int map_rank_class(const char *kind);

/* How near an event is "at" a place: 0.045 degrees, about 5 km. */
#define MAP_RANK_PLACE_DEG 0.045
/* The places whose events at them are counted (map_place_events): the
 * first of the order; the others rank by cells alone. */
#define MAP_RANK_PLACES_COUNTED 64

/* The indexes of pl[0..n) best first into order (room for n) for
 * counts[row * p->cols + col] (NULL: none counted yet) and at_place[i],
 * the events at pl[i] (NULL: not counted), leaving out the villages with
 * no event in their cell and places off the grid. How many it wrote. */
int map_rank(const struct place *pl, int n, const struct projection *p, const long long *counts,
	     const long long *at_place, int *order);

/* Labels g's places in that order (map_grid_label): what `sitrep map`
 * and the map view both do. How many were written. */
int map_rank_label(struct map_grid *g, const struct projection *p, const struct place *pl, int n,
		   const long long *counts, const long long *at_place);

#endif
