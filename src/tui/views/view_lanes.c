/* The actor swimlanes (L): one lane per actor, the filter's top actors by
 * events (j/k scroll them), time across in the density strip's buckets
 * (z/Z zoom, shared with the strip), a shade per bucket by its events
 * (░▒▓█ scaled to the busiest cell shown), the file's context events as
 * dotted vertical markers, and the date of the timeline's selected event
 * as a vertical line ({ and } move it a bucket; the window follows it).
 * Enter on a lane adds actor:NAME as a chip and goes back to the
 * timeline. The counts come in steps between keys (lanes.h). */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/lanes.h"
#include "sitrep/line_list.h"
#include "sitrep/pane.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

enum { TOP_LANES = 50, STEP_MS = 30, HEADER = 3, W_EVENTS = 7 };

struct lanes_view {
	struct lanes l;
	bool failed;
	unsigned long filter_seen;
	bool has_cursor;
	long cursor_day; /* the vertical line: the timeline's date, then { } */
	struct line_list lines;
};

static struct lanes_view *LV(struct view *v)
{
	return v->priv;
}

static enum bucket_zoom zoom(struct view *v)
{
	return session_settings(v->s)->zoom;
}

static void restart(struct view *v)
{
	struct lanes_view *lv = LV(v);
	char *err = NULL;
	lanes_free(&lv->l);
	lines_free(&lv->lines);
	lines_init(&lv->lines, true, 0, HEADER);
	lv->filter_seen = session_filter_version(v->s);
	lv->failed = lanes_begin(session_db(v->s), &session_filter(v->s)->count_where, TOP_LANES,
				 &lv->l, &err) < 0;
	if (lv->failed)
		ui_error(v->ui, "lanes: %s", err ? err : "query failed");
	free(err);
}

static void step(struct view *v)
{
	struct lanes_view *lv = LV(v);
	char *err = NULL;
	int rc = lanes_step(&lv->l, STEP_MS, &err);
	if (rc < 0) {
		ui_error(v->ui, "lanes: %s", err ? err : "query failed");
		free(err);
		lv->failed = true;
		return;
	}
	if (rc == 0)
		for (size_t i = 0; i < lv->l.n; i++)
			lines_add(&lv->lines, NULL, lv->l.v[i].name, ROLE_NORMAL)->link = (long)i;
}

static int lanes_open(struct view *v, long long arg)
{
	struct lanes_view *lv = xcalloc(1, sizeof(*lv));
	(void)arg;
	v->priv = lv;
	lines_init(&lv->lines, true, 0, HEADER);
	const struct event_row *cur = session_current(v->s);
	lv->has_cursor = cur && date_day_valid(cur->date.start);
	if (lv->has_cursor)
		lv->cursor_day = cur->date.start;
	restart(v);
	if (lv->failed) {
		lines_free(&lv->lines);
		free(lv);
		return -1;
	}
	return 0;
}

static void lanes_close(struct view *v)
{
	struct lanes_view *lv = LV(v);
	lanes_free(&lv->l);
	lines_free(&lv->lines);
	free(lv);
}

/* The lane names' width: a fifth of the screen, 12 to 28 columns. */
static int name_cols(int cols)
{
	int n = cols / 5;
	return n < 12 ? 12 : n > 28 ? 28 : n;
}

static int cells_of(int cols)
{
	int n = cols - 1 - name_cols(cols) - W_EVENTS - 1;
	return n > 4 ? n : 4;
}

/* The first bucket shown: the whole span when it fits, else a window
 * with the vertical line in its middle, kept inside the span. */
static long first_bucket(struct view *v, int cells)
{
	struct lanes_view *lv = LV(v);
	enum bucket_zoom z = zoom(v);
	long a = bucket_of(z, lv->l.first), b = bucket_of(z, lv->l.last);
	if (b - a + 1 <= cells || !lv->has_cursor)
		return a;
	long f = bucket_of(z, lv->cursor_day) - cells / 2;
	if (f > b - cells + 1)
		f = b - cells + 1;
	return f < a ? a : f;
}

struct draw_ctx {
	struct view *v;
	long first, max, cursor; /* cursor: the line's bucket, or LONG_MIN */
	int cells;               /* the buckets shown: no more than the span's */
	int width;               /* the columns for them */
};

static const char *const utf8_shades[5] = {" ", "\u2591", "\u2592", "\u2593", "\u2588"};
static const char *const ascii_shades[5] = {" ", ".", "-", "+", "#"};

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	const struct draw_ctx *c = ctx;
	const struct lanes_view *lv = LV(c->v);
	bool ascii = ui_text_flags() != 0;
	const char *const *shades = ascii ? ascii_shades : utf8_shades;
	enum bucket_zoom z = zoom(c->v);
	int nc = name_cols(cols), x = 1 + nc;
	char num[24];

	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
	ui_put(w, y, 1, nc, l->text, sel ? ROLE_CURSOR : ROLE_ACTOR, PUT_PAD | PUT_GAP, NULL);
	for (int k = 0; k < c->cells; k++) {
		long b = c->first + k;
		long n = lanes_count(&lv->l, (size_t)l->link, z, b);
		bool line = b == c->cursor;
		if (n > 0) {
			int level = (int)((n * 4 + c->max - 1) / c->max); /* 1..4 */
			ui_put(w, y, x + k, 1, shades[level], line ? ROLE_CURSOR : ROLE_INCIDENT, 0,
			       NULL);
		} else if (line) {
			ui_put(w, y, x + k, 1, ascii ? "|" : "\u2502", ROLE_CURSOR, 0, NULL);
		} else if (lanes_context(&lv->l, z, b)) {
			ui_put(w, y, x + k, 1, ascii ? ":" : "\u250a", ROLE_STRIP_CONTEXT, 0, NULL);
		}
	}
	snprintf(num, sizeof num, "%ld", lv->l.v[l->link].events);
	ui_put(w, y, x + c->width, W_EVENTS + 1, num, ROLE_DIM, PUT_RIGHT, NULL);
}

/* Row 1: years where a year starts; row 2: context marks and the line. */
static void draw_axis(const struct draw_ctx *c, WINDOW *w, int x)
{
	const struct lanes_view *lv = LV(c->v);
	enum bucket_zoom z = zoom(c->v);
	int free_from = 0;
	char year[16];
	for (int k = 0; k < c->cells; k++) {
		long b = c->first + k;
		int yl = bucket_year_label(z, b);
		if ((yl || k == 0) && k >= free_from && k + 4 <= c->cells) {
			int yy, m, d;
			date_civil(bucket_start(z, b), &yy, &m, &d);
			snprintf(year, sizeof year, "%d", yl ? yl : yy);
			ui_put(w, 1, x + k, 4, year, yl ? ROLE_SEP_YEAR : ROLE_DIM, 0, NULL);
			free_from = k + 5;
		}
		if (b == c->cursor)
			ui_put(w, 2, x + k, 1, ui_text_flags() ? "v" : "\u25bc", ROLE_CURSOR, 0,
			       NULL);
		else if (lanes_context(&lv->l, z, b))
			ui_put(w, 2, x + k, 1, ui_glyphs()->context, ROLE_CONTEXT, 0, NULL);
	}
}

static void lanes_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct lanes_view *lv = LV(v);
	enum bucket_zoom z = zoom(v);
	int nc = name_cols(cols);
	char head[160], label[BUCKET_LABEL_LEN];

	if (lv->failed)
		return;
	if (!lanes_done(&lv->l)) {
		ui_put(w, 0, 1, cols - 1, "Actor swimlanes: counting...", ROLE_HEADING, 0, NULL);
		return;
	}
	struct draw_ctx c = {v, 0, 1, LONG_MIN, cells_of(cols), cells_of(cols)};
	c.first = first_bucket(v, c.width);
	long span_end = bucket_of(z, lv->l.last);
	if (span_end - c.first + 1 < c.cells)
		c.cells = (int)(span_end - c.first + 1);
	if (lv->has_cursor)
		c.cursor = bucket_of(z, lv->cursor_day);
	for (size_t i = 0; i < lv->l.n; i++)
		for (int k = 0; k < c.cells; k++) {
			long n = lanes_count(&lv->l, i, z, c.first + k);
			if (n > c.max)
				c.max = n;
		}
	if (lv->has_cursor)
		bucket_label(z, c.cursor, label);
	snprintf(head, sizeof head, "The filter's top %zu actors by %s%s%s; Enter filters to one",
		 lv->l.n, bucket_zoom_name(z), lv->has_cursor ? ", the line at " : "",
		 lv->has_cursor ? label : "");
	ui_put(w, 0, 1, cols - 1, head, ROLE_HEADING, 0, NULL);
	if (!lv->l.n) {
		ui_put(w, 3, 2, cols - 2, "No actor in this filter", ROLE_DIM, 0, NULL);
		return;
	}
	ui_put(w, 2, 1, nc, "context", ROLE_LABEL, 0, NULL);
	ui_put(w, 2, 1 + nc + c.width, W_EVENTS + 1, "events", ROLE_LABEL, PUT_RIGHT, NULL);
	draw_axis(&c, w, 1 + nc);
	lines_draw(&lv->lines, w, rows, cols, draw_line, &c);
}

static int lanes_idle(struct view *v)
{
	struct lanes_view *lv = LV(v);
	if (lv->failed || lanes_done(&lv->l))
		return 0;
	do
		step(v);
	while (!lv->failed && !lanes_done(&lv->l) && ui_headless(v->ui));
	return 1;
}

/* Enter: the lane's actor as a chip, then back to the timeline. */
static int filter_to(struct view *v)
{
	const struct line *l = lines_selected(&LV(v)->lines);
	if (!l)
		return UI_HANDLED;
	/* copied: adding the term counts this view again, which frees it */
	char *name = xstrdup(LV(v)->l.v[l->link].name);
	struct ui *ui = v->ui;
	ui_add_term(ui, "actor", name);
	free(name);
	return UI_CLOSE;
}

static int lanes_action(struct view *v, enum action a)
{
	struct lanes_view *lv = LV(v);
	switch (a) {
	case ACT_ENTER:
		return filter_to(v);
	case ACT_ZOOM_IN:
	case ACT_ZOOM_OUT:
		return strip_zoom(v->ui, v->s, a) & ~UI_RELAYOUT;
	case ACT_BUCKET_NEXT:
	case ACT_BUCKET_PREV: {
		enum bucket_zoom z = zoom(v);
		if (!lv->has_cursor) {
			lv->has_cursor = true;
			lv->cursor_day = lv->l.first;
		}
		long b = bucket_of(z, lv->cursor_day) + (a == ACT_BUCKET_NEXT ? 1 : -1);
		lv->cursor_day = bucket_start(z, b);
		return UI_HANDLED;
	}
	case ACT_LANES:
		return UI_CLOSE;
	default:
		return lines_action(&lv->lines, a, session_search_folded(v->s));
	}
}

static int lanes_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	(void)x;
	if (lines_mouse(&LV(v)->lines, m, y))
		return lanes_action(v, ACT_ENTER);
	return UI_HANDLED;
}

static void lanes_position(struct view *v, struct strbuf *out)
{
	lines_position(&LV(v)->lines, out);
}

/* Another filter: count again; another zoom needs nothing (the days are
 * summed at each draw). */
static int lanes_changed(struct view *v)
{
	if (LV(v)->filter_seen != session_filter_version(v->s))
		restart(v);
	return UI_HANDLED;
}

const struct view_ops lanes_view_ops = {
    .name = "lanes",
    .open = lanes_open,
    .close = lanes_close,
    .draw = lanes_draw,
    .action = lanes_action,
    .mouse = lanes_mouse,
    .position = lanes_position,
    .changed = lanes_changed,
    .idle = lanes_idle,
};
