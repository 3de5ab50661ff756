/* map_grid: see map_grid.h. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/map_grid.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

void map_grid_init(struct map_grid *g, int cols, int rows, enum raster_style style)
{
	g->cols = cols > 0 ? cols : 0;
	g->rows = rows > 0 ? rows : 0;
	g->style = style;
	g->cells = xcalloc((size_t)g->cols * (size_t)g->rows + 1, sizeof(*g->cells));
	for (size_t i = 0; i < (size_t)g->cols * (size_t)g->rows; i++)
		g->cells[i].s[0] = ' ';
}

void map_grid_free(struct map_grid *g)
{
	free(g->cells);
	g->cells = NULL;
	g->cols = g->rows = 0;
}

struct map_cell *map_grid_at(const struct map_grid *g, int col, int row)
{
	if (col < 0 || row < 0 || col >= g->cols || row >= g->rows)
		return NULL;
	return &g->cells[(size_t)row * (size_t)g->cols + (size_t)col];
}

static void set_glyph(struct map_cell *c, const char *s, enum map_kind kind)
{
	snprintf(c->s, sizeof(c->s), "%s", s);
	c->kind = (unsigned char)kind;
}

void map_grid_outlines(struct map_grid *g, const struct raster *r)
{
	for (int row = 0; row < g->rows; row++)
		for (int col = 0; col < g->cols; col++) {
			struct map_cell *c = map_grid_at(g, col, row);
			if (!raster_count(r, col, row)) {
				set_glyph(c, " ", MAP_EMPTY);
			} else if (g->style == RASTER_BRAILLE) {
				size_t n = raster_glyph(r, col, row, RASTER_BRAILLE, c->s);
				c->s[n] = '\0';
				c->kind = MAP_OUTLINE;
			} else {
				set_glyph(c, g->style == RASTER_ASCII ? "." : "\u2591",
					  MAP_OUTLINE);
			}
		}
}

void map_grid_events(struct map_grid *g, const long long *counts)
{
	static const char *const shade[] = {"\u2592", "\u2593", "\u2588"};
	static const char *const ascii[] = {"+", "*", "#"};
	size_t cells = (size_t)g->cols * (size_t)g->rows;
	long long max = 0;

	for (size_t i = 0; i < cells; i++)
		if (counts[i] > max)
			max = counts[i];
	for (size_t i = 0; i < cells; i++) {
		long long n = counts[i];
		if (n <= 0)
			continue;
		int level = max > 1 ? (int)(3 * log((double)n) / (log((double)max) + 1e-9)) : 0;
		if (level > 2)
			level = 2;
		set_glyph(&g->cells[i], g->style == RASTER_ASCII ? ascii[level] : shade[level],
			  MAP_EVENTS);
		g->cells[i].level = (unsigned char)level;
	}
}

void map_grid_context(struct map_grid *g, const long long *counts)
{
	for (size_t i = 0; i < (size_t)g->cols * (size_t)g->rows; i++)
		if (counts[i] > 0)
			set_glyph(&g->cells[i], g->style == RASTER_ASCII ? "^" : "\u25c6", /* ◆ */
				  MAP_CONTEXT);
}

/* Bytes of the UTF-8 character s starts with (1 for a stray byte). */
static size_t char_len(const char *s)
{
	size_t n = 1;
	while (n < RASTER_CELL_LEN && ((unsigned char)s[n] & 0xC0) == 0x80)
		n++;
	return n;
}

/* A label may go on a blank or outline cell only: never over another
 * label, a labelled place's point or a cell holding events. */
static bool free_cell(const struct map_grid *g, int col, int row)
{
	const struct map_cell *c = map_grid_at(g, col, row);
	return c && (c->kind == MAP_EMPTY || c->kind == MAP_OUTLINE);
}

/* Writes name (sanitised, one column a character) on row from col, if
 * its cells are free, no label touches either end (names on one row stay
 * apart) and none lies right above or below it. */
static bool put_label(struct map_grid *g, const char *name, int len, int col, int row)
{
	if (col < 0 || col + len > g->cols || row < 0 || row >= g->rows)
		return false;
	for (int i = 0; i < len; i++)
		if (!free_cell(g, col + i, row))
			return false;
	for (int i = col - 1; i <= col + len; i += len + 1) {
		const struct map_cell *c = map_grid_at(g, i, row);
		if (c && c->kind == MAP_LABEL)
			return false;
	}
	/* nor one on the rows above and below: names stacked on names read
	 * as a block of text, not a map */
	for (int r = row - 1; r <= row + 1; r += 2)
		for (int i = col; i < col + len; i++) {
			const struct map_cell *c = map_grid_at(g, i, r);
			if (c && c->kind == MAP_LABEL)
				return false;
		}
	for (int i = 0; i < len; i++) {
		size_t n = char_len(name);
		struct map_cell *c = map_grid_at(g, col + i, row);
		memcpy(c->s, name, n);
		c->s[n] = '\0';
		c->kind = MAP_LABEL;
		name += n;
	}
	return true;
}

/* The label at the first of the cartographer's positions that is free:
 * right of the point, left of it, then the four corners (above right,
 * above left, below right, below left), then above and below, centred. */
static bool place_label(struct map_grid *g, const char *s, int len, int col, int row)
{
	const int at[][2] = {{col + 1, row},
			     {col - len, row},
			     {col + 1, row - 1},
			     {col - len, row - 1},
			     {col + 1, row + 1},
			     {col - len, row + 1},
			     {col - (len - 1) / 2, row - 1},
			     {col - (len - 1) / 2, row + 1}};
	for (size_t i = 0; i < sizeof(at) / sizeof(at[0]); i++)
		if (put_label(g, s, len, at[i][0], at[i][1]))
			return true;
	return false;
}

bool map_grid_label(struct map_grid *g, const struct projection *p, const char *name, double lat,
		    double lon)
{
	double col, row;
	bool done = false;

	if (!projection_to_cell(p, lat, lon, &col, &row))
		return false;
	struct map_cell *at = map_grid_at(g, (int)col, (int)row);
	/* a point under another name has no room for its own */
	if (!at || at->kind == MAP_LABEL)
		return false;
	/* a name with no Latin form ('?' in ASCII) is left out: the grid
	 * runs left to right */
	char *plain = text_sanitized(name, TEXT_ASCII);
	bool latin = !strchr(plain, '?');
	free(plain);
	if (!latin)
		return false;
	char *s = text_sanitized(name, g->style == RASTER_ASCII ? TEXT_ASCII : 0);
	int len = text_width(s), chars = 0;
	for (const char *c = s; *c; c += char_len(c))
		chars++;
	/* only names of one column a character: the grid is cells */
	if (len == chars && len > 0 && len <= 24)
		done = place_label(g, s, len, (int)col, (int)row);
	free(s);
	/* the point the name is for; a cell of events shows its own glyph */
	if (done && at->kind != MAP_EVENTS)
		set_glyph(at, g->style == RASTER_ASCII ? "o" : "\u2022", MAP_POINT); /* • */
	return done;
}
