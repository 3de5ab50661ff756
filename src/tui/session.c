/* session: the browser's shared state (see session.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/event_lookup.h"
#include "sitrep/layer_set.h"
#include "sitrep/session.h"
#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/util.h"
#include "sitrep/view.h"
#include "session_impl.h"

/* The count of updated events the file's imports keep (store_count_updates). */
#define UPDATED_EVENTS_SQL                                                                         \
	"SELECT coalesce((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'updated_events'), " \
	"0)"

struct session *session_open(const char *path, char **err)
{
	sqlite3 *db = db_open_ro(path, err);
	if (!db)
		return NULL;
	struct session *s = xcalloc(1, sizeof *s);
	const char *slash = strrchr(path, '/');
	char *density_err = NULL;

	s->db = db;
	s->db_name = xstrdup(slash ? slash + 1 : path);
	fstack_init(&s->chips);
	filter_sql_init(&s->filter);
	s->filter_text = xstrdup("");
	s->q = (struct query){db, &s->filter.where, &s->filter.count_where, &s->layers.extra};
	s->density = density_new(db, &density_err);
	free(density_err); /* no strip then; the timeline still works */
	db_query_int(db, "PRAGMA data_version", &s->data_version);
	db_query_int(db, "SELECT max(id) FROM event", &s->max_id);
	db_query_int(db, UPDATED_EVENTS_SQL, &s->updated_events);
	s->settings = (struct session_settings){.actor_sort = ACTORS_BY_COUNT,
						.freq_by = FREQ_REGION,
						.freq_sort = FREQ_BY_COUNT,
						.zoom = ZOOM_MONTH,
						.strip_on = true};
	return s;
}

void session_free(struct session *s)
{
	if (!s)
		return;
	density_free(s->density);
	session_marks_free(s);
	layer_set_free(&s->layers);
	fstack_free(&s->chips);
	filter_sql_free(&s->filter);
	free(s->filter_text);
	free(s->search);
	free(s->search_folded);
	free(s->db_name);
	db_close(s->db);
	free(s);
}

int session_poll_file(struct session *s, long long *added, long long *updated)
{
	long long v = s->data_version;
	*added = 0;
	*updated = 0;
	if (db_query_int(s->db, "PRAGMA data_version", &v) != SQLITE_OK || v == s->data_version)
		return 0;
	s->data_version = v;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM event WHERE id > ?", -1, &st, NULL) ==
	    SQLITE_OK) {
		sqlite3_bind_int64(st, 1, s->max_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			*added = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	db_query_int(s->db, "SELECT max(id) FROM event", &s->max_id);
	long long u = s->updated_events;
	if (db_query_int(s->db, UPDATED_EVENTS_SQL, &u) == SQLITE_OK && u > s->updated_events)
		*updated = u - s->updated_events;
	s->updated_events = u;
	/* the date range may have grown: a new counter, the views read again */
	char *err = NULL;
	density_free(s->density);
	s->density = density_new(s->db, &err);
	free(err);
	s->version++;
	s->filter_version++;
	return 1;
}

sqlite3 *session_db(const struct session *s)
{
	return s->db;
}

const char *session_db_name(const struct session *s)
{
	return s->db_name;
}

unsigned long session_version(const struct session *s)
{
	return s->version;
}

unsigned long session_filter_version(const struct session *s)
{
	return s->filter_version;
}

static int by_key(const void *a, const void *b)
{
	struct event_key k;
	event_row_key(b, &k);
	return event_row_cmp_key(a, &k);
}

/* Compile the chips as they are now; on success they are the filter. */
int session_compile(struct session *s, struct filter_error *err)
{
	struct filter_node *tree = fstack_tree(&s->chips);
	int rc = filter_compile_tree(s->db, tree, &s->filter, err);

	if (rc == 0)
		layer_set_filter(&s->layers, tree);
	fstack_tree_free(&s->chips, tree);
	if (rc != 0)
		return -1;
	free(s->filter_text);
	s->filter_text = fstack_text(&s->chips);
	s->version++;
	s->filter_version++;
	return 0;
}

/* Apply a change made to a copy of the chips: kept when it compiles. */
static int adopt(struct session *s, struct filter_stack *chips, struct filter_error *err)
{
	struct filter_stack old = s->chips;

	s->chips = *chips;
	fstack_init(chips);
	if (session_compile(s, err) != 0) {
		*chips = s->chips;
		s->chips = old;
		return -1;
	}
	fstack_free(&old);
	return 0;
}

int session_set_filter(struct session *s, const char *text, struct filter_error *err)
{
	struct filter_stack chips;
	int rc;

	fstack_init(&chips);
	rc = fstack_set(&chips, text, err) == 0 ? adopt(s, &chips, err) : -1;
	fstack_free(&chips);
	return rc;
}

int session_set_chips(struct session *s, struct filter_stack *chips, struct filter_error *err)
{
	return adopt(s, chips, err);
}

/* The in-place edits: each is undone when the result does not compile. */
int session_add_terms(struct session *s, const char *text, struct filter_error *err)
{
	struct filter_stack chips;
	int rc;

	fstack_copy(&chips, &s->chips);
	rc = fstack_push(&chips, text, err) == 0 ? adopt(s, &chips, err) : -1;
	fstack_free(&chips);
	return rc;
}

int session_edit_chip(struct session *s, size_t i, const char *text, struct filter_error *err)
{
	struct filter_stack chips;
	int rc;

	fstack_copy(&chips, &s->chips);
	rc = fstack_edit(&chips, i, text, err) == 0 ? adopt(s, &chips, err) : -1;
	fstack_free(&chips);
	return rc;
}

int session_toggle_chip(struct session *s, size_t i, struct filter_error *err)
{
	fstack_toggle(&s->chips, i);
	if (session_compile(s, err) == 0)
		return 0;
	fstack_toggle(&s->chips, i);
	return -1;
}

int session_remove_chip(struct session *s, size_t i, struct filter_error *err)
{
	struct filter_stack chips;
	int rc;

	fstack_copy(&chips, &s->chips);
	fstack_remove(&chips, i);
	rc = adopt(s, &chips, err);
	fstack_free(&chips);
	return rc;
}

const struct filter_stack *session_chips(const struct session *s)
{
	return &s->chips;
}

const char *session_filter_text(const struct session *s)
{
	return s->filter_text;
}

const struct filter_sql *session_filter(const struct session *s)
{
	return &s->filter;
}

const struct query *session_query(const struct session *s)
{
	return &s->q;
}

void session_set_search(struct session *s, const char *text)
{
	free(s->search);
	free(s->search_folded);
	s->search = text && *text ? xstrdup(text) : NULL;
	s->search_folded = s->search ? text_search_needle(s->search) : NULL;
	s->version++;
}

const char *session_search(const struct session *s)
{
	return s->search;
}

const char *session_search_folded(const struct session *s)
{
	return s->search_folded;
}

void session_search_where(const struct session *s, struct sqlfrag *out)
{
	struct sqlfrag cond;

	sqlfrag_init(&cond);
	event_search_cond(&cond, s->search_folded ? s->search_folded : "");
	sqlfrag_and(out, &s->filter.where, &cond);
	sqlfrag_free(&cond);
}

void session_set_timeline(struct session *s, struct view *timeline)
{
	s->timeline = timeline;
}

struct view *session_timeline(const struct session *s)
{
	return s->timeline;
}

const struct event_row *session_current(const struct session *s)
{
	struct view *t = s->timeline;
	return t && t->ops->current ? t->ops->current(t) : NULL;
}

int session_show_event(struct session *s, long long id, const char *date)
{
	struct view *t = s->timeline;
	return t && t->ops->select ? t->ops->select(t, id, date) : -1;
}

struct density *session_density(const struct session *s)
{
	return s->density;
}

struct session_settings *session_settings(struct session *s)
{
	return &s->settings;
}

void session_settings_changed(struct session *s)
{
	s->version++;
}

int session_add_layer(struct session *s, const char *name, const char *path, enum layer_scope scope,
		      char **err)
{
	struct filter_node *tree = fstack_tree(&s->chips);
	int rc = layer_set_add(&s->layers, name, path, scope, s->db, tree, err);
	fstack_tree_free(&s->chips, tree);
	if (rc <= 0)
		return rc;
	s->version++;
	s->filter_version++;
	return 1;
}

int session_layers(const struct session *s, struct strbuf *names)
{
	return layer_set_names(&s->layers, names);
}

const struct row_set *session_extra(const struct session *s)
{
	return &s->layers.extra;
}

const struct layer_set *session_layer_set(const struct session *s)
{
	return &s->layers;
}

sqlite3 *session_db_of(const struct session *s, long long id, long long *own_id, const char **layer)
{
	return layer_set_db_of(&s->layers, s->db, id, own_id, layer);
}

/* The context events of the file and of every layer around span, but
 * except, in timeline order, at most limit. */
int session_context_around(const struct session *s, const struct date_span *span, int days,
			   long long except, int limit, struct event_row **rows, size_t *n,
			   char **err)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];

	if (event_context_around(s->db, span, days, except, limit, rows, n, err) != 0)
		return -1;
	date_format(from, span->start - days);
	date_format(to, span->end + days);
	for (int i = 0; i < s->layers.n; i++) {
		const struct layer *l = &s->layers.layers[i];
		for (size_t k = 0; k < l->nall && *n < (size_t)limit; k++) {
			const struct event_row *r = &l->all[k];
			if (r->id == except || strcmp(r->date_start, from) < 0 ||
			    strcmp(r->date_start, to) > 0)
				continue;
			*rows = xrealloc(*rows, (*n + 1) * sizeof **rows);
			event_row_copy(&(*rows)[(*n)++], r);
		}
	}
	if (*n > 1)
		qsort(*rows, *n, sizeof **rows, by_key);
	return 0;
}

static bool holds_folded(const char *text, const char *folded)
{
	if (!text)
		return false;
	char *t = text_fold(text);
	bool hit = text_search_find(t, folded, NULL) >= 0;
	free(t);
	return hit;
}

struct row_set session_search_extra(const struct session *s)
{
	struct event_row *v = NULL;
	size_t n = 0;
	for (size_t i = 0; s->search_folded && i < s->layers.extra.n; i++) {
		const struct event_row *r = &s->layers.extra.v[i];
		const char *fields[] = {r->title, r->location, r->admin1, r->event_type, r->actors};
		bool hit = false;
		for (size_t k = 0; k < ARRAY_SIZE(fields) && !hit; k++)
			hit = holds_folded(fields[k], s->search_folded);
		if (hit) {
			v = xrealloc(v, (n + 1) * sizeof *v);
			v[n++] = *r;
		}
	}
	return (struct row_set){v, n};
}
