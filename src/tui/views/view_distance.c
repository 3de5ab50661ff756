/* The distance view (D): how far the filter's incidents are from the
 * capital, one line per bucket of the density strip (z/Z zoom it, as the
 * strip), from the first bucket with a located incident to the last, empty
 * buckets kept so that a gap reads as a lull: a bar to the median distance
 * whose darker part reaches the 10th percentile, the figures, and a mark
 * (with its title, where the width allows) on buckets holding context
 * events. The series is read in steps between keys (distance.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/distance.h"
#include "sitrep/line_list.h"
#include "sitrep/pane.h"
#include "sitrep/places.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

enum { STEP_MS = 30, HEADER = 2 };

struct distance_view {
	struct place cap;
	struct distance_scan *scan; /* NULL once done (or failed) */
	struct distance_series d;   /* the series, when done */
	bool failed;
	enum bucket_zoom zoom;     /* the zoom counted */
	unsigned long filter_seen; /* the filter version counted */
	double max_km;             /* the largest median: the bars' scale */
	bool has_want;             /* the bucket to select once built: */
	long want;
	struct line_list lines;
};

static struct distance_view *DV(struct view *v)
{
	return v->priv;
}

/* Count again for the filter and zoom in force (between keys). */
static void restart(struct view *v)
{
	struct distance_view *d = DV(v);
	char *err = NULL;

	distance_end(d->scan);
	distance_series_free(&d->d);
	lines_free(&d->lines); /* and the position: other buckets */
	lines_init(&d->lines, true, 0, HEADER);
	d->zoom = session_settings(v->s)->zoom;
	/* the cursor goes to the bucket of the timeline's selected event */
	const struct event_row *cur = session_current(v->s);
	d->has_want = cur && date_day_valid(cur->date.start);
	if (d->has_want)
		d->want = bucket_of_span(d->zoom, &cur->date, NULL);
	d->filter_seen = session_filter_version(v->s);
	d->failed = false;
	/* the pages' form: it walks the date index, as the scan reads */
	d->scan = distance_begin(session_db(v->s), &session_filter(v->s)->where, d->zoom,
				 d->cap.lat, d->cap.lon, &err);
	if (!d->scan) {
		ui_error(v->ui, "distance: %s", err ? err : "query failed");
		d->failed = true;
	}
	free(err);
}

/* One line per bucket from the first row to the last; a line's link is
 * its row in the series, -1 for a bucket with nothing. */
static void build(struct distance_view *d)
{
	lines_clear(&d->lines);
	d->max_km = 0;
	if (!d->d.n)
		return;
	size_t r = 0;
	for (long b = d->d.v[0].bucket; b <= d->d.v[d->d.n - 1].bucket; b++) {
		char label[BUCKET_LABEL_LEN];
		bucket_label(d->zoom, b, label);
		bool here = r < d->d.n && d->d.v[r].bucket == b;
		lines_add(&d->lines, NULL, label, ROLE_NORMAL)->link = here ? (long)r : -1;
		if (here) {
			if (d->d.v[r].located && d->d.v[r].median_km > d->max_km)
				d->max_km = d->d.v[r].median_km;
			r++;
		}
	}
	if (d->has_want) {
		long first = d->d.v[0].bucket, n = d->lines.n;
		long i = d->want - first;
		d->lines.sel = (int)(i < 0 ? 0 : i >= n ? n - 1 : i);
	}
}

static void step(struct view *v)
{
	struct distance_view *d = DV(v);
	char *err = NULL;
	int rc = distance_step(d->scan, STEP_MS, &err);
	if (rc < 0) {
		ui_error(v->ui, "distance: %s", err ? err : "query failed");
		free(err);
		d->failed = true;
	} else if (rc == 0) {
		distance_take(d->scan, &d->d);
		build(d);
	} else {
		return;
	}
	distance_end(d->scan);
	d->scan = NULL;
}

static int dist_open(struct view *v, long long arg)
{
	struct distance_view *d = xcalloc(1, sizeof(*d));
	char *err = NULL;
	(void)arg;
	int rc = places_capital(session_db(v->s), &d->cap, &err);
	if (rc != 0) {
		ui_error(v->ui, "distance: %s",
			 rc < 0 && err ? err
				       : "the database names no capital (meta key 'capital')");
		free(err);
		free(d);
		return -1;
	}
	v->priv = d;
	restart(v);
	return 0;
}

static void dist_close(struct view *v)
{
	struct distance_view *d = DV(v);
	distance_end(d->scan);
	distance_series_free(&d->d);
	lines_free(&d->lines);
	place_free(&d->cap);
	free(d);
}

/* Columns: cursor, bucket, context mark, bar, median, p10, events, and
 * the first context event's title when 100 columns or more. */
enum { W_LABEL = 10, W_MARK = 2, W_NUM = 8, W_N = 7, TITLE_FROM = 100, W_TITLE = 32 };

static int title_cols(int cols)
{
	return cols >= TITLE_FROM ? W_TITLE : 0;
}

static int bar_cols(int cols)
{
	int n = cols - 1 - W_LABEL - W_MARK - 2 * W_NUM - W_N - 1 - title_cols(cols);
	return n > 4 ? n : 4;
}

static void draw_bar(WINDOW *w, int y, int x, int width, const struct distance_row *r, double max)
{
	bool ascii = ui_text_flags() != 0;
	int med = (int)lround(r->median_km / max * width);
	int p10 = (int)lround(r->p10_km / max * width);
	if (med < 1) /* a median near the capital still shows */
		med = 1;
	if (p10 > med)
		p10 = med;
	ui_fill(w, y, x, p10, ascii ? "#" : "\u2588", ROLE_INCIDENT);
	ui_fill(w, y, x + p10, med - p10, ascii ? "=" : "\u2592", ROLE_INCIDENT);
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	const struct distance_view *d = ctx;
	enum role role = sel ? ROLE_CURSOR : ROLE_NORMAL;
	int x = 1, bw = bar_cols(cols);
	char num[32];

	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
	ui_put(w, y, x, W_LABEL, l->text, sel ? ROLE_CURSOR : ROLE_DATE, PUT_PAD, NULL);
	x += W_LABEL;
	if (l->link < 0)
		return;
	const struct distance_row *r = &d->d.v[l->link];
	if (r->context)
		ui_put(w, y, x, 1, ui_glyphs()->context, ROLE_CONTEXT, 0, NULL);
	x += W_MARK;
	if (r->located && d->max_km > 0)
		draw_bar(w, y, x, bw, r, d->max_km);
	x += bw;
	if (r->located) {
		snprintf(num, sizeof num, "%.1f", r->median_km);
		ui_put(w, y, x, W_NUM, num, role, PUT_RIGHT, NULL);
		snprintf(num, sizeof num, "%.1f", r->p10_km);
		ui_put(w, y, x + W_NUM, W_NUM, num, role, PUT_RIGHT, NULL);
		snprintf(num, sizeof num, "%lld", r->located);
		ui_put(w, y, x + 2 * W_NUM, W_N, num, ROLE_DIM, PUT_RIGHT, NULL);
	}
	x += 2 * W_NUM + W_N + 1;
	if (title_cols(cols) && r->context_title)
		ui_put(w, y, x, cols - x, r->context_title, ROLE_CONTEXT, 0, NULL);
}

static void dist_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct distance_view *d = DV(v);
	const struct glyphs *g = ui_glyphs();
	bool ascii = ui_text_flags() != 0;
	struct strbuf head = STRBUF_INIT;
	int x = 1 + W_LABEL + W_MARK, bw = bar_cols(cols);

	/* the capital's name comes from the data: ui_put sanitises it */
	sb_addf(&head, "km from %s by %s: median %s, 10th percentile %s; %s context%s", d->cap.name,
		bucket_zoom_name(d->zoom), ascii ? "=" : "\u2592", ascii ? "#" : "\u2588",
		g->context, d->scan ? "; counting..." : "");
	ui_put(w, 0, 1, cols - 1, sb_str(&head), ROLE_HEADING, 0, NULL);
	sb_free(&head);
	ui_put(w, 1, 1, W_LABEL, bucket_zoom_name(d->zoom), ROLE_LABEL, 0, NULL);
	char scale[32];
	snprintf(scale, sizeof scale, "0..%.0f km", d->max_km);
	ui_put(w, 1, x, bw, d->max_km > 0 ? scale : "", ROLE_LABEL, 0, NULL);
	x += bw;
	ui_put(w, 1, x, W_NUM, "median", ROLE_LABEL, PUT_RIGHT, NULL);
	ui_put(w, 1, x + W_NUM, W_NUM, "p10", ROLE_LABEL, PUT_RIGHT, NULL);
	ui_put(w, 1, x + 2 * W_NUM, W_N, "events", ROLE_LABEL, PUT_RIGHT, NULL);
	if (title_cols(cols))
		ui_put(w, 1, x + 2 * W_NUM + W_N + 1, cols - (x + 2 * W_NUM + W_N + 1),
		       "first context event", ROLE_LABEL, 0, NULL);
	if (!d->scan && !d->failed && !d->d.n)
		ui_put(w, 2, 2, cols - 2, "No located incident in this filter", ROLE_DIM, 0, NULL);
	lines_draw(&d->lines, w, rows, cols, draw_line, d);
}

/* Between keys: a step of the scan (all of it in a headless run). */
static int dist_idle(struct view *v)
{
	struct distance_view *d = DV(v);
	if (!d->scan)
		return 0;
	do
		step(v);
	while (d->scan && ui_headless(v->ui));
	return 1;
}

static int dist_action(struct view *v, enum action a)
{
	switch (a) {
	case ACT_ZOOM_IN:
	case ACT_ZOOM_OUT:
		return strip_zoom(v->ui, v->s, a) & ~UI_RELAYOUT;
	case ACT_DISTANCE:
		return UI_CLOSE;
	default:
		return lines_action(&DV(v)->lines, a, NULL);
	}
}

static int dist_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	(void)x;
	lines_mouse(&DV(v)->lines, m, y);
	return UI_HANDLED;
}

static void dist_position(struct view *v, struct strbuf *out)
{
	lines_position(&DV(v)->lines, out);
}

/* Another filter or zoom: count again. */
static int dist_changed(struct view *v)
{
	struct distance_view *d = DV(v);
	if (d->filter_seen != session_filter_version(v->s) ||
	    d->zoom != session_settings(v->s)->zoom)
		restart(v);
	return UI_HANDLED;
}

const struct view_ops distance_view_ops = {
    .name = "distance",
    .open = dist_open,
    .close = dist_close,
    .draw = dist_draw,
    .action = dist_action,
    .mouse = dist_mouse,
    .position = dist_position,
    .changed = dist_changed,
    .idle = dist_idle,
};
