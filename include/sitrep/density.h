/* density: events per time bucket for the density strip, incidents and
 * context events apart. One pass over the filter's events fills a per-day
 * histogram from which every zoom level is summed in memory, so zooming
 * never touches the database; the pass runs in bounded steps (density_step)
 * that the UI calls between keys, and the last few filters stay cached.
 * Without a filter the histogram comes whole from the event_day table when
 * the file has one, complete as soon as the filter is set; the next step
 * checks its total against the events and counts again if they disagree. */
#ifndef SITREP_DENSITY_H
#define SITREP_DENSITY_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/bucket.h"
#include "sitrep/query.h"
#include "sitrep/sqlfrag.h"

struct density;

struct density_counts {
	long incidents, context;
};

/* A counter for db. The database's date range is read once here; NULL with
 * *err set on a database error. */
struct density *density_new(sqlite3 *db, char **err);
void density_free(struct density *d);

/* Count for a filter: where (over alias e, may be empty; copied) and key, a
 * text that names it (the filter text) for the cache. A filter seen lately,
 * and an empty one on a file with event_day, come back done at once. 0, or
 * -1 with *err set (bad SQL). */
int density_set_filter(struct density *d, const char *key, const struct sqlfrag *where, char **err);
/* Events counted beside the file's own: a context layer's (layer.h), the
 * ones the filter keeps. They show in every bucket, range and maximum,
 * never in density_total (the file's own count). Copied; set again when
 * the filter or the layers change. */
void density_set_extra(struct density *d, const struct row_set *extra);
/* Drop every count, cached ones too: the same filter text now selects
 * other events (the analyst's marks changed). */
void density_forget(struct density *d);
/* Work for about budget_ms milliseconds (at least one row, or the check of
 * event_day's total). 1 when work is left, 0 when the counts are complete
 * and checked, -1 with *err set. */
int density_step(struct density *d, int budget_ms, char **err);
/* Step until settled. 0 or -1 with *err set. */
int density_run(struct density *d, char **err);
/* The counts are complete (maybe still to be checked: a failed check
 * starts them over, and they are not done any more). */
bool density_done(const struct density *d);
/* Complete and checked: no step left to do. */
bool density_settled(const struct density *d);
/* The number of events of the filter named key, as count(*) would say,
 * when its counts are done (now or in the cache); false otherwise, also
 * once a failed check has withdrawn them. */
bool density_total(const struct density *d, const char *key, long long *n);
/* True when the filter being counted (or counted) is the one named key. */
bool density_is(const struct density *d, const char *key);

/* Counts for bucket b at zoom z: final once density_done, the part counted
 * so far before. Events count in the bucket of their first day (bucket.h). */
struct density_counts density_bucket(const struct density *d, enum bucket_zoom z, long b);
/* First and last day holding a counted event; false when none (yet). */
bool density_range(const struct density *d, long *first, long *last);
/* The largest bucket total among buckets from..to at zoom z (for scaling). */
long density_max(const struct density *d, enum bucket_zoom z, long from, long to);

#endif
