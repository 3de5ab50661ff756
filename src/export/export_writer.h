/* export_writer: what the export walker hands each format's writer: one
 * event with every column, its actors with roles and its sources. Shared
 * by export.c (the walk) and the writers (export_csv.c, export_native.c). */
#ifndef SITREP_EXPORT_WRITER_H
#define SITREP_EXPORT_WRITER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "sitrep/notebook.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/tabular.h"

/* Event columns, in the order the walker selects them. */
enum xcol {
	X_ID,
	X_KIND,
	X_START,
	X_END,
	X_PREC,
	X_TITLE,
	X_DESC,
	X_TYPE,
	X_SUBTYPE,
	X_LOCATION,
	X_ADMIN1,
	X_ADMIN2,
	X_COUNTRY,
	X_LAT,
	X_LON,
	X_GEOPREC,
	X_FAT,
	X_FAT_LOW,
	X_FAT_HIGH,
	X_FAT_NOTE,
	X_ORIGIN,
	X_ORIGIN_ID,
	X_EXTRA, /* a JSON object (see extra_json.h) or NULL */
	X_NCOLS
};
extern const char *const export_col_names[X_NCOLS];
/* The columns that hold numbers (a JSON number when set). */
bool xcol_numeric(int col);

struct xactor {
	const char *name, *role; /* never NULL; role may be any text */
};

struct xsource {
	const char *title, *publisher, *url, *published, *quote;
	const char *fatalities; /* as text, NULL when none */
};

struct xevent {
	/* Text of each column, NULL when SQL NULL; never NULL for the columns
	 * the schema declares NOT NULL (X_KIND, X_START, X_END, X_PREC,
	 * X_TITLE, X_ORIGIN, X_ORIGIN_ID); a number column only holds a
	 * number (xcol_numeric). */
	const char *col[X_NCOLS];
	struct xactor *actors;
	int nactors;
	struct xsource *sources;
	int nsources;
	enum out_controls controls; /* what to do with control characters */
	/* --with-notes: the event's marks from the notebook (nmarks of
	 * them, oldest first); the writers add tags and notes */
	bool with_marks;
	const struct mark *marks;
	size_t nmarks;
	/* layers on: the name of the event's layer, NULL for the file's own */
	bool with_layer;
	const char *layer;
};

/* The columns a writer adds after the event's own (begin's cols). */
enum { EXPORT_COLS_MARKS = 1, EXPORT_COLS_LAYER = 2 };

struct export_writer {
	/* cols: EXPORT_COLS_*, the events come with their marks
	 * (xevent.with_marks), their layers (xevent.with_layer) */
	void (*begin)(FILE *out, sqlite3 *db, const struct sqlfrag *where,
		      enum out_controls controls, unsigned cols);
	void (*event)(FILE *out, const struct xevent *ev, long n); /* n: events before */
	void (*end)(FILE *out, long n);
};

extern const struct export_writer export_csv_writer, export_tsv_writer, export_json_writer,
    export_acled_writer, export_native_writer;

/* Names of the actors in role, "; " between them, into a fresh string. */
char *xevent_actors(const struct xevent *ev, const char *role);

#endif
