/* lanes: the swimlanes' top actors and their events per day (lanes.h).
 * Three passes, each in steps: the actor panel's count (actors.h), then
 * the top actors' events (one statement, an event's rows for one actor
 * adjacent as actors.c explains, so repeats are skipped by the lanes
 * seen in the current event), then the file's context events in the span. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/date.h"
#include "sitrep/db.h"
#include "sitrep/lanes.h"
#include "sitrep/util.h"

/* A span longer than this (a stray year 9999) is cut: memory stays
 * lanes x 100 years of days at most. */
enum { MAX_SPAN_DAYS = 36600 };

int lanes_begin(sqlite3 *db, const struct sqlfrag *where, int top, struct lanes *out, char **err)
{
	memset(out, 0, sizeof(*out));
	out->db = db;
	out->top = top < 1 ? 1 : top > 64 ? 64 : top;
	sqlfrag_init(&out->where);
	sqlfrag_append(&out->where, where);
	if (actors_begin(db, where, &out->actors, err) < 0) {
		out->phase = 3; /* actors_begin freed its own */
		lanes_free(out);
		return -1;
	}
	return 0;
}

static int by_events(const void *a, const void *b)
{
	const struct actor_node *x = *(const struct actor_node *const *)a;
	const struct actor_node *y = *(const struct actor_node *const *)b;
	if (x->events != y->events)
		return x->events < y->events ? 1 : -1;
	return strcmp(x->name, y->name);
}

static long day_of(const char *s, bool end)
{
	struct date_span sp;
	if (!s || !*s || date_parse_iso(s, &sp) < 0)
		return DATE_INVALID_DAY;
	return end ? sp.end : sp.start;
}

/* The actors are counted: the top ones become the lanes, their span the
 * days counted. */
static void choose(struct lanes *l)
{
	const struct actor_list *a = &l->actors;
	const struct actor_node **v = xcalloc(a->nall ? a->nall : 1, sizeof(*v));
	size_t n = 0;
	for (size_t i = 0; i < a->nall; i++)
		if (a->all[i].events > 0)
			v[n++] = &a->all[i];
	qsort(v, n, sizeof(*v), by_events);
	if (n > (size_t)l->top)
		n = (size_t)l->top;
	l->v = xcalloc(n ? n : 1, sizeof(*l->v));
	l->first = DATE_INVALID_DAY;
	l->last = DATE_INVALID_DAY;
	for (size_t i = 0; i < n; i++) {
		l->v[i] = (struct lane){v[i]->id, xstrdup(v[i]->name), v[i]->events};
		long f = day_of(v[i]->first, false), t = day_of(v[i]->last, true);
		if (f != DATE_INVALID_DAY && (l->first == DATE_INVALID_DAY || f < l->first))
			l->first = f;
		if (t != DATE_INVALID_DAY && (l->last == DATE_INVALID_DAY || t > l->last))
			l->last = t;
	}
	l->n = n;
	free(v);
	if (l->first == DATE_INVALID_DAY || l->last == DATE_INVALID_DAY || l->last < l->first)
		l->first = l->last = 0;
	if (l->last - l->first >= MAX_SPAN_DAYS)
		l->last = l->first + MAX_SPAN_DAYS - 1;
	size_t len = (size_t)(l->last - l->first + 1);
	l->days = xcalloc(len * (n ? n : 1), sizeof(unsigned));
	l->context = xcalloc(len, 1);
}

static int prepare(struct lanes *l, struct sqlfrag *q, char **err)
{
	int rc = sqlite3_prepare_v2(l->db, sb_str(&q->sql), -1, &l->st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(q, l->st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(q);
	if (rc != SQLITE_OK) {
		*err = db_error(l->db);
		return -1;
	}
	return 0;
}

static int start_days(struct lanes *l, char **err)
{
	struct sqlfrag q;
	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT ea.actor_id, e.id, e.date_start FROM event e"
			" JOIN event_actor ea ON ea.event_id = e.id WHERE ");
	if (!sqlfrag_empty(&l->where)) {
		sqlfrag_sql(&q, "(");
		sqlfrag_append(&q, &l->where);
		sqlfrag_sql(&q, ") AND ");
	}
	sqlfrag_sql(&q, "ea.actor_id IN (");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sqlfrag_sql(&q, ", ");
		sqlfrag_int(&q, l->v[i].id);
	}
	sqlfrag_sql(&q, ")");
	return prepare(l, &q, err);
}

static int start_context(struct lanes *l, char **err)
{
	char from[DATE_ISO_LEN], to[DATE_ISO_LEN];
	struct sqlfrag q;
	date_format(from, l->first);
	date_format(to, l->last);
	sqlfrag_init(&q);
	/* to || x'ff': every date that starts with the last day */
	sqlfrag_sql(&q, "SELECT date_start FROM event WHERE kind = 'context' AND date_start >= ");
	sqlfrag_text(&q, from);
	sqlfrag_sql(&q, " AND date_start < ");
	sqlfrag_text(&q, to);
	sqlfrag_sql(&q, " || x'ff'");
	return prepare(l, &q, err);
}

static void day_row(struct lanes *l)
{
	long long actor = sqlite3_column_int64(l->st, 0), event = sqlite3_column_int64(l->st, 1);
	size_t i = 0;
	while (i < l->n && l->v[i].id != actor)
		i++;
	if (i == l->n)
		return;
	/* an actor in two roles of one event counts once: the lanes seen in
	 * the current event, a bit each */
	if (event != l->cur_event) {
		l->cur_event = event;
		l->seen = 0;
	}
	if (l->seen & (UINT64_C(1) << i))
		return;
	l->seen |= UINT64_C(1) << i;
	long d = day_of((const char *)sqlite3_column_text(l->st, 2), false);
	if (d >= l->first && d <= l->last)
		l->days[i * (size_t)(l->last - l->first + 1) + (size_t)(d - l->first)]++;
}

static void context_row(struct lanes *l)
{
	long d = day_of((const char *)sqlite3_column_text(l->st, 0), false);
	if (d >= l->first && d <= l->last)
		l->context[d - l->first] = 1;
}

/* The statement of the pass that ends is done: the next pass. */
static int next_phase(struct lanes *l, char **err)
{
	sqlite3_finalize(l->st);
	l->st = NULL;
	l->phase++;
	if (l->phase == 1) {
		choose(l);
		actors_free(&l->actors);
		if (!l->n) {
			l->phase = 3;
			return 0;
		}
		return start_days(l, err);
	}
	if (l->phase == 2)
		return start_context(l, err);
	return 0;
}

int lanes_step(struct lanes *l, int budget_ms, char **err)
{
	double until = monotonic_ms() + budget_ms;
	while (l->phase < 3) {
		if (l->phase == 0) {
			int rc = actors_step(&l->actors, budget_ms, err);
			if (rc < 0)
				return -1;
			if (rc > 0)
				return 1;
			if (next_phase(l, err) < 0)
				return -1;
			continue;
		}
		for (long i = 0;; i++) {
			if (i > 0 && (budget_ms <= 0 || i % 256 == 0) && monotonic_ms() >= until)
				return 1;
			int rc = sqlite3_step(l->st);
			if (rc == SQLITE_ROW) {
				if (l->phase == 1)
					day_row(l);
				else
					context_row(l);
				continue;
			}
			if (rc != SQLITE_DONE) {
				*err = db_error(l->db);
				return -1;
			}
			if (next_phase(l, err) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

bool lanes_done(const struct lanes *l)
{
	return l->phase >= 3;
}

long lanes_count(const struct lanes *l, size_t i, enum bucket_zoom z, long b)
{
	if (i >= l->n || !l->days)
		return 0;
	long from = bucket_start(z, b), to = bucket_end(z, b), sum = 0;
	if (from < l->first)
		from = l->first;
	if (to > l->last)
		to = l->last;
	const unsigned *row = l->days + i * (size_t)(l->last - l->first + 1);
	for (long d = from; d <= to; d++)
		sum += row[d - l->first];
	return sum;
}

bool lanes_context(const struct lanes *l, enum bucket_zoom z, long b)
{
	if (!l->context)
		return false;
	long from = bucket_start(z, b), to = bucket_end(z, b);
	if (from < l->first)
		from = l->first;
	if (to > l->last)
		to = l->last;
	for (long d = from; d <= to; d++)
		if (l->context[d - l->first])
			return true;
	return false;
}

void lanes_free(struct lanes *l)
{
	sqlite3_finalize(l->st);
	l->st = NULL;
	if (l->phase == 0)
		actors_free(&l->actors);
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i].name);
	free(l->v);
	free(l->days);
	free(l->context);
	sqlfrag_free(&l->where);
	memset(l, 0, sizeof(*l));
}
