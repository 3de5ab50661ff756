/* The saved views, to pick one (:views, or :load with no name): a list of
 * the files in $XDG_CONFIG_HOME/sitrep/views; Enter loads the one chosen. */
#include <stdlib.h>

#include "sitrep/saved_views.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

struct picker {
	char **names;
	size_t n;
	long cur;
};

static int views_open(struct view *v, const void *arg)
{
	struct picker *p = xcalloc(1, sizeof *p);
	char *err = NULL;
	if (saved_views_list(&p->names, &p->n, &err) != 0) {
		ui_error(v->ui, "views: %s", err ? err : "cannot list");
		free(err);
	}
	if (!p->n) {
		ui_message(v->ui, "No saved views yet: :save NAME saves this one");
		free(p->names);
		free(p);
		return -1;
	}
	v->priv = p;
	return 0;
}

static void views_close(struct view *v)
{
	struct picker *p = v->priv;
	for (size_t i = 0; i < p->n; i++)
		free(p->names[i]);
	free(p->names);
	free(p);
}

static void views_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct picker *p = v->priv;
	long top = p->cur >= rows - 1 ? p->cur - rows + 2 : 0;
	ui_put(w, 0, 1, cols - 1, "Saved views (Enter loads, q goes back)", ROLE_HEADING, 0, NULL);
	for (int y = 1; y < rows && top + y - 1 < (long)p->n; y++) {
		long i = top + y - 1;
		bool sel = i == p->cur;
		ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
		ui_put(w, y, 2, cols - 2, p->names[i], sel ? ROLE_CURSOR : ROLE_NORMAL, 0, NULL);
	}
}

static int views_action(struct view *v, enum action a)
{
	struct picker *p = v->priv;
	switch (a) {
	case ACT_MOVE_DOWN:
		p->cur++;
		break;
	case ACT_MOVE_UP:
		p->cur--;
		break;
	case ACT_MOVE_FIRST:
		p->cur = 0;
		break;
	case ACT_MOVE_LAST:
		p->cur = (long)p->n - 1;
		break;
	case ACT_ENTER: {
		char *name = xstrdup(p->names[p->cur]);
		struct ui *ui = v->ui;
		ui_pop(ui); /* this view goes first: loading may change the layout */
		ui_view_command(ui, "load", name);
		free(name);
		return UI_HANDLED;
	}
	default:
		return UI_UNHANDLED;
	}
	if (p->cur >= (long)p->n)
		p->cur = (long)p->n - 1;
	if (p->cur < 0)
		p->cur = 0;
	return UI_HANDLED;
}

const struct view_ops saved_views_view_ops = {
    .name = "views",
    .open = views_open,
    .close = views_close,
    .draw = views_draw,
    .action = views_action,
};
