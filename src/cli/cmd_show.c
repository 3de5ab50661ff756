/* sitrep show ID: one event's whole record, as text or JSON. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/db.h"
#include "sitrep/extra_json.h"
#include "sitrep/json_event.h"
#include "sitrep/tabular.h"
#include "sitrep/event_record.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep show [OPTION]... ID\n"
	    "Print one event's whole record: every field, its actors with their roles,\n"
	    "every source with its address and its own figure, and where it happened\n"
	    "relative to the capital and to the nearest place of the gazetteer.\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -F, --format FORMAT  text (default) or json\n"
	    "  -h, --help           show this help and exit\n\n"
	    "ID is the event's number as 'sitrep list' prints it, or its id in its\n"
	    "origin (e.g. mali-a2 in the bundled data set, an ACLED event_id_cnty),\n"
	    "with the data set's prefix when need be (ucdp:209980: a bare number is\n"
	    "sitrep's own).\n");
}

/* Text output: every string from data is sanitised; long text wraps. */
struct printer {
	int width;
	int flags;
};

static void put_wrapped(const struct printer *p, const char *label, const char *value)
{
	if (!value || !*value)
		return;
	char *clean = text_sanitized(value, p->flags);
	char *clean_label = text_sanitized(label, p->flags); /* an actor's role, a field's name */
	int indent = 16, avail = p->width - indent;
	if (avail < 20)
		avail = 20;
	int pad = 13 - text_width(clean_label);
	printf("  %s%*s ", clean_label, pad > 0 ? pad : 0, "");
	free(clean_label);
	/* Greedy word wrap by display width. */
	const char *s = clean;
	int col = 0;
	while (*s) {
		while (*s == ' ')
			s++;
		const char *e = s;
		while (*e && *e != ' ')
			e++;
		char *word = xstrndup(s, (size_t)(e - s));
		int w = text_width(word);
		if (col > 0 && col + 1 + w > avail) {
			printf("\n%*s", indent, "");
			col = 0;
		}
		if (col > 0) {
			putchar(' ');
			col++;
		}
		fputs(word, stdout);
		col += w;
		free(word);
		s = e;
	}
	putchar('\n');
	free(clean);
}

/* The event's extra column (source fields sitrep has no column for), or
 * NULL. */
static char *load_extra(sqlite3 *db, long long id)
{
	sqlite3_stmt *st;
	char *v = NULL;
	if (sqlite3_prepare_v2(db, "SELECT extra FROM event WHERE id = ?", -1, &st, NULL) !=
	    SQLITE_OK)
		return NULL;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static void show_text(const struct event_record *r, const char *extra)
{
	struct printer p = {out_terminal_width(), text_locale_is_utf8() ? 0 : TEXT_ASCII};
	struct strbuf b = STRBUF_INIT;
	char *title = text_sanitized(r->title ? r->title : "", p.flags);
	printf("%s\n", title);
	free(title);
	sb_addf(&b, "%lld (%s %s)", r->id, r->origin ? r->origin : "",
		r->origin_id ? r->origin_id : "");
	put_wrapped(&p, "id", sb_str(&b));
	put_wrapped(&p, "kind", r->kind);
	char date[64];
	date_format_span(date, sizeof(date), &r->date);
	sb_reset(&b);
	if (date_day_valid(r->date.start)) /* else the stored text says what is wrong */
		sb_addf(&b, "%s (precision: %s)", date, r->date_precision);
	else
		sb_addf(&b, "%s (stored: %s .. %s, precision: %s)", date, r->date_start,
			r->date_end, r->date_precision);
	put_wrapped(&p, "date", sb_str(&b));
	sb_reset(&b);
	sb_addf(&b, "%s%s%s", r->event_type ? r->event_type : "", r->sub_event_type ? " / " : "",
		r->sub_event_type ? r->sub_event_type : "");
	put_wrapped(&p, "type", sb_str(&b));
	put_wrapped(&p, "location", r->location);
	put_wrapped(&p, "admin2", r->admin2);
	put_wrapped(&p, "admin1", r->admin1);
	put_wrapped(&p, "country", r->country);
	if (r->has_coords) {
		sb_reset(&b);
		sb_addf(&b, "%.4f, %.4f", r->lat, r->lon);
		if (r->geo_precision)
			sb_addf(&b, " (geo precision %d)", r->geo_precision);
		put_wrapped(&p, "coordinates", sb_str(&b));
	} else if (r->coords_invalid) {
		put_wrapped(&p, "coordinates", "invalid (not a place on the globe)");
	}
	char rel[200];
	if (r->has_capital) {
		place_rel_format(&r->capital, rel, sizeof(rel));
		put_wrapped(&p, "from capital", rel);
	}
	if (r->has_nearest) {
		place_rel_format(&r->nearest, rel, sizeof(rel));
		put_wrapped(&p, "nearest place", rel);
	}
	if (r->fatalities != -1 || r->fatalities_low >= 0 || r->fatalities_high >= 0) {
		sb_reset(&b);
		if (r->fatalities >= 0)
			sb_addf(&b, "%lld", r->fatalities);
		else
			sb_add(&b,
			       r->fatalities == DB_BAD_COUNT ? "invalid (not a count)" : "unknown");
		if (r->fatalities_low >= 0 || r->fatalities_high >= 0)
			sb_addf(&b, " (reported range %lld to %lld)",
				r->fatalities_low >= 0 ? r->fatalities_low : r->fatalities,
				r->fatalities_high >= 0 ? r->fatalities_high : r->fatalities);
		put_wrapped(&p, "fatalities", sb_str(&b));
	}
	put_wrapped(&p, "note", r->fatalities_note);
	if (r->description) {
		printf("\nDescription\n");
		put_wrapped(&p, "", r->description);
	}
	if (r->nactors) {
		printf("\nActors\n");
		for (int i = 0; i < r->nactors; i++) {
			const struct event_record_actor *a = &r->actors[i];
			sb_reset(&b);
			sb_add(&b, a->name);
			if (a->kind || a->parent) {
				sb_addf(&b, " (%s%s%s%s)", a->kind ? a->kind : "",
					a->kind && a->parent ? "; " : "",
					a->parent ? "affiliated with " : "",
					a->parent ? a->parent : "");
			}
			put_wrapped(&p, a->role, sb_str(&b));
		}
	}
	if (r->nsources) {
		bool disagree = event_record_figures_disagree(r);
		printf("\nSources%s\n", disagree ? " (their figures disagree)" : "");
		for (int i = 0; i < r->nsources; i++) {
			const struct event_record_source *s = &r->sources[i];
			char label[16];
			snprintf(label, sizeof(label), "[%d]", i + 1);
			sb_reset(&b);
			sb_addf(&b, "%s%s%s", s->title ? s->title : "(untitled)",
				s->publisher ? " — " : "", s->publisher ? s->publisher : "");
			put_wrapped(&p, label, sb_str(&b));
			put_wrapped(&p, "", s->url);
			put_wrapped(&p, "published", s->published);
			if (s->fatalities != -1 || s->quote) {
				sb_reset(&b);
				if (s->fatalities >= 0)
					sb_addf(&b, "%lld", s->fatalities);
				else if (s->fatalities == DB_BAD_COUNT)
					sb_add(&b, "invalid");
				if (s->quote)
					sb_addf(&b, "%s\"%s\"", s->fatalities != -1 ? ": " : "",
						s->quote);
				put_wrapped(&p, "its figure", sb_str(&b));
			}
		}
	}
	struct extra_field *x;
	int nx = extra ? extra_parse(extra, &x) : -1;
	if (nx > 0) {
		printf("\nOriginal fields\n");
		for (int i = 0; i < nx; i++) {
			char *key = text_sanitized(x[i].key, p.flags);
			put_wrapped(&p, key, x[i].value);
			free(key);
		}
	} else if (nx < 0 && extra) {
		printf("\nOriginal fields\n");
		put_wrapped(&p, "", extra);
	}
	if (nx >= 0)
		extra_free(x, nx);
	sb_free(&b);
}

static void json_key(const char *key, bool first)
{
	printf("%s\n  ", first ? "" : ",");
	out_json_string(stdout, key);
	fputs(": ", stdout);
}

static void json_str(const char *key, const char *v)
{
	json_key(key, false);
	out_json_string(stdout, v);
}

static void json_count(const char *key, long long v)
{
	json_key(key, false);
	if (v >= 0)
		printf("%lld", v);
	else
		fputs("null", stdout);
}

static void show_json(const struct event_record *r, const char *extra)
{
	fputs("{", stdout);
	json_key("id", true);
	printf("%lld", r->id);
	json_str("kind", r->kind);
	json_str("date_start", r->date_start);
	json_str("date_end", r->date_end);
	json_str("date_precision", r->date_precision);
	json_str("title", r->title);
	json_str("description", r->description);
	json_str("event_type", r->event_type);
	json_str("sub_event_type", r->sub_event_type);
	json_str("location", r->location);
	json_str("admin1", r->admin1);
	json_str("admin2", r->admin2);
	json_str("country", r->country);
	json_key("lat", false);
	r->has_coords ? printf("%.6f", r->lat) : fputs("null", stdout);
	json_key("lon", false);
	r->has_coords ? printf("%.6f", r->lon) : fputs("null", stdout);
	json_count("geo_precision", r->geo_precision ? r->geo_precision : -1);
	json_count("fatalities", r->fatalities);
	json_count("fatalities_low", r->fatalities_low);
	json_count("fatalities_high", r->fatalities_high);
	json_str("fatalities_note", r->fatalities_note);
	json_str("origin", r->origin);
	json_str("origin_id", r->origin_id);
	json_key("extra", false);
	json_extra(stdout, JSON_INDENTED, extra);
	json_key("actors", false);
	fputs("[", stdout);
	for (int i = 0; i < r->nactors; i++) {
		const struct event_record_actor *a = &r->actors[i];
		json_item(stdout, JSON_INDENTED, i);
		json_actor(stdout, JSON_INDENTED,
			   &(struct json_actor){.name = a->name,
						.role = a->role,
						.detailed = true,
						.id = a->id,
						.kind = a->kind,
						.parent = a->parent});
	}
	json_close(stdout, JSON_INDENTED, r->nactors, ']');
	json_key("sources", false);
	fputs("[", stdout);
	for (int i = 0; i < r->nsources; i++) {
		const struct event_record_source *s = &r->sources[i];
		char fat[24]; /* the shared shape takes the figure as text, as export has it */
		snprintf(fat, sizeof(fat), "%lld", s->fatalities);
		json_item(stdout, JSON_INDENTED, i);
		json_source(stdout, JSON_INDENTED,
			    &(struct json_source){.title = s->title,
						  .publisher = s->publisher,
						  .url = s->url,
						  .published = s->published,
						  .quote = s->quote,
						  .fatalities = s->fatalities >= 0 ? fat : NULL});
	}
	json_close(stdout, JSON_INDENTED, r->nsources, ']');
	fputs("\n}\n", stdout);
}

/* An event named by its id in its origin ("mali-a2", "MLI2665"), or with
 * its data set's prefix ("ucdp:209980", "acled:MLI2665": the form a bare
 * UCDP number needs, as a number is sitrep's id). 0 found, 1 none, -1 error
 * (also when several origins use the same id). */
static int lookup_origin_id(sqlite3 *db, const char *oid, long long *id, char **err)
{
	sqlite3_stmt *st;
	const char *colon = strchr(oid, ':');
	/* the prefix folded as origins are stored ("ucdp"); an id that has a
	 * colon of its own is tried whole too */
	if (sqlite3_prepare_v2(db,
			       "SELECT id FROM event WHERE origin_id = ?1"
			       " OR (origin_id = ?2 AND origin = lower(?3)) LIMIT 2",
			       -1, &st, NULL) != SQLITE_OK) {
		*err = db_error(db);
		return -1;
	}
	sqlite3_bind_text(st, 1, oid, -1, SQLITE_STATIC);
	if (colon) {
		sqlite3_bind_text(st, 2, colon + 1, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, oid, (int)(colon - oid), SQLITE_STATIC);
	}
	int n = 0;
	while (sqlite3_step(st) == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		n++;
	}
	sqlite3_finalize(st);
	if (n > 1) {
		*err = xasprintf("'%s' is the id of events from several origins; give "
				 "ORIGIN:%s or sitrep's number instead",
				 oid, oid);
		return -1;
	}
	return n == 1 ? 0 : 1;
}

/* A bare number is sitrep's id; say so when it is also some event's id in
 * its data set (UCDP's ids are numbers), and how to name that one. */
static void note_origin_number(sqlite3 *db, long long id)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT origin FROM event WHERE origin_id = ? LIMIT 1", -1, &st,
			       NULL) != SQLITE_OK)
		return; /* only a note: the command's own look-up reports errors */
	char num[24];
	snprintf(num, sizeof num, "%lld", id);
	sqlite3_bind_text(st, 1, num, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *origin = (const char *)sqlite3_column_text(st, 0);
		char *upper = xstrdup(origin ? origin : "");
		for (char *p = upper; *p; p++)
			if (*p >= 'a' && *p <= 'z')
				*p = (char)(*p - 'a' + 'A');
		warnx_("note: %s is sitrep's id; the event whose %s id is %s is %s:%s", num, upper,
		       num, origin ? origin : "", num);
		free(upper);
	}
	sqlite3_finalize(st);
}

int cmd_show(int argc, char **argv)
{
	static const struct option longopts[] = {
	    CLI_COMMON_LONGOPTS, {"format", required_argument, NULL, 'F'}, {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_words w = {0};
	bool json = false;
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:hF:", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0)
			continue;
		if (opt == 'F' && (strcmp(optarg, "text") == 0 || strcmp(optarg, "json") == 0)) {
			json = strcmp(optarg, "json") == 0;
			continue;
		}
		if (opt == 'F')
			cli_usage_error("show", "--format: expected text or json, not '%s'",
					optarg);
		else
			cli_usage_error("show", "bad usage");
		goto out;
	}
	if (c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	if (w.n != 1) {
		cli_usage_error("show", "expected one event id");
		goto out;
	}
	sqlite3 *db = cli_open_db(c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct event_record r;
	char *err = NULL;
	long long id = cli_parse_count(w.words[0]);
	bool number = id >= 0;
	int rc = number ? 0 : lookup_origin_id(db, w.words[0], &id, &err);
	if (number)
		note_origin_number(db, id);
	if (rc == 0)
		rc = event_record_load(db, id, &r, &err);
	if (rc < 0) {
		status = cli_fail(err);
	} else if (rc == 1) {
		warnx_("no event with id %s", w.words[0]);
		status = EXIT_FAIL;
	} else {
		char *extra = load_extra(db, id);
		json ? show_json(&r, extra) : show_text(&r, extra);
		free(extra);
		event_record_free(&r);
		status = EXIT_OK;
	}
	db_close(db);
out:
	free(w.words);
	return status;
}
