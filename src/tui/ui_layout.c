/* Layout and drawing of the whole screen. Only this file refreshes the
 * terminal: views draw into their window, then one doupdate sends the
 * difference. The view window has idlok so ncurses scrolls the region
 * (a few bytes) instead of repainting when the timeline moves by a line. */
#include <stdio.h>
#include <string.h>

#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"

static void drop_windows(struct ui *ui)
{
	WINDOW **wins[] = {&ui->win_view,  &ui->win_status, &ui->win_bottom,
			   &ui->win_strip, &ui->win_chips,  &ui->win_side};
	for (size_t i = 0; i < sizeof wins / sizeof *wins; i++)
		if (*wins[i]) {
			delwin(*wins[i]);
			*wins[i] = NULL;
		}
}

/* The strip, the chips and the actor panel go with the timeline alone:
 * a detail or help view gets the whole screen. */
static void regions(struct ui *ui, struct ui_layout *l)
{
	bool timeline = ui->nviews == 1;
	l->strip_y = 0;
	l->strip_h = timeline && ui->strip_on && ui->rows >= 14 ? 2 : 0;
	l->chips_y = l->strip_y + l->strip_h;
	l->chips_h = timeline && ui->stack.n ? 1 : 0;
	l->view_y = l->chips_y + l->chips_h;
	l->side_w = 0;
	if (timeline && ui->split)
		l->side_w = ui->cols >= 150 ? 72 : ui->cols >= 120 ? 60 : ui->cols * 2 / 5;
	l->view_x = l->side_w;
	l->view_w = ui->cols - l->side_w;
}

/* True when the screen's regions no longer fit the state (a view pushed,
 * a chip added, the split toggled). */
static bool layout_stale(struct ui *ui)
{
	struct ui_layout want = ui->lay;
	regions(ui, &want);
	return want.strip_h != ui->lay.strip_h || want.chips_h != ui->lay.chips_h ||
	       want.side_w != ui->lay.side_w;
}

void ui_layout(struct ui *ui)
{
	ui->rows = LINES;
	ui->cols = COLS;
	ui->too_small = ui->rows < UI_MIN_ROWS || ui->cols < UI_MIN_COLS;
	struct ui_layout *l = &ui->lay;
	int rows = ui->rows < 3 ? 3 : ui->rows;
	l->bottom_h = ui->prompting && ui->perr_set ? 2 : 1;
	l->bottom_y = rows - l->bottom_h;
	l->status_y = l->bottom_y - 1;
	regions(ui, l);
	l->view_h = l->status_y - l->view_y;
	drop_windows(ui);
	if (ui->too_small)
		return;
	if (l->strip_h)
		ui->win_strip = newwin(l->strip_h, ui->cols, l->strip_y, 0);
	if (l->chips_h)
		ui->win_chips = newwin(l->chips_h, ui->cols, l->chips_y, 0);
	if (l->side_w) {
		ui->win_side = newwin(l->view_h, l->side_w, l->view_y, 0);
		leaveok(ui->win_side, TRUE);
	}
	ui->win_view = newwin(l->view_h, l->view_w, l->view_y, l->view_x);
	ui->win_status = newwin(1, ui->cols, l->status_y, 0);
	ui->win_bottom = newwin(l->bottom_h, ui->cols, l->bottom_y, 0);
	idlok(ui->win_view, TRUE);
	/* the cursor is hidden outside the prompt: do not spend bytes moving it */
	leaveok(ui->win_view, TRUE);
	leaveok(ui->win_status, TRUE);
	keypad(ui->win_bottom, TRUE);
	/* the script drives a headless run: never wait on the terminal */
	if (!ui->scripted)
		wtimeout(ui->win_bottom, 1000);
}

static void draw_status(struct ui *ui)
{
	WINDOW *w = ui->win_status;
	struct view *v = ui_top(ui);
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	sb_addf(&left, " %s", ui->db_name);
	if (v && strcmp(v->ops->name, "timeline") != 0)
		sb_addf(&left, " [%s]", v->ops->name);
	if (ui->lay.side_w && ui->focus_side)
		sb_add(&left, " [actors]");
	if (*ui->filter_text)
		sb_addf(&left, "  filter: %s", ui->filter_text);
	if (ui->search)
		sb_addf(&left, "  /%s", ui->search);
	if (v && v->ops->position)
		v->ops->position(v, &right);
	sb_add(&right, " ");
	int rw = (int)right.len; /* the position is ASCII */
	wattrset(w, theme_attr(ROLE_STATUS));
	mvwhline(w, 0, 0, ' ', ui->cols);
	ui_put(w, 0, 0, ui->cols - rw - 1, sb_str(&left), ROLE_STATUS, 0, NULL);
	ui_put(w, 0, ui->cols - rw, rw, sb_str(&right), ROLE_STATUS, PUT_RIGHT, NULL);
	sb_free(&left);
	sb_free(&right);
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

void ui_render(struct ui *ui)
{
	if (LINES != ui->rows || COLS != ui->cols || layout_stale(ui))
		ui_layout(ui);
	if (ui->too_small) {
		draw_too_small(ui);
		doupdate();
		return;
	}
	struct view *v = ui_top(ui);
	werase(ui->win_view);
	if (v)
		v->ops->draw(v, ui->win_view, ui->lay.view_h, ui->lay.view_w);
	if (ui->win_strip)
		ui_strip_draw(ui);
	if (ui->win_chips)
		ui_chips_draw(ui);
	if (ui->win_side)
		ui_side_draw(ui);
	draw_status(ui);
	draw_bottom(ui);
	if (ui->win_strip)
		wnoutrefresh(ui->win_strip);
	if (ui->win_chips)
		wnoutrefresh(ui->win_chips);
	if (ui->win_side)
		wnoutrefresh(ui->win_side);
	wnoutrefresh(ui->win_view);
	wnoutrefresh(ui->win_status);
	/* the bottom window last: the terminal's cursor is left where it is */
	leaveok(ui->win_bottom, !ui->prompting);
	wnoutrefresh(ui->win_bottom);
	curs_set(ui->prompting ? 1 : 0);
	doupdate();
}
