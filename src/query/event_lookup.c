/* event_lookup: look-ups besides the timeline's pages (see event_lookup.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/event_lookup.h"
#include "sitrep/util.h"

/* The key of the one row "SELECT e.id, e.date_start ..." st gives. */
static int one_key(sqlite3 *db, sqlite3_stmt *st, struct event_key *key, bool *found, char **err)
{
	int rc = sqlite3_step(st);

	*found = rc == SQLITE_ROW;
	if (*found) {
		const char *date = (const char *)sqlite3_column_text(st, 1);
		*key = (struct event_key){0};
		key->id = sqlite3_column_int64(st, 0);
		snprintf(key->date, sizeof key->date, "%s", date ? date : "");
	} else if (rc != SQLITE_DONE) {
		*err = xasprintf("%s%s", sqlite3_errmsg(db), db_busy_hint(db));
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int prepare_fail(sqlite3 *db, char **err)
{
	*err = xasprintf("%s%s", sqlite3_errmsg(db), db_busy_hint(db));
	return -1;
}

int event_find(sqlite3 *db, const char *id, struct event_key *key, bool *found, char **err)
{
	sqlite3_stmt *st;
	bool rowid = id[0] == '#';

	*found = false;
	if (sqlite3_prepare_v2(db,
			       rowid ? "SELECT id, date_start FROM event WHERE id = ?"
				     : "SELECT id, date_start FROM event WHERE origin_id = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return prepare_fail(db, err);
	if (rowid)
		sqlite3_bind_int64(st, 1, strtoll(id + 1, NULL, 10));
	else
		sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	return one_key(db, st, key, found, err);
}

int event_latest_of_actor(const struct query *q, long long actor_id, struct event_key *key,
			  bool *found, char **err)
{
	struct sqlfrag sql, actor;
	sqlite3_stmt *st = NULL;
	int rc = -1;

	*found = false;
	sqlfrag_init(&sql);
	sqlfrag_init(&actor);
	sqlfrag_sql(&actor, "e.id IN (SELECT event_id FROM event_actor WHERE actor_id = ");
	sqlfrag_int(&actor, actor_id);
	sqlfrag_sql(&actor, ")");
	sqlfrag_sql(&sql, "SELECT e.id, e.date_start FROM event e WHERE ");
	sqlfrag_and(&sql, &actor, q->where);
	sqlfrag_sql(&sql, " ORDER BY e.date_start DESC, e.id DESC LIMIT 1");
	if (sqlite3_prepare_v2(q->db, sb_str(&sql.sql), -1, &st, NULL) != SQLITE_OK)
		prepare_fail(q->db, err);
	else if (sqlfrag_bind(&sql, st, 1) < 0) {
		sqlite3_finalize(st);
		prepare_fail(q->db, err);
	} else
		rc = one_key(q->db, st, key, found, err);
	sqlfrag_free(&sql);
	sqlfrag_free(&actor);
	return rc;
}

int event_context_around(sqlite3 *db, const struct date_span *span, int days, long long except,
			 int limit, struct event_row **rows, size_t *n, char **err)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct sqlfrag where;

	date_format(from, span->start - days);
	date_format(to, span->end + days);
	sqlfrag_init(&where);
	event_context_cond(&where);
	sqlfrag_sql(&where, " AND e.date_start BETWEEN ");
	sqlfrag_text(&where, from);
	sqlfrag_sql(&where, " AND ");
	sqlfrag_text(&where, to);
	sqlfrag_sql(&where, " AND e.id <> ");
	sqlfrag_int(&where, except);
	struct query q = {.db = db, .where = &where};
	int rc = query_page(&q, NULL, QUERY_FORWARD, true, limit, rows, n, err);
	sqlfrag_free(&where);
	return rc;
}

int event_incidents_around(sqlite3 *db, const struct date_span *span, int days, int limit,
			   struct event_row **rows, size_t *n, struct around_counts *counts,
			   char **err)
{
	char from[DATE_ISO_LEN], start[DATE_ISO_LEN], end[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct sqlfrag where;
	sqlite3_stmt *st;
	int rc;

	date_format(from, span->start - days);
	date_format(start, span->start);
	date_format(end, span->end);
	date_format(to, span->end + days);
	memset(counts, 0, sizeof *counts);
	/* the counts in one pass over the window's part of the timeline index */
	if (sqlite3_prepare_v2(db,
			       "SELECT coalesce(sum(date_start < ?1), 0),"
			       " coalesce(sum(date_start >= ?1 AND date_start <= ?2), 0),"
			       " coalesce(sum(date_start > ?2), 0) FROM event"
			       " WHERE kind = 'incident' AND date_start BETWEEN ?3 AND ?4",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = xstrdup(sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_text(st, 1, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, to, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		counts->before = (long)sqlite3_column_int64(st, 0);
		counts->during = (long)sqlite3_column_int64(st, 1);
		counts->after = (long)sqlite3_column_int64(st, 2);
	} else {
		*err = xstrdup(sqlite3_errmsg(db));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return -1;
	sqlfrag_init(&where);
	sqlfrag_sql(&where, "e.kind = 'incident' AND e.date_start BETWEEN ");
	sqlfrag_text(&where, from);
	sqlfrag_sql(&where, " AND ");
	sqlfrag_text(&where, to);
	struct query q = {.db = db, .where = &where};
	rc = query_page(&q, NULL, QUERY_FORWARD, true, limit, rows, n, err);
	sqlfrag_free(&where);
	return rc;
}

void event_search_cond(struct sqlfrag *out, const char *needle)
{
	/* one text per event, its fields a line each: one fold per event,
	 * and no match runs from one field into the next */
	sqlfrag_sql(out,
		    "(search_hit(coalesce(e.title, '') || char(10) || coalesce(e.description, '')"
		    " || char(10) || coalesce(e.location, '') || char(10) || coalesce(e.admin1, '')"
		    " || char(10) || coalesce(e.event_type, ''), ");
	sqlfrag_text(out, needle);
	sqlfrag_sql(out,
		    ") OR EXISTS (SELECT 1 FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
		    " WHERE ea.event_id = e.id AND search_hit(a.name, ");
	sqlfrag_text(out, needle);
	sqlfrag_sql(out, ")))");
}

int event_description(sqlite3 *db, long long id, char **out, char **err)
{
	sqlite3_stmt *st;
	*out = NULL;
	if (sqlite3_prepare_v2(db, "SELECT description FROM event WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK) {
		*err = xstrdup(sqlite3_errmsg(db));
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = db_column_dup(st, 0);
	else if (rc != SQLITE_DONE)
		*err = xstrdup(sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

void event_context_cond(struct sqlfrag *out)
{
	/* a literal: the context events' index is partial (schema.sql) */
	sqlfrag_sql(out, "e.kind = 'context'");
}
