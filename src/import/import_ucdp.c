/* import_ucdp: UCDP GED events (the 42-column layout up to GED 22 and the
 * 49-column one of GED 23+; columns by name, so their different order of
 * best/low/high does not matter). An event covers date_start..date_end;
 * its sides are actors; each "publisher,date,headline" of source_article
 * is a source. */
#include "config.h"

#include <ctype.h>
#include <stdbool.h>
#include <strings.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_aliases.h"
#include "sitrep/date_formats.h"
#include "import_actors.h"
#include "ged_sources.h"
#include "import_csv.h"
#include "sitrep/import_detect.h"
#include "sitrep/import_reader.h"
#include "sitrep/util.h"

enum {
	U_ID,
	U_TYPE,
	U_DYAD,
	U_CONFLICT,
	U_SIDE_A,
	U_SIDE_B,
	U_ARTICLE,
	U_OFFICE,
	U_SDATE,
	U_HEADLINE,
	U_ORIGINAL,
	U_WHERE_PREC,
	U_WHERE,
	U_WHERE_DESC,
	U_ADM1,
	U_ADM2,
	U_LAT,
	U_LON,
	U_COUNTRY,
	U_DATE_PREC,
	U_START,
	U_END,
	U_DA,
	U_DB,
	U_DCIV,
	U_DUNK,
	U_BEST,
	U_LOW,
	U_HIGH,
	U_N
};

static const char *const names[U_N] = {
    [U_ID] = "id",
    [U_TYPE] = "type_of_violence",
    [U_DYAD] = "dyad_name",
    [U_CONFLICT] = "conflict_name",
    [U_SIDE_A] = "side_a",
    [U_SIDE_B] = "side_b",
    [U_ARTICLE] = "source_article",
    [U_OFFICE] = "source_office",
    [U_SDATE] = "source_date",
    [U_HEADLINE] = "source_headline",
    [U_ORIGINAL] = "source_original",
    [U_WHERE_PREC] = "where_prec",
    [U_WHERE] = "where_coordinates",
    [U_WHERE_DESC] = "where_description",
    [U_ADM1] = "adm_1",
    [U_ADM2] = "adm_2",
    [U_LAT] = "latitude",
    [U_LON] = "longitude",
    [U_COUNTRY] = "country",
    [U_DATE_PREC] = "date_prec",
    [U_START] = "date_start",
    [U_END] = "date_end",
    [U_DA] = "deaths_a",
    [U_DB] = "deaths_b",
    [U_DCIV] = "deaths_civilians",
    [U_DUNK] = "deaths_unknown",
    [U_BEST] = "best",
    [U_LOW] = "low",
    [U_HIGH] = "high",
};

static const char *const violence[] = {"", "State-based conflict", "Non-state conflict",
				       "One-sided violence"};

/* Room in the row for the sources of nearly every event; more go to the
 * heap: none is cut. */
#define ROW_SOURCES 32

struct row {
	struct event_in e;
	struct actor_in actors[2];
	struct source_in *sources, sources_here[ROW_SOURCES];
	char (*dates)[DATE_ISO_LEN], dates_here[ROW_SOURCES][DATE_ISO_LEN]; /* "14/6" read */
	char title[512];
	char note[160];
	char *articles; /* source_article, split in place */
};

/* source_article as written, in extra, when its n sources written again
 * in the usual shape ("A,date,headline";"B,...") are not its text. */
static void keep_articles(struct csv_in *in, struct row *r, int n)
{
	const char *written = csv_in_get(in, U_ARTICLE);
	if (!*written)
		return;
	struct strbuf again = STRBUF_INIT;
	bool usual = true; /* every source has the three parts */
	for (int i = 0; i < n && usual; i++) {
		const struct source_in *s = &r->sources[i];
		usual = s->publisher && s->published && s->title && !s->url;
		if (usual)
			sb_addf(&again, "%s\"%s,%s,%s\"", i ? ";" : "", s->publisher, s->published,
				s->title);
	}
	if (!usual || strcmp(sb_str(&again), written) != 0)
		r->e.extra = csv_in_extra_keep(in, U_ARTICLE, written);
	sb_free(&again);
}

/* source_article holds '"A,date,headline";"B,date,headline"'. */
static void map_sources(struct csv_in *in, struct row *r)
{
	r->articles = xstrdup(csv_in_get(in, U_ARTICLE));
	int n = 0, max = 1;
	for (const char *q = r->articles; (q = strstr(q, "\";\"")); q++)
		max++;
	if (max > ROW_SOURCES) {
		r->sources = xcalloc((size_t)max, sizeof(*r->sources));
		r->dates = xcalloc((size_t)max, sizeof(*r->dates));
	}
	char *p = r->articles;
	while (*p && n < max) {
		char *end = strstr(p, "\";\"");
		if (end)
			end[1] = '\0';
		size_t len = strlen(p);
		if (len >= 2 && p[0] == '"' && p[len - 1] == '"') {
			p[len - 1] = '\0';
			p++;
		}
		ged_source_parse(p, r->e.date.start, &r->sources[n], r->dates[n]);
		n++;
		if (!end)
			break;
		p = end + 2;
	}
	if (n == 0 && *csv_in_get(in, U_OFFICE)) { /* no article list: office and headline */
		memset(&r->sources[0], 0, sizeof(r->sources[0]));
		r->sources[0].publisher = csv_in_get(in, U_OFFICE);
		r->sources[0].title = csv_in_get(in, U_HEADLINE);
		r->sources[0].fatalities = -1;
		n = 1;
	}
	/* source_original (who the news came from: "local residents", a
	 * police spokesman) is no figure's wording: it stays in extra */
	keep_articles(in, r, n);
	r->e.sources = r->sources;
	r->e.nsources = n;
}

static int bad(struct import_ctx *ctx, unsigned long line, const char *id, const char *what,
	       const char *value)
{
	return import_skip(ctx, line, "%s: bad %s '%s'", id, what, value);
}

static int map_dates(struct import_ctx *ctx, struct csv_in *in, struct row *r)
{
	struct date_span a, b;
	const char *s = csv_in_get(in, U_START), *e = csv_in_get(in, U_END);
	if (date_parse_any(s, &a) < 0)
		return bad(ctx, in->rec.line, r->e.origin_id, "date_start", s);
	if (!*e)
		b = a;
	else if (date_parse_any(e, &b) < 0)
		return bad(ctx, in->rec.line, r->e.origin_id, "date_end", e);
	long long prec = 1;
	parse_count(csv_in_get(in, U_DATE_PREC), &prec);
	if (date_ucdp_span(&a, &b, (int)prec, &r->e.date) < 0)
		return import_skip(ctx, in->rec.line, "%s: date_end %s before date_start %s",
				   r->e.origin_id, e, s);
	return 0;
}

static int map_numbers(struct import_ctx *ctx, struct csv_in *in, struct row *r)
{
	struct event_in *e = &r->e;
	static const int cols[3] = {U_BEST, U_LOW, U_HIGH};
	long long *out[3] = {&e->fatalities, &e->fatalities_low, &e->fatalities_high};
	for (int i = 0; i < 3; i++)
		if (parse_count(csv_in_get(in, cols[i]), out[i]) < 0)
			return bad(ctx, in->rec.line, e->origin_id, names[cols[i]],
				   csv_in_get(in, cols[i]));
	const char *lat = csv_in_get(in, U_LAT), *lon = csv_in_get(in, U_LON);
	int a = parse_real(lat, &e->lat), b = parse_real(lon, &e->lon);
	if (a < 0 || b < 0)
		return bad(ctx, in->rec.line, e->origin_id, "coordinates", lat);
	e->has_coords = a == 0 && b == 0;
	if (e->has_coords && (e->lat < -90 || e->lat > 90 || e->lon < -180 || e->lon > 180))
		return import_skip(ctx, in->rec.line, "%s: coordinates out of range: %s, %s",
				   e->origin_id, lat, lon);
	long long wp;
	/* where_prec 1 exact, 2 within 25 km, 3+ a region: ours is 1..3. */
	if (parse_count(csv_in_get(in, U_WHERE_PREC), &wp) == 0 && wp > 0)
		e->geo_precision = wp >= 3 ? 3 : (int)wp;
	snprintf(r->note, sizeof(r->note),
		 "UCDP deaths: side A %s, side B %s, civilians %s, unknown %s",
		 csv_in_get(in, U_DA), csv_in_get(in, U_DB), csv_in_get(in, U_DCIV),
		 csv_in_get(in, U_DUNK));
	e->fatalities_note = r->note;
	return 0;
}

static int map_row(struct import_ctx *ctx, struct csv_in *in, struct actor_cache *ac, struct row *r)
{
	struct event_in *e = &r->e;
	e->origin = "ucdp";
	e->origin_id = csv_in_get(in, U_ID);
	if (!*e->origin_id)
		return import_skip(ctx, in->rec.line, "no id");
	int rc = map_dates(ctx, in, r);
	if (rc == 0)
		rc = map_numbers(ctx, in, r);
	if (rc != 0)
		return rc;
	e->kind = "incident";
	long long type = 0;
	parse_count(csv_in_get(in, U_TYPE), &type);
	e->event_type = type >= 1 && type <= 3 ? violence[type] : NULL;
	e->location = csv_in_get(in, U_WHERE);
	e->admin1 = csv_in_get(in, U_ADM1);
	e->admin2 = csv_in_get(in, U_ADM2);
	e->country = csv_in_get(in, U_COUNTRY);
	e->description = csv_in_get(in, U_WHERE_DESC);
	const char *where = *e->location ? e->location : e->country;
	snprintf(r->title, sizeof(r->title), "%s%s%s", e->event_type ? e->event_type : "Event",
		 *where ? " in " : "", where);
	e->title = r->title;
	const char *sides[2] = {csv_in_get(in, U_SIDE_A), csv_in_get(in, U_SIDE_B)};
	static const char *const roles[2] = {"actor1", "actor2"};
	e->actors = r->actors;
	for (int i = 0; i < 2; i++) {
		if (!*sides[i])
			continue;
		const char *canon = actor_cache_name(ac, ctx, sides[i], e->country);
		/* a side named as an actor of this country alone ("IS" in Mali):
		 * the name as written stays with the event */
		if (strcmp(canon, sides[i]) != 0 && actor_aliases_local(actor_aliases(), sides[i]))
			e->extra = csv_in_extra_keep(in, i ? U_SIDE_B : U_SIDE_A, sides[i]);
		r->actors[e->nactors].name = canon;
		r->actors[e->nactors++].role = roles[i];
	}
	map_sources(in, r);
	return 0;
}

/* The GED version in a file name as UCDP names its files ("ged191.csv" is
 * 19.1, "GEDEvent_v23_1.csv" 23.1): "19.1" in out, or "" when the name
 * says none. Pure. */
void ucdp_file_version(const char *path, char out[8])
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	out[0] = '\0';
	for (const char *p = base; (p = strcasestr(p, "ged")); p++) {
		const char *q = p + 3;
		if (strncasecmp(q, "event", 5) == 0)
			q += 5;
		if (*q == '_' || *q == '-')
			q++;
		if (*q == 'v' || *q == 'V')
			q++;
		size_t d = strspn(q, "0123456789");
		if (d == 3 && !isdigit((unsigned char)q[3])) { /* ged191 */
			snprintf(out, 8, "%.2s.%c", q, q[2]);
			return;
		}
		if (d == 2 && (q[2] == '_' || q[2] == '.') && isdigit((unsigned char)q[3]) &&
		    !isdigit((unsigned char)q[4])) { /* v23_1 */
			snprintf(out, 8, "%.2s.%c", q, q[3]);
			return;
		}
	}
}

static int store_row(struct import_ctx *ctx, struct csv_in *in, struct actor_cache *ac,
		     const char *version)
{
	struct row r;
	r.articles = NULL;
	r.sources = r.sources_here;
	r.dates = r.dates_here;
	event_in_init(&r.e);
	r.e.extra = csv_in_extra(in); /* first: csv_in_get trims fields in place */
	if (*version) {               /* newer GED versions revise events: the newest wins */
		r.e.version = version;
		r.e.version_key = "ged_version";
	}
	int rc = map_row(ctx, in, ac, &r);
	if (rc == 0)
		rc = import_event(ctx, &r.e, in->rec.line);
	free(r.articles);
	if (r.sources != r.sources_here) {
		free(r.sources);
		free(r.dates);
	}
	return rc < 0 ? -1 : 0;
}

static int read_ucdp(struct import_ctx *ctx, struct csv_in *in)
{
	csv_in_columns(in, names, U_N);
	/* What the schema holds as it was; the rest (dyad and conflict names,
	 * the deaths per side, the precision codes, the office and headline
	 * beside the article list, ids of other tables) goes to extra. */
	static const int mapped[] = {U_ID,         U_TYPE, U_SIDE_A, U_SIDE_B, U_ARTICLE, U_WHERE,
				     U_WHERE_DESC, U_ADM1, U_ADM2,   U_LAT,    U_LON,     U_COUNTRY,
				     U_START,      U_END,  U_BEST,   U_LOW,    U_HIGH};
	csv_in_mapped(in, mapped, ARRAY_SIZE(mapped));
	struct actor_cache *ac = actor_cache_new();
	char version[8];
	ucdp_file_version(ctx->file, version);
	while (csv_in_next(ctx, in) == 1)
		if (store_row(ctx, in, ac, version) < 0 && ctx->failed)
			break;
	actor_cache_free(ac);
	return ctx->failed ? -1 : 0;
}

static bool detect(const struct import_probe *p, char *layout, size_t n)
{
	return p->hdr && import_detect_ucdp(p->hdr, layout, n);
}

static int run(struct import_ctx *ctx, struct import_source *src)
{
	return read_ucdp(ctx, src->csv);
}

const struct import_reader import_reader_ucdp = {
    .name = "ucdp",
    .required = import_ucdp_required,
    .help = "UCDP GED, every layout (by id, side_a, side_b, date_start, best)",
    .csv = true,
    .detect = detect,
    .run = run,
};
