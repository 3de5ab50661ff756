/* before_after: a filter's incidents either side of a day (see before_after.h).
 * The windows are read a few days at a time, each step's days bounded by
 * the date index, so that no step reads a whole window (on 1,000,000
 * events a 365-day window's one grouped query took 2 s): each figure is
 * a grouped query over those days, summed in C across the steps, and
 * ranked once the last day is in; the distances fetch one row per
 * located incident, for the medians. */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/before_after.h"
#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/distance.h"
#include "sitrep/places.h"
#include "sitrep/util.h"

int before_after_window_parse(const char *s, int *days)
{
	size_t n = strlen(s);
	if (n < 2 || n > 6 || s[n - 1] != 'd')
		return -1;
	long v = 0;
	for (size_t i = 0; i + 1 < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	if (v < 1 || v > 36500)
		return -1;
	*days = (int)v;
	return 0;
}

static int fail(sqlite3 *db, char **err)
{
	*err = db_error(db);
	return -1;
}

int before_after_anchor(sqlite3 *db, long long id, char date[16], bool *is_context, char **err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT substr(date_start, 1, 10), kind = 'context' FROM event"
			       " WHERE id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return fail(db, err);
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const unsigned char *d = sqlite3_column_text(st, 0);
		snprintf(date, 16, "%s", d ? (const char *)d : "");
		*is_context = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return fail(db, err);
}

/* What the steps have summed: the actors' events each side (merged by
 * id across steps, ranked at the end) and the distances, for medians. */
struct ba_actor {
	long long id;
	char *name;
	long long n[2];
};

struct ba_scan {
	long day, end; /* the next day to read, the last (inclusive) */
	int chunk;     /* days a query reads: grows or shrinks to the budget */
	struct ba_actor *actors;
	size_t nactors, cap;
	double *km[2];
	size_t kmcap[2];
};

/* The statement "WITH ba_w ... <pre> WHERE (filter) AND <days> <post>"
 * over the days from..to (to inclusive) of the windows: ba_w's columns are
 * bound first (1..4), so that pre may use them before the filter's own
 * '?'s; pre's FROM lists ba_w. Days before the last end at the next day
 * (a text below it, whatever follows its first ten bytes); the last ends
 * as the window does, so the steps together read exactly the windows. */
static sqlite3_stmt *prepare(sqlite3 *db, const struct sqlfrag *where, const char *pre,
			     const char *post, const struct before_after *ba, const char *from,
			     const char *next, char **err)
{
	struct sqlfrag win, all;
	sqlfrag_init(&win);
	sqlfrag_init(&all);
	/* bounds on date_start itself let the date index start and stop at
	 * the step's days (a text that starts with ato sorts below ato ||
	 * x'ff') */
	if (next)
		sqlfrag_sql(&win, "e.kind = 'incident' AND e.date_start >= ba_w.cfrom"
				  " AND e.date_start < ba_w.cnext");
	else
		sqlfrag_sql(&win, "e.kind = 'incident' AND e.date_start >= ba_w.cfrom"
				  " AND e.date_start < ba_w.ato || x'ff'"
				  " AND substr(e.date_start, 1, 10) <= ba_w.ato");
	sqlfrag_and(&all, where, &win);
	char *sql =
	    xasprintf("WITH ba_w(afrom, ato, cfrom, cnext) AS (SELECT ?, ?, ?, ?) %s WHERE %s %s",
		      pre, sb_str(&all.sql), post);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, ba->after_from, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, ba->after_to, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, from, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    (next ? sqlite3_bind_text(st, 4, next, -1, SQLITE_TRANSIENT)
		  : sqlite3_bind_null(st, 4)) != SQLITE_OK ||
	    sqlfrag_bind(&all, st, 5) < 0) {
		*err = db_error(db);
		sqlite3_finalize(st);
		st = NULL;
	}
	free(sql);
	sqlfrag_free(&all);
	sqlfrag_free(&win);
	return st;
}

#define SIDE "(substr(e.date_start, 1, 10) >= ba_w.afrom)"

/* One step's days: from, and the day after its last (NULL for the
 * windows' last day). */
struct days {
	char from[16], next[16];
	bool last;
};

static sqlite3_stmt *days_prepare(sqlite3 *db, const struct sqlfrag *where, const char *pre,
				  const char *post, const struct before_after *ba,
				  const struct days *d, char **err)
{
	return prepare(db, where, pre, post, ba, d->from, d->last ? NULL : d->next, err);
}

static int totals(sqlite3 *db, const struct sqlfrag *where, struct before_after *ba,
		  const struct days *d, char **err)
{
	sqlite3_stmt *st = days_prepare(db, where,
					"SELECT " SIDE ", count(*), count_sum(e.fatalities),"
					" count_bad(e.fatalities) FROM ba_w, event e",
					"GROUP BY 1", ba, d, err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int side = sqlite3_column_int(st, 0) != 0;
		ba->events[side] += sqlite3_column_int64(st, 1);
		ba->fatalities[side] =
		    db_sum_add(ba->fatalities[side], sqlite3_column_int64(st, 2));
		ba->bad_fatalities = db_sum_add(ba->bad_fatalities, sqlite3_column_int64(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

/* Rows of (name, before, after) from a statement, added to out's rows of
 * the same name. */
static int add_rows(sqlite3 *db, sqlite3_stmt *st, struct ba_rows *out, char **err)
{
	int rc;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *name = db_column_dup_or(st, 0, "(none)");
		size_t i = 0;
		while (i < out->n && strcmp(out->v[i].name, name) != 0)
			i++;
		if (i == out->n) {
			out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
			out->v[out->n++] = (struct ba_row){name, 0, 0};
		} else {
			free(name);
		}
		out->v[i].before += sqlite3_column_int64(st, 1);
		out->v[i].after += sqlite3_column_int64(st, 2);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

static int grouped(sqlite3 *db, const struct sqlfrag *where, const char *key,
		   struct before_after *ba, const struct days *d, struct ba_rows *out, char **err)
{
	char *pre = xasprintf("SELECT coalesce(%s, '(none)') AS name, sum(NOT " SIDE ") AS b,"
			      " sum(" SIDE ") AS a FROM ba_w, event e",
			      key);
	sqlite3_stmt *st = days_prepare(db, where, pre, "GROUP BY 1", ba, d, err);
	free(pre);
	return add_rows(db, st, out, err);
}

/* Each actor's events either side in the step's days (an event once
 * whatever its roles), added to the scan's. */
static int actors(sqlite3 *db, const struct sqlfrag *where, struct before_after *ba,
		  const struct days *d, char **err)
{
	struct ba_scan *sc = ba->scan;
	sqlite3_stmt *st =
	    days_prepare(db, where,
			 "SELECT a.id, a.name, sum(NOT x.side), sum(x.side) FROM (SELECT DISTINCT"
			 " ea.actor_id AS actor_id, e.id, " SIDE " AS side FROM ba_w, event e"
			 " JOIN event_actor ea ON ea.event_id = e.id",
			 ") x JOIN actor a ON a.id = x.actor_id GROUP BY a.id", ba, d, err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		size_t i = 0;
		while (i < sc->nactors && sc->actors[i].id != id)
			i++;
		if (i == sc->nactors) {
			if (sc->nactors == sc->cap) {
				sc->cap = sc->cap ? sc->cap * 2 : 16;
				sc->actors = xrealloc(sc->actors, sc->cap * sizeof(*sc->actors));
			}
			sc->actors[sc->nactors++] =
			    (struct ba_actor){id, db_column_dup_or(st, 1, "(none)"), {0, 0}};
		}
		sc->actors[i].n[0] += sqlite3_column_int64(st, 2);
		sc->actors[i].n[1] += sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

static int distances(sqlite3 *db, const struct sqlfrag *where, double lat, double lon,
		     struct before_after *ba, const struct days *d, char **err)
{
	struct ba_scan *sc = ba->scan;
	sqlite3_stmt *st =
	    days_prepare(db, where, "SELECT " SIDE ", e.lat, e.lon FROM ba_w, event e",
			 "AND e.lat IS NOT NULL AND e.lon IS NOT NULL", ba, d, err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0) != 0;
		if ((size_t)ba->located[s] == sc->kmcap[s]) {
			sc->kmcap[s] = sc->kmcap[s] ? sc->kmcap[s] * 2 : 64;
			sc->km[s] = xrealloc(sc->km[s], sc->kmcap[s] * sizeof(double));
		}
		sc->km[s][ba->located[s]++] = geo_distance_km(
		    lat, lon, sqlite3_column_double(st, 1), sqlite3_column_double(st, 2));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

/* As the one-query form ordered them: the larger side first, then the
 * larger sum, then the name (SQLite's BINARY order). */
static int row_cmp(const void *pa, const void *pb)
{
	const struct ba_row *a = pa, *b = pb;
	long long ma = a->before > a->after ? a->before : a->after;
	long long mb = b->before > b->after ? b->before : b->after;
	if (ma != mb)
		return ma > mb ? -1 : 1;
	if (a->before + a->after != b->before + b->after)
		return a->before + a->after > b->before + b->after ? -1 : 1;
	return strcmp(a->name, b->name);
}

static int cmp_side; /* qsort's: which side actor_cmp ranks by */

static int actor_cmp(const void *pa, const void *pb)
{
	const struct ba_actor *a = pa, *b = pb;
	if (a->n[cmp_side] != b->n[cmp_side])
		return a->n[cmp_side] > b->n[cmp_side] ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* The actors with events on side alone, most first, at most top. */
static void rank_actors(struct ba_scan *sc, int side, int top, struct ba_rows *out)
{
	cmp_side = side;
	qsort(sc->actors, sc->nactors, sizeof(*sc->actors), actor_cmp);
	for (size_t i = 0; i < sc->nactors && (long)out->n < top; i++) {
		const struct ba_actor *a = &sc->actors[i];
		if (a->n[!side] != 0 || a->n[side] == 0)
			continue;
		out->v = xrealloc(out->v, (out->n + 1) * sizeof(*out->v));
		out->v[out->n++] = (struct ba_row){xstrdup(a->name), a->n[0], a->n[1]};
	}
}

static void finish(struct before_after *ba, int top)
{
	struct ba_scan *sc = ba->scan;
	qsort(ba->types.v, ba->types.n, sizeof(*ba->types.v), row_cmp);
	qsort(ba->regions.v, ba->regions.n, sizeof(*ba->regions.v), row_cmp);
	rank_actors(sc, 1, top, &ba->appear);
	rank_actors(sc, 0, top, &ba->disappear);
	for (int s = 0; s < 2; s++) {
		distance_sort(sc->km[s], (size_t)ba->located[s]);
		ba->median_km[s] = distance_median(sc->km[s], (size_t)ba->located[s]);
	}
	ba->complete = true;
}

static void scan_free(struct ba_scan *sc)
{
	if (!sc)
		return;
	for (size_t i = 0; i < sc->nactors; i++)
		free(sc->actors[i].name);
	free(sc->actors);
	free(sc->km[0]);
	free(sc->km[1]);
	free(sc);
}

int before_after_begin(const char *day, int days, struct before_after *out, char **err)
{
	struct date_span span;
	memset(out, 0, sizeof(*out));
	out->median_km[0] = out->median_km[1] = NAN;
	if (date_parse_iso(day, &span) < 0 || span.prec != DATE_DAY) {
		*err = xasprintf("'%s' is not a day", day);
		return -1;
	}
	long d = span.start;
	date_format(out->before_from, d - days);
	date_format(out->before_to, d - 1);
	date_format(out->after_from, d);
	date_format(out->after_to, d + days - 1);
	out->days_total = 2 * days;
	out->scan = xcalloc(1, sizeof(*out->scan));
	out->scan->day = d - days;
	out->scan->end = d + days - 1;
	out->scan->chunk = 1; /* grown to the budget by the steps */
	return 0;
}

/* Read the days from sc->day on, sc->chunk of them, into every figure. */
static int read_days(sqlite3 *db, const struct sqlfrag *where, bool has_point, double lat,
		     double lon, struct before_after *ba, char **err)
{
	struct ba_scan *sc = ba->scan;
	long last = sc->day + sc->chunk - 1;
	if (last > sc->end)
		last = sc->end;
	struct days d = {.last = last == sc->end};
	date_format(d.from, sc->day);
	date_format(d.next, last + 1);
	if (totals(db, where, ba, &d, err) < 0 ||
	    grouped(db, where, "e.event_type", ba, &d, &ba->types, err) < 0 ||
	    grouped(db, where, "e.admin1", ba, &d, &ba->regions, err) < 0 ||
	    actors(db, where, ba, &d, err) < 0 ||
	    (has_point && distances(db, where, lat, lon, ba, &d, err) < 0))
		return -1;
	ba->days_done += (int)(last - sc->day + 1);
	sc->day = last + 1;
	return 0;
}

int before_after_step(sqlite3 *db, const struct sqlfrag *where, int top, bool has_point, double lat,
		      double lon, int budget_ms, struct before_after *ba, char **err)
{
	struct ba_scan *sc = ba->scan;
	if (ba->complete || !sc)
		return 0;
	double until = monotonic_ms() + budget_ms, took;
	do {
		double t0 = monotonic_ms();
		if (read_days(db, where, has_point, lat, lon, ba, err) < 0) {
			before_after_free(ba);
			return -1;
		}
		/* as many days a query as fit in a quarter of the budget: a
		 * dense stretch of the windows shrinks them, a sparse one
		 * grows them */
		took = monotonic_ms() - t0;
		if (took * 4 < budget_ms && sc->chunk < 1 << 16)
			sc->chunk *= 2;
		else if (took * 2 > budget_ms && sc->chunk > 1)
			sc->chunk /= 2;
		/* another read only where one like the last still fits */
	} while (sc->day <= sc->end && monotonic_ms() + took < until);
	if (sc->day <= sc->end)
		return 1;
	finish(ba, top);
	return 0;
}

int before_after_compute(sqlite3 *db, const struct sqlfrag *where, const char *day, int days,
			 int top, bool has_point, double lat, double lon, struct before_after *out,
			 char **err)
{
	int rc = before_after_begin(day, days, out, err);
	/* no keys to answer: the windows in one query a figure (the count
	 * form's id sets are built once, not once a step) */
	if (rc == 0)
		out->scan->chunk = out->days_total;
	while (rc == 0 &&
	       (rc = before_after_step(db, where, top, has_point, lat, lon, 1000, out, err)) > 0)
		rc = 0;
	return rc;
}

static void rows_free(struct ba_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->v[i].name);
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

void before_after_free(struct before_after *ba)
{
	rows_free(&ba->types);
	rows_free(&ba->regions);
	rows_free(&ba->appear);
	rows_free(&ba->disappear);
	scan_free(ba->scan);
	ba->scan = NULL;
}

void before_after_number(char *buf, size_t size, double x, int prec)
{
	if (isnan(x))
		snprintf(buf, size, "-");
	else
		snprintf(buf, size, "%.*f", prec, x);
}

void before_after_change(char *buf, size_t size, double before, double after, int prec)
{
	if (isnan(before) || isnan(after))
		snprintf(buf, size, "-");
	else if (before != 0)
		snprintf(buf, size, "%+.*f (%+.1f%%)", prec, after - before,
			 100.0 * (after - before) / before);
	else
		snprintf(buf, size, "%+.*f (from 0)", prec, after - before);
}
