/* pane: a part of the screen around the view on top: the density strip
 * and the filter chips above it, the actor panel beside it, the status
 * line below it. A pane asks for its size; the main loop alone lays the
 * panes out, draws them after the view and refreshes the terminal, and
 * acts on the UI_* flags (view.h) their handlers return. A pane with the
 * focus gets the actions before the view (and, with a key handler, the
 * keys themselves). */
#ifndef SITREP_PANE_H
#define SITREP_PANE_H

#include <curses.h>
#include <stdbool.h>

#include "sitrep/action.h"
#include "sitrep/keyscript.h"
#include "sitrep/strbuf.h"
struct ui;
struct session;
struct view;
struct pane;

enum pane_edge {
	PANE_TOP,    /* a band above the view, in the order panes are listed */
	PANE_LEFT,   /* a column left of the view, beside the top bands' end */
	PANE_BOTTOM, /* a band below the view, above the prompt line */
};

struct pane_ops {
	const char *name;
	enum pane_edge edge;
	/* Rows (top and bottom edges) or columns (left) wanted when top is the
	 * view on top of a rows x cols screen; 0 hides the pane. */
	int (*size)(struct pane *p, const struct view *top, int rows, int cols);
	void (*draw)(struct pane *p, WINDOW *w, int rows, int cols);
	/* The rest are optional. */
	int (*open)(struct pane *p); /* 0, or -1: the pane stays out */
	void (*close)(struct pane *p);
	int (*action)(struct pane *p, enum action a);
	int (*key)(struct pane *p, struct key k); /* with the focus: the keys themselves */
	int (*mouse)(struct pane *p, enum mouse_kind m, int y, int x);
	int (*changed)(struct pane *p);       /* the session changed */
	bool (*idle)(struct pane *p);         /* a step of work; true when some was done */
	struct view *(*view)(struct pane *p); /* the view it shows, if it holds one */
};

struct pane {
	const struct pane_ops *ops;
	struct ui *ui;
	struct session *s;
	unsigned long seen; /* the session_version it last heard of */
	void *priv;
	/* where the last layout put it; rows or cols 0 when hidden */
	WINDOW *win;
	int y, x, rows, cols;
};

extern const struct pane_ops strip_pane_ops;
extern const struct pane_ops chips_pane_ops;
extern const struct pane_ops side_pane_ops;
extern const struct pane_ops status_pane_ops;

/* z and Z (ACT_ZOOM_IN, ACT_ZOOM_OUT): the density strip's buckets one
 * step finer or coarser, in the session's settings, for the strip and the
 * views that go by its buckets (distance, lanes). UI_* flags: with
 * UI_RELAYOUT when the zoom changed, else it said why not. */
int strip_zoom(struct ui *ui, struct session *s, enum action a);

#endif
