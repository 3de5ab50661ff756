/* import_map: `sitrep import --map NAME=COLUMN,...`: the file's own column
 * names given the names sitrep reads (event_date=Date), applied to the
 * header before the format is detected, so every reader sees them. Pure. */
#ifndef SITREP_IMPORT_MAP_H
#define SITREP_IMPORT_MAP_H

#include <stddef.h>

#include "sitrep/csv.h"

/* Check the text of --map ("event_date=Date,location=Place"): 0, or -1
 * with what is wrong in err (allocated). */
int import_map_check(const char *map, char **err);
/* Rename the header's cells as map says (hdr's cells are allocated: a
 * renamed cell is freed and replaced). 0, or -1 with the first COLUMN the
 * header does not have in err (allocated). */
int import_map_apply(const char *map, struct csv_record *hdr, char **err);

#endif
