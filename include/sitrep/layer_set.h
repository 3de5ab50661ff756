/* layer_set: the layers shown over one browsed file (layer.h), kept
 * together so that a query sees their filtered events as one run in
 * timeline order (query.h's extra rows). The TUI's session holds one; so
 * do the commands that read layers (`sitrep list --context FILE`), so that
 * the command line and the screen count and list the same events. */
#ifndef SITREP_LAYER_SET_H
#define SITREP_LAYER_SET_H

#include <sqlite3.h>

#include "sitrep/filter.h"
#include "sitrep/layer.h"
#include "sitrep/query.h"
#include "sitrep/strbuf.h"

#define LAYER_SET_MAX 8

struct layer_set {
	struct layer layers[LAYER_SET_MAX];
	int n;
	struct event_row *rows; /* every layer's filtered rows, shallow copies, in order */
	struct row_set extra;   /* {rows, count}: for query.extra */
};

void layer_set_init(struct layer_set *ls);
void layer_set_free(struct layer_set *ls);

/* Open path as the next layer over browsed, filtered by tree (NULL: all).
 * 1 added, 0 nothing of it applies to browsed (not kept), -1 with *err
 * set. */
int layer_set_add(struct layer_set *ls, const char *name, const char *path, enum layer_scope scope,
		  sqlite3 *browsed, const struct filter_node *tree, char **err);

/* Filter every layer by tree, each in its own file. A layer that cannot
 * take the filter (a look-up failed there) shows nothing rather than stop
 * the filter on the browsed file. */
void layer_set_filter(struct layer_set *ls, const struct filter_node *tree);

/* The layers' names appended to names ("bundled,office"); their number. */
int layer_set_names(const struct layer_set *ls, struct strbuf *names);

/* The file event id lives in: browsed when it is the browsed file's own
 * (*own_id = id, *name NULL), else the layer's connection, its id there
 * and its name; NULL for a layer that is not open. */
sqlite3 *layer_set_db_of(const struct layer_set *ls, sqlite3 *browsed, long long id,
			 long long *own_id, const char **name);

#endif
