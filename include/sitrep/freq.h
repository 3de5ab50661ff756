/* freq: the frequency view's data, as VisiData's frequency sheet: the
 * events of the current filter grouped by one of their fields (region,
 * district, place, actor, type, month, year), each group with its events,
 * its known fatalities and its share of the filter's events. One grouped
 * query, the largest groups first (or by fatalities, or by name), at most
 * a bounded number of groups. */
#ifndef SITREP_FREQ_H
#define SITREP_FREQ_H

#include <sqlite3.h>
#include <stddef.h>

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

#endif
