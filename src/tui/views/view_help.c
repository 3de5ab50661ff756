/* The help view, generated from the action table (the same table the
 * keymap binds and the man page's KEYS section comes from) and the command
 * list, so it always tells the truth about the keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/keymap.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define KEYS_W 24

struct hline {
	char *keys; /* NULL for headings and plain text */
	char *text;
	enum role role;
};

struct help {
	struct hline *lines;
	int n, top, height;
};

static void add(struct help *h, const char *keys, const char *text, enum role r)
{
	h->lines = xrealloc(h->lines, (size_t)(h->n + 1) * sizeof *h->lines);
	h->lines[h->n++] = (struct hline){keys ? xstrdup(keys) : NULL, xstrdup(text), r};
}

static void build(struct help *h)
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
}

static int help_open(struct view *v, const void *arg)
{
	struct help *h = xcalloc(1, sizeof *h);
	build(h);
	v->priv = h;
	return 0;
}

static void help_close(struct view *v)
{
	struct help *h = v->priv;
	for (int i = 0; i < h->n; i++) {
		free(h->lines[i].keys);
		free(h->lines[i].text);
	}
	free(h->lines);
	free(h);
}

static void help_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct help *h = v->priv;
	h->height = rows;
	if (h->top > h->n - rows)
		h->top = h->n - rows;
	if (h->top < 0)
		h->top = 0;
	int kw = cols >= 80 ? KEYS_W : cols / 3;
	for (int y = 0; y < rows && h->top + y < h->n; y++) {
		const struct hline *l = &h->lines[h->top + y];
		if (!l->keys) {
			ui_put(w, y, 1, cols - 1, l->text, l->role, 0, NULL);
			continue;
		}
		ui_put(w, y, 3, kw, l->keys, ROLE_KEY, 0, NULL);
		ui_put(w, y, 4 + kw, cols - 4 - kw, l->text, l->role, 0, NULL);
	}
}

static int help_action(struct view *v, enum action a)
{
	struct help *h = v->priv;
	int page = h->height > 1 ? h->height - 1 : 1;
	switch (a) {
	case ACT_MOVE_DOWN:
		h->top++;
		break;
	case ACT_MOVE_UP:
		h->top--;
		break;
	case ACT_PAGE_DOWN:
		h->top += page;
		break;
	case ACT_PAGE_UP:
		h->top -= page;
		break;
	case ACT_HALF_DOWN:
		h->top += page / 2;
		break;
	case ACT_HALF_UP:
		h->top -= page / 2;
		break;
	case ACT_MOVE_FIRST:
		h->top = 0;
		break;
	case ACT_MOVE_LAST:
		h->top = h->n;
		break;
	case ACT_HELP:
		return UI_CLOSE; /* ? again leaves, as in less */
	default:
		return UI_UNHANDLED;
	}
	if (h->top > h->n - h->height)
		h->top = h->n - h->height;
	if (h->top < 0)
		h->top = 0;
	return UI_HANDLED;
}

static int help_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	if (m == MOUSE_WHEEL_DOWN)
		return help_action(v, ACT_MOVE_DOWN);
	if (m == MOUSE_WHEEL_UP)
		return help_action(v, ACT_MOVE_UP);
	return UI_HANDLED;
}

static void help_position(struct view *v, struct strbuf *out)
{
	struct help *h = v->priv;
	int last = h->top + h->height < h->n ? h->top + h->height : h->n;
	sb_addf(out, "%d-%d/%d", h->top + 1, last, h->n);
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
