/* distance: how far a filter's incidents are from a point (the capital:
 * places_capital names it, from the database's meta key 'capital'), per
 * time bucket of the density strip (bucket.h): the median and the 10th
 * percentile of the great-circle distances of the located incidents whose
 * first day falls in the bucket, and the file's context events in it (to
 * mark them; those before the first bucket with incidents or after the
 * last are left out: they are not the filter's span). "Closing in on Bamako" reads as a falling
 * line.
 *
 * The incidents are read in date order in steps (distance_step), so that a
 * view can count between keys; only one bucket's distances are held at a
 * time, so memory follows the busiest bucket, not the file. */
#ifndef SITREP_DISTANCE_H
#define SITREP_DISTANCE_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/bucket.h"
#include "sitrep/sqlfrag.h"

struct distance_row {
	long bucket;         /* bucket.h's number at the series' zoom */
	long long located;   /* the filter's incidents with a point in it */
	double median_km;    /* NAN when located is 0 (a bucket of context events only) */
	double p10_km;       /* nearest rank: the ceil(n / 10)-th nearest */
	long long context;   /* the file's context events in the bucket */
	char *context_title; /* the first of them (from data: sanitise it), or NULL */
};

struct distance_series {
	enum bucket_zoom zoom;
	struct distance_row *v; /* by bucket, ascending; only buckets with something,
				   the first and last with incidents */
	size_t n;
	long long undated; /* located incidents whose date cannot be read, left out */
};

struct distance_scan;

/* Start reading where's incidents (over alias e, may be empty; copied)
 * against the point (lat, lon). The rows are read in date order: give
 * the filter's form for pages (filter_compile), made to walk the date
 * index, so that no step sorts them all. NULL with *err set on bad SQL. */
struct distance_scan *distance_begin(sqlite3 *db, const struct sqlfrag *where,
				     enum bucket_zoom zoom, double lat, double lon, char **err);
/* Read for about budget_ms milliseconds (at least a row). 1 while rows
 * are left, 0 when the series is complete, -1 with *err set. */
int distance_step(struct distance_scan *s, int budget_ms, char **err);
/* The series so far: the buckets finished (complete once a step said 0). */
const struct distance_series *distance_series(const struct distance_scan *s);
/* Move the series out of the scan into *out (the caller frees it). */
void distance_take(struct distance_scan *s, struct distance_series *out);
void distance_end(struct distance_scan *s);

/* The whole series at once (begin, step to the end, taken out of the
 * scan into *out). 0, or -1 with *err set. */
int distance_compute(sqlite3 *db, const struct sqlfrag *where, enum bucket_zoom zoom, double lat,
		     double lon, struct distance_series *out, char **err);
void distance_series_free(struct distance_series *d);

/* Sort n values ascending (for the two below). */
void distance_sort(double *v, size_t n);
/* Of n ascending values: the median (mean of the middle two when n is
 * even) and the nearest-rank p-th percentile (0 < p <= 100). NAN when n
 * is 0. */
double distance_median(const double *v, size_t n);
double distance_percentile(const double *v, size_t n, int p);

#endif
