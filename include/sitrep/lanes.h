/* lanes: the actor swimlanes' data. The filter's top actors by events
 * (counted as the actor panel counts them, actors.h), then each one's
 * events per day over the span of their events, and the days of the
 * file's context events in that span; the view sums the days into the
 * density strip's buckets at any zoom without asking the database again.
 * All three passes run in steps (lanes_step), so that a big file never
 * holds the keys up. Memory: lanes x days of the span, the actors table,
 * and a byte per day for the context events. */
#ifndef SITREP_LANES_H
#define SITREP_LANES_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sitrep/actors.h"
#include "sitrep/bucket.h"
#include "sitrep/sqlfrag.h"

struct lane {
	long long id;
	char *name; /* from data: sanitise it to show */
	long events;
};

struct lanes {
	struct lane *v; /* most events first (then by name); set once the actors are counted */
	size_t n;
	long first, last; /* the lanes' span of days (when n) */
	/* internal */
	unsigned *days;         /* n rows of (last - first + 1) counts */
	unsigned char *context; /* per day of the span: a context event on it */
	int phase;              /* 0 actors, 1 days, 2 context, 3 done */
	int top;
	sqlite3 *db;
	struct sqlfrag where;
	struct actor_list actors;
	sqlite3_stmt *st;
	long long cur_event;
	uint64_t seen; /* the lanes counted in cur_event, a bit each */
};

/* Start for the events matching where (over alias e; copied), at most top
 * lanes (1..64). 0, or -1 with *err set. */
int lanes_begin(sqlite3 *db, const struct sqlfrag *where, int top, struct lanes *out, char **err);
/* Work for about budget_ms. 1 while work is left, 0 when done, -1 with
 * *err set. */
int lanes_step(struct lanes *l, int budget_ms, char **err);
bool lanes_done(const struct lanes *l);
/* Lane i's events in bucket b at zoom z (0 outside the span). */
long lanes_count(const struct lanes *l, size_t i, enum bucket_zoom z, long b);
/* Whether bucket b at zoom z holds a context event's first day. */
bool lanes_context(const struct lanes *l, enum bucket_zoom z, long b);
void lanes_free(struct lanes *l);

#endif
