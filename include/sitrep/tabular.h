/* tabular: rows of named columns written as a table fitted to the terminal
 * (sanitised, cut by display width), or exactly as CSV, TSV or JSON for
 * scripts. The list, stats and export commands all write through here. */
#ifndef SITREP_OUTPUT_H
#define SITREP_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

enum out_format { OUT_TABLE, OUT_CSV, OUT_TSV, OUT_JSON };

/* What the exact writers do with control characters from the data (an
 * escape sequence in a title must not reach the terminal of whoever reads
 * the output, nor hide in a file that is later shown with cat). */
enum out_controls {
	OUT_CONTROLS_FILE,     /* a file or a pipe: CSV and TSV never hold a C0 or C1
				  control the format does not need: each becomes
				  "\xHH" (text_escape); CSV keeps tabs and line breaks
				  in quoted fields, TSV escapes them */
	OUT_CONTROLS_TERMINAL, /* a terminal: the same, and bidi controls and line
				  separators too */
	OUT_CONTROLS_RAW,      /* --raw: the bytes exactly as stored */
};
/* TERMINAL when f is a terminal, else FILE; RAW when raw. */
enum out_controls out_controls_for(FILE *f, bool raw);

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
	/* CSV/TSV: out_controls_for(f) from out_begin; a caller may set it
	 * (--raw) before the first row */
	enum out_controls controls;
	long rows;
};

/* term_width: the table's total width. */
void out_begin(struct out *o, FILE *f, enum out_format fmt, const struct out_col *cols, int ncols,
	       int term_width);
/* One row; values[i] NULL means absent (empty in CSV/TSV, null in JSON). */
void out_row(struct out *o, const char *const *values);
void out_end(struct out *o);

/* Field writers: CSV quotes when needed and doubles quotes; TSV escapes
 * backslash, tab, newline and CR as \\ \t \n \r; both treat other control
 * characters as controls says. JSON escapes per RFC 8259, always safe and
 * exact: C0, DEL, C1, bidi controls and U+2028/U+2029 as \uXXXX, a byte
 * that is not UTF-8 as U+FFFD (JSON is UTF-8). */
void out_csv_field(FILE *f, const char *s, char delim, enum out_controls controls);
void out_tsv_field(FILE *f, const char *s, enum out_controls controls);
void out_json_string(FILE *f, const char *s);

/* Columns of the terminal on fd 1, or 80 when it is not a terminal. */
int out_terminal_width(void);

#endif
