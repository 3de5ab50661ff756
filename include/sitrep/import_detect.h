/* import_detect: which format a file is, from its first line alone:
 * the sitrep text format, the gazetteer CSV, ACLED (every generation) or
 * UCDP GED, matching CSV column names case-insensitively, in any order.
 * Also finds the columns a reader wants by name. Pure. */
#ifndef SITREP_IMPORT_DETECT_H
#define SITREP_IMPORT_DETECT_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/csv.h"

/* ACLED names that files also spell otherwise: the 2016 legacy names,
 * and the dBASE cut of a shapefile's attribute table where it is not just
 * the first ten characters (the second of two names alike is renamed).
 * Any other name longer than ten characters is also found by its cut. */
#define ACLED_ID     "event_id_cnty"
#define ACLED_ASSOC1 "assoc_actor_1|ally_actor_1|assoc_acto"
#define ACLED_ASSOC2 "assoc_actor_2|ally_actor_2|assoc_ac_1"

/* The columns without which a file is not ACLED's, or UCDP GED's
 * (NULL-terminated). */
extern const char *const import_acled_required[], *const import_ucdp_required[];
/* The header has a column of each of the names (see import_columns). */
bool import_has_all(const struct csv_record *hdr, const char *const *names);

/* True when the text starts like a sitrep text file ("# sitrep-data"). */
bool import_is_native(const char *head, size_t n);
/* Recognise a CSV header record as ACLED (any generation), UCDP GED or the
 * gazetteer: true when it is, the layout it is in layout ("ACLED 2019
 * export (data_id, 30 columns)": its real column count). */
bool import_detect_acled(const struct csv_record *hdr, char *layout, size_t n);
bool import_detect_ucdp(const struct csv_record *hdr, char *layout, size_t n);
bool import_detect_places(const struct csv_record *hdr, char *layout, size_t n);
/* The header's cells up to its last named one (legacy exports pad it
 * with empty cells). */
size_t import_header_width(const struct csv_record *hdr);
/* An ACLED header with one side a row (actor1 and its inter1 or
 * associates, no second side): ACLED's one-row-per-actor export. */
bool import_acled_monadic(const struct csv_record *hdr);
/* idx[i] = the position of the column named names[i] in hdr, or -1. A name
 * may list alternatives: "assoc_actor_1|ally_actor_1". Blanks around header
 * cells and a case difference do not matter; a name longer than ten
 * characters is also found cut to ten (dBASE: GEO_PRECIS), when no cell is
 * any of the names as such. */
void import_columns(const struct csv_record *hdr, const char *const *names, size_t n, int *idx);
/* The header cell (len bytes) names the column name as import_columns
 * finds it: case and surrounding blanks ignored, or cut to dBASE's ten
 * characters. */
bool import_cell_names(const char *cell, size_t len, const char *name);

#endif
