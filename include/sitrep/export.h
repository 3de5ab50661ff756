/* export: the filtered events, in timeline order (date_start, id), as CSV,
 * TSV, JSON, the current ACLED layout, or the sitrep text format. Events
 * are read a page at a time by key, so memory does not grow with the file.
 * `sitrep export` and the TUI's :export both come here. */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "sitrep/sqlfrag.h"

/* "csv", "tsv", "json", "acled", "native". */
bool export_format_known(const char *format);

/* Write the events matching where (an expression over alias "e", empty for
 * all) to out. Returns the number of events written, or -1 with *err set
 * (caller frees). */
long long export_write(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		       char **err);

#endif
