/* view: what every view provides (struct view_ops) and the registry of
 * views. A view draws into the window the UI gives it and answers actions
 * with UI_* flags; it never refreshes the screen or handles resizing itself
 * (the main loop in ui.c owns both). Adding a view touches one file plus
 * one line in the registry. */
#ifndef SITREP_VIEW_H
#define SITREP_VIEW_H

#include <curses.h>

#include "sitrep/action.h"
#include "sitrep/keyscript.h"
#include "sitrep/strbuf.h"

struct ui;
struct view;
struct event_row;

/* What a handler did; the main loop acts on it. */
enum {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,
	UI_REPAINT = 1 << 1, /* repaint the whole terminal, not just changes */
	UI_CLOSE = 1 << 2,   /* pop this view */
	UI_QUIT = 1 << 3,
};

struct view_ops {
	const char *name;
	/* 0, or -1 after telling the user why (ui_error). */
	int (*open)(struct view *v, const void *arg);
	void (*close)(struct view *v);
	void (*draw)(struct view *v, WINDOW *w, int rows, int cols);
	int (*action)(struct view *v, enum action a);
	/* y, x relative to the view's window. Optional. */
	int (*mouse)(struct view *v, enum mouse_kind m, int y, int x);
	/* The position for the status line: "12/345". Optional. */
	void (*position)(struct view *v, struct strbuf *out);
	/* The filter or search changed. Optional. */
	int (*changed)(struct view *v);
	/* A view-specific command from the command line ("goto"); returns
	 * UI_UNHANDLED for commands it does not know. Optional. */
	int (*command)(struct view *v, const char *cmd, const char *arg);
	/* Show event id (a jump from another view). 0 ok, -1. Optional. */
	int (*select)(struct view *v, long long id, const char *date);
	/* Work left to do between keys (a count over a big file): do a step,
	 * return true when more is left. Optional. */
	int (*idle)(struct view *v);
	/* The selected event, for the strip and "add to filter" keys. Optional. */
	const struct event_row *(*current)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct ui *ui;
	void *priv;
};

extern const struct view_ops timeline_view_ops;
extern const struct view_ops detail_view_ops;
extern const struct view_ops help_view_ops;
extern const struct view_ops actors_view_ops;
extern const struct view_ops actor_detail_view_ops;
extern const struct view_ops saved_views_view_ops;

/* Every view, for look-up by name (":view NAME", config files). */
extern const struct view_ops *const view_registry[];
const struct view_ops *view_lookup(const char *name);

#endif
