/* freq: the frequency view's groups (see freq.h), from one grouped query
 * over the filter's WHERE. The group's expression and the order come
 * from the fixed tables below, never from the user; the filter's values
 * and the limit are bound. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/freq.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

static const struct {
	const char *name, *field;
	const char *key;  /* the group's value, over e (and a for actors) */
	const char *join; /* what the key needs beyond event e */
} bys[FREQ_NBY] = {
    [FREQ_REGION] = {"region", "region", "e.admin1", ""},
    [FREQ_DISTRICT] = {"district", "region", "e.admin2", ""},
    [FREQ_PLACE] = {"place", "location", "e.location", ""},
    [FREQ_ACTOR] =
	{"actor", "actor", "a.name",
	 " LEFT JOIN event_actor ea ON ea.event_id = e.id LEFT JOIN actor a ON a.id = ea.actor_id"},
    [FREQ_TYPE] = {"type", "type", "e.event_type", ""},
    [FREQ_MONTH] = {"month", "date", "substr(e.date_start, 1, 7)", ""},
    [FREQ_YEAR] = {"year", "date", "substr(e.date_start, 1, 4)", ""},
};

static const struct {
	const char *name, *order;
} sorts[FREQ_NSORTS] = {
    [FREQ_BY_COUNT] = {"count", "events DESC, fat DESC, g IS NULL, g"},
    [FREQ_BY_FATALITIES] = {"fatalities", "fat DESC, events DESC, g IS NULL, g"},
    [FREQ_BY_NAME] = {"name", "g IS NULL, g COLLATE NOCASE, g"},
};

const char *freq_by_name(enum freq_by by)
{
	return by >= 0 && by < FREQ_NBY ? bys[by].name : "?";
}

const char *freq_by_field(enum freq_by by)
{
	return by >= 0 && by < FREQ_NBY ? bys[by].field : "?";
}

const char *freq_sort_name(enum freq_sort s)
{
	return s >= 0 && s < FREQ_NSORTS ? sorts[s].name : "?";
}

/* f: each event of the filter once per group it is in (DISTINCT: an actor
 * with two roles in an event counts it once); s: the filter's span and
 * events; fb: each group's events in each part of the span, so that the
 * sparkline comes with the group as "bucket:events,..." of at most
 * FREQ_SPARK pairs, however many events. */
static void build(struct sqlfrag *q, const struct sqlfrag *where, enum freq_by by,
		  enum freq_sort sort, int limit)
{
	sqlfrag_sql(q, "WITH f AS (SELECT DISTINCT e.id AS id, e.fatalities AS fat,"
		       " e.date_start AS d, ");
	sqlfrag_sql(q, bys[by].key);
	sqlfrag_sql(q, " AS g FROM event e");
	sqlfrag_sql(q, bys[by].join);
	if (!sqlfrag_empty(where)) {
		sqlfrag_sql(q, " WHERE ");
		sqlfrag_append(q, where);
	}
	sqlfrag_sql(q, "), s AS (SELECT MIN(d) AS first, MAX(d) AS last, julianday(MIN(d)) AS lo,"
		       " julianday(MAX(d)) - julianday(MIN(d)) + 1 AS span,"
		       " COUNT(DISTINCT id) AS total FROM f),"
		       " fb AS (SELECT g, CAST((julianday(d) - s.lo) * ");
	sqlfrag_int(q, FREQ_SPARK);
	sqlfrag_sql(q, " / s.span AS INTEGER) AS b, COUNT(*) AS n, TOTAL(fat) AS fat"
		       " FROM f, s GROUP BY g, b)"
		       " SELECT g, SUM(n) AS events, TOTAL(fat) AS fat, COUNT(*) OVER (),"
		       " (SELECT total FROM s), group_concat(b || ':' || n),"
		       " (SELECT first FROM s), (SELECT last FROM s)"
		       " FROM fb GROUP BY g ORDER BY ");
	sqlfrag_sql(q, sorts[sort].order);
	sqlfrag_sql(q, " LIMIT ");
	sqlfrag_int(q, limit);
}

/* "3:2,15:1" into spark (a bucket out of range, from a bad date, is left
 * out). */
static void read_spark(const unsigned char *s, long *spark)
{
	char *end;
	while (s && *s) {
		long b = strtol((const char *)s, &end, 10);
		if (*end != ':')
			return;
		long n = strtol(end + 1, &end, 10);
		if (b >= 0 && b < FREQ_SPARK)
			spark[b] += n;
		s = (const unsigned char *)(*end == ',' ? end + 1 : end);
		if (*end != ',')
			return;
	}
}

static void copy_date(char *to, sqlite3_stmt *st, int col)
{
	const unsigned char *d = sqlite3_column_text(st, col);
	snprintf(to, 11, "%.10s", d ? (const char *)d : "");
}

int freq_load(sqlite3 *db, const struct sqlfrag *where, enum freq_by by, enum freq_sort sort,
	      int limit, struct freq_table *out, char **err)
{
	struct sqlfrag q;
	sqlite3_stmt *st = NULL;
	size_t cap = 0;

	memset(out, 0, sizeof(*out));
	out->by = by;
	out->sort = sort;
	sqlfrag_init(&q);
	build(&q, where, by, sort, limit > 0 ? limit : 1);
	int rc = sqlite3_prepare_v2(db, sb_str(&q.sql), -1, &st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(&q);
	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == cap)
			out->v = xrealloc(out->v, (cap = cap ? cap * 2 : 32) * sizeof(*out->v));
		struct freq_row *r = &out->v[out->n++];
		r->name = db_column_dup(st, 0);
		r->events = (long)sqlite3_column_int64(st, 1);
		r->fatalities = (long long)sqlite3_column_double(st, 2);
		out->groups = (long)sqlite3_column_int64(st, 3);
		out->total = (long)sqlite3_column_int64(st, 4);
		memset(r->spark, 0, sizeof(r->spark));
		read_spark(sqlite3_column_text(st, 5), r->spark);
		copy_date(out->first, st, 6);
		copy_date(out->last, st, 7);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		freq_free(out);
		return -1;
	}
	return 0;
}

void freq_free(struct freq_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}
