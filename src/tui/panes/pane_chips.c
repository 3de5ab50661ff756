/* pane_chips: the filter as a row of chips above the timeline, one per
 * term, numbered; a chip switched off stays in the row, dimmed, so it can
 * come back with a key. In chip mode (c) the pane has the focus and its
 * keys select, toggle, edit and remove chips; any other key leaves. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "sitrep/pane.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"

struct chips {
	size_t sel;        /* the chip chip mode is on */
	struct pane *back; /* the focus before chip mode, given back after */
};

static struct chips *C(struct pane *p)
{
	return p->priv;
}

static int chips_open(struct pane *p)
{
	p->priv = calloc(1, sizeof(struct chips));
	return p->priv ? 0 : -1;
}

static void chips_close(struct pane *p)
{
	free(p->priv);
}

static bool chip_mode(struct pane *p)
{
	return ui_focused(p->ui) == p;
}

static int chips_size(struct pane *p, const struct view *top, int rows, int cols)
{
	return top->ops->panes && session_chips(p->s)->n ? 1 : 0;
}

static void chips_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	const struct filter_stack *stack = session_chips(p->s);
	int x = 0;
	char num[32];

	x += ui_put(w, 0, x, cols - x, "Filter ", ROLE_LABEL, 0, NULL);
	for (size_t i = 0; i < stack->n && x < cols; i++) {
		const struct filter_term *t = &stack->v[i];
		bool sel = chip_mode(p) && i == C(p)->sel;
		enum role r = sel ? ROLE_CURSOR : t->on ? ROLE_KEY : ROLE_DIM;
		snprintf(num, sizeof num, "%s%zu:", i ? " " : "", i + 1);
		x += ui_put(w, 0, x, cols - x, num, sel ? ROLE_NORMAL : ROLE_DIM, 0, NULL);
		x += ui_put(w, 0, x, cols - x, "[", r, 0, NULL);
		/* the user's own text, but it may come from data (a region name) */
		x += ui_put(w, 0, x, cols - x, t->text, r, 0, NULL);
		x += ui_put(w, 0, x, cols - x, t->on ? "]" : " off]", r, 0, NULL);
	}
}

static void report(struct pane *p, int rc, const struct filter_error *err)
{
	char msg[320];

	if (rc != 0) {
		filter_error_format(err, msg, sizeof msg);
		ui_error(p->ui, "%s", msg);
	}
}

/* The chips changed under chip mode (a chip removed, a filter loaded):
 * the selection stays on a chip, and with none left the mode ends. */
static int chips_changed(struct pane *p)
{
	size_t n = session_chips(p->s)->n;

	if (C(p)->sel >= n)
		C(p)->sel = n ? n - 1 : 0;
	if (!n && chip_mode(p))
		ui_focus(p->ui, C(p)->back);
	return UI_HANDLED;
}

/* With the focus: the keys themselves, not their actions. */
static int chips_key(struct pane *p, struct key k)
{
	struct chips *c = C(p);
	struct filter_error err;
	size_t n = session_chips(p->s)->n;
	int ch = k.fn ? -1 : k.code;

	if (k.fn && (k.code == KEY_LEFT || k.code == KEY_RIGHT))
		ch = k.code == KEY_LEFT ? 'h' : 'l';
	if (k.fn && k.code == KEY_DC)
		ch = 'd';
	switch (ch) {
	case 'h':
		if (c->sel > 0)
			c->sel--;
		break;
	case 'l':
		if (c->sel + 1 < n)
			c->sel++;
		break;
	case ' ':
	case '\n':
		report(p, session_toggle_chip(p->s, c->sel, &err), &err);
		break;
	case 'e':
		if (n) {
			ui_focus(p->ui, c->back);
			ui_prompt_open(p->ui, 'e', session_chips(p->s)->v[c->sel].text,
				       (int)c->sel);
		}
		break;
	case 'd':
	case 'x':
		report(p, session_remove_chip(p->s, c->sel, &err), &err);
		break;
	case 'F':
		report(p, session_set_filter(p->s, "", &err), &err);
		break;
	default:
		if (ch >= '1' && ch <= '9' && (size_t)(ch - '1') < n) {
			c->sel = (size_t)(ch - '1');
			break;
		}
		ui_focus(p->ui, c->back); /* Esc, q, c or anything else leaves */
		ui_message_clear(p->ui);
	}
	return UI_HANDLED;
}

static int chips_action(struct pane *p, enum action a)
{
	if (a != ACT_CHIPS)
		return UI_UNHANDLED;
	if (!session_chips(p->s)->n) {
		ui_message(p->ui, "No filter chips: f sets a filter");
		return UI_HANDLED;
	}
	if (!chip_mode(p))
		C(p)->back = ui_focused(p->ui);
	ui_focus(p->ui, p);
	ui_message(p->ui,
		   "Chips: Left/Right choose, Space toggles, e edits, d removes, Esc leaves");
	return UI_HANDLED;
}

const struct pane_ops chips_pane_ops = {
    .name = "chips",
    .edge = PANE_TOP,
    .size = chips_size,
    .draw = chips_draw,
    .open = chips_open,
    .close = chips_close,
    .action = chips_action,
    .key = chips_key,
    .changed = chips_changed,
};
