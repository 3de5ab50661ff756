/* export_native: the sitrep text format (data/README.md), so an export can
 * be read back with `sitrep import`: the meta records, every actor the
 * events name (with their parents, kinds and aliases), then the events.
 * A value's line breaks become "|" continuation lines (data/README.md). */
#include "config.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "export_writer.h"
#include "sitrep/date.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

/* A value's line break goes on as a continuation line starting "  |",
 * which the reader takes as a line break rather than a space; CRLF and a
 * lone CR are written as one break. */
static void lines(FILE *f, const char *v, enum out_controls controls)
{
	/* This format is read back exactly by import: its files keep every
	 * byte; only a terminal gets the control characters made visible. */
	struct strbuf buf = STRBUF_INIT;
	if (controls == OUT_CONTROLS_TERMINAL &&
	    text_escape(&buf, v, strlen(v), TEXT_ESC_TAB | TEXT_ESC_LF | TEXT_ESC_UNSAFE))
		v = sb_str(&buf);
	for (; *v; v++) {
		if (*v == '\r' && v[1] == '\n')
			continue;
		if (*v == '\n' || *v == '\r')
			fputs("\n  |", f);
		else
			fputc(*v, f);
	}
	sb_free(&buf);
}

/* A key a record can hold: a word of letters, digits, '-', '_' and '.'.
 * A file from elsewhere can hold any text where a key is taken from
 * (meta's keys, an actor's role): one with a ':' or a line break would
 * write other fields than its own. */
static bool key_ok(const char *key)
{
	if (!key || !*key)
		return false;
	for (const char *p = key; *p; p++)
		if (!strchr("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.",
			    *p))
			return false;
	return true;
}

static bool role_ok(const char *role)
{
	static const char *const roles[] = {"actor1",  "actor2", "assoc",
					    "claimed", "target", "involved"};
	for (size_t i = 0; i < sizeof(roles) / sizeof(roles[0]); i++)
		if (strcmp(role, roles[i]) == 0)
			return true;
	return false;
}

/* "key: value"; nothing for an empty value. */
static void kv(FILE *f, const char *key, const char *v, enum out_controls c)
{
	if (!v || !*v)
		return;
	fprintf(f, "%s: ", key);
	lines(f, v, c);
	fputc('\n', f);
}

static void write_meta(FILE *f, sqlite3 *db, enum out_controls c)
{
	sqlite3_stmt *st;
	/* Not "fingerprint": how this file hashes its events, not the data's. */
	if (sqlite3_prepare_v2(
		db, "SELECT key, value FROM meta WHERE key <> 'fingerprint' ORDER BY key", -1, &st,
		NULL) != SQLITE_OK)
		return;
	bool any = false;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *key = (const char *)sqlite3_column_text(st, 0);
		if (!key_ok(key))
			continue;
		if (!any)
			fputs("\n@meta\n", f);
		any = true;
		kv(f, key, (const char *)sqlite3_column_text(st, 1), c);
	}
	sqlite3_finalize(st);
}

static void write_aliases(FILE *f, sqlite3 *db, sqlite3_int64 id, const char *name,
			  enum out_controls c)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db,
			       "SELECT alias FROM actor_alias WHERE actor_id = ? ORDER BY alias",
			       -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, id);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *alias = (const char *)sqlite3_column_text(st, 0);
		if (alias && (!name || strcmp(alias, name) != 0))
			kv(f, "alias", alias, c);
	}
	sqlite3_finalize(st);
}

/* Actors named by the exported events, and their parents up the chain,
 * parents first so each record's parent is already known. */
static void write_actors(FILE *f, sqlite3 *db, const struct sqlfrag *where, enum out_controls c)
{
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "WITH RECURSIVE used(id, depth) AS ("
		     " SELECT DISTINCT ea.actor_id, 0 FROM event_actor ea JOIN event e"
		     " ON e.id = ea.event_id WHERE ");
	sb_add(&sql, where && !sqlfrag_empty(where) ? sb_str(&where->sql) : "1");
	sb_add(&sql, " UNION SELECT a.parent_id, used.depth + 1 FROM actor a JOIN used"
		     " ON a.id = used.id WHERE a.parent_id IS NOT NULL AND used.depth < 32)"
		     " SELECT a.id, a.name, a.kind, p.name, a.description FROM actor a"
		     " LEFT JOIN actor p ON p.id = a.parent_id"
		     " WHERE a.id IN (SELECT id FROM used)"
		     " ORDER BY (SELECT max(depth) FROM used WHERE used.id = a.id) DESC, a.name");
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL);
	sb_free(&sql);
	if (rc != SQLITE_OK || (where && sqlfrag_bind(where, st, 1) < 0))
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *name = (const char *)sqlite3_column_text(st, 1);
		fputs("\n@actor\n", f);
		kv(f, "name", name, c);
		kv(f, "kind", (const char *)sqlite3_column_text(st, 2), c);
		kv(f, "parent", (const char *)sqlite3_column_text(st, 3), c);
		write_aliases(f, db, sqlite3_column_int64(st, 0), name, c);
		kv(f, "description", (const char *)sqlite3_column_text(st, 4), c);
	}
	sqlite3_finalize(st);
}

static void native_begin(FILE *f, sqlite3 *db, const struct sqlfrag *where, enum out_controls c,
			 unsigned cols)
{
	fputs("# sitrep-data 1\n# written by sitrep export\n", f);
	write_meta(f, db, c);
	write_actors(f, db, where, c);
}

static void write_date(FILE *f, const struct xevent *ev)
{
	const char *s = ev->col[X_START], *e = ev->col[X_END], *p = ev->col[X_PREC];
	struct date_span a, b;
	if (date_parse_iso(s, &a) < 0 || date_parse_iso(e, &b) < 0) {
		/* not dates (a file from elsewhere): as text, which the reader
		 * then refuses, naming the line */
		kv(f, "date", *s ? s : "?", ev->controls);
		return;
	}
	if (strcmp(p, "year") == 0 && strncmp(s, e, 4) == 0)
		fprintf(f, "date: %.4s\n", s);
	else if (strcmp(p, "month") == 0 && strncmp(s, e, 7) == 0)
		fprintf(f, "date: %.7s\n", s);
	else if (strcmp(s, e) == 0)
		fprintf(f, "date: %s\n", s);
	else if (strcmp(p, "day") == 0)
		fprintf(f, "date: %s..%s\n", s, e);
	else if (strcmp(p, "month") == 0)
		fprintf(f, "date: %.7s..%.7s\n", s, e);
	else
		fprintf(f, "date: %.4s..%.4s\n", s, e);
}

static void native_event(FILE *f, const struct xevent *ev, long n)
{
	enum out_controls c = ev->controls;
	fputs("\n@event\n", f);
	kv(f, "id", ev->col[X_ORIGIN_ID], c);
	kv(f, "origin", ev->col[X_ORIGIN], c);
	kv(f, "kind", ev->col[X_KIND], c);
	write_date(f, ev);
	kv(f, "title", ev->col[X_TITLE], c);
	kv(f, "description", ev->col[X_DESC], c);
	kv(f, "type", ev->col[X_TYPE], c);
	kv(f, "sub-type", ev->col[X_SUBTYPE], c);
	kv(f, "location", ev->col[X_LOCATION], c);
	kv(f, "admin1", ev->col[X_ADMIN1], c);
	kv(f, "admin2", ev->col[X_ADMIN2], c);
	kv(f, "country", ev->col[X_COUNTRY], c);
	if (ev->col[X_LAT] && ev->col[X_LON])
		fprintf(f, "coords: %s, %s\n", ev->col[X_LAT], ev->col[X_LON]);
	kv(f, "geo-precision", ev->col[X_GEOPREC], c);
	kv(f, "fatalities", ev->col[X_FAT], c);
	kv(f, "fatalities-low", ev->col[X_FAT_LOW], c);
	kv(f, "fatalities-high", ev->col[X_FAT_HIGH], c);
	kv(f, "fatalities-note", ev->col[X_FAT_NOTE], c);
	kv(f, "extra", ev->col[X_EXTRA], c); /* one line: JSON escapes line breaks */
	for (int i = 0; i < ev->nactors; i++)
		if (role_ok(ev->actors[i].role)) /* the only keys the reader takes */
			kv(f, ev->actors[i].role, ev->actors[i].name, c);
	for (int i = 0; i < ev->nsources; i++) {
		const struct xsource *s = &ev->sources[i];
		/* "source" starts a source even when it has no title. */
		fputs("source:", f);
		if (s->title && *s->title) {
			fputc(' ', f);
			lines(f, s->title, c);
		}
		fputc('\n', f);
		kv(f, "source-publisher", s->publisher, c);
		kv(f, "source-url", s->url, c);
		kv(f, "source-published", s->published, c);
		kv(f, "source-quote", s->quote, c);
		kv(f, "source-fatalities", s->fatalities, c);
	}
}

static void native_end(FILE *f, long n)
{
}

const struct export_writer export_native_writer = {native_begin, native_event, native_end};
