/* filter_fields: the fields analysts filter ACLED exports on first, kept in
 * the event's extra JSON or in columns with no index of their own
 * (filter_fields.h): civilians:, interaction:, inter1:, inter2:,
 * disorder:, tags:, admin3:, geo_precision:, precision:, and the actor
 * roles actor1:, actor2:, assoc:. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "filter_compile.h"
#include "filter_fields.h"
#include "filter_lex.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

/* Fields read from extra (the source's own column names: current ACLED
 * exports write them in lower case). The (value, date_start) expression
 * indexes of schema.sql serve the ones whose values can be rare (codes of
 * about fifty interactions, thousands of third-level regions, tag lists);
 * a few values each (inter1/inter2: eight actor types, disorder: four)
 * are common enough that the page walks the timeline and tests each row:
 * about 50 * N / M rows for M matches. A file made before an index
 * existed (opened read-only, so never upgraded) walks too: slower, not
 * wrong. */
static const struct extra_field {
	enum filter_field field;
	const char *expr;  /* over table "event"; the index's expression */
	const char *index; /* its index in schema.sql, or NULL */
	bool words;        /* a list ("a; b"): a value matches a whole word of it */
} extra_fields[] = {
    {FILTER_INTERACTION, "json_extract(extra, '$.interaction')", "event_interaction_date", false},
    {FILTER_INTER1, "json_extract(extra, '$.inter1')", NULL, false},
    {FILTER_INTER2, "json_extract(extra, '$.inter2')", NULL, false},
    {FILTER_DISORDER, "json_extract(extra, '$.disorder_type')", NULL, false},
    {FILTER_TAGS, "json_extract(extra, '$.tags')", "event_tags_date", true},
    {FILTER_ADMIN3, "json_extract(extra, '$.admin3')", "event_admin3_date", false},
};

/* event_actor.role of actor1:, actor2:, assoc: (in the enum's order). */
static const char *const roles[] = {"actor1", "actor2", "assoc"};

static const struct extra_field *extra_field(enum filter_field f)
{
	for (size_t i = 0; i < ARRAY_SIZE(extra_fields); i++)
		if (extra_fields[i].field == f)
			return &extra_fields[i];
	return NULL;
}

bool filter_fields_has(enum filter_field f)
{
	return extra_field(f) || f == FILTER_ACTOR1 || f == FILTER_ACTOR2 || f == FILTER_ASSOC ||
	       f == FILTER_CIVILIANS || f == FILTER_GEO_PRECISION || f == FILTER_PRECISION;
}

/* One of words (case ignored, a prefix of one will do), kept as that word. */
static int one_of(struct filter_value *v, const char *field, const char *const *words, size_t n,
		  const char *hint, struct filter_error *err)
{
	size_t len = strlen(v->text);

	for (size_t i = 0; len && i < n; i++) {
		if (strncasecmp(v->text, words[i], len) == 0) {
			free(v->text);
			v->text = xstrdup(words[i]);
			return 0;
		}
	}
	return filter_fail(err, v->column, "%s is %s, not '%.60s'", field, hint, v->text);
}

int filter_fields_parse(enum filter_field f, struct filter_value *v, struct filter_error *err)
{
	static const char *const yes_no[] = {"yes", "no"};
	static const char *const precisions[] = {"day", "month", "year", "range"};

	switch (f) {
	case FILTER_CIVILIANS:
		return one_of(v, "civilians", yes_no, ARRAY_SIZE(yes_no), "'yes' or 'no'", err);
	case FILTER_PRECISION:
		return one_of(v, "precision", precisions, ARRAY_SIZE(precisions),
			      "'day', 'month', 'year' or 'range'", err);
	case FILTER_GEO_PRECISION:
		if (strlen(v->text) != 1 || v->text[0] < '1' || v->text[0] > '3')
			return filter_fail(err, v->column,
					   "geo_precision is 1, 2 or 3, not '%.60s'", v->text);
		v->lo = v->hi = v->text[0] - '0';
		return 0;
	default:
		return 0;
	}
}

/* Whether the file holds index name (schema.sql's, or none in an older file). */
static int has_index(struct compiler *c, const char *name, bool *yes)
{
	sqlite3_stmt *st;

	filter_counters.lookups++;
	if (sqlite3_prepare_v2(c->db,
			       "SELECT 1 FROM sqlite_schema WHERE type = 'index' AND name = ?", -1,
			       &st, NULL) != SQLITE_OK)
		return filter_fail(c->err, 0, "%s", sqlite3_errmsg(c->db));
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE
		   ? 0
		   : filter_fail(c->err, 0, "%s", sqlite3_errmsg(c->db));
}

/* The expression over alias e: "json_extract(e.extra, ...)". */
static char *on_e(const char *expr)
{
	const char *x = strstr(expr, "(extra") + 1;
	return xasprintf("%.*se.%s", (int)(x - expr), expr, x);
}

/* With its index: the stored values that match (a loose scan of the
 * index), then an equality on the index, an ordered range for one value.
 * Without: each row's value folded and compared. */
static int emit_extra(struct compiler *c, const struct filter_node *n, const struct extra_field *x,
		      struct sqlfrag *out)
{
	struct resolved *r = lookup_entry(c, n, 0);
	char *expr = on_e(x->expr);
	int rc = 0;

	if (!r->done) {
		r->indexed = false;
		if (x->index)
			rc = has_index(c, x->index, &r->indexed);
		if (rc == 0 && r->indexed) {
			char **folded = xcalloc(n->nvalues, sizeof *folded);
			for (size_t i = 0; i < n->nvalues; i++)
				folded[i] = text_fold(n->values[i].text);
			rc = resolve_values(c->db, "event", x->expr, folded, n->nvalues, x->words,
					    &r->vals, c->err);
			for (size_t i = 0; i < n->nvalues; i++)
				free(folded[i]);
			free(folded);
		}
		r->done = rc == 0;
	}
	if (rc == 0 && r->indexed) {
		if (r->vals.n)
			emit_list_text(out, expr, &r->vals);
		else
			sqlfrag_sql(out, "0"); /* no such value: nothing matches */
	} else if (rc == 0) {
		sqlfrag_sql(out, "(");
		for (size_t i = 0; i < n->nvalues; i++) {
			char *folded = text_fold(n->values[i].text);
			size_t len = strlen(folded);
			bool prefix = len && folded[len - 1] == '*';
			sqlfrag_sql(out, i ? " OR " : "");
			/* A list's word: within the text (the index's words
			 * match is finer; this is the slow path of old files). */
			sqlfrag_sql(out, x->words ? "instr(fold(" : "fold(");
			sqlfrag_sql(out, expr);
			if (prefix && !x->words) {
				folded[len - 1] = '\0';
				char *like = filter_like_pattern("", folded, "%");
				sqlfrag_sql(out, ") LIKE ");
				sqlfrag_text(out, like);
				sqlfrag_sql(out, " ESCAPE '\\'");
				free(like);
			} else {
				sqlfrag_sql(out, x->words ? "), " : ") = ");
				sqlfrag_text(out, folded);
				sqlfrag_sql(out, x->words ? ") > 0" : "");
			}
			free(folded);
		}
		sqlfrag_sql(out, ")");
	}
	free(expr);
	return rc;
}

/* precision: the stored precision, through the partial indexes
 * event_precision_date (month, year) and event_range_date (range: a
 * day-precise event over several days), their WHERE terms repeated so the
 * planner may use them; day, nearly every event, is tested on the walk. */
static void emit_precision(const char *p, struct sqlfrag *out)
{
	sqlfrag_sql(out, strcmp(p, "day") == 0
			     ? "(e.date_precision = 'day' AND e.date_end = e.date_start)"
			 : strcmp(p, "range") == 0
			     ? "(e.date_precision = 'day' AND e.date_end <> e.date_start)"
			 : strcmp(p, "month") == 0
			     ? "(e.date_precision = 'month' AND e.date_precision <> 'day')"
			     : "(e.date_precision = 'year' AND e.date_precision <> 'day')");
}

int filter_fields_emit(struct compiler *c, const struct filter_node *n, struct sqlfrag *out)
{
	const struct extra_field *x = extra_field(n->field);

	if (x)
		return emit_extra(c, n, x, out);
	if (n->field == FILTER_ACTOR1 || n->field == FILTER_ACTOR2 || n->field == FILTER_ASSOC)
		return emit_actor_role(c, n, roles[n->field - FILTER_ACTOR1], out);
	sqlfrag_sql(out, n->nvalues > 1 ? "(" : "");
	for (size_t i = 0; i < n->nvalues; i++) {
		const char *v = n->values[i].text;
		sqlfrag_sql(out, i ? " OR " : "");
		if (n->field == FILTER_CIVILIANS)
			/* The column holds "Civilian targeting" or nothing (no
			 * key); the partial index event_civilians_date holds
			 * the events that have it, in the timeline's order. */
			sqlfrag_sql(
			    out, strcmp(v, "yes") == 0
				     ? "json_extract(e.extra, '$.civilian_targeting') IS NOT NULL"
				     : "json_extract(e.extra, '$.civilian_targeting') IS NULL");
		else if (n->field == FILTER_GEO_PRECISION)
			emit_range(out, "e.geo_precision", n->values[i].lo, n->values[i].hi);
		else
			emit_precision(v, out);
	}
	sqlfrag_sql(out, n->nvalues > 1 ? ")" : "");
	return 0;
}
