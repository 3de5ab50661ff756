/* The command line (':'): its own commands, and any action by name, so
 * that `:move-last` works like G and key bindings by name come for free. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/brief.h"
#include "sitrep/export.h"
#include "sitrep/outfile.h"
#include "sitrep/util.h"
#include "ui_impl.h"

const struct ui_command_info ui_command_list[] = {
    {"goto", "DATE", "Jump to the first event on or after DATE (2022-07-22, 2022-07, 2022)"},
    {"filter", "TEXT", "Set the filter (empty: clear it)"},
    {"search", "TEXT", "Search, as with /"},
    {"around", "[15d|50km]", "Add the days (or km) around the selected event to the filter"},
    {"export", "FILE", "Write the filtered events to a new FILE (.csv, .tsv, .json or .sitrep)"},
    {"export!", "FILE", "The same, replacing FILE if it exists"},
    {"brief", "FILE", "Write a Markdown report of the filtered events to a new FILE"},
    {"brief!", "FILE", "The same, replacing FILE if it exists"},
    {"save", "NAME", "Save the view: filter chips, order, actor sort, zoom and split"},
    {"load", "[NAME]", "Load a saved view; with no name, pick one from the list"},
    {"views", "", "The saved views, to pick one"},
    {"view", "NAME", "Open a view by name (the help lists them)"},
    {"sql", "STATEMENT", "Run a read-only SQL statement and show its rows"},
    {"save-display", "FILE", "Write the screen to FILE and its attributes to FILE.attr"},
    {"quit", "", "Quit (also :q)"},
    {NULL, NULL, NULL},
};

static int cmd_filter(struct ui *ui, const char *arg)
{
	struct filter_error err;
	if (session_set_filter(ui->s, arg, &err) != 0) {
		char buf[320];
		filter_error_format(&err, buf, sizeof buf);
		ui_error(ui, "%s", buf);
	}
	return UI_HANDLED;
}

/* The format a file name asks for, by its extension. */
static const char *export_format_of(const char *path)
{
	static const char *const ext[][2] = {
	    {".csv", "csv"},
	    {".tsv", "tsv"},
	    {".json", "json"},
	    {".sitrep", "native"},
	};
	size_t n = strlen(path);
	for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
		size_t e = strlen(ext[i][0]);
		if (n > e && strcmp(path + n - e, ext[i][0]) == 0)
			return ext[i][1];
	}
	return NULL;
}

/* Written whole or not at all (outfile.h). An existing file is replaced
 * only by ":export!" (as vi's ":w!"): a name typed in a hurry must not cost
 * the analyst yesterday's export. :brief (a Markdown report, brief.h) is
 * written the same way. */
static int cmd_export(struct ui *ui, const char *arg, bool replace, bool brief)
{
	const char *format = brief ? "md" : export_format_of(arg);
	if (!format) {
		ui_error(ui,
			 "export: name the format by the extension: .csv, .tsv, .json or .sitrep");
		return UI_HANDLED;
	}
	struct outfile out;
	char *err = NULL;
	if (outfile_open(&out, arg, replace, &err) < 0) {
		if (errno == EEXIST)
			ui_error(ui, "%s exists; :%s! %s replaces it", arg,
				 brief ? "brief" : "export", arg);
		else
			ui_error(ui, "%s", err);
		free(err);
		return UI_HANDLED;
	}
	const struct filter_sql *f = session_filter(ui->s);
	/* what is on screen: the layers' events too */
	const struct layer_set *ls = session_layer_set(ui->s);
	struct export_options eo = {out_controls_for(out.f, false), NULL, ls->n ? ls : NULL};
	if ((brief ? brief_write(session_db(ui->s), session_filter_text(ui->s), &f->count_where,
				 NULL, out.f, &err)
		   : export_write_opts(session_db(ui->s), &f->where, format, out.f, &eo, NULL,
				       &err)) < 0) {
		outfile_close(&out, false, NULL);
		ui_error(ui, "%s: %s", arg, err);
	} else if (outfile_close(&out, true, &err) < 0) {
		ui_error(ui, "%s", err); /* it names the file */
	} else {
		/* where it went, whole: a relative name is relative to the
		 * directory sitrep was started in, which the user may not recall */
		char *abs = realpath(arg, NULL);
		ui_message(ui, "%s to %s", brief ? "Brief written" : "Exported", abs ? abs : arg);
		free(abs);
	}
	free(err);
	return UI_HANDLED;
}

/* Close the views above the timeline; the timeline, or NULL. */
static struct view *back_to_timeline(struct ui *ui)
{
	struct view *t = session_timeline(ui->s);
	int at = ui_index_of(ui, t);

	while (at >= 0 && ui->nviews > at + 1)
		ui_remove(ui, ui->nviews - 1);
	return at >= 0 ? t : NULL;
}

/* Commands about the timeline close the views above it. */
static int to_timeline(struct ui *ui, const char *cmd, const char *arg)
{
	struct view *t = back_to_timeline(ui);

	if (t && t->ops->command && t->ops->command(t, cmd, arg) != UI_UNHANDLED)
		return UI_HANDLED;
	ui_error(ui, "%s: not available here", cmd);
	return UI_HANDLED;
}

/* :view NAME: open a view of the registry. */
static int open_view(struct ui *ui, const char *name)
{
	const struct view_ops *ops = view_lookup(name);

	if (!ops) {
		ui_error(ui, "view: no view named '%s' (? lists them)", name);
		return UI_HANDLED;
	}
	if (ops == view_registry[VIEW_TIMELINE])
		back_to_timeline(ui);
	else
		ui_open(ui, view_id_of(ops), 0);
	return UI_HANDLED;
}

/* A command a view of its own answers (:sql): the one on top when it is
 * that view, else a new one. */
static int to_view(struct ui *ui, enum view_id id, const char *cmd, const char *arg)
{
	struct view *t = ui_top(ui);

	if ((!t || t->ops != view_registry[id]) && ui_open(ui, id, 0) < 0)
		return UI_HANDLED;
	t = ui_top(ui);
	return t->ops->command(t, cmd, arg);
}

int ui_command(struct ui *ui, const char *line)
{
	while (isspace((unsigned char)*line))
		line++;
	size_t n = strcspn(line, " \t");
	char *cmd = xstrndup(line, n);
	const char *arg = line + n;
	while (isspace((unsigned char)*arg))
		arg++;
	int flags = UI_HANDLED;
	enum action a;
	if (!*cmd)
		;
	else if (strcmp(cmd, "q") == 0 || strcmp(cmd, "quit") == 0)
		flags = UI_QUIT;
	else if (strcmp(cmd, "filter") == 0)
		flags = cmd_filter(ui, arg);
	else if (strcmp(cmd, "search") == 0) {
		session_set_search(ui->s, arg);
		flags = ui_action(ui, ACT_FIND_NEXT);
	} else if ((strcmp(cmd, "export") == 0 || strcmp(cmd, "export!") == 0) && *arg)
		flags = cmd_export(ui, arg, cmd[6] == '!', false);
	else if ((strcmp(cmd, "brief") == 0 || strcmp(cmd, "brief!") == 0) && *arg)
		flags = cmd_export(ui, arg, cmd[5] == '!', true);
	else if (strcmp(cmd, "save-display") == 0 && *arg) {
		free(ui->pending_dump);
		ui->pending_dump = xstrdup(arg);
	} else if (strcmp(cmd, "goto") == 0 && *arg)
		flags = to_timeline(ui, cmd, arg);
	else if (strcmp(cmd, "save") == 0 || strcmp(cmd, "load") == 0 || strcmp(cmd, "views") == 0)
		flags = ui_saved_command(ui, cmd, arg);
	else if (strcmp(cmd, "around") == 0)
		flags = ui_around(ui, arg);
	else if (strcmp(cmd, "sql") == 0 && *arg)
		flags = to_view(ui, VIEW_SQL, cmd, arg);
	else if (strcmp(cmd, "view") == 0 && *arg)
		flags = open_view(ui, arg);
	else if ((a = action_lookup(cmd)) != ACT_NONE)
		flags = ui_action(ui, a);
	else
		ui_error(ui, "Unknown command: %s (? lists them)", cmd);
	free(cmd);
	return flags;
}
