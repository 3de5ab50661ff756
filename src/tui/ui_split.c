/* ui_split: the actor panel beside the timeline (s toggles it, Tab moves
 * the focus) and the saved views (:save NAME, :load NAME, :views), which
 * keep the filter chips, the timeline's order, the actor sort, the zoom
 * and the split. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/saved_views.h"
#include "sitrep/ui.h"
#include "sitrep/util.h"

static void open_side(struct ui *ui)
{
	static const bool side = true;
	if (ui->side.ops)
		return;
	ui->side = (struct view){&actors_view_ops, ui, NULL};
	if (actors_view_ops.open(&ui->side, &side) != 0)
		ui->side.ops = NULL;
}

void ui_side_draw(struct ui *ui)
{
	werase(ui->win_side);
	open_side(ui);
	if (ui->side.ops)
		ui->side.ops->draw(&ui->side, ui->win_side, ui->lay.view_h, ui->lay.side_w);
}

int ui_split_action(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_ACTORS:
		if (ui->split && ui->nviews == 1) {
			ui->focus_side = true;
			return UI_HANDLED;
		}
		ui_push(ui, &actors_view_ops, NULL);
		return UI_HANDLED;
	case ACT_SPLIT:
		ui->split = !ui->split;
		ui->focus_side = ui->split;
		if (ui->split)
			open_side(ui);
		return UI_HANDLED;
	case ACT_FOCUS:
		if (!ui->split || ui->nviews != 1)
			return UI_UNHANDLED;
		ui->focus_side = !ui->focus_side;
		return UI_HANDLED;
	default:
		return UI_UNHANDLED;
	}
}

static int save(struct ui *ui, const char *name)
{
	struct saved_view v;
	char *err = NULL;

	saved_view_init(&v);
	v.filters = ui->stack; /* borrowed: not freed here */
	v.sort = ui->actor_sort;
	v.descending = ui->descending;
	v.zoom = ui->zoom;
	v.split = ui->split;
	if (saved_view_save(name, &v, &err) != 0)
		ui_error(ui, "save: %s", err);
	else
		ui_message(ui, "Saved view '%s'", name);
	free(err);
	return UI_HANDLED;
}

static int load(struct ui *ui, const char *name)
{
	struct saved_view v;
	struct filter_error ferr;
	char *err = NULL, msg[320];

	if (saved_view_load(name, &v, &err) != 0) {
		ui_error(ui, "load: %s", err);
		free(err);
		return UI_HANDLED;
	}
	struct filter_stack old = ui->stack;
	ui->stack = v.filters;
	if (ui_apply_stack(ui, &ferr) != 0) {
		filter_error_format(&ferr, msg, sizeof msg);
		ui_error(ui, "load: %s", msg);
		ui->stack = old;
		ui_apply_stack(ui, &ferr);
		saved_view_free(&v);
		return UI_HANDLED;
	}
	fstack_free(&old);
	ui->zoom = v.zoom;
	ui->strip_cells = 0;
	ui->split = ui->focus_side = v.split;
	if (ui->descending != v.descending) /* the timeline turns over, cursor kept */
		ui->views[0].ops->action(&ui->views[0], ACT_REVERSE);
	if (ui->actor_sort != v.sort) {
		ui->actor_sort = v.sort;
		if (ui->side.ops && ui->side.ops->changed)
			ui->side.ops->changed(&ui->side);
	}
	ui_message(ui, "Loaded view '%s'", name);
	return UI_HANDLED;
}

int ui_view_command(struct ui *ui, const char *cmd, const char *arg)
{
	if (strcmp(cmd, "save") == 0) {
		if (!*arg) {
			ui_error(ui, "save: give the view a name (:save NAME)");
			return UI_HANDLED;
		}
		return save(ui, arg);
	}
	if (strcmp(cmd, "load") == 0 && *arg)
		return load(ui, arg);
	if (strcmp(cmd, "load") == 0 || strcmp(cmd, "views") == 0) {
		ui_push(ui, &saved_views_view_ops, NULL);
		return UI_HANDLED;
	}
	return UI_UNHANDLED;
}
