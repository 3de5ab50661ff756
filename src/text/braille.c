/* braille: dots 2 x 4 a cell; see braille.h. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/braille.h"
#include "sitrep/util.h"

/* The bit of dot (x, y) in a braille pattern: dots 1-3 and 7 down the
 * left column, 4-6 and 8 down the right (Unicode's numbering). */
static const unsigned char dot_bit[2][4] = {{0x01, 0x02, 0x04, 0x40}, {0x08, 0x10, 0x20, 0x80}};

void raster_init(struct raster *r, int cols, int rows)
{
	r->cols = cols > 0 ? cols : 0;
	r->rows = rows > 0 ? rows : 0;
	r->bits = xcalloc((size_t)r->cols * (size_t)r->rows + 1, 1);
}

void raster_free(struct raster *r)
{
	free(r->bits);
	r->bits = NULL;
	r->cols = r->rows = 0;
}

void raster_clear(struct raster *r)
{
	memset(r->bits, 0, (size_t)r->cols * (size_t)r->rows);
}

void raster_dot(struct raster *r, long x, long y)
{
	if (x < 0 || y < 0 || x >= 2L * r->cols || y >= 4L * r->rows)
		return;
	r->bits[(y / 4) * r->cols + x / 2] |= dot_bit[x % 2][y % 4];
}

/* Liang-Barsky: narrows [*t0, *t1] to where p * t <= q holds. */
static int clip_edge(double p, double q, double *t0, double *t1)
{
	double t;

	if (p == 0)
		return q >= 0;
	t = q / p;
	if (p < 0) {
		if (t > *t1)
			return 0;
		if (t > *t0)
			*t0 = t;
	} else {
		if (t < *t0)
			return 0;
		if (t < *t1)
			*t1 = t;
	}
	return 1;
}

void raster_line(struct raster *r, long x0, long y0, long x1, long y1)
{
	double t0 = 0, t1 = 1, fx = (double)(x1 - x0), fy = (double)(y1 - y0);
	double w = 2.0 * r->cols, h = 4.0 * r->rows;
	long dx, dy, sx, sy, err, ax, ay, bx, by;

	/* Cut the line to the raster first, so that a polyline whose points
	 * lie far off the view costs no more than the part that shows. */
	if (!clip_edge(-fx, (double)x0, &t0, &t1) || !clip_edge(fx, w - 1 - (double)x0, &t0, &t1) ||
	    !clip_edge(-fy, (double)y0, &t0, &t1) || !clip_edge(fy, h - 1 - (double)y0, &t0, &t1))
		return;
	ax = x0 + (long)(t0 * fx + (fx < 0 ? -0.5 : 0.5) * (t0 > 0));
	ay = y0 + (long)(t0 * fy + (fy < 0 ? -0.5 : 0.5) * (t0 > 0));
	bx = x0 + (long)(t1 * fx);
	by = y0 + (long)(t1 * fy);
	dx = labs(bx - ax);
	dy = -labs(by - ay);
	sx = ax < bx ? 1 : -1;
	sy = ay < by ? 1 : -1;
	err = dx + dy;
	for (;;) { /* Bresenham */
		long e2 = 2 * err;

		raster_dot(r, ax, ay);
		if (ax == bx && ay == by)
			break;
		if (e2 >= dy) {
			err += dy;
			ax += sx;
		}
		if (e2 <= dx) {
			err += dx;
			ay += sy;
		}
	}
}

int raster_count(const struct raster *r, int col, int row)
{
	unsigned b;
	int n = 0;

	if (col < 0 || row < 0 || col >= r->cols || row >= r->rows)
		return 0;
	for (b = r->bits[row * r->cols + col]; b; b &= b - 1)
		n++;
	return n;
}

size_t raster_glyph(const struct raster *r, int col, int row, enum raster_style style, char *buf)
{
	static const char *const shade[] = {"\u2591", "\u2592", "\u2593", "\u2588"};
	static const char ascii[] = ".:+#";
	int n = raster_count(r, col, row);
	unsigned cp;

	if (n == 0) {
		buf[0] = ' ';
		return 1;
	}
	switch (style) {
	case RASTER_SHADE:
		memcpy(buf, shade[(n - 1) / 2], 3);
		return 3;
	case RASTER_ASCII:
		buf[0] = ascii[(n - 1) / 2];
		return 1;
	case RASTER_BRAILLE:
	default:
		cp = 0x2800u + r->bits[row * r->cols + col];
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
}
