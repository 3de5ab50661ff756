/* braille: the map's raster of dots, 2 x 4 a cell as braille patterns
 * (U+2800 block) draw them; where braille is not wanted a cell shows its
 * density of dots in shades (░▒▓█), and in the C locale in plain ASCII
 * (. : #). Dots are addressed x across (0 .. 2*cols-1) and y down
 * (0 .. 4*rows-1); dots off the raster are dropped, so callers need not
 * clip. Pure: no terminal. */
#ifndef SITREP_BRAILLE_H
#define SITREP_BRAILLE_H

#include <stddef.h>

enum raster_style { RASTER_BRAILLE, RASTER_SHADE, RASTER_ASCII };

struct raster {
	int cols, rows;
	unsigned char *bits; /* a braille pattern's 8 bits per cell */
};

#define RASTER_CELL_LEN 4 /* bytes of one cell's UTF-8, no NUL */

void raster_init(struct raster *r, int cols, int rows); /* all clear */
void raster_free(struct raster *r);
void raster_clear(struct raster *r);

void raster_dot(struct raster *r, long x, long y);
/* A straight line of dots from (x0, y0) to (x1, y1), both ends set. */
void raster_line(struct raster *r, long x0, long y0, long x1, long y1);

/* How many of the cell's 8 dots are set. */
int raster_count(const struct raster *r, int col, int row);

/* Writes the cell's glyph in style into buf (no NUL) and returns its
 * length in bytes; an empty cell is a space. */
size_t raster_glyph(const struct raster *r, int col, int row, enum raster_style style, char *buf);

#endif
