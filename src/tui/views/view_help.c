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

struct help {
	struct line_list lines;
	int built_for; /* the width the lines were wrapped for */
};

static int keys_width(int cols)
{
	return cols >= 80 ? KEYS_W : cols / 3;
}

/* A line's label is its keys; the text says what they do, wrapped to the
 * width (a long one is read whole, not cut at the edge). */
static void add_w(struct line_list *h, int width, const char *keys, const char *text, enum role r)
{
	char **parts = NULL;
	int n = 0;
	int room = keys ? width - 4 - keys_width(width) : width - 1;
	ui_wrap(text, room > 10 ? room : 10, &parts, &n);
	for (int i = 0; i < n; i++) {
		lines_add(h, i == 0 ? keys : NULL, parts[i], r)->indent = keys ? 1 : 0;
		free(parts[i]);
	}
	if (!n)
		lines_add(h, keys, "", r);
	free(parts);
}

#define add(h, keys, text, r) add_w(h, width, keys, text, r)

static void build(struct line_list *h, int width)
{
	const char *group = "";
	const struct glyphs *g = ui_glyphs();
	char buf[256];
	add(h, NULL, "sitrep keys (q leaves this help)", ROLE_HEADING);
	for (int a = ACT_NONE + 1; a < ACTION_COUNT; a++) {
		if (strcmp(group, action_group(a)) != 0) {
			group = action_group(a);
			add(h, NULL, "", ROLE_NORMAL);
			add(h, NULL, group, ROLE_HEADING);
		}
		char keys[128];
		keymap_describe(action_keys(a), keys, sizeof keys);
		/* its name, for :NAME and for bindings in the config file */
		snprintf(buf, sizeof buf, "%s  [%s]", action_help(a), action_name(a));
		add(h, keys, buf, ROLE_NORMAL);
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
	add(h, NULL, "Timeline symbols", ROLE_HEADING);
	add(h, g->incident, "An incident (an attack, a battle: the data's events)", ROLE_NORMAL);
	add(h, g->context, "A context event (a coup, a deployment, an accord)", ROLE_NORMAL);
	add(h, "2022-03-27+", "A date followed by + : the event spans several days", ROLE_NORMAL);
	add(h, "2021-12", "A date known to the month (or the year) only", ROLE_NORMAL);
	add(h, g->cursor, "The selected event", ROLE_NORMAL);
	snprintf(buf, sizeof buf, "%s%s 2022 %s%s", g->hline2, g->hline2, g->hline2, g->hline2);
	add(h, buf, "A new year begins", ROLE_NORMAL);
	snprintf(buf, sizeof buf, "%s%s July 2022 %s%s", g->hline, g->hline, g->hline, g->hline);
	add(h, buf, "A new month begins", ROLE_NORMAL);
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Mouse", ROLE_HEADING);
	add(h, "Wheel", "Scroll", ROLE_NORMAL);
	add(h, "Click, double click", "Select, open", ROLE_NORMAL);
	add(h, NULL, "", ROLE_NORMAL);
	add(h, NULL, "Views (:view NAME, or view = NAME in the config file)", ROLE_HEADING);
	for (int i = 0; i < VIEW_COUNT; i++)
		add(h, view_registry[i]->name, view_help[i], ROLE_NORMAL);
}

#undef add

static struct line_list *H(struct view *v)
{
	return &((struct help *)v->priv)->lines;
}

static int help_open(struct view *v, long long arg)
{
	struct help *h = xcalloc(1, sizeof *h);
	lines_init(&h->lines, false, 1, 0);
	h->built_for = COLS > 0 ? COLS : 80;
	build(&h->lines, h->built_for);
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
	int kw = keys_width(cols);
	if (!l->label && !l->indent) {
		ui_put(w, y, 1, cols - 1, l->text, l->role, 0, NULL);
		return;
	}
	if (l->label)
		ui_put(w, y, 3, kw, l->label, ROLE_KEY, 0, NULL);
	ui_put(w, y, 4 + kw, cols - 4 - kw, l->text, l->role, 0, NULL);
}

static void help_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct help *h = v->priv;
	if (h->built_for != cols) { /* wrapped again, at the same place */
		int top = h->lines.top;
		lines_clear(&h->lines);
		build(&h->lines, cols);
		h->built_for = cols;
		h->lines.top = top < h->lines.n ? top : 0;
	}
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
