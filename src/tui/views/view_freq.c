/* The frequency view (%), as VisiData's frequency sheet: the filter's
 * events grouped by region, then (>) by district, place, actor, type,
 * month or year; each group's events, deaths and share of the filter's
 * events; o sorts by count, fatalities or name; Enter adds the group as
 * a chip (region:Mopti, date:2022-08) and goes back to the timeline.
 * The groups are counted in steps between keys (freq_step in the idle
 * hook), shown as they grow under "counting..."; a new sort re-sorts what
 * is counted, a new grouping starts a count, neither waits for one. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/filter.h"
#include "sitrep/freq.h"
#include "sitrep/line_list.h"
#include "sitrep/session.h"
#include "sitrep/sparkline.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

/* The groups drawn at most: a filter over a big file has thousands of
 * places; the view says how many it leaves out. */
enum { FREQ_LIMIT = 500 };

/* A step's length: short enough that a key is never felt to wait. */
#define STEP_MS 30

struct freq_view {
	struct freq_count count; /* under way or done */
	struct freq_table t;     /* what is shown: count's groups, sorted */
	struct line_list lines;
	enum freq_by by;
	enum freq_sort sort;
	unsigned long filter_seen; /* the filter version counted */
	bool failed;               /* the count stopped on an error (said) */
	long step_rows;            /* headless: rows a step (0: to the end) */
};

static struct freq_view *F(struct view *v)
{
	return v->priv;
}

/* The shown table from what is counted so far; the cursor stays on its
 * row number (on the first after a new count). */
static void show(struct view *v)
{
	struct freq_view *f = F(v);

	freq_free(&f->t);
	lines_clear(&f->lines);
	freq_result(&f->count, f->sort, FREQ_LIMIT, &f->t);
	for (size_t i = 0; i < f->t.n; i++) {
		const char *name = f->t.v[i].name;
		lines_add(&f->lines, NULL, name ? name : "(none)", ROLE_NORMAL)->link = (long)i;
	}
	if (f->lines.sel >= f->lines.n)
		f->lines.sel = f->lines.n ? f->lines.n - 1 : 0;
}

static void failed(struct view *v, char *err)
{
	ui_error(v->ui, "frequency: %s", err ? err : "query failed");
	free(err);
	F(v)->failed = true;
}

/* A step of counting: 1 when some was done. A headless run counts to the
 * end at once, or SITREP_STEP_ROWS rows a step, so its screens are the
 * same on any machine. */
static int step(struct view *v)
{
	struct freq_view *f = F(v);
	char *err = NULL;

	if (f->failed || f->count.done)
		return 0;
	bool all = ui_headless(v->ui) && !f->step_rows;
	if (freq_step(&f->count, all ? 1 << 30 : STEP_MS, f->step_rows, &err) < 0)
		failed(v, err);
	show(v);
	return 1;
}

/* Start counting the groups again, the cursor on the first. */
static int load(struct view *v)
{
	struct freq_view *f = F(v);
	char *err = NULL;

	f->filter_seen = session_filter_version(v->s);
	f->failed = false;
	freq_count_free(&f->count);
	f->lines.sel = f->lines.top = 0;
	if (freq_begin(session_db(v->s), &session_filter(v->s)->count_where, f->by, &f->count,
		       &err) != 0) {
		failed(v, err);
		show(v);
		return -1;
	}
	show(v);
	if (ui_headless(v->ui) && !f->step_rows)
		step(v);
	return 0;
}

static int freq_open(struct view *v, long long arg)
{
	(void)arg;
	v->priv = xcalloc(1, sizeof(struct freq_view));
	lines_init(&F(v)->lines, true, 0, 2);
	F(v)->by = session_settings(v->s)->freq_by; /* a saved view's, or the last one's */
	F(v)->sort = session_settings(v->s)->freq_sort;
	const char *rows = getenv("SITREP_STEP_ROWS");
	if (ui_headless(v->ui) && rows)
		F(v)->step_rows = atol(rows) > 0 ? atol(rows) : 0;
	if (load(v) != 0) {
		freq_count_free(&F(v)->count);
		freq_free(&F(v)->t);
		lines_free(&F(v)->lines);
		free(v->priv);
		return -1;
	}
	return 0;
}

static void freq_close(struct view *v)
{
	freq_count_free(&F(v)->count);
	freq_free(&F(v)->t);
	lines_free(&F(v)->lines);
	free(v->priv);
}

/* Columns: group, its sparkline (when the group keeps 16 columns),
 * events, deaths, share; the group takes what is left. */
enum { W_EVENTS = 8, W_FATAL = 8, W_SHARE = 7, W_SPARK = FREQ_SPARK + 2 };

static int spark_cols(int cols)
{
	return cols - 2 - W_EVENTS - W_FATAL - W_SHARE - W_SPARK >= 16 ? W_SPARK : 0;
}

static int name_cols(int cols)
{
	int n = cols - 2 - W_EVENTS - W_FATAL - W_SHARE - spark_cols(cols);
	return n > 4 ? n : 4;
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	const struct freq_table *t = ctx;
	const struct freq_row *r = &t->v[l->link];
	enum role role = sel ? ROLE_CURSOR : ROLE_NORMAL;
	int x = 2, nc = name_cols(cols);
	char num[32];

	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
	ui_put(w, y, x, nc, l->text, r->name ? role : ROLE_DIM, PUT_PAD | PUT_GAP, NULL);
	x += nc;
	if (spark_cols(cols)) {
		sparkline_draw(w, y, x + 1, r->spark, FREQ_SPARK, ROLE_NORMAL);
		x += W_SPARK;
	}
	snprintf(num, sizeof num, "%ld", r->events);
	ui_put(w, y, x, W_EVENTS, num, role, PUT_RIGHT, NULL);
	x += W_EVENTS;
	snprintf(num, sizeof num, "%lld", r->fatalities);
	ui_put(w, y, x, W_FATAL, num, r->fatalities ? ROLE_FATAL : ROLE_DIM, PUT_RIGHT, NULL);
	x += W_FATAL;
	snprintf(num, sizeof num, "%.1f%%", t->total ? 100.0 * r->events / t->total : 0.0);
	ui_put(w, y, x, W_SHARE, num, role, PUT_RIGHT, NULL);
}

static void freq_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct freq_view *f = F(v);
	char title[160];
	int x = 2, nc = name_cols(cols);

	char top[48] = "";
	const struct freq_count *c = &f->count;

	if ((long)f->t.n < f->t.groups)
		snprintf(top, sizeof top, " (the top %zu)", f->t.n);
	if (f->failed || c->done)
		snprintf(title, sizeof title,
			 "%ld events in %ld %ss%s, by %s; > groups, o sorts, Enter filters",
			 f->t.total, f->t.groups, freq_by_name(f->by), top,
			 freq_sort_name(f->sort));
	else if (!c->span.done) /* the span first: the sparklines need it */
		snprintf(title, sizeof title,
			 "Counting... %ld events by %s so far, their span first", c->span.events,
			 freq_by_name(f->by));
	else
		snprintf(title, sizeof title,
			 "Counting... %ld%%: %ld of %ld events, in %ld %ss so far, by %s",
			 c->span.events ? 100 * c->counted / c->span.events : 0, c->counted,
			 c->span.events, f->t.groups, freq_by_name(f->by), freq_sort_name(f->sort));
	ui_put(w, 0, 1, cols - 1, title, ROLE_HEADING, 0, NULL);
	ui_put(w, 1, x, nc, freq_by_name(f->by), ROLE_LABEL, 0, NULL);
	x += nc;
	if (spark_cols(cols)) {
		char span[24];
		snprintf(span, sizeof span, "%.4s-%.4s", f->t.first, f->t.last);
		ui_put(w, 1, x + 1, FREQ_SPARK, f->t.n ? span : "", ROLE_LABEL, 0, NULL);
		x += W_SPARK;
	}
	ui_put(w, 1, x, W_EVENTS, "events", ROLE_LABEL, PUT_RIGHT, NULL);
	x += W_EVENTS;
	ui_put(w, 1, x, W_FATAL, "deaths", ROLE_LABEL, PUT_RIGHT, NULL);
	x += W_FATAL;
	ui_put(w, 1, x, W_SHARE, "share", ROLE_LABEL, PUT_RIGHT, NULL);
	if (!f->t.n && c->done)
		ui_put(w, 2, 2, cols - 2, "No event in this filter", ROLE_DIM, 0, NULL);
	lines_draw(&f->lines, w, rows, cols, draw_line, &f->t);
}

/* Sort what is counted: no new count. */
static void resort(struct view *v, enum freq_sort sort)
{
	struct freq_view *f = F(v);
	f->sort = sort;
	f->lines.sel = f->lines.top = 0;
	show(v);
}

/* The grouping and sort into the session's settings, for a saved view
 * and the next time the view opens. */
static void remember(struct view *v)
{
	struct session_settings *set = session_settings(v->s);
	set->freq_by = F(v)->by;
	set->freq_sort = F(v)->sort;
	session_settings_changed(v->s);
}

/* Enter: the group as a chip, then back to the timeline. */
static int filter_to(struct view *v)
{
	struct freq_view *f = F(v);
	const struct line *l = lines_selected(&f->lines);
	if (!l)
		return UI_HANDLED;
	const struct freq_row *r = &f->t.v[l->link];
	if (!r->name) {
		ui_message(v->ui, "These events have no %s to filter by", freq_by_name(f->by));
		return UI_HANDLED;
	}
	/* copied: adding the term reloads this view, which frees the row */
	char *name = xstrdup(r->name);
	struct ui *ui = v->ui;
	ui_add_term(ui, freq_by_field(f->by), name);
	free(name);
	return UI_CLOSE;
}

static int freq_action(struct view *v, enum action a)
{
	struct freq_view *f = F(v);
	switch (a) {
	case ACT_ENTER:
		return filter_to(v);
	case ACT_FREQUENCY_GROUP:
		f->by = (enum freq_by)((f->by + 1) % FREQ_NBY);
		load(v);
		remember(v);
		return UI_HANDLED;
	case ACT_SORT:
		resort(v, (enum freq_sort)((f->sort + 1) % FREQ_NSORTS));
		remember(v);
		ui_message(v->ui, "Groups by %s", freq_sort_name(f->sort));
		return UI_HANDLED;
	case ACT_FREQUENCY:
		return UI_CLOSE;
	default:
		return lines_action(&f->lines, a, session_search_folded(v->s));
	}
}

static int freq_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	(void)x;
	if (lines_mouse(&F(v)->lines, m, y))
		return freq_action(v, ACT_ENTER);
	return UI_HANDLED;
}

static void freq_position(struct view *v, struct strbuf *out)
{
	lines_position(&F(v)->lines, out);
}

/* Another filter (a chip toggled from the prompt) or grouping (a saved
 * view loaded): count again; another sort: sort again; a new search
 * changes nothing here. */
static int freq_changed(struct view *v)
{
	struct freq_view *f = F(v);
	const struct session_settings *set = session_settings(v->s);

	if (f->filter_seen != session_filter_version(v->s) || f->by != set->freq_by) {
		f->by = set->freq_by;
		f->sort = set->freq_sort;
		load(v);
	} else if (f->sort != set->freq_sort) {
		resort(v, set->freq_sort);
	}
	return UI_HANDLED;
}

const struct view_ops frequency_view_ops = {
    .name = "frequency",
    .open = freq_open,
    .close = freq_close,
    .draw = freq_draw,
    .action = freq_action,
    .mouse = freq_mouse,
    .position = freq_position,
    .changed = freq_changed,
    .idle = step,
};
