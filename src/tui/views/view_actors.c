/* The actor panel: every actor of the filter's events as a tree by
 * affiliation, with kind, events, fatalities, first and last date, fitted
 * to the width (at 80 columns beside the timeline: name and count only).
 * Opened on its own (a) or beside the timeline (s, pane_side.c), where it
 * moves with the timeline: the timeline follows the selected actor, and
 * with the focus on the timeline the panel follows the event's first actor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/event_lookup.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

struct panel {
	struct actor_list list;
	long cur, top;
	int height;
	bool side;
	long long followed;        /* the event the panel last followed */
	unsigned long filter_seen; /* the session_filter_version counted */
	long long cur_id;          /* the actor under the cursor, kept while counting */
};

static struct panel *P(struct view *v)
{
	return v->priv;
}

#define STEP_MS 30

/* The actor under the cursor, before the list changes under it. */
static void note_cursor(struct panel *p)
{
	if (p->list.n && p->cur < (long)p->list.n)
		p->cur_id = p->list.v[p->cur].id;
}

/* Put the cursor back on the actor it was on, as the list grows. */
static void keep_cursor(struct panel *p)
{
	long at = p->cur_id ? actors_index(&p->list, p->cur_id) : -1;
	p->cur = at >= 0 ? at : p->cur < (long)p->list.n ? p->cur : 0;
}

/* Start counting for the filter; a headless run counts to the end so that
 * its screens are always the same. */
static void load(struct view *v)
{
	struct panel *p = P(v);
	char *err = NULL;

	note_cursor(p);
	actors_free(&p->list);
	p->filter_seen = session_filter_version(v->s);
	if (actors_begin(session_db(v->s), &session_filter(v->s)->count_where, &p->list, &err) !=
		0 ||
	    (ui_headless(v->ui) && actors_step(&p->list, 1 << 30, &err) < 0)) {
		ui_error(v->ui, "actors: %s", err ? err : "query failed");
		free(err);
	}
	p->list.sort = session_settings(v->s)->actor_sort;
	actors_sort(&p->list, p->list.sort);
	keep_cursor(p);
}

static void resort(struct panel *p, enum actors_sort sort)
{
	note_cursor(p);
	actors_sort(&p->list, sort);
	keep_cursor(p);
}

static int actors_idle(struct view *v)
{
	struct panel *p = P(v);
	char *err = NULL;

	if (p->list.done || !p->list.all)
		return 0;
	note_cursor(p);
	if (actors_step(&p->list, STEP_MS, &err) < 0) {
		ui_error(v->ui, "actors: %s", err ? err : "query failed");
		free(err);
		p->list.done = true;
	}
	keep_cursor(p);
	return 1;
}

/* arg 1: beside the timeline (pane_side.c). */
static int actors_open(struct view *v, long long arg)
{
	struct panel *p = xcalloc(1, sizeof *p);
	v->priv = p;
	p->side = arg == 1;
	p->height = 10;
	load(v);
	return 0;
}

static void actors_close(struct view *v)
{
	actors_free(&P(v)->list);
	free(v->priv);
}

/* Columns that fit: below 60 the name and count, then kind and
 * fatalities, from 100 the dates too. */
struct pcols {
	int name, kind, events, fatal, date;
};

static struct pcols fit(int cols)
{
	struct pcols c = {0, 0, 6, 0, 0};
	if (cols >= 60) {
		c.kind = cols >= 100 ? 24 : 16;
		c.fatal = 7;
	}
	if (cols >= 100)
		c.date = 11;
	c.name = cols - 2 - c.kind - c.events - c.fatal - 2 * c.date - 1;
	return c;
}

/* sel: 2 the cursor, 1 the cursor of a panel without the focus (marked
 * in the gutter only), 0 none. */
static void draw_line(WINDOW *w, int y, const struct actor_node *a, struct pcols c, int sel)
{
	char num[32], name[512];
	int x = 0;
	enum role r = sel == 2 ? ROLE_CURSOR : a->events ? ROLE_ACTOR : ROLE_DIM;

	ui_put(w, y, x, 1, sel ? ui_glyphs()->cursor : " ", sel == 2 ? ROLE_CURSOR : ROLE_DIM,
	       PUT_PAD, NULL);
	x += 1;
	snprintf(name, sizeof name, "%*s%s", 2 * a->depth, "", a->name);
	ui_put(w, y, x, c.name + 1, name, r, PUT_PAD | PUT_GAP, NULL);
	x += c.name + 1;
	if (c.kind) {
		ui_put(w, y, x, c.kind + 1, a->kind, ROLE_TYPE, PUT_PAD | PUT_GAP, NULL);
		x += c.kind + 1;
	}
	snprintf(num, sizeof num, "%ld", a->events);
	ui_put(w, y, x, c.events, a->events ? num : "", ROLE_NORMAL, PUT_RIGHT, NULL);
	x += c.events;
	if (c.fatal) {
		snprintf(num, sizeof num, "%lld", a->fatalities);
		ui_put(w, y, x, c.fatal, a->events ? num : "",
		       a->fatalities ? ROLE_FATAL : ROLE_DIM, PUT_RIGHT, NULL);
		x += c.fatal;
	}
	if (c.date) {
		ui_put(w, y, x + 1, c.date, a->first, ROLE_DATE, 0, NULL);
		ui_put(w, y, x + 1 + c.date, c.date, a->last, ROLE_DATE, 0, NULL);
	}
}

static void header(WINDOW *w, struct pcols c, int cols, const struct actor_list *l)
{
	char title[64];
	int x = 1;

	snprintf(title, sizeof title, "Actors (%zu) by %s%s", l->n, actors_sort_name(l->sort),
		 l->done ? "" : ", counting...");
	ui_put(w, 0, x, c.name + 1, title, ROLE_HEADING, PUT_PAD | PUT_GAP, NULL);
	x += c.name + 1;
	if (c.kind) {
		ui_put(w, 0, x, c.kind + 1, "kind", ROLE_LABEL, 0, NULL);
		x += c.kind + 1;
	}
	ui_put(w, 0, x, c.events, "events", ROLE_LABEL, PUT_RIGHT, NULL);
	x += c.events;
	if (c.fatal) {
		ui_put(w, 0, x, c.fatal, "killed", ROLE_LABEL, PUT_RIGHT, NULL);
		x += c.fatal;
	}
	if (c.date) {
		ui_put(w, 0, x + 1, c.date, "first", ROLE_LABEL, 0, NULL);
		ui_put(w, 0, x + 1 + c.date, c.date, "last", ROLE_LABEL, 0, NULL);
	}
}

/* Beside the timeline with the focus there: select the event's first actor. */
static void follow_event(struct view *v)
{
	struct panel *p = P(v);
	const struct event_row *r = session_current(v->s);
	if (!r || r->id == p->followed || !r->actors)
		return;
	p->followed = r->id;
	size_t len = strcspn(r->actors, ";");
	for (size_t i = 0; i < p->list.n; i++) {
		const char *name = p->list.v[i].name;
		if (strlen(name) == len && !strncmp(name, r->actors, len)) {
			p->cur = (long)i;
			p->cur_id = p->list.v[i].id;
		}
	}
}

static void actors_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct panel *p = P(v);
	struct pcols c = fit(p->side ? cols - 1 : cols);
	bool focused = ui_has_focus(v->ui, v);
	if (p->side && !focused)
		follow_event(v);
	p->height = rows - 1;
	header(w, c, cols, &p->list);
	if (!p->list.n)
		ui_put(w, 1, 1, cols - 1, "No actor in these events", ROLE_DIM, 0, NULL);
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + p->height)
		p->top = p->cur - p->height + 1;
	for (int y = 1; y < rows && p->top + y - 1 < (long)p->list.n; y++) {
		long i = p->top + y - 1;
		draw_line(w, y, &p->list.v[i], c, i != p->cur ? 0 : !p->side || focused ? 2 : 1);
	}
	if (p->side) /* the border between the panel and the timeline */
		for (int y = 0; y < rows; y++)
			ui_put(w, y, cols - 1, 1, ui_text_flags() ? "|" : "\u2502", ROLE_DIM, 0,
			       NULL);
}

/* Beside the timeline: the timeline goes to the actor's latest event. */
static void follow_actor(struct view *v)
{
	struct panel *p = P(v);
	struct event_key k;
	bool found = false;
	char *err = NULL;

	if (!p->side || !p->list.n)
		return;
	if (event_latest_of_actor(session_query(v->s), p->list.v[p->cur].id, &k, &found, &err) !=
	    0) {
		ui_error(v->ui, "actors: %s", err ? err : "query failed");
		free(err);
	} else if (found) {
		session_show_event(v->s, k.id, k.date);
	}
}

static void move_to(struct view *v, long delta)
{
	struct panel *p = P(v);
	long n = (long)p->list.n, old = p->cur;
	p->cur += delta;
	if (p->cur >= n)
		p->cur = n - 1;
	if (p->cur < 0)
		p->cur = 0;
	p->cur_id = n ? p->list.v[p->cur].id : 0;
	if (p->cur != old)
		follow_actor(v);
}

static void find(struct view *v, int dir)
{
	struct panel *p = P(v);
	const char *search = session_search(v->s);
	long at = search ? actors_find(&p->list, search, p->cur, dir) : -1;
	if (at < 0) {
		ui_error(v->ui, "Not found: %s", search ? search : "");
		return;
	}
	move_to(v, at - p->cur);
}

static int actors_action(struct view *v, enum action a)
{
	struct panel *p = P(v);
	long h = p->height > 1 ? p->height : 1;
	switch (a) {
	case ACT_MOVE_DOWN:
		move_to(v, 1);
		break;
	case ACT_MOVE_UP:
		move_to(v, -1);
		break;
	case ACT_PAGE_DOWN:
		move_to(v, h);
		break;
	case ACT_PAGE_UP:
		move_to(v, -h);
		break;
	case ACT_HALF_DOWN:
		move_to(v, h / 2);
		break;
	case ACT_HALF_UP:
		move_to(v, -h / 2);
		break;
	case ACT_MOVE_FIRST:
		move_to(v, -p->cur);
		break;
	case ACT_MOVE_LAST:
		move_to(v, (long)p->list.n);
		break;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (!session_search(v->s))
			return UI_UNHANDLED;
		find(v, a == ACT_FIND_NEXT ? 1 : -1);
		break;
	case ACT_SORT: {
		struct session_settings *set = session_settings(v->s);
		set->actor_sort = (enum actors_sort)((p->list.sort + 1) % ACTORS_NSORTS);
		resort(p, set->actor_sort);
		session_settings_changed(v->s);
		ui_message(v->ui, "Actors by %s", actors_sort_name(set->actor_sort));
		break;
	}
	case ACT_ENTER:
	case ACT_FILTER_ACTOR:
		if (!p->list.n)
			break;
		ui_add_term(v->ui, "actor", p->list.v[p->cur].name);
		return p->side ? UI_HANDLED : UI_CLOSE;
	case ACT_ACTOR_DETAIL:
		if (p->list.n)
			ui_open(v->ui, VIEW_ACTOR, p->list.v[p->cur].id);
		break;
	case ACT_VIEW_CLOSE: /* beside the timeline: the pane closes the panel */
		return UI_CLOSE;
	case ACT_ACTORS:
		return p->side ? UI_UNHANDLED : UI_CLOSE;
	default:
		return UI_UNHANDLED;
	}
	return UI_HANDLED;
}

static int actors_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	struct panel *p = P(v);
	if (m == MOUSE_WHEEL_DOWN || m == MOUSE_WHEEL_UP)
		move_to(v, m == MOUSE_WHEEL_DOWN ? 3 : -3);
	else if (y >= 1)
		move_to(v, p->top + y - 1 - p->cur);
	if (m == MOUSE_DOUBLE)
		return actors_action(v, ACT_ENTER);
	return UI_HANDLED;
}

static void actors_position(struct view *v, struct strbuf *out)
{
	struct panel *p = P(v);
	sb_addf(out, "%ld/%zu", p->list.n ? p->cur + 1 : 0, p->list.n);
}

/* A new filter counts again; a new sort (a saved view, the other panel)
 * sorts what is counted; the search or the zoom change nothing here. */
static int actors_changed(struct view *v)
{
	struct panel *p = P(v);
	enum actors_sort sort = session_settings(v->s)->actor_sort;

	if (p->filter_seen != session_filter_version(v->s))
		load(v);
	else if (p->list.sort != sort)
		resort(p, sort);
	return UI_HANDLED;
}

const struct view_ops actors_view_ops = {
    .name = "actors",
    .open = actors_open,
    .close = actors_close,
    .draw = actors_draw,
    .action = actors_action,
    .mouse = actors_mouse,
    .position = actors_position,
    .changed = actors_changed,
    .idle = actors_idle,
};
