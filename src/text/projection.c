/* projection: equirectangular with cos(lat) scaling; see projection.h. */
#include "config.h"

#include <math.h>

#include "sitrep/projection.h"

#define CELL_ASPECT 2.0 /* a terminal cell is about twice as tall as wide */
#define MARGIN      1.1 /* room around a fitted extent */
#define KM_PER_DEG  111.195

static double clampd(double v, double lo, double hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

int projection_fit(struct projection *p, const struct geo_extent *ext, int cols, int rows)
{
	double dlat, dlon;

	if (cols <= 0 || rows <= 0 || ext->lat_min < -90 || ext->lat_max > 90 ||
	    ext->lat_min > ext->lat_max || ext->lon_min > ext->lon_max || ext->lon_min < -180 ||
	    ext->lon_max > 180)
		return -1;
	p->cols = cols;
	p->rows = rows;
	p->lat0 = (ext->lat_min + ext->lat_max) / 2;
	p->lon0 = (ext->lon_min + ext->lon_max) / 2;
	p->coslat = fmax(cos(p->lat0 * M_PI / 180), 0.01);
	dlat = fmax(ext->lat_max - ext->lat_min, 1.0) * MARGIN;
	dlon = fmax((ext->lon_max - ext->lon_min) * p->coslat, 1.0) * MARGIN;
	/* the larger of the two scales that fit each axis */
	p->deg_per_col = fmax(dlon / cols, dlat / (rows * CELL_ASPECT));
	return 0;
}

void projection_pan(struct projection *p, int dcols, int drows)
{
	p->lon0 += dcols * p->deg_per_col / p->coslat;
	p->lat0 = clampd(p->lat0 - drows * p->deg_per_col * CELL_ASPECT, -89, 89);
	if (p->lon0 > 180)
		p->lon0 -= 360;
	if (p->lon0 < -180)
		p->lon0 += 360;
}

void projection_zoom(struct projection *p, double factor)
{
	if (factor > 0)
		p->deg_per_col = clampd(p->deg_per_col / factor, 1e-4, 90);
}

bool projection_to_cell(const struct projection *p, double lat, double lon, double *col,
			double *row)
{
	*col = p->cols / 2.0 + (lon - p->lon0) * p->coslat / p->deg_per_col;
	*row = p->rows / 2.0 - (lat - p->lat0) / (p->deg_per_col * CELL_ASPECT);
	return *col >= 0 && *col < p->cols && *row >= 0 && *row < p->rows;
}

void projection_from_cell(const struct projection *p, int col, int row, double *lat, double *lon)
{
	*lon = p->lon0 + (col + 0.5 - p->cols / 2.0) * p->deg_per_col / p->coslat;
	*lat = p->lat0 - (row + 0.5 - p->rows / 2.0) * p->deg_per_col * CELL_ASPECT;
}

void projection_extent(const struct projection *p, struct geo_extent *ext)
{
	double half_lon = p->cols / 2.0 * p->deg_per_col / p->coslat;
	double half_lat = p->rows / 2.0 * p->deg_per_col * CELL_ASPECT;

	ext->lat_min = p->lat0 - half_lat;
	ext->lat_max = p->lat0 + half_lat;
	ext->lon_min = p->lon0 - half_lon;
	ext->lon_max = p->lon0 + half_lon;
}

double projection_cell_radius_km(const struct projection *p)
{
	double w = p->deg_per_col * KM_PER_DEG, h = w * CELL_ASPECT;

	return sqrt(w * w + h * h) / 2;
}
