/* store: the one write path (see store.h). Statements are prepared once
 * per store and reused for every record, which is what keeps a million-row
 * import near the speed of the sqlite3 shell. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/extra_json.h"
#include "bulk_thread.h"
#include "sitrep/store.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

#include "store_impl.h"

static const char *const stmt_sql[ST_COUNT] = {
    [ST_FIND_EVENT] = "SELECT id, fingerprint FROM event WHERE origin = ? AND origin_id = ?",
    [ST_INSERT_EVENT] =
	"INSERT INTO event (kind, date_start, date_end, date_precision, title, description,"
	" event_type, sub_event_type, location, admin1, admin2, country, lat, lon,"
	" geo_precision, fatalities, fatalities_low, fatalities_high, fatalities_note,"
	" fingerprint, extra, origin, origin_id, actor_names)"
	" VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
	"?23,?25) ON CONFLICT (origin_id, origin) DO NOTHING",
    [ST_UPDATE_EVENT] =
	"UPDATE event SET kind=?1, date_start=?2, date_end=?3, date_precision=?4, title=?5,"
	" description=?6, event_type=?7, sub_event_type=?8, location=?9, admin1=?10,"
	" admin2=?11, country=?12, lat=?13, lon=?14, geo_precision=?15, fatalities=?16,"
	" fatalities_low=?17, fatalities_high=?18, fatalities_note=?19, fingerprint=?20,"
	" extra=?21, actor_names=?25 WHERE id = ?24",
    [ST_DELETE_ACTORS] = "DELETE FROM event_actor WHERE event_id = ?",
    [ST_DELETE_SOURCES] = "DELETE FROM source WHERE event_id = ?",
    /* An external-content index forgets a row given the words it indexed:
     * the event's columns before they change, kept until the commit
     * (store_commit: one statement for all, as for the rows going in). */
    [ST_DELETE_FTS] = "INSERT OR IGNORE INTO temp.fts_gone (rowid, " FTS_COLUMNS ")"
		      " SELECT id, " FTS_COLUMNS " FROM event WHERE id = ?1"
		      " AND NOT EXISTS (SELECT 1 FROM temp.fts_pending WHERE rowid = ?1)",
    [ST_INSERT_EVENT_ACTOR] =
	"INSERT OR IGNORE INTO event_actor (event_id, actor_id, role) VALUES (?, ?, ?)",
    [ST_INSERT_SOURCE] = "INSERT INTO source (event_id, title, publisher, url, published, quote,"
			 " fatalities) VALUES (?, ?, ?, ?, ?, ?, ?)",
    [ST_INSERT_FTS] = "INSERT OR IGNORE INTO temp.fts_pending (rowid) VALUES (?)",
    [ST_FIND_ALIAS] = "SELECT actor_id FROM actor_alias WHERE folded = ?",
    [ST_INSERT_ACTOR] =
	"INSERT INTO actor (name, kind, parent_id, description) VALUES (?, ?, ?, ?)",
    [ST_INSERT_ALIAS] =
	"INSERT OR IGNORE INTO actor_alias (folded, alias, actor_id) VALUES (?, ?, ?)",
    [ST_ACTOR_NAME] = "SELECT name FROM actor WHERE id = ?",
    [ST_FTS_TEXT] = "SELECT " FTS_COLUMNS " FROM event WHERE id = ?",
    [ST_EVENT_EXTRA] = "SELECT extra FROM event WHERE id = ?",
    [ST_COUNT_OLD] = db_counts_forget_sql,
};

int store_fail(struct store *s, char **err)
{
	*err = db_error(s->db);
	return -1;
}

/* Prepared on first use: an import of actors alone never compiles the
 * event statements. */
sqlite3_stmt *store_stmt(struct store *s, int which)
{
	if (!s->st[which] &&
	    sqlite3_prepare_v3(s->db, stmt_sql[which], -1, SQLITE_PREPARE_PERSISTENT, &s->st[which],
			       NULL) != SQLITE_OK)
		return NULL;
	sqlite3_reset(s->st[which]);
	sqlite3_clear_bindings(s->st[which]);
	return s->st[which];
}

struct store *store_open(const char *path, char **err)
{
	sqlite3 *db = db_open_rw(path, err);
	if (!db)
		return NULL;
	/* The events of the transaction waiting for the full-text index, which
	 * reads their text from the event table at the commit; and the words
	 * of updated events to take out of it first. */
	if (sqlite3_exec(db,
			 "CREATE TEMP TABLE fts_pending (rowid INTEGER PRIMARY KEY);"
			 " CREATE TEMP TABLE fts_gone (rowid INTEGER PRIMARY KEY, " FTS_COLUMNS ")",
			 NULL, NULL, NULL) != SQLITE_OK) {
		*err = db_error(db);
		db_close(db);
		return NULL;
	}
	struct store *s = xcalloc(1, sizeof(*s));
	s->db = db;
	s->path = xstrdup(path);
	return s;
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

static int exec(struct store *s, const char *sql, char **err)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err);
	return 0;
}

/* Which hash the database's fingerprints are (meta key "fingerprint"),
 * read again by every transaction: one that rolled back may have taken the
 * key with it. Without the key, a database that holds events was written
 * before the key existed, with FNV-1a; an empty one gets the faster hash.
 * Either way the key is written in this transaction, to go or stay with
 * the import. */
static int read_hash(struct store *s, char **err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT value FROM meta WHERE key = 'fingerprint'),"
			       " EXISTS (SELECT 1 FROM event)",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return store_fail(s, err);
	}
	const char *name = (const char *)sqlite3_column_text(st, 0);
	bool events = sqlite3_column_int(st, 1);
	s->fresh = !events;
	int rc = 0;
	if (name) {
		if (fingerprint_parse(name, &s->hash) < 0) {
			*err = xasprintf("the database's fingerprints are '%s', which this sitrep"
					 " does not know; upgrade sitrep",
					 name);
			rc = -1;
		}
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	s->hash = events ? FINGERPRINT_FNV1A : FINGERPRINT_WORDMIX;
	if (sqlite3_prepare_v2(s->db, "INSERT INTO meta (key, value) VALUES ('fingerprint', ?)", -1,
			       &st, NULL) != SQLITE_OK)
		return store_fail(s, err);
	sqlite3_bind_text(st, 1, fingerprint_name(s->hash), -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err);
}

int store_begin(struct store *s, char **err)
{
	if (exec(s, "BEGIN IMMEDIATE", err) < 0)
		return -1;
	s->in_tx = true;
	s->dates_changed = false;
	if (read_hash(s, err) < 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* 1 when the query finds nothing, 0 when it finds rows, -1 on an error. */
static int none(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 1 : rc == SQLITE_ROW ? 0 : -1;
}

int store_side_async(struct store *s, char **err)
{
	if (s->side)
		return 0;
	int fts = none(s, "SELECT 1 FROM event_fts_docsize UNION ALL SELECT 1 FROM temp.fts_pending"
			  " LIMIT 1");
	int children = none(s, "SELECT 1 FROM event_actor UNION ALL SELECT 1 FROM source LIMIT 1");
	if (fts < 0 || children < 0)
		return store_fail(s, err);
	unsigned parts = (fts ? SIDE_FTS : 0) | (children ? SIDE_CHILDREN : 0);
	if (!parts)
		return 0;
	s->side = bulk_thread_start(s->db, parts, err);
	return s->side ? 0 : -1;
}

/* Whether part (SIDE_*) is being built on the second thread. */
static bool aside(const struct store *s, unsigned part)
{
	return bulk_thread_parts(s->side) & part;
}

bool store_children_aside(const struct store *s)
{
	return aside(s, SIDE_CHILDREN);
}

int store_rows_done(struct store *s, char **err)
{
	return s->side ? bulk_thread_close(s->side, err) : 0;
}

int store_count_updates(struct store *s, long long n, char **err)
{
	if (n <= 0)
		return 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(
		s->db,
		"INSERT INTO meta (key, value) VALUES ('updated_events', ?1)"
		" ON CONFLICT (key) DO UPDATE SET value = CAST(value AS INTEGER) + ?1",
		-1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err);
	sqlite3_bind_int64(st, 1, n);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err);
}

int store_commit(struct store *s, char **err)
{
	/* The full-text rows of the transaction go in with one statement: FTS5
	 * writes a segment per statement, so row by row it would write and
	 * merge thousands of tiny segments. Into an empty index, many rows are
	 * cheaper merged once at the end ('optimize') than level by level as
	 * FTS5 goes (automerge); both settings are back to their defaults
	 * before the commit. */
	if (s->side) {
		double t0 = monotonic_ms();
		int rc = bulk_thread_finish(s->side, err);
		if (timing_on())
			fprintf(stderr,
				"timing: tables from the second thread: waited for"
				" and copied in %.1f ms\n",
				monotonic_ms() - t0);
		if (rc < 0)
			return -1;
	}
	double t_fts = monotonic_ms();
	bool bulk = false;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT count(*) FROM temp.fts_pending) >= 20000"
			       " AND NOT EXISTS (SELECT 1 FROM event_fts_idx)",
			       -1, &st, NULL) == SQLITE_OK) {
		bulk = sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (bulk && exec(s,
			 "INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 0);"
			 " INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 1999)",
			 err) < 0)
		return -1;
	/* FTS5 flushes what a statement wrote before the next one: a delete
	 * a row wrote a segment per updated event (a quarter of the update's
	 * time), where one statement writes one. */
	if (exec(s,
		 "INSERT INTO event_fts (event_fts, rowid, " FTS_COLUMNS
		 ") SELECT 'delete', rowid, " FTS_COLUMNS
		 " FROM temp.fts_gone ORDER BY rowid; DELETE FROM temp.fts_gone;"
		 " INSERT INTO event_fts (rowid, " FTS_COLUMNS ") SELECT id, " FTS_COLUMNS
		 " FROM event WHERE id IN (SELECT rowid FROM temp.fts_pending) ORDER BY id;"
		 " DELETE FROM temp.fts_pending",
		 err) < 0)
		return -1;
	if (bulk && exec(s,
			 "INSERT INTO event_fts (event_fts) VALUES ('optimize');"
			 " INSERT INTO event_fts (event_fts, rank) VALUES ('automerge', 4);"
			 " INSERT INTO event_fts (event_fts, rank) VALUES ('crisismerge', 16)",
			 err) < 0)
		return -1;
	double t_commit = monotonic_ms();
	if (db_counts_commit(s->db, s->dates_changed, err) < 0 || exec(s, "COMMIT", err) < 0)
		return -1;
	if (timing_on())
		fprintf(stderr, "timing: full-text rows %.1f ms; counts and COMMIT %.1f ms\n",
			t_commit - t_fts, monotonic_ms() - t_commit);
	s->in_tx = false;
	bulk_thread_release(s->side); /* only now: the transaction read its file */
	s->side = NULL;
	return 0;
}

void store_rollback(struct store *s)
{
	if (s->in_tx)
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	s->in_tx = false;
	bulk_thread_release(s->side); /* after the ROLLBACK, as in store_commit */
	s->side = NULL;
	actor_cache_clear(&s->memo);
}

void store_close(struct store *s)
{
	if (!s)
		return;
	store_rollback(s);
	actor_cache_clear(&s->memo);
	for (int i = 0; i < ST_COUNT; i++)
		sqlite3_finalize(s->st[i]);
	store_update_free(s);
	sb_free(&s->names);
	free(s->actor_ids);
	db_close(s->db);
	free(s->path);
	free(s);
}

/* ---- binding helpers: NULL and -1 mean "absent" and bind SQL NULL. */

void store_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v && *v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_count(sqlite3_stmt *st, int i, long long v)
{
	if (v >= 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* ---- events */

void store_bind_event(sqlite3_stmt *st, const struct event_in *e, sqlite3_int64 fp,
		      const struct strbuf *actor_names)
{
	char start[DATE_ISO_LEN], end[DATE_ISO_LEN];
	date_format(start, e->date.start);
	date_format(end, e->date.end);
	store_bind_text(st, 1, e->kind);
	sqlite3_bind_text(st, 2, start, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 3, end, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 4, date_prec_name(e->date.prec), -1, SQLITE_STATIC);
	store_bind_text(st, 5, e->title);
	store_bind_text(st, 6, e->description);
	store_bind_text(st, 7, e->event_type);
	store_bind_text(st, 8, e->sub_event_type);
	store_bind_text(st, 9, e->location);
	store_bind_text(st, 10, e->admin1);
	store_bind_text(st, 11, e->admin2);
	store_bind_text(st, 12, e->country);
	if (e->has_coords) {
		sqlite3_bind_double(st, 13, e->lat);
		sqlite3_bind_double(st, 14, e->lon);
	}
	if (e->geo_precision > 0)
		sqlite3_bind_int(st, 15, e->geo_precision);
	bind_count(st, 16, e->fatalities);
	bind_count(st, 17, e->fatalities_low);
	bind_count(st, 18, e->fatalities_high);
	store_bind_text(st, 19, e->fatalities_note);
	sqlite3_bind_int64(st, 20, fp);
	store_bind_text(st, 21, e->extra);
	if (actor_names->len)
		sqlite3_bind_text(st, 25, sb_str(actor_names), (int)actor_names->len,
				  SQLITE_STATIC);
}

int store_run_id(struct store *s, int which, long long id)
{
	sqlite3_stmt *st = store_stmt(s, which);
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, id);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* As bind_text stores a text: an empty one is NULL. */
static const char *text_or_null(const char *t)
{
	return t && *t ? t : NULL;
}

static int insert_actor(struct store *s, long long id, long long actor_id, const char *role,
			char **err)
{
	if (aside(s, SIDE_CHILDREN))
		return side_actor(s->side, id, actor_id, role, err);
	sqlite3_stmt *st = store_stmt(s, ST_INSERT_EVENT_ACTOR);
	if (!st)
		return store_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, actor_id);
	sqlite3_bind_text(st, 3, role, -1, SQLITE_STATIC);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_fail(s, err);
}

static int insert_source(struct store *s, long long id, const struct source_in *src, char **err)
{
	const char *text[SOURCE_NTEXTS] = {
	    [SOURCE_TITLE] = text_or_null(src->title),
	    [SOURCE_PUBLISHER] = text_or_null(src->publisher),
	    [SOURCE_URL] = text_or_null(src->url),
	    [SOURCE_PUBLISHED] = text_or_null(src->published),
	    [SOURCE_QUOTE] = text_or_null(src->quote),
	};
	if (aside(s, SIDE_CHILDREN))
		return side_source(s->side, id, text, src->fatalities, err);
	sqlite3_stmt *st = store_stmt(s, ST_INSERT_SOURCE);
	if (!st)
		return store_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	for (int i = 0; i < SOURCE_NTEXTS; i++)
		store_bind_text(st, i + 2, text[i]);
	bind_count(st, 7, src->fatalities);
	return sqlite3_step(st) == SQLITE_DONE ? 0 : store_fail(s, err);
}

/* Into the full-text index: now on the second thread, else at the commit. */
int store_index_event(struct store *s, long long id, const struct event_in *e, char **err)
{
	if (!aside(s, SIDE_FTS))
		return store_run_id(s, ST_INSERT_FTS, id) < 0 ? store_fail(s, err) : 0;
	const char *text[FTS_NCOLS] = {
	    [FTS_TITLE] = text_or_null(e->title),
	    [FTS_DESCRIPTION] = text_or_null(e->description),
	    [FTS_LOCATION] = text_or_null(e->location),
	    [FTS_ADMIN2] = text_or_null(e->admin2),
	    [FTS_ADMIN1] = text_or_null(e->admin1),
	    [FTS_ACTOR_NAMES] = text_or_null(sb_str(&s->names)),
	};
	return side_fts_add(s->side, id, text, err);
}

int store_insert_actors(struct store *s, long long id, const struct event_in *e, char **err)
{
	for (int i = 0; i < e->nactors; i++)
		if (s->actor_ids[i] >= 0 &&
		    insert_actor(s, id, s->actor_ids[i], store_role(&e->actors[i]), err) < 0)
			return -1;
	return 0;
}

int store_insert_sources(struct store *s, long long id, const struct event_in *e, char **err)
{
	for (int i = 0; i < e->nsources; i++)
		if (insert_source(s, id, &e->sources[i], err) < 0)
			return -1;
	return 0;
}

static int insert_children(struct store *s, long long id, const struct event_in *e, char **err)
{
	if (store_insert_actors(s, id, e, err) < 0 || store_insert_sources(s, id, e, err) < 0)
		return -1;
	return store_index_event(s, id, e, err);
}

static int check_event(const struct event_in *e, char **err)
{
	if (!e->kind || (strcmp(e->kind, "incident") != 0 && strcmp(e->kind, "context") != 0))
		*err = xasprintf("kind must be 'incident' or 'context'");
	else if (!e->title || !*e->title)
		*err = xasprintf("an event needs a title");
	else if (!e->origin || !*e->origin || !e->origin_id || !*e->origin_id)
		*err = xasprintf("an event needs an origin and an id");
	else if (e->date.end < e->date.start)
		*err = xasprintf("the date range ends before it starts");
	else if (e->has_coords && (e->lat < -90 || e->lat > 90 || e->lon < -180 || e->lon > 180))
		*err = xasprintf("coordinates out of range: %g, %g", e->lat, e->lon);
	else
		return 0;
	return -1;
}

/* Take event id out of the full-text index, with the words it holds now. */
int store_unindex(struct store *s, long long id, char **err)
{
	if (!aside(s, SIDE_FTS))
		return store_run_id(s, ST_DELETE_FTS, id) < 0 ? store_fail(s, err) : 0;
	sqlite3_stmt *st = store_stmt(s, ST_FTS_TEXT);
	if (!st)
		return store_fail(s, err);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_fail(s, err);
	const char *text[FTS_NCOLS];
	for (int i = 0; i < FTS_NCOLS; i++)
		text[i] = (const char *)sqlite3_column_text(st, i);
	int rc = side_fts_remove(s->side, id, text, err);
	sqlite3_reset(st);
	return rc;
}

void store_set_replace(struct store *s, bool replace)
{
	s->replace = replace;
}

/* 1 with *id set when the event went in, 0 when its origin and id were
 * there already, -1 with *err set on an error. */
static int insert_event(struct store *s, const struct event_in *e, sqlite3_int64 fp, long long *id,
			char **err)
{
	sqlite3_stmt *st = store_stmt(s, ST_INSERT_EVENT);
	if (!st)
		return store_fail(s, err);
	store_bind_event(st, e, fp, &s->names);
	sqlite3_bind_text(st, 22, e->origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 23, e->origin_id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		return store_fail(s, err);
	if (sqlite3_changes(s->db) == 0)
		return 0;
	*id = sqlite3_last_insert_rowid(s->db);
	s->dates_changed = true;
	return 1;
}

/* extra has "key": (a value cannot hold it: its quotes are escaped). */
static bool has_key(const char *extra, const char *key)
{
	char *quoted = xasprintf("\"%s\":", key);
	bool found = strstr(extra, quoted) != NULL;
	free(quoted);
	return found;
}

/* store_event with e's fingerprint given. */
static int store_as(struct store *s, const struct event_in *e, sqlite3_int64 fp,
		    enum store_result *res, char **err)
{
	long long id = -1;
	bool resolved = false;
	if (s->fresh) {
		/* Into a table that was empty nearly every row is new: insert
		 * first, and look the row up only when its origin and id are
		 * there already (a row the same file repeats). One b-tree
		 * look-up a row saved. */
		if (store_resolve_actors(s, e, err) < 0)
			return -1;
		resolved = true;
		int in = insert_event(s, e, fp, &id, err);
		if (in < 0)
			return -1;
		if (in == 1) {
			*res = STORE_INSERTED;
			return insert_children(s, id, e, err);
		}
	}
	sqlite3_stmt *st = store_stmt(s, ST_FIND_EVENT);
	if (!st)
		return store_fail(s, err);
	sqlite3_bind_text(st, 1, e->origin, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, e->origin_id, -1, SQLITE_STATIC);
	sqlite3_int64 old_fp = 0;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0);
		old_fp = sqlite3_column_int64(st, 1);
	} else if (rc != SQLITE_DONE) {
		return store_fail(s, err);
	}
	sqlite3_reset(st);
	if (id >= 0 && old_fp == fp) {
		*res = STORE_UNCHANGED;
		return 0;
	}
	char *kept = NULL;
	if (id >= 0) {
		int n = store_newer(s, id, e, &kept, err);
		if (n <= 0) {
			if (n == 0)
				*res = STORE_OLDER;
			return n;
		}
	}
	if (!resolved && store_resolve_actors(s, e, err) < 0) {
		free(kept);
		return -1;
	}
	if (id >= 0) {
		/* the fingerprint stays e's: the same row again is unchanged */
		struct event_in w = *e;
		if (kept)
			w.extra = kept;
		rc = store_update_event(s, id, &w, fp, err);
		free(kept);
		if (rc == 0)
			*res = STORE_UPDATED;
		return rc;
	}
	int in = insert_event(s, e, fp, &id, err);
	if (in == 0) /* not found a moment ago, in the same transaction */
		*err = xasprintf("event %s of %s is there and not there", e->origin_id, e->origin);
	if (in < 1)
		return -1;
	*res = STORE_INSERTED;
	return insert_children(s, id, e, err);
}

int store_event(struct store *s, const struct event_in *e, enum store_result *res, char **err)
{
	if (check_event(e, err) < 0)
		return -1;
	/* A version that is a fact of the file (UCDP's GED release) is kept
	 * in extra but left out of the fingerprint: an event the next
	 * release did not change is unchanged. */
	sqlite3_int64 fp = event_fingerprint(e, s->hash);
	if (!e->version || !e->version_key || (e->extra && has_key(e->extra, e->version_key)))
		return store_as(s, e, fp, res, err);
	struct event_in w = *e;
	struct strbuf sb = STRBUF_INIT;
	if (e->extra) {
		sb_add(&sb, e->extra);
		sb.buf[--sb.len] = '\0'; /* reopen the object */
	}
	extra_add(&sb, e->version_key, strlen(e->version_key), e->version, strlen(e->version));
	extra_end(&sb);
	w.extra = sb_str(&sb);
	int rc = store_as(s, &w, fp, res, err);
	sb_free(&sb);
	return rc;
}

int store_place(struct store *s, const char *name, const char *name_en, const char *kind,
		const char *admin1, double lat, double lon, long long population, long long osm_id,
		char **err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO place (name, name_en, folded, kind, admin1, lat, lon,"
	    " population, osm_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err);
	char *folded = text_fold(name);
	store_bind_text(st, 1, name);
	store_bind_text(st, 2, name_en);
	sqlite3_bind_text(st, 3, folded, -1, SQLITE_STATIC);
	store_bind_text(st, 4, kind);
	store_bind_text(st, 5, admin1);
	sqlite3_bind_double(st, 6, lat);
	sqlite3_bind_double(st, 7, lon);
	bind_count(st, 8, population);
	bind_count(st, 9, osm_id);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	free(folded);
	if (rc != SQLITE_DONE)
		return store_fail(s, err);
	return 0;
}

int store_meta(struct store *s, const char *key, const char *value, char **err)
{
	sqlite3_stmt *st;
	/* How this database hashes its events (read_hash), not a property of
	 * the data: a native file exported from another database may carry it. */
	if (strcmp(key, "fingerprint") == 0)
		return 0;
	if (sqlite3_prepare_v2(s->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1,
			       &st, NULL) != SQLITE_OK)
		return store_fail(s, err);
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : store_fail(s, err);
}
