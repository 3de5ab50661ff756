/* brief: the Markdown report (see brief.h). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/brief.h"
#include "sitrep/db.h"
#include "sitrep/event_record.h"
#include "sitrep/notebook.h"
#include "sitrep/places.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

#define BAR_WIDTH 40 /* the busiest month's bar */

/* Text from the data, sanitised, with every character Markdown (or
 * pandoc's) gives a meaning within a line escaped: it never starts a line
 * here, so the marks of a list or a heading need no escape. */
static void md(FILE *out, const char *s)
{
	struct strbuf sb = STRBUF_INIT;
	text_sanitize(&sb, s ? s : "", 0);
	for (const char *p = sb_str(&sb); *p; p++) {
		if (strchr("\\`*_[]<>|~&$#", *p))
			fputc('\\', out);
		fputc(*p, out);
	}
	sb_free(&sb);
}

/* A link when url is http(s) with nothing that would end it early; else
 * the title and the address as text. */
static void md_link(FILE *out, const char *title, const char *url)
{
	bool ok = url && (strncmp(url, "https://", 8) == 0 || strncmp(url, "http://", 7) == 0);
	for (const char *p = url; ok && *p; p++)
		ok = (unsigned char)*p > ' ' && *p != 0x7f && !strchr("<>()[]`\\\"", *p);
	if (!ok) {
		md(out, title && *title ? title : "(untitled)");
		if (url && *url) {
			fputs(" (", out);
			md(out, url);
			fputs(")", out);
		}
		return;
	}
	fputc('[', out);
	md(out, title && *title ? title : url);
	fprintf(out, "](%s)", url);
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql, const struct sqlfrag *where)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return NULL;
	if (!sqlfrag_empty(where) && sqlfrag_bind(where, st, 1) < 0) {
		sqlite3_finalize(st);
		return NULL;
	}
	return st;
}

/* head, the filter's condition in parentheses, tail. */
static char *with_cond(const char *head, const char *tail, const struct sqlfrag *where)
{
	return xasprintf("%s(%s)%s", head, sqlfrag_empty(where) ? "1" : sb_str(&where->sql), tail);
}

struct span {
	char first[11], last[11];
	long long events;
};

static int summary(FILE *out, sqlite3 *db, const struct sqlfrag *where, struct span *sp)
{
	char *sql = with_cond("SELECT count(*), sum(e.kind = 'incident'), sum(e.kind = 'context'),"
			      " count_sum(e.fatalities), min(e.date_start),"
			      " max(coalesce(e.date_end, e.date_start)) FROM event e WHERE ",
			      "", where);
	sqlite3_stmt *st = prepare(db, sql, where);
	free(sql);
	if (!st || sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_finalize(st);
		return -1;
	}
	sp->events = sqlite3_column_int64(st, 0);
	char *first = db_column_dup_or(st, 4, ""), *last = db_column_dup_or(st, 5, "");
	snprintf(sp->first, sizeof sp->first, "%.10s", first);
	snprintf(sp->last, sizeof sp->last, "%.10s", last);
	fprintf(out,
		"## Summary\n\n"
		"- **Events:** %lld (%lld incidents, %lld context events)\n"
		"- **Fatalities:** %lld\n",
		sp->events, sqlite3_column_int64(st, 1), sqlite3_column_int64(st, 2),
		sqlite3_column_int64(st, 3));
	if (sp->events) {
		fputs("- **Span:** ", out);
		md(out, sp->first);
		fputs(" to ", out);
		md(out, sp->last);
		fputc('\n', out);
	}
	fputc('\n', out);
	free(first);
	free(last);
	sqlite3_finalize(st);
	return 0;
}

/* Months from first to last, each with its bar (months with none too, so
 * that a gap shows as one). */
static int chart(FILE *out, sqlite3 *db, const struct sqlfrag *where)
{
	char *sql = with_cond("SELECT substr(e.date_start, 1, 7), count(*), count_sum(e.fatalities)"
			      " FROM event e WHERE ",
			      " GROUP BY 1 ORDER BY 1", where);
	sqlite3_stmt *st = prepare(db, sql, where);
	free(sql);
	if (!st)
		return -1;
	long long max = 1;
	while (sqlite3_step(st) == SQLITE_ROW)
		if (sqlite3_column_int64(st, 1) > max)
			max = sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	fputs("## Events per month\n\n```text\nmonth    events  killed\n", out);
	int y = 0, m = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		int ky, km;
		if (!key || sscanf(key, "%4d-%2d", &ky, &km) != 2)
			continue;
		/* the empty months since the last one */
		while (y && (y < ky || (y == ky && m < km))) {
			fprintf(out, "%04d-%02d  %6d  %6d\n", y, m, 0, 0);
			if (++m > 12) {
				m = 1;
				y++;
			}
			if (y == ky && m == km)
				break;
		}
		long long n = sqlite3_column_int64(st, 1);
		int bar = (int)((n * BAR_WIDTH + max - 1) / max);
		fprintf(out, "%04d-%02d  %6lld  %6lld  ", ky, km, n, sqlite3_column_int64(st, 2));
		for (int i = 0; i < bar; i++)
			fputc('#', out);
		fputc('\n', out);
		y = km == 12 ? ky + 1 : ky;
		m = km == 12 ? 1 : km + 1;
	}
	fputs("```\n\n", out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* A table of the top names by events: sql yields name, events, killed. */
static int top(FILE *out, sqlite3 *db, const char *heading, const char *head, const char *tail,
	       const struct sqlfrag *where)
{
	char *sql = with_cond(head, tail, where);
	sqlite3_stmt *st = prepare(db, sql, where);
	free(sql);
	if (!st)
		return -1;
	fprintf(out, "## %s\n\n| | events | fatalities |\n|---|---:|---:|\n", heading);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *name = db_column_dup_or(st, 0, "(none)");
		fputs("| ", out);
		md(out, name);
		fprintf(out, " | %lld | %lld |\n", sqlite3_column_int64(st, 1),
			sqlite3_column_int64(st, 2));
		free(name);
	}
	fputc('\n', out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* The file's context events that overlap the filtered events' span
 * (whether the filter matches them or not: they are the background). */
static int context(FILE *out, sqlite3 *db, const struct span *sp)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT id, date_start, date_precision, title FROM event"
			       " WHERE kind = 'context' AND date_start <= ?1"
			       " AND coalesce(date_end, date_start) >= ?2 ORDER BY date_start, id",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, sp->last, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, sp->first, -1, SQLITE_STATIC);
	fputs("## Context events in the span\n\n", out);
	int rc, n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *date = db_column_dup_or(st, 1, "?"), *prec = db_column_dup_or(st, 2, "?"),
		     *title = db_column_dup_or(st, 3, "");
		fputs("- ", out);
		md(out, date);
		fputs(" (", out);
		md(out, prec);
		fputs("): ", out);
		md(out, title);
		fprintf(out, " (event %lld)\n", sqlite3_column_int64(st, 0));
		free(date);
		free(prec);
		free(title);
		n++;
	}
	fputs(n ? "\n" : "None.\n\n", out);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

static const struct {
	const char *role, *label;
} sides[] = {
    {"actor1", "Side 1"},    {"actor2", "Side 2"}, {"claimed", "Claimed by"},
    {"assoc", "Associated"}, {"target", "Target"}, {"involved", "Involved"},
};

static void count_text(FILE *out, long long n)
{
	if (n == DB_BAD_COUNT)
		fputs("not a count", out);
	else if (n < 0)
		fputs("unknown", out);
	else
		fprintf(out, "%lld", n);
}

static void event_place(FILE *out, const struct event_record *r)
{
	const char *parts[] = {r->location, r->admin2, r->admin1, r->country};
	bool any = false;
	fputs("- **Place:** ", out);
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++)
		if (parts[i] && *parts[i]) {
			fputs(any ? ", " : "", out);
			md(out, parts[i]);
			any = true;
		}
	if (!any)
		fputs("unknown", out);
	if (r->has_coords)
		fprintf(out, " (%.4f, %.4f)", r->lat, r->lon);
	if (r->has_capital) {
		char buf[200];
		place_rel_format(&r->capital, buf, sizeof buf);
		fputs(", ", out);
		md(out, buf);
	}
	fputc('\n', out);
}

static void event_entry(FILE *out, const struct event_record *r)
{
	fputs("### ", out);
	md(out, r->date_start);
	if (r->date_end && strcmp(r->date_end, r->date_start) != 0) {
		fputs(" to ", out);
		md(out, r->date_end);
	}
	fputs(" (", out);
	md(out, r->date_precision);
	fputs("): ", out);
	md(out, r->title);
	fprintf(out, "\n\n- **Event:** %lld, ", r->id);
	md(out, r->kind);
	if (r->event_type) {
		fputs(", ", out);
		md(out, r->event_type);
		if (r->sub_event_type) {
			fputs(" / ", out);
			md(out, r->sub_event_type);
		}
	}
	fputc('\n', out);
	event_place(out, r);
	for (size_t s = 0; s < ARRAY_SIZE(sides); s++) {
		bool any = false;
		for (int i = 0; i < r->nactors; i++) {
			if (!r->actors[i].role || strcmp(r->actors[i].role, sides[s].role) != 0)
				continue;
			fprintf(out, any ? "; " : "- **%s:** ", sides[s].label);
			md(out, r->actors[i].name);
			any = true;
		}
		if (any)
			fputc('\n', out);
	}
	fputs("- **Fatalities:** ", out);
	count_text(out, r->fatalities);
	if (r->fatalities_low >= 0 || r->fatalities_high >= 0) {
		fputs(" (", out);
		count_text(out, r->fatalities_low);
		fputs(" to ", out);
		count_text(out, r->fatalities_high);
		fputs(")", out);
	}
	if (event_record_figures_disagree(r)) {
		const char *sep = "; the sources differ: ";
		for (int i = 0; i < r->nsources; i++) {
			if (r->sources[i].fatalities == -1)
				continue;
			fputs(sep, out);
			sep = ", ";
			md(out,
			   r->sources[i].publisher ? r->sources[i].publisher : r->sources[i].title);
			fputs(" ", out);
			count_text(out, r->sources[i].fatalities);
		}
	}
	fputc('\n', out);
	if (r->nsources)
		fputs("- **Sources:**\n", out);
	for (int i = 0; i < r->nsources; i++) {
		const struct event_record_source *s = &r->sources[i];
		fputs("  - ", out);
		md_link(out, s->title, s->url);
		if (s->publisher) {
			fputs(", ", out);
			md(out, s->publisher);
		}
		if (s->published) {
			fputs(", ", out);
			md(out, s->published);
		}
		fputc('\n', out);
	}
	fputc('\n', out);
}

/* The event's marks in nb, as "- **Marks:**" and one item each: a star,
 * a tag or a note (its lines joined, as a list item holds one paragraph),
 * each with its author and time. */
static int event_marks(FILE *out, struct notebook *nb, const struct event_record *r, char **err)
{
	struct mark *v = NULL;
	size_t n = 0;
	if (!r->origin || !r->origin_id)
		return 0;
	if (notebook_marks(nb, r->origin, r->origin_id, &v, &n, err) < 0)
		return -1;
	if (n)
		fputs("- **Marks:**\n", out);
	for (size_t i = 0; i < n; i++) {
		fputs("  - ", out);
		md(out, mark_kind_name(v[i].kind));
		if (v[i].value && *v[i].value) {
			fputs(": ", out);
			for (char *c = v[i].value; *c; c++)
				if (*c == '\n' || *c == '\r')
					*c = ' ';
			md(out, v[i].value);
		}
		fputs(" (", out);
		md(out, v[i].author ? v[i].author : "?");
		fputs(", ", out);
		md(out, v[i].created ? v[i].created : "?");
		fputs(")\n", out);
	}
	marks_free(v, n);
	return 0;
}

static int events(FILE *out, sqlite3 *db, const struct sqlfrag *where, struct notebook *nb,
		  char **err)
{
	char *sql =
	    with_cond("SELECT e.id FROM event e WHERE ", " ORDER BY e.date_start, e.id", where);
	sqlite3_stmt *st = prepare(db, sql, where);
	free(sql);
	if (!st)
		return -1;
	fputs("## Events\n\n", out);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct event_record r;
		if (event_record_load(db, sqlite3_column_int64(st, 0), &r, err) != 0) {
			sqlite3_finalize(st);
			return -1;
		}
		event_entry(out, &r);
		int mrc = nb ? event_marks(out, nb, &r, err) : 0;
		event_record_free(&r);
		if (mrc < 0) {
			sqlite3_finalize(st);
			return -1;
		}
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : -1;
}

int brief_write(sqlite3 *db, const char *filter, const struct sqlfrag *where, struct notebook *nb,
		FILE *out, char **err)
{
	struct span sp = {{0}, {0}, 0};
	*err = NULL;
	fputs("# Brief: ", out);
	if (filter && *filter)
		md(out, filter);
	else
		fputs("all events", out);
	fputs("\n\n- **Filter:** ", out);
	if (filter && *filter) {
		fputc('`', out);
		/* in a code span only a backtick would end it */
		struct strbuf sb = STRBUF_INIT;
		text_sanitize(&sb, filter, 0);
		for (const char *p = sb_str(&sb); *p; p++)
			fputc(*p == '`' ? '\'' : *p, out);
		sb_free(&sb);
		fputc('`', out);
	} else {
		fputs("none", out);
	}
	fputs("\n\n", out);
	if (summary(out, db, where, &sp) < 0 || (sp.events && chart(out, db, where) < 0) ||
	    top(out, db, "Top actors",
		"SELECT a.name, count(*), count_sum(x.fatalities) FROM (SELECT DISTINCT"
		" ea.actor_id AS actor_id, e.id, e.fatalities AS fatalities FROM event e"
		" JOIN event_actor ea ON ea.event_id = e.id WHERE ",
		") x"
		" JOIN actor a ON a.id = x.actor_id GROUP BY a.id ORDER BY 2 DESC, 1 LIMIT 10",
		where) < 0 ||
	    top(out, db, "Top regions",
		"SELECT coalesce(e.admin1, '(none)'), count(*), count_sum(e.fatalities)"
		" FROM event e WHERE ",
		" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10", where) < 0 ||
	    (sp.events && context(out, db, &sp) < 0) || events(out, db, where, nb, err) < 0) {
		if (!*err)
			*err = xasprintf("brief: %s", sqlite3_errmsg(db));
		return -1;
	}
	if (fflush(out) != 0 || ferror(out)) {
		*err = xstrdup("write error");
		return -1;
	}
	return 0;
}
