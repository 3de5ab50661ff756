/* The view stack, shared state (filter, search), messages, and the
 * actions the UI answers itself when the top view does not. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/text.h"
#include "sitrep/ui.h"
#include "sitrep/util.h"

const struct view_ops *const view_registry[] = {
    &timeline_view_ops,     &detail_view_ops,      &help_view_ops, &actors_view_ops,
    &actor_detail_view_ops, &saved_views_view_ops, NULL,
};

const struct view_ops *view_lookup(const char *name)
{
	for (int i = 0; view_registry[i]; i++)
		if (strcmp(view_registry[i]->name, name) == 0)
			return view_registry[i];
	return NULL;
}

struct view *ui_top(struct ui *ui)
{
	return ui->nviews ? &ui->views[ui->nviews - 1] : NULL;
}

int ui_push(struct ui *ui, const struct view_ops *ops, const void *arg)
{
	if (ui->nviews == UI_MAX_VIEWS) {
		ui_error(ui, "Too many views open");
		return -1;
	}
	struct view *v = &ui->views[ui->nviews];
	*v = (struct view){ops, ui, NULL};
	if (ops->open(v, arg) != 0)
		return -1;
	ui->nviews++;
	return 0;
}

void ui_pop(struct ui *ui)
{
	struct view *v = ui_top(ui);
	if (!v)
		return;
	if (v->ops->close)
		v->ops->close(v);
	ui->nviews--;
}

static void vmessage(struct ui *ui, bool error, const char *fmt, va_list ap)
{
	sb_reset(&ui->message);
	sb_vaddf(&ui->message, fmt, ap);
	ui->message_error = error;
}

void ui_message(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(ui, false, fmt, ap);
	va_end(ap);
}

void ui_error(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmessage(ui, true, fmt, ap);
	va_end(ap);
}

static void refresh_views(struct ui *ui)
{
	for (int i = 0; i < ui->nviews; i++)
		if (ui->views[i].ops->changed)
			ui->views[i].ops->changed(&ui->views[i]);
	if (ui->side.ops && ui->side.ops->changed)
		ui->side.ops->changed(&ui->side);
}

/* Compile the chips that are on (their trees, parsed when they were
 * pushed) and make them the filter; their text is for the screen. */
static int compile_filter(struct ui *ui, struct filter_error *err)
{
	struct filter_node *tree = fstack_tree(&ui->stack);
	int rc = filter_compile_tree(ui->db, tree, &ui->filter, err);

	fstack_tree_free(&ui->stack, tree);
	if (rc != 0)
		return -1;
	free(ui->filter_text);
	ui->filter_text = fstack_text(&ui->stack);
	refresh_views(ui);
	return 0;
}

int ui_set_filter(struct ui *ui, const char *text, struct filter_error *err)
{
	struct filter_stack old = ui->stack;

	fstack_init(&ui->stack);
	if (fstack_set(&ui->stack, text, err) != 0 || ui_apply_stack(ui, err) != 0) {
		fstack_free(&ui->stack);
		ui->stack = old;
		return -1;
	}
	fstack_free(&old);
	return 0;
}

int ui_apply_stack(struct ui *ui, struct filter_error *err)
{
	int rc = compile_filter(ui, err);
	if (ui->chip_sel >= ui->stack.n)
		ui->chip_sel = ui->stack.n ? ui->stack.n - 1 : 0;
	return rc;
}

void ui_add_term(struct ui *ui, const char *field, const char *value)
{
	struct filter_error err;
	char *term = filter_term_make(field, value);
	char msg[320];

	if (fstack_push(&ui->stack, term, &err) != 0 || ui_apply_stack(ui, &err) != 0) {
		filter_error_format(&err, msg, sizeof msg);
		ui_error(ui, "%s", msg);
	} else {
		ui_message(ui, "Filter: added %s", term);
	}
	free(term);
}

bool ui_background(struct ui *ui)
{
	bool did = false;
	for (int i = 0; i < ui->nviews; i++)
		if (ui->views[i].ops->idle && ui->views[i].ops->idle(&ui->views[i]))
			did = true;
	if (ui->side.ops && ui->lay.side_w && ui->side.ops->idle && ui->side.ops->idle(&ui->side))
		did = true;
	if (ui_strip_idle(ui))
		did = true;
	ui->busy = did;
	return did;
}

const struct event_row *ui_current_event(struct ui *ui)
{
	struct view *v = ui->nviews ? &ui->views[0] : NULL;
	return v && v->ops->current ? v->ops->current(v) : NULL;
}

void ui_set_search(struct ui *ui, const char *text)
{
	free(ui->search);
	free(ui->search_folded);
	ui->search = text && *text ? xstrdup(text) : NULL;
	ui->search_folded = ui->search ? text_fold(ui->search) : NULL;
}

/* Search matches title, place, type or any actor's name, accents and case
 * aside (fold() is registered on the connection by db.c). */
void ui_search_where(struct ui *ui, struct sqlfrag *out)
{
	static const char *const cols[] = {"e.title", "e.location", "e.admin1", "e.event_type"};
	if (!sqlfrag_empty(&ui->filter.where)) {
		sqlfrag_sql(out, "(");
		sqlfrag_append(out, &ui->filter.where);
		sqlfrag_sql(out, ") AND ");
	}
	sqlfrag_sql(out, "(");
	for (size_t i = 0; i < ARRAY_SIZE(cols); i++) {
		sqlfrag_sql(out, "instr(fold(coalesce(");
		sqlfrag_sql(out, cols[i]);
		sqlfrag_sql(out, ", '')), ");
		sqlfrag_text(out, ui->search_folded);
		sqlfrag_sql(out, ") > 0 OR ");
	}
	sqlfrag_sql(out, "EXISTS (SELECT 1 FROM event_actor ea JOIN actor a ON a.id = ea.actor_id"
			 " WHERE ea.event_id = e.id AND instr(fold(a.name), ");
	sqlfrag_text(out, ui->search_folded);
	sqlfrag_sql(out, ") > 0))");
}

/* One key adds a term from the selected event, in any view: its region,
 * its month, its first actor. */
static void add_event_term(struct ui *ui, enum action a)
{
	const struct event_row *r = ui_current_event(ui);
	char month[8];
	if (!r)
		return;
	if (a == ACT_FILTER_MONTH) {
		snprintf(month, sizeof month, "%.7s", r->date_start);
		ui_add_term(ui, "date", month);
	} else if (a == ACT_FILTER_REGION) {
		if (r->admin1)
			ui_add_term(ui, "region", r->admin1);
		else
			ui_message(ui, "This event has no region");
	} else if (r->actors) {
		char *first = xstrndup(r->actors, strcspn(r->actors, ";"));
		ui_add_term(ui, "actor", first);
		free(first);
	} else {
		ui_message(ui, "This event names no actor");
	}
}

/* The actions every view shares; views answer first. */
static int ui_own_action(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_VIEW_CLOSE:
		return UI_CLOSE;
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_HELP:
		if (strcmp(ui_top(ui)->ops->name, "help") != 0)
			ui_push(ui, &help_view_ops, NULL);
		return UI_HANDLED;
	case ACT_SEARCH:
		ui_prompt_open(ui, '/', "");
		return UI_HANDLED;
	case ACT_FILTER:
		ui_prompt_open(ui, 'f', ui->filter_text);
		return UI_HANDLED;
	case ACT_FILTER_CLEAR:
		if (*ui->filter_text || ui->stack.n) {
			struct filter_error err;
			ui_set_filter(ui, "", &err);
			ui_message(ui, "Filter cleared");
		}
		return UI_HANDLED;
	case ACT_PROMPT:
		ui_prompt_open(ui, ':', "");
		return UI_HANDLED;
	case ACT_REDRAW:
		return UI_HANDLED | UI_REPAINT;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (!ui->search)
			ui_message(ui, "No search yet: type / first");
		return UI_HANDLED;
	case ACT_FILTER_REGION:
	case ACT_FILTER_MONTH:
	case ACT_FILTER_ACTOR:
		add_event_term(ui, a);
		return UI_HANDLED;
	case ACT_CHIPS:
		if (!ui->stack.n) {
			ui_message(ui, "No filter chips: f sets a filter");
		} else {
			ui->chip_mode = true;
			ui_message(ui, "Chips: Left/Right choose, Space toggles, e edits, "
				       "d removes, Esc leaves");
		}
		return UI_HANDLED;
	default: {
		int flags = ui_strip_action(ui, a);
		return flags != UI_UNHANDLED ? flags : ui_split_action(ui, a);
	}
	}
}

int ui_action(struct ui *ui, enum action a)
{
	struct view *v = ui_top(ui);
	int flags = UI_UNHANDLED;
	/* the actor panel beside the timeline answers first when it has the focus */
	if (ui->split && ui->focus_side && ui->nviews == 1 && ui->side.ops)
		flags = ui->side.ops->action(&ui->side, a);
	if (!(flags & (UI_HANDLED | UI_CLOSE | UI_QUIT)) && v && v->ops->action)
		flags = v->ops->action(v, a);
	if (!(flags & (UI_HANDLED | UI_CLOSE | UI_QUIT)))
		flags = ui_own_action(ui, a);
	if (flags & UI_QUIT)
		ui->quit = true;
	else if (flags & UI_CLOSE) {
		ui_pop(ui);
		if (!ui->nviews)
			ui->quit = true;
	}
	if (flags & UI_REPAINT)
		clearok(curscr, TRUE);
	return flags;
}
