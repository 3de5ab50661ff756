/* pane_strip: the density strip above the timeline. One cell per bucket of
 * the filter's events around the cursor's bucket, as a block-shade bar;
 * empty buckets stay blank and are never skipped, so the width of a gap is
 * the length of a lull. The second row carries year labels and context
 * marks; the right edge says the filter's peak (its fullest bucket, P goes
 * there) and the zoom, the cursor's bucket and its count, and
 * "counting..." while the counts are still coming in steps. */
#include "config.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/pane.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define INFO_W  22 /* the right-hand field: "^2022-W52 123 week", "2022-W52  1234" */
#define STEP_MS 30

struct strip {
	long first;               /* first bucket on screen */
	int cells;                /* buckets drawn last time; 0: centre on the cursor again */
	enum bucket_zoom zoom;    /* the zoom drawn last time */
	unsigned long extra_seen; /* the session's filter version of the extra events counted */
};

static const char *const utf8_bars[9] = {" ",      "\u2581", "\u2582", "\u2583", "\u2584",
					 "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const ascii_bars[9] = {" ", ".", ":", "-", "=", "+", "*", "#", "@"};

static struct strip *S(struct pane *p)
{
	return p->priv;
}

static struct session_settings *settings(struct pane *p)
{
	return session_settings(p->s);
}

/* The strip stands above a view with panes (the timeline). */
static bool beside_timeline(struct pane *p)
{
	struct view *top = ui_top(p->ui);
	return top && top->ops->panes;
}

static bool busy(struct pane *p)
{
	struct density *d = session_density(p->s);
	if (!d)
		return false;
	bool current = density_is(d, session_filter_text(p->s));
	/* counts taken from event_day are checked even with the strip out of
	 * sight: the timeline's total may be theirs */
	if (current && density_done(d) && !density_settled(d))
		return true;
	return settings(p)->strip_on && beside_timeline(p) && (!current || !density_settled(d));
}

/* Point the counter at the filter in force: complete at once when the
 * filter was counted lately, or is none and the file's per-day counts
 * hold; else a pass for idle to step through. */
static int follow_filter(struct pane *p, char **err)
{
	struct density *d = session_density(p->s);
	const char *key = session_filter_text(p->s);

	unsigned long seen = session_filter_version(p->s);
	if (S(p)->extra_seen != seen) { /* the layers' events the filter keeps */
		density_set_extra(d, session_extra(p->s));
		S(p)->extra_seen = seen;
	}
	if (density_is(d, key))
		return 0;
	return density_set_filter(d, key, &session_filter(p->s)->count_where, err);
}

/* A database error ends the strip for the session; the timeline goes on. */
static void strip_failed(struct pane *p, const char *err)
{
	ui_error(p->ui, "density strip: %s", err ? err : "failed");
	settings(p)->strip_on = false;
	session_settings_changed(p->s);
}

/* Before the first screen: set the counter to the filter, so that a strip
 * complete at once (no filter, a file with per-day counts) is drawn so. */
static int strip_open(struct pane *p)
{
	char *err = NULL;

	p->priv = xcalloc(1, sizeof(struct strip));
	S(p)->zoom = settings(p)->zoom;
	if (session_density(p->s) && follow_filter(p, &err) < 0)
		strip_failed(p, err);
	free(err);
	return 0;
}

static void strip_close(struct pane *p)
{
	free(p->priv);
}

static bool strip_idle(struct pane *p)
{
	struct density *d = session_density(p->s);
	char *err = NULL;
	int rc;

	if (!busy(p))
		return false;
	rc = follow_filter(p, &err);
	/* a headless run counts to the end so that every dump is the same */
	if (rc == 0)
		rc = ui_headless(p->ui)                   ? density_run(d, &err)
		     : density_step(d, STEP_MS, &err) < 0 ? -1
							  : 0;
	if (rc < 0)
		strip_failed(p, err);
	free(err);
	return true;
}

static int strip_size(struct pane *p, const struct view *top, int rows, int cols)
{
	return top->ops->panes && settings(p)->strip_on && rows >= 14 ? 2 : 0;
}

/* A new zoom (a key, a saved view) centres the strip on the cursor again. */
static int strip_changed(struct pane *p)
{
	if (S(p)->zoom != settings(p)->zoom) {
		S(p)->zoom = settings(p)->zoom;
		S(p)->cells = 0;
	}
	return UI_RELAYOUT; /* strip_on may have changed */
}

static long cursor_bucket(struct pane *p, bool *have)
{
	const struct event_row *r = session_current(p->s);
	*have = r != NULL;
	return r ? bucket_of(settings(p)->zoom, r->date.start) : 0;
}

/* Keep the cursor's bucket on screen, moving the window only when it
 * leaves it, and never past the ends of the data when the data is wider. */
static void place_window(struct pane *p, long cb, int cells)
{
	struct strip *st = S(p);
	enum bucket_zoom z = settings(p)->zoom;
	long first_day, last_day;

	if (!density_range(session_density(p->s), &first_day, &last_day)) {
		st->first = cb - cells / 2;
		return;
	}
	long fb = bucket_of(z, first_day), lb = bucket_of(z, last_day);
	if (lb - fb + 1 <= cells) {
		st->first = fb;
		return;
	}
	if (cb < st->first || cb >= st->first + cells || st->cells != cells)
		st->first = cb - cells / 2;
	if (st->first > lb - cells + 1)
		st->first = lb - cells + 1;
	if (st->first < fb)
		st->first = fb;
}

/* The fullest bucket of the filter at the zoom (the first of equals):
 * false while nothing is counted. */
static bool peak_bucket(struct pane *p, long *peak, long *count)
{
	struct density *d = session_density(p->s);
	enum bucket_zoom z = settings(p)->zoom;
	long first_day, last_day;
	if (!d || !density_range(d, &first_day, &last_day))
		return false;
	*count = 0;
	for (long b = bucket_of(z, first_day), last = bucket_of(z, last_day); b <= last; b++) {
		struct density_counts c = density_bucket(d, z, b);
		if (c.incidents + c.context > *count) {
			*count = c.incidents + c.context;
			*peak = b;
		}
	}
	return *count > 0;
}

static void draw_info(struct pane *p, WINDOW *w, int x, long cb, bool have)
{
	struct density *d = session_density(p->s);
	enum bucket_zoom z = settings(p)->zoom;
	char top[64], bottom[64], label[BUCKET_LABEL_LEN];
	bool counting = !density_done(d) || !density_is(d, session_filter_text(p->s));
	long peak, peak_n;

	if (!counting && peak_bucket(p, &peak, &peak_n)) {
		/* the peak before the zoom, as the cursor's bucket before its count */
		bucket_label(z, peak, label);
		snprintf(top, sizeof top, "%s%s %ld %s", ui_text_flags() ? "^" : "\u25b2", label,
			 peak_n, bucket_zoom_name(z));
	} else {
		snprintf(top, sizeof top, "%s%s", bucket_zoom_name(z),
			 counting ? " counting..." : "");
	}
	bottom[0] = '\0';
	if (have) {
		struct density_counts c = density_bucket(d, z, cb);
		bucket_label(z, cb, label);
		snprintf(bottom, sizeof bottom, "%s %6ld", label, c.incidents + c.context);
	}
	ui_put(w, 0, x, INFO_W, top, ROLE_DIM, PUT_RIGHT, NULL);
	/* the cursor's bucket and its count in the cursor's own style, a key to
	 * the highlighted bar; drawn after it, this costs no colour change */
	int n = (int)strlen(bottom) < INFO_W ? (int)strlen(bottom) : INFO_W;
	ui_put(w, 1, x + INFO_W - n, n, bottom, ROLE_CURSOR, PUT_RIGHT, NULL);
}

/* The last bucket with data, so the strip does not run on into years no
 * event reaches; LONG_MAX while nothing is counted yet. */
static long last_bucket(struct pane *p)
{
	long first_day, last_day;
	return density_range(session_density(p->s), &first_day, &last_day)
		   ? bucket_of(settings(p)->zoom, last_day)
		   : LONG_MAX;
}

static void draw_labels(struct pane *p, WINDOW *w, int cells)
{
	const struct glyphs *g = ui_glyphs();
	struct density *d = session_density(p->s);
	enum bucket_zoom z = settings(p)->zoom;
	long first = S(p)->first;
	int free_from = 0, y0, m, dd;
	char year[16];

	/* the first cell says its year when no New Year is near, as at day zoom */
	date_civil(bucket_start(z, first), &y0, &m, &dd);
	bool near = false;
	for (int k = 0; k < 5 && k < cells; k++)
		near = near || bucket_year_label(z, first + k);
	if (!near && cells >= 5) {
		snprintf(year, sizeof year, "%d", y0);
		ui_put(w, 1, 0, 4, year, ROLE_DIM, 0, NULL);
		free_from = 5;
	}
	for (int k = 0; k < cells; k++) {
		long b = first + k;
		int y = bucket_year_label(z, b);
		if (y && k >= free_from && k + 4 <= cells) {
			snprintf(year, sizeof year, "%d", y);
			ui_put(w, 1, k, 4, year, ROLE_SEP_YEAR, 0, NULL);
			free_from = k + 5;
		} else if (k >= free_from && density_bucket(d, z, b).context > 0) {
			ui_put(w, 1, k, 1, g->context, ROLE_CONTEXT, 0, NULL);
		}
	}
}

static void strip_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct density *d = session_density(p->s);
	enum bucket_zoom z = settings(p)->zoom;
	const char *const *bars = ui_text_flags() ? ascii_bars : utf8_bars;
	int cells = cols - INFO_W - 1;
	bool have;

	if (!d || cells < 8)
		return;
	long cb = cursor_bucket(p, &have), first_day, last_day;
	if (!have && !density_range(d, &first_day, &last_day)) {
		draw_info(p, w, cells + 1, cb, have); /* nothing to count, or not yet */
		return;
	}
	place_window(p, cb, cells);
	S(p)->cells = cells;
	long first = S(p)->first;
	long max = density_max(d, z, first, first + cells - 1);
	long shown = last_bucket(p) - first + 1;
	int bars_n = shown < cells ? (int)(shown < 0 ? 0 : shown) : cells;
	for (int k = 0; k < bars_n; k++) {
		long b = first + k;
		struct density_counts c = density_bucket(d, z, b);
		long n = c.incidents + c.context;
		/* any event shows: the smallest count gets the lowest bar, not none */
		int level = n == 0 ? 0 : (int)(1 + (n - 1) * 7 / (max > 1 ? max - 1 : 1));
		enum role r = have && b == cb ? ROLE_CURSOR
			      : c.context     ? ROLE_STRIP_CONTEXT
					      : ROLE_NORMAL;
		ui_put(w, 0, k, 1, bars[level > 8 ? 8 : level], r, PUT_PAD, NULL);
	}
	/* the labels run at least over the room of a year's label, so that a
	 * filter of one bucket still says its year */
	draw_labels(p, w, bars_n > 5 ? bars_n : cells < 5 ? cells : 5);
	draw_info(p, w, cells + 1, cb, have);
}

/* Move the timeline to the first event on or after day. */
static void goto_day(struct pane *p, long day)
{
	char iso[DATE_ISO_LEN];
	struct view *t = session_timeline(p->s);

	date_format(iso, day);
	if (t && t->ops->command)
		t->ops->command(t, "goto", iso);
}

/* The next bucket from the cursor's in direction dir with an event. */
static void bucket_step(struct pane *p, int dir)
{
	struct density *d = session_density(p->s);
	enum bucket_zoom z = settings(p)->zoom;
	bool have;
	long cb = cursor_bucket(p, &have), first_day, last_day;

	if (!have || !density_range(d, &first_day, &last_day))
		return;
	long lo = bucket_of(z, first_day), hi = bucket_of(z, last_day);
	for (long b = cb + dir; b >= lo && b <= hi; b += dir) {
		struct density_counts c = density_bucket(d, z, b);
		if (c.incidents + c.context > 0) {
			goto_day(p, bucket_start(z, b));
			return;
		}
	}
	ui_message(p->ui,
		   dir > 0 ? "No later bucket with events" : "No earlier bucket with events");
}

int strip_zoom(struct ui *ui, struct session *s, enum action a)
{
	struct session_settings *set = session_settings(s);
	int z = (int)set->zoom + (a == ACT_ZOOM_IN ? -1 : 1);
	if (z < 0 || z >= ZOOM_COUNT) {
		ui_message(ui, "Zoom: %s is the %s", bucket_zoom_name(set->zoom),
			   z < 0 ? "finest" : "coarsest");
		return UI_HANDLED;
	}
	set->zoom = (enum bucket_zoom)z;
	session_settings_changed(s);
	ui_message(ui, "Zoom: %s", bucket_zoom_name(set->zoom));
	return UI_HANDLED | UI_RELAYOUT;
}

static int strip_action(struct pane *p, enum action a)
{
	struct session_settings *set = settings(p);

	if (!beside_timeline(p) || !session_density(p->s))
		return UI_UNHANDLED;
	switch (a) {
	case ACT_ZOOM_IN:
	case ACT_ZOOM_OUT: {
		int flags = strip_zoom(p->ui, p->s, a);
		if (flags & UI_RELAYOUT) /* zoomed: the strip shows it */
			set->strip_on = true;
		return flags;
	}
	case ACT_STRIP_TOGGLE:
		set->strip_on = !set->strip_on;
		session_settings_changed(p->s);
		return UI_HANDLED | UI_RELAYOUT;
	case ACT_PEAK: {
		long peak, n;
		if (!peak_bucket(p, &peak, &n)) {
			ui_message(p->ui, "Peak: the counts are not in yet");
			return UI_HANDLED;
		}
		char label[BUCKET_LABEL_LEN];
		bucket_label(set->zoom, peak, label);
		goto_day(p, bucket_start(set->zoom, peak));
		ui_message(p->ui, "Peak: %s, %ld event%s (the fullest %s)", label, n,
			   n == 1 ? "" : "s", bucket_zoom_name(set->zoom));
		return UI_HANDLED;
	}
	case ACT_BUCKET_NEXT:
	case ACT_BUCKET_PREV:
		bucket_step(p, a == ACT_BUCKET_NEXT ? 1 : -1);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int strip_mouse(struct pane *p, enum mouse_kind m, int y, int x)
{
	struct strip *st = S(p);

	if (m == MOUSE_CLICK && y == 0 && x >= 0 && x < st->cells)
		goto_day(p, bucket_start(settings(p)->zoom, st->first + x));
	return UI_HANDLED;
}

const struct pane_ops strip_pane_ops = {
    .name = "strip",
    .edge = PANE_TOP,
    .size = strip_size,
    .draw = strip_draw,
    .open = strip_open,
    .close = strip_close,
    .action = strip_action,
    .mouse = strip_mouse,
    .changed = strip_changed,
    .idle = strip_idle,
};
