/* density: a per-day histogram of the filter's events (see density.h).
 * Days are kept dense between the database's first and last date_start,
 * which come from an index seek each; the histogram is filled by stepping
 * statements that stream date_start values in whatever order the planner
 * likes, with no GROUP BY, so that no step ever waits for a sort: each call
 * to density_step stops when its time is up and the next one carries on
 * from the same statement. The unfiltered histogram needs no pass when
 * the file has an event_day table (events per first day, rewritten by
 * every import): it is read whole instead, and its total checked against
 * the event table by the next step, which falls back to a pass when the
 * two disagree. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/density.h"
#include "sitrep/util.h"

/* Finished histograms kept for filters seen lately (toggling a chip). */
#define DENSITY_CACHE 4
/* 10,000 years of days: a histogram never grows past ~29 MB even for a
 * file whose dates span the whole calendar. */
#define DENSITY_MAX_DAYS 3660000L

struct histo {
	char *key;
	uint32_t *all, *ctx; /* per day from d->day0 */
	long first, last;    /* counted range; first > last when none */
	long long total;     /* events counted, dates or not: the filter's count */
	bool done;
	bool unchecked;     /* from event_day, its total not yet held to count(*) */
	unsigned long used; /* for least-recently-used eviction */
};

struct density {
	sqlite3 *db;
	long day0, ndays;
	struct histo cache[DENSITY_CACHE];
	struct histo *cur;
	sqlite3_stmt *st; /* the pass under way for cur */
	int pass;         /* 0: every event, 1: context events */
	struct sqlfrag where;
	unsigned long clock;
	char last_date[DATE_ISO_LEN];
	long last_day;
	/* density_set_extra's events: their first days, ascending, and
	 * running counts (all, context) up to each, for a bucket's sum by
	 * two binary searches however many there are */
	long *xday;
	long *xall, *xctx; /* xall[i]: events of xday[0..i) */
	size_t nx;
};

static long iso_day(const char *s)
{
	struct date_span sp;

	return s && date_parse_iso(s, &sp) == 0 ? sp.start : LONG_MIN;
}

/* One day from a one-row query; LONG_MIN for NULL. Separate queries for
 * min and max: SQLite answers each from one index seek, but not the pair. */
static int day_of(sqlite3 *db, const char *sql, long *day, char **err)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

	if (rc != SQLITE_OK || sqlite3_step(st) != SQLITE_ROW) {
		*err = db_error(db);
		sqlite3_finalize(st);
		return -1;
	}
	*day = iso_day((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return 0;
}

static int date_range(sqlite3 *db, long *lo, long *hi, char **err)
{
	if (day_of(db, "SELECT min(date_start) FROM event", lo, err) < 0)
		return -1;
	return day_of(db, "SELECT max(date_start) FROM event", hi, err);
}

struct density *density_new(sqlite3 *db, char **err)
{
	long lo, hi;

	if (date_range(db, &lo, &hi, err) < 0)
		return NULL;
	struct density *d = xcalloc(1, sizeof(*d));
	d->db = db;
	if (lo == LONG_MIN || hi == LONG_MIN || hi < lo) {
		d->day0 = 0;
		d->ndays = 0; /* an empty file, or dates no sitrep import writes */
	} else {
		d->day0 = lo;
		d->ndays = hi - lo + 1 > DENSITY_MAX_DAYS ? DENSITY_MAX_DAYS : hi - lo + 1;
	}
	d->last_day = LONG_MIN;
	sqlfrag_init(&d->where);
	return d;
}

static void histo_clear(struct histo *h)
{
	free(h->key);
	free(h->all);
	free(h->ctx);
	memset(h, 0, sizeof(*h));
}

/* Every day of d's range back to zero in h, nothing counted: after a
 * start that had to be abandoned. */
static void histo_reset(const struct density *d, struct histo *h)
{
	size_t n = d->ndays ? (size_t)d->ndays : 1;

	memset(h->all, 0, n * sizeof(uint32_t));
	memset(h->ctx, 0, n * sizeof(uint32_t));
	h->first = LONG_MAX;
	h->last = LONG_MIN;
	h->total = 0;
	h->done = h->unchecked = false;
}

static int by_day(const void *a, const void *b)
{
	long x = ((const long *)a)[0], y = ((const long *)b)[0];
	return (x > y) - (x < y);
}

void density_set_extra(struct density *d, const struct row_set *extra)
{
	size_t n = 0;
	long(*pairs)[2] = xcalloc(extra->n ? extra->n : 1, sizeof *pairs);
	for (size_t i = 0; i < extra->n; i++) {
		long day = iso_day(extra->v[i].date_start);
		if (day == LONG_MIN)
			continue; /* no date: in no bucket, as for the file's own */
		pairs[n][0] = day;
		pairs[n++][1] = extra->v[i].context;
	}
	qsort(pairs, n, sizeof *pairs, by_day);
	d->xday = xrealloc(d->xday, (n ? n : 1) * sizeof *d->xday);
	d->xall = xrealloc(d->xall, (n + 1) * sizeof *d->xall);
	d->xctx = xrealloc(d->xctx, (n + 1) * sizeof *d->xctx);
	d->xall[0] = d->xctx[0] = 0;
	for (size_t i = 0; i < n; i++) {
		d->xday[i] = pairs[i][0];
		d->xall[i + 1] = d->xall[i] + 1;
		d->xctx[i + 1] = d->xctx[i] + (pairs[i][1] != 0);
	}
	d->nx = n;
	free(pairs);
}

/* The first extra event on or after day. */
static size_t extra_at(const struct density *d, long day)
{
	size_t lo = 0, hi = d->nx;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (d->xday[mid] < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void density_forget(struct density *d)
{
	sqlite3_finalize(d->st);
	d->st = NULL;
	for (int i = 0; i < DENSITY_CACHE; i++)
		histo_clear(&d->cache[i]);
	d->cur = NULL;
}

void density_free(struct density *d)
{
	if (!d)
		return;
	free(d->xday);
	free(d->xall);
	free(d->xctx);
	sqlite3_finalize(d->st);
	sqlfrag_free(&d->where);
	for (int i = 0; i < DENSITY_CACHE; i++)
		histo_clear(&d->cache[i]);
	free(d);
}

/* The cached histogram for key, or the slot to reuse (empty, unfinished or
 * least recently used). */
static struct histo *slot_for(struct density *d, const char *key, bool *hit)
{
	struct histo *victim = &d->cache[0];

	*hit = false;
	for (int i = 0; i < DENSITY_CACHE; i++) {
		struct histo *h = &d->cache[i];
		if (h->key && h->done && strcmp(h->key, key) == 0) {
			*hit = true;
			return h;
		}
		if (!h->key || !h->done)
			victim = h; /* a pass left unfinished is worth nothing */
		else if (victim->key && victim->done && h->used < victim->used)
			victim = h;
	}
	return victim;
}

/* Prepare the statement of pass d->pass. Pass 0 projects date_start of
 * the filter's events: the index that serves the filter (event_date,
 * event_admin1_date...) covers it, where a kind column would cost a table
 * row per event. Pass 1 walks the context events, which are few, and
 * evaluates the filter as a column rather than in WHERE, so that every row
 * visited comes back and no single step can scan for long without a row;
 * incidents are the difference of the two. */
static int start_pass(struct density *d, char **err)
{
	struct sqlfrag q;
	bool all = sqlfrag_empty(&d->where);

	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT e.date_start, ");
	if (d->pass == 1 && !all) {
		sqlfrag_sql(&q, "(");
		sqlfrag_append(&q, &d->where);
		sqlfrag_sql(&q, ") FROM event e WHERE e.kind = 'context'");
	} else {
		sqlfrag_sql(&q, "1 FROM event e WHERE ");
		sqlfrag_sql(&q, d->pass == 1 ? "e.kind = 'context'" : all ? "1" : "");
		if (d->pass == 0 && !all)
			sqlfrag_append(&q, &d->where);
	}
	int rc = sqlite3_prepare_v2(d->db, sb_str(&q.sql), -1, &d->st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, d->st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(&q);
	if (rc != SQLITE_OK) {
		*err = db_error(d->db);
		sqlite3_finalize(d->st);
		d->st = NULL;
		return -1;
	}
	return 0;
}

/* Add n events, ctx of them context events, on day to the histogram. */
static void add_day(struct density *d, long day, uint32_t n, uint32_t ctx)
{
	struct histo *h = d->cur;

	if (day == LONG_MIN || day < d->day0 || day - d->day0 >= d->ndays)
		return; /* not a date, or written after the counter was made */
	h->all[day - d->day0] += n;
	h->ctx[day - d->day0] += ctx;
	if (n && day < h->first)
		h->first = day;
	if (n && day > h->last)
		h->last = day;
}

/* One row of a pass into the histogram. Rows often share a date, so the
 * last one parsed is remembered. */
static void add_row(struct density *d, const char *date)
{
	long day;

	if (!date)
		return;
	if (strcmp(date, d->last_date) == 0) {
		day = d->last_day;
	} else {
		day = iso_day(date);
		snprintf(d->last_date, sizeof(d->last_date), "%.10s", date);
		d->last_day = day;
	}
	/* pass 1 (context events) only finds rows pass 0 counted already */
	add_day(d, day, d->pass ? 0 : 1, d->pass ? 1 : 0);
}

/* Fill the unfiltered histogram from event_day at once, its total from
 * the same rows: one row a day, so the first screen costs the same for a
 * thousand events or ten million. False, with nothing counted, when the
 * table is missing (a version 1 file) or holds what no import writes: a
 * negative count, more context events than events, no row while the file
 * has events. The total is held to count(*) later (check_days). */
static bool fill_from_days(struct density *d)
{
	struct histo *h = d->cur;
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(d->db, "SELECT date_start, events, context FROM event_day", -1, &st,
			       NULL) != SQLITE_OK)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 n = sqlite3_column_int64(st, 1), ctx = sqlite3_column_int64(st, 2);
		if (n < 0 || ctx < 0 || ctx > n || n > UINT32_MAX)
			break;
		add_day(d, iso_day((const char *)sqlite3_column_text(st, 0)), (uint32_t)n,
			(uint32_t)ctx);
		h->total += n;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE && (h->total > 0 || d->ndays == 0)) {
		h->done = h->unchecked = true;
		return true;
	}
	histo_reset(d, h);
	return false;
}

/* event_day is exact after an import, but the file may have been edited
 * since in the sqlite3 shell: its total must be count(*) of event, which
 * SQLite takes from an index's pages without decoding a row (about 15 ms
 * a million events), so it is done as a step after the first screen. When
 * the two disagree the counts start over with a pass. 1 when a pass is
 * left, 0 when the counts stand, -1 with *err set. */
static int check_days(struct density *d, char **err)
{
	struct histo *h = d->cur;
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(d->db, "SELECT count(*) FROM event", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_step(st) != SQLITE_ROW) {
		*err = db_error(d->db);
		sqlite3_finalize(st);
		return -1;
	}
	bool agree = sqlite3_column_int64(st, 0) == h->total;
	sqlite3_finalize(st);
	h->unchecked = false;
	if (agree)
		return 0;
	histo_reset(d, h);
	d->pass = 0;
	return start_pass(d, err) < 0 ? -1 : 1;
}

/* A fresh histogram for key in d->cur, every day at zero. */
static void histo_start(struct density *d, const char *key)
{
	struct histo *h = d->cur;

	histo_clear(h);
	h->key = xstrdup(key);
	h->all = xcalloc(d->ndays ? d->ndays : 1, sizeof(uint32_t));
	h->ctx = xcalloc(d->ndays ? d->ndays : 1, sizeof(uint32_t));
	h->first = LONG_MAX; /* nothing counted yet */
	h->last = LONG_MIN;
	h->used = d->clock;
}

int density_set_filter(struct density *d, const char *key, const struct sqlfrag *where, char **err)
{
	bool hit;

	sqlite3_finalize(d->st);
	d->st = NULL;
	d->cur = slot_for(d, key, &hit);
	d->cur->used = ++d->clock;
	if (hit)
		return 0;
	histo_start(d, key);
	sqlfrag_free(&d->where);
	sqlfrag_init(&d->where);
	sqlfrag_append(&d->where, where);
	/* every event: the import's per-day counts, when they hold, make the
	 * strip complete before the first screen */
	if (sqlfrag_empty(where) && fill_from_days(d))
		return 0;
	d->pass = 0;
	if (start_pass(d, err) < 0) {
		histo_clear(d->cur);
		d->cur = NULL;
		return -1;
	}
	return 0;
}

int density_step(struct density *d, int budget_ms, char **err)
{
	if (d->cur && d->cur->unchecked) {
		int rc = check_days(d, err);
		if (rc <= 0)
			return rc;
	}
	if (!d->cur || d->cur->done)
		return 0;
	double deadline = monotonic_ms() + budget_ms;
	for (unsigned n = 1;; n++) {
		int rc = sqlite3_step(d->st);
		if (rc == SQLITE_DONE) {
			sqlite3_finalize(d->st);
			d->st = NULL;
			if (d->pass++ == 1)
				break;
			if (start_pass(d, err) < 0)
				return -1;
			continue;
		}
		if (rc != SQLITE_ROW) {
			*err = db_error(d->db);
			return -1;
		}
		if (sqlite3_column_int(d->st, 1)) {
			if (d->pass == 0)
				d->cur->total++; /* every event, a date or not */
			add_row(d, (const char *)sqlite3_column_text(d->st, 0));
		}
		/* The clock costs more than a row; look at it every 256. */
		if ((n & 255) == 0 && monotonic_ms() >= deadline)
			return 1;
	}
	d->cur->done = true;
	return 0;
}

int density_run(struct density *d, char **err)
{
	int rc;

	while ((rc = density_step(d, 1000, err)) > 0)
		;
	return rc;
}

bool density_done(const struct density *d)
{
	return !d->cur || d->cur->done;
}

bool density_settled(const struct density *d)
{
	return !d->cur || (d->cur->done && !d->cur->unchecked);
}

bool density_total(const struct density *d, const char *key, long long *n)
{
	for (int i = 0; i < DENSITY_CACHE; i++) {
		const struct histo *h = &d->cache[i];
		if (h->key && h->done && strcmp(h->key, key) == 0) {
			*n = h->total;
			return true;
		}
	}
	return false;
}

bool density_is(const struct density *d, const char *key)
{
	return d->cur && strcmp(d->cur->key, key) == 0;
}

struct density_counts density_bucket(const struct density *d, enum bucket_zoom z, long b)
{
	struct density_counts c = {0, 0};
	const struct histo *h = d->cur;
	long from = bucket_start(z, b), to = bucket_end(z, b);

	if (d->nx) {
		size_t i = extra_at(d, from), j = extra_at(d, to + 1);
		long ctx = d->xctx[j] - d->xctx[i];
		c.context += ctx;
		c.incidents += d->xall[j] - d->xall[i] - ctx;
	}
	if (!h || h->first > h->last)
		return c;
	if (from < h->first)
		from = h->first;
	if (to > h->last)
		to = h->last;
	struct density_counts own = {0, 0};
	for (long day = from; day <= to; day++) {
		own.incidents += h->all[day - d->day0];
		own.context += h->ctx[day - d->day0];
	}
	/* Until the context pass ends, everything counted so far is shown as
	 * incidents; the counts are only final once the pass is done. */
	c.incidents += own.incidents - own.context;
	c.context += own.context;
	return c;
}

bool density_range(const struct density *d, long *first, long *last)
{
	bool own = d->cur && d->cur->first <= d->cur->last;
	if (!own && !d->nx)
		return false;
	*first = own ? d->cur->first : LONG_MAX;
	*last = own ? d->cur->last : LONG_MIN;
	if (d->nx && d->xday[0] < *first)
		*first = d->xday[0];
	if (d->nx && d->xday[d->nx - 1] > *last)
		*last = d->xday[d->nx - 1];
	return true;
}

long density_max(const struct density *d, enum bucket_zoom z, long from, long to)
{
	long max = 0;

	for (long b = from; b <= to; b++) {
		struct density_counts c = density_bucket(d, z, b);
		if (c.incidents + c.context > max)
			max = c.incidents + c.context;
	}
	return max;
}
