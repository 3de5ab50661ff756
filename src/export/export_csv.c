/* export_csv: the tabular writers: CSV and TSV (every event column, then
 * one column per actor role and the sources as a JSON array), JSON (one
 * object per event, actors and sources as arrays), and the current ACLED
 * column layout for tools that read ACLED. */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_writer.h"
#include "sitrep/date.h"
#include "sitrep/extra_json.h"
#include "sitrep/json_event.h"
#include "sitrep/mark_index.h"
#include "sitrep/tabular.h"
#include "sitrep/strbuf.h"
#include "sitrep/util.h"

static const char *const roles[] = {"actor1", "actor2", "assoc", "claimed", "target", "involved"};
#define NROLES 6

/* The sources as a JSON array: the CSV/TSV sources column and the JSON
 * export's "sources" member, in the shape show writes too. */
static void json_sources(FILE *f, const struct xevent *ev)
{
	fputc('[', f);
	for (int i = 0; i < ev->nsources; i++) {
		const struct xsource *s = &ev->sources[i];
		json_item(f, JSON_COMPACT, i);
		json_source(f, JSON_COMPACT,
			    &(struct json_source){.title = s->title,
						  .publisher = s->publisher,
						  .url = s->url,
						  .published = s->published,
						  .quote = s->quote,
						  .fatalities = s->fatalities});
	}
	json_close(f, JSON_COMPACT, ev->nsources, ']');
}

/* ---- CSV and TSV */

static void field(FILE *f, const char *s, char delim, enum out_controls controls)
{
	if (delim == '\t')
		out_tsv_field(f, s, controls);
	else
		out_csv_field(f, s, delim, controls);
}

static void table_header(FILE *f, char delim, unsigned cols)
{
	for (int i = 0; i < X_NCOLS; i++)
		fprintf(f, "%s%c", export_col_names[i], delim);
	for (int i = 0; i < NROLES; i++)
		fprintf(f, "%s%c", roles[i], delim);
	fputs("sources", f);
	if (cols & EXPORT_COLS_LAYER)
		fprintf(f, "%clayer", delim);
	if (cols & EXPORT_COLS_MARKS)
		fprintf(f, "%ctags%cnotes", delim, delim);
	fputc('\n', f);
}

/* --with-notes: the tags ("; " between them) and the notes (a JSON array,
 * as the sources are). */
static void table_marks(FILE *f, const struct xevent *ev, char delim)
{
	char *tags = marks_tags(ev->marks, ev->nmarks);
	char *notes = marks_notes_json(ev->marks, ev->nmarks);
	fputc(delim, f);
	field(f, tags, delim, ev->controls);
	fputc(delim, f);
	field(f, notes, delim, ev->controls);
	free(tags);
	free(notes);
}

/* The sources column of the row being written (see table_event). */
static struct {
	FILE *m;
	char *buf;
	size_t len;
} scratch;

static void table_event(FILE *f, const struct xevent *ev, char delim)
{
	for (int i = 0; i < X_NCOLS; i++) {
		field(f, ev->col[i], delim, ev->controls);
		fputc(delim, f);
	}
	for (int i = 0; i < NROLES; i++) {
		char *names = xevent_actors(ev, roles[i]);
		field(f, names, delim, ev->controls);
		fputc(delim, f);
		free(names);
	}
	/* One memory stream for every row (opening one costs a cleared 8 KiB
	 * buffer each time): rewound, written, ended by a NUL of its own. */
	if (!scratch.m && !(scratch.m = open_memstream(&scratch.buf, &scratch.len)))
		die("out of memory");
	rewind(scratch.m);
	json_sources(scratch.m, ev);
	fputc('\0', scratch.m);
	if (fflush(scratch.m) != 0)
		die("out of memory");
	field(f, scratch.buf, delim, ev->controls);
	if (ev->with_layer) {
		fputc(delim, f);
		field(f, ev->layer, delim, ev->controls);
	}
	if (ev->with_marks)
		table_marks(f, ev, delim);
	fputc('\n', f);
}

/* The rows' memory stream, closed when an export ends. */
static void table_end(FILE *f, long n)
{
	(void)f;
	(void)n;
	if (scratch.m)
		fclose(scratch.m);
	free(scratch.buf);
	scratch.m = NULL;
	scratch.buf = NULL;
	scratch.len = 0;
}

static void csv_begin(FILE *f, sqlite3 *db, const struct sqlfrag *where, enum out_controls controls,
		      unsigned cols)
{
	table_header(f, ',', cols);
}

static void csv_event(FILE *f, const struct xevent *ev, long n)
{
	table_event(f, ev, ',');
}

static void tsv_begin(FILE *f, sqlite3 *db, const struct sqlfrag *where, enum out_controls controls,
		      unsigned cols)
{
	table_header(f, '\t', cols);
}

static void tsv_event(FILE *f, const struct xevent *ev, long n)
{
	table_event(f, ev, '\t');
}

static void no_end(FILE *f, long n)
{
}

const struct export_writer export_csv_writer = {csv_begin, csv_event, table_end};
const struct export_writer export_tsv_writer = {tsv_begin, tsv_event, table_end};

/* ---- JSON: an array of objects, one per line. */

static void json_begin(FILE *f, sqlite3 *db, const struct sqlfrag *where,
		       enum out_controls controls, unsigned cols)
{
	fputc('[', f);
}

static void json_event(FILE *f, const struct xevent *ev, long n)
{
	fputs(n == 0 ? "\n{" : ",\n{", f);
	for (int i = 0; i < X_NCOLS; i++) {
		fprintf(f, "%s\"%s\":", i ? "," : "", export_col_names[i]);
		if (i == X_EXTRA)
			json_extra(f, JSON_COMPACT, ev->col[i]);
		else if (!ev->col[i])
			fputs("null", f);
		else if (xcol_numeric(i))
			fputs(ev->col[i], f);
		else
			out_json_string(f, ev->col[i]);
	}
	fputs(",\"actors\":[", f);
	for (int i = 0; i < ev->nactors; i++) {
		json_item(f, JSON_COMPACT, i); /* the walk reads name and role only */
		json_actor(
		    f, JSON_COMPACT,
		    &(struct json_actor){.name = ev->actors[i].name, .role = ev->actors[i].role});
	}
	json_close(f, JSON_COMPACT, ev->nactors, ']');
	fputs(",\"sources\":", f);
	json_sources(f, ev);
	if (ev->with_layer) {
		fputs(",\"layer\":", f);
		if (ev->layer)
			out_json_string(f, ev->layer);
		else
			fputs("null", f);
	}
	if (ev->with_marks) {
		/* the tags as an array, the notes as the CSV column has them */
		fputs(",\"tags\":[", f);
		const char **tags = xcalloc(ev->nmarks ? ev->nmarks : 1, sizeof(*tags));
		size_t k = marks_tag_list(ev->marks, ev->nmarks, tags);
		for (size_t i = 0; i < k; i++) {
			fputs(i ? "," : "", f);
			out_json_string(f, tags[i]);
		}
		free(tags);
		char *notes = marks_notes_json(ev->marks, ev->nmarks);
		fprintf(f, "],\"notes\":%s", notes);
		free(notes);
	}
	fputc('}', f);
}

static void json_end(FILE *f, long n)
{
	fputs(n == 0 ? "]\n" : "\n]\n", f);
}

const struct export_writer export_json_writer = {json_begin, json_event, json_end};

/* ---- ACLED: the current column layout. Fields sitrep has no column for
 * (inter codes, iso, region, admin3, source_scale, tags, timestamp...) come
 * from the event's extra object, as an ACLED import kept them (legacy
 * upper-case names too), else stay empty; an event from elsewhere keeps its
 * id as origin:id. */

static const char *const acled_cols[] = {
    "event_id_cnty", "event_date",     "year",     "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",   "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2",  "inter2",   "interaction",    "civilian_targeting",
    "iso",           "region",         "country",  "admin1",         "admin2",
    "admin3",        "location",       "latitude", "longitude",      "geo_precision",
    "source",        "source_scale",   "notes",    "fatalities",     "tags",
    "timestamp"};
#define ACLED_NCOLS ARRAY_SIZE(acled_cols)

static void acled_begin(FILE *f, sqlite3 *db, const struct sqlfrag *where,
			enum out_controls controls, unsigned cols)
{
	for (size_t i = 0; i < ACLED_NCOLS; i++)
		fprintf(f, "%s%c", acled_cols[i], i + 1 < ACLED_NCOLS ? ',' : '\n');
}

static const char *time_precision(const struct xevent *ev)
{
	const char *p = ev->col[X_PREC];
	if (p && strcmp(p, "day") == 0)
		return ev->col[X_END] && strcmp(ev->col[X_START], ev->col[X_END]) != 0 ? "2" : "1";
	return "3";
}

static const char *extra_value(const struct extra_field *x, int nx, const char *name)
{
	for (int i = 0; i < nx; i++)
		if (strcasecmp(x[i].key, name) == 0)
			return x[i].value;
	return NULL;
}

static void acled_event(FILE *f, const struct xevent *ev, long n)
{
	char *id = ev->col[X_ORIGIN] && strcmp(ev->col[X_ORIGIN], "acled") == 0
		       ? xstrdup(ev->col[X_ORIGIN_ID])
		       : xasprintf("%s:%s", ev->col[X_ORIGIN], ev->col[X_ORIGIN_ID]);
	/* the year of a date that reads as one; a file from elsewhere can
	 * hold anything in date_start */
	char year[5] = "";
	struct date_span d;
	if (date_parse_iso(ev->col[X_START], &d) == 0)
		snprintf(year, sizeof(year), "%.4s", ev->col[X_START]);
	/* ACLED has two sides and their associates: a target is the second
	 * side (or its associate), a claim or an involvement an associate. */
	char *a1 = xevent_actors(ev, "actor1"), *a2 = xevent_actors(ev, "actor2");
	char *target = xevent_actors(ev, "target"), *assoc2 = xstrdup("");
	if (!*a2) {
		free(a2);
		a2 = target;
	} else {
		free(assoc2);
		assoc2 = target;
	}
	struct strbuf sb = STRBUF_INIT;
	static const char *const side1[] = {"assoc", "claimed", "involved"};
	for (size_t i = 0; i < ARRAY_SIZE(side1); i++) {
		char *names = xevent_actors(ev, side1[i]);
		if (*names)
			sb_addf(&sb, "%s%s", sb.len ? "; " : "", names);
		free(names);
	}
	char *assoc = sb_detach(&sb);
	struct strbuf src = STRBUF_INIT;
	for (int i = 0; i < ev->nsources; i++) {
		const char *s =
		    ev->sources[i].publisher ? ev->sources[i].publisher : ev->sources[i].title;
		if (s)
			sb_addf(&src, "%s%s", src.len ? "; " : "", s);
	}
	struct extra_field *x = NULL;
	int nx = ev->col[X_EXTRA] ? extra_parse(ev->col[X_EXTRA], &x) : 0;
	if (nx < 0)
		nx = 0;
	/* The precision code as the source wrote it, when it was kept. */
	const char *prec = extra_value(x, nx, "time_precision");
	const char *date = extra_value(x, nx, "event_date");
	/* The actors as the source wrote them, where the import kept them. */
	const char *w1 = extra_value(x, nx, "actor1"), *wa1 = extra_value(x, nx, "assoc_actor_1");
	const char *w2 = extra_value(x, nx, "actor2"), *wa2 = extra_value(x, nx, "assoc_actor_2");
	const char *v[] = {id,
			   date ? date : ev->col[X_START],
			   extra_value(x, nx, "year") ? extra_value(x, nx, "year") : year,
			   prec ? prec : time_precision(ev),
			   NULL,
			   ev->col[X_TYPE],
			   ev->col[X_SUBTYPE],
			   w1 ? w1 : a1,
			   wa1 ? wa1 : assoc,
			   NULL,
			   w2 ? w2 : a2,
			   wa2 ? wa2 : assoc2,
			   NULL,
			   NULL,
			   NULL,
			   NULL,
			   NULL,
			   ev->col[X_COUNTRY],
			   ev->col[X_ADMIN1],
			   ev->col[X_ADMIN2],
			   NULL,
			   ev->col[X_LOCATION],
			   ev->col[X_LAT],
			   ev->col[X_LON],
			   ev->col[X_GEOPREC],
			   extra_value(x, nx, "source") ? extra_value(x, nx, "source")
							: sb_str(&src),
			   NULL,
			   ev->col[X_DESC],
			   ev->col[X_FAT],
			   NULL,
			   NULL};
	_Static_assert(ARRAY_SIZE(v) == ACLED_NCOLS, "one value per ACLED column");
	for (size_t i = 0; i < ARRAY_SIZE(v); i++) {
		const char *val = v[i] ? v[i] : extra_value(x, nx, acled_cols[i]);
		out_csv_field(f, val, ',', ev->controls);
		fputc(i + 1 < ARRAY_SIZE(v) ? ',' : '\n', f);
	}
	extra_free(x, nx);
	free(id);
	free(a1);
	free(a2);
	free(assoc);
	free(assoc2);
	sb_free(&src);
}

const struct export_writer export_acled_writer = {acled_begin, acled_event, no_end};
