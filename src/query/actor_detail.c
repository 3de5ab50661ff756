/* actor_detail: one actor's record for its detail view (see actors.h):
 * names, affiliation both ways, totals and busiest months over the whole
 * file, so the figures do not change with the filter. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actors.h"
#include "sitrep/db.h"
#include "sitrep/util.h"

static void copy_date(char *dst, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, DATE_ISO_LEN, "%s", t ? (const char *)t : "");
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql, long long id)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	return st;
}

static int record(sqlite3 *db, long long id, struct actor_detail *d)
{
	sqlite3_stmt *st = prep(db,
				"SELECT a.name, a.kind, a.description, p.id, p.name"
				" FROM actor a LEFT JOIN actor p ON p.id = a.parent_id"
				" WHERE a.id = ?",
				id);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;

	if (rc == SQLITE_ROW) {
		d->name = db_column_dup(st, 0);
		d->kind = db_column_dup(st, 1);
		d->description = db_column_dup(st, 2);
		d->parent.id = sqlite3_column_int64(st, 3);
		d->parent.name = db_column_dup(st, 4);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : rc == SQLITE_DONE ? 1 : -1;
}

static int lists(sqlite3 *db, long long id, struct actor_detail *d)
{
	sqlite3_stmt *st =
	    prep(db, "SELECT id, name FROM actor WHERE parent_id = ? ORDER BY name", id);
	int rc = st ? SQLITE_OK : SQLITE_ERROR;

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->children = xrealloc(d->children, (d->nchildren + 1) * sizeof(*d->children));
		d->children[d->nchildren].id = sqlite3_column_int64(st, 0);
		d->children[d->nchildren++].name = db_column_dup(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return -1;
	st = prep(db,
		  "SELECT alias FROM actor_alias WHERE actor_id = ?1 AND alias <>"
		  " (SELECT name FROM actor WHERE id = ?1) ORDER BY alias",
		  id);
	rc = st ? SQLITE_OK : SQLITE_ERROR;
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->aliases = xrealloc(d->aliases, (d->naliases + 1) * sizeof(*d->aliases));
		d->aliases[d->naliases++] = db_column_dup(st, 0);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Its events and their deaths with it on each side (actors.h). */
static int sides(sqlite3 *db, long long id, struct actor_detail *d)
{
	sqlite3_stmt *st = prep(db,
				"SELECT count(*), total(e.fatalities) FROM event e WHERE e.id IN"
				" (SELECT event_id FROM event_actor WHERE actor_id = ?1"
				" AND role IN (?2, ?3))",
				id);
	int rc = st ? SQLITE_ROW : SQLITE_ERROR;
	for (int s = 0; s < ACTOR_SIDES && rc == SQLITE_ROW; s++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 2, actor_side_roles[s][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, actor_side_roles[s][1], -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			d->side_events[s] = sqlite3_column_int64(st, 0);
			d->side_fatalities[s] = (long long)sqlite3_column_double(st, 1);
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* How much is known of its first and last date: of the events on those
 * days, the best known (a day's event beats a month's on the 1st). */
static int precisions(sqlite3 *db, long long id, struct actor_detail *d)
{
	static const char *const sql[2] = {
	    "SELECT e.date_precision FROM event e WHERE e.id IN (SELECT event_id FROM"
	    " event_actor WHERE actor_id = ?) ORDER BY e.date_start, CASE e.date_precision"
	    " WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END LIMIT 1",
	    "SELECT e.date_precision FROM event e WHERE e.id IN (SELECT event_id FROM"
	    " event_actor WHERE actor_id = ?) ORDER BY e.date_end DESC, CASE e.date_precision"
	    " WHEN 'day' THEN 0 WHEN 'month' THEN 1 ELSE 2 END LIMIT 1"};
	enum date_prec *prec[2] = {&d->first_prec, &d->last_prec};
	for (int i = 0; i < 2; i++) {
		sqlite3_stmt *st = prep(db, sql[i], id);
		int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
		*prec[i] = DATE_DAY;
		if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
			date_prec_parse((const char *)sqlite3_column_text(st, 0), prec[i]);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return -1;
	}
	return 0;
}

static int figures(sqlite3 *db, long long id, int top, struct actor_detail *d)
{
	sqlite3_stmt *st = prep(db,
				"SELECT count(*), sum(e.fatalities), min(e.date_start),"
				" max(e.date_end) FROM event e WHERE e.id IN"
				" (SELECT event_id FROM event_actor WHERE actor_id = ?)",
				id);
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;

	if (rc == SQLITE_ROW) {
		d->events = sqlite3_column_int64(st, 0);
		d->fatalities = sqlite3_column_int64(st, 1);
		copy_date(d->first, st, 2);
		copy_date(d->last, st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW || sides(db, id, d) < 0 || precisions(db, id, d) < 0)
		return -1;
	st = prep(db,
		  "SELECT substr(e.date_start, 1, 7) AS m, count(*) FROM event e WHERE e.id IN"
		  " (SELECT event_id FROM event_actor WHERE actor_id = ?)"
		  " GROUP BY m ORDER BY 2 DESC, m LIMIT ?",
		  id);
	if (st)
		sqlite3_bind_int(st, 2, top);
	rc = st ? SQLITE_OK : SQLITE_ERROR;
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		d->months = xrealloc(d->months, (d->nmonths + 1) * sizeof(*d->months));
		struct actor_month *m = &d->months[d->nmonths++];
		const unsigned char *t = sqlite3_column_text(st, 0);
		snprintf(m->month, sizeof(m->month), "%s", t ? (const char *)t : "");
		m->events = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int actor_detail_load(sqlite3 *db, long long id, int top_months, struct actor_detail *out,
		      char **err)
{
	memset(out, 0, sizeof(*out));
	out->id = id;
	int rc = record(db, id, out);
	if (rc == 0 && (lists(db, id, out) < 0 || figures(db, id, top_months, out) < 0))
		rc = -1;
	if (rc < 0)
		*err = db_error(db);
	if (rc != 0)
		actor_detail_free(out);
	return rc;
}

void actor_detail_free(struct actor_detail *d)
{
	free(d->name);
	free(d->kind);
	free(d->description);
	free(d->parent.name);
	for (size_t i = 0; i < d->nchildren; i++)
		free(d->children[i].name);
	free(d->children);
	for (size_t i = 0; i < d->naliases; i++)
		free(d->aliases[i]);
	free(d->aliases);
	free(d->months);
	memset(d, 0, sizeof(*d));
}
