/* tabular: rows of named columns written as a table fitted to the terminal
 * (sanitised, cut by display width), or exactly as CSV, TSV or JSON for
 * scripts. The list, stats and export commands all write through here. */
#ifndef SITREP_OUTPUT_H
#define SITREP_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

enum out_format { OUT_TABLE, OUT_CSV, OUT_TSV, OUT_JSON };

/* "table", "csv", "tsv", "json". 0 ok, -1 unknown. */
int out_format_parse(const char *s, enum out_format *f);

struct out_col {
	const char *name;
	int min;       /* table: narrowest useful width */
	int weight;    /* table: share of the spare width (0 = stays at min) */
	bool numeric;  /* JSON number, right-aligned in a table */
	bool optional; /* table: dropped first when the width is short */
};

struct out {
	FILE *f;
	enum out_format fmt;
	const struct out_col *cols;
	int ncols;
	int width[32];  /* table: columns per column, 0 = dropped */
	int text_flags; /* TEXT_ASCII when the locale is not UTF-8 */
	long rows;
};

/* term_width: the table's total width. */
void out_begin(struct out *o, FILE *f, enum out_format fmt, const struct out_col *cols, int ncols,
	       int term_width);
/* One row; values[i] NULL means absent (empty in CSV/TSV, null in JSON). */
void out_row(struct out *o, const char *const *values);
void out_end(struct out *o);

/* Field writers, exact: CSV quotes when needed and doubles quotes; TSV
 * escapes backslash, tab, newline and CR as \\ \t \n \r; JSON escapes per
 * RFC 8259 (control characters as \u00XX). */
void out_csv_field(FILE *f, const char *s, char delim);
void out_tsv_field(FILE *f, const char *s);
void out_json_string(FILE *f, const char *s);

/* Columns of the terminal on fd 1, or 80 when it is not a terminal. */
int out_terminal_width(void);

#endif
