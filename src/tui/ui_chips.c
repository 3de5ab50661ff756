/* ui_chips: the filter as a row of chips above the timeline, one per term,
 * numbered; a chip switched off stays in the row, dimmed, so it can come
 * back with a key. In chip mode (c) the keys select, toggle, edit and
 * remove chips; the main loop sends them here instead of the keymap. */
#include <stdio.h>
#include <stdlib.h>

#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"

void ui_chips_draw(struct ui *ui)
{
	WINDOW *w = ui->win_chips;
	int x = 0, cols = ui->cols;
	char num[32];

	werase(w);
	x += ui_put(w, 0, x, cols - x, "Filter ", ROLE_LABEL, 0, NULL);
	for (size_t i = 0; i < ui->stack.n && x < cols; i++) {
		const struct filter_term *t = &ui->stack.v[i];
		bool sel = ui->chip_mode && i == ui->chip_sel;
		enum role r = sel ? ROLE_CURSOR : t->on ? ROLE_KEY : ROLE_DIM;
		snprintf(num, sizeof num, "%s%zu:", i ? " " : "", i + 1);
		x += ui_put(w, 0, x, cols - x, num, sel ? ROLE_NORMAL : ROLE_DIM, 0, NULL);
		x += ui_put(w, 0, x, cols - x, "[", r, 0, NULL);
		/* the user's own text, but it may come from data (a region name) */
		x += ui_put(w, 0, x, cols - x, t->text, r, 0, NULL);
		x += ui_put(w, 0, x, cols - x, t->on ? "]" : " off]", r, 0, NULL);
	}
}

static void apply(struct ui *ui)
{
	struct filter_error err;
	char msg[320];

	if (ui_apply_stack(ui, &err) != 0) {
		filter_error_format(&err, msg, sizeof msg);
		ui_error(ui, "%s", msg);
	}
}

int ui_chips_key(struct ui *ui, struct key k)
{
	size_t n = ui->stack.n;
	int c = k.fn ? -1 : k.code;

	if (k.fn && (k.code == KEY_LEFT || k.code == KEY_RIGHT))
		c = k.code == KEY_LEFT ? 'h' : 'l';
	if (k.fn && k.code == KEY_DC)
		c = 'd';
	switch (c) {
	case 'h':
		if (ui->chip_sel > 0)
			ui->chip_sel--;
		break;
	case 'l':
		if (ui->chip_sel + 1 < n)
			ui->chip_sel++;
		break;
	case ' ':
	case '\n':
		fstack_toggle(&ui->stack, ui->chip_sel);
		apply(ui);
		break;
	case 'e':
		if (n) {
			ui->chip_mode = false;
			ui_prompt_open(ui, 'e', ui->stack.v[ui->chip_sel].text);
		}
		return UI_HANDLED;
	case 'd':
	case 'x':
		fstack_remove(&ui->stack, ui->chip_sel);
		apply(ui);
		break;
	case 'F':
		fstack_clear(&ui->stack);
		apply(ui);
		break;
	default:
		if (c >= '1' && c <= '9' && (size_t)(c - '1') < n) {
			ui->chip_sel = (size_t)(c - '1');
			break;
		}
		ui->chip_mode = false; /* Esc, q, c or anything else leaves */
		sb_reset(&ui->message);
		return UI_HANDLED;
	}
	if (!ui->stack.n)
		ui->chip_mode = false;
	return UI_HANDLED;
}
