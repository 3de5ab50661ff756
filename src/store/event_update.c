/* event_update: a re-imported row that differs from its stored event
 * writes only what differs (store_impl.h). Rewriting the whole event cost
 * ~1.25 ms an update on a million events: every one of the event table's
 * twenty indexes had its entry deleted and inserted again (SQLite
 * maintains each index whose columns an UPDATE sets, whatever the values),
 * the actors, the sources and the full-text entry were deleted and written
 * again, each in pages scattered over the file that the commit then wrote.
 * An ACLED revision changes a figure or the notes: SQLite itself tells
 * which columns differ (one statement, the new values bound as for the
 * insert), the UPDATE sets only those, and the children and the full-text
 * entry are written only when they differ. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

#include "bulk_thread.h"
#include "store_impl.h"

/* The event's columns an update may set, with their parameter numbers in
 * store_bind_event; bit i of a mask is cols[i]. */
static const struct {
	const char *name;
	int param;
	bool fts; /* the full-text index holds it */
} cols[] = {
    {"kind", 1, false},
    {"date_start", 2, false},
    {"date_end", 3, false},
    {"date_precision", 4, false},
    {"title", 5, true},
    {"description", 6, true},
    {"event_type", 7, false},
    {"sub_event_type", 8, false},
    {"location", 9, true},
    {"admin1", 10, true},
    {"admin2", 11, true},
    {"country", 12, false},
    {"lat", 13, false},
    {"lon", 14, false},
    {"geo_precision", 15, false},
    {"fatalities", 16, false},
    {"fatalities_low", 17, false},
    {"fatalities_high", 18, false},
    {"fatalities_note", 19, false},
    {"fingerprint", 20, false},
    {"extra", 21, false},
    {"actor_names", 25, true},
};
#define NCOLS    ((int)(sizeof(cols) / sizeof(cols[0])))
#define ID_PARAM 24
/* The bit of the differ mask after the columns': the new extra changes a
 * field event_count counts by (db_counts.c). */
#define EXTRA_COUNTED (1ll << NCOLS)

/* The bits of the columns named in list (names between spaces). */
static long long mask_of(const char *list)
{
	long long mask = 0;
	for (int i = 0; i < NCOLS; i++) {
		size_t n = strlen(cols[i].name);
		for (const char *p = list; (p = strstr(p, cols[i].name)) != NULL; p += n)
			if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0'))
				mask |= 1ll << i;
	}
	return mask;
}

/* UPDATE statements by the set of columns they set: an import's updates
 * change a few sets over and over (a figure; the notes and a figure). */
#define SLOTS 16

struct event_update {
	sqlite3_stmt *differ;  /* the mask of the columns that differ */
	sqlite3_stmt *actors;  /* the stored actors */
	sqlite3_stmt *sources; /* the stored sources, in order */
	struct {
		unsigned mask;
		sqlite3_stmt *st;
	} set[SLOTS];
	int next; /* the slot to reuse when all are taken */
};

static sqlite3_stmt *prepare(struct store *s, sqlite3_stmt **st, const char *sql)
{
	if (!*st &&
	    sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(*st);
	sqlite3_clear_bindings(*st);
	return *st;
}

/* "SELECT (?1 IS NOT kind) | ((?2 IS NOT date_start) << 1) | ... FROM
 * event WHERE id = ?24": IS compares NULLs as equal and applies the
 * column's affinity, as the stored value got it. */
static sqlite3_stmt *differ_stmt(struct store *s)
{
	if (s->upd->differ)
		return prepare(s, &s->upd->differ, NULL);
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT 0");
	for (int i = 0; i < NCOLS; i++)
		sb_addf(&sql, " | ((?%d IS NOT %s) << %d)", cols[i].param, cols[i].name, i);
	sb_addf(&sql, " | (%s << %d)", db_counts_extra_differs_sql, NCOLS);
	sb_addf(&sql, " FROM event WHERE id = ?%d", ID_PARAM);
	sqlite3_stmt *st = prepare(s, &s->upd->differ, sb_str(&sql));
	sb_free(&sql);
	return st;
}

/* The UPDATE that sets the columns of mask. */
static sqlite3_stmt *set_stmt(struct store *s, unsigned mask)
{
	struct event_update *u = s->upd;
	for (int i = 0; i < SLOTS; i++)
		if (u->set[i].st && u->set[i].mask == mask)
			return prepare(s, &u->set[i].st, NULL);
	int slot = u->next;
	u->next = (u->next + 1) % SLOTS;
	sqlite3_finalize(u->set[slot].st);
	u->set[slot].st = NULL;
	u->set[slot].mask = mask;
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "UPDATE event SET");
	const char *sep = " ";
	for (int i = 0; i < NCOLS; i++)
		if (mask & (1u << i)) {
			sb_addf(&sql, "%s%s = ?%d", sep, cols[i].name, cols[i].param);
			sep = ", ";
		}
	sb_addf(&sql, " WHERE id = ?%d", ID_PARAM);
	sqlite3_stmt *st = prepare(s, &u->set[slot].st, sb_str(&sql));
	sb_free(&sql);
	return st;
}

/* Whether the stored actors of event id are e's (s->actor_ids, with their
 * roles; a name repeated with its role counts once, as INSERT OR IGNORE
 * stores it): 1 the same, 0 not, -1 on an error. */
static int same_actors(struct store *s, long long id, const struct event_in *e)
{
	sqlite3_stmt *st = prepare(s, &s->upd->actors,
				   "SELECT actor_id, role FROM event_actor WHERE event_id = ?");
	if (!st)
		return -1;
	int distinct = 0;
	for (int i = 0; i < e->nactors; i++) {
		if (s->actor_ids[i] < 0)
			continue;
		int j = 0;
		while (j < i && (s->actor_ids[j] != s->actor_ids[i] ||
				 strcmp(store_role(&e->actors[j]), store_role(&e->actors[i])) != 0))
			j++;
		distinct += j == i;
	}
	sqlite3_bind_int64(st, 1, id);
	int stored = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long actor = sqlite3_column_int64(st, 0);
		const char *role = (const char *)sqlite3_column_text(st, 1);
		int i = 0;
		while (i < e->nactors && (s->actor_ids[i] != actor ||
					  strcmp(store_role(&e->actors[i]), role ? role : "") != 0))
			i++;
		if (i == e->nactors) {
			sqlite3_reset(st);
			return 0;
		}
		stored++;
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? stored == distinct : -1;
}

/* A text as the store keeps it (NULL for none or empty) is column i's. */
static bool same_text(sqlite3_stmt *st, int i, const char *v)
{
	const char *col = (const char *)sqlite3_column_text(st, i);
	if (!v || !*v)
		return col == NULL;
	return col && strcmp(col, v) == 0;
}

/* Whether the stored sources of event id are e's, in their order: 1, 0,
 * or -1 on an error. */
static int same_sources(struct store *s, long long id, const struct event_in *e)
{
	sqlite3_stmt *st = prepare(s, &s->upd->sources,
				   "SELECT title, publisher, url, published, quote, fatalities"
				   " FROM source WHERE event_id = ? ORDER BY id");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	int n = 0, rc = SQLITE_DONE;
	bool same = true;
	while (same && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const struct source_in *src = &e->sources[n];
		same =
		    n < e->nsources && same_text(st, 0, src->title) &&
		    same_text(st, 1, src->publisher) && same_text(st, 2, src->url) &&
		    same_text(st, 3, src->published) && same_text(st, 4, src->quote) &&
		    (sqlite3_column_type(st, 5) == SQLITE_NULL
			 ? src->fatalities < 0
			 : src->fatalities >= 0 && sqlite3_column_int64(st, 5) == src->fatalities);
		n++;
	}
	sqlite3_reset(st);
	if (!same)
		return 0;
	return rc == SQLITE_DONE ? n == e->nsources : -1;
}

/* The mask of the columns of event id that e changes, or -1 on an error. */
static long long differing(struct store *s, long long id, const struct event_in *e,
			   sqlite3_int64 fp)
{
	sqlite3_stmt *st = differ_stmt(s);
	if (!st)
		return -1;
	store_bind_event(st, e, fp, &s->names);
	sqlite3_bind_int64(st, ID_PARAM, id);
	long long mask = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	return mask;
}

/* Step UPDATE st (set_stmt's or ST_UPDATE_EVENT) for event id with e's
 * values: 0, or -1 with *err. */
static int write_row(struct store *s, sqlite3_stmt *st, long long id, const struct event_in *e,
		     sqlite3_int64 fp, char **err)
{
	if (!st)
		return store_fail(s, err);
	store_bind_event(st, e, fp, &s->names);
	sqlite3_bind_int64(st, ID_PARAM, id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_fail(s, err);
}

/* The event rewritten whole, its children given to the second thread
 * (which holds their tables and cannot be asked what they hold). */
static int rewrite(struct store *s, long long id, const struct event_in *e, sqlite3_int64 fp,
		   char **err)
{
	/* Out of the full-text index while the row still holds the words it
	 * was indexed by; back in at the commit. */
	if (store_unindex(s, id, err) < 0 ||
	    write_row(s, store_stmt(s, ST_UPDATE_EVENT), id, e, fp, err) < 0)
		return -1;
	if (store_children_aside(s)) {
		if (side_drop_children(s->side, id, err) < 0)
			return -1;
	} else if (store_run_id(s, ST_DELETE_ACTORS, id) < 0 ||
		   store_run_id(s, ST_DELETE_SOURCES, id) < 0)
		return store_fail(s, err);
	if (store_insert_actors(s, id, e, err) < 0 || store_insert_sources(s, id, e, err) < 0)
		return -1;
	return store_index_event(s, id, e, err);
}

int store_update_event(struct store *s, long long id, const struct event_in *e, sqlite3_int64 fp,
		       char **err)
{
	if (s->side) {
		s->dates_changed = true;
		/* its counted values, before they change */
		if (store_run_id(s, ST_COUNT_OLD, id) < 0)
			return store_fail(s, err);
		return rewrite(s, id, e, fp, err);
	}
	if (!s->upd)
		s->upd = xcalloc(1, sizeof(*s->upd));
	long long mask = differing(s, id, e, fp);
	if (mask < 0)
		return store_fail(s, err);
	/* event_count's combination and event_day's days read these */
	static long long counted, dated;
	if (!counted) {
		counted =
		    mask_of("date_start date_end date_precision geo_precision") | EXTRA_COUNTED;
		dated = mask_of("kind date_start");
	}
	if ((mask & counted) && store_run_id(s, ST_COUNT_OLD, id) < 0)
		return store_fail(s, err);
	s->dates_changed |= (mask & dated) != 0;
	mask &= ~EXTRA_COUNTED;
	bool fts = false;
	for (int i = 0; i < NCOLS; i++)
		fts |= cols[i].fts && (mask & (1ll << i));
	/* Out of the full-text index while the row still holds the words it
	 * was indexed by; back in at the commit. */
	if (fts && store_unindex(s, id, err) < 0)
		return -1;
	if (mask && write_row(s, set_stmt(s, (unsigned)mask), id, e, fp, err) < 0)
		return -1;
	int actors = same_actors(s, id, e);
	if (actors < 0 || (!actors && store_run_id(s, ST_DELETE_ACTORS, id) < 0))
		return store_fail(s, err);
	if (!actors && store_insert_actors(s, id, e, err) < 0)
		return -1;
	int sources = same_sources(s, id, e);
	if (sources < 0 || (!sources && store_run_id(s, ST_DELETE_SOURCES, id) < 0))
		return store_fail(s, err);
	if (!sources && store_insert_sources(s, id, e, err) < 0)
		return -1;
	return fts ? store_index_event(s, id, e, err) : 0;
}

void store_update_free(struct store *s)
{
	struct event_update *u = s->upd;
	if (!u)
		return;
	sqlite3_finalize(u->differ);
	sqlite3_finalize(u->actors);
	sqlite3_finalize(u->sources);
	for (int i = 0; i < SLOTS; i++)
		sqlite3_finalize(u->set[i].st);
	free(u);
	s->upd = NULL;
}
