/* view: what every view provides (struct view_ops) and the registry of
 * views (VIEW_TABLE). A view draws into the window the main loop gives it
 * and answers actions with UI_* flags; it never refreshes the screen, lays
 * it out or pops itself: the main loop (tui/ui_loop.c) acts on the flags.
 * It reads shared state through the session (session.h) and talks to the
 * user through ui.h. Adding a view is its file plus one VIEW_TABLE line. */
#ifndef SITREP_VIEW_H
#define SITREP_VIEW_H

#include <curses.h>
#include <stdbool.h>

#include "sitrep/action.h"
#include "sitrep/keyscript.h"
#include "sitrep/strbuf.h"

struct ui;
struct session;
struct view;
struct event_row;

/* What a handler did; the main loop acts on it. */
enum {
	UI_UNHANDLED = 0,
	UI_HANDLED = 1 << 0,
	UI_REPAINT = 1 << 1,  /* repaint the whole terminal, not just changes */
	UI_CLOSE = 1 << 2,    /* remove the view (or pane) that returned it */
	UI_QUIT = 1 << 3,     /* leave the program */
	UI_RELAYOUT = 1 << 4, /* the screen's regions change (a pane shown or hidden) */
};

/* The registry: id, name (for ":view NAME", the config file's "view =",
 * the help and the status line), and what it shows. A view opened by name
 * gets arg 0: it shows what the session's selection suggests. */
#define VIEW_TABLE(_)                                                                              \
	_(TIMELINE, timeline, "The events of the filter, one a line")                              \
	_(DETAIL, detail, "The selected event's whole record")                                     \
	_(HELP, help, "Every key, command and view")                                               \
	_(ACTORS, actors, "The actors of the filter, as a tree by affiliation")                    \
	_(ACTOR, actor, "The selected actor's names, affiliation and figures")                     \
	_(VIEWS, views, "The saved views, to load one")                                            \
	_(SQL, sql, "The rows of a read-only SQL statement (:sql SELECT ...)")                     \
	_(FREQUENCY, frequency,                                                                    \
	  "The filter's events by region, district, place, actor, type, month, year")              \
	_(MAP, map, "The filter's events on a map; Enter filters to a cell")                       \
	_(BEFORE_AFTER, before_after,                                                              \
	  "The filter's incidents before and after a context event, with their change")            \
	_(DISTANCE, distance, "The filter's incidents' distance from the capital per bucket")      \
	_(LANES, lanes, "The filter's top actors, a lane each, time across")

enum view_id {
#define VIEW_ID_(id, name, help) VIEW_##id,
	VIEW_TABLE(VIEW_ID_)
#undef VIEW_ID_
	    VIEW_COUNT
};

struct view_ops {
	const char *name;
	/* The strip, the chips and the actor panel stand around this view. */
	bool panes;
	/* arg: an event or actor id, or 0 (see VIEW_TABLE). 0, or -1 after
	 * telling the user why (ui_error): nothing is pushed. */
	int (*open)(struct view *v, long long arg);
	void (*close)(struct view *v);
	void (*draw)(struct view *v, WINDOW *w, int rows, int cols);
	int (*action)(struct view *v, enum action a);
	/* y, x relative to the view's window. Optional. */
	int (*mouse)(struct view *v, enum mouse_kind m, int y, int x);
	/* The position for the status line: "12/345". Optional. */
	void (*position)(struct view *v, struct strbuf *out);
	/* The session changed (its filter, search or settings). Optional. */
	int (*changed)(struct view *v);
	/* A view-specific command from the command line ("goto"); returns
	 * UI_UNHANDLED for commands it does not know. Optional. */
	int (*command)(struct view *v, const char *cmd, const char *arg);
	/* Show event id (a jump from another view). 0 shown, -1. Optional. */
	int (*select)(struct view *v, long long id, const char *date);
	/* Work left to do between keys (a count over a big file): do a step,
	 * return true when some was done. Optional. */
	int (*idle)(struct view *v);
	/* The selected event. Optional. */
	const struct event_row *(*current)(struct view *v);
};

struct view {
	const struct view_ops *ops;
	struct ui *ui;
	struct session *s;
	unsigned long seen; /* the session_version it last heard of */
	void *priv;
};

#define VIEW_OPS_(id, name, help) extern const struct view_ops name##_view_ops;
VIEW_TABLE(VIEW_OPS_)
#undef VIEW_OPS_

/* The registry, by id; view_lookup by name (NULL when unknown). */
extern const struct view_ops *const view_registry[VIEW_COUNT];
extern const char *const view_help[VIEW_COUNT];
const struct view_ops *view_lookup(const char *name);
enum view_id view_id_of(const struct view_ops *ops);

#endif
