/* count_fast: counts of one-field filters that need no pass over the
 * events (count_fast.h). Each answer is the one the compiled filter's
 * count(*) gives; tests/cli/count_fast.sh compares them on every kind. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "filter_resolve.h"
#include "sitrep/count_fast.h"
#include "sitrep/db.h"
#include "sitrep/filter.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static int fail(sqlite3 *db, char **err)
{
	*err = xstrdup(sqlite3_errmsg(db));
	return -1;
}

static int query_ll(sqlite3 *db, const struct sqlfrag *q, long long *v, char **err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sb_str(&q->sql), -1, &st, NULL) != SQLITE_OK)
		return fail(db, err);
	if (sqlfrag_bind(q, st, 1) < 0 || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return fail(db, err);
	}
	*v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* The events naming one of the actors (in role, if not NULL): every
 * (actor, event) entry of the index, each event counted once in a bitmap of
 * event ids (an eighth of a byte per event), however many of the actors it
 * names or in how many roles; no event row is read. */
static int count_actors(sqlite3 *db, const struct id_list *ids, const char *role, long long *count,
			char **err)
{
	struct sqlfrag q;
	long long max_id = 0;
	int rc = 0;

	*count = 0;
	if (ids->n == 0)
		return 0;
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT coalesce(max(id), 0) FROM event");
	rc = query_ll(db, &q, &max_id, err);
	sqlfrag_free(&q);
	if (rc < 0)
		return -1;
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT event_id FROM event_actor WHERE actor_id IN (");
	for (size_t i = 0; i < ids->n; i++) {
		sqlfrag_sql(&q, i ? ", " : "");
		sqlfrag_int(&q, ids->v[i]);
	}
	sqlfrag_sql(&q, ")");
	if (role) {
		sqlfrag_sql(&q, " AND role = ");
		sqlfrag_text(&q, role);
	}
	uint8_t *seen = xcalloc((size_t)(max_id / 8 + 1), 1);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &st, NULL) != SQLITE_OK ||
	    sqlfrag_bind(&q, st, 1) < 0) {
		rc = fail(db, err);
	} else {
		int step;
		while ((step = sqlite3_step(st)) == SQLITE_ROW) {
			long long id = sqlite3_column_int64(st, 0);
			/* An entry of no event (none should be) is not counted,
			 * as the join of the general count does not. */
			if (id < 1 || id > max_id)
				continue;
			uint8_t bit = (uint8_t)(1u << (id & 7));
			*count += !(seen[id >> 3] & bit);
			seen[id >> 3] |= bit;
		}
		if (step != SQLITE_DONE)
			rc = fail(db, err);
	}
	sqlite3_finalize(st);
	free(seen);
	sqlfrag_free(&q);
	return rc;
}

static int actor_field(sqlite3 *db, const struct filter_node *n, long long *count, char **err)
{
	static const char *const roles[] = {"actor1", "actor2", "assoc"};
	const char *role = n->field == FILTER_ACTOR ? NULL : roles[n->field - FILTER_ACTOR1];
	bool alone = n->op == FILTER_OP_EXACT || n->op == FILTER_OP_EQ;
	struct id_list ids = {0};
	struct filter_error ferr = {0};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < n->nvalues; i++)
		rc = resolve_actors(db, n->values[i].text, alone, &ids, &ferr);
	if (rc < 0)
		*err = xstrdup(ferr.message);
	else
		rc = count_actors(db, &ids, role, count, err);
	id_list_free(&ids);
	return rc < 0 ? -1 : 1;
}

/* Whether the file keeps event_count up to date with its events (db_counts.c). */
static int counts_kept(sqlite3 *db, bool *yes, char **err)
{
	struct sqlfrag q;
	long long n = 0, cur = 0;

	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = "
			"'event_count_to'");
	int rc = query_ll(db, &q, &n, err);
	sqlfrag_free(&q);
	if (rc == 0 && n == 1) {
		sqlfrag_init(&q);
		sqlfrag_sql(&q, DB_COUNTS_CURRENT_SQL);
		rc = query_ll(db, &q, &cur, err);
		sqlfrag_free(&q);
	}
	*yes = n == 1 && cur == 1;
	return rc;
}

/* "fold(col) = v" or, for a value ending in '*', a prefix: as the filter
 * compares a field read from extra without its index (filter_fields.c);
 * '' is the key of an event without the field, which matches nothing. */
static void folded_match(struct sqlfrag *q, const char *col, const char *text)
{
	char *folded = text_fold(text);
	size_t len = strlen(folded);

	sqlfrag_sql(q, "(");
	sqlfrag_sql(q, col);
	sqlfrag_sql(q, " <> '' AND fold(");
	sqlfrag_sql(q, col);
	if (len && folded[len - 1] == '*') {
		folded[len - 1] = '\0';
		char *like = filter_like_pattern("", folded, "%");
		sqlfrag_sql(q, ") LIKE ");
		sqlfrag_text(q, like);
		sqlfrag_sql(q, " ESCAPE '\\')");
		free(like);
	} else {
		sqlfrag_sql(q, ") = ");
		sqlfrag_text(q, folded);
		sqlfrag_sql(q, ")");
	}
	free(folded);
}

/* The sum over the combinations that match one of the values: each event
 * is in one combination, so none is counted twice, even for a value given
 * twice. */
static int counted_field(sqlite3 *db, const struct filter_node *n, long long *count, char **err)
{
	bool kept;
	if (counts_kept(db, &kept, err) < 0)
		return -1;
	if (!kept)
		return 0;
	struct sqlfrag q;
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT coalesce(sum(n), 0) FROM event_count WHERE ");
	for (size_t i = 0; i < n->nvalues; i++) {
		const struct filter_value *v = &n->values[i];
		sqlfrag_sql(&q, i ? " OR " : "");
		switch (n->field) {
		case FILTER_INTER1:
			folded_match(&q, "inter1", v->text);
			break;
		case FILTER_INTER2:
			folded_match(&q, "inter2", v->text);
			break;
		case FILTER_DISORDER:
			folded_match(&q, "disorder", v->text);
			break;
		case FILTER_GEO_PRECISION:
			sqlfrag_sql(&q, "geo_precision BETWEEN ");
			sqlfrag_int(&q, v->lo);
			sqlfrag_sql(&q, " AND ");
			sqlfrag_int(&q, v->hi);
			break;
		case FILTER_CIVILIANS:
			sqlfrag_sql(&q, "civilians = ");
			sqlfrag_text(&q, v->text); /* "yes" or "no" (filter_fields.c) */
			break;
		default: /* FILTER_PRECISION: day, month, year or range */
			sqlfrag_sql(&q, "precision = ");
			sqlfrag_text(&q, v->text);
			break;
		}
	}
	int rc = query_ll(db, &q, count, err);
	sqlfrag_free(&q);
	return rc < 0 ? -1 : 1;
}

static bool counted(enum filter_field f)
{
	return f == FILTER_INTER1 || f == FILTER_INTER2 || f == FILTER_DISORDER ||
	       f == FILTER_GEO_PRECISION || f == FILTER_CIVILIANS || f == FILTER_PRECISION;
}

int count_fast(sqlite3 *db, const char *text, long long *count, char **err)
{
	struct filter_node *n;
	struct filter_error ferr = {0};
	int rc = 0;

	if (filter_parse(text, &n, &ferr) < 0)
		return 0; /* the compile reports it */
	if (n && n->type == FILTER_FIELD && n->nvalues > 0) {
		if (n->field == FILTER_ACTOR || n->field == FILTER_ACTOR1 ||
		    n->field == FILTER_ACTOR2 || n->field == FILTER_ASSOC)
			rc = actor_field(db, n, count, err);
		else if (counted(n->field) && n->op == FILTER_OP_IS)
			rc = counted_field(db, n, count, err);
	}
	filter_free(n);
	return rc;
}
