/* The prompt line at the bottom: '/' search, 'f' filter, ':' commands.
 * A filter error keeps the prompt open and shows, on the line below, a
 * caret under the column at fault and the message, so it can be fixed in
 * place. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/text.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"
#include "ui_impl.h"

static const char *label_of(char kind)
{
	return kind == 'f'   ? "filter: "
	       : kind == 'e' ? "chip: "
	       : kind == 't' ? "tag: "
	       : kind == 'n' ? "note: "
	       : kind == '/' ? "/"
			     : ":";
}

void ui_prompt_open(struct ui *ui, char kind, const char *initial, int arg)
{
	if (ui->prompting)
		prompt_free(&ui->prompt);
	prompt_init(&ui->prompt, kind, label_of(kind), &ui->hist);
	prompt_set(&ui->prompt, initial ? initial : "");
	ui->prompting = true;
	ui->prompt_arg = arg;
	ui->perr_set = false;
	sb_reset(&ui->message);
	ui->pending |= UI_RELAYOUT;
}

static void prompt_close(struct ui *ui)
{
	prompt_free(&ui->prompt);
	ui->prompting = false;
	ui->perr_set = false;
	ui->pending |= UI_RELAYOUT;
}

static int submit(struct ui *ui)
{
	char kind = ui->prompt.kind;
	char *text = xstrdup(prompt_text(&ui->prompt));
	int flags = UI_HANDLED;

	history_add(&ui->hist, kind, text);
	if (kind == 'f' || kind == 'e') {
		struct filter_error err = {0};
		/* 'e' edits the chip it was opened on; its text may become
		 * several chips or none */
		int rc = kind == 'f' ? session_set_filter(ui->s, text, &err)
				     : session_edit_chip(ui->s, (size_t)ui->prompt_arg, text, &err);
		if (rc != 0) {
			/* stay in the prompt; the layout grows a line for the error */
			ui->perr = err;
			ui->perr_set = true;
			free(text);
			return UI_HANDLED | UI_RELAYOUT;
		}
		prompt_close(ui);
		const char *now = session_filter_text(ui->s);
		if (err.note[0]) /* e.g. where near: found a place */
			ui_message(ui, "Filter: %s (%s)", now, err.note);
		else
			ui_message(ui, *now ? "Filter: %s" : "Filter cleared", now);
	} else if (kind == 't' || kind == 'n') {
		prompt_close(ui);
		flags = ui_mark_submit(ui, kind, text);
	} else if (kind == '/') {
		prompt_close(ui);
		session_set_search(ui->s, text);
		if (session_search(ui->s))
			flags = ui_action(ui, ACT_FIND_NEXT);
	} else {
		prompt_close(ui);
		flags = ui_command(ui, text);
	}
	free(text);
	return flags;
}

int ui_prompt_key(struct ui *ui, struct key k)
{
	if (ui->prompt.kind == 't' && !k.fn && k.code == '\t') {
		ui_mark_complete(ui);
		return UI_HANDLED;
	}
	switch (prompt_key(&ui->prompt, k)) {
	case PROMPT_SUBMIT:
		return submit(ui);
	case PROMPT_CANCEL:
		prompt_close(ui);
		break;
	case PROMPT_EDITING:
		break;
	}
	return UI_HANDLED;
}

/* Columns taken by the first n characters of s (the error's column counts
 * characters). */
static int cols_of_chars(const char *s, int n)
{
	int w = 0;
	size_t len = strlen(s);
	for (int i = 0; i < n && *s; i++) {
		uint32_t cp;
		size_t used = text_decode(s, len, &cp);
		w += text_cp_width(cp);
		s += used;
		len -= used;
	}
	return w;
}

void ui_prompt_draw(struct ui *ui)
{
	WINDOW *w = ui->win_bottom;
	int cols = ui->cols;
	const char *label = ui->prompt.label;
	int lw = (int)strlen(label);
	const char *text = prompt_text(&ui->prompt);
	int ccol = prompt_cursor_col(&ui->prompt);
	/* scroll horizontally so the cursor stays on screen */
	int room = cols - lw - 1, skip = ccol > room ? ccol - room : 0;
	werase(w);
	ui_put(w, 0, 0, lw, label, ROLE_PROMPT, 0, NULL);
	struct strbuf shown = STRBUF_INIT;
	const char *p = text;
	int skipped = 0;
	while (*p && skipped < skip) {
		uint32_t cp;
		size_t n = text_decode(p, strlen(p), &cp);
		skipped += text_cp_width(cp);
		p += n;
	}
	sb_add(&shown, p);
	ui_put(w, 0, lw, cols - lw, sb_str(&shown), ROLE_NORMAL, 0, NULL);
	sb_free(&shown);
	if (ui->perr_set && ui->bottom_h > 1) {
		char msg[320];
		filter_error_format(&ui->perr, msg, sizeof msg);
		int x = lw + (ui->perr.column > 0 ? cols_of_chars(text, ui->perr.column - 1) : 0) -
			skipped;
		if (x < 0 || x >= cols)
			x = 0;
		mvwaddstr(w, 1, x, "^");
		ui_put(w, 1, x + 2, cols - x - 2, msg, ROLE_ERROR, 0, NULL);
		if (x + 2 + 20 > cols) /* no room after the caret: message first */
			ui_put(w, 1, 0, x, msg, ROLE_ERROR, 0, NULL);
	}
	wmove(w, 0, lw + ccol - skipped);
}
