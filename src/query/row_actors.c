/* row_actors: the actors column of a page of timeline rows in one query
 * (query.h: query_rows_actors), for pages fetched with actors_later. The
 * same names in the same order as the page query's own per-row subquery:
 * each actor once, the initiator first (actor1, claimed, actor2, the
 * rest), then by name, "; " between them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/query.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

struct id_row {
	long long id;
	struct event_row *row;
};

static int by_id(const void *a, const void *b)
{
	long long x = ((const struct id_row *)a)->id, y = ((const struct id_row *)b)->id;
	return (x > y) - (x < y);
}

/* The row of id in v (n of them, by id). */
static struct event_row *row_of(const struct id_row *v, size_t n, long long id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].id == id ? v[lo].row : NULL;
}

/* The names gathered for r, NULL when none (as group_concat of none). */
static void set_names(struct event_row *r, struct strbuf *names, int count)
{
	free(r->actors);
	r->actors = count ? sb_detach(names) : NULL;
	sb_free(names);
}

int query_rows_actors(sqlite3 *db, struct event_row *rows, size_t n, char **err)
{
	if (n == 0)
		return 0;
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT ea.event_id, a.name, min(CASE ea.role WHEN 'actor1' THEN 0 WHEN"
		     " 'claimed' THEN 1 WHEN 'actor2' THEN 2 ELSE 3 END) AS o FROM event_actor ea"
		     " JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id IN (");
	for (size_t i = 0; i < n; i++)
		sb_add(&sql, i ? ",?" : "?");
	sb_add(&sql, ") GROUP BY ea.event_id, a.id ORDER BY ea.event_id, o, a.name");
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	struct id_row *v = xcalloc(n, sizeof(*v));
	for (size_t i = 0; i < n; i++) {
		v[i] = (struct id_row){rows[i].id, &rows[i]};
		sqlite3_bind_int64(st, (int)i + 1, rows[i].id);
	}
	qsort(v, n, sizeof(*v), by_id);
	struct strbuf names = STRBUF_INIT;
	struct event_row *cur = NULL;
	int count = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct event_row *r = row_of(v, n, sqlite3_column_int64(st, 0));
		if (r != cur && cur)
			set_names(cur, &names, count);
		if (r != cur)
			count = 0;
		if (!(cur = r))
			continue;
		/* group_concat leaves out a NULL name; one that is not text
		 * reads as the page query's result would (db_column_dup) */
		char *name = db_column_dup(st, 1);
		if (name)
			sb_addf(&names, "%s%s", count++ ? "; " : "", name);
		free(name);
	}
	if (cur)
		set_names(cur, &names, count);
	sb_free(&names);
	free(v);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}
