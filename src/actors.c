/* actors: the actor panel's tree (see actors.h). Counts come from one
 * query over the filter's events; the tree is built over every actor and
 * pruned to those with events and their ancestors. Sorting orders all
 * nodes by the key once, then threads each parent's children in that order
 * and walks the tree, so it costs n log n however deep the tree. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actors.h"
#include "sitrep/db.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static const char *const sort_names[ACTORS_NSORTS] = {"count", "fatalities", "name", "last-seen"};

const char *actors_sort_name(enum actors_sort s)
{
	return s >= 0 && s < ACTORS_NSORTS ? sort_names[s] : "?";
}

int actors_sort_parse(const char *s, enum actors_sort *out)
{
	for (int i = 0; i < ACTORS_NSORTS; i++) {
		if (strcmp(s, sort_names[i]) == 0) {
			*out = (enum actors_sort)i;
			return 0;
		}
	}
	return -1;
}

static char *dup_col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? xstrdup((const char *)t) : NULL;
}

static void copy_date(char *dst, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	snprintf(dst, DATE_ISO_LEN, "%s", t ? (const char *)t : "");
}

static int by_id(const void *a, const void *b)
{
	const struct actor_node *x = a, *y = b;
	return (x->id > y->id) - (x->id < y->id);
}

/* The index of id in v sorted by id, or -1. */
static long find_id(const struct actor_node *v, size_t n, long long id)
{
	struct actor_node key = {.id = id};
	const struct actor_node *p = bsearch(&key, v, n, sizeof(*v), by_id);
	return p ? p - v : -1;
}

static int load_all(sqlite3 *db, struct actor_list *l, char **err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc = sqlite3_prepare_v2(db, "SELECT id, name, kind, parent_id FROM actor ORDER BY id",
				    -1, &st, NULL);

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (l->n == cap)
			l->v = xrealloc(l->v, (cap = cap ? cap * 2 : 64) * sizeof(*l->v));
		struct actor_node *a = &l->v[l->n++];
		memset(a, 0, sizeof(*a));
		a->id = sqlite3_column_int64(st, 0);
		a->name = dup_col(st, 1);
		a->kind = dup_col(st, 2);
		a->parent_id = sqlite3_column_int64(st, 3);
		if (!a->name)
			a->name = xstrdup("");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

/* Each actor's events in the filter, counted once per event whatever its
 * roles in it. */
static int load_counts(sqlite3 *db, const struct sqlfrag *where, struct actor_list *l,
		       char **err)
{
	struct sqlfrag q;
	sqlite3_stmt *st = NULL;

	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT actor_id, count(*), sum(f), min(ds), max(de) FROM"
			" (SELECT DISTINCT ea.actor_id AS actor_id, e.id, e.fatalities AS f,"
			" e.date_start AS ds, e.date_end AS de"
			" FROM event e JOIN event_actor ea ON ea.event_id = e.id");
	if (!sqlfrag_empty(where)) {
		sqlfrag_sql(&q, " WHERE ");
		sqlfrag_append(&q, where);
	}
	sqlfrag_sql(&q, ") GROUP BY actor_id");
	int rc = sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, st, 1) < 0)
		rc = SQLITE_ERROR;
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = find_id(l->v, l->n, sqlite3_column_int64(st, 0));
		if (i < 0)
			continue;
		struct actor_node *a = &l->v[i];
		a->events = sqlite3_column_int64(st, 1);
		a->fatalities = sqlite3_column_int64(st, 2);
		copy_date(a->first, st, 3);
		copy_date(a->last, st, 4);
	}
	if (rc == SQLITE_ROW)
		rc = SQLITE_DONE;
	sqlite3_finalize(st);
	sqlfrag_free(&q);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

/* Add each counted actor's totals to it and every ancestor, marking them
 * to keep. The walk up stops after n steps, so a cycle in parent_id (bad
 * data) cannot hang it. */
static void roll_up(struct actor_list *l, bool *keep)
{
	for (size_t i = 0; i < l->n; i++) {
		struct actor_node *a = &l->v[i];
		if (a->events == 0)
			continue;
		long j = (long)i;
		for (size_t steps = 0; j >= 0 && steps < l->n; steps++) {
			struct actor_node *p = &l->v[j];
			keep[j] = true;
			p->sub_events += a->events;
			p->sub_fatalities += a->fatalities;
			if (strcmp(a->last, p->sub_last) > 0)
				memcpy(p->sub_last, a->last, DATE_ISO_LEN);
			j = p->parent_id ? find_id(l->v, l->n, p->parent_id) : -1;
		}
	}
}

static void node_free(struct actor_node *a)
{
	free(a->name);
	free(a->kind);
	free(a->folded);
}

static int load_aliases(sqlite3 *db, struct actor_list *l, char **err)
{
	sqlite3_stmt *st;
	struct strbuf *names = xcalloc(l->n ? l->n : 1, sizeof(*names));
	int rc = sqlite3_prepare_v2(db, "SELECT actor_id, folded FROM actor_alias", -1, &st, NULL);

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = find_id(l->v, l->n, sqlite3_column_int64(st, 0));
		const unsigned char *f = sqlite3_column_text(st, 1);
		if (i >= 0 && f) {
			sb_add(&names[i], (const char *)f);
			sb_addc(&names[i], '\n');
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < l->n; i++) {
		char *own = text_fold(l->v[i].name);
		sb_add(&names[i], own);
		free(own);
		l->v[i].folded = sb_detach(&names[i]);
	}
	free(names);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

int actors_load(sqlite3 *db, const struct sqlfrag *where, struct actor_list *out, char **err)
{
	struct actor_list l = {NULL, 0, ACTORS_BY_COUNT};

	memset(out, 0, sizeof(*out));
	if (load_all(db, &l, err) < 0 || load_counts(db, where, &l, err) < 0 ||
	    load_aliases(db, &l, err) < 0) {
		actors_free(&l);
		return -1;
	}
	bool *keep = xcalloc(l.n ? l.n : 1, sizeof(*keep));
	roll_up(&l, keep);
	size_t k = 0;
	for (size_t i = 0; i < l.n; i++) {
		if (keep[i])
			l.v[k++] = l.v[i];
		else
			node_free(&l.v[i]);
	}
	l.n = k;
	free(keep);
	*out = l;
	actors_sort(out, ACTORS_BY_COUNT);
	return 0;
}

void actors_free(struct actor_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		node_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
