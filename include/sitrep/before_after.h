/* before_after: a filter's incidents in equal windows before and after a
 * day (a context event's date): counts, fatalities, by type, by region,
 * the actors that appear or disappear, and the median distance from a
 * point (the capital). The before window is the `days` days ending the
 * day before; the after window the `days` days starting on the day
 * itself: the event's own day counts in "after". */
#ifndef SITREP_BEFORE_AFTER_H
#define SITREP_BEFORE_AFTER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/sqlfrag.h"

struct ba_row {
	char *name;
	long long before, after;
};

struct ba_rows {
	struct ba_row *v;
	size_t n;
};

struct before_after {
	/* the windows, inclusive days "YYYY-MM-DD" */
	char before_from[16], before_to[16], after_from[16], after_to[16];
	long long events[2], fatalities[2]; /* [0] before, [1] after */
	long long bad_fatalities;           /* figures that are not counts, left out */
	double median_km[2];                /* NAN when no event in the window has a point */
	long long located[2];               /* events with a point */
	struct ba_rows types, regions;
	struct ba_rows appear;    /* actors in after, not before; most events first */
	struct ba_rows disappear; /* in before, not after */
	/* the stepped reading (before_after_step): days of the two windows
	 * read so far, of days_total; complete once every figure is in */
	int days_done, days_total;
	bool complete;
	struct ba_scan *scan; /* before_after.c's own: what is summed so far */
};

/* "30d", "90d", "365d": a number of days, 1..36500. 0 ok, -1 malformed. */
int before_after_window_parse(const char *s, int *days);

/* The event with sitrep's id `id`: its date (the first ten bytes of
 * date_start) and whether it is a context event. 0 found, 1 none, -1
 * error with *err set. */
int before_after_anchor(sqlite3 *db, long long id, char date[16], bool *is_context, char **err);

/* The figures for where's incidents (where may be empty) around day
 * "YYYY-MM-DD", windows of days days; at most top actors in each of
 * appear and disappear; distances from (lat, lon) unless has_point is
 * false (then NAN). 0, or -1 with *err set (out is then freed). */
int before_after_compute(sqlite3 *db, const struct sqlfrag *where, const char *day, int days,
			 int top, bool has_point, double lat, double lon, struct before_after *out,
			 char **err);
/* The same in steps, for a view to run between keys: begin sets the
 * windows (0, or -1 with *err set: day is not a day); each step reads the
 * next days of the windows, as many as fit in about budget_ms (at least
 * one), summing every figure over them: 1 while days are left, 0 once
 * all are read and the figures complete, -1 with *err set (out is then
 * freed). Pass the filter's pages form (it walks the date index): each
 * step's query is bounded by its days, not by the whole window. */
int before_after_begin(const char *day, int days, struct before_after *out, char **err);
int before_after_step(sqlite3 *db, const struct sqlfrag *where, int top, bool has_point, double lat,
		      double lon, int budget_ms, struct before_after *out, char **err);
void before_after_free(struct before_after *ba);

/* A figure as the CLI and the view show it: x with prec decimals, "-"
 * for NAN (no figure). Its change: "+12 (+25.0%)", "+3 (from 0)" when
 * before is 0, "-" when either side is NAN. */
void before_after_number(char *buf, size_t size, double x, int prec);
void before_after_change(char *buf, size_t size, double before, double after, int prec);

#endif
