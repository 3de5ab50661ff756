/* export: the filtered events, in timeline order (date_start, id), as CSV,
 * TSV, JSON, the current ACLED layout, or the sitrep text format. Events
 * are read a page at a time by key, so memory does not grow with the file.
 * `sitrep export` and the TUI's :export both come here. */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "sitrep/layer_set.h"
#include "sitrep/mark_index.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/tabular.h"

/* "csv", "tsv", "json", "acled", "native". */
bool export_format_known(const char *format);

/* Write the events matching where (an expression over alias "e", empty or
 * NULL for all) to out. Returns 0, or -1 with *err set (caller frees). */
int export_write(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		 char **err);
/* The same, also telling how many events were written (may be NULL).
 * Control characters from the data are treated as out_controls_for(out)
 * says: made visible, on a terminal and in CSV, TSV and ACLED files; the
 * sitrep text format keeps them in a file (import reads it back exactly). */
int export_write_n(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		   long long *written, char **err);
/* The same with control characters treated as controls says (--raw). */
int export_write_controls(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
			  enum out_controls controls, long long *written, char **err);

/* Whether format can carry each event's tags and notes (csv, tsv and json:
 * the ACLED layout has its own "tags" and "notes", and the sitrep text
 * format is data to import, where marks live in the notebook). */
bool export_format_takes_marks(const char *format);
/* Whether format names each event's layer (a last column or member
 * "layer"): the same three; ACLED's layout and the text format write a
 * layer's event as its own data set has it. */
bool export_format_takes_layer(const char *format);

struct export_options {
	enum out_controls controls;
	/* --with-notes: each event's tags and notes from these marks, as two
	 * more columns (csv, tsv) or members (json); NULL for none */
	const struct mark_index *marks;
	/* the layers over db whose events the filter keeps join the file's,
	 * in timeline order (layer_set.h); NULL for the file alone */
	const struct layer_set *layers;
};
/* export_write_controls with the options above. */
int export_write_opts(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		      const struct export_options *o, long long *written, char **err);

#endif
