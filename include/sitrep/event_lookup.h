/* event_lookup: the look-ups the browser makes besides pages of the
 * timeline, so that no view writes SQL: an event by the id a user types,
 * an actor's latest event in the filter, the context events around a date,
 * and the conditions for the search and for context events, each composed
 * with the filter by sqlfrag_and. */
#ifndef SITREP_EVENT_LOOKUP_H
#define SITREP_EVENT_LOOKUP_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/date.h"
#include "sitrep/query.h"
#include "sitrep/sqlfrag.h"

/* The event a user names: "#ROWID" (sitrep's own id) or an origin id
 * ("MLI2665"). *found false when none. 0, or -1 with *err set. */
int event_find(sqlite3 *db, const char *id, struct event_key *key, bool *found, char **err);

/* The latest event of actor_id among q's (q->where may be empty). */
int event_latest_of_actor(const struct query *q, long long actor_id, struct event_key *key,
			  bool *found, char **err);

/* The context events starting within days of span (either side), but
 * event except, in timeline order, at most limit; appended to *rows. */
int event_context_around(sqlite3 *db, const struct date_span *span, int days, long long except,
			 int limit, struct event_row **rows, size_t *n, char **err);

/* The incidents starting within days of span (either side), at most limit
 * of them in timeline order appended to *rows, and how many start before
 * span, within it and after it. 0, or -1 with *err set. */
struct around_counts {
	long before, during, after;
};
int event_incidents_around(sqlite3 *db, const struct date_span *span, int days, int limit,
			   struct event_row **rows, size_t *n, struct around_counts *counts,
			   char **err);

/* The search: the title, description, place, region, type or an actor's
 * name holds needle (a text_search_needle: word starts, whole words unless
 * it ends in '*'; search_hit() is registered by db.c). */
void event_search_cond(struct sqlfrag *out, const char *needle);
/* The event id's description into *out (NULL when it has none). 0, or -1
 * with *err set. */
int event_description(sqlite3 *db, long long id, char **out, char **err);
/* The context events. */
void event_context_cond(struct sqlfrag *out);

#endif
