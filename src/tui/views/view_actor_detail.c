/* An actor's detail: its names and aliases, where it stands in the tree of
 * affiliations, its figures over the whole file and its busiest months,
 * then the description. Enter adds the actor to the filter. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/line_list.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define LABEL_W    14
#define TOP_MONTHS 5

struct adetail {
	struct actor_detail d;
	struct line_list lines;
	int width; /* the width the description was wrapped for */
};

static void add(struct adetail *a, const char *label, const char *text, enum role r)
{
	lines_add(&a->lines, label, text, r);
}

static void join_refs(struct strbuf *sb, const struct actor_ref *r, size_t n)
{
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s%s", i ? ", " : "", r[i].name ? r[i].name : "");
}

/* The lines for a width: the description is wrapped to it. */
static void build(struct adetail *a, int cols)
{
	const struct actor_detail *d = &a->d;
	struct strbuf sb = STRBUF_INIT;
	lines_clear(&a->lines);
	a->width = cols;
	add(a, NULL, d->name, ROLE_HEADING);
	add(a, "Kind", d->kind ? d->kind : "unknown", ROLE_TYPE);
	add(a, "Part of", d->parent.id ? d->parent.name : "-", ROLE_ACTOR);
	join_refs(&sb, d->children, d->nchildren);
	add(a, "Affiliates", d->nchildren ? sb_str(&sb) : "-", ROLE_ACTOR);
	sb_reset(&sb);
	for (size_t i = 0; i < d->naliases; i++)
		sb_addf(&sb, "%s%s", i ? "; " : "", d->aliases[i]);
	add(a, "Also known as", d->naliases ? sb_str(&sb) : "-", ROLE_NORMAL);
	sb_reset(&sb);
	sb_addf(&sb, "%ld, with %lld deaths in them (on any side)", d->events, d->fatalities);
	add(a, "Events", sb_str(&sb), ROLE_NORMAL);
	static const char *const side_label[ACTOR_SIDES] = {"As side 1", "As side 2"};
	for (int s = 0; s < ACTOR_SIDES; s++) {
		sb_reset(&sb);
		sb_addf(&sb, "%ld, with %lld deaths (%s or %s)", d->side_events[s],
			d->side_fatalities[s], actor_side_roles[s][0], actor_side_roles[s][1]);
		add(a, side_label[s], sb_str(&sb), ROLE_NORMAL);
	}
	char first[DATE_ISO_LEN], last[DATE_ISO_LEN];
	actors_date(first, d->first, d->first_prec);
	actors_date(last, d->last, d->last_prec);
	sb_reset(&sb);
	sb_addf(&sb, "%s .. %s", first, last);
	add(a, "Seen", d->events ? sb_str(&sb) : "-", ROLE_DATE);
	for (size_t i = 0; i < d->nmonths; i++) {
		sb_reset(&sb);
		sb_addf(&sb, "%s  %ld event%s", d->months[i].month, d->months[i].events,
			d->months[i].events == 1 ? "" : "s");
		add(a, i ? "" : "Busiest months", sb_str(&sb), ROLE_NORMAL);
	}
	if (d->description) {
		char **wrapped = NULL;
		int nw = 0;
		add(a, NULL, "", ROLE_NORMAL);
		ui_wrap(d->description, cols > 4 ? cols - 2 : 2, &wrapped, &nw);
		for (int i = 0; i < nw; i++) {
			add(a, NULL, wrapped[i], ROLE_NORMAL);
			free(wrapped[i]);
		}
		free(wrapped);
	}
	add(a, NULL, "", ROLE_NORMAL);
	add(a, NULL, "Enter adds this actor to the filter; q goes back.", ROLE_DIM);
	sb_free(&sb);
}

static int adetail_open(struct view *v, long long id)
{
	if (!id) {
		ui_error(v->ui, "actor: choose one in the actor panel (a), then i");
		return -1;
	}
	struct adetail *a = xcalloc(1, sizeof *a);
	char *err = NULL;
	int rc = actor_detail_load(session_db(v->s), id, TOP_MONTHS, &a->d, &err);
	if (rc != 0) {
		ui_error(v->ui, "actor: %s", rc < 0 && err ? err : "no such actor");
		free(err);
		free(a);
		return -1;
	}
	lines_init(&a->lines, false, 0, 0);
	v->priv = a;
	return 0;
}

static void adetail_close(struct view *v)
{
	struct adetail *a = v->priv;
	lines_free(&a->lines);
	actor_detail_free(&a->d);
	free(a);
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	if (!l->label) {
		ui_put(w, y, 1, cols - 1, l->text, l->role, 0, NULL);
		return;
	}
	ui_put(w, y, 1, LABEL_W, l->label, ROLE_LABEL, 0, NULL);
	ui_put(w, y, 2 + LABEL_W, cols - 2 - LABEL_W, l->text, l->role, 0, NULL);
}

static void adetail_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct adetail *a = v->priv;
	if (a->width != cols)
		build(a, cols);
	lines_draw(&a->lines, w, rows, cols, draw_line, NULL);
}

static int adetail_action(struct view *v, enum action a)
{
	struct adetail *d = v->priv;
	if (a == ACT_ENTER || a == ACT_FILTER_ACTOR) {
		ui_add_term(v->ui, "actor", d->d.name);
		return UI_CLOSE;
	}
	return lines_action(&d->lines, a, session_search_folded(v->s));
}

static int adetail_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	struct adetail *d = v->priv;
	lines_mouse(&d->lines, m, y);
	return UI_HANDLED;
}

const struct view_ops actor_view_ops = {
    .name = "actor",
    .open = adetail_open,
    .close = adetail_close,
    .draw = adetail_draw,
    .action = adetail_action,
    .mouse = adetail_mouse,
};
