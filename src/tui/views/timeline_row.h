/* timeline_row: one line of the timeline drawn at a width: an event's
 * row, the header naming the columns above the rows, a month or year
 * separator. The view (view_timeline.c) decides which line goes where. */
#ifndef SITREP_TIMELINE_ROW_H
#define SITREP_TIMELINE_ROW_H

#include <stdbool.h>

#include "sitrep/config_file.h"
#include "sitrep/query.h"
#include "sitrep/view.h"

void timeline_draw_row(struct view *v, WINDOW *w, int y, int width, const struct event_row *r,
		       bool selected);
void timeline_draw_header(struct view *v, WINDOW *w, int width);
/* The columns of text the cell of col shows at a screen width (its gap
 * left out); 0 when the column is not shown. */
int timeline_cell_cols(struct view *v, int width, enum config_column col);
/* A rule with the month's name and year, or (year) the year alone. */
void timeline_draw_sep(WINDOW *w, int y, const struct event_row *r, bool year);

#endif
