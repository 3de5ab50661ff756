/* export: walk the filtered events in timeline order, a page at a time by
 * key (date_start, id), load each one's actors and sources, and hand it to
 * the format's writer (see export.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/export.h"
#include "export_writer.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

#define PAGE 1000

const char *const export_col_names[X_NCOLS] = {
    "id",
    "kind",
    "date_start",
    "date_end",
    "date_precision",
    "title",
    "description",
    "event_type",
    "sub_event_type",
    "location",
    "admin1",
    "admin2",
    "country",
    "lat",
    "lon",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "fatalities_note",
    "origin",
    "origin_id",
    "extra",
};

static const struct {
	const char *name;
	const struct export_writer *w;
} formats[] = {
    {"csv", &export_csv_writer},       {"tsv", &export_tsv_writer},
    {"json", &export_json_writer},     {"acled", &export_acled_writer},
    {"native", &export_native_writer},
};

static const struct export_writer *writer_for(const char *format)
{
	for (size_t i = 0; i < ARRAY_SIZE(formats); i++)
		if (strcmp(formats[i].name, format) == 0)
			return formats[i].w;
	return NULL;
}

bool export_format_known(const char *format)
{
	return writer_for(format) != NULL;
}

struct walk {
	sqlite3 *db;
	/* a page from the start, after a key with a NULL date, after any
	 * other key (bound as the stored value itself, whatever its type) */
	sqlite3_stmt *first, *after_null, *after, *actors, *sources;
	int key_param[3]; /* index of the key's first '?' in each */
	struct xevent ev;
	char *col[X_NCOLS]; /* copies of blob columns (the rest point into the row) */
	int cap_actors, cap_sources;
};

static const char *const page_keys[3] = {"", " AND (e.date_start IS NOT NULL OR e.id > ?)",
					 " AND (e.date_start, e.id) > (?, ?)"};

static int prepare_page(struct walk *w, const struct sqlfrag *where, int k, sqlite3_stmt **st)
{
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT ");
	for (int i = 0; i < X_NCOLS; i++)
		sb_addf(&sql, "%se.%s", i ? ", " : "", export_col_names[i]);
	sb_add(&sql, " FROM event e WHERE (");
	sb_add(&sql, where && !sqlfrag_empty(where) ? sb_str(&where->sql) : "1");
	sb_addf(&sql, ")%s ORDER BY e.date_start, e.id LIMIT %d", page_keys[k], PAGE);
	int rc = sqlite3_prepare_v2(w->db, sb_str(&sql), -1, st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return -1;
	w->key_param[k] = where ? sqlfrag_bind(where, *st, 1) : 1;
	return w->key_param[k] < 0 ? -1 : 0;
}

static int prepare(struct walk *w, const struct sqlfrag *where)
{
	if (prepare_page(w, where, 0, &w->first) < 0 ||
	    prepare_page(w, where, 1, &w->after_null) < 0 ||
	    prepare_page(w, where, 2, &w->after) < 0)
		return -1;
	/* Roles in the order a reader expects them, then by name. */
	int rc = sqlite3_prepare_v2(
	    w->db,
	    "SELECT a.name, ea.role FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
	    " WHERE ea.event_id = ? ORDER BY CASE ea.role WHEN 'actor1' THEN 1 WHEN 'actor2'"
	    " THEN 2 WHEN 'assoc' THEN 3 WHEN 'claimed' THEN 4 WHEN 'target' THEN 5 ELSE 6"
	    " END, a.name",
	    -1, &w->actors, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(w->db,
					"SELECT title, publisher, url, published, quote, fatalities"
					" FROM source WHERE event_id = ? ORDER BY id",
					-1, &w->sources, NULL);
	return rc == SQLITE_OK ? 0 : -1;
}

/* A number column as text, or NULL when what is stored is not a number
 * (text or a blob in a file from elsewhere): the writers put numbers in
 * JSON as they are. */
static char *number_dup(sqlite3_stmt *st, int i)
{
	double d;
	return db_column_number(st, i, &d) ? db_column_dup(st, i) : NULL;
}

static void free_children(struct walk *w)
{
	for (int i = 0; i < w->ev.nactors; i++) {
		free((char *)w->ev.actors[i].name);
		free((char *)w->ev.actors[i].role);
	}
	for (int i = 0; i < w->ev.nsources; i++) {
		struct xsource *s = &w->ev.sources[i];
		free((char *)s->title);
		free((char *)s->publisher);
		free((char *)s->url);
		free((char *)s->published);
		free((char *)s->quote);
		free((char *)s->fatalities);
	}
	w->ev.nactors = w->ev.nsources = 0;
	for (int i = 0; i < X_NCOLS; i++) {
		free(w->col[i]);
		w->col[i] = NULL;
		w->ev.col[i] = NULL;
	}
}

static int load_children(struct walk *w, sqlite3_int64 id)
{
	int rc;
	sqlite3_reset(w->actors);
	sqlite3_bind_int64(w->actors, 1, id);
	while ((rc = sqlite3_step(w->actors)) == SQLITE_ROW) {
		if (w->ev.nactors == w->cap_actors) {
			w->cap_actors = w->cap_actors ? w->cap_actors * 2 : 8;
			w->ev.actors =
			    xrealloc(w->ev.actors, sizeof(*w->ev.actors) * w->cap_actors);
		}
		struct xactor *a = &w->ev.actors[w->ev.nactors++];
		a->name = db_column_dup_or(w->actors, 0, DB_NOT_TEXT);
		a->role = db_column_dup_or(w->actors, 1, DB_NOT_TEXT);
	}
	if (rc != SQLITE_DONE)
		return -1;
	sqlite3_reset(w->sources);
	sqlite3_bind_int64(w->sources, 1, id);
	while ((rc = sqlite3_step(w->sources)) == SQLITE_ROW) {
		if (w->ev.nsources == w->cap_sources) {
			w->cap_sources = w->cap_sources ? w->cap_sources * 2 : 4;
			w->ev.sources =
			    xrealloc(w->ev.sources, sizeof(*w->ev.sources) * w->cap_sources);
		}
		struct xsource *s = &w->ev.sources[w->ev.nsources++];
		s->title = db_column_dup(w->sources, 0);
		s->publisher = db_column_dup(w->sources, 1);
		s->url = db_column_dup(w->sources, 2);
		s->published = db_column_dup(w->sources, 3);
		s->quote = db_column_dup(w->sources, 4);
		s->fatalities = number_dup(w->sources, 5);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

bool xcol_numeric(int col)
{
	return col == X_ID || col == X_LAT || col == X_LON || col == X_GEOPREC || col == X_FAT ||
	       col == X_FAT_LOW || col == X_FAT_HIGH;
}

/* Column i of the current row as db_column_dup reads it, but without a
 * copy where it can be: SQLite's own text stays valid until the next step,
 * and the writer is done with the row by then. A blob is checked and
 * copied into w->col[i] (freed with the row). */
static const char *column_text(struct walk *w, sqlite3_stmt *st, int i)
{
	int type = sqlite3_column_type(st, i);
	if (type == SQLITE_NULL)
		return NULL;
	if (type == SQLITE_BLOB)
		return w->col[i] = db_column_dup(st, i);
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : DB_NOT_TEXT;
}

/* The current row into w->ev: text as db_column_dup reads it, numbers
 * only when they are numbers, and the NOT NULL columns a file from
 * elsewhere left NULL as "" (the writers compare and cut them). */
static void read_event(struct walk *w, sqlite3_stmt *st)
{
	for (int i = 0; i < X_NCOLS; i++) {
		double d;
		const char *v = !xcol_numeric(i)              ? column_text(w, st, i)
				: db_column_number(st, i, &d) ? column_text(w, st, i)
							      : NULL;
		bool required = i == X_KIND || i == X_START || i == X_END || i == X_PREC ||
				i == X_TITLE || i == X_ORIGIN || i == X_ORIGIN_ID;
		w->ev.col[i] = !v && required ? "" : v;
	}
}

/* One page after *key (NULL: from the start); returns rows seen, -1 on
 * error. *key becomes the last row's stored date_start (any type) and
 * *key_id its id. */
static long page(struct walk *w, const struct export_writer *wr, FILE *out, long done,
		 sqlite3_value **key, sqlite3_int64 *key_id)
{
	int k = !*key ? 0 : sqlite3_value_type(*key) == SQLITE_NULL ? 1 : 2;
	sqlite3_stmt *st = k == 0 ? w->first : k == 1 ? w->after_null : w->after;
	sqlite3_reset(st);
	if (k == 2)
		sqlite3_bind_value(st, w->key_param[k], *key);
	if (k > 0)
		sqlite3_bind_int64(st, w->key_param[k] + (k == 2), *key_id);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(st, X_ID);
		read_event(w, st);
		if (load_children(w, id) < 0)
			return -1;
		wr->event(out, &w->ev, done + n);
		free_children(w);
		sqlite3_value_free(*key);
		if (!(*key = sqlite3_value_dup(sqlite3_column_value(st, X_START))))
			die("out of memory");
		*key_id = id;
		n++;
	}
	return rc == SQLITE_DONE ? n : -1;
}

static void walk_free(struct walk *w)
{
	free_children(w);
	free(w->ev.actors);
	free(w->ev.sources);
	sqlite3_finalize(w->first);
	sqlite3_finalize(w->after_null);
	sqlite3_finalize(w->after);
	sqlite3_finalize(w->actors);
	sqlite3_finalize(w->sources);
}

int export_write(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		 char **err)
{
	return export_write_n(db, where, format, out, NULL, err);
}

int export_write_n(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		   long long *written, char **err)
{
	return export_write_controls(db, where, format, out, out_controls_for(out, false), written,
				     err);
}

int export_write_controls(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
			  enum out_controls controls, long long *written, char **err)
{
	const struct export_writer *wr = writer_for(format);
	if (!wr) {
		*err =
		    xasprintf("unknown export format '%s' (csv, tsv, json, acled, native)", format);
		return -1;
	}
	struct walk w = {.db = db, .ev.controls = controls};
	long long total = 0;
	sqlite3_value *key = NULL;
	sqlite3_int64 key_id = 0;
	if (prepare(&w, where) < 0)
		goto fail;
	wr->begin(out, db, where, controls);
	for (;;) {
		long n = page(&w, wr, out, (long)total, &key, &key_id);
		if (n < 0)
			goto fail;
		total += n;
		if (n < PAGE)
			break;
	}
	wr->end(out, (long)total);
	sqlite3_value_free(key);
	walk_free(&w);
	if (written)
		*written = total;
	if (fflush(out) != 0 || ferror(out)) {
		*err = xasprintf("write error");
		return -1;
	}
	return 0;
fail:
	*err = db_error(db); /* it names the file, as the other commands do */
	sqlite3_value_free(key);
	walk_free(&w);
	return -1;
}

char *xevent_actors(const struct xevent *ev, const char *role)
{
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < ev->nactors; i++)
		if (ev->actors[i].role && strcmp(ev->actors[i].role, role) == 0)
			sb_addf(&sb, "%s%s", sb.len ? "; " : "", ev->actors[i].name);
	return sb_detach(&sb);
}
