/* saved_views: named views (`:save NAME`, `:load NAME`): the filter stack
 * with each term's on/off state, the timeline's order, the actor panel's
 * sort, the frequency view's grouping and sort, the strip's zoom, the split (and whether it
 * shows the map or the actor panel) and the selected event,
 * as small text files in $XDG_CONFIG_HOME/sitrep/views/, one per view, written atomically. */
#ifndef SITREP_SAVED_VIEWS_H
#define SITREP_SAVED_VIEWS_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/actors.h"
#include "sitrep/bucket.h"
#include "sitrep/filter_stack.h"
#include "sitrep/freq.h"

struct saved_view {
	struct filter_stack filters;
	bool descending;       /* timeline newest first */
	enum actors_sort sort; /* the actor panel's */
	enum freq_by freq_by;  /* the frequency view's grouping */
	enum freq_sort freq_sort;
	enum bucket_zoom zoom;
	bool split;     /* a view beside the timeline */
	bool split_map; /* that view is the map (|), not the actor panel (s) */
	/* the selected event when saved (its id, and its date, where the
	 * timeline looks when the id is gone); 0: none */
	long long cursor_id;
	char cursor_date[16];
};

/* empty filter, ascending, by count, by region, month */
void saved_view_init(struct saved_view *v);
void saved_view_free(struct saved_view *v);

/* A name is 1..64 bytes, with no '/', no control character and no
 * leading '.', so it is always one plain file in the views directory. */
bool saved_view_name_ok(const char *name);
/* config_dir()/views, or NULL (config.h). Caller frees. */
char *saved_views_dir(void);

/* 0, or -1 with *err set (caller frees) for a bad name or an I/O error. */
int saved_view_save(const char *name, const struct saved_view *v, char **err);
/* v is initialised by the call. 0, or -1 with *err: no such view, or a
 * line that does not parse ("FILE:LINE: ..."). */
int saved_view_load(const char *name, struct saved_view *v, char **err);
/* The saved names, sorted; *names NULL-terminated (free each and the
 * array). No directory yet is an empty list. 0, or -1 with *err. */
int saved_views_list(char ***names, size_t *n, char **err);
int saved_view_remove(const char *name, char **err);

#endif
