/* The before/after view (B): the filter's incidents in equal windows
 * before and after a context event (the timeline's selection, or the
 * event a detail view shows), as `sitrep stats --around ID` prints them:
 * events, fatalities, median distance from the capital, by type, by
 * region, the actors that appear or disappear, each with its change. B
 * again switches the window: 30, 90, 180, 365 days. The figures are
 * counted after the first draw, between keys (idle), so that opening the
 * view never holds the keys up on a big file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/before_after.h"
#include "sitrep/event_record.h"
#include "sitrep/line_list.h"
#include "sitrep/places.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

static const int windows[] = {30, 90, 180, 365};
enum { NWINDOWS = 4, DEFAULT_WINDOW = 1, TOP_ACTORS = 10, HEADER = 4 };
/* a step's reading time between keys, as the density strip's */
enum { STEP_MS = 30 };

/* A line's figures (link indexes them); headings have none. */
struct fig {
	double before, after;
	int prec;
};

struct ba_view {
	long long id; /* the context event, as the timeline knows it */
	char day[16];
	char *title;
	int wi; /* windows[wi] days each side */
	bool has_cap;
	struct place cap;
	struct before_after ba;
	bool restart;              /* count again: another filter or window */
	bool failed;               /* a query failed (said): nothing to count */
	unsigned long filter_seen; /* the filter version counted */
	struct line_list lines;
	struct fig *figs;
	size_t nfigs;
};

static struct ba_view *B(struct view *v)
{
	return v->priv;
}

static void add_fig(struct ba_view *b, const char *name, double before, double after, int prec)
{
	b->figs = xrealloc(b->figs, (b->nfigs + 1) * sizeof(*b->figs));
	b->figs[b->nfigs] = (struct fig){before, after, prec};
	lines_add(&b->lines, NULL, name, ROLE_NORMAL)->link = (long)b->nfigs++;
}

static void add_heading(struct ba_view *b, const char *text)
{
	lines_add(&b->lines, NULL, text, ROLE_HEADING)->link = -1;
}

static void add_rows(struct ba_view *b, const char *heading, const struct ba_rows *r)
{
	add_heading(b, heading);
	for (size_t i = 0; i < r->n; i++)
		add_fig(b, r->v[i].name, (double)r->v[i].before, (double)r->v[i].after, 0);
	if (!r->n)
		lines_add(&b->lines, NULL, "(none)", ROLE_DIM)->link = -1;
}

static void build(struct ba_view *b)
{
	lines_clear(&b->lines);
	free(b->figs);
	b->figs = NULL;
	b->nfigs = 0;
	add_fig(b, "events", (double)b->ba.events[0], (double)b->ba.events[1], 0);
	add_fig(b, "fatalities", (double)b->ba.fatalities[0], (double)b->ba.fatalities[1], 0);
	if (b->has_cap) {
		char name[160];
		snprintf(name, sizeof name, "median km from %s", b->cap.name);
		add_fig(b, name, b->ba.median_km[0], b->ba.median_km[1], 1);
	} else {
		lines_add(&b->lines, NULL, "median km: no capital in the database", ROLE_DIM)
		    ->link = -1;
	}
	add_rows(b, "By type", &b->ba.types);
	add_rows(b, "By region", &b->ba.regions);
	add_rows(b, "Actors that appear", &b->ba.appear);
	add_rows(b, "Actors that disappear", &b->ba.disappear);
}

/* One step of the figures for the filter in force and the window chosen
 * (the first sets the windows up); the lines once the last is done. */
static void step(struct view *v)
{
	struct ba_view *b = B(v);
	char *err = NULL;
	int rc = 0;

	if (b->restart) {
		before_after_free(&b->ba);
		lines_clear(&b->lines);
		b->filter_seen = session_filter_version(v->s);
		b->restart = false;
		rc = before_after_begin(b->day, windows[b->wi], &b->ba, &err);
	}
	if (rc == 0)
		rc = before_after_step(session_db(v->s), &session_filter(v->s)->where, TOP_ACTORS,
				       b->has_cap, b->cap.lat, b->cap.lon, STEP_MS, &b->ba, &err);
	if (rc < 0) {
		ui_error(v->ui, "before/after: %s", err ? err : "query failed");
		free(err);
		memset(&b->ba, 0, sizeof(b->ba));
		b->failed = true;
	} else if (rc == 0) {
		build(b);
	}
}

static bool done(const struct ba_view *b)
{
	return b->failed || (!b->restart && b->ba.complete);
}

/* The event to open on: arg, else the timeline's selection. Its date and
 * kind come from its own file (a context layer's event counts too: only
 * its day is used on the browsed file). 0, or -1 after saying why. */
static int anchor(struct view *v, long long id, struct ba_view *b)
{
	if (!id) {
		const struct event_row *r = session_current(v->s);
		if (!r) {
			ui_error(v->ui, "No event selected");
			return -1;
		}
		id = r->id;
	}
	long long own = 0;
	const char *layer = NULL;
	char *err = NULL;
	bool ctx = false;
	sqlite3 *db = session_db_of(v->s, id, &own, &layer);
	int rc = db ? before_after_anchor(db, own, b->day, &ctx, &err) : 1;
	if (rc < 0)
		ui_error(v->ui, "before/after: %s", err ? err : "query failed");
	else if (rc > 0)
		ui_error(v->ui, "No such event");
	else if (!ctx)
		ui_error(v->ui,
			 "Event #%lld is an incident: before/after opens on a context event "
			 "([ and ] go to one)",
			 id);
	free(err);
	if (rc != 0 || !ctx)
		return -1;
	struct event_record rec;
	if (event_record_load(db, own, &rec, &err) == 0) {
		b->title = xstrdup(rec.title ? rec.title : "");
		event_record_free(&rec);
	} else {
		b->title = xstrdup("");
	}
	free(err);
	b->id = id;
	return 0;
}

static int ba_open(struct view *v, long long arg)
{
	struct ba_view *b = xcalloc(1, sizeof(*b));
	char *err = NULL;

	lines_init(&b->lines, false, 0, HEADER);
	b->wi = DEFAULT_WINDOW;
	b->restart = true;
	if (anchor(v, arg, b) != 0) {
		lines_free(&b->lines);
		free(b);
		return -1;
	}
	int rc = places_capital(session_db(v->s), &b->cap, &err);
	if (rc < 0)
		ui_error(v->ui, "before/after: %s", err ? err : "no capital");
	free(err);
	b->has_cap = rc == 0;
	v->priv = b;
	return 0;
}

static void ba_close(struct view *v)
{
	struct ba_view *b = B(v);
	before_after_free(&b->ba);
	lines_free(&b->lines);
	free(b->figs);
	free(b->title);
	place_free(&b->cap);
	free(b);
}

/* Columns right of the name: before, after, change. */
enum { W_NUM = 9, W_CHANGE = 18 };

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	const struct ba_view *b = ctx;
	(void)sel;
	if (l->link < 0) {
		ui_put(w, y, l->role == ROLE_HEADING ? 1 : 3, cols - 3, l->text, l->role, 0, NULL);
		return;
	}
	const struct fig *f = &b->figs[l->link];
	int nc = cols - 3 - 2 * W_NUM - W_CHANGE;
	char num[48];
	ui_put(w, y, 3, nc, l->text, ROLE_NORMAL, PUT_PAD | PUT_GAP, NULL);
	before_after_number(num, sizeof num, f->before, f->prec);
	ui_put(w, y, 3 + nc, W_NUM, num, ROLE_NORMAL, PUT_RIGHT, NULL);
	before_after_number(num, sizeof num, f->after, f->prec);
	ui_put(w, y, 3 + nc + W_NUM, W_NUM, num, ROLE_NORMAL, PUT_RIGHT, NULL);
	before_after_change(num, sizeof num, f->before, f->after, f->prec);
	enum role r = isnan(f->before) || isnan(f->after) || f->after == f->before ? ROLE_DIM
		      : f->after > f->before                                       ? ROLE_FATAL
										   : ROLE_NORMAL;
	ui_put(w, y, 3 + nc + 2 * W_NUM, W_CHANGE, num, r, PUT_RIGHT, NULL);
}

static void ba_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct ba_view *b = B(v);
	char head[160];
	int nc = cols - 3 - 2 * W_NUM - W_CHANGE;

	snprintf(head, sizeof head, "Before and after #%lld, %s: ", b->id, b->day);
	int x = 1 + ui_put(w, 0, 1, cols - 1, head, ROLE_HEADING, 0, NULL);
	ui_put(w, 0, x, cols - x, b->title, ROLE_HEADING, 0, NULL);
	snprintf(head, sizeof head,
		 "%d days each side (B: 30, 90, 180, 365); the filter's incidents", windows[b->wi]);
	ui_put(w, 1, 1, cols - 1, head, ROLE_LABEL, 0, NULL);
	if (b->failed)
		return;
	if (!done(b)) {
		snprintf(head, sizeof head, "counting... (%d of %d days)",
			 b->restart ? 0 : b->ba.days_done, windows[b->wi] * 2);
		ui_put(w, 3, 3, cols - 3, head, ROLE_DIM, 0, NULL);
		return;
	}
	snprintf(head, sizeof head, "before %s..%s, after %s..%s (its day in after)",
		 b->ba.before_from, b->ba.before_to, b->ba.after_from, b->ba.after_to);
	ui_put(w, 2, 1, cols - 1, head, ROLE_DIM, 0, NULL);
	ui_put(w, 3, 3 + nc, W_NUM, "before", ROLE_LABEL, PUT_RIGHT, NULL);
	ui_put(w, 3, 3 + nc + W_NUM, W_NUM, "after", ROLE_LABEL, PUT_RIGHT, NULL);
	ui_put(w, 3, 3 + nc + 2 * W_NUM, W_CHANGE, "change", ROLE_LABEL, PUT_RIGHT, NULL);
	lines_draw(&b->lines, w, rows, cols, draw_line, b);
}

/* Between keys: a step of the figures, one query (all of them in a
 * headless run, so that every dump is the same). */
static int ba_idle(struct view *v)
{
	struct ba_view *b = B(v);
	if (done(b))
		return 0;
	do
		step(v);
	while (ui_headless(v->ui) && !done(b));
	return 1;
}

static int ba_action(struct view *v, enum action a)
{
	struct ba_view *b = B(v);
	if (a == ACT_BEFORE_AFTER) {
		b->wi = (b->wi + 1) % NWINDOWS;
		b->restart = true;
		b->failed = false;
		ui_message(v->ui, "%d days each side", windows[b->wi]);
		return UI_HANDLED;
	}
	return lines_action(&b->lines, a, session_search_folded(v->s));
}

static int ba_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	(void)x;
	lines_mouse(&B(v)->lines, m, y);
	return UI_HANDLED;
}

static void ba_position(struct view *v, struct strbuf *out)
{
	lines_position(&B(v)->lines, out);
}

/* Another filter: count again (between keys). */
static int ba_changed(struct view *v)
{
	if (B(v)->filter_seen != session_filter_version(v->s)) {
		B(v)->restart = true;
		B(v)->failed = false;
	}
	return UI_HANDLED;
}

const struct view_ops before_after_view_ops = {
    .name = "before-after",
    .open = ba_open,
    .close = ba_close,
    .draw = ba_draw,
    .action = ba_action,
    .mouse = ba_mouse,
    .position = ba_position,
    .changed = ba_changed,
    .idle = ba_idle,
};
