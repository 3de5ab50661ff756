/* freq: the frequency view's data, as VisiData's frequency sheet: the
 * events of the current filter grouped by one of their fields (region,
 * district, place, actor, type, month, year), each group with its events,
 * its known fatalities and its share of the filter's events; the largest
 * groups first (or by fatalities, or by name), at most a bounded number.
 * Counted in timed steps (freq_begin, freq_step) so that a regrouping of
 * a million events never holds up a key; a new sort needs no new count. */
#ifndef SITREP_FREQ_H
#define SITREP_FREQ_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/span.h"
#include "sitrep/sqlfrag.h"

enum freq_by {
	FREQ_REGION,
	FREQ_DISTRICT,
	FREQ_PLACE,
	FREQ_ACTOR,
	FREQ_TYPE,
	FREQ_MONTH,
	FREQ_YEAR,
	FREQ_NBY
};

enum freq_sort { FREQ_BY_COUNT, FREQ_BY_FATALITIES, FREQ_BY_NAME, FREQ_NSORTS };

/* The buckets of a group's sparkline: the filter's span (its first to its
 * last event's start) cut into this many equal parts. */
enum { FREQ_SPARK = 16 };

/* "region" "district" "place" "actor" "type" "month" "year" */
const char *freq_by_name(enum freq_by by);
/* The filter field and value that select group name under by, for a chip
 * ("region" for a district too: region: matches either). */
const char *freq_by_field(enum freq_by by);
const char *freq_sort_name(enum freq_sort s); /* "count" "fatalities" "name" */
/* The names back (a saved view's): 0, or -1 for a name not known. */
int freq_by_parse(const char *s, enum freq_by *out);
int freq_sort_parse(const char *s, enum freq_sort *out);

struct freq_row {
	char *name; /* NULL: events with no value; raw data: sanitise to show */
	long events;
	long long fatalities;   /* known fatalities summed over its events */
	long spark[FREQ_SPARK]; /* its events in each part of the span */
};

struct freq_table {
	enum freq_by by;
	enum freq_sort sort;
	struct freq_row *v; /* in the order of sort, at most the limit asked */
	size_t n;
	long groups;              /* every group, shown or not */
	long total;               /* the filter's events: what a share is of */
	char first[11], last[11]; /* the span: first and last start, "" none */
};

/* The groups of the events matching where (over alias e; empty: every
 * event) under by, sorted by sort, at most limit. An actor group counts
 * an event once whatever roles the actor has in it; an event with several
 * actors is in several groups, so shares may add to more than 100%.
 * 0, or -1 with *err set. */
int freq_load(sqlite3 *db, const struct sqlfrag *where, enum freq_by by, enum freq_sort sort,
	      int limit, struct freq_table *out, char **err);
void freq_free(struct freq_table *t);

/* A count under way: first the filter's span (for the sparklines), then
 * one row per event and group, summed here. Internal but for done and
 * the progress: span.events (the filter's events, once span.done) and
 * counted (the events summed so far). */
struct freq_count {
	enum freq_by by;
	struct span_scan span;
	sqlite3 *db;
	sqlite3_stmt *st;
	bool done;
	long counted;
	struct freq_row *g; /* every group so far, in the order first met */
	size_t ng, capg;
	size_t *slot, nslot; /* open hash of g by name: index + 1, 0 empty */
	size_t none;         /* the group of no value: index + 1, 0 none yet */
	long long cur_event; /* the event read last and its groups */
	size_t seen[16], nseen;
};

/* Start counting where's events under by. 0, or -1 with *err set. */
int freq_begin(sqlite3 *db, const struct sqlfrag *where, enum freq_by by, struct freq_count *c,
	       char **err);
/* Count for budget_ms, or max_rows rows when max_rows > 0: 1 more to
 * count, 0 done, -1 with *err set. */
int freq_step(struct freq_count *c, int budget_ms, long max_rows, char **err);
/* The groups counted so far, sorted, at most limit (names copied). */
void freq_result(const struct freq_count *c, enum freq_sort sort, int limit,
		 struct freq_table *out);
void freq_count_free(struct freq_count *c);

#endif
