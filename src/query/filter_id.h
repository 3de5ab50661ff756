/* filter_id: id: with an event's id in its data set ("id:MLI2665",
 * "id:ucdp:209980") rather than sitrep's number ("id:42", "id:1..10"),
 * internal to the filter module. */
#ifndef SITREP_FILTER_ID_H
#define SITREP_FILTER_ID_H

#include <stdbool.h>

#include "sitrep/sqlfrag.h"

/* Whether an id: value names an origin id: one with a letter or a colon.
 * A bare number (or range) stays sitrep's id, as for `sitrep show`. */
bool filter_id_is_origin(const char *text);
/* The condition for origin id text: the stored origin_id, or, for
 * ORIGIN:ID, that id in that origin (case of the prefix ignored). */
void filter_id_emit(struct sqlfrag *out, const char *text);

#endif
