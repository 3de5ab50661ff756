/* filter_sql: a parsed filter to a WHERE fragment over the event table "e".
 * The SQL text is written by this file alone; every value from the filter
 * (names, dates, numbers, words) is a bound parameter. Names are first
 * resolved to the exact stored values or ids, so each field filter is an
 * equality or range on an indexed column. */
#include "config.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "filter_compile.h"
#include "filter_lex.h"
#include "filter_id.h"
#include "filter_resolve.h"
#include "filter_value.h"
#include "sitrep/notebook.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

/* Kilometres per degree of latitude on a sphere of the Earth's mean radius. */
#define KM_PER_DEGREE 111.195

static void lookups_init(struct lookups *l)
{
	*l = (struct lookups){.today = LONG_MIN, .max_span = -1, .spans_ordered = -1};
}

static void lookups_free(struct lookups *l)
{
	for (size_t i = 0; i < l->n; i++) {
		id_list_free(&l->v[i].ids);
		str_list_free(&l->v[i].vals);
	}
	free(l->v);
}

/* The entry for key and slot, new (done false) when not looked up yet.
 * The pointer holds until the next call. */
struct resolved *lookup_entry(struct compiler *c, const void *key, int slot)
{
	struct lookups *l = c->look;

	for (size_t i = 0; i < l->n; i++)
		if (l->v[i].key == key && l->v[i].slot == slot)
			return &l->v[i];
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->v[l->n] = (struct resolved){.key = key, .slot = slot};
	return &l->v[l->n++];
}
static int emit(struct compiler *c, const struct filter_node *n, struct sqlfrag *out);

void emit_list_int(struct sqlfrag *out, const char *expr, const struct id_list *ids)
{
	sqlfrag_sql(out, expr);
	sqlfrag_sql(out, " IN (");
	for (size_t i = 0; i < ids->n; i++) {
		if (i)
			sqlfrag_sql(out, ", ");
		sqlfrag_int(out, ids->v[i]);
	}
	sqlfrag_sql(out, ")");
}

void emit_list_text(struct sqlfrag *out, const char *expr, const struct str_list *l)
{
	sqlfrag_sql(out, expr);
	if (l->n == 1) {
		sqlfrag_sql(out, " = ");
		sqlfrag_text(out, l->v[0]);
		return;
	}
	sqlfrag_sql(out, " IN (");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			sqlfrag_sql(out, ", ");
		sqlfrag_text(out, l->v[i]);
	}
	sqlfrag_sql(out, ")");
}

/* How a term that is not an ordered range on an index joins the page query
 * "... WHERE <filter> AND (e.date_start, e.id) > (?, ?) ORDER BY e.date_start,
 * e.id LIMIT 50". The best plan depends on M, the number of events matching
 * the term, out of N:
 *
 * FORM_DRIVE  e.id IN (SELECT ...): SQLite fetches the M matches through the
 *             term's index and sorts them; each costs a table row and the
 *             page's columns (the actor names), so only for M < FEW_ROWS.
 * FORM_SET    +e.id IN (SELECT ...): the subquery is materialised once, from
 *             a covering index, as a set of ids; the "+" keeps it from driving,
 *             so the page walks the timeline index (event_date, or another
 *             term's (column, date_start) index) in order and tests each id in
 *             the set without reading the row: about 50 * N / M index entries.
 * FORM_WALK   the term tested on each row of the timeline walk ("+" on the
 *             column, or a correlated EXISTS through a primary key): only
 *             about 50 * N / M rows read, but no set to build; for M >=
 *             MANY_ROWS, where building the set would cost more than that.
 *
 * M is probed with a LIMIT MANY_ROWS count through the term's covering index
 * (a few ms at most). A count (filter_compile_count) has no order to keep: a
 * lone term drives, and in a combination every such term is a set, so the
 * count reads indexes only (one drives, the others are set look-ups). */
#define FEW_ROWS  500
#define MANY_ROWS 50000

int filter_sql_force_form = -1;

/* The form for "SELECT 1 FROM from WHERE cond", walked from many rows up. */
enum form pick_form_at(struct compiler *c, const char *from, const struct sqlfrag *cond, int many)
{
	char *sql;
	sqlite3_stmt *st;
	long long n = 0;

	if (filter_sql_force_form >= FORM_DRIVE && filter_sql_force_form <= FORM_WALK)
		return (enum form)filter_sql_force_form;
	if (c->for_count)
		return c->alone ? FORM_DRIVE : FORM_SET;
	sql = xasprintf("SELECT count(*) FROM (SELECT 1 FROM %s WHERE %s LIMIT %d)", from,
			sb_str(&cond->sql), many);
	if (sqlite3_prepare_v2(c->db, sql, -1, &st, NULL) == SQLITE_OK &&
	    sqlfrag_bind(cond, st, 1) > 0 && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	free(sql);
	return n < FEW_ROWS ? FORM_DRIVE : n < many ? FORM_SET : FORM_WALK;
}

enum form pick_form(struct compiler *c, const char *from, const struct sqlfrag *cond)
{
	return pick_form_at(c, from, cond, MANY_ROWS);
}

/* "e.id IN (SELECT col FROM from WHERE cond)", with "+" for FORM_SET. */
void emit_in(struct sqlfrag *out, enum form f, const char *col, const char *from,
	     const struct sqlfrag *cond)
{
	sqlfrag_sql(out, f == FORM_DRIVE ? "e.id IN (SELECT " : "+e.id IN (SELECT ");
	sqlfrag_sql(out, col);
	sqlfrag_sql(out, " FROM ");
	sqlfrag_sql(out, from);
	sqlfrag_sql(out, " WHERE ");
	sqlfrag_append(out, cond);
	sqlfrag_sql(out, ")");
}

int emit_actor_role(struct compiler *c, const struct filter_node *n, const char *role,
		    struct sqlfrag *out)
{
	bool alone = n->op == FILTER_OP_EXACT || n->op == FILTER_OP_EQ;
	struct resolved *r = lookup_entry(c, n, 0);

	for (size_t i = 0; !r->done && i < n->nvalues; i++)
		if (resolve_actors(c->db, n->values[i].text, alone, &r->ids, c->err) < 0)
			return -1;
	r->done = true;
	const struct id_list ids = r->ids; /* borrowed from the look-ups */
	if (ids.n == 0) {
		sqlfrag_sql(out, "0"); /* no such actor: nothing matches */
	} else {
		struct sqlfrag cond;

		sqlfrag_init(&cond);
		emit_list_int(&cond, "ea.actor_id", &ids);
		if (role) { /* in the index: event_actor's key is part of each entry */
			sqlfrag_sql(&cond, " AND ea.role = ");
			sqlfrag_text(&cond, role);
		}
		enum form f = pick_form(c, "event_actor ea", &cond);
		if (f == FORM_WALK) {
			/* "+": each event's few actors through the primary key
			 * (event_id, ...), not a seek per actor id. */
			sqlfrag_sql(out, "EXISTS (SELECT 1 FROM event_actor ea WHERE "
					 "ea.event_id = e.id AND +");
			sqlfrag_append(out, &cond);
			sqlfrag_sql(out, ")");
		} else {
			emit_in(out, f, "ea.event_id", "event_actor ea", &cond);
		}
		sqlfrag_free(&cond);
	}
	return 0;
}

/* Columns holding names, matched by their folded form against stored values. */
static const struct {
	enum filter_field field;
	const char *columns[2];
} name_fields[] = {
    {FILTER_TYPE, {"event_type", "sub_event_type"}},
    {FILTER_REGION, {"admin1", "admin2"}},
    {FILTER_LOCATION, {"location"}},
    {FILTER_COUNTRY, {"country"}},
    {FILTER_ORIGIN, {"origin"}},
};

static char **fold_values(const struct filter_node *n)
{
	char **folded = xcalloc(n->nvalues, sizeof *folded);

	for (size_t i = 0; i < n->nvalues; i++)
		folded[i] = text_fold(n->values[i].text);
	return folded;
}

static void free_folded(char **folded, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(folded[i]);
	free(folded);
}

static int emit_names(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	char **folded = fold_values(n);
	int parts = 0, rc = 0;

	for (size_t k = 0; k < ARRAY_SIZE(name_fields); k++) {
		if (name_fields[k].field != n->field)
			continue;
		sqlfrag_sql(out, "(");
		/* Stop at an error: a later column's success must not turn it
		 * into "no such value", which matches nothing without a word. */
		for (size_t j = 0; rc == 0 && j < 2 && name_fields[k].columns[j]; j++) {
			const char *col = name_fields[k].columns[j];
			struct resolved *r = lookup_entry(c, n, (int)j);
			char expr[64];

			if (!r->done)
				rc = resolve_values(c->db, "event", col, folded, n->nvalues, false,
						    &r->vals, c->err);
			r->done = rc == 0;
			if (rc == 0 && r->vals.n > 0) {
				snprintf(expr, sizeof expr, "e.%s", col);
				sqlfrag_sql(out, parts++ ? " OR " : "");
				emit_list_text(out, expr, &r->vals);
			}
		}
		sqlfrag_sql(out, parts ? ")" : "0)");
	}
	free_folded(folded, n->nvalues);
	return rc;
}

/* layer:NAME: the events a context layer shows (layer.h). Each connection
 * knows which layer it is (layer_name(), db.h), so the term is true for a
 * whole file or for none of it and needs no look-up. */
static void emit_layer(const struct filter_node *n, struct sqlfrag *out)
{
	sqlfrag_sql(out, "fold(layer_name()) IN (");
	for (size_t i = 0; i < n->nvalues; i++) {
		char *folded = text_fold(n->values[i].text);
		sqlfrag_sql(out, i ? ", " : "");
		sqlfrag_text(out, folded);
		free(folded);
	}
	sqlfrag_sql(out, ")");
}

/* starred, tag:NAME, note:TEXT: the events the analyst's notebook marks
 * (notebook.h), found from the marks (few) to the events by their origin
 * ids' index. Without a notebook attached nothing is marked. */
static void emit_marks(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	bool want =
	    !(n->field == FILTER_STARRED && n->nvalues && strcmp(n->values[0].text, "no") == 0);
	if (!notebook_attached(c->db)) {
		sqlfrag_sql(out, want ? "0" : "1");
		return;
	}
	sqlfrag_sql(out, want ? "e.id IN (" : "e.id NOT IN (");
	sqlfrag_sql(out, "SELECT x.id FROM " NOTEBOOK_SCHEMA ".mark m JOIN main.event x"
			 " ON x.origin_id = m.origin_id AND x.origin = m.origin WHERE ");
	if (n->field == FILTER_STARRED) {
		sqlfrag_sql(out, "m.kind = 'star')");
		return;
	}
	bool tag = n->field == FILTER_TAG;
	sqlfrag_sql(out, tag ? "m.kind = 'tag' AND (" : "m.kind = 'note' AND (");
	for (size_t i = 0; i < n->nvalues; i++) {
		char *folded = text_fold(n->values[i].text);
		sqlfrag_sql(out, i ? " OR " : "");
		sqlfrag_sql(out, tag ? "fold(m.value) = " : "instr(fold(m.value), ");
		sqlfrag_text(out, folded);
		sqlfrag_sql(out, tag ? "" : ") > 0");
		free(folded);
	}
	sqlfrag_sql(out, "))");
}

static int emit_source(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	char **folded = fold_values(n);
	struct resolved *r = lookup_entry(c, n, 0);
	/* Publishers by any whole word: "APA" finds "Journal du Cameroun (APA)". */
	int rc = r->done ? 0
			 : resolve_values(c->db, "source", "publisher", folded, n->nvalues, true,
					  &r->vals, c->err);
	const struct str_list pubs = r->vals; /* borrowed from the look-ups */
	bool any = pubs.n > 0;

	r->done = rc == 0;
	if (rc == 0) {
		sqlfrag_sql(out, "e.id IN (SELECT s.event_id FROM source s WHERE ");
		if (pubs.n)
			emit_list_text(out, "s.publisher", &pubs);
		/* A value with a dot is a web address: dakaractu.com */
		for (size_t i = 0; i < n->nvalues; i++) {
			if (!strchr(n->values[i].text, '.'))
				continue;
			char *like = filter_like_pattern("%", folded[i], "%");
			sqlfrag_sql(out, any ? " OR " : "");
			sqlfrag_sql(out, "s.url LIKE ");
			sqlfrag_text(out, like);
			sqlfrag_sql(out, " ESCAPE '\\'");
			free(like);
			any = true;
		}
		sqlfrag_sql(out, any ? ")" : "0)");
	}
	free_folded(folded, n->nvalues);
	return rc;
}

void emit_range(struct sqlfrag *out, const char *col, long long lo, long long hi)
{
	sqlfrag_sql(out, col);
	if (lo == hi) {
		sqlfrag_sql(out, " = ");
		sqlfrag_int(out, lo);
	} else if (hi == LLONG_MAX) {
		sqlfrag_sql(out, " >= ");
		sqlfrag_int(out, lo);
	} else if (lo == LLONG_MIN) {
		sqlfrag_sql(out, " <= ");
		sqlfrag_int(out, hi);
	} else {
		sqlfrag_sql(out, " BETWEEN ");
		sqlfrag_int(out, lo);
		sqlfrag_sql(out, " AND ");
		sqlfrag_int(out, hi);
	}
}

static void emit_day(struct sqlfrag *out, long day)
{
	char buf[DATE_ISO_LEN];

	date_format(buf, day);
	sqlfrag_text(out, buf);
}

/* An event covers [date_start, date_end]; it matches from..to when the two
 * overlap. The second bound on date_start is implied by the first (no event
 * is longer than max_span) and lets the timeline index do the work. When
 * every event ends on or after its start (resolve_spans_ordered), "date_end >=
 * X" is written "(date_start >= X OR date_end >= X)": the same rows, but the
 * first test needs only the index, so a walk reads the row (for date_end)
 * only in the max_span days before X. */
static int emit_dates(struct compiler *c, const struct filter_value *v, struct sqlfrag *out)
{
	long first, last;
	bool both = v->from.set && v->to.set;
	struct lookups *l = c->look;

	if (l->today == LONG_MIN && resolve_today(c->db, &l->today, c->err) < 0)
		return -1;
	sqlfrag_sql(out, both ? "(" : "");
	if (v->from.set) {
		filter_date_days(&v->from, l->today, &first, &last);
		long day = v->from.strict ? last + 1 : first;
		if (l->max_span < 0 && resolve_max_span(c->db, &l->max_span, c->err) < 0)
			return -1;
		if (l->spans_ordered < 0) {
			bool ordered;
			if (resolve_spans_ordered(c->db, &ordered, c->err) < 0)
				return -1;
			l->spans_ordered = ordered;
		}
		if (l->spans_ordered) {
			sqlfrag_sql(out, "(e.date_start >= ");
			emit_day(out, day);
			sqlfrag_sql(out, " OR e.date_end >= ");
			emit_day(out, day);
			sqlfrag_sql(out, ")");
		} else {
			sqlfrag_sql(out, "e.date_end >= ");
			emit_day(out, day);
		}
		sqlfrag_sql(out, " AND e.date_start >= ");
		emit_day(out, day - l->max_span);
	}
	if (v->to.set) {
		filter_date_days(&v->to, l->today, &first, &last);
		sqlfrag_sql(out, both ? " AND " : "");
		sqlfrag_sql(out, "e.date_start <= ");
		emit_day(out, v->to.strict ? first - 1 : last);
	}
	sqlfrag_sql(out, both ? ")" : "");
	return 0;
}

/* A box on lat/lon, then the equirectangular distance: within 0.5% of the
 * great circle at a few hundred km, and plain arithmetic that every SQLite
 * build (and the sqlite3 shell) can evaluate. */
/* The box and the distance over columns "<first>lat", then "<col>lat" etc. */
static void near_cond(struct sqlfrag *out, const char *first, const char *col, double lat,
		      double lon, double dlat, double dlon, double k)
{
	sqlfrag_sql(out, first);
	sqlfrag_sql(out, "lat BETWEEN ");
	sqlfrag_real(out, lat - dlat);
	sqlfrag_sql(out, " AND ");
	sqlfrag_real(out, lat + dlat);
	sqlfrag_sql(out, " AND ");
	sqlfrag_sql(out, col);
	sqlfrag_sql(out, "lon BETWEEN ");
	sqlfrag_real(out, lon - dlon);
	sqlfrag_sql(out, " AND ");
	sqlfrag_real(out, lon + dlon);
	if (k < 0) /* the box alone */
		return;
	sqlfrag_sql(out, " AND (");
	for (int i = 0; i < 2; i++) {
		sqlfrag_sql(out, i ? ") * (" : "");
		sqlfrag_sql(out, col);
		sqlfrag_sql(out, "lat - ");
		sqlfrag_real(out, lat);
	}
	sqlfrag_sql(out, ") + (");
	for (int i = 0; i < 2; i++) {
		sqlfrag_sql(out, i ? ") * (" : "");
		sqlfrag_sql(out, col);
		sqlfrag_sql(out, "lon - ");
		sqlfrag_real(out, lon);
	}
	sqlfrag_sql(out, ") * ");
	sqlfrag_real(out, k * k);
	sqlfrag_sql(out, " <= ");
	sqlfrag_real(out, dlat * dlat);
}

static int emit_near(struct compiler *c, struct filter_value *v, struct sqlfrag *out)
{
	struct resolved *r = lookup_entry(c, v, 0);
	double lat, lon, dlat, dlon, k;

	if (!r->done && resolve_place(c->db, v, &r->lat, &r->lon, c->err) < 0)
		return -1;
	r->done = true;
	lat = r->lat;
	lon = r->lon;
	dlat = v->radius_km / KM_PER_DEGREE;
	k = cos(lat * M_PI / 180);
	dlon = k > dlat / 180 ? dlat / k : 360;
	struct sqlfrag box;
	sqlfrag_init(&box);
	near_cond(&box, "e.", "e.", lat, lon, dlat, dlon, -1);
	/* The box is counted on the (lat, lon) index alone, but that scans the
	 * whole latitude band: stop sooner (a box is dense, so walking it reads
	 * few rows per match). */
	enum form f = pick_form_at(c, "event e", &box, MANY_ROWS / 4);
	sqlfrag_free(&box);
	if (f == FORM_SET) {
		struct sqlfrag cond;
		sqlfrag_init(&cond);
		near_cond(&cond, "", "", lat, lon, dlat, dlon, k);
		emit_in(out, f, "id", "event", &cond);
		sqlfrag_free(&cond);
		return 0;
	}
	/* FORM_WALK: "+" keeps the lat index out of the plan, so the page walks
	 * the timeline in order; FORM_DRIVE: the few rows in the box, sorted. */
	sqlfrag_sql(out, "(");
	near_cond(out, f == FORM_WALK ? "+e." : "e.", "e.", lat, lon, dlat, dlon, k);
	sqlfrag_sql(out, ")");
	return 0;
}

/* fatalities: one value is an ordered range on (fatalities, date_start); a
 * range of values is not, so it takes a form by its number of events. */
static void emit_fatalities(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	struct sqlfrag cond;
	enum form f;
	bool one = n->nvalues == 1 && n->values[0].lo == n->values[0].hi;

	if (one && (!c->for_count || c->alone)) {
		emit_range(out, "e.fatalities", n->values[0].lo, n->values[0].hi);
		return;
	}
	sqlfrag_init(&cond);
	for (size_t i = 0; i < n->nvalues; i++) {
		sqlfrag_sql(&cond, i ? " OR " : "");
		emit_range(&cond, "fatalities", n->values[i].lo, n->values[i].hi);
	}
	f = pick_form(c, "event", &cond);
	if (f == FORM_WALK) {
		sqlfrag_sql(out, n->nvalues > 1 ? "(" : "");
		for (size_t i = 0; i < n->nvalues; i++) {
			sqlfrag_sql(out, i ? " OR " : "");
			emit_range(out, "+e.fatalities", n->values[i].lo, n->values[i].hi);
		}
		sqlfrag_sql(out, n->nvalues > 1 ? ")" : "");
	} else {
		emit_in(out, f, "id", "event", &cond);
	}
	sqlfrag_free(&cond);
}

/* One alternative of a field with typed values. */
static int emit_value(struct compiler *c, const struct filter_node *n, struct filter_value *v,
		      struct sqlfrag *out)
{
	switch (n->field) {
	case FILTER_ID:
		if (filter_id_is_origin(v->text))
			filter_id_emit(out, v->text);
		else
			emit_range(out, "e.id", v->lo, v->hi);
		return 0;
	case FILTER_KIND: {
		/* A literal, not a bound value: the context events' index is
		 * partial (WHERE kind = 'context', schema.sql), and the planner
		 * uses a partial index only for a term it can read. The value is
		 * one of two words parse_kind chose, never the user's bytes.
		 * Counting "-kind:context" with other terms: a set from that
		 * index, so the rows need not be read. */
		bool context = strcmp(v->text, "context") == 0;
		sqlfrag_sql(out, c->for_count && c->negated
				     ? "+e.id IN (SELECT id FROM event WHERE kind = "
				     : "e.kind = ");
		sqlfrag_sql(out, context ? "'context'" : "'incident'");
		sqlfrag_sql(out, c->for_count && c->negated ? ")" : "");
		return 0;
	}
	case FILTER_NEAR:
		return emit_near(c, v, out);
	default:
		return emit_dates(c, v, out);
	}
}

static int emit_field(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	switch (n->field) {
	case FILTER_ACTOR:
		return emit_actor_role(c, n, NULL, out);
	case FILTER_SOURCE:
		return emit_source(c, n, out);
	case FILTER_TYPE:
	case FILTER_REGION:
	case FILTER_LOCATION:
	case FILTER_COUNTRY:
	case FILTER_ORIGIN:
		return emit_names(c, n, out);
	case FILTER_FATALITIES:
		emit_fatalities(c, n, out);
		return 0;
	case FILTER_LAYER:
		emit_layer(n, out);
		return 0;
	case FILTER_STARRED:
	case FILTER_TAG:
	case FILTER_NOTE:
		emit_marks(c, n, out);
		return 0;
	default:
		if (filter_fields_has(n->field))
			return filter_fields_emit(c, n, out);
		break;
	}
	sqlfrag_sql(out, n->nvalues > 1 ? "(" : "");
	for (size_t i = 0; i < n->nvalues; i++) {
		sqlfrag_sql(out, i ? " OR " : "");
		if (emit_value(c, n, &n->values[i], out) < 0)
			return -1;
	}
	sqlfrag_sql(out, n->nvalues > 1 ? ")" : "");
	return 0;
}

/* A word or phrase as an FTS5 string: "..." with " doubled, so no user text
 * is ever read as FTS5 syntax; prefix* kept. */
static void fts_add(struct strbuf *q, const struct filter_node *n)
{
	if (q->len)
		sb_addc(q, ' ');
	sb_addc(q, '"');
	for (const char *s = n->text; *s; s++) {
		if (*s == '"')
			sb_addc(q, '"');
		sb_addc(q, *s);
	}
	sb_addc(q, '"');
	if (n->prefix)
		sb_addc(q, '*');
}

/* A word in most events is tested on each event of the walk (FTS5 looks the
 * one rowid up); a rarer one is a set of rowids or, rarer still, drives. */
static void emit_fts(struct compiler *c, struct sqlfrag *out, const struct strbuf *q)
{
	struct sqlfrag cond;
	enum form f;

	sqlfrag_init(&cond);
	sqlfrag_sql(&cond, "event_fts MATCH ");
	sqlfrag_text(&cond, sb_str(q));
	f = pick_form(c, "event_fts", &cond);
	if (f == FORM_WALK) {
		sqlfrag_sql(out, "EXISTS (SELECT 1 FROM event_fts WHERE ");
		sqlfrag_append(out, &cond);
		sqlfrag_sql(out, " AND rowid = e.id)");
	} else {
		emit_in(out, f, "rowid", "event_fts", &cond);
	}
	sqlfrag_free(&cond);
}

/* AND and OR; the free-text words of an AND go to FTS5 as one query. */
static int emit_list(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	bool and = n->type == FILTER_AND;
	struct strbuf q = STRBUF_INIT;
	struct sqlfrag *parts = xcalloc(n->nkids + 1, sizeof *parts);
	size_t np = 0;
	int rc = 0;

	for (size_t i = 0; and&&i < n->nkids; i++)
		if (n->kids[i]->type == FILTER_TEXT)
			fts_add(&q, n->kids[i]);
	if (q.len)
		emit_fts(c, &parts[np++], &q);
	sb_free(&q);
	for (size_t i = 0; i < n->nkids && rc == 0; i++)
		if (!and || n->kids[i]->type != FILTER_TEXT)
			rc = emit(c, n->kids[i], &parts[np++]);
	if (rc == 0)
		sqlfrag_join(out, parts, np, and? " AND " : " OR ");
	for (size_t i = 0; i < np; i++)
		sqlfrag_free(&parts[i]);
	free(parts);
	return rc;
}

static int emit(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	struct strbuf q = STRBUF_INIT;

	switch (n->type) {
	case FILTER_AND:
	case FILTER_OR:
		return emit_list(c, n, out);
	case FILTER_NOT:
		/* IS NOT 1: an event with no region is among -region:Kayes. */
		sqlfrag_sql(out, "(");
		c->negated++;
		if (emit(c, n->kids[0], out) < 0)
			return -1;
		c->negated--;
		sqlfrag_sql(out, ") IS NOT 1");
		return 0;
	case FILTER_TEXT:
		fts_add(&q, n);
		emit_fts(c, out, &q);
		sb_free(&q);
		return 0;
	case FILTER_FIELD:
		return emit_field(c, n, out);
	}
	return -1;
}

/* One form of tree n appended to *where, from (and adding to) look. */
static int to_sql(sqlite3 *db, const struct filter_node *n, bool for_count, struct lookups *look,
		  struct sqlfrag *where, struct filter_error *err)
{
	struct compiler c = {db, err, look, for_count, false, 0};
	struct sqlfrag frag;
	int rc;

	if (err) {
		err->column = 0;
		err->message[0] = '\0';
		if (look->n == 0) /* the first form of a compile: nothing noted yet */
			err->note[0] = '\0';
	}
	if (!n)
		return 0;
	c.alone = n->type == FILTER_FIELD || n->type == FILTER_TEXT;
	if (n->type == FILTER_AND) {
		c.alone = true; /* words alone are one FTS5 query */
		for (size_t i = 0; i < n->nkids; i++)
			c.alone = c.alone && n->kids[i]->type == FILTER_TEXT;
	}
	/* Built aside, so that *where is untouched on error. */
	sqlfrag_init(&frag);
	rc = emit(&c, n, &frag);
	if (rc == 0)
		sqlfrag_append(where, &frag);
	sqlfrag_free(&frag);
	return rc;
}

void filter_sql_init(struct filter_sql *f)
{
	sqlfrag_init(&f->where);
	sqlfrag_init(&f->count_where);
}

void filter_sql_free(struct filter_sql *f)
{
	sqlfrag_free(&f->where);
	sqlfrag_free(&f->count_where);
}

int filter_compile_tree(sqlite3 *db, const struct filter_node *n, struct filter_sql *out,
			struct filter_error *err)
{
	struct filter_sql f;
	struct lookups look;
	int rc;

	filter_sql_init(&f);
	lookups_init(&look);
	rc = to_sql(db, n, false, &look, &f.where, err);
	if (rc == 0)
		rc = to_sql(db, n, true, &look, &f.count_where, err);
	lookups_free(&look);
	if (rc == 0) {
		filter_sql_free(out);
		*out = f;
	} else {
		filter_sql_free(&f);
	}
	return rc;
}

static int compile(sqlite3 *db, const char *text, bool for_count, struct sqlfrag *where,
		   struct filter_error *err)
{
	struct filter_node *n;
	struct lookups look;
	int rc;

	if (filter_parse(text, &n, err) < 0)
		return -1;
	lookups_init(&look);
	rc = to_sql(db, n, for_count, &look, where, err);
	lookups_free(&look);
	filter_free(n);
	return rc;
}

int filter_compile(sqlite3 *db, const char *text, struct sqlfrag *where, struct filter_error *err)
{
	return compile(db, text, false, where, err);
}

int filter_compile_count(sqlite3 *db, const char *text, struct sqlfrag *where,
			 struct filter_error *err)
{
	return compile(db, text, true, where, err);
}
