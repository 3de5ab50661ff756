/* actors: the actor panel's tree (see actors.h). The actors come from one
 * small query; their counts from a stream over the filter's events, one
 * row per actor, event and role, read in timed steps (as density.c does)
 * after the filter's span (span.c), so that a million events never hold up
 * a key. After each step the tree is rebuilt over every actor and pruned
 * to those with events and their ancestors. */
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
	struct actor_list *all = &(struct actor_list){0};
	int rc = sqlite3_prepare_v2(db, "SELECT id, name, kind, parent_id FROM actor ORDER BY id",
				    -1, &st, NULL);

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (all->n == cap)
			all->v = xrealloc(all->v, (cap = cap ? cap * 2 : 64) * sizeof(*all->v));
		struct actor_node *a = &all->v[all->n++];
		memset(a, 0, sizeof(*a));
		a->id = sqlite3_column_int64(st, 0);
		a->name = db_column_dup(st, 1);
		a->kind = db_column_dup(st, 2);
		a->parent_id = sqlite3_column_int64(st, 3);
		if (!a->name)
			a->name = xstrdup("");
	}
	sqlite3_finalize(st);
	l->all = all->v;
	l->nall = all->n;
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

/* One row per role of an actor in an event of the filter, the events in
 * their table's order (CROSS JOIN keeps event outer: driven by the actor
 * index instead, each row was a random read of the event table, 3 times
 * slower on 200,000 events); an event's rows come together, by
 * (event_id, actor_id, role), and count_row skips the repeats. */
static int start_counts(struct actor_list *l, const struct sqlfrag *where, char **err)
{
	struct sqlfrag q;

	sqlfrag_init(&q);
	sqlfrag_sql(&q, "SELECT ea.actor_id, e.fatalities, e.date_start, e.date_end, e.id,"
			" e.date_precision, ea.role"
			" FROM event e CROSS JOIN event_actor ea ON ea.event_id = e.id");
	if (!sqlfrag_empty(where)) {
		sqlfrag_sql(&q, " WHERE ");
		sqlfrag_append(&q, where);
	}
	int rc = sqlite3_prepare_v2(l->db, sb_str(&q.sql), -1, &l->st, NULL);
	if (rc == SQLITE_OK && sqlfrag_bind(&q, l->st, 1) < 0)
		rc = SQLITE_ERROR;
	sqlfrag_free(&q);
	if (rc != SQLITE_OK) {
		*err = db_error(l->db);
		return -1;
	}
	return 0;
}

const char *const actor_side_roles[ACTOR_SIDES][2] = {{"actor1", "claimed"}, {"actor2", "target"}};

/* The side of a role (actors.h), or -1 for neither. */
static int side_of(const unsigned char *role)
{
	for (int s = 0; role && s < ACTOR_SIDES; s++)
		if (!strcmp((const char *)role, actor_side_roles[s][0]) ||
		    !strcmp((const char *)role, actor_side_roles[s][1]))
			return s;
	return -1;
}

/* The sides actor was already counted on for event, with bit 31 set when
 * the event itself was: the actors seen in the current event are
 * remembered until the event changes. */
static unsigned *seen(struct actor_list *l, long long actor, long long event)
{
	static unsigned overflow;
	if (event != l->cur_event) {
		l->cur_event = event;
		l->nseen = 0;
	}
	for (size_t i = 0; i < l->nseen; i++)
		if (l->seen[i] == actor)
			return &l->seen_sides[i];
	if (l->nseen == ARRAY_SIZE(l->seen)) {
		overflow = ~0u; /* more actors than that in one event: count each once */
		return &overflow;
	}
	l->seen[l->nseen] = actor;
	l->seen_sides[l->nseen] = 0;
	return &l->seen_sides[l->nseen++];
}

static enum date_prec prec_of(const unsigned char *p)
{
	enum date_prec prec = DATE_DAY;
	if (p)
		date_prec_parse((const char *)p, &prec);
	return prec;
}

/* Keep date (at prec) in to when it comes before (dir -1) or after (+1)
 * what to holds; the same date known better keeps the better precision. */
static void keep_date(char *to, enum date_prec *to_prec, const unsigned char *date,
		      enum date_prec prec, int dir)
{
	if (!date)
		return;
	int c = strcmp((const char *)date, to);
	if (!to[0] || c * dir > 0) {
		snprintf(to, DATE_ISO_LEN, "%s", (const char *)date);
		*to_prec = prec;
	} else if (c == 0 && prec < *to_prec) {
		*to_prec = prec;
	}
}

/* A row of st's shape (start_counts) counted into actor node_id, for
 * event (the row's own id, or a layer's event as the timeline names it). */
static void count_into(struct actor_list *l, long long node_id, long long event, sqlite3_stmt *st)
{
	long i = find_id(l->all, l->nall, node_id);
	long long fat = sqlite3_column_int64(st, 1);

	if (i < 0)
		return;
	struct actor_node *a = &l->all[i];
	unsigned *done = seen(l, node_id, event);
	int side = side_of(sqlite3_column_text(st, 6));
	if (side >= 0 && !(*done & (1u << side))) {
		*done |= 1u << side;
		a->side_events[side]++;
		a->side_fatalities[side] += fat;
	}
	if (*done & (1u << 31))
		return;
	*done |= 1u << 31;
	a->events++;
	a->fatalities += fat;
	const unsigned char *first = sqlite3_column_text(st, 2);
	enum date_prec prec = prec_of(sqlite3_column_text(st, 5));
	int part = span_part(l->span.first, l->span.last, span_day(first), ACTOR_SPARK);
	if (part >= 0)
		a->spark[part]++;
	keep_date(a->first, &a->first_prec, first, prec, -1);
	keep_date(a->last, &a->last_prec, sqlite3_column_text(st, 3), prec, 1);
}

static void count_row(struct actor_list *l, sqlite3_stmt *st)
{
	count_into(l, sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 4), st);
}

void actors_date(char *buf, const char *date, enum date_prec prec)
{
	int n = prec == DATE_YEAR ? 4 : prec == DATE_MONTH ? 7 : DATE_ISO_LEN - 1;
	snprintf(buf, DATE_ISO_LEN, "%.*s", n, date);
}

/* Add each counted actor's totals to it and every ancestor, marking them
 * to keep. The walk up stops after n steps, so a cycle in parent_id (bad
 * data) cannot hang it. */
static void roll_up(struct actor_node *v, size_t n, bool *keep)
{
	for (size_t i = 0; i < n; i++) {
		v[i].sub_events = 0;
		v[i].sub_fatalities = 0;
		v[i].sub_last[0] = '\0';
	}
	for (size_t i = 0; i < n; i++) {
		struct actor_node *a = &v[i];
		if (a->events == 0)
			continue;
		long j = (long)i;
		for (size_t steps = 0; j >= 0 && steps < n; steps++) {
			struct actor_node *p = &v[j];
			keep[j] = true;
			p->sub_events += a->events;
			p->sub_fatalities += a->fatalities;
			if (strcmp(a->last, p->sub_last) > 0)
				memcpy(p->sub_last, a->last, DATE_ISO_LEN);
			j = p->parent_id ? find_id(v, n, p->parent_id) : -1;
		}
	}
}

/* The shown list from the counts so far: the kept nodes, sorted. */
static void rebuild(struct actor_list *l)
{
	bool *keep = xcalloc(l->nall ? l->nall : 1, sizeof(*keep));
	roll_up(l->all, l->nall, keep);
	free(l->v);
	l->v = xcalloc(l->nall ? l->nall : 1, sizeof(*l->v));
	l->n = 0;
	for (size_t i = 0; i < l->nall; i++)
		if (keep[i])
			l->v[l->n++] = l->all[i]; /* strings stay owned by all */
	free(keep);
	actors_sort(l, l->sort);
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
	struct strbuf *names = xcalloc(l->nall ? l->nall : 1, sizeof(*names));
	int rc = sqlite3_prepare_v2(db, "SELECT actor_id, folded FROM actor_alias", -1, &st, NULL);

	while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long i = find_id(l->all, l->nall, sqlite3_column_int64(st, 0));
		const unsigned char *f = sqlite3_column_text(st, 1);
		if (i >= 0 && f) {
			sb_add(&names[i], (const char *)f);
			sb_addc(&names[i], '\n');
		}
	}
	sqlite3_finalize(st);
	for (size_t i = 0; i < l->nall; i++) {
		char *own = text_fold(l->all[i].name);
		sb_add(&names[i], own);
		free(own);
		l->all[i].folded = sb_detach(&names[i]);
	}
	free(names);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		return -1;
	}
	return 0;
}

/* ---- the layers' events (actors_with_layers) */

void actors_with_layers(struct actor_list *l, const struct layer_set *layers)
{
	l->layers = layers && layers->n > 0 ? layers : NULL;
	l->layer_at = 0;
}

/* Layer ly's rows of the events the filter keeps there, in st's columns
 * (start_counts) and the actor's name. The ids go as one JSON array: a
 * layer may keep more events than SQLite takes parameters. */
static int start_layer(struct actor_list *l, const struct layer *ly)
{
	struct strbuf ids = STRBUF_INIT;
	sb_addc(&ids, '[');
	for (size_t i = 0; i < ly->n; i++) {
		int index;
		long long own;
		if (layer_event_of(ly->rows[i].id, &index, &own))
			sb_addf(&ids, "%s%lld", ids.len > 1 ? "," : "", own);
	}
	sb_addc(&ids, ']');
	int rc = sqlite3_prepare_v2(
	    ly->db,
	    "SELECT ea.actor_id, e.fatalities, e.date_start, e.date_end, e.id,"
	    " e.date_precision, ea.role, a.name FROM event e"
	    " JOIN event_actor ea ON ea.event_id = e.id JOIN actor a ON a.id = ea.actor_id"
	    " WHERE e.id IN (SELECT value FROM json_each(?)) ORDER BY e.id",
	    -1, &l->layer_st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(l->layer_st, 1, sb_str(&ids), -1, SQLITE_TRANSIENT);
	sb_free(&ids);
	return rc == SQLITE_OK ? 0 : -1;
}

/* Whether one of folded's lines (a node's name and aliases) is name. */
static bool names_it(const char *folded, const char *name)
{
	size_t n = strlen(name);
	for (const char *p = folded; p && *p;) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && memcmp(p, name, n) == 0)
			return true;
		p = end ? end + 1 : NULL;
	}
	return false;
}

/* The node a layer's actor counts into: the file's actor of that name or
 * alias, else one of its own, made at its first event. */
static long long layer_node(struct actor_list *l, const struct layer *ly, long long actor,
			    const unsigned char *name)
{
	for (size_t i = 0; i < l->nmet; i++)
		if (l->met[i].layer_actor == actor)
			return l->met[i].node_id;
	char *folded = text_fold(name ? (const char *)name : "");
	long long node = 0;
	for (size_t i = 0; i < l->nall && !node; i++)
		if (l->all[i].id > 0 && names_it(l->all[i].folded, folded))
			node = l->all[i].id;
	if (node) {
		free(folded);
	} else {
		node = layer_event_id(ly->index, actor); /* < 0: never the file's */
		l->all = xrealloc(l->all, (l->nall + 1) * sizeof(*l->all));
		struct actor_node *a = &l->all[l->nall++];
		memset(a, 0, sizeof(*a));
		a->id = node;
		a->name = xstrdup(name ? (const char *)name : "");
		a->folded = folded;
		qsort(l->all, l->nall, sizeof(*l->all), by_id); /* find_id's order */
	}
	l->met = xrealloc(l->met, (l->nmet + 1) * sizeof(*l->met));
	l->met[l->nmet++] = (struct actor_layer_map){actor, node};
	return node;
}

/* Count the layers' rows until deadline: 1 more to do, 0 done. A layer
 * that cannot be read counts nothing rather than stop the panel (as its
 * filter, layer_set.h). */
static int step_layers(struct actor_list *l, double deadline)
{
	while (l->layers && l->layer_at < l->layers->n) {
		const struct layer *ly = &l->layers->layers[l->layer_at];
		if (!l->layer_st && (ly->n == 0 || start_layer(l, ly) < 0)) {
			sqlite3_finalize(l->layer_st);
			l->layer_st = NULL;
			l->layer_at++;
			continue;
		}
		int rc;
		for (unsigned n = 1; (rc = sqlite3_step(l->layer_st)) == SQLITE_ROW; n++) {
			sqlite3_stmt *st = l->layer_st;
			long long node = layer_node(l, ly, sqlite3_column_int64(st, 0),
						    sqlite3_column_text(st, 7));
			count_into(l, node, layer_event_id(ly->index, sqlite3_column_int64(st, 4)),
				   st);
			if ((n & 7) == 0 && monotonic_ms() >= deadline)
				return 1;
		}
		sqlite3_finalize(l->layer_st);
		l->layer_st = NULL;
		free(l->met); /* actor ids are the layer's own */
		l->met = NULL;
		l->nmet = 0;
		l->layer_at++;
	}
	return 0;
}

int actors_begin(sqlite3 *db, const struct sqlfrag *where, struct actor_list *out, char **err)
{
	memset(out, 0, sizeof(*out));
	out->db = db;
	out->sort = ACTORS_BY_COUNT;
	if (load_all(db, out, err) < 0 || load_aliases(db, out, err) < 0 ||
	    span_begin(db, where, &out->span, err) < 0 || start_counts(out, where, err) < 0) {
		actors_free(out);
		return -1;
	}
	rebuild(out);
	return 0;
}

int actors_step(struct actor_list *l, int budget_ms, char **err)
{
	double deadline = monotonic_ms() + budget_ms;
	int rc = SQLITE_ROW;

	if (l->done)
		return 0;
	if (!l->span.done) {
		int r = span_step(&l->span, deadline, 0, err);
		if (r != 0 || monotonic_ms() >= deadline)
			return r < 0 ? -1 : 1; /* the counts in the next step */
	}
	for (unsigned n = 1; l->st && (rc = sqlite3_step(l->st)) == SQLITE_ROW; n++) {
		count_row(l, l->st);
		/* a row read from disk can cost more than the clock: look at
		 * it every 8 */
		if ((n & 7) == 0 && monotonic_ms() >= deadline)
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		*err = db_error(l->db);
		return -1;
	}
	if (rc == SQLITE_DONE && l->st) {
		sqlite3_finalize(l->st);
		l->st = NULL;
	}
	/* the file's own events counted: then the layers' */
	if (!l->st)
		l->done = step_layers(l, deadline) == 0;
	rebuild(l);
	return l->done ? 0 : 1;
}

int actors_load(sqlite3 *db, const struct sqlfrag *where, struct actor_list *out, char **err)
{
	int rc;

	if (actors_begin(db, where, out, err) < 0)
		return -1;
	while ((rc = actors_step(out, 1000, err)) > 0)
		;
	if (rc < 0)
		actors_free(out);
	return rc;
}

void actors_free(struct actor_list *l)
{
	for (size_t i = 0; i < l->nall; i++)
		node_free(&l->all[i]);
	free(l->all);
	free(l->v);
	sqlite3_finalize(l->st);
	sqlite3_finalize(l->layer_st);
	free(l->met);
	span_free(&l->span);
	memset(l, 0, sizeof(*l));
}
