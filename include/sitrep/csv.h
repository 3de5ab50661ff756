/* csv: a streaming reader for RFC 4180 CSV as real exports write it:
 * quoted fields with "" escapes and newlines inside, CRLF or LF, a UTF-8
 * byte-order mark, ragged rows. It reads bytes; re-encoding is the
 * importer's job. Records are reported with the line they start on. */
#ifndef SITREP_CSV_H
#define SITREP_CSV_H

#include <stddef.h>
#include <stdio.h>

struct csv_reader;

struct csv_record {
	size_t nfields;
	char **fields;      /* NUL-terminated; valid until the next csv_read */
	size_t *lengths;    /* byte lengths (fields may hold NULs in binary input) */
	unsigned long line; /* 1-based line where the record starts */
};

struct csv_reader *csv_open(FILE *f, char delim);
/* 1 = a record, 0 = end of input, -1 = error (csv_error tells). */
int csv_read(struct csv_reader *r, struct csv_record *rec);
const char *csv_error(const struct csv_reader *r);
/* True if the input started with a UTF-8 byte-order mark (skipped). */
int csv_had_bom(const struct csv_reader *r);
/* Bytes of input consumed so far (for progress). */
long long csv_offset(const struct csv_reader *r);
void csv_close(struct csv_reader *r);

#endif
