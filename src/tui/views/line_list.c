/* line_list: the lines of a view and the moving about in them (see
 * line_list.h). One place for what help, detail, actor detail and the
 * saved views each wrote by hand. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/line_list.h"
#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/util.h"
#include "sitrep/view.h"

void lines_init(struct line_list *l, bool cursor, int overlap, int header)
{
	*l = (struct line_list){.cursor = cursor, .overlap = overlap, .header = header};
}

struct line *lines_add(struct line_list *l, const char *label, const char *text, enum role r)
{
	l->v = xrealloc(l->v, (size_t)(l->n + 1) * sizeof *l->v);
	struct line *ln = &l->v[l->n++];
	*ln = (struct line){label ? xstrdup(label) : NULL, xstrdup(text ? text : ""), r, 0, -1};
	return ln;
}

void lines_clear(struct line_list *l)
{
	for (int i = 0; i < l->n; i++) {
		free(l->v[i].label);
		free(l->v[i].text);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

void lines_free(struct line_list *l)
{
	lines_clear(l);
}

static int clamp(int v, int lo, int hi)
{
	return v > hi ? hi : v < lo ? lo : v;
}

/* The window never shows past the last line, nor before the first. */
static void clamp_top(struct line_list *l, int h)
{
	if (l->top > l->n - h)
		l->top = l->n - h;
	if (l->top < 0)
		l->top = 0;
}

void lines_draw(struct line_list *l, WINDOW *w, int rows, int cols, line_draw_fn *draw, void *ctx)
{
	int h = rows - l->header;
	l->height = h;
	if (l->cursor) { /* the window follows the cursor */
		if (l->sel < l->top)
			l->top = l->sel;
		if (l->sel >= l->top + h)
			l->top = l->sel - h + 1;
	} else {
		clamp_top(l, h);
	}
	for (int y = 0; y < h && l->top + y < l->n; y++) {
		int i = l->top + y;
		draw(ctx, w, l->header + y, cols, &l->v[i], l->cursor && i == l->sel);
	}
}

static void select_line(struct line_list *l, int sel)
{
	l->sel = l->n ? clamp(sel, 0, l->n - 1) : 0;
}

/* The next line (dir 1) or previous (-1) from the selection or the top
 * whose text holds folded, wrapping around; -1 when none does. */
static int find(const struct line_list *l, const char *folded, int dir)
{
	int from = l->cursor ? l->sel : l->top;
	for (int k = 1; k <= l->n; k++) {
		int i = ((from + dir * k) % l->n + l->n) % l->n;
		char *t = text_fold(l->v[i].text);
		bool hit = text_search_find(t, folded, NULL) >= 0;
		free(t);
		if (hit)
			return i;
	}
	return -1;
}

/* Move by delta lines: the cursor, or the window of a scrolled list. */
static void step_by(struct line_list *l, int delta)
{
	if (l->cursor)
		select_line(l, l->sel + delta);
	else
		l->top += delta;
}

int lines_action(struct line_list *l, enum action a, const char *folded)
{
	int h = l->height > 1 ? l->height : 1;
	int page = h - l->overlap > 0 ? h - l->overlap : 1;

	switch (a) {
	case ACT_MOVE_DOWN:
		step_by(l, 1);
		break;
	case ACT_MOVE_UP:
		step_by(l, -1);
		break;
	case ACT_PAGE_DOWN:
	case ACT_PAGE_UP: {
		int d = a == ACT_PAGE_DOWN ? page : -page;
		if (l->cursor) /* the cursor keeps its row: the window moves too */
			select_line(l, l->sel + d);
		l->top += d;
		break;
	}
	case ACT_HALF_DOWN:
		step_by(l, page / 2);
		break;
	case ACT_HALF_UP:
		step_by(l, -page / 2);
		break;
	case ACT_MOVE_FIRST:
		l->top = 0;
		select_line(l, 0);
		break;
	case ACT_MOVE_LAST:
		l->top = l->n;
		select_line(l, l->n - 1);
		break;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV: {
		if (!folded || !*folded || !l->n)
			return UI_UNHANDLED;
		int at = find(l, folded, a == ACT_FIND_NEXT ? 1 : -1);
		if (at < 0)
			return UI_UNHANDLED;
		if (l->cursor)
			select_line(l, at);
		else
			l->top = at;
		break;
	}
	default:
		return UI_UNHANDLED;
	}
	clamp_top(l, h);
	return UI_HANDLED;
}

bool lines_mouse(struct line_list *l, enum mouse_kind m, int y)
{
	if (m == MOUSE_WHEEL_DOWN || m == MOUSE_WHEEL_UP) {
		int d = m == MOUSE_WHEEL_DOWN ? 1 : -1;
		if (l->cursor)
			select_line(l, l->sel + 3 * d);
		else
			lines_action(l, d > 0 ? ACT_MOVE_DOWN : ACT_MOVE_UP, NULL);
		return false;
	}
	int i = l->top + y - l->header;
	if (!l->cursor || y < l->header || i >= l->n)
		return false;
	select_line(l, i);
	return m == MOUSE_DOUBLE;
}

void lines_position(const struct line_list *l, struct strbuf *out)
{
	if (l->cursor) {
		sb_addf(out, "line %d/%d", l->sel + 1, l->n);
		return;
	}
	int last = l->top + l->height < l->n ? l->top + l->height : l->n;
	sb_addf(out, "%d-%d/%d", l->top + 1, last, l->n);
}

const struct line *lines_selected(const struct line_list *l)
{
	return l->cursor && l->n ? &l->v[l->sel] : NULL;
}
