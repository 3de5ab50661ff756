/* filter_resolve: database look-ups done once per compile, so that the SQL
 * the compiler writes compares indexed columns with exact stored values
 * (index-friendly, and the same SQL runs in the sqlite3 shell, which has no
 * fold() function). */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "filter_lex.h"
#include "filter_resolve.h"
#include "sitrep/places.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

/* More distinct values than this in one column is not a name list. */
#define MAX_DISTINCT 200000

void id_list_free(struct id_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

void str_list_free(struct str_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof *l);
}

static void id_add(struct id_list *l, long long id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = id;
}

static void str_add(struct str_list *l, const char *s)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 8;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	l->v[l->n++] = xstrdup(s);
}

static int db_fail(sqlite3 *db, struct filter_error *err)
{
	return filter_fail(err, 0, "%s%s", sqlite3_errmsg(db), db_busy_hint(db));
}

/* Run sql with text parameters; add column 0 of each row to ids. */
static int collect_ids(sqlite3 *db, const char *sql, const char *a, const char *b, long long parent,
		       struct id_list *ids, struct filter_error *err)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err);
	if (a)
		sqlite3_bind_text(st, 1, a, -1, SQLITE_STATIC);
	if (b)
		sqlite3_bind_text(st, 2, b, -1, SQLITE_STATIC);
	if (!a)
		sqlite3_bind_int64(st, 1, parent);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		id_add(ids, sqlite3_column_int64(st, 0));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : db_fail(db, err);
}

/* "wag%" style patterns with LIKE's own wildcards escaped. */
char *filter_like_pattern(const char *prefix, const char *s, const char *suffix)
{
	struct strbuf sb = STRBUF_INIT;

	sb_add(&sb, prefix);
	for (; *s; s++) {
		if (*s == '%' || *s == '_' || *s == '\\')
			sb_addc(&sb, '\\');
		sb_addc(&sb, *s);
	}
	sb_add(&sb, suffix);
	return sb_detach(&sb);
}

int resolve_actors(sqlite3 *db, const char *name, bool alone, struct id_list *ids,
		   struct filter_error *err)
{
	char *folded = text_fold(name);
	size_t first = ids->n;
	int rc;

	filter_counters.lookups++;
	rc = collect_ids(db, "SELECT actor_id FROM actor_alias WHERE folded = ?1", folded, NULL, 0,
			 ids, err);
	if (rc == 0 && ids->n == first && folded[0]) {
		/* No such name: try names with a word that starts so ("wagner" finds
		 * "Wagner Group", "macina" finds "Katiba Macina"). */
		char *start = filter_like_pattern("", folded, "%");
		char *word = filter_like_pattern("% ", folded, "%");

		rc = collect_ids(db,
				 "SELECT actor_id FROM actor_alias WHERE folded LIKE ?1"
				 " ESCAPE '\\' OR folded LIKE ?2 ESCAPE '\\'",
				 start, word, 0, ids, err);
		free(start);
		free(word);
	}
	free(folded);
	/* Affiliates, breadth first: ids grows while it is walked. */
	for (size_t i = first; rc == 0 && !alone && i < ids->n; i++)
		rc = collect_ids(db, "SELECT id FROM actor WHERE parent_id = ?1", NULL, NULL,
				 ids->v[i], ids, err);
	return rc;
}

/* True when word occurs in s at the start of a word of s ("apa" in
 * "journal de conakry (apa)"), and ends a word unless prefix. */
static bool has_word(const char *s, const char *word, size_t len, bool prefix)
{
	for (const char *p = s; (p = strstr(p, word)) != NULL; p++) {
		bool starts = p == s || !isalnum((unsigned char)p[-1]);
		bool ends = prefix || !isalnum((unsigned char)p[len]);

		if (starts && ends)
			return true;
	}
	return false;
}

static bool pattern_match(const char *folded_value, char **patterns, size_t n, bool words)
{
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(patterns[i]);
		bool prefix = len > 0 && patterns[i][len - 1] == '*';

		if (words) {
			char *w = xstrndup(patterns[i], prefix ? len - 1 : len);
			bool hit = w[0] && has_word(folded_value, w, strlen(w), prefix);

			free(w);
			if (hit)
				return true;
		} else if (prefix) {
			if (strncmp(folded_value, patterns[i], len - 1) == 0)
				return true;
		} else if (strcmp(folded_value, patterns[i]) == 0) {
			return true;
		}
	}
	return false;
}

/* The values of column that may fold to one of the patterns, when all
 * start with an ASCII letter or digit: those starting with that character
 * in either case, and every value starting with a non-ASCII character
 * (accented letters fold to ASCII ones). A loose scan of each such range:
 * a column of thousands of values (admin3) costs tens of seeks, not
 * thousands. 1 when the patterns do not allow it. */
static int resolve_ranges(sqlite3 *db, const char *table, const char *column, char **folded,
			  size_t npatterns, struct str_list *out, struct filter_error *err)
{
	char starts[2 * 36 + 1][3] = {{0}};
	size_t nstarts = 0;

	for (size_t i = 0; i < npatterns; i++) {
		char c = folded[i][0];
		bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
		if (!alnum || folded[i][1] == '\0')
			return 1; /* a one-letter name is not worth the bother */
		char both[2] = {c, c >= 'a' && c <= 'z' ? (char)(c - 32) : c};
		for (int k = 0; k < 2; k++) {
			bool seen = false;
			for (size_t j = 0; j < nstarts; j++)
				seen = seen || starts[j][0] == both[k];
			if (!seen && nstarts < ARRAY_SIZE(starts) - 1)
				starts[nstarts++][0] = both[k];
		}
	}
	memcpy(starts[nstarts++], "\xc2\x80", 3); /* U+0080 and on */
	char *sql = xasprintf("SELECT min(%s) FROM %s WHERE %s >= ?1 AND %s < ?2", column, table,
			      column, column);
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, err);
	filter_counters.lookups++;
	rc = SQLITE_ROW;
	for (size_t r = 0; r < nstarts && rc == SQLITE_ROW; r++) {
		bool last_range = starts[r][0] == '\xc2';
		char end[2] = {(char)(starts[r][0] + 1), 0};
		char *from = xstrdup(starts[r]);
		for (int steps = 0; steps < MAX_DISTINCT; steps++) {
			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, from, -1, SQLITE_TRANSIENT);
			/* the last range has no end: every text is below a blob */
			if (last_range)
				sqlite3_bind_blob(st, 2, "", 0, SQLITE_STATIC);
			else
				sqlite3_bind_text(st, 2, end, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(st);
			if (rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
				break;
			const char *v = (const char *)sqlite3_column_text(st, 0);
			char *f = text_fold(v);
			if (pattern_match(f, folded, npatterns, false))
				str_add(out, v);
			free(f);
			free(from);
			from = xasprintf("%s\x01", v); /* the least text after v */
		}
		free(from);
		if (rc == SQLITE_DONE)
			rc = SQLITE_ROW;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, err);
}

int resolve_values(sqlite3 *db, const char *table, const char *column, char **folded,
		   size_t npatterns, bool words, struct str_list *out, struct filter_error *err)
{
	int ranged = words ? 1 : resolve_ranges(db, table, column, folded, npatterns, out, err);
	if (ranged <= 0)
		return ranged;
	char *sql = xasprintf("SELECT min(%s) FROM %s WHERE %s > ?1", column, table, column);
	sqlite3_stmt *st;
	char *last = xstrdup("");
	int rc = SQLITE_ROW, steps = 0;

	filter_counters.lookups++;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		free(sql);
		free(last);
		return db_fail(db, err);
	}
	free(sql);
	/* A loose index scan: each step seeks to the next distinct value. */
	while (steps++ < MAX_DISTINCT) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, last, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(st);
		if (rc != SQLITE_ROW || sqlite3_column_type(st, 0) == SQLITE_NULL)
			break;
		free(last);
		last = xstrdup((const char *)sqlite3_column_text(st, 0));
		char *f = text_fold(last);
		if (pattern_match(f, folded, npatterns, words))
			str_add(out, last);
		free(f);
	}
	sqlite3_finalize(st);
	free(last);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err);
	return 0;
}

static int kind_rank(const char *kind)
{
	static const char *const kinds[] = {"city", "town", "village", "suburb", "hamlet"};

	for (size_t i = 0; kind && i < ARRAY_SIZE(kinds); i++)
		if (strcmp(kind, kinds[i]) == 0)
			return (int)i;
	return (int)ARRAY_SIZE(kinds);
}

/* The index of the clear winner among places with one name, or -1:
 * the most populous when its population is known and greater than the
 * next one's; else the only one of the highest kind (a town before a hamlet). */
static int pick_place(const struct place *p, int n)
{
	int best = 0, ties = 0;

	if (n == 1 || (p[0].population > 0 && p[0].population > p[1].population))
		return 0;
	for (int i = 1; i < n; i++)
		if (kind_rank(p[i].kind) < kind_rank(p[best].kind))
			best = i;
	for (int i = 0; i < n; i++)
		ties += kind_rank(p[i].kind) == kind_rank(p[best].kind);
	return ties == 1 ? best : -1;
}

/* near:#24<50km: the place of event 24 (its row id, as :goto #24 takes). */
static int resolve_event_place(sqlite3 *db, struct filter_value *v, double *lat, double *lon,
			       struct filter_error *err)
{
	sqlite3_stmt *st;
	char *end;
	long long id = strtoll(v->place + 1, &end, 10);
	int rc;

	if (end == v->place + 1 || *end)
		return filter_fail(err, v->column, "near: '%.40s' is no event (e.g. near:#24<50km)",
				   v->place);
	filter_counters.lookups++;
	if (sqlite3_prepare_v2(db, "SELECT lat, lon FROM event WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return db_fail(db, err);
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL &&
	    sqlite3_column_type(st, 1) != SQLITE_NULL) {
		*lat = sqlite3_column_double(st, 0);
		*lon = sqlite3_column_double(st, 1);
		sqlite3_finalize(st);
		if (fabs(*lat) > 90 || fabs(*lon) > 180)
			return filter_fail(err, v->column, "event #%lld has no place on the globe",
					   id);
		return 0;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return filter_fail(err, v->column, "event #%lld has no coordinates", id);
	if (rc != SQLITE_DONE)
		return db_fail(db, err);
	return filter_fail(err, v->column, "no event #%lld", id);
}

/* A place the gazetteer lacks: where the file's own events at a location
 * of that name most often are, said in err->note. */
static int resolve_event_location(sqlite3 *db, struct filter_value *v, double *lat, double *lon,
				  struct filter_error *err)
{
	char *msg = NULL;
	long long n = 0;
	int rc = places_from_events(db, v->place, NULL, lat, lon, &n, &msg);

	if (rc < 0) {
		filter_fail(err, 0, "%s", msg ? msg : "place look-up failed");
		free(msg);
		return -1;
	}
	if (rc > 0)
		return filter_fail(err, 0, "no place named '%.100s' in the gazetteer or the events",
				   v->place);
	if (err)
		snprintf(
		    err->note, sizeof err->note,
		    "near:%.60s is not in the gazetteer: taken from this file's events, %lld of "
		    "which are at %.4f,%.4f",
		    v->place, n, *lat, *lon);
	return 0;
}

int resolve_place(sqlite3 *db, struct filter_value *v, double *lat, double *lon,
		  struct filter_error *err)
{
	struct place *p;
	char *msg = NULL;
	int n, pick;

	if (!v->place) {
		*lat = v->lat;
		*lon = v->lon;
		return 0;
	}
	if (v->place[0] == '#')
		return resolve_event_place(db, v, lat, lon, err);
	filter_counters.lookups++;
	n = places_lookup(db, v->place, &p, &msg);
	if (n < 0) {
		filter_fail(err, 0, "%s", msg ? msg : "place look-up failed");
		free(msg);
		return -1;
	}
	if (n == 0)
		return resolve_event_location(db, v, lat, lon, err);
	pick = pick_place(p, n);
	if (pick < 0) {
		struct strbuf sb = STRBUF_INIT;

		for (int i = 0; i < n && i < 4; i++)
			sb_addf(&sb, "%s%s (%s, %.4f,%.4f)", i ? ", " : "", p[i].name,
				p[i].admin1 ? p[i].admin1
				: p[i].kind ? p[i].kind
					    : "?",
				p[i].lat, p[i].lon);
		if (n > 4)
			sb_addf(&sb, " and %d more", n - 4);
		filter_fail(err, v->column, "'%.40s' is ambiguous: %s; give lat,lon instead",
			    v->place, sb_str(&sb));
		sb_free(&sb);
		places_free(p, n);
		return -1;
	}
	*lat = p[pick].lat;
	*lon = p[pick].lon;
	places_free(p, n);
	return 0;
}

/* One number from sql (NULL reads as 0). */
static int one_int(sqlite3 *db, const char *sql, long *out, struct filter_error *err)
{
	sqlite3_stmt *st;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(db, err);
	}
	*out = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* All three are served by the partial expression index event_span
 * (schema.sql), which holds only the events whose span is not 0 (most
 * events last one day): one seek each, and min() and max() in one query
 * would defeat that. Each query repeats the index's WHERE term word for
 * word, since that is how the planner knows the index may serve it. */
#define SPAN       "(julianday(date_end) - julianday(date_start))"
#define SPAN_NOT_0 " WHERE " SPAN " IS NOT 0"

int resolve_today(sqlite3 *db, long *today, struct filter_error *err)
{
	const char *pin = getenv("SITREP_NOW");
	sqlite3_stmt *st;
	struct date_span d;
	int rc;

	*today = date_today();
	if (!pin || strcmp(pin, DATE_NOW_LATEST) != 0)
		return 0;
	filter_counters
	    .lookups++; /* One seek on event_date. An empty file keeps the clock's today. */
	if (sqlite3_prepare_v2(db, "SELECT max(date_start) FROM event", -1, &st, NULL) != SQLITE_OK)
		return db_fail(db, err);
	rc = sqlite3_step(st);
	const char *newest = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	if (newest && date_parse_iso(newest, &d) == 0)
		*today = d.start;
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : db_fail(db, err);
}

int resolve_max_span(sqlite3 *db, long *days, struct filter_error *err)
{
	/* NULL (every event one day long) reads as 0. */
	filter_counters.lookups++;
	return one_int(db, "SELECT max" SPAN " FROM event" SPAN_NOT_0, days, err);
}

int resolve_spans_ordered(sqlite3 *db, bool *ordered, struct filter_error *err)
{
	long bad = 0, negative = 0;

	filter_counters.lookups++;
	if (one_int(db, "SELECT EXISTS (SELECT 1 FROM event" SPAN_NOT_0 " AND " SPAN " IS NULL)",
		    &bad, err) < 0 ||
	    one_int(db, "SELECT EXISTS (SELECT 1 FROM event" SPAN_NOT_0 " AND " SPAN " < 0)",
		    &negative, err) < 0)
		return -1;
	*ordered = !bad && !negative;
	return 0;
}
