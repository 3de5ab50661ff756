/* layer: another file's context events over the browsed one (layer.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sitrep/db.h"
#include "sitrep/event_lookup.h"
#include "sitrep/layer.h"
#include "sitrep/util.h"

/* Layer ids: -(index << 40 | own id): a file's ids stay below 2^40. */
#define LAYER_SHIFT 40

long long layer_event_id(int index, long long own_id)
{
	return -(((long long)index << LAYER_SHIFT) | own_id);
}

bool layer_event_of(long long id, int *index, long long *own_id)
{
	if (id >= 0)
		return false;
	long long v = -id;
	*index = (int)(v >> LAYER_SHIFT);
	*own_id = v & ((1LL << LAYER_SHIFT) - 1);
	return true;
}

bool layer_same_file(const char *a, const char *b)
{
	struct stat sa, sb;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

static int prepare(sqlite3 *db, const char *sql, sqlite3_stmt **st, char **err)
{
	if (sqlite3_prepare_v2(db, sql, -1, st, NULL) == SQLITE_OK)
		return 0;
	*err = db_error(db);
	return -1;
}

/* Whether the browsed file has an event in country (one look-up each:
 * the answers are kept, a layer names few countries). */
static bool has_country(sqlite3_stmt *st, const char *country)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, country, -1, SQLITE_TRANSIENT);
	return sqlite3_step(st) == SQLITE_ROW;
}

/* Whether the browsed file has an event in country c, the answers kept in
 * yes and no ("\n"-framed names). */
static bool in_country(sqlite3_stmt *st, const char *c, struct strbuf *yes, struct strbuf *no)
{
	char *framed = xasprintf("\n%s\n", c ? c : "");
	bool in = strstr(sb_str(yes), framed) != NULL;
	if (!in && !strstr(sb_str(no), framed)) {
		in = has_country(st, c);
		sb_add(in ? yes : no, framed);
	}
	free(framed);
	return in;
}

static bool holds(sqlite3_stmt *st, const char *origin, const char *origin_id)
{
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, origin_id, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(st, 2, origin, -1, SQLITE_TRANSIENT);
	return sqlite3_step(st) == SQLITE_ROW;
}

/* The layer's context events to show over browsed, as l->kept. */
static int choose(struct layer *l, enum layer_scope scope, sqlite3 *browsed, char **err)
{
	sqlite3_stmt *mine = NULL, *country = NULL, *dup = NULL;
	struct strbuf yes = STRBUF_INIT, no = STRBUF_INIT; /* countries, "\n"-framed */
	int rc = -1;

	bool every = scope == LAYER_EVERY_EVENT;
	if (prepare(l->db,
		    every
			? "SELECT id, country, origin, origin_id FROM event LIMIT 100000"
			: "SELECT id, country, origin, origin_id FROM event WHERE kind = 'context'"
			  " AND country IS NOT NULL LIMIT 100000",
		    &mine, err) ||
	    prepare(browsed, "SELECT 1 FROM event WHERE country = ? LIMIT 1", &country, err) ||
	    prepare(browsed, "SELECT 1 FROM event WHERE origin_id = ? AND origin = ?", &dup, err))
		goto out;
	sqlfrag_sql(&l->kept, "e.id IN (");
	while (sqlite3_step(mine) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(mine, 2);
		const char *oid = (const char *)sqlite3_column_text(mine, 3);
		bool copy = origin && oid && holds(dup, origin, oid);
		/* a file the user named shows whole; the bundled set where it applies */
		if (copy ||
		    (!every &&
		     (!origin || !oid ||
		      !in_country(country, (const char *)sqlite3_column_text(mine, 1), &yes, &no))))
			continue;
		if (l->nkept++)
			sqlfrag_sql(&l->kept, ", ");
		sqlfrag_int(&l->kept, sqlite3_column_int64(mine, 0));
	}
	sqlfrag_sql(&l->kept, ")");
	rc = 0;
out:
	sqlite3_finalize(mine);
	sqlite3_finalize(country);
	sqlite3_finalize(dup);
	sb_free(&yes);
	sb_free(&no);
	return rc;
}

static int by_key(const void *a, const void *b)
{
	struct event_key k;
	event_row_key(b, &k);
	return event_row_cmp_key(a, &k);
}

/* The kept events where also holds (NULL: all), as the timeline shows
 * them: layer ids, in timeline order. */
static int load(struct layer *l, const struct sqlfrag *also, struct event_row **rows, size_t *n,
		char **err)
{
	struct sqlfrag where;
	sqlfrag_init(&where);
	if (also)
		sqlfrag_and(&where, also, &l->kept);
	else
		sqlfrag_append(&where, &l->kept);
	struct query q = {.db = l->db, .where = &where};
	int rc = query_page(&q, NULL, QUERY_FORWARD, true, LAYER_MAX_EVENTS, rows, n, err);
	sqlfrag_free(&where);
	if (rc != 0)
		return -1;
	for (size_t i = 0; i < *n; i++)
		(*rows)[i].id = layer_event_id(l->index, (*rows)[i].id);
	/* in timeline order again, now that the ids are negative */
	if (*n > 1)
		qsort(*rows, *n, sizeof **rows, by_key);
	return 0;
}

int layer_filter(struct layer *l, const struct filter_node *tree, struct filter_error *err)
{
	struct filter_sql f;
	struct event_row *rows = NULL;
	size_t n = 0;
	char *qerr = NULL;

	if (!l->nkept) /* nothing over this file: no look-up either */
		return 0;
	filter_sql_init(&f);
	if (filter_compile_tree(l->db, tree, &f, err) != 0) {
		filter_sql_free(&f);
		return -1;
	}
	int rc = load(l, &f.where, &rows, &n, &qerr);
	filter_sql_free(&f);
	if (rc != 0) {
		memset(err, 0, sizeof *err);
		snprintf(err->message, sizeof err->message, "context layer %s: %s", l->name,
			 qerr ? qerr : "cannot be read");
		free(qerr);
		return -1;
	}
	event_rows_free(l->rows, l->n);
	l->rows = rows;
	l->n = n;
	return 0;
}

int layer_open(struct layer *l, int index, const char *name, const char *path,
	       enum layer_scope scope, sqlite3 *browsed, char **err)
{
	memset(l, 0, sizeof *l);
	sqlfrag_init(&l->kept);
	l->index = index;
	l->name = xstrdup(name);
	l->db = db_open_ro(path, err);
	if (l->db)
		db_set_layer_name(l->db, name);
	if (!l->db || choose(l, scope, browsed, err) != 0 ||
	    (l->nkept && load(l, NULL, &l->all, &l->nall, err) != 0)) {
		layer_close(l);
		return -1;
	}
	/* until a filter is applied, every kept event shows */
	for (size_t i = 0; i < l->nall; i++) {
		l->rows = xrealloc(l->rows, (i + 1) * sizeof *l->rows);
		event_row_copy(&l->rows[i], &l->all[i]);
	}
	l->n = l->nall;
	return 0;
}

void layer_close(struct layer *l)
{
	free(l->name);
	if (l->db)
		db_close(l->db);
	sqlfrag_free(&l->kept);
	event_rows_free(l->rows, l->n);
	event_rows_free(l->all, l->nall);
	memset(l, 0, sizeof *l);
}
