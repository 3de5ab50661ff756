/* The saved views, to pick one (:views, or :load with no name): a list of
 * the files in $XDG_CONFIG_HOME/sitrep/views under a heading; Enter loads
 * the one chosen. */
#include <stdlib.h>

#include "sitrep/line_list.h"
#include "sitrep/saved_views.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

static struct line_list *L(struct view *v)
{
	return v->priv;
}

static int views_open(struct view *v, long long arg)
{
	char **names = NULL, *err = NULL;
	size_t n = 0;

	if (saved_views_list(&names, &n, &err) != 0) {
		ui_error(v->ui, "views: %s", err ? err : "cannot list");
		free(err);
	}
	if (!n) {
		ui_message(v->ui, "No saved views yet: :save NAME saves this one");
		free(names);
		return -1;
	}
	struct line_list *l = xcalloc(1, sizeof *l);
	lines_init(l, true, 0, 1);
	for (size_t i = 0; i < n; i++) {
		lines_add(l, NULL, names[i], ROLE_NORMAL);
		free(names[i]);
	}
	free(names);
	v->priv = l;
	return 0;
}

static void views_close(struct view *v)
{
	lines_free(L(v));
	free(v->priv);
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", ROLE_CURSOR, 0, NULL);
	ui_put(w, y, 2, cols - 2, l->text, sel ? ROLE_CURSOR : ROLE_NORMAL, 0, NULL);
}

static void views_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	ui_put(w, 0, 1, cols - 1, "Saved views (Enter loads, q goes back)", ROLE_HEADING, 0, NULL);
	lines_draw(L(v), w, rows, cols, draw_line, NULL);
}

static int views_action(struct view *v, enum action a)
{
	const struct line *l = lines_selected(L(v));
	if (a != ACT_ENTER)
		return lines_action(L(v), a, session_search_folded(v->s));
	if (l) {
		/* the name is this list's: copied before the list closes */
		char *name = xstrdup(l->text);
		struct ui *ui = v->ui;
		ui_load_view(ui, name);
		free(name);
	}
	return UI_CLOSE;
}

static int views_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	if (lines_mouse(L(v), m, y))
		return views_action(v, ACT_ENTER);
	return UI_HANDLED;
}

const struct view_ops views_view_ops = {
    .name = "views",
    .open = views_open,
    .close = views_close,
    .draw = views_draw,
    .action = views_action,
    .mouse = views_mouse,
};
