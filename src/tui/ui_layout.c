/* ui_layout: the screen's regions and the drawing of a frame. The panes
 * ask for their sizes, the view takes what is left, and only this file
 * refreshes the terminal: views and panes draw into their windows, then
 * one doupdate sends the difference. The view window has idlok so ncurses
 * scrolls the region (a few bytes) instead of repainting when the
 * timeline moves by a line. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sitrep/ui_draw.h"
#include "ui_impl.h"

static void drop_window(WINDOW **w)
{
	if (*w) {
		delwin(*w);
		*w = NULL;
	}
}

static void drop_windows(struct ui *ui)
{
	drop_window(&ui->win_view);
	drop_window(&ui->win_bottom);
	for (int i = 0; i < UI_NPANES; i++)
		drop_window(&ui->panes[i].win);
}

/* Each pane's place: top bands from the top down, bottom bands from the
 * prompt line up, left columns between them; the view gets the rest. */
static void place_panes(struct ui *ui, int top_y, int bottom_y)
{
	const struct view *v = ui_top(ui);
	int y = top_y, yb = bottom_y, x = 0;

	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		p->rows = p->cols = 0;
		if (!p->ops || p->ops->edge == PANE_LEFT)
			continue;
		int h = v ? p->ops->size(p, v, ui->rows, ui->cols) : 0;
		if (p->ops->edge == PANE_TOP) {
			p->y = y;
			y += h;
		} else {
			yb -= h;
			p->y = yb;
		}
		p->x = 0;
		p->rows = h;
		p->cols = h ? ui->cols : 0;
	}
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (!p->ops || p->ops->edge != PANE_LEFT)
			continue;
		int w = v ? p->ops->size(p, v, ui->rows, ui->cols) : 0;
		p->y = y;
		p->x = x;
		p->cols = w;
		p->rows = w ? yb - y : 0;
		x += w;
	}
	ui->view_y = y;
	ui->view_x = x;
	ui->view_h = yb - y;
	ui->view_w = ui->cols - x;
}

void ui_layout(struct ui *ui)
{
	ui->rows = LINES;
	ui->cols = COLS;
	ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	int rows = ui->rows < 3 ? 3 : ui->rows;
	ui->bottom_h = ui->prompting && ui->perr_set ? 2 : 1;
	place_panes(ui, 0, rows - ui->bottom_h);
	drop_windows(ui);
	if (ui->too_small)
		return;
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->rows && p->cols) {
			p->win = newwin(p->rows, p->cols, p->y, p->x);
			/* the cursor is hidden outside the prompt: no bytes moving it */
			leaveok(p->win, TRUE);
		}
	}
	ui->win_view = newwin(ui->view_h, ui->view_w, ui->view_y, ui->view_x);
	ui->win_bottom = newwin(ui->bottom_h, ui->cols, rows - ui->bottom_h, 0);
	idlok(ui->win_view, TRUE);
	leaveok(ui->win_view, TRUE);
	keypad(ui->win_bottom, TRUE);
	/* the script drives a headless run: never wait on the terminal */
	if (!ui->scripted)
		wtimeout(ui->win_bottom, 1000);
}

struct pane *ui_pane_at(struct ui *ui, int y, int x)
{
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->win && y >= p->y && y < p->y + p->rows && x >= p->x && x < p->x + p->cols)
			return p;
	}
	return NULL;
}

static void draw_bottom(struct ui *ui)
{
	if (ui->prompting) {
		ui_prompt_draw(ui);
		return;
	}
	WINDOW *w = ui->win_bottom;
	werase(w);
	if (ui->message.len)
		ui_put(w, 0, 0, ui->cols, sb_str(&ui->message),
		       ui->message_error ? ROLE_ERROR : ROLE_MESSAGE, 0, NULL);
}

static void draw_too_small(struct ui *ui)
{
	char msg[80];
	werase(stdscr);
	snprintf(msg, sizeof msg, "Terminal too small (%dx%d)", ui->cols, ui->rows);
	int y = ui->rows / 2 - 1;
	mvwaddnstr(stdscr, y < 0 ? 0 : y, 0, msg, ui->cols);
	snprintf(msg, sizeof msg, "need %dx%d; q quits", UI_MIN_COLS, UI_MIN_ROWS);
	if (y + 1 < ui->rows)
		mvwaddnstr(stdscr, y + 1, 0, msg, ui->cols);
	wnoutrefresh(stdscr);
}

/* Refresh the panes of one side of the view: before it (top, left) or
 * after it (bottom), as a frame was always sent. */
static void refresh_panes(struct ui *ui, bool after)
{
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->win && (p->ops->edge == PANE_BOTTOM) == after)
			wnoutrefresh(p->win);
	}
}

/* True when a pane wants another size than it has (a chip added, the
 * split toggled, a view pushed): a handler need not know that its change
 * moves the regions. */
static bool layout_stale(struct ui *ui)
{
	const struct view *v = ui_top(ui);
	for (int i = 0; i < UI_NPANES && v; i++) {
		struct pane *p = &ui->panes[i];
		if (!p->ops)
			continue;
		int want = p->ops->size(p, v, ui->rows, ui->cols);
		if (want != (p->ops->edge == PANE_LEFT ? p->cols : p->rows))
			return true;
	}
	return false;
}

void ui_render(struct ui *ui)
{
	if (LINES != ui->rows || COLS != ui->cols || (ui->pending & UI_RELAYOUT) ||
	    layout_stale(ui))
		ui_layout(ui);
	ui->pending &= ~UI_RELAYOUT;
	if (ui->pending & UI_REPAINT)
		clearok(curscr, TRUE);
	ui->pending &= ~UI_REPAINT;
	if (ui->too_small) {
		draw_too_small(ui);
		doupdate();
		return;
	}
	struct view *v = ui_top(ui);
	werase(ui->win_view);
	if (v)
		v->ops->draw(v, ui->win_view, ui->view_h, ui->view_w);
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->win) {
			werase(p->win);
			p->ops->draw(p, p->win, p->rows, p->cols);
		}
	}
	draw_bottom(ui);
	refresh_panes(ui, false);
	wnoutrefresh(ui->win_view);
	refresh_panes(ui, true);
	/* the bottom window last: the terminal's cursor is left where it is */
	leaveok(ui->win_bottom, !ui->prompting);
	wnoutrefresh(ui->win_bottom);
	curs_set(ui->prompting ? 1 : 0);
	doupdate();
}
