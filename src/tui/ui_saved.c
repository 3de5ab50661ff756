/* ui_saved: the saved views (:save NAME, :load NAME, :views), which keep
 * the filter chips and the session's settings: the timeline's order, the
 * actor sort, the zoom, the split (map or actor panel) and the selected event (saved_views.h has
 * the files). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "sitrep/saved_views.h"
#include "sitrep/util.h"
#include "ui_impl.h"

static int save(struct ui *ui, const char *name)
{
	const struct session_settings *set = session_settings(ui->s);
	struct saved_view v;
	char *err = NULL;

	saved_view_init(&v);
	v.filters = *session_chips(ui->s); /* borrowed: not freed here */
	v.sort = set->actor_sort;
	v.freq_by = set->freq_by;
	v.freq_sort = set->freq_sort;
	v.descending = set->descending;
	v.zoom = set->zoom;
	v.split = set->split;
	v.split_map = set->split_map;
	const struct event_row *cur = session_current(ui->s);
	/* a date as the file can hold it: a stored value that is not one
	 * (a hostile file's newline) keeps no cursor */
	if (cur && cur->date_start[0] &&
	    strspn(cur->date_start, "0123456789-") == strlen(cur->date_start)) {
		v.cursor_id = cur->id;
		snprintf(v.cursor_date, sizeof v.cursor_date, "%s", cur->date_start);
	}
	if (saved_view_save(name, &v, &err) != 0)
		ui_error(ui, "save: %s", err);
	else
		ui_message(ui, "Saved view '%s'", name);
	free(err);
	return UI_HANDLED;
}

void ui_load_view(struct ui *ui, const char *name)
{
	struct saved_view v;
	struct filter_error ferr;
	char *err = NULL, msg[320];

	if (saved_view_load(name, &v, &err) != 0) {
		ui_error(ui, "load: %s", err);
		free(err);
		return;
	}
	if (session_set_chips(ui->s, &v.filters, &ferr) != 0) {
		filter_error_format(&ferr, msg, sizeof msg);
		ui_error(ui, "load: %s", msg);
		saved_view_free(&v);
		return;
	}
	struct session_settings *set = session_settings(ui->s);
	set->zoom = v.zoom;
	set->split = v.split;
	set->split_map = v.split_map;
	set->descending = v.descending;
	set->actor_sort = v.sort;
	set->freq_by = v.freq_by;
	set->freq_sort = v.freq_sort;
	session_settings_changed(ui->s);
	ui->focus = v.split ? &ui->panes[PANE_SIDE] : NULL;
	ui->pending |= UI_RELAYOUT;
	/* the event it was on, or the nearest in the view's filter */
	if (v.cursor_id)
		session_show_event(ui->s, v.cursor_id, v.cursor_date);
	saved_view_free(&v);
	ui_message(ui, "Loaded view '%s'", name);
}

int ui_saved_command(struct ui *ui, const char *cmd, const char *arg)
{
	if (strcmp(cmd, "save") == 0) {
		if (!*arg) {
			ui_error(ui, "save: give the view a name (:save NAME)");
			return UI_HANDLED;
		}
		return save(ui, arg);
	}
	if (strcmp(cmd, "load") == 0 && *arg) {
		ui_load_view(ui, arg);
		return UI_HANDLED;
	}
	if (strcmp(cmd, "load") == 0 || strcmp(cmd, "views") == 0) {
		ui_open(ui, VIEW_VIEWS, 0);
		return UI_HANDLED;
	}
	return UI_UNHANDLED;
}
