/* density: events per time bucket for the density strip, incidents and
 * context events apart. One pass over the filter's events fills a per-day
 * histogram from which every zoom level is summed in memory, so zooming
 * never touches the database; the pass runs in bounded steps (density_step)
 * that the UI calls between keys, and the last few filters stay cached. */
#ifndef SITREP_DENSITY_H
#define SITREP_DENSITY_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/bucket.h"
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
 * text that names it (the filter text) for the cache. A filter seen lately
 * comes back finished at once. 0, or -1 with *err set (bad SQL). */
int density_set_filter(struct density *d, const char *key, const struct sqlfrag *where, char **err);
/* Work for about budget_ms milliseconds (at least one row). 1 when work is
 * left, 0 when the counts are complete, -1 with *err set. */
int density_step(struct density *d, int budget_ms, char **err);
/* Step until complete. 0 or -1 with *err set. */
int density_run(struct density *d, char **err);
bool density_done(const struct density *d);
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
