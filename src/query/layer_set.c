/* layer_set: the layers over one browsed file (see layer_set.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/layer_set.h"
#include "sitrep/util.h"

void layer_set_init(struct layer_set *ls)
{
	memset(ls, 0, sizeof *ls);
}

void layer_set_free(struct layer_set *ls)
{
	for (int i = 0; i < ls->n; i++)
		layer_close(&ls->layers[i]);
	free(ls->rows);
	layer_set_init(ls);
}

static int by_key(const void *a, const void *b)
{
	struct event_key k;
	event_row_key(b, &k);
	return event_row_cmp_key(a, &k);
}

/* The layers' rows as one run in timeline order, for the query. */
static void gather(struct layer_set *ls)
{
	size_t n = 0;
	for (int i = 0; i < ls->n; i++)
		n += ls->layers[i].n;
	ls->rows = xrealloc(ls->rows, (n ? n : 1) * sizeof *ls->rows);
	n = 0;
	for (int i = 0; i < ls->n; i++)
		for (size_t k = 0; k < ls->layers[i].n; k++)
			ls->rows[n++] = ls->layers[i].rows[k];
	qsort(ls->rows, n, sizeof *ls->rows, by_key);
	ls->extra = (struct row_set){ls->rows, n};
}

static void filter_one(struct layer *l, const struct filter_node *tree)
{
	struct filter_error err;
	if (layer_filter(l, tree, &err) != 0) {
		event_rows_free(l->rows, l->n);
		l->rows = NULL;
		l->n = 0;
	}
}

void layer_set_filter(struct layer_set *ls, const struct filter_node *tree)
{
	for (int i = 0; i < ls->n; i++)
		filter_one(&ls->layers[i], tree);
	gather(ls);
}

int layer_set_add(struct layer_set *ls, const char *name, const char *path, enum layer_scope scope,
		  sqlite3 *browsed, const struct filter_node *tree, char **err)
{
	if (ls->n == LAYER_SET_MAX) {
		*err = xasprintf("%s: at most %d context layers", path, LAYER_SET_MAX);
		return -1;
	}
	struct layer *l = &ls->layers[ls->n];
	if (layer_open(l, ls->n, name, path, scope, browsed, err) != 0)
		return -1;
	if (!l->nkept) { /* nothing of it applies to this file */
		layer_close(l);
		return 0;
	}
	ls->n++;
	filter_one(l, tree);
	gather(ls);
	return 1;
}

int layer_set_names(const struct layer_set *ls, struct strbuf *names)
{
	for (int i = 0; i < ls->n; i++)
		sb_addf(names, "%s%s", i ? "," : "", ls->layers[i].name);
	return ls->n;
}

sqlite3 *layer_set_db_of(const struct layer_set *ls, sqlite3 *browsed, long long id,
			 long long *own_id, const char **name)
{
	int index;
	*own_id = id;
	*name = NULL;
	if (!layer_event_of(id, &index, own_id))
		return browsed;
	if (index >= ls->n)
		return NULL;
	*name = ls->layers[index].name;
	return ls->layers[index].db;
}
