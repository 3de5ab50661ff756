/* import_file: one input file through `sitrep import`: standard input
 * spooled so it can be read twice, the encoding decided on the whole file
 * (UTF-8, else Windows-1252), empty and binary files refused, the format
 * detected by the header, and the whole file read inside one transaction,
 * rolled back on a fatal error, on --strict's first bad row, or on Ctrl-C. */
#ifndef SITREP_IMPORT_FILE_H
#define SITREP_IMPORT_FILE_H

#include <stdbool.h>
#include <stdio.h>

#include "sitrep/import.h"
#include "sitrep/import_reader.h"
#include "sitrep/store.h"

/* --format auto: the reader is the one that detects the file. */
#define IMPORT_UNKNOWN NULL

/* What a file's import is: the layout its reader found, for the summary. */
struct import_kind {
	char layout[IMPORT_LAYOUT_MAX];
};

struct import_file_opts {
	const struct import_reader *format; /* IMPORT_UNKNOWN (NULL): detect */
	bool strict;
	bool quiet;      /* errors only: no notes, no summary, no progress bar */
	bool replace;    /* a row replaces its stored event even when older */
	const char *map; /* --map NAME=COLUMN,... (checked), or NULL */
};

/* Import path ("-" for standard input). The summary line goes to stdout,
 * problems to stderr. Returns 0, or -1 when the file was not imported. */
int import_path(struct store *s, const struct import_file_opts *o, const char *path);

/* Ctrl-C and SIGTERM during an import: the current file's transaction is
 * rolled back and the import stops. The handler only sets a flag. */
void import_catch_signals(void);
bool import_interrupted(void);

#endif
