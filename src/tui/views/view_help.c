/* The help view, generated from the action table (the same table the
 * keymap binds and the man page's KEYS section comes from) and the command
 * list, so it always tells the truth about the keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/keymap.h"
#include "sitrep/line_list.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define KEYS_W 24

/* A line's label is its keys; the text says what they do. */
static void add(struct line_list *h, const char *keys, const char *text, enum role r)
{
	lines_add(h, keys, text, r);
}

static void build(struct line_list *h)
{
	const char *group = "";
	add(h, NULL, "sitrep keys (q leaves this help)", ROLE_HEADING);
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		if (strcmp(group, action_group(a)) != 0) {
			group = action_group(a);
			add(h, NULL, "", ROLE_NORMAL);
			add(h, NULL, group, ROLE_HEADING);
		}
		char keys[128];
		keymap_describe(action_keys(a), keys, sizeof keys);
		add(h, keys, action_help(a), ROLE_NORMAL);
	}
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Command line (:)", ROLE_HEADING);
	for (const struct ui_command_info *c = ui_command_list; c->name; c++) {
		char usage[64];
		snprintf(usage, sizeof usage, ":%s %s", c->name, c->args);
		add(h, usage, c->help, ROLE_NORMAL);
	}
	add(h, ":ACTION", "Any action above by its name, e.g. :move-last", ROLE_NORMAL);
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Prompts", ROLE_HEADING);
	add(h, "Left Right Home End", "Move in the line (also Ctrl-B Ctrl-F Ctrl-A Ctrl-E)",
	    ROLE_NORMAL);
	add(h, "Ctrl-U Ctrl-K Ctrl-W", "Delete to the start, to the end, the word before",
	    ROLE_NORMAL);
	add(h, "Up Down", "History (kept across runs)", ROLE_NORMAL);
	add(h, "Enter Esc", "Accept, cancel", ROLE_NORMAL);
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Mouse", ROLE_HEADING);
	add(h, "Wheel", "Scroll", ROLE_NORMAL);
	add(h, "Click, double click", "Select, open", ROLE_NORMAL);
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Views (:view NAME, or view = NAME in the config file)", ROLE_HEADING);
	for (int i = 0; i < VIEW_COUNT; i++)
		add(h, view_registry[i]->name, view_help[i], ROLE_NORMAL);
}

static struct line_list *H(struct view *v)
{
	return v->priv;
}

static int help_open(struct view *v, long long arg)
{
	struct line_list *h = xcalloc(1, sizeof *h);
	lines_init(h, false, 1, 0);
	build(h);
	v->priv = h;
	return 0;
}

static void help_close(struct view *v)
{
	lines_free(H(v));
	free(v->priv);
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	int kw = cols >= 80 ? KEYS_W : cols / 3;
	if (!l->label) {
		ui_put(w, y, 1, cols - 1, l->text, l->role, 0, NULL);
		return;
	}
	ui_put(w, y, 3, kw, l->label, ROLE_KEY, 0, NULL);
	ui_put(w, y, 4 + kw, cols - 4 - kw, l->text, l->role, 0, NULL);
}

static void help_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	lines_draw(H(v), w, rows, cols, draw_line, NULL);
}

static int help_action(struct view *v, enum action a)
{
	if (a == ACT_HELP)
		return UI_CLOSE; /* ? again leaves, as in less */
	return lines_action(H(v), a, session_search_folded(v->s));
}

static int help_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	lines_mouse(H(v), m, y);
	return UI_HANDLED;
}

static void help_position(struct view *v, struct strbuf *out)
{
	lines_position(H(v), out);
}

const struct view_ops help_view_ops = {
    .name = "help",
    .open = help_open,
    .close = help_close,
    .draw = help_draw,
    .action = help_action,
    .mouse = help_mouse,
    .position = help_position,
};
