/* freq: the frequency view's groups (see freq.h). Not a GROUP BY: sqlite
 * would sort every row before returning the first, seconds on a million
 * events with nothing to show. Instead a plain stream of one row per
 * event and group, read in timed steps and summed in a hash here, so the
 * view shows the groups as they grow. The group's expression comes from
 * the fixed table below, never from the user; the filter's values are
 * bound. */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/date.h"
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

static const char *const sort_names[FREQ_NSORTS] = {"count", "fatalities", "name"};

const char *freq_by_name(enum freq_by by)
{
	return by >= 0 && by < FREQ_NBY ? bys[by].name : "?";
}

const char *freq_by_field(enum freq_by by)
{
	return by >= 0 && by < FREQ_NBY ? bys[by].field : "?";
}

int freq_by_parse(const char *s, enum freq_by *out)
{
	for (int i = 0; i < FREQ_NBY; i++)
		if (strcmp(s, bys[i].name) == 0) {
			*out = (enum freq_by)i;
			return 0;
		}
	return -1;
}

int freq_sort_parse(const char *s, enum freq_sort *out)
{
	for (int i = 0; i < FREQ_NSORTS; i++)
		if (strcmp(s, sort_names[i]) == 0) {
			*out = (enum freq_sort)i;
			return 0;
		}
	return -1;
}

const char *freq_sort_name(enum freq_sort s)
{
	return s >= 0 && s < FREQ_NSORTS ? sort_names[s] : "?";
}

/* One row per event and group: DISTINCT is left to freq_step, which
 * sees an event's rows together (event e drives the LEFT JOIN). */
static int start_rows(struct freq_count *c, const struct sqlfrag *where, char **err)
{
	struct sqlfrag q;

	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT e.id, e.fatalities, e.date_start, ");
	sqlfrag_sql(&q, bys[c->by].key);
	/* With no filter and a join, the events in their table's order: the
	 * planner would read a smaller covering index instead, in another
	 * order, and look each event's actors up at random, ten times
	 * slower on a million events than reading the table through. */
	sqlfrag_sql(&q, sqlfrag_empty(where) && *bys[c->by].join ? " FROM event e NOT INDEXED"
								 : " FROM event e");
	sqlfrag_sql(&q, bys[c->by].join);
	if (!sqlfrag_empty(where)) {
		sqlfrag_sql(&q, " WHERE ");
		sqlfrag_append(&q, where);
	}
	int rc = sqlite3_prepare_v2(c->db, sb_str(&q.sql), -1, &c->st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, c->st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(&q);
	if (rc != SQLITE_OK) {
		*err = db_error(c->db);
		return -1;
	}
	return 0;
}

int freq_begin(sqlite3 *db, const struct sqlfrag *where, enum freq_by by, struct freq_count *c,
	       char **err)
{
	memset(c, 0, sizeof(*c));
	c->db = db;
	c->by = by >= 0 && by < FREQ_NBY ? by : FREQ_REGION;
	c->cur_event = -1;
	if (span_begin(db, where, &c->span, err) < 0 || start_rows(c, where, err) < 0) {
		freq_count_free(c);
		return -1;
	}
	return 0;
}

static uint32_t hash(const char *s)
{
	uint32_t h = 2166136261u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void rehash(struct freq_count *c)
{
	free(c->slot);
	c->nslot = c->nslot ? c->nslot * 2 : 64;
	c->slot = xcalloc(c->nslot, sizeof(*c->slot));
	for (size_t i = 0; i < c->ng; i++) {
		if (!c->g[i].name)
			continue;
		size_t k = hash(c->g[i].name) & (c->nslot - 1);
		while (c->slot[k])
			k = (k + 1) & (c->nslot - 1);
		c->slot[k] = i + 1;
	}
}

static size_t add_group(struct freq_count *c, const char *name)
{
	if (c->ng == c->capg)
		c->g = xrealloc(c->g, (c->capg = c->capg ? c->capg * 2 : 64) * sizeof(*c->g));
	struct freq_row *r = &c->g[c->ng++];
	memset(r, 0, sizeof(*r));
	r->name = name ? xstrdup(name) : NULL;
	return c->ng - 1;
}

/* The group of name (NULL: no value), added when new. */
static size_t group_of(struct freq_count *c, const char *name)
{
	if (!name) {
		if (!c->none)
			c->none = add_group(c, NULL) + 1;
		return c->none - 1;
	}
	if (2 * (c->ng + 1) > c->nslot)
		rehash(c);
	size_t k = hash(name) & (c->nslot - 1);
	for (; c->slot[k]; k = (k + 1) & (c->nslot - 1))
		if (c->g[c->slot[k] - 1].name && strcmp(c->g[c->slot[k] - 1].name, name) == 0)
			return c->slot[k] - 1;
	size_t i = add_group(c, name);
	c->slot[k] = i + 1;
	return i;
}

/* True when event already counted group i: an actor with two roles in an
 * event has two rows for it. */
static bool seen(struct freq_count *c, long long event, size_t i)
{
	if (event != c->cur_event) {
		c->cur_event = event;
		c->nseen = 0;
		c->counted++;
	}
	for (size_t k = 0; k < c->nseen; k++)
		if (c->seen[k] == i)
			return true;
	if (c->nseen < ARRAY_SIZE(c->seen))
		c->seen[c->nseen++] = i;
	return false;
}

static void count_row(struct freq_count *c, sqlite3_stmt *st)
{
	size_t i = group_of(c, (const char *)sqlite3_column_text(st, 3));
	if (seen(c, sqlite3_column_int64(st, 0), i))
		return;
	struct freq_row *r = &c->g[i];
	r->events++;
	r->fatalities += sqlite3_column_int64(st, 1);
	int b = span_part(c->span.first, c->span.last, span_day(sqlite3_column_text(st, 2)),
			  FREQ_SPARK);
	if (b >= 0)
		r->spark[b]++;
}

int freq_step(struct freq_count *c, int budget_ms, long max_rows, char **err)
{
	double deadline = monotonic_ms() + budget_ms;
	int rc = SQLITE_ROW;

	if (c->done)
		return 0;
	if (!c->span.done) {
		int r = span_step(&c->span, deadline, max_rows, err);
		if (r != 0)
			return r;
		if (max_rows || monotonic_ms() >= deadline)
			return 1; /* the groups in the next step */
	}
	for (long n = 1; (rc = sqlite3_step(c->st)) == SQLITE_ROW; n++) {
		count_row(c, c->st);
		/* a row read from disk can cost more than the clock: look at
		 * it every 8 */
		if (max_rows ? n >= max_rows : (n & 7) == 0 && monotonic_ms() >= deadline)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(c->db);
		return -1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_finalize(c->st);
		c->st = NULL;
		c->done = true;
	}
	return c->done ? 0 : 1;
}

/* The orders the SQL used to give: NULL (no value) last among equals,
 * names in byte order, by name without case (as COLLATE NOCASE). */
static int cmp_name(const struct freq_row *x, const struct freq_row *y, bool nocase)
{
	if (!x->name || !y->name)
		return (!x->name) - (!y->name);
	int c = nocase ? strcasecmp(x->name, y->name) : 0;
	return c ? c : strcmp(x->name, y->name);
}

#define DESC(a, b) (((a) < (b)) - ((a) > (b)))

static int cmp_count(const void *a, const void *b)
{
	const struct freq_row *x = *(struct freq_row *const *)a, *y = *(struct freq_row *const *)b;
	int c = DESC(x->events, y->events);
	c = c ? c : DESC(x->fatalities, y->fatalities);
	return c ? c : cmp_name(x, y, false);
}

static int cmp_fatal(const void *a, const void *b)
{
	const struct freq_row *x = *(struct freq_row *const *)a, *y = *(struct freq_row *const *)b;
	int c = DESC(x->fatalities, y->fatalities);
	c = c ? c : DESC(x->events, y->events);
	return c ? c : cmp_name(x, y, false);
}

static int cmp_alpha(const void *a, const void *b)
{
	return cmp_name(*(struct freq_row *const *)a, *(struct freq_row *const *)b, true);
}

void freq_result(const struct freq_count *c, enum freq_sort sort, int limit, struct freq_table *out)
{
	static int (*const cmp[FREQ_NSORTS])(const void *, const void *) = {cmp_count, cmp_fatal,
									    cmp_alpha};
	memset(out, 0, sizeof(*out));
	out->by = c->by;
	out->sort = sort >= 0 && sort < FREQ_NSORTS ? sort : FREQ_BY_COUNT;
	out->groups = (long)c->ng;
	out->total = c->span.events;
	if (c->span.first <= c->span.last) {
		date_format(out->first, c->span.first);
		date_format(out->last, c->span.last);
	}
	if (!c->ng)
		return;
	const struct freq_row **order = xcalloc(c->ng, sizeof(*order));
	for (size_t i = 0; i < c->ng; i++)
		order[i] = &c->g[i];
	qsort(order, c->ng, sizeof(*order), cmp[out->sort]);
	out->n = c->ng < (size_t)(limit > 0 ? limit : 1) ? c->ng : (size_t)(limit > 0 ? limit : 1);
	out->v = xcalloc(out->n, sizeof(*out->v));
	for (size_t i = 0; i < out->n; i++) {
		out->v[i] = *order[i];
		out->v[i].name = order[i]->name ? xstrdup(order[i]->name) : NULL;
	}
	free(order);
}

void freq_count_free(struct freq_count *c)
{
	for (size_t i = 0; i < c->ng; i++)
		free(c->g[i].name);
	free(c->g);
	free(c->slot);
	sqlite3_finalize(c->st);
	span_free(&c->span);
	memset(c, 0, sizeof(*c));
}

int freq_load(sqlite3 *db, const struct sqlfrag *where, enum freq_by by, enum freq_sort sort,
	      int limit, struct freq_table *out, char **err)
{
	struct freq_count c;
	int rc;

	memset(out, 0, sizeof(*out));
	if (freq_begin(db, where, by, &c, err) < 0)
		return -1;
	while ((rc = freq_step(&c, 1000, 0, err)) > 0)
		;
	if (rc == 0)
		freq_result(&c, sort, limit, out);
	freq_count_free(&c);
	return rc;
}

void freq_free(struct freq_table *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].name);
	free(t->v);
	memset(t, 0, sizeof(*t));
}
