/* sitrep list: the timeline, non-interactive. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/cli.h"
#include "sitrep/cli_layers.h"
#include "sitrep/db.h"
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
	    "      --raw            csv and tsv: control characters from the data as they\n"
	    "                       are (by default they are written as \\xHH)\n" CLI_LAYER_HELP
	    "      --now DATE       take DATE as today for relative dates in filters;\n"
	    "                       'latest': the newest event's date\n"
	    "  -h, --help           show this help and exit\n\n"
	    "Columns: id, kind, date_start, date_end, date_precision, title, event_type,\n"
	    "location, admin1, lat, lon, fatalities, actors; with layers, layer (the\n"
	    "layer an event comes from, empty for the file's own; its id is its id\n"
	    "there). See FILTERS in sitrep(1).\n");
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
	C_LAYER = C_COUNT /* only with layers on */
};

static const struct out_col exact_cols[C_COUNT + 1] = {
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
};

/* The table for people: fewer, wider columns. */
enum { T_ID, T_DATE, T_KIND, T_TYPE, T_PLACE, T_ACTORS, T_FAT, T_TITLE, T_COUNT };
static const struct out_col table_cols[T_COUNT] = {
    [T_ID] = {"id", 4, 0, true, false},         [T_DATE] = {"date", 11, 0, false, false},
    [T_KIND] = {"k", 1, 0, false, false},       [T_TYPE] = {"type", 12, 2, false, true},
    [T_PLACE] = {"place", 12, 3, false, false}, [T_ACTORS] = {"actors", 10, 3, false, false},
    [T_FAT] = {"dead", 4, 0, true, false},      [T_TITLE] = {"title", 20, 6, false, false},
};
/* With layers on, the table's second column: where each event comes from. */
static const struct out_col table_layer_col = {"layer", 7, 0, false, false};

struct list_opts {
	struct cli_common c;
	enum out_format format;
	long long limit;
	bool reverse;
	bool raw;
	struct cli_layers layers;
	const struct layer_set *ls; /* the layers opened (none: the file alone) */
};

static void write_row(struct out *o, const struct list_opts *lo, sqlite3 *db,
		      const struct event_row *r)
{
	char id[96], fat[24], lat[32], lon[32], date[48], end[DATE_ISO_LEN], place[256];
	long long own_id;
	const char *layer = NULL;
	layer_set_db_of(lo->ls, db, r->id, &own_id, &layer);
	/* A layer's event: its id in its own file, and which layer. */
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
		const char *v[T_COUNT + 1] = {
		    id, date, r->context ? "C" : "I", r->event_type, place, r->actors, f, r->title};
		if (cli_layers_wanted(&lo->layers)) {
			memmove(v + 2, v + 1, (T_COUNT - 1) * sizeof *v);
			v[1] = layer;
		}
		out_row(o, v);
		return;
	}
	date_format(end, r->date.end);
	const char *v[C_COUNT + 1] = {id,
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
				      layer};
	out_row(o, v);
}

/* SITREP_TIMING=1: milliseconds spent compiling the filter and fetching the
 * first page, on stderr (bench/filters.sh reads them; process start excluded). */
static double timing_compile = -1;

static int run(sqlite3 *db, const struct sqlfrag *where, const struct list_opts *lo)
{
	struct query q = {.db = db, .where = where, .extra = &lo->ls->extra};
	struct out o;
	struct out_col with_layer[T_COUNT + 1];
	if (lo->format == OUT_TABLE && cli_layers_wanted(&lo->layers)) {
		with_layer[0] = table_cols[0];
		with_layer[1] = table_layer_col;
		memcpy(with_layer + 2, table_cols + 1, (T_COUNT - 1) * sizeof *with_layer);
		out_begin(&o, stdout, OUT_TABLE, with_layer, T_COUNT + 1, out_terminal_width());
	} else if (lo->format == OUT_TABLE)
		out_begin(&o, stdout, OUT_TABLE, table_cols, T_COUNT, out_terminal_width());
	else
		out_begin(&o, stdout, lo->format, exact_cols,
			  cli_layers_wanted(&lo->layers) ? C_COUNT + 1 : C_COUNT, 0);
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
		if (query_page(&q, have_key ? &key : NULL,
			       lo->reverse ? QUERY_BACKWARD : QUERY_FORWARD, false, want, &rows, &n,
			       &err) < 0) {
			out_end(&o);
			return cli_fail(err);
		}
		if (!have_key && timing_compile >= 0)
			fprintf(stderr, "sitrep: timing: compile %.1f ms, first page %.1f ms\n",
				timing_compile, monotonic_ms() - t_page);
		for (size_t i = 0; i < n; i++)
			write_row(&o, lo, db, &rows[i]);
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
	struct layer_set ls;
	layer_set_init(&ls);
	lo.ls = &ls;
	if (status == 0)
		status = cli_open_layers(&lo.layers, &ls, db, lo.c.filter, &w);
	if (status == 0)
		status = run(db, &where, &lo);
	layer_set_free(&ls);
	sqlfrag_free(&where);
	db_close(db);
out:
	cli_layers_free(&lo.layers);
	free(w.words);
	return status;
}
