/* session: what the browser is looking at, shared by its views and panes
 * through these functions: the database, the filter (its chips, each
 * parsed once, and the filter compiled once for pages and counts), the
 * search, the timeline (whose cursor is the selected event), the density
 * counts, and the display settings a saved view keeps. No curses: tested
 * directly (tests/unit/test_session.c).
 *
 * Views never learn of a change by being called from here: every change
 * moves session_version on, and the main loop tells each view and pane
 * that the session changed (view_ops.changed) after the handler returns. */
#ifndef SITREP_SESSION_H
#define SITREP_SESSION_H

#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/actors.h"
#include "sitrep/bucket.h"
#include "sitrep/config_file.h"
#include "sitrep/density.h"
#include "sitrep/filter.h"
#include "sitrep/filter_stack.h"
#include "sitrep/freq.h"
#include "sitrep/layer.h"
#include "sitrep/layer_set.h"
#include "sitrep/notebook.h"
#include "sitrep/query.h"
#include "sitrep/strbuf.h"

struct session;
struct view;

/* What a saved view keeps, and what the config file sets. */
struct session_settings {
	bool descending;             /* the timeline newest first */
	enum actors_sort actor_sort; /* the actor panel's order */
	enum freq_by freq_by;        /* the frequency view's grouping */
	enum freq_sort freq_sort;    /* and its order */
	enum bucket_zoom zoom;       /* the density strip's buckets */
	bool strip_on;               /* the density strip shown */
	bool split;                  /* the split: a view beside the timeline */
	bool split_map;              /* the split shows the map, not the actor panel */
	/* the timeline's columns in order, each one's width in cells (0:
	 * automatic); ncols 0: every column, the default order */
	enum config_column cols[COL_COUNT];
	int col_width[COL_COUNT];
	size_t ncols;
	bool map_shade; /* the map's outlines as a shade, not braille */
};

/* Open path read-only (db_open_ro). NULL with *err set (caller frees). */
struct session *session_open(const char *path, char **err);
void session_free(struct session *s);

sqlite3 *session_db(const struct session *s);
const char *session_db_name(const struct session *s); /* the file's base name */

/* Moves on with every change of the filter, the search or the settings. */
unsigned long session_version(const struct session *s);
/* Moves on with every change of the filter alone. */
unsigned long session_filter_version(const struct session *s);

/* ---- the filter ---- */

/* Each compiles the chips that are on, once; on an error (a bad term, a
 * failed look-up) the chips and the filter stay as they were. 0, or -1
 * with *err set. */
int session_set_filter(struct session *s, const char *text, struct filter_error *err);
int session_add_terms(struct session *s, const char *text, struct filter_error *err);
int session_edit_chip(struct session *s, size_t i, const char *text, struct filter_error *err);
int session_toggle_chip(struct session *s, size_t i, struct filter_error *err);
int session_remove_chip(struct session *s, size_t i, struct filter_error *err);
/* Replace the chips with *chips (taken: left empty), as a saved view does. */
int session_set_chips(struct session *s, struct filter_stack *chips, struct filter_error *err);

const struct filter_stack *session_chips(const struct session *s);
const char *session_filter_text(const struct session *s); /* "" when none */
/* The compiled filter and the query views read with ({db, where, count}). */
const struct filter_sql *session_filter(const struct session *s);
const struct query *session_query(const struct session *s);

/* ---- the search ---- */

void session_set_search(struct session *s, const char *text); /* "" or NULL: none */
const char *session_search(const struct session *s);          /* NULL: none */
const char *session_search_folded(const struct session *s);
/* The filter AND'ed with the search, for finding matches. */
void session_search_where(const struct session *s, struct sqlfrag *out);
/* The layers' events the search finds (shallow copies: free .v alone). */
struct row_set session_search_extra(const struct session *s);

/* ---- the timeline and its cursor ---- */

/* The view whose cursor is the selected event (NULL to unset it). */
void session_set_timeline(struct session *s, struct view *timeline);
struct view *session_timeline(const struct session *s);
/* The selected event, or NULL. */
const struct event_row *session_current(const struct session *s);
/* Move the timeline's cursor to event id (on date): 0 when it is shown,
 * -1 when it is not in the filter (the nearest one is) or there is no
 * timeline. */
int session_show_event(struct session *s, long long id, const char *date);

/* ---- context layers (layer.h) ---- */

#define SESSION_MAX_LAYERS LAYER_SET_MAX

/* Show the events of the database at path that scope chooses (name: what
 * the status line and layer:NAME call it) over the browsed file. 1 added,
 * 0 when none applies to this file (nothing added), -1 with *err set. */
int session_add_layer(struct session *s, const char *name, const char *path, enum layer_scope scope,
		      char **err);
/* The layers shown, their names appended to names ("bundled,office"). */
int session_layers(const struct session *s, struct strbuf *names);
/* The layers' events the filter keeps, merged into the query's pages. */
const struct row_set *session_extra(const struct session *s);
/* The layers themselves (for the actor panel's counts). */
const struct layer_set *session_layer_set(const struct session *s);
/* The file event id lives in (the browsed one, or a layer's: then *layer
 * is its name) and its id there; NULL for a layer that is not open. */
sqlite3 *session_db_of(const struct session *s, long long id, long long *own_id,
		       const char **layer);
/* The context events around span in the file and every layer (detail). */
int session_context_around(const struct session *s, const struct date_span *span, int days,
			   long long except, int limit, struct event_row **rows, size_t *n,
			   char **err);

/* ---- live updates ---- */

/* Whether another process (a scheduled import) changed the file since the
 * last look: then the counts and the strip start over and the views read
 * their rows again around the same event (the filter's version moves on),
 * *added is the number of events with an id above the newest seen, and
 * *updated the number the imports since updated (0 when the file's writer
 * does not count them: an older sitrep).
 * Cheap when nothing changed (one pragma). 1 changed, 0 not. */
int session_poll_file(struct session *s, long long *added, long long *updated);

/* ---- the analyst's marks (notebook.h) ---- */

enum { SESSION_MARK_STAR = 1, SESSION_MARK_TAG = 2, SESSION_MARK_NOTE = 4 };

/* Use the notebook at path (NULL: none), marking as author. When the file
 * exists it is attached at once, so that starred, tag: and note: work;
 * else it is made at the first mark. 0, or -1 with *err set. */
int session_use_notebook(struct session *s, const char *path, const char *author, char **err);
const char *session_notebook_path(const struct session *s);
/* Which marks event id has (SESSION_MARK_*), 0 for none. */
unsigned session_marks_of(const struct session *s, long long id);
/* Star event id, or take the star off (*on says which). */
int session_toggle_star(struct session *s, long long id, bool *on, char **err);
/* Tag event id with each word of words; a word "-NAME" takes tag NAME off. */
int session_tag(struct session *s, long long id, const char *words, char **err);
int session_note(struct session *s, long long id, const char *text, char **err);
/* Every mark on event id (by anyone), for the detail view. */
int session_event_marks(struct session *s, long long id, struct mark **v, size_t *n, char **err);
/* The tags in use, most used first (for completion). */
int session_tags(struct session *s, char ***tags, size_t *n, char **err);

/* ---- counts and settings ---- */

/* The density strip's counter (NULL when it could not start); the
 * timeline borrows its totals. */
struct density *session_density(const struct session *s);

struct session_settings *session_settings(struct session *s);
/* After changing the settings: views and panes hear of it. */
void session_settings_changed(struct session *s);

#endif
