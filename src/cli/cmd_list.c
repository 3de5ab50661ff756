/* sitrep list: the timeline, non-interactive. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/cli_layers.h"
#include "sitrep/db.h"
#include "sitrep/mark_index.h"
#include "sitrep/notebook.h"
#include "sitrep/strbuf.h"
#include "sitrep/tabular.h"
#include "sitrep/query.h"
#include "sitrep/util.h"

static void usage(void)
{
	printf(
	    "Usage: sitrep list [OPTION]... [FILTER]...\n"
	    "Print the timeline, oldest first: incidents and context events together.\n\n"
	    "  -d, --db FILE        the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR    only events matching EXPR (FILTER words add to it)\n"
	    "  -F, --format FORMAT  table (default; fitted to the terminal, 80 columns on a\n"
	    "                       pipe), csv, tsv or json (exact values)\n"
	    "  -n, --limit N        at most N events\n"
	    "  -r, --reverse        newest first\n"
	    "      --with-notes     two more columns: each event's tags and notes from the\n"
	    "                       database's notebook (see 'sitrep notes'); the notes\n"
	    "                       as a JSON array in csv, tsv and json\n"
	    "      --notes FILE     the notebook to read instead (implies "
	    "--with-notes)\n" CLI_LAYER_HELP
	    "      --raw            csv and tsv: control characters from the data as they\n"
	    "                       are (by default they are written as \\xHH)\n"
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "Columns: id, kind, date_start, date_end, date_precision, title, event_type,\n"
	    "location, admin1, lat, lon, fatalities, actors; with layers, layer (the\n"
	    "layer an event comes from, empty for the file's own; its id is its id\n"
	    "there); with --with-notes, tags and notes. See FILTERS in sitrep(1).\n");
}

enum {
	C_ID,
	C_KIND,
	C_START,
	C_END,
	C_PREC,
	C_TITLE,
	C_TYPE,
	C_LOC,
	C_ADMIN1,
	C_LAT,
	C_LON,
	C_FAT,
	C_ACTORS,
	C_COUNT,
	C_LAYER = C_COUNT, /* with layers on */
	C_TAGS,            /* --with-notes */
	C_NOTES,
	C_ALL
};

static const struct out_col exact_cols[C_ALL] = {
    [C_ID] = {"id", 0, 0, true, false},
    [C_KIND] = {"kind", 0, 0, false, false},
    [C_START] = {"date_start", 0, 0, false, false},
    [C_END] = {"date_end", 0, 0, false, false},
    [C_PREC] = {"date_precision", 0, 0, false, false},
    [C_TITLE] = {"title", 0, 0, false, false},
    [C_TYPE] = {"event_type", 0, 0, false, false},
    [C_LOC] = {"location", 0, 0, false, false},
    [C_ADMIN1] = {"admin1", 0, 0, false, false},
    [C_LAT] = {"lat", 0, 0, true, false},
    [C_LON] = {"lon", 0, 0, true, false},
    [C_FAT] = {"fatalities", 0, 0, true, false},
    [C_ACTORS] = {"actors", 0, 0, false, false},
    [C_LAYER] = {"layer", 0, 0, false, false},
    [C_TAGS] = {"tags", 0, 0, false, false},
    [C_NOTES] = {"notes", 0, 0, false, false},
};

/* The table for people: fewer, wider columns. */
enum {
	T_ID,
	T_LAYER, /* with layers on */
	T_DATE,
	T_KIND,
	T_TYPE,
	T_PLACE,
	T_ACTORS,
	T_FAT,
	T_TITLE,
	T_TAGS, /* --with-notes */
	T_NOTES,
	T_ALL
};
static const struct out_col table_cols[T_ALL] = {
    [T_ID] = {"id", 4, 0, true, false},           [T_LAYER] = {"layer", 7, 0, false, false},
    [T_DATE] = {"date", 11, 0, false, false},     [T_KIND] = {"k", 1, 0, false, false},
    [T_TYPE] = {"type", 12, 2, false, true},      [T_PLACE] = {"place", 12, 3, false, false},
    [T_ACTORS] = {"actors", 10, 3, false, false}, [T_FAT] = {"dead", 4, 0, true, false},
    [T_TITLE] = {"title", 20, 6, false, false},   [T_TAGS] = {"tags", 6, 1, false, false},
    [T_NOTES] = {"notes", 8, 2, false, true},
};

/* the larger of the two full sets */
#define MAX_COLS ((int)T_ALL > (int)C_ALL ? (int)T_ALL : (int)C_ALL)

struct list_opts {
	struct cli_common c;
	enum out_format format;
	long long limit;
	bool reverse;
	bool raw;
	bool with_notes;
	const char *notes;
	struct cli_layers layers;
	const struct layer_set *ls; /* the layers opened (none: the file alone) */
	/* the columns shown, in order, as indices into the table's or the
	 * exact formats' full set (columns_shown) */
	int shown[MAX_COLS];
	int nshown;
};

/* Which of the full set's columns show: the layer column with layers on,
 * tags and notes with --with-notes. */
static void columns_shown(struct list_opts *lo)
{
	bool table = lo->format == OUT_TABLE, layers = cli_layers_wanted(&lo->layers);
	int all = table ? T_ALL : C_ALL;
	lo->nshown = 0;
	for (int i = 0; i < all; i++) {
		bool layer = i == (table ? T_LAYER : C_LAYER);
		bool marks = i == (table ? T_TAGS : C_TAGS) || i == (table ? T_NOTES : C_NOTES);
		if ((!layer || layers) && (!marks || lo->with_notes))
			lo->shown[lo->nshown++] = i;
	}
}

/* out_row of the full set's values v, the shown ones. */
static void row_shown(struct out *o, const struct list_opts *lo, const char *const *v)
{
	const char *pick[MAX_COLS];
	for (int i = 0; i < lo->nshown; i++)
		pick[i] = v[lo->shown[i]];
	out_row(o, pick);
}

/* --with-notes: a row's tags and notes (NULL when none). */
struct row_marks {
	char *tags, *notes;
};

static void write_row(struct out *o, const struct list_opts *lo, sqlite3 *db,
		      const struct event_row *r, const struct row_marks *m)
{
	char id[24], fat[24], lat[32], lon[32], date[48], end[DATE_ISO_LEN], place[256];
	long long own_id;
	const char *layer = NULL;
	/* a layer's event: its id in its own file, and which layer */
	layer_set_db_of(lo->ls, db, r->id, &own_id, &layer);
	snprintf(id, sizeof(id), "%lld", own_id);
	snprintf(fat, sizeof(fat), "%lld", r->fatalities);
	snprintf(lat, sizeof(lat), "%.6f", r->lat);
	snprintf(lon, sizeof(lon), "%.6f", r->lon);
	const char *f = r->fatalities >= 0 ? fat : NULL;
	if (o->fmt == OUT_TABLE) {
		date_format_span(date, sizeof(date), &r->date);
		/* A range shows its start and a '+': the detail has the rest. */
		char *dots = strstr(date, "..");
		if (dots)
			strcpy(dots, "+");
		snprintf(place, sizeof(place), "%s%s%s", r->location ? r->location : "",
			 r->location && r->admin1 ? ", " : "", r->admin1 ? r->admin1 : "");
		const char *v[T_ALL] = {
		    id,        layer, date,     r->context ? "C" : "I", r->event_type,      place,
		    r->actors, f,     r->title, m ? m->tags : NULL,     m ? m->notes : NULL};
		row_shown(o, lo, v);
		return;
	}
	date_format(end, r->date.end);
	const char *v[C_ALL] = {id,
				r->context ? "context" : "incident",
				r->date_start,
				end,
				date_prec_name(r->date.prec),
				r->title,
				r->event_type,
				r->location,
				r->admin1,
				r->has_coords ? lat : NULL,
				r->has_coords ? lon : NULL,
				f,
				r->actors,
				layer,
				m ? m->tags : NULL,
				m ? m->notes : NULL};
	row_shown(o, lo, v);
}

/* --with-notes: the tags and notes of a page's n rows, found by each
 * row's origin (one query a page); the notes as a JSON array, or for the
 * table as their text. NULL, with *err set, on a failed read. */
static struct row_marks *page_marks(sqlite3 *db, const struct event_row *rows, size_t n,
				    const struct mark_index *mi, bool table, char **err)
{
	struct row_marks *m = xcalloc(n ? n : 1, sizeof(*m));
	struct strbuf sql = STRBUF_INIT;
	sb_add(&sql, "SELECT id, origin, origin_id FROM event WHERE id IN (");
	for (size_t i = 0; i < n; i++)
		sb_add(&sql, i ? ",?" : "?");
	sb_add(&sql, ")");
	sqlite3_stmt *st = NULL;
	int rc = n ? sqlite3_prepare_v2(db, sb_str(&sql), -1, &st, NULL) : SQLITE_DONE;
	sb_free(&sql);
	for (size_t i = 0; rc == SQLITE_OK && i < n; i++)
		sqlite3_bind_int64(st, (int)i + 1, rows[i].id);
	while (rc == SQLITE_OK || rc == SQLITE_ROW) {
		if ((rc = sqlite3_step(st)) != SQLITE_ROW)
			break;
		size_t first, k, r = 0;
		while (r < n && rows[r].id != sqlite3_column_int64(st, 0))
			r++; /* a page is a few hundred rows */
		mark_index_find(mi, (const char *)sqlite3_column_text(st, 1),
				(const char *)sqlite3_column_text(st, 2), &first, &k);
		if (r == n || !k)
			continue;
		m[r].tags = marks_tags(mi->v + first, k);
		m[r].notes =
		    table ? marks_notes_text(mi->v + first, k) : marks_notes_json(mi->v + first, k);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		*err = db_error(db);
		free(m);
		return NULL;
	}
	return m;
}

static void row_marks_free(struct row_marks *m, size_t n)
{
	for (size_t i = 0; m && i < n; i++) {
		free(m[i].tags);
		free(m[i].notes);
	}
	free(m);
}

/* SITREP_TIMING=1: milliseconds spent compiling the filter and fetching the
 * first page, on stderr (bench/filters.sh reads them; process start excluded). */
static double timing_compile = -1;

static int run(sqlite3 *db, const struct sqlfrag *where, const struct list_opts *lo,
	       const struct mark_index *mi)
{
	struct query q = {.db = db, .where = where, .extra = &lo->ls->extra};
	struct out o;
	struct out_col cols[MAX_COLS];
	bool table = lo->format == OUT_TABLE;
	for (int i = 0; i < lo->nshown; i++)
		cols[i] = (table ? table_cols : exact_cols)[lo->shown[i]];
	out_begin(&o, stdout, lo->format, cols, lo->nshown, table ? out_terminal_width() : 0);
	o.controls = out_controls_for(stdout, lo->raw);
	struct event_key key;
	bool have_key = false;
	long long left = lo->limit;
	char *err = NULL;
	for (;;) {
		struct event_row *rows = NULL;
		size_t n = 0;
		int want = left >= 0 && left < 256 ? (int)left : 256;
		if (want == 0)
			break;
		double t_page = monotonic_ms();
		/* the actors a page at once (query_page_bare) */
		if (query_page_bare(&q, have_key ? &key : NULL,
				    lo->reverse ? QUERY_BACKWARD : QUERY_FORWARD, false, want,
				    &rows, &n, &err) < 0) {
			out_end(&o);
			return cli_fail(err);
		}
		if (query_rows_actors(db, rows, n, &err) < 0) {
			event_rows_free(rows, n);
			out_end(&o);
			return cli_fail(err);
		}
		if (!have_key && timing_compile >= 0)
			fprintf(stderr, "sitrep: timing: compile %.1f ms, first page %.1f ms\n",
				timing_compile, monotonic_ms() - t_page);
		struct row_marks *m =
		    mi ? page_marks(db, rows, n, mi, lo->format == OUT_TABLE, &err) : NULL;
		if (mi && !m) {
			event_rows_free(rows, n);
			out_end(&o);
			return cli_fail(err);
		}
		for (size_t i = 0; i < n; i++)
			write_row(&o, lo, db, &rows[i], m ? &m[i] : NULL);
		row_marks_free(m, n);
		if (n > 0) {
			event_row_key(&rows[n - 1], &key);
			have_key = true;
		}
		event_rows_free(rows, n);
		if (left >= 0)
			left -= (long long)n;
		if ((int)n < want)
			break;
	}
	out_end(&o);
	if (ferror(stdout))
		return cli_fail(xstrdup("write error on standard output"));
	return EXIT_OK;
}

int cmd_list(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 CLI_LAYER_LONGOPTS,
						 {"format", required_argument, NULL, 'F'},
						 {"limit", required_argument, NULL, 'n'},
						 {"reverse", no_argument, NULL, 'r'},
						 {"raw", no_argument, NULL, 'R'},
						 {"with-notes", no_argument, NULL, 'W'},
						 {"notes", required_argument, NULL, 'K'},
						 {NULL, 0, NULL, 0}};
	struct list_opts lo = {.format = OUT_TABLE, .limit = -1};
	struct cli_words w = {0};
	int opt, status = EXIT_USAGE;
	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:hF:n:r", longopts, &w)) != -1) {
		int rc = cli_common_opt(&lo.c, opt, optarg);
		if (rc < 0)
			goto out;
		if (rc > 0 || cli_layer_opt(&lo.layers, opt, optarg))
			continue;
		if (opt == 'F' && out_format_parse(optarg, &lo.format) == 0)
			continue;
		if (opt == 'n' && (lo.limit = cli_parse_count(optarg)) >= 0)
			continue;
		if (opt == 'r' || opt == 'R') {
			*(opt == 'r' ? &lo.reverse : &lo.raw) = true;
			continue;
		}
		if (opt == 'W' || opt == 'K') {
			lo.with_notes = true;
			if (opt == 'K')
				lo.notes = optarg;
			continue;
		}
		if (opt == 'F')
			cli_usage_error(
			    "list", "--format: expected table, csv, tsv or json, not '%s'", optarg);
		else if (opt == 'n')
			cli_usage_error("list", "--limit: expected a whole number, not '%s'",
					optarg);
		else
			cli_usage_error("list", "bad usage");
		goto out;
	}
	if (lo.c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	sqlite3 *db = cli_open_db(lo.c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct sqlfrag where;
	sqlfrag_init(&where);
	double t_compile = monotonic_ms();
	status = cli_filter(db, lo.c.filter, &w, &where);
	const char *timing = getenv("SITREP_TIMING");
	if (timing && strcmp(timing, "1") == 0)
		timing_compile = monotonic_ms() - t_compile;
	struct mark_index marks = {0};
	if (status == 0 && lo.with_notes) {
		/* read once: memory goes with the notebook, not the file */
		struct notebook *nb = NULL;
		char *err = NULL;
		if (cli_open_notebook(lo.c.db, lo.notes, &nb) < 0)
			status = EXIT_FAIL;
		else if (mark_index_load(&marks, nb, &err) < 0)
			status = cli_fail(err);
		notebook_close(nb);
	}
	struct layer_set ls;
	layer_set_init(&ls);
	lo.ls = &ls;
	columns_shown(&lo);
	if (status == 0)
		status = cli_open_layers(&lo.layers, &ls, db, lo.c.filter, &w);
	if (status == 0)
		status = run(db, &where, &lo, lo.with_notes ? &marks : NULL);
	layer_set_free(&ls);
	mark_index_free(&marks);
	sqlfrag_free(&where);
	db_close(db);
out:
	cli_layers_free(&lo.layers);
	free(w.words);
	return status;
}
