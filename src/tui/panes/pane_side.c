/* pane_side: the view beside the timeline, the actor panel (s toggles it)
 * or the map (|), Tab moving the focus. The pane holds a view of its own,
 * opened the first time the split shows it (its counting is not free),
 * told of session changes with the views of the stack, and given the
 * actions while the pane has the focus. */
#include "config.h"

#include <stdlib.h>

#include "sitrep/pane.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"

struct side {
	struct view view; /* ops NULL until the split first shows it */
};

static struct side *SD(struct pane *p)
{
	return p->priv;
}

static struct view *inner(struct pane *p)
{
	struct side *sd = SD(p);
	return sd->view.ops ? &sd->view : NULL;
}

static int side_open(struct pane *p)
{
	p->priv = calloc(1, sizeof(struct side));
	return p->priv ? 0 : -1;
}

static void close_inner(struct pane *p)
{
	struct view *v = inner(p);
	if (v && v->ops->close)
		v->ops->close(v);
	SD(p)->view.ops = NULL;
}

static void side_close(struct pane *p)
{
	close_inner(p);
	free(p->priv);
}

static bool split(struct pane *p)
{
	return session_settings(p->s)->split;
}

/* What the split shows: a session setting, so that a saved view keeps it. */
static enum view_id shown(struct pane *p)
{
	return session_settings(p->s)->split_map ? VIEW_MAP : VIEW_ACTORS;
}

/* Whether the split is on and shows view id. */
static bool showing(struct pane *p, enum view_id id)
{
	return split(p) && shown(p) == id;
}

/* The view the split shows, opened (arg 1: beside the timeline). */
static void open_inner(struct pane *p)
{
	struct side *sd = SD(p);
	const struct view_ops *ops = view_registry[shown(p)];
	if (sd->view.ops == ops)
		return;
	close_inner(p);
	sd->view = (struct view){ops, p->ui, p->s, session_version(p->s), NULL};
	if (ops->open(&sd->view, 1) != 0)
		sd->view.ops = NULL;
}

static int side_size(struct pane *p, const struct view *top, int rows, int cols)
{
	if (!top->ops->panes || !split(p))
		return 0;
	return cols >= 150 ? 72 : cols >= 120 ? 60 : cols * 2 / 5;
}

static void side_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	open_inner(p);
	struct view *v = inner(p);
	if (v)
		v->ops->draw(v, w, rows, cols);
}

static bool beside_timeline(struct pane *p)
{
	struct view *top = ui_top(p->ui);
	return top && top->ops->panes;
}

static int set_split(struct pane *p, bool on)
{
	if (on)
		open_inner(p);
	session_settings(p->s)->split = on;
	session_settings_changed(p->s);
	ui_focus(p->ui, on ? p : NULL);
	return UI_HANDLED | UI_RELAYOUT;
}

static int side_action(struct pane *p, enum action a)
{
	struct view *v = inner(p);

	if (v && ui_focused(p->ui) == p) {
		int flags = v->ops->action(v, a);
		if (flags & UI_CLOSE) /* q in the panel closes the panel */
			return set_split(p, false) | (flags & ~UI_CLOSE);
		if (flags != UI_UNHANDLED)
			return flags;
	}
	switch (a) {
	case ACT_ACTORS:
	case ACT_MAP: {
		enum view_id id = a == ACT_MAP ? VIEW_MAP : VIEW_ACTORS;
		if (showing(p, id) && beside_timeline(p)) {
			ui_focus(p->ui, p);
			return UI_HANDLED;
		}
		ui_open(p->ui, id, 0);
		return UI_HANDLED;
	}
	case ACT_SPLIT:
	case ACT_MAP_SPLIT: {
		enum view_id id = a == ACT_MAP_SPLIT ? VIEW_MAP : VIEW_ACTORS;
		if (showing(p, id))
			return set_split(p, false);
		session_settings(p->s)->split_map = id == VIEW_MAP;
		return set_split(p, true);
	}
	case ACT_FOCUS:
		if (!split(p) || !beside_timeline(p))
			return UI_UNHANDLED;
		ui_focus(p->ui, ui_focused(p->ui) == p ? NULL : p);
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int side_mouse(struct pane *p, enum mouse_kind m, int y, int x)
{
	struct view *v = inner(p);
	if (!v || !v->ops->mouse)
		return UI_HANDLED;
	ui_focus(p->ui, p);
	int flags = v->ops->mouse(v, m, y, x);
	return flags & UI_CLOSE ? set_split(p, false) : flags;
}

static int side_changed(struct pane *p)
{
	struct view *v = inner(p);
	if (v && v->ops->changed)
		return v->ops->changed(v) & (UI_RELAYOUT | UI_REPAINT);
	return UI_HANDLED;
}

/* Counting actors is the panel's work: only while it is on screen. */
static bool side_idle(struct pane *p)
{
	struct view *v = inner(p);
	return v && p->cols && v->ops->idle && v->ops->idle(v);
}

static struct view *side_view(struct pane *p)
{
	return inner(p);
}

const struct pane_ops side_pane_ops = {
    .name = "side",
    .edge = PANE_LEFT,
    .size = side_size,
    .draw = side_draw,
    .open = side_open,
    .close = side_close,
    .action = side_action,
    .mouse = side_mouse,
    .changed = side_changed,
    .idle = side_idle,
    .view = side_view,
};
