/* outlines: see outlines.h. */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/types.h>

#include "sitrep/outlines.h"

/* Whether the segment's bounding box meets the extent: a cheap test that
 * keeps the rest of the world out of the raster. */
static bool segment_touches(const struct geo_extent *e, double lon0, double lat0, double lon1,
			    double lat1)
{
	if ((lon0 < e->lon_min && lon1 < e->lon_min) || (lon0 > e->lon_max && lon1 > e->lon_max))
		return false;
	if ((lat0 < e->lat_min && lat1 < e->lat_min) || (lat0 > e->lat_max && lat1 > e->lat_max))
		return false;
	return true;
}

/* The dot holding lat, lon: 2 dots across and 4 down a cell. */
static void to_dot(const struct projection *p, double lat, double lon, long *x, long *y)
{
	double col, row;
	projection_to_cell(p, lat, lon, &col, &row);
	*x = (long)floor(col * 2);
	*y = (long)floor(row * 4);
}

/* Reads the next whole number of s; false at the end or on anything else. */
static bool next_number(char **s, long *v, bool *bad)
{
	while (**s == ' ' || **s == '\t' || **s == '\r' || **s == '\n')
		(*s)++;
	if (!**s)
		return false;
	char *end;
	errno = 0;
	*v = strtol(*s, &end, 10);
	if (end == *s || errno || *v < -1000000 || *v > 1000000) {
		*bad = true;
		return false;
	}
	*s = end;
	return true;
}

/* Draws one polyline; -1 when it is not pairs of whole numbers. */
static long draw_line(char *s, const struct projection *p, const struct geo_extent *e,
		      struct raster *r)
{
	long x = 0, y = 0, dx, dy, drawn = 0;
	bool bad = false, first = true;
	double lon0 = 0, lat0 = 0;

	while (next_number(&s, &dx, &bad)) {
		if (!next_number(&s, &dy, &bad))
			return -1;
		x += dx;
		y += dy;
		double lon1 = x / 100.0, lat1 = y / 100.0;
		if (!first && segment_touches(e, lon0, lat0, lon1, lat1)) {
			long ax, ay, bx, by;
			to_dot(p, lat0, lon0, &ax, &ay);
			to_dot(p, lat1, lon1, &bx, &by);
			raster_line(r, ax, ay, bx, by);
			drawn++;
		}
		first = false;
		lon0 = lon1;
		lat0 = lat1;
	}
	return bad ? -1 : drawn;
}

long outlines_draw(FILE *f, const struct projection *p, struct raster *r)
{
	struct geo_extent e;
	char *line = NULL;
	size_t cap = 0;
	long total = 0;

	projection_extent(p, &e);
	while (getline(&line, &cap, f) > 0) {
		if (line[0] == '#')
			continue;
		long n = draw_line(line, p, &e, r);
		if (n < 0) {
			total = -1;
			break;
		}
		total += n;
	}
	free(line);
	return total;
}
