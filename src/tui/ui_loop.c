/* ui_loop: the main loop, as htop's ScreenManager: read an input, hand
 * it to the one handler it is for, and act on the flags that handler
 * returns. Only here is the screen laid out, views and panes told that
 * the session changed, and work done between keys. */
#include "config.h"

#include <stdlib.h>

#include "sitrep/keymap.h"
#include "sitrep/util.h"
#include "ui_impl.h"

void ui_apply(struct ui *ui, int flags)
{
	ui->pending |= flags & (UI_RELAYOUT | UI_REPAINT);
	if (flags & UI_QUIT)
		ui->quit = true;
}

static int mouse(struct ui *ui, const struct input *in)
{
	struct pane *p = ui_pane_at(ui, in->y, in->x);
	struct view *v = ui_top(ui);
	int y = in->y - ui->view_y, x = in->x - ui->view_x;

	if (ui->too_small || ui->prompting)
		return UI_UNHANDLED;
	if (p)
		return p->ops->mouse ? p->ops->mouse(p, in->mouse, in->y - p->y, in->x - p->x)
				     : UI_UNHANDLED;
	if (v->ops->mouse && y >= 0 && y < ui->view_h && x >= 0 && x < ui->view_w) {
		int flags = v->ops->mouse(v, in->mouse, y, x);
		if (flags & UI_CLOSE)
			ui_remove(ui, ui_index_of(ui, v));
		return flags & ~UI_CLOSE;
	}
	return UI_UNHANDLED;
}

static int key(struct ui *ui, struct key k)
{
	struct pane *f = ui_focused(ui);

	if (ui->prompting)
		return ui_prompt_key(ui, k);
	if (f && f->ops->key)
		return f->ops->key(f, k);
	ui_message_clear(ui);
	enum action a = keymap_lookup(k);
	if (a != ACT_NONE)
		return ui_action(ui, a);
	char name[32];
	key_describe(k, name, sizeof name);
	ui_message(ui, "%s: no action (? lists the keys)", name);
	return UI_HANDLED;
}

static void dispatch(struct ui *ui, const struct input *in)
{
	int flags = UI_UNHANDLED;

	switch (in->type) {
	case INPUT_RESIZE:
		if (ui->scripted)
			resizeterm(in->rows, in->cols);
		flags = UI_RELAYOUT;
		break;
	case INPUT_MOUSE:
		ui->key_seen = true;
		flags = mouse(ui, in);
		break;
	case INPUT_DUMP:
		free(ui->pending_dump);
		ui->pending_dump = xstrdup(in->path);
		break;
	case INPUT_KEY:
		ui->key_seen = true;
		flags = key(ui, in->key);
		break;
	}
	ui_apply(ui, flags);
	/* what the handler changed in the session, every view and pane hears */
	ui_notify(ui);
}

bool ui_background(struct ui *ui)
{
	bool did = false;

	for (int i = 0; i < ui->nviews; i++)
		if (ui->views[i].ops->idle && ui->views[i].ops->idle(&ui->views[i]))
			did = true;
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->ops && p->ops->idle && p->ops->idle(p))
			did = true;
	}
	ui->busy = did;
	ui_notify(ui); /* a step may change the session (a failed strip) */
	return did;
}

/* Draw, then do the slow work (counting) with the screen already up, then
 * draw again; a pending save-display sees the settled screen. */
static void settle(struct ui *ui)
{
	ui_render(ui);
	if (ui_background(ui))
		ui_render(ui);
	if (ui->pending_dump) {
		char *err = NULL;
		if (screen_dump(ui->pending_dump, &err) != 0) {
			ui_error(ui, "save-display: %s", err);
			free(err);
		}
		free(ui->pending_dump);
		ui->pending_dump = NULL;
	}
}

bool ui_poll_file(struct ui *ui)
{
	long long added, updated;
	if (!session_poll_file(ui->s, &added, &updated))
		return false;
	if (added > 0 && updated > 0)
		ui_message(ui, "The file changed: %lld new, %lld updated event%s", added, updated,
			   updated == 1 ? "" : "s");
	else if (added > 0)
		ui_message(ui, "The file changed: %lld new event%s", added, added == 1 ? "" : "s");
	else if (updated > 0)
		ui_message(ui, "The file changed: %lld updated event%s", updated,
			   updated == 1 ? "" : "s");
	else
		ui_message(ui, "The file changed: events updated");
	ui_notify(ui);
	return true;
}

void ui_run(struct ui *ui)
{
	while (!ui->quit && ui->nviews) {
		ui_poll_file(ui); /* between keys: another process may have imported */
		settle(ui);
		struct input in;
		if (!ui_read(ui, &in))
			break;
		dispatch(ui, &in);
	}
}
