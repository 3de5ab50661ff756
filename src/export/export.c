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
	sqlite3_stmt *page, *actors, *sources;
	int key_param; /* index of the key's first '?' in page */
	struct xevent ev;
	int cap_actors, cap_sources;
};

static int prepare(struct walk *w, const struct sqlfrag *where)
{
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT ");
	for (int i = 0; i < X_NCOLS; i++)
		sb_addf(&sql, "%se.%s", i ? ", " : "", export_col_names[i]);
	sb_add(&sql, " FROM event e WHERE (");
	sb_add(&sql, where && !sqlfrag_empty(where) ? sb_str(&where->sql) : "1");
	sb_addf(&sql, ") AND (e.date_start, e.id) > (?, ?) ORDER BY e.date_start, e.id LIMIT %d",
		PAGE);
	int rc = sqlite3_prepare_v2(w->db, sb_str(&sql), -1, &w->page, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK)
		return -1;
	w->key_param = where ? sqlfrag_bind(where, w->page, 1) : 1;
	if (w->key_param < 0)
		return -1;
	/* Roles in the order a reader expects them, then by name. */
	rc = sqlite3_prepare_v2(
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
		a->name = db_column_dup(w->actors, 0);
		a->role = db_column_dup(w->actors, 1);
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
		s->fatalities = db_column_dup(w->sources, 5);
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* One page after key; returns rows seen, -1 on error. key is updated. */
static long page(struct walk *w, const struct export_writer *wr, FILE *out, long done,
		 char **key_date, sqlite3_int64 *key_id)
{
	sqlite3_reset(w->page);
	sqlite3_bind_text(w->page, w->key_param, *key_date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(w->page, w->key_param + 1, *key_id);
	long n = 0;
	int rc;
	while ((rc = sqlite3_step(w->page)) == SQLITE_ROW) {
		for (int i = 0; i < X_NCOLS; i++) {
			const unsigned char *t = sqlite3_column_text(w->page, i);
			w->ev.col[i] = (const char *)t;
		}
		sqlite3_int64 id = sqlite3_column_int64(w->page, X_ID);
		if (load_children(w, id) < 0)
			return -1;
		wr->event(out, &w->ev, done + n);
		free_children(w);
		free(*key_date);
		*key_date = xstrdup(w->ev.col[X_START]);
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
	sqlite3_finalize(w->page);
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
	const struct export_writer *wr = writer_for(format);
	if (!wr) {
		*err =
		    xasprintf("unknown export format '%s' (csv, tsv, json, acled, native)", format);
		return -1;
	}
	struct walk w = {.db = db};
	long long total = 0;
	char *key_date = xstrdup("");
	sqlite3_int64 key_id = 0;
	if (prepare(&w, where) < 0)
		goto fail;
	wr->begin(out, db, where);
	for (;;) {
		long n = page(&w, wr, out, (long)total, &key_date, &key_id);
		if (n < 0)
			goto fail;
		total += n;
		if (n < PAGE)
			break;
	}
	wr->end(out, (long)total);
	free(key_date);
	walk_free(&w);
	if (written)
		*written = total;
	if (fflush(out) != 0 || ferror(out)) {
		*err = xasprintf("write error");
		return -1;
	}
	return 0;
fail:
	*err = xasprintf("export: %s", sqlite3_errmsg(db));
	free(key_date);
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
