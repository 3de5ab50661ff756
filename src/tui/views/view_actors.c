/* The actor panel: every actor of the filter's events as a tree by
 * affiliation, with kind, events and deaths (its own, its tree's, by
 * side), a sparkline of its activity, first and last date, fitted to the
 * width in the order the sort makes matter (at 80 columns beside the
 * timeline: name, events and the tree's events).
 * Opened on its own (a) or beside the timeline (s, pane_side.c), where it
 * moves with the timeline: the timeline follows the selected actor, and
 * with the focus on the timeline the panel follows the event's first actor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/event_lookup.h"
#include "sitrep/session.h"
#include "sitrep/sparkline.h"
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

#define STEP_MS     30
#define HEADER_ROWS 2 /* the title and captions, the columns' labels */

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
	int rc = actors_begin(session_db(v->s), &session_filter(v->s)->count_where, &p->list, &err);
	if (rc == 0) /* the layers' events count too, as the timeline shows them */
		actors_with_layers(&p->list, session_layer_set(v->s));
	if (rc != 0 || (ui_headless(v->ui) && actors_step(&p->list, 1 << 30, &err) < 0)) {
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

/* The columns besides the name. Each says what it counts: events are the
 * filter's events naming the actor; deaths every known death in those
 * events, on any side (what its events cost, not what it did); "tree" the
 * same with its affiliates, what the sorts by count and fatalities rank
 * by; side1/side2 those with the actor on the first or second side. */
enum col {
	C_KIND,
	C_EVENTS,
	C_EV_TREE,
	C_EV_SIDE1,
	C_EV_SIDE2,
	C_DEATHS,
	C_D_TREE,
	C_D_SIDE1,
	C_D_SIDE2,
	C_SPARK,
	C_FIRST,
	C_LAST,
	C_TREE_LAST,
	NCOLS
};

static const struct {
	int width;
	const char *label;
} col_def[NCOLS] = {
    [C_KIND] = {17, "kind"},           [C_EVENTS] = {7, "events"},  [C_EV_TREE] = {7, "tree"},
    [C_EV_SIDE1] = {6, "side1"},       [C_EV_SIDE2] = {6, "side2"}, [C_DEATHS] = {7, "deaths"},
    [C_D_TREE] = {7, "tree"},          [C_D_SIDE1] = {6, "side1"},  [C_D_SIDE2] = {6, "side2"},
    [C_SPARK] = {ACTOR_SPARK + 2, ""}, [C_FIRST] = {11, "first"},   [C_LAST] = {11, "last"},
    [C_TREE_LAST] = {11, "tree last"},
};

/* The name keeps a third of the width, 14 to 30 columns; columns go in
 * the order of the sort's list below while it does. */
static int min_name(int cols)
{
	return cols / 3 < 14 ? 14 : cols / 3 > 30 ? 30 : cols / 3;
}

/* Columns that come only together: first and last, a figure's sides. */
static int pair_of(int k)
{
	return k == C_FIRST      ? C_LAST
	       : k == C_EV_SIDE1 ? C_EV_SIDE2
	       : k == C_D_SIDE1  ? C_D_SIDE2
				 : -1;
}

/* Which columns matter most for each sort: first the figure the sort
 * ranks by, own and tree side by side, then the rest; -1 ends. */
static const int priority[ACTORS_NSORTS][NCOLS + 1] = {
    [ACTORS_BY_COUNT] = {C_EVENTS, C_EV_TREE, C_DEATHS, C_SPARK, C_FIRST, C_KIND, C_EV_SIDE1,
			 C_D_SIDE1, C_D_TREE, -1},
    [ACTORS_BY_FATALITIES] = {C_EVENTS, C_DEATHS, C_D_TREE, C_SPARK, C_FIRST, C_KIND, C_EV_SIDE1,
			      C_D_SIDE1, C_EV_TREE, -1},
    [ACTORS_BY_NAME] = {C_EVENTS, C_DEATHS, C_SPARK, C_FIRST, C_KIND, C_EV_SIDE1, C_D_SIDE1, -1},
    [ACTORS_BY_LAST] = {C_EVENTS, C_FIRST, C_TREE_LAST, C_DEATHS, C_SPARK, C_KIND, C_EV_SIDE1,
			C_D_SIDE1, -1},
};

struct pcols {
	int name;
	bool on[NCOLS];
	int kind_more; /* what the kind gets beyond its width, when wide */
};

/* The columns that fit in cols for sort: a column comes only while the
 * name keeps min_name, with its pair. */
static struct pcols fit(int cols, enum actors_sort sort)
{
	struct pcols c = {.name = cols - 2};
	const int *order = priority[sort >= 0 && sort < ACTORS_NSORTS ? sort : 0];
	for (int i = 0; order[i] >= 0; i++) {
		int k = order[i], pair = pair_of(k), w = col_def[k].width;
		if (pair >= 0)
			w += col_def[pair].width;
		if (c.name - w < min_name(cols))
			break;
		c.name -= w;
		c.on[k] = true;
		if (pair >= 0)
			c.on[pair] = true;
	}
	/* at 200 columns the kind takes more before the name does */
	if (c.on[C_KIND] && c.name > 48) {
		c.kind_more = 8;
		c.name -= c.kind_more;
	}
	return c;
}

static int col_width(const struct pcols *c, int k)
{
	return col_def[k].width + (k == C_KIND ? c->kind_more : 0);
}

static void put_count(WINDOW *w, int y, int x, int width, long long n, bool show, enum role r)
{
	char num[32];
	snprintf(num, sizeof num, "%lld", n);
	ui_put(w, y, x, width, show ? num : "", r, PUT_RIGHT, NULL);
}

static void put_date(WINDOW *w, int y, int x, const char *date, enum date_prec prec)
{
	char d[DATE_ISO_LEN];
	actors_date(d, date, prec);
	ui_put(w, y, x + 1, DATE_ISO_LEN - 1, d, ROLE_DATE, 0, NULL);
}

/* A tree total: dim when it is the actor's own (no affiliate counted). */
static enum role tree_role(long long tree, long long own, enum role r)
{
	return tree == own ? ROLE_DIM : r;
}

static void draw_cell(WINDOW *w, int y, int x, const struct pcols *c, int k,
		      const struct actor_node *a)
{
	bool own = a->events > 0;
	int width = col_width(c, k);
	enum role fr = a->fatalities ? ROLE_FATAL : ROLE_DIM;

	switch (k) {
	case C_KIND:
		ui_put(w, y, x, width, a->kind, ROLE_TYPE, PUT_PAD | PUT_GAP, NULL);
		break;
	case C_EVENTS:
		put_count(w, y, x, width, a->events, own, ROLE_NORMAL);
		break;
	case C_EV_TREE:
		put_count(w, y, x, width, a->sub_events, true,
			  tree_role(a->sub_events, a->events, ROLE_NORMAL));
		break;
	case C_EV_SIDE1:
	case C_EV_SIDE2:
		put_count(w, y, x, width, a->side_events[k - C_EV_SIDE1], own, ROLE_NORMAL);
		break;
	case C_DEATHS:
		put_count(w, y, x, width, a->fatalities, own, fr);
		break;
	case C_D_TREE:
		put_count(w, y, x, width, a->sub_fatalities, true,
			  tree_role(a->sub_fatalities, a->fatalities,
				    a->sub_fatalities ? ROLE_FATAL : ROLE_DIM));
		break;
	case C_D_SIDE1:
	case C_D_SIDE2:
		put_count(w, y, x, width, a->side_fatalities[k - C_D_SIDE1], own,
			  a->side_fatalities[k - C_D_SIDE1] ? ROLE_FATAL : ROLE_DIM);
		break;
	case C_SPARK:
		sparkline_draw(w, y, x + 2, a->spark, ACTOR_SPARK, ROLE_NORMAL);
		break;
	case C_FIRST:
		put_date(w, y, x, a->first, a->first_prec);
		break;
	case C_LAST:
		put_date(w, y, x, a->last, a->last_prec);
		break;
	case C_TREE_LAST:
		ui_put(w, y, x + 1, DATE_ISO_LEN - 1, a->sub_last,
		       strcmp(a->sub_last, a->last) ? ROLE_DATE : ROLE_DIM, 0, NULL);
		break;
	}
}

/* sel: 2 the cursor, 1 the cursor of a panel without the focus (marked
 * in the gutter only), 0 none. */
static void draw_line(WINDOW *w, int y, const struct actor_node *a, const struct pcols *c, int sel)
{
	char name[512];
	int x = 0;
	enum role r = sel == 2 ? ROLE_CURSOR : a->events ? ROLE_ACTOR : ROLE_DIM;

	ui_put(w, y, x, 1, sel ? ui_glyphs()->cursor : " ", sel == 2 ? ROLE_CURSOR : ROLE_DIM,
	       PUT_PAD, NULL);
	x += 1;
	snprintf(name, sizeof name, "%*s%s", 2 * a->depth, "", a->name);
	ui_put(w, y, x, c->name + 1, name, r, PUT_PAD | PUT_GAP, NULL);
	x += c->name + 1;
	for (int k = 0; k < NCOLS; k++) {
		if (!c->on[k])
			continue;
		draw_cell(w, y, x, c, k, a);
		x += col_width(c, k);
	}
}

/* What the sort ranks by, under the title: the reason for the order. */
static const char *const sort_reason[ACTORS_NSORTS] = {
    [ACTORS_BY_COUNT] = "the tree's events first",
    [ACTORS_BY_FATALITIES] = "the tree's deaths first",
    [ACTORS_BY_NAME] = "by name",
    [ACTORS_BY_LAST] = "the tree's last event first",
};

/* A group's caption, the longest of caps within width (the last if none). */
static const char *caption(const char *const *caps, int width)
{
	size_t i = 0;
	while (caps[i + 1] && (int)strlen(caps[i]) > width)
		i++;
	return caps[i];
}

/* Two rows: the title, and the captions of the event and death columns;
 * then the sort's reason and each column's label. The events' caption
 * ends over its columns and may reach left over the name's, the deaths'
 * begins over its columns and may reach right over the activity's. */
static void header(WINDOW *w, const struct pcols *c, int cols, const struct actor_list *l,
		   const struct span_scan *span)
{
	static const char *const ev_caps[] = {"events naming it", "events", NULL};
	static const char *const d_caps[] = {"deaths in its events", "deaths in events", "deaths",
					     NULL};
	char title[96];
	int x = 1, xs[NCOLS] = {0}, end[2] = {0, 0}, start[2] = {0, 0};

	snprintf(title, sizeof title, "Actors (%zu) by %s%s", l->n, actors_sort_name(l->sort),
		 l->done ? "" : ", counting...");
	ui_put(w, 1, x + 1, c->name, sort_reason[l->sort], ROLE_DIM, PUT_PAD | PUT_GAP, NULL);
	x += c->name + 1;
	for (int k = 0; k < NCOLS; k++) {
		if (!c->on[k])
			continue;
		int width = col_width(c, k), g = k >= C_EVENTS && k <= C_EV_SIDE2  ? 0
						 : k >= C_DEATHS && k <= C_D_SIDE2 ? 1
										   : -1;
		xs[k] = x;
		if (g >= 0 && !start[g])
			start[g] = x;
		if (g >= 0)
			end[g] = x + width;
		if (k == C_SPARK) {
			char range[24] = "", a[DATE_ISO_LEN], b[DATE_ISO_LEN];
			if (span->done && span->first <= span->last) {
				date_format(a, span->first);
				date_format(b, span->last);
				snprintf(range, sizeof range, "%.4s-%.4s", a, b);
			}
			ui_put(w, 1, x + 2, ACTOR_SPARK, range, ROLE_LABEL, 0, NULL);
		} else if (k == C_KIND || k >= C_FIRST) {
			ui_put(w, 1, x + (k == C_KIND ? 0 : 1), width - 1, col_def[k].label,
			       ROLE_LABEL, 0, NULL);
		} else {
			ui_put(w, 1, x, width, col_def[k].label, ROLE_LABEL, PUT_RIGHT, NULL);
		}
		x += width;
	}
	/* the title whole when it can be, up to the events' caption */
	int tlen = (int)strlen(title), used;
	const char *cap = caption(ev_caps, end[0] - tlen - 3);
	int room = end[0] - (int)strlen(cap) - 2;
	used = 1 + ui_put(w, 0, 1, room > 0 ? room : 1, title, ROLE_HEADING, PUT_GAP, NULL) + 1;
	if (end[0]) {
		ui_put(w, 0, end[0] - (int)strlen(cap), (int)strlen(cap), cap, ROLE_LABEL, 0, NULL);
		used = end[0] + 1;
	}
	if (end[1]) {
		int from = start[1] > used ? start[1] : used;
		used = from +
		       ui_put(w, 0, from, cols - from, caption(d_caps, cols - from), ROLE_LABEL, 0,
			      NULL) +
		       1;
	}
	if (c->on[C_SPARK] && xs[C_SPARK] + 2 >= used)
		ui_put(w, 0, xs[C_SPARK] + 2, ACTOR_SPARK, "activity", ROLE_LABEL, 0, NULL);
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
	struct pcols c = fit(p->side ? cols - 1 : cols, p->list.sort);
	bool focused = ui_has_focus(v->ui, v);
	if (p->side && !focused)
		follow_event(v);
	p->height = rows - HEADER_ROWS;
	header(w, &c, p->side ? cols - 1 : cols, &p->list, &p->list.span);
	if (!p->list.n && p->list.done)
		ui_put(w, HEADER_ROWS, 1, cols - 1, "No actor in these events", ROLE_DIM, 0, NULL);
	if (p->cur < p->top)
		p->top = p->cur;
	if (p->cur >= p->top + p->height)
		p->top = p->cur - p->height + 1;
	for (int y = HEADER_ROWS; y < rows && p->top + y - HEADER_ROWS < (long)p->list.n; y++) {
		long i = p->top + y - HEADER_ROWS;
		draw_line(w, y, &p->list.v[i], &c, i != p->cur ? 0 : !p->side || focused ? 2 : 1);
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
	else if (y >= HEADER_ROWS)
		move_to(v, p->top + y - HEADER_ROWS - p->cur);
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
