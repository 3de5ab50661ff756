/* export: walk the filtered events in timeline order, a page at a time by
 * key (date_start, id), load the page's actors and sources (a query each
 * for the whole page), and hand each event to the format's writer (see
 * export.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/export.h"
#include "export_writer.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

/* Rows a page: the child tables' pages are shared by more of a page's
 * events the more there are (4096: about 10 MB in all, whatever the file).
 * tests/fuzz/run.sh builds with a page of 2 rows (EXPORT_PAGE), so that
 * its few events cross pages, and a page's fixed cost does not swamp an
 * execution. */
#ifdef EXPORT_PAGE
#define PAGE EXPORT_PAGE
#else
#define PAGE 4096
#endif

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

bool export_format_takes_layer(const char *format)
{
	return export_format_takes_marks(format); /* the same three, for the same reason */
}

bool export_format_takes_marks(const char *format)
{
	return !strcmp(format, "csv") || !strcmp(format, "tsv") || !strcmp(format, "json");
}

/* Rows are read a page at a time and their actors and sources fetched
 * for the whole page by two `event_id IN (...)` queries, not two queries a
 * row: the page's ids are sorted by the IN list, so the child tables are
 * read in key order rather than a seek per event. PAGE rows of text are
 * held at once: memory stays the same whatever the file's size. */
#define NO_TEXT ((size_t)-1)

struct child {
	sqlite3_int64 event_id;
	size_t off[6]; /* into the arena: name, role / the source's six */
};

struct page_buf {
	char *arena;
	size_t used, cap;
	sqlite3_int64 id[PAGE];
	size_t off[PAGE][X_NCOLS];
	struct child *actors, *sources;
	int nactors, nsources, cap_actors, cap_sources;
	struct xactor *xa;  /* the actors as the writers take them */
	struct xsource *xs; /* the same for sources */
	int cap_xa, cap_xs;
};

struct walk {
	sqlite3 *db;
	/* a page from the start, after a key with a NULL date, after any
	 * other key (bound as the stored value itself, whatever its type) */
	sqlite3_stmt *first, *after_null, *after, *actors, *sources;
	int key_param[3]; /* index of the key's first '?' in each */
	struct xevent ev;
	struct page_buf pb;
	const struct mark_index *marks; /* --with-notes, else NULL */
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

/* "head (?, ?, ... PAGE of them) tail" */
static int prepare_in(sqlite3 *db, const char *head, const char *tail, sqlite3_stmt **st)
{
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, head);
	for (int i = 0; i < PAGE; i++)
		sb_add(&sql, i ? ",?" : "?");
	sb_add(&sql, tail);
	int rc = sqlite3_prepare_v2(db, sb_str(&sql), -1, st, NULL);
	sb_free(&sql);
	return rc == SQLITE_OK ? 0 : -1;
}

static int prepare(struct walk *w, const struct sqlfrag *where)
{
	if (prepare_page(w, where, 0, &w->first) < 0 ||
	    prepare_page(w, where, 1, &w->after_null) < 0 ||
	    prepare_page(w, where, 2, &w->after) < 0)
		return -1;
	/* Each event's actors: roles in the order a reader expects them, then
	 * by name. */
	if (prepare_in(w->db,
		       "SELECT ea.event_id, a.name, ea.role FROM event_actor ea JOIN actor a"
		       " ON a.id = ea.actor_id WHERE ea.event_id IN (",
		       ") ORDER BY ea.event_id, CASE ea.role WHEN 'actor1' THEN 1 WHEN 'actor2'"
		       " THEN 2 WHEN 'assoc' THEN 3 WHEN 'claimed' THEN 4 WHEN 'target' THEN 5"
		       " ELSE 6 END, a.name",
		       &w->actors) < 0)
		return -1;
	return prepare_in(w->db,
			  "SELECT event_id, title, publisher, url, published, quote, fatalities"
			  " FROM source WHERE event_id IN (",
			  ") ORDER BY event_id, id", &w->sources);
}

/* s (NULL: none) copied into the page's arena; its offset, or NO_TEXT. */
static size_t keep(struct page_buf *pb, const char *s)
{
	if (!s)
		return NO_TEXT;
	size_t n = strlen(s) + 1;
	if (pb->used + n > pb->cap) {
		while (pb->used + n > pb->cap)
			pb->cap = pb->cap ? pb->cap * 2 : PAGE * 256; /* 1 MiB */
		pb->arena = xrealloc(pb->arena, pb->cap);
	}
	memcpy(pb->arena + pb->used, s, n);
	size_t at = pb->used;
	pb->used += n;
	return at;
}

/* A column as db_column_dup reads it, kept in the arena; owned copies
 * (a checked blob) are freed at once. */
static size_t keep_dup(struct page_buf *pb, char *s)
{
	size_t at = keep(pb, s);
	free(s);
	return at;
}

static const char *text_at(const struct page_buf *pb, size_t off)
{
	return off == NO_TEXT ? NULL : pb->arena + off;
}

bool xcol_numeric(int col)
{
	return col == X_ID || col == X_LAT || col == X_LON || col == X_GEOPREC || col == X_FAT ||
	       col == X_FAT_LOW || col == X_FAT_HIGH;
}

/* Column i of the current row as db_column_dup reads it: NULL, text, a
 * blob checked and copied, DB_NOT_TEXT for what cannot be read. */
static size_t keep_column(struct page_buf *pb, sqlite3_stmt *st, int i)
{
	int type = sqlite3_column_type(st, i);
	if (type == SQLITE_NULL)
		return NO_TEXT;
	if (type == SQLITE_BLOB)
		return keep_dup(pb, db_column_dup(st, i));
	const unsigned char *t = sqlite3_column_text(st, i);
	return keep(pb, t ? (const char *)t : DB_NOT_TEXT);
}

/* Row r of the page from the current row: text as db_column_dup reads it,
 * numbers only when they are numbers. */
static void keep_event(struct page_buf *pb, sqlite3_stmt *st, int r)
{
	pb->id[r] = sqlite3_column_int64(st, X_ID);
	for (int i = 0; i < X_NCOLS; i++) {
		double d;
		pb->off[r][i] = !xcol_numeric(i) || db_column_number(st, i, &d)
				    ? keep_column(pb, st, i)
				    : NO_TEXT;
	}
}

static struct child *add_child(struct child **v, int *n, int *cap)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = xrealloc(*v, sizeof(**v) * (size_t)*cap);
	}
	return &(*v)[(*n)++];
}

/* The children of the page's n events, in event id order: st's first
 * column the event id, then ncols texts. An actor's name and role are
 * never NULL (DB_NOT_TEXT for what cannot be read); a source's last column
 * (fatalities) is kept only when it is a number. */
static int load_children(struct walk *w, sqlite3_stmt *st, int n, bool actors, struct child **v,
			 int *nv, int *cap)
{
	struct page_buf *pb = &w->pb;
	int ncols = actors ? 2 : 6;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	for (int i = 0; i < n; i++)
		sqlite3_bind_int64(st, i + 1, pb->id[i]);
	*nv = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct child *c = add_child(v, nv, cap);
		c->event_id = sqlite3_column_int64(st, 0);
		for (int k = 0; k < ncols; k++) {
			double d;
			char *t = actors ? db_column_dup_or(st, k + 1, DB_NOT_TEXT)
				  : k < 5 || db_column_number(st, k + 1, &d)
				      ? db_column_dup(st, k + 1)
				      : NULL;
			c->off[k] = keep_dup(pb, t);
		}
	}
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The first of v's n children (sorted by event id) that belongs to id. */
static int first_child(const struct child *v, int n, sqlite3_int64 id)
{
	int lo = 0, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (v[mid].event_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The page's children as the writers take them, now that the arena no
 * longer moves. */
static void link_children(struct page_buf *pb)
{
	/* grown with the children's arrays, never shrunk: a realloc a page
	 * to each page's own size fragments the heap over a long export */
	if (!pb->xa || pb->cap_xa < pb->cap_actors) {
		pb->cap_xa = pb->cap_actors ? pb->cap_actors : 1;
		pb->xa = xrealloc(pb->xa, sizeof(*pb->xa) * (size_t)pb->cap_xa);
	}
	if (!pb->xs || pb->cap_xs < pb->cap_sources) {
		pb->cap_xs = pb->cap_sources ? pb->cap_sources : 1;
		pb->xs = xrealloc(pb->xs, sizeof(*pb->xs) * (size_t)pb->cap_xs);
	}
	for (int i = 0; i < pb->nactors; i++) {
		pb->xa[i].name = text_at(pb, pb->actors[i].off[0]);
		pb->xa[i].role = text_at(pb, pb->actors[i].off[1]);
	}
	for (int i = 0; i < pb->nsources; i++) {
		const size_t *o = pb->sources[i].off;
		pb->xs[i] =
		    (struct xsource){text_at(pb, o[0]), text_at(pb, o[1]), text_at(pb, o[2]),
				     text_at(pb, o[3]), text_at(pb, o[4]), text_at(pb, o[5])};
	}
}

/* Row r of the page into w->ev, with the NOT NULL columns a file from
 * elsewhere left NULL as "" (the writers compare and cut them). */
static void page_event(struct walk *w, int r)
{
	struct page_buf *pb = &w->pb;
	for (int i = 0; i < X_NCOLS; i++) {
		const char *v = text_at(pb, pb->off[r][i]);
		bool required = i == X_KIND || i == X_START || i == X_END || i == X_PREC ||
				i == X_TITLE || i == X_ORIGIN || i == X_ORIGIN_ID;
		w->ev.col[i] = !v && required ? "" : v;
	}
	int a = first_child(pb->actors, pb->nactors, pb->id[r]), a1 = a;
	while (a1 < pb->nactors && pb->actors[a1].event_id == pb->id[r])
		a1++;
	int s = first_child(pb->sources, pb->nsources, pb->id[r]), s1 = s;
	while (s1 < pb->nsources && pb->sources[s1].event_id == pb->id[r])
		s1++;
	w->ev.actors = pb->xa + a;
	w->ev.nactors = a1 - a;
	w->ev.sources = pb->xs + s;
	w->ev.nsources = s1 - s;
	if (w->marks) {
		size_t first;
		mark_index_find(w->marks, w->ev.col[X_ORIGIN], w->ev.col[X_ORIGIN_ID], &first,
				&w->ev.nmarks);
		w->ev.marks = w->marks->v + first;
	}
}

/* One page after *key (NULL: from the start) into w->pb, with the rows'
 * children; returns its rows, -1 on error. *key becomes the last row's
 * stored date_start (any type) and *key_id its id. */
static long page_fill(struct walk *w, sqlite3_value **key, sqlite3_int64 *key_id)
{
	struct page_buf *pb = &w->pb;
	int k = !*key ? 0 : sqlite3_value_type(*key) == SQLITE_NULL ? 1 : 2;
	sqlite3_stmt *st = k == 0 ? w->first : k == 1 ? w->after_null : w->after;
	sqlite3_reset(st);
	if (k == 2)
		sqlite3_bind_value(st, w->key_param[k], *key);
	if (k > 0)
		sqlite3_bind_int64(st, w->key_param[k] + (k == 2), *key_id);
	int n = 0, rc;
	pb->used = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		keep_event(pb, st, n);
		if (n == PAGE - 1) { /* the next page's key */
			sqlite3_value_free(*key);
			if (!(*key = sqlite3_value_dup(sqlite3_column_value(st, X_START))))
				die("out of memory");
			*key_id = pb->id[n];
		}
		n++;
	}
	if (rc != SQLITE_DONE)
		return -1;
	if (n == 0)
		return 0;
	if (load_children(w, w->actors, n, true, &pb->actors, &pb->nactors, &pb->cap_actors) < 0 ||
	    load_children(w, w->sources, n, false, &pb->sources, &pb->nsources, &pb->cap_sources) <
		0)
		return -1;
	link_children(pb);
	return n;
}

static void walk_free(struct walk *w)
{
	free(w->pb.arena);
	free(w->pb.actors);
	free(w->pb.sources);
	free(w->pb.xa);
	free(w->pb.xs);
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
	struct export_options o = {.controls = controls};
	return export_write_opts(db, where, format, out, &o, written, err);
}

/* ---- the browsed file and its layers (layer_set.h), merged in timeline
 * order: each a walk of its own, a page at a time, the next event written
 * always the first of the walks' current ones, by (date_start, id) with a
 * layer's ids as the timeline makes them (layer_event_id). */

struct source {
	struct walk w;
	struct sqlfrag where; /* a layer's: the ids it keeps under the filter */
	const char *layer;    /* NULL: the browsed file */
	int index;            /* the layer's */
	sqlite3_value *key;   /* the last page's last row */
	sqlite3_int64 key_id;
	long n, r;      /* rows in the page, the next one to write */
	bool last_page; /* the page held fewer than PAGE rows */
};

/* Layer l's events the filter keeps, as "e.id IN" its own ids (one JSON
 * array: a layer may keep more events than SQLite takes parameters). */
static void layer_where(const struct layer *l, struct sqlfrag *where)
{
	struct strbuf ids = STRBUF_INIT;
	sb_addc(&ids, '[');
	for (size_t i = 0; i < l->n; i++) {
		int index;
		long long own;
		if (layer_event_of(l->rows[i].id, &index, &own))
			sb_addf(&ids, "%s%lld", ids.len > 1 ? "," : "", own);
	}
	sb_addc(&ids, ']');
	sqlfrag_init(where);
	sqlfrag_sql(where, "e.id IN (SELECT value FROM json_each(");
	sqlfrag_text(where, sb_str(&ids));
	sqlfrag_sql(where, "))");
	sb_free(&ids);
}

/* The source's current row, reading its next page when it is used up;
 * false when the source has no more (or on an error: *failed = s). */
static bool source_row(struct source *s, struct source **failed)
{
	if (s->r < s->n)
		return true;
	if (s->last_page)
		return false;
	s->n = page_fill(&s->w, &s->key, &s->key_id);
	s->r = 0;
	if (s->n < 0) {
		*failed = s;
		s->n = 0;
		s->last_page = true;
		return false;
	}
	s->last_page = s->n < PAGE;
	return s->n > 0;
}

/* <0 when a's current row comes before b's in timeline order. */
static int source_cmp(const struct source *a, const struct source *b)
{
	const char *da = text_at(&a->w.pb, a->w.pb.off[a->r][X_START]);
	const char *db = text_at(&b->w.pb, b->w.pb.off[b->r][X_START]);
	int c = !da || !db ? (da != NULL) - (db != NULL) : strcmp(da, db);
	if (c)
		return c;
	long long ia = a->w.pb.id[a->r], ib = b->w.pb.id[b->r];
	if (a->layer)
		ia = layer_event_id(a->index, ia);
	if (b->layer)
		ib = layer_event_id(b->index, ib);
	return (ia > ib) - (ia < ib);
}

static void source_free(struct source *s)
{
	sqlite3_value_free(s->key);
	walk_free(&s->w);
	if (s->layer)
		sqlfrag_free(&s->where);
}

int export_write_opts(sqlite3 *db, const struct sqlfrag *where, const char *format, FILE *out,
		      const struct export_options *o, long long *written, char **err)
{
	const struct export_writer *wr = writer_for(format);
	if (!wr) {
		*err =
		    xasprintf("unknown export format '%s' (csv, tsv, json, acled, native)", format);
		return -1;
	}
	const struct layer_set *ls = o->layers;
	int nsrc = 1 + (ls ? ls->n : 0);
	struct source *src = xcalloc((size_t)nsrc, sizeof(*src));
	sqlite3 *failed_db = db;
	for (int i = 0; i < nsrc; i++) {
		struct source *s = &src[i];
		s->w.db = i ? ls->layers[i - 1].db : db;
		s->w.ev.controls = o->controls;
		s->w.marks = export_format_takes_marks(format) ? o->marks : NULL;
		s->w.ev.with_marks = s->w.marks != NULL;
		s->w.ev.with_layer = ls != NULL && export_format_takes_layer(format);
		if (i) {
			s->layer = ls->layers[i - 1].name;
			s->index = ls->layers[i - 1].index;
			layer_where(&ls->layers[i - 1], &s->where);
		}
		s->w.ev.layer = s->layer;
		if (prepare(&s->w, i ? &s->where : where) < 0) {
			failed_db = s->w.db;
			goto fail;
		}
	}
	unsigned cols = (src[0].w.ev.with_marks ? EXPORT_COLS_MARKS : 0) |
			(src[0].w.ev.with_layer ? EXPORT_COLS_LAYER : 0);
	wr->begin(out, db, where, o->controls, cols);
	long long total = 0;
	struct source *failed = NULL;
	for (;;) {
		struct source *next = NULL;
		for (int i = 0; i < nsrc; i++)
			if (source_row(&src[i], &failed) &&
			    (!next || source_cmp(&src[i], next) < 0))
				next = &src[i];
		if (failed) {
			failed_db = failed->w.db;
			goto fail;
		}
		if (!next)
			break;
		page_event(&next->w, (int)next->r++);
		wr->event(out, &next->w.ev, (long)total++);
	}
	wr->end(out, (long)total);
	for (int i = 0; i < nsrc; i++)
		source_free(&src[i]);
	free(src);
	if (written)
		*written = total;
	if (fflush(out) != 0 || ferror(out)) {
		*err = xasprintf("write error");
		return -1;
	}
	return 0;
fail:
	*err = db_error(failed_db); /* it names the file, as the other commands do */
	for (int i = 0; i < nsrc; i++)
		source_free(&src[i]);
	free(src);
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
