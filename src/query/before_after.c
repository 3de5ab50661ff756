/* before_after: a filter's incidents either side of a day (see before_after.h).
 * Each figure is one grouped query over the filter's WHERE with the two
 * windows as bound dates; only the distances fetch rows (one per located
 * incident in the windows), for the medians. */
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

/* The statement "WITH ba_w ... <pre> WHERE (filter) AND <window> <post>":
 * the window's dates come first as the columns of ba_w (bound 1..3), so
 * that pre may use them before the filter's own '?'s; pre's FROM lists
 * ba_w. */
static sqlite3_stmt *prepare(sqlite3 *db, const struct sqlfrag *where, const char *pre,
			     const char *post, const struct before_after *ba, char **err)
{
	struct sqlfrag win, all;
	sqlfrag_init(&win);
	sqlfrag_init(&all);
	/* the bound on date_start itself (a text that starts with ato sorts
	 * below ato || x'ff') lets the date index stop at the window's end */
	sqlfrag_sql(&win, "e.kind = 'incident' AND e.date_start >= ba_w.bfrom"
			  " AND e.date_start < ba_w.ato || x'ff'"
			  " AND substr(e.date_start, 1, 10) <= ba_w.ato");
	sqlfrag_and(&all, where, &win);
	char *sql = xasprintf("WITH ba_w(bfrom, afrom, ato) AS (SELECT ?, ?, ?) %s WHERE %s %s",
			      pre, sb_str(&all.sql), post);
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, ba->before_from, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, ba->after_from, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlite3_bind_text(st, 3, ba->after_to, -1, SQLITE_TRANSIENT) != SQLITE_OK ||
	    sqlfrag_bind(&all, st, 4) < 0) {
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

static int totals(sqlite3 *db, const struct sqlfrag *where, struct before_after *ba, char **err)
{
	sqlite3_stmt *st = prepare(db, where,
				   "SELECT " SIDE ", count(*), count_sum(e.fatalities),"
				   " count_bad(e.fatalities) FROM ba_w, event e",
				   "GROUP BY 1", ba, err);
	if (!st)
		return -1;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int side = sqlite3_column_int(st, 0) != 0;
		ba->events[side] = sqlite3_column_int64(st, 1);
		ba->fatalities[side] = sqlite3_column_int64(st, 2);
		ba->bad_fatalities = db_sum_add(ba->bad_fatalities, sqlite3_column_int64(st, 3));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

/* Rows of (name, before, after) from a statement. */
static int read_rows(sqlite3 *db, sqlite3_stmt *st, struct ba_rows *out, char **err)
{
	int rc;
	size_t cap = 0;
	if (!st)
		return -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap) {
			cap = cap ? cap * 2 : 16;
			out->v = xrealloc(out->v, cap * sizeof(*out->v));
		}
		out->v[out->n++] =
		    (struct ba_row){db_column_dup_or(st, 0, "(none)"), sqlite3_column_int64(st, 1),
				    sqlite3_column_int64(st, 2)};
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, err);
}

static int grouped(sqlite3 *db, const struct sqlfrag *where, const char *key,
		   struct before_after *ba, struct ba_rows *out, char **err)
{
	char *pre = xasprintf("SELECT coalesce(%s, '(none)') AS name, sum(NOT " SIDE ") AS b,"
			      " sum(" SIDE ") AS a FROM ba_w, event e",
			      key);
	sqlite3_stmt *st =
	    prepare(db, where, pre, "GROUP BY 1 ORDER BY max(b, a) DESC, b + a DESC, 1", ba, err);
	free(pre);
	return read_rows(db, st, out, err);
}

/* Actors in one window and not the other: appear (after only) when
 * appear, else disappear; most events first, at most top. */
static int actors(sqlite3 *db, const struct sqlfrag *where, bool appear, int top,
		  struct before_after *ba, struct ba_rows *out, char **err)
{
	char *post =
	    xasprintf(") x JOIN actor a ON a.id = x.actor_id GROUP BY a.id"
		      " HAVING sum(x.side) %s ORDER BY sum(%sx.side) DESC, a.name LIMIT %d",
		      appear ? "= count(*)" : "= 0", appear ? "" : "NOT ", top);
	sqlite3_stmt *st =
	    prepare(db, where,
		    "SELECT a.name, sum(NOT x.side), sum(x.side) FROM (SELECT DISTINCT"
		    " ea.actor_id AS actor_id, e.id, " SIDE " AS side FROM ba_w, event e"
		    " JOIN event_actor ea ON ea.event_id = e.id",
		    post, ba, err);
	free(post);
	return read_rows(db, st, out, err);
}

static int distances(sqlite3 *db, const struct sqlfrag *where, double lat, double lon,
		     struct before_after *ba, char **err)
{
	sqlite3_stmt *st = prepare(db, where, "SELECT " SIDE ", e.lat, e.lon FROM ba_w, event e",
				   "AND e.lat IS NOT NULL AND e.lon IS NOT NULL", ba, err);
	if (!st)
		return -1;
	double *v[2] = {NULL, NULL};
	size_t cap[2] = {0, 0};
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int s = sqlite3_column_int(st, 0) != 0;
		if ((size_t)ba->located[s] == cap[s]) {
			cap[s] = cap[s] ? cap[s] * 2 : 64;
			v[s] = xrealloc(v[s], cap[s] * sizeof(double));
		}
		v[s][ba->located[s]++] = geo_distance_km(lat, lon, sqlite3_column_double(st, 1),
							 sqlite3_column_double(st, 2));
	}
	sqlite3_finalize(st);
	for (int s = 0; s < 2; s++) {
		distance_sort(v[s], (size_t)ba->located[s]);
		ba->median_km[s] = distance_median(v[s], (size_t)ba->located[s]);
		free(v[s]);
	}
	return rc == SQLITE_DONE ? 0 : fail(db, err);
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
	return 0;
}

int before_after_step(sqlite3 *db, const struct sqlfrag *where, int top, bool has_point, double lat,
		      double lon, struct before_after *ba, char **err)
{
	int rc = 0;
	switch (ba->steps_done) {
	case 0:
		rc = totals(db, where, ba, err);
		break;
	case 1:
		rc = grouped(db, where, "e.event_type", ba, &ba->types, err);
		break;
	case 2:
		rc = grouped(db, where, "e.admin1", ba, &ba->regions, err);
		break;
	case 3:
		rc = actors(db, where, true, top, ba, &ba->appear, err);
		break;
	case 4:
		rc = actors(db, where, false, top, ba, &ba->disappear, err);
		break;
	case 5:
		rc = has_point ? distances(db, where, lat, lon, ba, err) : 0;
		break;
	default:
		return 0;
	}
	if (rc < 0) {
		before_after_free(ba);
		return -1;
	}
	return ++ba->steps_done < BEFORE_AFTER_STEPS;
}

int before_after_compute(sqlite3 *db, const struct sqlfrag *where, const char *day, int days,
			 int top, bool has_point, double lat, double lon, struct before_after *out,
			 char **err)
{
	int rc = before_after_begin(day, days, out, err);
	while (rc == 0 &&
	       (rc = before_after_step(db, where, top, has_point, lat, lon, out, err)) > 0)
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
