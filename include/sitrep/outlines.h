/* outlines: the map's country borders and coasts, read from the text file
 * data/make-outlines.py writes (data/outlines-ne50m.txt: a line a polyline,
 * the first point 'lon lat' in hundredths of a degree, then each next point
 * as its step from the one before; '#' lines are comments). Only segments
 * that touch the projection's extent are drawn, so a map of one country
 * costs one pass over the file and no memory for the world. Pure: reads a
 * stream, draws into a raster. */
#ifndef SITREP_OUTLINES_H
#define SITREP_OUTLINES_H

#include <stdio.h>

#include "sitrep/braille.h"
#include "sitrep/projection.h"

/* Draws the outlines in f into r (r's grid is p's). Returns the number of
 * segments drawn, or -1 when a line is not pairs of whole numbers. */
long outlines_draw(FILE *f, const struct projection *p, struct raster *r);

#endif
