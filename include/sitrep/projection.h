/* projection: the map's equirectangular projection onto a grid of cells.
 * Longitude is scaled by cos(centre latitude) so that a degree east is as
 * long as a degree north at the centre of the view; a cell is twice as tall
 * as it is wide on a terminal, which the fit accounts for. Pure arithmetic:
 * no terminal, no database. */
#ifndef SITREP_PROJECTION_H
#define SITREP_PROJECTION_H

#include <stdbool.h>

struct geo_extent {
	double lat_min, lat_max, lon_min, lon_max;
};

struct projection {
	int cols, rows;     /* the grid, in cells */
	double lat0, lon0;  /* the view's centre */
	double deg_per_col; /* degrees of latitude a cell's width covers */
	double coslat;      /* cos(lat0), at least 0.01 */
};

/* Fits ext (with a small margin) into cols x rows cells, centred. An empty
 * or degenerate extent (a single point) gets a span of one degree. Returns
 * 0, or -1 if the grid has no cells or the extent is not on the globe. */
int projection_fit(struct projection *p, const struct geo_extent *ext, int cols, int rows);

/* Moves the centre by dcols, drows cells (east and south are positive). */
void projection_pan(struct projection *p, int dcols, int drows);

/* Multiplies the scale by factor (> 1 zooms in), keeping the centre. */
void projection_zoom(struct projection *p, double factor);

/* The cell (col, row) holding lat, lon; false if it falls outside the grid
 * (col, row are still set, so lines can be clipped). */
bool projection_to_cell(const struct projection *p, double lat, double lon, double *col,
			double *row);

/* The lat, lon at the centre of cell (col, row). */
void projection_from_cell(const struct projection *p, int col, int row, double *lat, double *lon);

/* The extent the grid shows. */
void projection_extent(const struct projection *p, struct geo_extent *ext);

/* Half the diagonal of one cell, in km: the radius of a cell's area. */
double projection_cell_radius_km(const struct projection *p);

#endif
