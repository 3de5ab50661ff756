/* import_reader: the table of import formats. Each format is one file
 * with its reader (a name for --format, a line of help, a detect function
 * that recognises a file by its first bytes or its CSV header, and a run
 * function that reads it) and one line in import_reader.c; `sitrep import
 * --format` and its help text come from the table. */
#ifndef SITREP_IMPORT_READER_H
#define SITREP_IMPORT_READER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "sitrep/csv.h"
#include "sitrep/import.h"

#define IMPORT_LAYOUT_MAX 160

/* What detection looks at: the file's first bytes, and its first CSV
 * record (NULL when it has none; --map's names already applied). */
struct import_probe {
	const char *head;
	size_t nhead;
	const struct csv_record *hdr;
};

struct csv_in; /* import_csv.h */

/* What a reader reads: the file, and for a CSV reader the records after
 * the header (the file layer reads and checks the header). */
struct import_source {
	FILE *f;
	struct csv_in *csv; /* set for readers with csv */
};

struct import_reader {
	const char *name; /* for --format */
	const char *help; /* what it reads, for --help */
	bool csv;         /* reads CSV records through struct csv_in */
	/* For a CSV reader: the columns it cannot do without (names as for
	 * import_columns, NULL-terminated), to say which a file lacks. */
	const char *const *required;
	/* True when the probe is this format; the layout it found (for the
	 * summary: "ACLED 2019 export (data_id, 30 columns)") in layout. */
	bool (*detect)(const struct import_probe *p, char *layout, size_t n);
	/* 0 done (bad rows may have been skipped, each reported), -1 when
	 * the file's import must be rolled back (reported). */
	int (*run)(struct import_ctx *ctx, struct import_source *src);
};

/* The readers, in the order detection tries them, NULL-terminated. */
extern const struct import_reader *const import_readers[];

/* The reader called name (any case), NULL when none. */
const struct import_reader *import_reader_find(const char *name);
/* The first reader whose detect accepts the probe, its layout in layout;
 * NULL when none does. */
const struct import_reader *import_reader_detect(const struct import_probe *p, char *layout,
						 size_t n);
/* "acled, ucdp, ..." : the names, for messages. */
void import_reader_names(char *out, size_t n);
/* The --help lines of every format ("  acled  ..."), to f. */
void import_reader_help(FILE *f);

#endif
