/* timeline_match: after the search moves the timeline's cursor, where the
 * match is in that row; when it cannot be seen (in a cell cut at its edge,
 * in a column not shown, in the description alone) the status line says
 * where, with the words around it. */
#ifndef SITREP_TIMELINE_MATCH_H
#define SITREP_TIMELINE_MATCH_H

#include "sitrep/query.h"
#include "sitrep/view.h"

/* r: the row found; width: the timeline's width. */
void timeline_match_note(struct view *v, const struct event_row *r, int width);

#endif
