/* span: the first and last start day of a filter's events and how many
 * there are, read in timed steps (one row an event) so that a big file
 * never holds up a key; and the part of that span a day falls in, for the
 * sparklines of the frequency view and the actor panel. */
#ifndef SITREP_SPAN_H
#define SITREP_SPAN_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/sqlfrag.h"

struct span_scan {
	long first, last; /* day numbers (date.h); first > last: no event yet */
	long events;      /* events read so far: the filter's when done */
	bool done;
	sqlite3 *db;
	sqlite3_stmt *st;
};

/* Start reading the events matching where (over alias e; empty: every
 * event). 0, or -1 with *err set. */
int span_begin(sqlite3 *db, const struct sqlfrag *where, struct span_scan *s, char **err);
/* Read until the clock passes deadline (monotonic_ms) or max_rows rows
 * (0: no limit): 1 more to read, 0 done, -1 with *err set. */
int span_step(struct span_scan *s, double deadline, long max_rows, char **err);
void span_free(struct span_scan *s);

/* The start day of "YYYY-MM-DD..." text, or DATE_INVALID_DAY. */
long span_day(const unsigned char *iso);
/* The part (0..parts-1) of the span [first, last] that day is in, or -1
 * outside it: the span cut into parts equal in days. */
int span_part(long first, long last, long day, int parts);

#endif
