/* import_csv: what the CSV importers (ACLED, UCDP) share: the columns a
 * reader wants, found by name in the header; each record's fields as
 * trimmed UTF-8 (converted from Windows-1252 when the file is); ragged
 * rows and reader errors reported as file:line; progress. */
#ifndef SITREP_IMPORT_CSV_H
#define SITREP_IMPORT_CSV_H

#include <stdbool.h>

#include "sitrep/csv.h"
#include "sitrep/encoding.h"
#include "sitrep/import.h"
#include "sitrep/progress.h"
#include "sitrep/strbuf.h"

#define IMPORT_CSV_MAX_COLS 64

struct csv_in {
	struct csv_reader *csv;
	struct enc_conv *conv;     /* set: the file is Windows-1252 */
	struct progress *progress; /* may be NULL */
	const struct csv_record *hdr;
	size_t base;                  /* the file's own header cells (hdr may add more) */
	size_t width;                 /* header cells up to the last named one */
	int idx[IMPORT_CSV_MAX_COLS]; /* column of each wanted name, or -1 */
	size_t ncols;
	struct csv_record rec; /* the current record */
	bool past_tags;        /* the record after the header was looked at */
	struct strbuf conv_buf[IMPORT_CSV_MAX_COLS];
	struct strbuf norm_buf[IMPORT_CSV_MAX_COLS]; /* fields with inner spaces or C1 fixed */
	/* extra: header cells mapped to a schema column (the rest go to the
	 * event's extra object), their names as UTF-8, the object built. */
	unsigned char *mapped;
	char **keys;
	struct strbuf extra, extra_conv;
	struct csv_record hdr_added; /* the header with csv_in_add_columns' cells */
};

/* Columns the file does not have, which the reader fills itself (a
 * monadic ACLED export's second side): added after the header's cells,
 * found by csv_in_columns, mapped or kept in extra like the others, and not
 * expected in the file's rows. Call it before csv_in_columns. */
void csv_in_add_columns(struct csv_in *in, const char *const *names, size_t n);

/* Find the wanted columns (see import_columns). */
void csv_in_columns(struct csv_in *in, const char *const *names, size_t n);
/* Next record with the header's shape: 1, 0 at the end, -1 when the
 * import must stop (reported). Rows too short or too long are reported
 * and skipped here. */
int csv_in_next(struct import_ctx *ctx, struct csv_in *in);
/* Wanted column col of the current record, trimmed UTF-8; "" if absent.
 * Inner Unicode spaces read as one ASCII space, C1 mojibake as the quote
 * or dash it stood for. */
const char *csv_in_get(struct csv_in *in, int col);
void csv_in_free(struct csv_in *in);
/* The wanted columns (indexes into the names given to csv_in_columns) a
 * reader maps to schema columns without loss; every other column of the
 * header goes to the event's extra object. */
void csv_in_mapped(struct csv_in *in, const int *cols, size_t n);
/* Call after csv_in_mapped: the extra object's keys for header cells that
 * name one of names (in upper case, or cut by dBASE: import_cell_names)
 * become that name, so that a legacy file's INTERACTION is found where a
 * current file's interaction is. Other keys stay as written. */
void csv_in_key_names(struct csv_in *in, const char *const *names, size_t n);
/* The current record's other non-empty fields as a JSON object (see
 * extra_json.h), as read; NULL when there is none. Call it before csv_in_get,
 * which trims fields in place. Valid until the next call. */
const char *csv_in_extra(struct csv_in *in);
/* Keep value, as read from the wanted column col, in the current record's
 * extra object too (a mapped column whose mapping loses how the source
 * wrote it). Returns the object, which may have moved. */
const char *csv_in_extra_keep(struct csv_in *in, int col, const char *value);

/* ACLED's rows (any generation; import_acled.c). any: a table of events
 * of any shape (import_table.c), its columns named as ACLED's, rows without
 * an id given one from their content, the columns it reads and the others
 * said (unless quiet). */
int import_acled_rows(struct import_ctx *ctx, struct csv_in *in, bool any);
/* Say on ctx->msg which columns of the header are read (those of the names
 * given to csv_in_columns) and which are only kept in extra. */
void csv_in_note_columns(struct import_ctx *ctx, const struct csv_in *in);

/* The UCDP GED version a file's name gives ("ged191.csv": "19.1"), or "". */
void ucdp_file_version(const char *path, char out[8]);

/* Report a bad row (import_bad) and say what the reader does next: 1 skip
 * it, -1 stop (--strict). */
int import_skip(struct import_ctx *ctx, unsigned long line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Numbers as exports write them ("2", "2.0", " 15.797 "). 0 ok, -1 bad,
 * 1 empty. */
int parse_count(const char *s, long long *out);
int parse_real(const char *s, double *out);

#endif
