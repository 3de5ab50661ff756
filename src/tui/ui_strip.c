/* ui_strip: the density strip above the timeline. One cell per bucket of
 * the filter's events around the cursor's bucket, as a block-shade bar;
 * empty buckets stay blank and are never skipped, so the width of a gap is
 * the length of a lull. The second row carries year labels and context
 * marks; the right edge says the zoom, the cursor's bucket and its count,
 * and "counting..." while the counts are still coming in steps. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"

#define INFO_W  20 /* the right-hand field: "2022-W52  1234" */
#define STEP_MS 30

static const char *const utf8_bars[9] = {" ",      "\u2581", "\u2582", "\u2583", "\u2584",
					 "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const ascii_bars[9] = {" ", ".", ":", "-", "=", "+", "*", "#", "@"};

bool ui_strip_busy(struct ui *ui)
{
	if (!ui->density)
		return false;
	bool current = density_is(ui->density, ui->filter_text);
	/* counts taken from event_day are checked even with the strip out of
	 * sight: the timeline's total may be theirs */
	if (current && density_done(ui->density) && !density_settled(ui->density))
		return true;
	return ui->strip_on && ui->nviews == 1 && (!current || !density_settled(ui->density));
}

/* Point the counter at the filter in force: complete at once when the
 * filter was counted lately, or is none and the file's per-day counts
 * hold; else a pass for ui_strip_idle to step through. */
static int follow_filter(struct ui *ui, char **err)
{
	if (density_is(ui->density, ui->filter_text))
		return 0;
	return density_set_filter(ui->density, ui->filter_text, &ui->filter.count_where, err);
}

/* A database error ends the strip for the session; the timeline goes on. */
static void strip_failed(struct ui *ui, const char *err)
{
	ui_error(ui, "density strip: %s", err ? err : "failed");
	ui->strip_on = false;
}

void ui_strip_start(struct ui *ui)
{
	char *err = NULL;

	if (ui->density && follow_filter(ui, &err) < 0)
		strip_failed(ui, err);
	free(err);
}

bool ui_strip_idle(struct ui *ui)
{
	char *err = NULL;
	int rc;

	if (!ui_strip_busy(ui))
		return false;
	rc = follow_filter(ui, &err);
	/* a headless run counts to the end so that every dump is the same */
	if (rc == 0)
		rc = ui->scripted                                   ? density_run(ui->density, &err)
		     : density_step(ui->density, STEP_MS, &err) < 0 ? -1
								    : 0;
	if (rc < 0)
		strip_failed(ui, err);
	free(err);
	return true;
}

static long cursor_bucket(struct ui *ui, bool *have)
{
	const struct event_row *r = ui_current_event(ui);
	*have = r != NULL;
	return r ? bucket_of(ui->zoom, r->date.start) : 0;
}

/* Keep the cursor's bucket on screen, moving the window only when it
 * leaves it, and never past the ends of the data when the data is wider. */
static void place_window(struct ui *ui, long cb, int cells)
{
	long first_day, last_day;
	if (!density_range(ui->density, &first_day, &last_day)) {
		ui->strip_first = cb - cells / 2;
		return;
	}
	long fb = bucket_of(ui->zoom, first_day), lb = bucket_of(ui->zoom, last_day);
	if (lb - fb + 1 <= cells) {
		ui->strip_first = fb;
		return;
	}
	if (cb < ui->strip_first || cb >= ui->strip_first + cells || ui->strip_cells != cells)
		ui->strip_first = cb - cells / 2;
	if (ui->strip_first > lb - cells + 1)
		ui->strip_first = lb - cells + 1;
	if (ui->strip_first < fb)
		ui->strip_first = fb;
}

static void draw_info(struct ui *ui, WINDOW *w, int x, long cb, bool have)
{
	char top[64], bottom[64], label[BUCKET_LABEL_LEN];
	bool busy = !density_done(ui->density) || !density_is(ui->density, ui->filter_text);

	snprintf(top, sizeof top, "%s%s", bucket_zoom_name(ui->zoom), busy ? " counting..." : "");
	bottom[0] = '\0';
	if (have) {
		struct density_counts c = density_bucket(ui->density, ui->zoom, cb);
		bucket_label(ui->zoom, cb, label);
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
static long last_bucket(struct ui *ui)
{
	long first_day, last_day;
	return density_range(ui->density, &first_day, &last_day) ? bucket_of(ui->zoom, last_day)
								 : LONG_MAX;
}

static void draw_labels(struct ui *ui, WINDOW *w, int cells)
{
	const struct glyphs *g = ui_glyphs();
	int free_from = 0, y0, m, d;
	char year[16];

	/* the first cell says its year when no New Year is near, as at day zoom */
	date_civil(bucket_start(ui->zoom, ui->strip_first), &y0, &m, &d);
	bool near = false;
	for (int k = 0; k < 5 && k < cells; k++)
		near = near || bucket_year_label(ui->zoom, ui->strip_first + k);
	if (!near && cells >= 5) {
		snprintf(year, sizeof year, "%d", y0);
		ui_put(w, 1, 0, 4, year, ROLE_DIM, 0, NULL);
		free_from = 5;
	}
	for (int k = 0; k < cells; k++) {
		long b = ui->strip_first + k;
		int y = bucket_year_label(ui->zoom, b);
		if (y && k >= free_from && k + 4 <= cells) {
			snprintf(year, sizeof year, "%d", y);
			ui_put(w, 1, k, 4, year, ROLE_SEP_YEAR, 0, NULL);
			free_from = k + 5;
		} else if (k >= free_from && density_bucket(ui->density, ui->zoom, b).context > 0) {
			ui_put(w, 1, k, 1, g->context, ROLE_CONTEXT, 0, NULL);
		}
	}
}

void ui_strip_draw(struct ui *ui)
{
	WINDOW *w = ui->win_strip;
	const char *const *bars = ui_text_flags() ? ascii_bars : utf8_bars;
	int cells = ui->cols - INFO_W - 1;
	bool have;

	werase(w);
	if (!ui->density || cells < 8)
		return;
	long cb = cursor_bucket(ui, &have), first_day, last_day;
	if (!have && !density_range(ui->density, &first_day, &last_day)) {
		draw_info(ui, w, cells + 1, cb, have); /* nothing to count, or not yet */
		return;
	}
	place_window(ui, cb, cells);
	ui->strip_cells = cells;
	long max = density_max(ui->density, ui->zoom, ui->strip_first, ui->strip_first + cells - 1);
	long shown = last_bucket(ui) - ui->strip_first + 1;
	int bars_n = shown < cells ? (int)(shown < 0 ? 0 : shown) : cells;
	for (int k = 0; k < bars_n; k++) {
		long b = ui->strip_first + k;
		struct density_counts c = density_bucket(ui->density, ui->zoom, b);
		long n = c.incidents + c.context;
		/* any event shows: the smallest count gets the lowest bar, not none */
		int level = n == 0 ? 0 : (int)(1 + (n - 1) * 7 / (max > 1 ? max - 1 : 1));
		enum role r = have && b == cb ? ROLE_CURSOR
			      : c.context     ? ROLE_STRIP_CONTEXT
					      : ROLE_NORMAL;
		ui_put(w, 0, k, 1, bars[level > 8 ? 8 : level], r, PUT_PAD, NULL);
	}
	draw_labels(ui, w, bars_n);
	draw_info(ui, w, cells + 1, cb, have);
}

/* Move the timeline to the first event on or after day. */
static void goto_day(struct ui *ui, long day)
{
	char iso[DATE_ISO_LEN];
	struct view *t = &ui->views[0];

	date_format(iso, day);
	if (t->ops->command)
		t->ops->command(t, "goto", iso);
}

/* The next bucket from the cursor's in direction dir with an event. */
static void bucket_step(struct ui *ui, int dir)
{
	bool have;
	long cb = cursor_bucket(ui, &have), first_day, last_day;

	if (!have || !density_range(ui->density, &first_day, &last_day))
		return;
	long lo = bucket_of(ui->zoom, first_day), hi = bucket_of(ui->zoom, last_day);
	for (long b = cb + dir; b >= lo && b <= hi; b += dir) {
		struct density_counts c = density_bucket(ui->density, ui->zoom, b);
		if (c.incidents + c.context > 0) {
			goto_day(ui, bucket_start(ui->zoom, b));
			return;
		}
	}
	ui_message(ui, dir > 0 ? "No later bucket with events" : "No earlier bucket with events");
}

int ui_strip_action(struct ui *ui, enum action a)
{
	if (ui->nviews != 1 || !ui->density)
		return UI_UNHANDLED;
	switch (a) {
	case ACT_ZOOM_IN:
	case ACT_ZOOM_OUT: {
		int z = (int)ui->zoom + (a == ACT_ZOOM_IN ? -1 : 1);
		if (z < 0 || z >= ZOOM_COUNT) {
			ui_message(ui, "Zoom: %s is the %s", bucket_zoom_name(ui->zoom),
				   z < 0 ? "finest" : "coarsest");
			return UI_HANDLED;
		}
		ui->zoom = (enum bucket_zoom)z;
		ui->strip_on = true;
		ui->strip_cells = 0; /* recentre on the cursor */
		ui_message(ui, "Zoom: %s", bucket_zoom_name(ui->zoom));
		return UI_HANDLED;
	}
	case ACT_STRIP_TOGGLE:
		ui->strip_on = !ui->strip_on;
		return UI_HANDLED;
	case ACT_BUCKET_NEXT:
	case ACT_BUCKET_PREV:
		bucket_step(ui, a == ACT_BUCKET_NEXT ? 1 : -1);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

void ui_strip_click(struct ui *ui, int x)
{
	if (x >= 0 && x < ui->strip_cells)
		goto_day(ui, bucket_start(ui->zoom, ui->strip_first + x));
}
