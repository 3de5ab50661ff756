/* import_acled: ACLED exports of every generation to events. Columns are
 * found by name (import_csv), so the 2016 upper-case layout, the 2019
 * export, the 31-column layout and the current one share one mapping;
 * names that changed over time are listed as alternatives. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "sitrep/date_formats.h"
#include "import_actors.h"
#include "import_csv.h"
#include "import_monadic.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_file.h"
#include "sitrep/import_reader.h"
#include "sitrep/util.h"

enum {
	A_ID,
	A_DATE,
	A_PREC,
	A_TYPE,
	A_SUBTYPE,
	A_ACTOR1,
	A_ASSOC1,
	A_ACTOR2,
	A_ASSOC2,
	A_COUNTRY,
	A_ADMIN1,
	A_ADMIN2,
	A_LOCATION,
	A_LAT,
	A_LON,
	A_GEOPREC,
	A_SOURCE,
	A_NOTES,
	A_FATALITIES,
	A_DATA_ID,
	A_RANGE,
	A_N
};

static const char *const names[A_N] = {
    [A_ID] = ACLED_ID,
    [A_DATE] = "event_date|date", /* date: an analyst's own table (import_table.c) */
    [A_PREC] = "time_precision",
    [A_TYPE] = "event_type",
    [A_SUBTYPE] = "sub_event_type",
    [A_ACTOR1] = "actor1",
    [A_ASSOC1] = ACLED_ASSOC1,
    [A_ACTOR2] = "actor2",
    [A_ASSOC2] = ACLED_ASSOC2,
    [A_COUNTRY] = "country",
    [A_ADMIN1] = "admin1",
    [A_ADMIN2] = "admin2",
    [A_LOCATION] = "location",
    [A_LAT] = "latitude|lat",
    [A_LON] = "longitude|lon|lng",
    [A_GEOPREC] = "geo_precision",
    [A_SOURCE] = "source",
    [A_NOTES] = "notes",
    [A_FATALITIES] = "fatalities",
    [A_DATA_ID] = "data_id", /* kept in extra too: not in mapped */
    /* sitrep's own: `export --format acled` writes a range or a year
     * that ACLED's codes cannot say here, read back in their place */
    [A_RANGE] = "date_range",
};

/* ACLED's columns that sitrep keeps in the event's extra fields, named as
 * current exports name them: the 2016 layout's upper case (INTERACTION)
 * and dBASE's cuts (CIVILIAN_T) are stored under these names, where the
 * filter fields (interaction:, inter1:, civilians:, ...) and their indexes
 * look. From ACLED's codebook columns and ../shared/testdata's headers. */
static const char *const kept_names[] = {
    "event_date",    "time_precision", "event_id_no_cnty",
    "year",          "disorder_type",  "inter1",
    "inter2",        "interaction",    "civilian_targeting",
    "iso",           "iso3",           "region",
    "admin3",        "source_scale",   "tags",
    "timestamp",     "gwno",           "data_id",
    "event_id_cnty",
};

/* Room in the row itself for the actors and sources of nearly every
 * event; more (events with 44 sources exist) go to the heap: none is cut. */
#define ROW_ACTORS  24
#define ROW_SOURCES 16

struct row {
	struct event_in e;
	struct actor_in *actors, actors_here[ROW_ACTORS];
	struct source_in *sources, sources_here[ROW_SOURCES];
	int actors_cap;
	char title[512];
	char *lists[3];   /* copies of the semicolon lists, split in place */
	char hash_id[17]; /* a table without ids: the row's content hashed */
};

static void row_init(struct row *r)
{
	memset(r->lists, 0, sizeof(r->lists));
	r->actors = r->actors_here;
	r->actors_cap = ROW_ACTORS;
	r->sources = r->sources_here;
	event_in_init(&r->e);
}

/* Split list in place into its list_names: an array of *n, names_here or
 * allocated (free it when it is not names_here). */
static char **split_all(char *list, char **names_here, int here, int *n)
{
	int max = actor_count(list);
	char **list_names = max > here ? xcalloc((size_t)max, sizeof(char *)) : names_here;
	*n = actor_split(list, list_names, max);
	return list_names;
}

static int add_actors(struct import_ctx *ctx, struct actor_cache *ac, struct row *r,
		      const char *list, const char *role, int slot)
{
	char *here[ROW_ACTORS];
	int n;
	r->lists[slot] = xstrdup(list);
	char **names_ = split_all(r->lists[slot], here, ROW_ACTORS, &n);
	if (r->e.nactors + n > r->actors_cap) {
		int cap = r->e.nactors + n;
		struct actor_in *a = xcalloc((size_t)cap, sizeof(*a));
		memcpy(a, r->actors, (size_t)r->e.nactors * sizeof(*a));
		if (r->actors != r->actors_here)
			free(r->actors);
		r->actors = a;
		r->actors_cap = cap;
	}
	for (int i = 0; i < n; i++) {
		const char *canon = actor_cache_name(ac, ctx, names_[i], r->e.country);
		r->actors[r->e.nactors].name = canon;
		r->actors[r->e.nactors++].role = role;
	}
	r->e.actors = r->actors;
	if (names_ != here)
		free(names_);
	return 0;
}

static int map_place(struct import_ctx *ctx, struct csv_in *in, struct row *r)
{
	struct event_in *e = &r->e;
	const char *lat = csv_in_get(in, A_LAT), *lon = csv_in_get(in, A_LON);
	int a = parse_real(lat, &e->lat), b = parse_real(lon, &e->lon);
	if (a < 0 || b < 0)
		return import_skip(ctx, in->rec.line, "coordinates are not numbers: '%s', '%s'",
				   lat, lon);
	e->has_coords = a == 0 && b == 0;
	if (e->has_coords && (e->lat < -90 || e->lat > 90 || e->lon < -180 || e->lon > 180))
		return import_skip(ctx, in->rec.line, "coordinates out of range: %s, %s", lat, lon);
	long long gp;
	if (parse_count(csv_in_get(in, A_GEOPREC), &gp) == 0 && gp <= 3)
		e->geo_precision = (int)gp;
	e->country = csv_in_get(in, A_COUNTRY);
	e->admin1 = csv_in_get(in, A_ADMIN1);
	e->admin2 = csv_in_get(in, A_ADMIN2);
	e->location = csv_in_get(in, A_LOCATION);
	return 0;
}

/* An id for a row of a table without ids, from its content (FNV-1a, 64
 * bits, over every field with its blanks trimmed): the same row gets the
 * same id on every import, an edited row another. Call it before csv_in_get
 * changes the fields. */
static void hash_row(const struct csv_in *in, char out[17])
{
	unsigned long long h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < in->rec.nfields && i < in->base; i++) {
		const unsigned char *f = (const unsigned char *)in->rec.fields[i];
		size_t n = in->rec.lengths[i];
		while (n && (*f == ' ' || *f == '\t'))
			f++, n--;
		while (n && (f[n - 1] == ' ' || f[n - 1] == '\t' || f[n - 1] == '\r'))
			n--;
		for (size_t k = 0; k < n; k++)
			h = (h ^ f[k]) * 0x100000001b3ULL;
		h = (h ^ 0x1f) * 0x100000001b3ULL; /* between fields */
	}
	snprintf(out, 17, "%016llx", h);
}

/* Fill r from the current record: 0 ok, 1 bad (reported), -1 stop. A
 * table (any) may have no id: its rows are "csv" events, ids hashed. */
static int map_row(struct import_ctx *ctx, struct csv_in *in, struct actor_cache *ac, struct row *r,
		   bool any)
{
	struct event_in *e = &r->e;
	unsigned long line = in->rec.line;
	e->origin = "acled";
	e->version_key = "timestamp"; /* when ACLED last changed the row */
	e->origin_id = csv_in_get(in, A_ID);
	if (!*e->origin_id) /* 2019 exports: a row under revision may have none */
		e->origin_id = csv_in_get(in, A_DATA_ID);
	if (!*e->origin_id && any) {
		e->origin = "csv";
		e->origin_id = r->hash_id;
	}
	if (!*e->origin_id)
		return import_skip(ctx, line, "no event_id_cnty");
	const char *date = csv_in_get(in, A_DATE);
	if (date_parse_any(date, &e->date) < 0)
		return import_skip(ctx, line, "%s: bad event_date '%s'", e->origin_id, date);
	long long prec;
	if (parse_count(csv_in_get(in, A_PREC), &prec) == 0)
		date_acled_precision(&e->date, (int)prec);
	const char *range = csv_in_get(in, A_RANGE);
	if (*range && date_parse_iso(range, &e->date) < 0)
		return import_skip(ctx, line, "%s: bad date_range '%s'", e->origin_id, range);
	if (parse_count(csv_in_get(in, A_FATALITIES), &e->fatalities) < 0)
		return import_skip(ctx, line, "%s: bad fatalities '%s'", e->origin_id,
				   csv_in_get(in, A_FATALITIES));
	int rc = map_place(ctx, in, r);
	if (rc != 0)
		return rc;
	e->event_type = csv_in_get(in, A_TYPE);
	e->sub_event_type = csv_in_get(in, A_SUBTYPE);
	/* Strategic developments (agreements, arrests, bases set up) are the
	 * context that explains the incidents; the legacy layout wrote
	 * "Strategic development". */
	e->kind =
	    strncasecmp(e->event_type, "Strategic development", 21) == 0 ? "context" : "incident";
	const char *what = *e->sub_event_type ? e->sub_event_type : e->event_type;
	const char *where = *e->location ? e->location : *e->admin1 ? e->admin1 : e->country;
	/* "WHAT in WHERE", cut to the buffer (snprintf costs more than the
	 * rest of the row's mapping) */
	const char *parts[3] = {*what ? what : "Event", *where ? " in " : "", where};
	size_t len = 0;
	for (int i = 0; i < 3; i++) {
		size_t n = strlen(parts[i]);
		if (n > sizeof(r->title) - 1 - len)
			n = sizeof(r->title) - 1 - len;
		memcpy(r->title + len, parts[i], n);
		len += n;
	}
	r->title[len] = '\0';
	e->title = r->title;
	e->description = csv_in_get(in, A_NOTES);
	add_actors(ctx, ac, r, csv_in_get(in, A_ACTOR1), "actor1", 0);
	add_actors(ctx, ac, r, csv_in_get(in, A_ACTOR2), "actor2", 1);
	/* both lists as one (sb_add, not a format: this runs for every row,
	 * unchanged ones too) */
	struct strbuf assoc = STRBUF_INIT;
	sb_add(&assoc, csv_in_get(in, A_ASSOC1));
	sb_add(&assoc, ";");
	sb_add(&assoc, csv_in_get(in, A_ASSOC2));
	add_actors(ctx, ac, r, sb_str(&assoc), "assoc", 2);
	sb_free(&assoc);
	return 0;
}

/* One source per publisher of the source list. When the list, written
 * again from them ("A; B"), is not the text of the file, that text is kept
 * in extra under the column's name, which the export prefers. */
static void map_sources(struct csv_in *in, struct row *r, char **copy)
{
	char *here[ROW_SOURCES];
	const char *written = csv_in_get(in, A_SOURCE);
	int n;
	*copy = xstrdup(written);
	char **pubs = split_all(*copy, here, ROW_SOURCES, &n);
	if (n > ROW_SOURCES)
		r->sources = xcalloc((size_t)n, sizeof(*r->sources));
	struct strbuf again = STRBUF_INIT;
	for (int i = 0; i < n; i++) {
		struct source_in *s = &r->sources[i];
		memset(s, 0, sizeof(*s));
		s->publisher = pubs[i];
		s->fatalities = -1;
		sb_add(&again, i ? "; " : "");
		sb_add(&again, pubs[i]);
	}
	if (strcmp(sb_str(&again), written) != 0)
		r->e.extra = csv_in_extra_keep(in, A_SOURCE, written);
	sb_free(&again);
	if (pubs != here)
		free(pubs);
	r->e.sources = r->sources;
	r->e.nsources = n;
}

static void row_free(struct row *r)
{
	for (int i = 0; i < 3; i++)
		free(r->lists[i]);
	if (r->actors != r->actors_here)
		free(r->actors);
	if (r->sources != r->sources_here)
		free(r->sources);
}

/* The actors as the file wrote them, where the export could not write them
 * back from the actors alone: a name merged into its actor's own ("GSIM",
 * "JNIM: Group for Support of Islam and Muslims" are "JNIM"), a list of
 * several, or a second associate list (both lists become one "assoc" role). Kept in extra under
 * the file's column names, which `export --format acled` prefers. */
static void keep_written_actors(struct import_ctx *ctx, struct csv_in *in, struct actor_cache *ac,
				struct row *r, const char *const written[4])
{
	static const int cols[4] = {A_ACTOR1, A_ASSOC1, A_ACTOR2, A_ASSOC2};
	bool two_assoc = *written[3] != '\0';
	for (int i = 0; i < 4; i++) {
		bool keep = two_assoc && (i == 1 || i == 3); /* even an empty first list */
		if (!*written[i] && !keep)
			continue;
		if (!keep) {
			char *copy = xstrdup(written[i]), *here[ROW_ACTORS];
			int n;
			char **part = split_all(copy, here, ROW_ACTORS, &n);
			struct strbuf canon = STRBUF_INIT;
			for (int k = 0; k < n; k++) {
				sb_add(&canon, k ? "; " : "");
				sb_add(&canon, actor_cache_name(ac, ctx, part[k], r->e.country));
			}
			/* Several names: the export lists an event's actors in its
			 * own order, not necessarily the file's. */
			keep = n > 1 || strcmp(sb_str(&canon), written[i]) != 0;
			sb_free(&canon);
			if (part != here)
				free(part);
			free(copy);
		}
		if (keep)
			r->e.extra = csv_in_extra_keep(in, cols[i], written[i]);
	}
}

static int store_row(struct import_ctx *ctx, struct csv_in *in, struct actor_cache *ac, bool any)
{
	struct row r;
	row_init(&r);
	r.e.extra = csv_in_extra(in); /* first: csv_in_get trims fields in place */
	if (any)
		hash_row(in, r.hash_id);
	int rc = map_row(ctx, in, ac, &r, any);
	if (rc != 0) {
		row_free(&r);
		return rc < 0 ? -1 : 0;
	}
	const char *written[4] = {csv_in_get(in, A_ACTOR1), csv_in_get(in, A_ASSOC1),
				  csv_in_get(in, A_ACTOR2), csv_in_get(in, A_ASSOC2)};
	keep_written_actors(ctx, in, ac, &r, written);
	char *srccopy = NULL;
	map_sources(in, &r, &srccopy);
	rc = import_event(ctx, &r.e, in->rec.line);
	free(srccopy);
	row_free(&r);
	return rc;
}

struct reading {
	struct import_ctx *ctx;
	struct actor_cache *ac;
	bool any; /* a table of events, not necessarily ACLED's */
};

static int emit_row(void *arg, struct csv_in *in)
{
	struct reading *r = arg;
	if (store_row(r->ctx, in, r->ac, r->any) < 0 && (r->ctx->failed || r->ctx->strict))
		return -1;
	return 0;
}

/* A file with one side a row (no actor2 column): its rows are merged into
 * events (import_monadic.h). NULL for a dyadic file. */
static struct monadic *monadic_file(struct csv_in *in)
{
	static const char *const side[] = {ACLED_ID, "event_date", "actor1", ACLED_ASSOC1,
					   "inter1"};
	int c[ARRAY_SIZE(side)];
	if (!import_acled_monadic(in->hdr))
		return NULL;
	import_columns(in->hdr, side, ARRAY_SIZE(side), c);
	struct monadic_cols cols = {
	    .id = c[0], .date = c[1], .actor = c[2], .assoc = c[3], .inter = c[4]};
	return monadic_new(in, &cols);
}

int import_acled_rows(struct import_ctx *ctx, struct csv_in *in, bool any)
{
	/* rows of one event share its id: a table without ids has none */
	struct monadic *m = any ? NULL : monadic_file(in);
	csv_in_columns(in, names, A_N);
	/* event_date and time_precision are read into the date range, which
	 * for a precision of 2 or 3 starts elsewhere: the two are also kept as
	 * written in extra, with every column that has no schema column. */
	static const int mapped[] = {A_ID,       A_TYPE,       A_SUBTYPE, A_ACTOR1,  A_ASSOC1,
				     A_ACTOR2,   A_ASSOC2,     A_COUNTRY, A_ADMIN1,  A_ADMIN2,
				     A_LOCATION, A_LAT,        A_LON,     A_GEOPREC, A_SOURCE,
				     A_NOTES,    A_FATALITIES, A_RANGE};
	csv_in_mapped(in, mapped, ARRAY_SIZE(mapped));
	csv_in_key_names(in, kept_names, ARRAY_SIZE(kept_names));
	if (any && !ctx->quiet)
		csv_in_note_columns(ctx, in);
	struct reading r = {ctx, actor_cache_new(), any};
	int took = 0;
	while (csv_in_next(ctx, in) == 1) {
		took = m ? monadic_take(m, in, emit_row, &r) : emit_row(&r, in);
		if (took < 0)
			break;
		if (took == 1) { /* counted as the event's, not as one more */
			ctx->stats.read--;
			ctx->stats.merged++;
		}
	}
	/* the rows before a reader error stand, as the events held */
	if (m && took >= 0 && !ctx->failed && !import_interrupted())
		monadic_flush(m, in, emit_row, &r);
	monadic_free(m);
	actor_cache_free(r.ac);
	return ctx->failed ? -1 : 0;
}

static bool detect(const struct import_probe *p, char *layout, size_t n)
{
	return p->hdr && import_detect_acled(p->hdr, layout, n);
}

static int run(struct import_ctx *ctx, struct import_source *src)
{
	return import_acled_rows(ctx, src->csv, false);
}

const struct import_reader import_reader_acled = {
    .name = "acled",
    .required = import_acled_required,
    .help = "ACLED exports, every generation (by event_id_cnty, event_date, actor1)",
    .csv = true,
    .detect = detect,
    .run = run,
};
