/* The map view (m; | puts it beside the timeline, through pane_side.c):
 * the filter's events on a map that fits their extent, drawn as `sitrep
 * map` draws it (map_grid.h: outlines in braille dots, or a shade, or
 * ASCII in the C locale; cells by how many events they hold; places
 * labelled where they fit, those where the events are first; the layers'
 * context events, as the timeline lists them, a diamond apart). The
 * selected event is marked and the map follows it; a cursor cell moves with hjkl and the arrows
 * (the map pans at the edge), + and - zoom on it, 0 fits again, the wheel zooms on the pointer and
 * a click moves the cursor; Enter adds near:LAT,LON<KM for the cursor's cell (KM: the cell's
 * radius) and goes back to the timeline (beside it, gives the timeline the focus).
 *
 * Cost: only the cells shown are held. The extent and the counts are each
 * one pass over the filter's events, stepped between keys (map_count in
 * map_cells.h) so that a big file never blocks a key; the outlines are
 * read again only when the projection changes. */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/db.h"
#include "sitrep/map_cells.h"
#include "sitrep/map_grid.h"
#include "sitrep/map_rank.h"
#include "sitrep/outlines.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define STEP_MS   30 /* a step of counting between keys */
#define DRAW_MS   20 /* counting a draw may do at once: a small file is done */
#define PLACES_MS 50 /* the events at the places, once a projection (map_rank.h) */
/* The candidates for labels asked for, as `sitrep map` asks: map_rank.h
 * orders them by the counts at each draw (most never fit). */
#define LABELS 2000
#define ZOOM   2.0

enum stage { MEASURING, COUNTING, DONE, EMPTY, FAILED };

struct map_view {
	bool side;                 /* beside the timeline (pane_side.c) */
	unsigned long filter_seen; /* the session_filter_version measured */
	enum stage stage;
	struct map_count mc; /* the pass under way: the extent, then the cells */
	struct geo_extent ext;
	long long with_coords;
	bool fit;             /* the projection fits ext (no pan or zoom yet) */
	struct projection p;  /* what the user looks at */
	struct projection at; /* what the outlines, places and counts are for */
	bool counted;         /* at holds a projection */
	struct raster outlines;
	bool outlined;
	struct place *places;
	int nplaces;
	long long *at_place;  /* the events at each place, once counted (map_rank.h) */
	int cur_col, cur_row; /* the map cursor */
	long long followed;   /* the selected event the map last followed */
	long long context;    /* the layers' events in view, as last drawn */
};

static struct map_view *MV(struct view *v)
{
	return v->priv;
}

static int budget(struct view *v, int ms)
{
	return ui_headless(v->ui) ? INT_MAX : ms;
}

/* The filter in the form that counts fastest (filter_compile_count): the
 * map's passes are counts. The layers' events are not on the map. */
static struct query count_query(struct view *v)
{
	return (struct query){.db = session_db(v->s), .where = &session_filter(v->s)->count_where};
}

static void fail(struct view *v, char *err)
{
	ui_error(v->ui, "map: %s", err ? err : "query failed");
	free(err);
	MV(v)->stage = FAILED;
}

static void drop_view_data(struct map_view *m)
{
	map_count_free(&m->mc);
	raster_free(&m->outlines);
	places_free(m->places, m->nplaces);
	free(m->at_place);
	m->at_place = NULL;
	m->places = NULL;
	m->nplaces = 0;
	m->counted = false;
}

/* Measure the filter's extent again (a new filter): the map fits it. */
static void restart(struct view *v)
{
	struct map_view *m = MV(v);
	char *err = NULL;

	drop_view_data(m);
	m->filter_seen = session_filter_version(v->s);
	m->fit = true;
	m->stage = MEASURING;
	struct query q = count_query(v);
	if (map_extent_begin(&q, &m->mc, &err) != 0)
		fail(v, err);
}

/* The outlines, the places and a new count for m->p. */
static void project(struct view *v)
{
	struct map_view *m = MV(v);
	char *err = NULL;

	drop_view_data(m);
	m->at = m->p;
	m->counted = true;
	raster_init(&m->outlines, m->p.cols, m->p.rows);
	FILE *f = fopen(db_outlines_path(), "r");
	m->outlined = f && outlines_draw(f, &m->p, &m->outlines) >= 0;
	if (f)
		fclose(f);
	if (!m->outlined)
		raster_clear(&m->outlines);
	m->nplaces = map_places(session_db(v->s), &m->p, LABELS, &m->places, &err);
	if (m->nplaces < 0) {
		m->nplaces = 0;
		fail(v, err);
		return;
	}
	m->stage = COUNTING;
	struct query q = count_query(v);
	if (map_count_begin(&q, &m->p, &m->mc, &err) != 0)
		fail(v, err);
}

/* The extent is known: fit it to a grid of cols x rows. */
static void fit(struct map_view *m, int cols, int rows)
{
	if (projection_fit(&m->p, &m->ext, cols, rows) != 0)
		projection_fit(&m->p, &(struct geo_extent){-60, 75, -180, 180}, cols, rows);
	m->fit = true;
	m->cur_col = cols / 2;
	m->cur_row = rows / 2;
}

/* The cells are counted: the events at the places that rank first among
 * them, so that of the places in a cell those where events are get the
 * name (map_rank.h). A few indexed counts, once a projection. */
static void count_at_places(struct view *v)
{
	struct map_view *m = MV(v);
	int n = m->nplaces;
	int *order = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*order));
	int ranked = map_rank(m->places, n, &m->p, m->mc.counts, NULL, order);
	struct query q = count_query(v);
	char *err = NULL;

	m->at_place = xcalloc((size_t)(n > 0 ? n : 1), sizeof(*m->at_place));
	if (map_place_events(&q, m->places, n, order,
			     ranked < MAP_RANK_PLACES_COUNTED ? ranked : MAP_RANK_PLACES_COUNTED,
			     budget(v, PLACES_MS), m->at_place, &err) != 0)
		fail(v, err);
	free(order);
}

/* A step of the pass under way: 1 when work was done. */
static int advance(struct view *v, int ms)
{
	struct map_view *m = MV(v);
	char *err = NULL;

	if (m->stage != MEASURING && m->stage != COUNTING)
		return 0;
	int rc = map_count_step(&m->mc, budget(v, ms), &err);
	if (rc < 0) {
		fail(v, err);
		return 1;
	}
	if (rc == 0 && m->stage == MEASURING) {
		m->ext = m->mc.ext;
		m->with_coords = m->mc.points;
		map_count_free(&m->mc);
		m->stage = m->with_coords ? DONE : EMPTY;
		m->counted = false; /* the next draw fits and counts */
	} else if (rc == 0) {
		m->stage = DONE;
		count_at_places(v);
	}
	return 1;
}

static int map_open(struct view *v, long long arg)
{
	struct map_view *m = xcalloc(1, sizeof *m);
	v->priv = m;
	m->side = arg == 1;
	m->followed = -1;
	restart(v);
	return 0;
}

static void map_close(struct view *v)
{
	drop_view_data(MV(v));
	free(v->priv);
}

/* Keep the cursor on the grid: past an edge the map pans a quarter. */
static void clamp_cursor(struct map_view *m)
{
	int dc = 0, dr = 0;
	if (m->cur_col < 0 || m->cur_col >= m->p.cols)
		dc = m->cur_col < 0 ? -(m->p.cols / 4 + 1) : m->p.cols / 4 + 1;
	if (m->cur_row < 0 || m->cur_row >= m->p.rows)
		dr = m->cur_row < 0 ? -(m->p.rows / 4 + 1) : m->p.rows / 4 + 1;
	if (dc || dr) {
		projection_pan(&m->p, dc, dr);
		m->cur_col -= dc;
		m->cur_row -= dr;
		m->fit = false;
	}
	m->cur_col = m->cur_col < 0 ? 0 : m->cur_col >= m->p.cols ? m->p.cols - 1 : m->cur_col;
	m->cur_row = m->cur_row < 0 ? 0 : m->cur_row >= m->p.rows ? m->p.rows - 1 : m->cur_row;
}

/* The selected event moved: the cursor goes to it, and the map pans to it
 * when it is off the map. */
static void follow(struct view *v)
{
	struct map_view *m = MV(v);
	const struct event_row *r = session_current(v->s);

	if (!r || r->id == m->followed || !m->p.cols)
		return;
	m->followed = r->id;
	if (!r->has_coords)
		return;
	double col, row;
	if (!projection_to_cell(&m->p, r->lat, r->lon, &col, &row)) {
		m->p.lat0 = r->lat;
		m->p.lon0 = r->lon;
		m->fit = false;
		projection_to_cell(&m->p, r->lat, r->lon, &col, &row);
	}
	m->cur_col = (int)col;
	m->cur_row = (int)row;
	clamp_cursor(m);
}

/* The grid takes the window but its heading and legend lines. */
static void size_to(struct view *v, int cols, int rows)
{
	struct map_view *m = MV(v);
	if (m->stage == MEASURING || m->stage == EMPTY || m->stage == FAILED || rows < 1 ||
	    cols < 1)
		return;
	if (m->fit && (m->p.cols != cols || m->p.rows != rows || !m->counted))
		fit(m, cols, rows);
	m->p.cols = cols;
	m->p.rows = rows;
	clamp_cursor(m);
	follow(v);
	if (!m->counted || memcmp(&m->p, &m->at, sizeof m->p) != 0)
		project(v);
}

static enum role cell_role(const struct map_cell *c)
{
	switch (c->kind) {
	case MAP_OUTLINE:
		return ROLE_DIM;
	case MAP_EVENTS:
		return c->level == 2 ? ROLE_FATAL : ROLE_INCIDENT;
	case MAP_LABEL:
	case MAP_POINT:
		return ROLE_PLACE;
	case MAP_CONTEXT:
		return ROLE_CONTEXT;
	default:
		return ROLE_NORMAL;
	}
}

/* "12.65N 8.00W" */
static void format_point(char *buf, size_t size, double lat, double lon)
{
	snprintf(buf, size, "%.2f%c %.2f%c", fabs(lat), lat < 0 ? 'S' : 'N', fabs(lon),
		 lon < 0 ? 'W' : 'E');
}

/* The layers' context events the filter keeps (session_extra: in memory,
 * as the timeline lists them), marked apart from the file's own events;
 * how many are in view. */
static long long mark_context(struct view *v, struct map_grid *g)
{
	struct map_view *m = MV(v);
	const struct row_set *extra = session_extra(v->s);
	if (!extra || !extra->n)
		return 0;
	long long *counts = xcalloc((size_t)g->cols * (size_t)g->rows, sizeof(*counts));
	long long n = map_rows_cells(extra, &m->p, counts);
	map_grid_context(g, counts);
	free(counts);
	return n;
}

static void draw_grid(struct view *v, WINDOW *w, int y0)
{
	struct map_view *m = MV(v);
	struct map_grid g;
	enum raster_style style = ui_text_flags()                     ? RASTER_ASCII
				  : session_settings(v->s)->map_shade ? RASTER_SHADE
								      : RASTER_BRAILLE;

	map_grid_init(&g, m->p.cols, m->p.rows, style);
	map_grid_outlines(&g, &m->outlines);
	map_grid_events(&g, m->mc.counts);
	m->context = mark_context(v, &g);
	map_rank_label(&g, &m->p, m->places, m->nplaces, m->mc.counts, m->at_place);
	/* the selected event, over whatever the cell shows */
	const char *marker = style == RASTER_ASCII ? "@" : "\u25c9"; /* ◉ */
	const struct event_row *r = session_current(v->s);
	double col, row;
	struct map_cell *sel = NULL;
	if (r && r->has_coords && projection_to_cell(&m->p, r->lat, r->lon, &col, &row))
		sel = map_grid_at(&g, (int)col, (int)row);
	for (int y = 0; y < g.rows; y++)
		for (int x = 0; x < g.cols; x++) {
			const struct map_cell *c = map_grid_at(&g, x, y);
			const char *s = c == sel ? marker : c->s;
			enum role role = c == sel ? ROLE_SEARCH : cell_role(c);
			if (x == m->cur_col && y == m->cur_row)
				role = ROLE_CURSOR;
			ui_fill(w, y0 + y, x, 1, s, role);
		}
	map_grid_free(&g);
}

static void map_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct map_view *m = MV(v);
	char line[256], box[64];

	if (m->stage == MEASURING)
		advance(v, DRAW_MS);
	size_to(v, cols, rows - 2);
	if (m->stage == COUNTING)
		advance(v, DRAW_MS);
	switch (m->stage) {
	case MEASURING:
		snprintf(line, sizeof line,
			 "Map: measuring the filter's extent (%lld events so far)", m->mc.points);
		break;
	case EMPTY:
		snprintf(line, sizeof line, "Map: no event of the filter has coordinates");
		break;
	case FAILED:
		snprintf(line, sizeof line, "Map: the query failed");
		break;
	default:
		snprintf(line, sizeof line,
			 "Map: %lld of %lld events in view%s; hjkl, + - 0, Enter", m->mc.drawn,
			 m->with_coords, m->stage == COUNTING ? " (counting)" : "");
	}
	ui_put(w, 0, 1, cols - 1, line, ROLE_HEADING, 0, NULL);
	if ((m->stage != COUNTING && m->stage != DONE) || !m->mc.counts)
		return;
	draw_grid(v, w, 1);
	double lat, lon;
	projection_from_cell(&m->p, m->cur_col, m->cur_row, &lat, &lon);
	format_point(box, sizeof box, lat, lon);
	long long here = m->mc.counts[m->cur_row * m->p.cols + m->cur_col];
	char ctx[64] = "";
	if (m->context) /* the glyph map_grid_context draws */
		snprintf(ctx, sizeof ctx, "; %s %lld of the layers",
			 ui_text_flags() ? "^" : "\u25c6", m->context);
	snprintf(line, sizeof line, "%s, %.0f km: %lld event%s%s%s", box,
		 projection_cell_radius_km(&m->p), here, here == 1 ? "" : "s", ctx,
		 m->outlined ? "; outlines: Natural Earth" : "");
	ui_put(w, rows - 1, 1, cols - 1, line, ROLE_DIM, 0, NULL);
}

/* Zoom by factor on cell (col, row): it becomes the centre. */
static void zoom_at(struct map_view *m, int col, int row, double factor)
{
	projection_from_cell(&m->p, col, row, &m->p.lat0, &m->p.lon0);
	projection_zoom(&m->p, factor);
	m->cur_col = m->p.cols / 2;
	m->cur_row = m->p.rows / 2;
	m->fit = false;
}

/* Enter: the cursor's cell as a near: chip, then back to the timeline. */
static int filter_to_cell(struct view *v)
{
	struct map_view *m = MV(v);
	struct filter_error err;
	char term[96], msg[320];
	double lat, lon;

	if (m->stage != DONE && m->stage != COUNTING)
		return UI_HANDLED;
	projection_from_cell(&m->p, m->cur_col, m->cur_row, &lat, &lon);
	double km = ceil(projection_cell_radius_km(&m->p));
	snprintf(term, sizeof term, "near:%.3f,%.3f<%.0fkm", lat, lon, km < 1 ? 1 : km);
	if (session_add_terms(v->s, term, &err) != 0) {
		filter_error_format(&err, msg, sizeof msg);
		ui_error(v->ui, "%s", msg);
		return UI_HANDLED;
	}
	ui_message(v->ui, "Filter: added %s", term);
	if (!m->side)
		return UI_CLOSE;
	ui_focus(v->ui, NULL); /* beside the timeline: the keys go back to it */
	return UI_HANDLED;
}

static int map_action(struct view *v, enum action a)
{
	struct map_view *m = MV(v);
	bool shown = m->stage == DONE || m->stage == COUNTING;

	switch (a) {
	case ACT_ENTER:
		return filter_to_cell(v);
	case ACT_MAP:
		return m->side ? UI_UNHANDLED : UI_CLOSE;
	case ACT_VIEW_CLOSE:
		return UI_CLOSE;
	case ACT_MAP_WEST:
	case ACT_MAP_EAST:
	case ACT_MOVE_UP:
	case ACT_MOVE_DOWN:
		if (shown) {
			m->cur_col += a == ACT_MAP_WEST ? -1 : a == ACT_MAP_EAST ? 1 : 0;
			m->cur_row += a == ACT_MOVE_UP ? -1 : a == ACT_MOVE_DOWN ? 1 : 0;
			clamp_cursor(m);
		}
		return UI_HANDLED;
	case ACT_MAP_ZOOM_IN:
	case ACT_MAP_ZOOM_OUT:
		if (shown)
			zoom_at(m, m->cur_col, m->cur_row, a == ACT_MAP_ZOOM_IN ? ZOOM : 1 / ZOOM);
		return UI_HANDLED;
	case ACT_MAP_FIT:
		if (shown)
			fit(m, m->p.cols, m->p.rows);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int map_mouse(struct view *v, enum mouse_kind k, int y, int x)
{
	struct map_view *m = MV(v);

	y -= 1; /* the heading */
	if ((m->stage != DONE && m->stage != COUNTING) || y < 0 || y >= m->p.rows || x < 0 ||
	    x >= m->p.cols)
		return UI_HANDLED;
	switch (k) {
	case MOUSE_WHEEL_UP:
	case MOUSE_WHEEL_DOWN:
		zoom_at(m, x, y, k == MOUSE_WHEEL_UP ? ZOOM : 1 / ZOOM);
		return UI_HANDLED;
	case MOUSE_DOUBLE:
		m->cur_col = x;
		m->cur_row = y;
		return filter_to_cell(v);
	default:
		m->cur_col = x;
		m->cur_row = y;
		return UI_HANDLED;
	}
}

static void map_position(struct view *v, struct strbuf *out)
{
	struct map_view *m = MV(v);
	if (m->stage == DONE || m->stage == COUNTING)
		sb_addf(out, "%.0f km/cell", 2 * projection_cell_radius_km(&m->p));
}

/* Another filter: measure and fit again. */
static int map_changed(struct view *v)
{
	if (MV(v)->filter_seen != session_filter_version(v->s))
		restart(v);
	return UI_HANDLED;
}

static int map_idle(struct view *v)
{
	return advance(v, STEP_MS);
}

const struct view_ops map_view_ops = {
    .name = "map",
    .open = map_open,
    .close = map_close,
    .draw = map_draw,
    .action = map_action,
    .mouse = map_mouse,
    .position = map_position,
    .changed = map_changed,
    .idle = map_idle,
};
