/* sitrep map: the filter's events printed as a text map. Country outlines
 * (Natural Earth) are braille dots, cells holding events a heavier shade
 * by how many they hold, the gazetteer's places labelled where their names
 * fit, those where the events are first (map_rank.h); the map fits the
 * events' own extent, so an imported file of any country gets its own
 * map; with --with-context or --context FILE the layers' events the
 * filter keeps are marked apart (a diamond), as the map view marks them.
 * Memory holds the grid, never the events (map_cells counts them per cell
 * in SQL). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "sitrep/braille.h"
#include "sitrep/cli.h"
#include "sitrep/cli_layers.h"
#include "sitrep/db.h"
#include "sitrep/map_cells.h"
#include "sitrep/map_grid.h"
#include "sitrep/map_rank.h"
#include "sitrep/outlines.h"
#include "sitrep/query.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

#define MAP_LABELS   2000 /* candidates asked for (map_rank.h orders them) */
#define MAP_MAX_SIDE 1000

static void usage(void)
{
	printf(
	    "Usage: sitrep map [OPTION]... [FILTER]...\n"
	    "Print the filter's events on a text map that fits their extent: country\n"
	    "outlines in braille dots, cells with events shaded by how many they hold\n"
	    "(three shades), places labelled where they fit; with layers, their\n"
	    "context events marked apart (a diamond, ^ in ASCII).\n\n"
	    "  -d, --db FILE      the database (default: $SITREP_DB, else the bundled data set)\n"
	    "  -f, --filter EXPR  only events matching EXPR (FILTER words add to it)\n"
	    "      --width N      columns (default: the terminal's, else 80)\n"
	    "      --height N     lines, the legend included (default: the terminal's, else 24)\n"
	    "      --shade        outlines as a light shade instead of braille\n"
	    "      --ascii        plain ASCII (also when the locale is not UTF-8)\n"
	    "      --now DATE     take DATE as today for relative dates in filters\n" CLI_LAYER_HELP
	    "  -h, --help         show this help and exit\n\n"
	    "Outlines: Natural Earth (public domain). See FILTERS in sitrep(1).\n");
}

static int print_map(const struct map_grid *m)
{
	struct strbuf line;
	sb_init(&line);
	for (int row = 0; row < m->rows; row++) {
		sb_reset(&line);
		for (int col = 0; col < m->cols; col++)
			sb_add(&line, map_grid_at(m, col, row)->s);
		/* no trailing blanks */
		const char *s = sb_str(&line);
		size_t len = strlen(s);
		while (len > 0 && s[len - 1] == ' ')
			len--;
		fwrite(s, 1, len, stdout);
		fputc('\n', stdout);
	}
	sb_free(&line);
	return 0;
}

/* "12.6N..25.0N 11.4W..3.7E" */
static void format_extent(char *buf, size_t size, const struct geo_extent *e)
{
	snprintf(buf, size, "%.1f%c..%.1f%c %.1f%c..%.1f%c", fabs(e->lat_min),
		 e->lat_min < 0 ? 'S' : 'N', fabs(e->lat_max), e->lat_max < 0 ? 'S' : 'N',
		 fabs(e->lon_min), e->lon_min < 0 ? 'W' : 'E', fabs(e->lon_max),
		 e->lon_max < 0 ? 'W' : 'E');
}

/* Outlines into r; false (with a warning) when the file cannot be read. */
static bool read_outlines(const struct projection *p, struct raster *r)
{
	const char *path = db_outlines_path();
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "sitrep: %s: %s (the map has no outlines)\n", path,
			strerror(errno));
		return false;
	}
	long n = outlines_draw(f, p, r);
	fclose(f);
	if (n < 0) {
		fprintf(stderr, "sitrep: %s: not an outlines file (the map has no outlines)\n",
			path);
		raster_clear(r);
		return false;
	}
	return true;
}

/* The places ranked by the cells, then by the events at the first of them
 * (map_rank.h), labelled. 0, or -1 after saying why. */
static int label(const struct query *q, struct map_grid *m, const struct projection *p,
		 const struct place *places, int n, const long long *counts)
{
	int *order = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*order));
	long long *at_place = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*at_place));
	char *err = NULL;
	int ranked = map_rank(places, n, p, counts, NULL, order);
	int rc =
	    map_place_events(q, places, n, order,
			     ranked < MAP_RANK_PLACES_COUNTED ? ranked : MAP_RANK_PLACES_COUNTED,
			     INT_MAX, at_place, &err);
	if (rc == 0)
		map_rank_label(m, p, places, n, counts, at_place);
	else
		cli_fail(err);
	free(order);
	free(at_place);
	return rc;
}

/* The layers' events (ctx: --with-context, --context FILE) marked apart
 * from the file's own; how many are in view. */
static long long mark_context(struct map_grid *m, const struct projection *p,
			      const struct row_set *ctx)
{
	if (!ctx || !ctx->n)
		return 0;
	long long *counts = xcalloc((size_t)m->cols * (size_t)m->rows, sizeof(*counts));
	long long n = map_rows_cells(ctx, p, counts);
	map_grid_context(m, counts);
	free(counts);
	return n;
}

static int run(sqlite3 *db, const struct sqlfrag *where, const struct row_set *ctx,
	       struct map_grid *m)
{
	struct query q = {.db = db, .where = where};
	struct geo_extent ext;
	struct projection p;
	long long with_coords, total, drawn;
	char *err = NULL;

	if (query_count(&q, &total, &err) < 0 || map_extent(&q, &ext, &with_coords, &err) < 0)
		return cli_fail(err);
	if (with_coords == 0) {
		if (total == 0)
			printf("no events match the filter: no map\n");
		else
			printf("%lld events match, none with coordinates: no map\n", total);
		return EXIT_OK;
	}
	if (projection_fit(&p, &ext, m->cols, m->rows) < 0)
		return cli_fail(xstrdup("map: the extent is not on the globe"));

	struct raster r;
	raster_init(&r, m->cols, m->rows);
	bool outlined = read_outlines(&p, &r);
	map_grid_init(m, m->cols, m->rows, m->style);
	map_grid_outlines(m, &r);
	raster_free(&r);

	long long *counts = xcalloc((size_t)m->cols * (size_t)m->rows, sizeof(*counts));
	struct place *places = NULL;
	int nplaces = 0;
	int status = EXIT_OK;
	if (map_cells(&q, &p, counts, &drawn, &err) < 0 ||
	    (nplaces = map_places(db, &p, MAP_LABELS, &places, &err)) < 0) {
		status = cli_fail(err);
		goto out;
	}
	map_grid_events(m, counts);
	long long context = mark_context(m, &p, ctx);
	if (label(&q, m, &p, places, nplaces, counts) < 0) {
		status = EXIT_FAIL;
		goto out;
	}
	print_map(m);

	char box[96];
	struct geo_extent shown;
	projection_extent(&p, &shown);
	format_extent(box, sizeof(box), &shown);
	printf("%s; %lld events drawn of %lld matching", box, drawn, total);
	if (ctx)
		printf("; %lld context event%s of the layers (%s)", context,
		       context == 1 ? "" : "s", m->style == RASTER_ASCII ? "^" : "\u25c6");
	if (outlined)
		printf("; outlines: Natural Earth");
	printf("\n");
	if (fflush(stdout) != 0 || ferror(stdout))
		status = cli_fail(xstrdup("write error on standard output"));
out:
	places_free(places, nplaces);
	free(counts);
	map_grid_free(m);
	return status;
}

/* A side from --width or --height: 1 .. MAP_MAX_SIDE. */
static int side(const char *name, const char *arg, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(arg, &end, 10);
	if (end == arg || *end || errno || v < 1 || v > MAP_MAX_SIDE)
		return cli_usage_error("map", "--%s wants a number from 1 to %d, not '%s'", name,
				       MAP_MAX_SIDE, arg);
	*out = (int)v;
	return 0;
}

int cmd_map(int argc, char **argv)
{
	static const struct option longopts[] = {CLI_COMMON_LONGOPTS,
						 CLI_LAYER_LONGOPTS,
						 {"width", required_argument, NULL, 'W'},
						 {"height", required_argument, NULL, 'H'},
						 {"ascii", no_argument, NULL, 'A'},
						 {"shade", no_argument, NULL, 'S'},
						 {NULL, 0, NULL, 0}};
	struct cli_common c = {0};
	struct cli_layers layers = {0};
	struct cli_words w = {0};
	struct map_grid m = {.style = RASTER_BRAILLE};
	int width = 0, height = 0, opt, status = EXIT_USAGE;
	bool ascii = false;

	optind = 1;
	while ((opt = cli_getopt(argc, argv, "d:f:h", longopts, &w)) != -1) {
		int rc = cli_common_opt(&c, opt, optarg);

		if (rc < 0)
			goto out;
		if (rc > 0 || cli_layer_opt(&layers, opt, optarg))
			continue;
		if (opt == 'W' && side("width", optarg, &width) == 0)
			continue;
		if (opt == 'H' && side("height", optarg, &height) == 0)
			continue;
		if (opt == 'W' || opt == 'H')
			goto out;
		if (opt == 'A') {
			ascii = true;
			continue;
		}
		if (opt == 'S') {
			m.style = RASTER_SHADE;
			continue;
		}
		cli_usage_error("map", "bad usage");
		goto out;
	}
	if (c.help) {
		usage();
		status = EXIT_OK;
		goto out;
	}
	struct winsize ws;
	bool tty = isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
		   ws.ws_col > 0 && ws.ws_row > 0;
	m.cols = width ? width : tty ? ws.ws_col : 80;
	m.rows = (height ? height : tty ? ws.ws_row : 24) - 1; /* the legend's line */
	if (m.rows < 1)
		m.rows = 1;
	if (ascii || !text_locale_is_utf8())
		m.style = RASTER_ASCII;

	sqlite3 *db = cli_open_db(c.db);
	if (!db) {
		status = EXIT_FAIL;
		goto out;
	}
	struct sqlfrag where;
	sqlfrag_init(&where);
	struct layer_set ls;
	layer_set_init(&ls);
	status = cli_filter_count(db, c.filter, &w, &where);
	if (status == 0)
		status = cli_open_layers(&layers, &ls, db, c.filter, &w);
	if (status == 0)
		status = run(db, &where, cli_layers_wanted(&layers) ? &ls.extra : NULL, &m);
	layer_set_free(&ls);
	sqlfrag_free(&where);
	db_close(db);
out:
	free(w.words);
	cli_layers_free(&layers);
	return status;
}
