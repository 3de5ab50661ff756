/* line_list: a list of lines a view shows, as tig's struct view does for
 * all of its views: it owns the lines, the scrolling, the paging, the
 * selection, finding the search and the position for the status line. A
 * view using it keeps only how to make its lines and how to draw one.
 *
 * Two kinds: a scrolled list (help, an actor's detail) moves the window
 * over the lines; a list with a cursor (an event's detail, the saved
 * views) moves a selected line, and the window follows it. */
#ifndef SITREP_LINE_LIST_H
#define SITREP_LINE_LIST_H

#include <curses.h>
#include <stdbool.h>

#include "sitrep/action.h"
#include "sitrep/keyscript.h"
#include "sitrep/strbuf.h"
#include "sitrep/theme.h"

struct line {
	char *label; /* NULL: a heading or text of its own */
	char *text;
	enum role role;
	int indent; /* the text's column, for views that indent */
	long link;  /* what Enter on the line opens (the view's own index), -1 none */
};

struct line_list {
	struct line *v;
	int n;
	int top, sel; /* the first line shown; the selected line (cursor lists) */
	int height;   /* rows shown at the last draw */
	bool cursor;  /* a selected line, or a scrolled window */
	int overlap;  /* a page keeps this many lines of the last one */
	int header;   /* rows above the lines that the view draws itself */
};

/* Draw line l (selected: under the cursor) at row y of w, cols wide. */
typedef void line_draw_fn(void *ctx, WINDOW *w, int y, int cols, const struct line *l,
			  bool selected);

void lines_init(struct line_list *l, bool cursor, int overlap, int header);
/* Append a line (texts copied, NULL label kept NULL); returns it, for the
 * caller to set indent or link. */
struct line *lines_add(struct line_list *l, const char *label, const char *text, enum role r);
/* Drop the lines, keeping the position (a rebuild for another width). */
void lines_clear(struct line_list *l);
void lines_free(struct line_list *l);

/* Draw the lines that fit in rows (less the header) with draw. */
void lines_draw(struct line_list *l, WINDOW *w, int rows, int cols, line_draw_fn *draw, void *ctx);
/* Movement, paging, first and last; find next/previous of folded (the
 * session's folded search, NULL: none). UI_HANDLED or UI_UNHANDLED. */
int lines_action(struct line_list *l, enum action a, const char *folded);
/* Wheel and click; true when the click was a double click on a line (the
 * view then acts as on Enter). */
bool lines_mouse(struct line_list *l, enum mouse_kind m, int y);
/* "12-40/96" for a scrolled list, "line 3/96" for a cursor list. */
void lines_position(const struct line_list *l, struct strbuf *out);
/* The selected line, or NULL when there is none. */
const struct line *lines_selected(const struct line_list *l);

#endif
