/* pane_status: the status line above the prompt: the file, the view on top
 * when it is not the timeline, the split's view (actors, map) when it has the focus, the
 * filter and the search; on the right the top view's position, after
 * "? help" until the first key. */
#include "config.h"

#include "sitrep/pane.h"
#include "sitrep/session.h"
#include "sitrep/theme.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"

static int status_size(struct pane *p, const struct view *top, int rows, int cols)
{
	return 1;
}

static void status_draw(struct pane *p, WINDOW *w, int rows, int cols)
{
	struct view *v = ui_top(p->ui);
	struct pane *f = ui_focused(p->ui);
	struct strbuf left = STRBUF_INIT, right = STRBUF_INIT;
	const char *search = session_search(p->s);

	sb_addf(&left, " %s", session_db_name(p->s));
	if (v && view_id_of(v->ops) != VIEW_TIMELINE)
		sb_addf(&left, " [%s]", v->ops->name);
	/* the view in the split with the focus: the actor panel or the map */
	struct view *fv = f && f->ops->view ? f->ops->view(f) : NULL;
	if (fv)
		sb_addf(&left, " [%s]", fv->ops->name);
	struct strbuf layers = STRBUF_INIT;
	if (session_layers(p->s, &layers))
		sb_addf(&left, " +%s", sb_str(&layers));
	sb_free(&layers);
	if (*session_filter_text(p->s))
		sb_addf(&left, "  filter: %s", session_filter_text(p->s));
	if (search)
		sb_addf(&left, "  /%s", search);
	if (!ui_key_seen(p->ui)) /* a first-time user's way in */
		sb_add(&right, "? help  ");
	if (v && v->ops->position)
		v->ops->position(v, &right);
	sb_add(&right, " ");
	int rw = (int)right.len; /* the position is ASCII */
	wattrset(w, theme_attr(ROLE_STATUS));
	mvwhline(w, 0, 0, ' ', cols);
	ui_put(w, 0, 0, cols - rw - 1, sb_str(&left), ROLE_STATUS, 0, NULL);
	ui_put(w, 0, cols - rw, rw, sb_str(&right), ROLE_STATUS, PUT_RIGHT, NULL);
	sb_free(&left);
	sb_free(&right);
}

const struct pane_ops status_pane_ops = {
    .name = "status",
    .edge = PANE_BOTTOM,
    .size = status_size,
    .draw = status_draw,
};
