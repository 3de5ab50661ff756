/* distance: a filter's incidents' distance from a point per time bucket
 * (see distance.h). Two statements, read in steps: the located incidents
 * in date order (a bucket's distances are summed up when the next bucket
 * starts), then the file's context events, put in their buckets. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/distance.h"
#include "sitrep/places.h"
#include "sitrep/util.h"

struct distance_scan {
	sqlite3 *db;
	double lat, lon;
	sqlite3_stmt *st; /* the statement being read: incidents, then context */
	bool context;     /* st reads the context events */
	bool done;
	struct distance_series out;
	size_t cap;
	/* the bucket being read: its distances */
	long bucket;
	double *km;
	size_t nkm, capkm;
};

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

void distance_sort(double *v, size_t n)
{
	if (n)
		qsort(v, n, sizeof(double), cmp_double);
}

double distance_median(const double *v, size_t n)
{
	if (n == 0)
		return NAN;
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double distance_percentile(const double *v, size_t n, int p)
{
	if (n == 0)
		return NAN;
	size_t rank = (n * (size_t)p + 99) / 100; /* ceil(n * p / 100), 1-based */
	return v[rank ? rank - 1 : 0];
}

/* A row for bucket b, at its place in the ascending series. */
static struct distance_row *row_for(struct distance_scan *s, long b)
{
	struct distance_series *d = &s->out;
	size_t lo = 0, hi = d->n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (d->v[mid].bucket < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < d->n && d->v[lo].bucket == b)
		return &d->v[lo];
	if (d->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		d->v = xrealloc(d->v, s->cap * sizeof(*d->v));
	}
	memmove(&d->v[lo + 1], &d->v[lo], (d->n - lo) * sizeof(*d->v));
	d->n++;
	d->v[lo] = (struct distance_row){b, 0, NAN, NAN, 0, NULL};
	return &d->v[lo];
}

/* The bucket read so far is complete: its figures. */
static void flush(struct distance_scan *s)
{
	if (!s->nkm)
		return;
	distance_sort(s->km, s->nkm);
	struct distance_row *r = row_for(s, s->bucket);
	r->located = (long long)s->nkm;
	r->median_km = distance_median(s->km, s->nkm);
	r->p10_km = distance_percentile(s->km, s->nkm, 10);
	s->nkm = 0;
}

static bool day_bucket(sqlite3_stmt *st, enum bucket_zoom z, long *b)
{
	const unsigned char *t = sqlite3_column_text(st, 0);
	struct date_span span;
	if (sqlite3_column_type(st, 0) != SQLITE_TEXT || !t ||
	    date_parse_iso((const char *)t, &span) < 0)
		return false;
	*b = bucket_of_span(z, &span, NULL);
	return true;
}

static void incident(struct distance_scan *s)
{
	long b;
	if (!day_bucket(s->st, s->out.zoom, &b)) {
		s->out.undated++;
		return;
	}
	if (s->nkm && b != s->bucket)
		flush(s);
	s->bucket = b;
	if (s->nkm == s->capkm) {
		s->capkm = s->capkm ? s->capkm * 2 : 256;
		s->km = xrealloc(s->km, s->capkm * sizeof(double));
	}
	s->km[s->nkm++] = geo_distance_km(s->lat, s->lon, sqlite3_column_double(s->st, 1),
					  sqlite3_column_double(s->st, 2));
}

static void context(struct distance_scan *s)
{
	long b;
	if (!day_bucket(s->st, s->out.zoom, &b))
		return;
	struct distance_row *r = row_for(s, b);
	if (r->context++ == 0)
		r->context_title = db_column_dup_or(s->st, 1, "");
}

static int fail(struct distance_scan *s, char **err)
{
	*err = db_error(s->db);
	return -1;
}

struct distance_scan *distance_begin(sqlite3 *db, const struct sqlfrag *where,
				     enum bucket_zoom zoom, double lat, double lon, char **err)
{
	struct sqlfrag own, all;
	sqlfrag_init(&own);
	sqlfrag_init(&all);
	/* a point on the globe: a file from elsewhere may hold anything. The
	 * "+" keeps the (lat, lon) index from driving: the rows come in date
	 * order from the date index, a step at a time, not all sorted by the
	 * first step */
	sqlfrag_sql(&own, "e.kind = 'incident' AND typeof(e.lat) IN ('integer', 'real')"
			  " AND typeof(e.lon) IN ('integer', 'real')"
			  " AND +e.lat BETWEEN -90 AND 90 AND +e.lon BETWEEN -180 AND 180");
	sqlfrag_and(&all, where, &own);
	char *sql = xasprintf("SELECT e.date_start, e.lat, e.lon FROM event e WHERE %s"
			      " ORDER BY e.date_start",
			      sb_str(&all.sql));
	struct distance_scan *s = xcalloc(1, sizeof(*s));
	*s = (struct distance_scan){.db = db, .lat = lat, .lon = lon};
	s->out.zoom = zoom;
	if (sqlite3_prepare_v2(db, sql, -1, &s->st, NULL) != SQLITE_OK ||
	    sqlfrag_bind(&all, s->st, 1) < 0) {
		*err = db_error(db);
		distance_end(s);
		s = NULL;
	}
	free(sql);
	sqlfrag_free(&all);
	sqlfrag_free(&own);
	return s;
}

/* Context events before the first bucket with incidents or after the
 * last are not the filter's span: left out (all of them when none). */
static void trim(struct distance_series *d)
{
	size_t first = 0, last = d->n;
	while (first < d->n && !d->v[first].located)
		first++;
	while (last > first && !d->v[last - 1].located)
		last--;
	for (size_t i = 0; i < d->n; i++)
		if (i < first || i >= last)
			free(d->v[i].context_title);
	if (first)
		memmove(d->v, d->v + first, (last - first) * sizeof(*d->v));
	d->n = last - first;
}

/* The incidents are read: the context events next. */
static int next_statement(struct distance_scan *s, char **err)
{
	flush(s);
	sqlite3_finalize(s->st);
	s->st = NULL;
	if (s->context) {
		trim(&s->out);
		s->done = true;
		return 0;
	}
	s->context = true;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT e.date_start, e.title FROM event e WHERE e.kind = 'context'"
			       " ORDER BY e.date_start, e.id",
			       -1, &s->st, NULL) != SQLITE_OK)
		return fail(s, err);
	return 1;
}

int distance_step(struct distance_scan *s, int budget_ms, char **err)
{
	double until = monotonic_ms() + budget_ms;
	for (long i = 0; !s->done; i++) {
		if (i > 0 && (budget_ms <= 0 || i % 256 == 0) && monotonic_ms() >= until)
			return 1;
		int rc = sqlite3_step(s->st);
		if (rc == SQLITE_ROW) {
			if (s->context)
				context(s);
			else
				incident(s);
		} else if (rc != SQLITE_DONE) {
			return fail(s, err);
		} else if (next_statement(s, err) < 0) {
			return -1;
		}
	}
	return 0;
}

const struct distance_series *distance_series(const struct distance_scan *s)
{
	return &s->out;
}

void distance_take(struct distance_scan *s, struct distance_series *out)
{
	*out = s->out;
	memset(&s->out, 0, sizeof(s->out));
	s->out.zoom = out->zoom;
	s->cap = 0;
}

void distance_end(struct distance_scan *s)
{
	if (!s)
		return;
	sqlite3_finalize(s->st);
	distance_series_free(&s->out);
	free(s->km);
	free(s);
}

int distance_compute(sqlite3 *db, const struct sqlfrag *where, enum bucket_zoom zoom, double lat,
		     double lon, struct distance_series *out, char **err)
{
	memset(out, 0, sizeof(*out));
	struct distance_scan *s = distance_begin(db, where, zoom, lat, lon, err);
	if (!s)
		return -1;
	int rc;
	while ((rc = distance_step(s, 1000, err)) > 0)
		;
	if (rc == 0)
		distance_take(s, out);
	distance_end(s);
	return rc;
}

void distance_series_free(struct distance_series *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].context_title);
	free(d->v);
	d->v = NULL;
	d->n = 0;
}
