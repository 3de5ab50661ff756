/* import_detect: which format a file is, from its first line alone:
 * the sitrep text format, the gazetteer CSV, ACLED (every generation) or
 * UCDP GED, matching CSV column names case-insensitively, in any order.
 * Also finds the columns a reader wants by name. Pure. */
#ifndef SITREP_IMPORT_DETECT_H
#define SITREP_IMPORT_DETECT_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/csv.h"

enum import_format {
	IMPORT_UNKNOWN,
	IMPORT_NATIVE,
	IMPORT_PLACES,
	IMPORT_ACLED,
	IMPORT_UCDP,
};

struct import_kind {
	enum import_format format;
	const char *layout; /* "ACLED 2019 export (30 columns)", for messages */
};

/* True when the text starts like a sitrep text file ("# sitrep-data"). */
bool import_is_native(const char *head, size_t n);
/* Recognise a CSV header record. Returns the format (IMPORT_UNKNOWN if none). */
enum import_format import_detect_header(const struct csv_record *hdr, struct import_kind *k);
/* An ACLED header with one side a row (actor1 and its inter1 or
 * associates, no second side): ACLED's one-row-per-actor export. */
bool import_acled_monadic(const struct csv_record *hdr);
/* "acled", "ucdp", ... -> format; IMPORT_UNKNOWN for "auto" or junk. */
enum import_format import_format_parse(const char *name);
const char *import_format_name(enum import_format f);

/* idx[i] = the position of the column named names[i] in hdr, or -1. A name
 * may list alternatives: "assoc_actor_1|ally_actor_1". Blanks around header
 * cells and a case difference do not matter. */
void import_columns(const struct csv_record *hdr, const char *const *names, size_t n, int *idx);

#endif
