/* query: keyset-paged timeline rows (see query.h). Every page is one
 * range scan on (date_start, id) from the anchor, so the thousandth page
 * costs what the first one does. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_sides.h"
#include "sitrep/db.h"
#include "sitrep/query.h"
#include "sitrep/util.h"

/* Actor names for one event, the initiator first. */
#define ACTORS_SQL                                                                                 \
	"(SELECT group_concat(name, '; ') FROM (SELECT a.name AS name, min(CASE ea.role"           \
	" WHEN 'actor1' THEN 0 WHEN 'claimed' THEN 1 WHEN 'actor2' THEN 2 ELSE 3 END) AS o"        \
	" FROM event_actor ea JOIN actor a ON a.id = ea.actor_id WHERE ea.event_id = e.id"         \
	" GROUP BY a.id ORDER BY o, a.name))"

#define ROW_COLUMNS                                                                                \
	"e.id, e.kind, e.date_start, e.date_end, e.date_precision, e.title, e.event_type,"         \
	" e.location, e.admin1, e.country, e.fatalities, e.lat, e.lon, "
static const char row_columns[] = ROW_COLUMNS ACTORS_SQL ", " ACTOR_SIDES_SQL;
/* query_page_bare: the actors later (query_rows_actors), the sides not at all */
static const char row_columns_bare[] = ROW_COLUMNS "NULL, NULL";

/* The row's dates, whatever is stored: a span that cannot be read is
 * DATE_INVALID_DAY (shown as "invalid"); a date_start that a key cannot
 * hold exactly makes the key go by the row's id. */
static void read_dates(sqlite3_stmt *st, struct event_row *r)
{
	const char *start = (const char *)sqlite3_column_text(st, 2);
	const char *end = (const char *)sqlite3_column_text(st, 3);
	const char *prec = (const char *)sqlite3_column_text(st, 4);
	struct date_span a, b;
	r->date_null = sqlite3_column_type(st, 2) == SQLITE_NULL;
	r->key_by_row = sqlite3_column_type(st, 2) != SQLITE_TEXT || !start ||
			(size_t)sqlite3_column_bytes(st, 2) >= sizeof(r->date_start) ||
			strlen(start) != (size_t)sqlite3_column_bytes(st, 2);
	snprintf(r->date_start, sizeof(r->date_start), "%s", r->key_by_row ? "invalid" : start);
	if (!r->key_by_row && date_parse_iso(start, &a) == 0) {
		r->date.start = a.start;
		r->date.end =
		    end && date_parse_iso(end, &b) == 0 && b.end >= a.start ? b.end : a.end;
	} else {
		date_span_invalid(&r->date);
	}
	if (!prec || date_prec_parse(prec, &r->date.prec) < 0)
		r->date.prec = DATE_DAY;
}

static void read_row(sqlite3_stmt *st, struct event_row *r)
{
	memset(r, 0, sizeof(*r));
	r->id = sqlite3_column_int64(st, 0);
	const char *kind = (const char *)sqlite3_column_text(st, 1);
	r->context = kind && strcmp(kind, "context") == 0;
	read_dates(st, r);
	r->title = db_column_dup(st, 5);
	r->event_type = db_column_dup(st, 6);
	r->location = db_column_dup(st, 7);
	r->admin1 = db_column_dup(st, 8);
	r->country = db_column_dup(st, 9);
	r->fatalities = db_column_count(st, 10);
	int coords = db_column_coords(st, 11, &r->lat, &r->lon);
	r->has_coords = coords > 0;
	r->coords_invalid = coords < 0;
	r->actors = db_column_dup(st, 13);
	r->sides = db_column_dup(st, 14);
}

static void event_rows_free_from(struct event_row *rows, size_t from, size_t n);

/* The rows after (op ">" or ">=") or before ("<") key in timeline order,
 * as SQL over e with the parameters bind_anchor fills. A key's date is a
 * parameter, or the row's own stored value (by_row); NULL sorts first, but
 * compares as unknown, so rows around a NULL date are spelt out. */
static void anchor_sql(char *buf, size_t size, const struct event_key *k, const char *op)
{
	if (k->null_date && op[0] == '<')
		snprintf(buf, size, "(e.date_start IS NULL AND e.id < ?)");
	else if (k->null_date)
		snprintf(buf, size, "(e.date_start IS NOT NULL OR e.id %s ?)", op);
	else
		snprintf(buf, size, "(e.date_start, e.id) %s (%s, ?)", op,
			 k->by_row ? "(SELECT date_start FROM event WHERE id = ?)" : "?");
}

static int bind_anchor(sqlite3_stmt *st, int i, const struct event_key *k)
{
	if (k->by_row && !k->null_date)
		sqlite3_bind_int64(st, i++, k->id);
	else if (!k->null_date)
		sqlite3_bind_text(st, i++, k->date, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, i++, k->id);
	return i;
}

/* "SELECT <head> FROM event e WHERE (<filter>) AND <tail>", with the
 * filter's values bound first; returns the next parameter index. */
static sqlite3_stmt *prepare(const struct query *q, const char *head, const char *tail, int *next,
			     char **err)
{
	struct strbuf sql = STRBUF_INIT;
	sb_addf(&sql, "SELECT %s FROM event e", head);
	bool filtered = q->where && !sqlfrag_empty(q->where);
	/* No "WHERE 1" when unfiltered: a bare count(*) is answered from the
	 * b-tree's page counts, twenty times faster than testing each row. */
	if (filtered)
		sb_addf(&sql, " WHERE (%s) %s", sb_str(&q->where->sql), tail);
	else if (strncmp(tail, "AND ", 4) == 0)
		sb_addf(&sql, " WHERE %s", tail + 4);
	else
		sb_addf(&sql, " %s", tail);
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(q->db, sb_str(&sql), -1, &st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK) {
		*err = db_error(q->db);
		return NULL;
	}
	*next = filtered ? sqlfrag_bind(q->where, st, 1) : 1;
	if (*next < 0) {
		*err = db_error(q->db);
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

static int page_own(const struct query *q, const struct event_key *anchor, enum query_dir dir,
		    bool inclusive, int limit, bool bare, struct event_row **rows, size_t *n,
		    char **err)
{
	bool fwd = dir == QUERY_FORWARD;
	const char *order = fwd ? "ORDER BY e.date_start, e.id LIMIT ?"
				: "ORDER BY e.date_start DESC, e.id DESC LIMIT ?";
	char cond[128], tail[256];
	if (anchor)
		anchor_sql(cond, sizeof(cond), anchor, !fwd ? "<" : inclusive ? ">=" : ">");
	if (anchor)
		snprintf(tail, sizeof(tail), "AND %s %s", cond, order);
	else
		snprintf(tail, sizeof(tail), "%s", order);
	int i;
	sqlite3_stmt *st = prepare(q, bare ? row_columns_bare : row_columns, tail, &i, err);
	if (!st)
		return -1;
	if (anchor)
		i = bind_anchor(st, i, anchor);
	sqlite3_bind_int(st, i, limit);
	size_t n0 = *n;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*rows = xrealloc(*rows, (*n + 1) * sizeof(**rows));
		read_row(st, &(*rows)[(*n)++]);
	}
	if (rc != SQLITE_DONE) {
		/* a read that fails half-way (a damaged page) keeps nothing */
		*err = db_error(q->db);
		sqlite3_finalize(st);
		event_rows_free_from(*rows, n0, *n);
		*n = n0;
		if (n0 == 0) {
			free(*rows);
			*rows = NULL;
		}
		return -1;
	}
	sqlite3_finalize(st);
	return 0;
}

/* Whether extra row r belongs to the page from anchor in direction dir. */
static bool extra_in_page(const struct event_row *r, const struct event_key *anchor,
			  enum query_dir dir, bool inclusive)
{
	if (!anchor)
		return true;
	int c = event_row_cmp_key(r, anchor);
	return dir == QUERY_BACKWARD ? c < 0 : inclusive ? c >= 0 : c > 0;
}

/* The page of the file's own rows and the extra rows merged, in the
 * page's direction: the extra rows are few and in memory, so the file's
 * page is read as without them and the two sorted runs are zipped. */
static int page_merged(const struct query *q, const struct event_key *anchor, enum query_dir dir,
		       bool inclusive, int limit, bool bare, struct event_row **rows, size_t *n,
		       char **err)
{
	const struct row_set *x = q->extra;
	struct event_row *own = NULL;
	size_t nown = 0, i = 0, taken = 0;
	bool fwd = dir == QUERY_FORWARD;

	if (page_own(q, anchor, dir, inclusive, limit, bare, &own, &nown, err) < 0)
		return -1;
	/* the extra rows in the page's direction, from the anchor on */
	long k = fwd ? 0 : (long)x->n - 1, step = fwd ? 1 : -1;
	while (k >= 0 && k < (long)x->n && !extra_in_page(&x->v[k], anchor, dir, inclusive))
		k += step;
	while (taken < (size_t)limit && (i < nown || (k >= 0 && k < (long)x->n))) {
		bool from_extra = i >= nown;
		if (!from_extra && k >= 0 && k < (long)x->n) {
			struct event_key key;
			event_row_key(&own[i], &key);
			int c = event_row_cmp_key(&x->v[k], &key);
			from_extra = fwd ? c < 0 : c > 0;
		}
		*rows = xrealloc(*rows, (*n + 1) * sizeof(**rows));
		if (from_extra) {
			event_row_copy(&(*rows)[(*n)++], &x->v[k]);
			k += step;
		} else {
			(*rows)[(*n)++] = own[i++];
		}
		taken++;
	}
	event_rows_free_from(own, i, nown);
	free(own);
	return 0;
}

int query_page(const struct query *q, const struct event_key *anchor, enum query_dir dir,
	       bool inclusive, int limit, struct event_row **rows, size_t *n, char **err)
{
	if (q->extra && q->extra->n)
		return page_merged(q, anchor, dir, inclusive, limit, false, rows, n, err);
	return page_own(q, anchor, dir, inclusive, limit, false, rows, n, err);
}

int query_page_bare(const struct query *q, const struct event_key *anchor, enum query_dir dir,
		    bool inclusive, int limit, struct event_row **rows, size_t *n, char **err)
{
	if (q->extra && q->extra->n)
		return page_merged(q, anchor, dir, inclusive, limit, true, rows, n, err);
	return page_own(q, anchor, dir, inclusive, limit, true, rows, n, err);
}

/* The extra rows before key (all of them with no key). */
static long long extra_before(const struct query *q, const struct event_key *key)
{
	long long n = 0;
	for (size_t i = 0; q->extra && i < q->extra->n; i++)
		n += !key || event_row_cmp_key(&q->extra->v[i], key) < 0;
	return n;
}

static int count_where(const struct query *q, const char *tail, const struct event_key *key,
		       long long *count, char **err)
{
	int i;
	sqlite3_stmt *st = prepare(q, "count(*)", tail, &i, err);
	if (!st)
		return -1;
	if (key)
		bind_anchor(st, i, key);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		*err = db_error(q->db);
		sqlite3_finalize(st);
		return -1;
	}
	*count = sqlite3_column_int64(st, 0) + extra_before(q, key);
	sqlite3_finalize(st);
	return 0;
}

int query_count(const struct query *q, long long *count, char **err)
{
	if (q->count_where) {
		struct query cq = {.db = q->db, .where = q->count_where, .extra = q->extra};
		return count_where(&cq, "", NULL, count, err);
	}
	return count_where(q, "", NULL, count, err);
}

int query_rank(const struct query *q, const struct event_key *key, long long *rank, char **err)
{
	char cond[128], tail[160];
	anchor_sql(cond, sizeof(cond), key, "<");
	snprintf(tail, sizeof(tail), "AND %s", cond);
	return count_where(q, tail, key, rank, err);
}

int query_seek_date(const struct query *q, const char *iso_date, struct event_key *key, bool *found,
		    char **err)
{
	/* the lowest id: a layer's rows have negative ones (layer.h) */
	struct event_key anchor = {.id = LLONG_MIN};
	snprintf(anchor.date, sizeof(anchor.date), "%s", iso_date);
	struct event_row *rows = NULL;
	size_t n = 0;
	if (query_page(q, &anchor, QUERY_FORWARD, true, 1, &rows, &n, err) < 0)
		return -1;
	*found = n > 0;
	if (n > 0)
		event_row_key(&rows[0], key);
	event_rows_free(rows, n);
	return 0;
}

void event_row_key(const struct event_row *r, struct event_key *key)
{
	memcpy(key->date, r->date_start, sizeof(key->date));
	key->id = r->id;
	key->by_row = r->key_by_row;
	key->null_date = r->date_null;
}

int event_row_cmp_key(const struct event_row *r, const struct event_key *k)
{
	if (r->date_null != k->null_date) /* NULL sorts first */
		return r->date_null ? -1 : 1;
	int c = r->date_null ? 0 : strcmp(r->date_start, k->date);
	if (c)
		return c;
	return r->id < k->id ? -1 : r->id > k->id;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void event_row_copy(struct event_row *dst, const struct event_row *src)
{
	*dst = *src;
	dst->title = dup_or_null(src->title);
	dst->event_type = dup_or_null(src->event_type);
	dst->location = dup_or_null(src->location);
	dst->admin1 = dup_or_null(src->admin1);
	dst->country = dup_or_null(src->country);
	dst->actors = dup_or_null(src->actors);
	dst->sides = dup_or_null(src->sides);
}

static void event_rows_free_from(struct event_row *rows, size_t from, size_t n)
{
	for (size_t i = from; i < n; i++) {
		free(rows[i].title);
		free(rows[i].event_type);
		free(rows[i].location);
		free(rows[i].admin1);
		free(rows[i].country);
		free(rows[i].actors);
		free(rows[i].sides);
	}
}

void event_rows_free(struct event_row *rows, size_t n)
{
	event_rows_free_from(rows, 0, n);
	free(rows);
}
