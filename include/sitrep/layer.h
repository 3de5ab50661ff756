/* layer: the context events of another database shown over the one being
 * browsed, as the bundled data set's Barkhane, Wagner and coups are over an
 * imported ACLED file that has none. The layer's file is opened read-only
 * on a connection of its own (the browsed file is never written, nothing is
 * copied into it); its events take part in the timeline through the query's
 * extra rows (query.h).
 *
 * A layer keeps the context events that fall in a country the browsed file
 * has events in, and that the browsed file does not hold already (the same
 * origin and origin id: a copy of the data set). Their ids are made
 * negative and distinct per layer (layer_event_id), so that they never meet
 * the browsed file's own. The filter is compiled against the layer's own
 * file (its actors and names are its own) each time it changes. */
#ifndef SITREP_LAYER_H
#define SITREP_LAYER_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "sitrep/filter.h"
#include "sitrep/query.h"

#define LAYER_MAX_EVENTS 100000 /* a layer is context: this many at most */

struct layer {
	char *name; /* "bundled", or the file's base name */
	int index;  /* its place among the session's layers, from 0 */
	sqlite3 *db;
	struct sqlfrag kept; /* "e.id IN (...)": the events it shows */
	size_t nkept;
	struct event_row *all; /* the kept events, ids as layer_event_id, in order */
	size_t nall;
	struct event_row *rows; /* those of all that the filter keeps */
	size_t n;
};

/* Which of a layer file's events show. */
enum layer_scope {
	LAYER_CONTEXT_HERE, /* its context events in the browsed file's countries (the bundled set)
			     */
	LAYER_EVERY_EVENT,  /* all its events (a file the user named: an office's own list) */
};

/* Open path as layer number index over browsed. 0 (l->nkept may be 0:
 * nothing to show over this file), or -1 with *err set. Either way the
 * events the browsed file holds already (same origin and origin id) are
 * left out. */
int layer_open(struct layer *l, int index, const char *name, const char *path,
	       enum layer_scope scope, sqlite3 *browsed, char **err);
void layer_close(struct layer *l);

/* Keep the layer's events that tree (NULL: all) matches. On an error
 * (a look-up failed in the layer's file) the rows stay as they were. */
int layer_filter(struct layer *l, const struct filter_node *tree, struct filter_error *err);

/* The id a layer's event has in the timeline, and back: whether id is one
 * of a layer's, and which and what is its id in its own file. */
long long layer_event_id(int index, long long own_id);
bool layer_event_of(long long id, int *index, long long *own_id);

/* True when the two paths are one file (the browsed file is the layer). */
bool layer_same_file(const char *a, const char *b);

#endif
