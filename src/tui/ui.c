/* ui: the stack of views, the focus, messages, and the path of an action:
 * the focused pane, then the view on top, then the UI's own actions, then
 * every pane. Each handler returns UI_* flags; ui_apply acts on them. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/util.h"
#include "ui_impl.h"

struct session *ui_session(struct ui *ui)
{
	return ui->s;
}

bool ui_headless(const struct ui *ui)
{
	return ui->scripted;
}

bool ui_key_seen(const struct ui *ui)
{
	return ui->key_seen;
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

void ui_message_clear(struct ui *ui)
{
	sb_reset(&ui->message);
}

struct view *ui_top(struct ui *ui)
{
	return ui->nviews ? &ui->views[ui->nviews - 1] : NULL;
}

int ui_index_of(struct ui *ui, const struct view *v)
{
	for (int i = 0; i < ui->nviews; i++)
		if (&ui->views[i] == v)
			return i;
	return -1;
}

int ui_push(struct ui *ui, enum view_id id, long long arg)
{
	if (ui->nviews == UI_MAX_VIEWS) {
		ui_error(ui, "Too many views open");
		return -1;
	}
	struct view *v = &ui->views[ui->nviews];
	*v = (struct view){view_registry[id], ui, ui->s, session_version(ui->s), NULL};
	if (v->ops->open(v, arg) != 0)
		return -1;
	ui->nviews++;
	ui->pending |= UI_RELAYOUT; /* the panes go with the view on top */
	return 0;
}

int ui_open(struct ui *ui, enum view_id id, long long arg)
{
	return ui_push(ui, id, arg);
}

void ui_remove(struct ui *ui, int i)
{
	if (i < 0 || i >= ui->nviews)
		return;
	struct view *v = &ui->views[i];
	if (v->ops->close)
		v->ops->close(v);
	memmove(&ui->views[i], &ui->views[i + 1], (size_t)(ui->nviews - i - 1) * sizeof *v);
	ui->nviews--;
	/* views that moved down keep pointing at their own priv; the session's
	 * timeline pointer follows its view */
	for (int k = i; k < ui->nviews; k++)
		if (session_timeline(ui->s) == &ui->views[k + 1])
			session_set_timeline(ui->s, &ui->views[k]);
	ui->pending |= UI_RELAYOUT;
	if (!ui->nviews)
		ui->quit = true;
}

/* The focused pane, when it is on screen (the actor panel keeps the focus
 * while a detail view covers it, and has it again when that closes). */
static struct pane *focused_shown(struct ui *ui)
{
	struct pane *f = ui->focus;
	return f && f->rows && f->cols ? f : NULL;
}

bool ui_has_focus(struct ui *ui, const struct view *v)
{
	struct pane *f = focused_shown(ui);
	if (f) /* a pane that holds a view (the actor panel) has it first */
		return f->ops->view && f->ops->view(f) == v;
	return v == ui_top(ui);
}

void ui_focus(struct ui *ui, struct pane *p)
{
	ui->focus = p;
}

struct pane *ui_focused(struct ui *ui)
{
	return focused_shown(ui);
}

void ui_add_term(struct ui *ui, const char *field, const char *value)
{
	struct filter_error err;
	char *term = filter_term_make(field, value);
	char msg[320];

	if (session_add_terms(ui->s, term, &err) != 0) {
		filter_error_format(&err, msg, sizeof msg);
		ui_error(ui, "%s", msg);
	} else {
		ui_message(ui, "Filter: added %s", term);
	}
	free(term);
}

void ui_notify(struct ui *ui)
{
	unsigned long now = session_version(ui->s);

	for (int i = 0; i < ui->nviews; i++) {
		struct view *v = &ui->views[i];
		if (v->seen != now) {
			v->seen = now;
			if (v->ops->changed)
				v->ops->changed(v);
		}
	}
	for (int i = 0; i < UI_NPANES; i++) {
		struct pane *p = &ui->panes[i];
		if (p->ops && p->seen != now) {
			p->seen = now;
			if (p->ops->changed)
				ui->pending |= p->ops->changed(p);
		}
	}
}

/* One key adds a term from the selected event, in any view: its region,
 * its month, its first actor. */
static void add_event_term(struct ui *ui, enum action a)
{
	const struct event_row *r = session_current(ui->s);
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
static int own_action(struct ui *ui, enum action a)
{
	switch (a) {
	case ACT_VIEW_CLOSE:
		return UI_CLOSE;
	case ACT_QUIT:
		return UI_QUIT;
	case ACT_HELP:
		if (ui_top(ui)->ops != view_registry[VIEW_HELP])
			ui_push(ui, VIEW_HELP, 0);
		return UI_HANDLED;
	case ACT_SEARCH:
		ui_prompt_open(ui, '/', "", 0);
		return UI_HANDLED;
	case ACT_FILTER:
		ui_prompt_open(ui, 'f', session_filter_text(ui->s), 0);
		return UI_HANDLED;
	case ACT_FILTER_CLEAR:
		if (*session_filter_text(ui->s) || session_chips(ui->s)->n) {
			struct filter_error err;
			session_set_filter(ui->s, "", &err);
			ui_message(ui, "Filter cleared");
		}
		return UI_HANDLED;
	case ACT_PROMPT:
		ui_prompt_open(ui, ':', "", 0);
		return UI_HANDLED;
	case ACT_REDRAW:
		return UI_HANDLED | UI_REPAINT;
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (!session_search(ui->s))
			ui_message(ui, "No search yet: type / first");
		return UI_HANDLED;
	case ACT_AROUND:
		return ui_around(ui, NULL);
	case ACT_FREQUENCY:
		ui_push(ui, VIEW_FREQUENCY, 0);
		return UI_HANDLED;
	case ACT_BEFORE_AFTER:
		ui_push(ui, VIEW_BEFORE_AFTER, 0);
		return UI_HANDLED;
	case ACT_DISTANCE:
		ui_push(ui, VIEW_DISTANCE, 0);
		return UI_HANDLED;
	case ACT_LANES:
		ui_push(ui, VIEW_LANES, 0);
		return UI_HANDLED;
	case ACT_COPY:
		return ui_copy(ui);
	case ACT_FILTER_REGION:
	case ACT_FILTER_MONTH:
	case ACT_FILTER_ACTOR:
		add_event_term(ui, a);
		return UI_HANDLED;
	case ACT_STAR:
	case ACT_TAG:
	case ACT_NOTE:
	case ACT_NOTE_EDITOR: {
		const struct event_row *r = session_current(ui->s);
		if (!r) {
			ui_message(ui, "No event selected");
			return UI_HANDLED;
		}
		return ui_mark_action(ui, a, r->id);
	}
	default:
		return UI_UNHANDLED;
	}
}

static bool done(int flags)
{
	return flags & (UI_HANDLED | UI_CLOSE | UI_QUIT);
}

int ui_action(struct ui *ui, enum action a)
{
	struct pane *f = focused_shown(ui);
	struct view *v = ui_top(ui);
	int flags = UI_UNHANDLED;

	if (f && f->ops->action)
		flags = f->ops->action(f, a);
	if (!done(flags) && v && v->ops->action) {
		flags = v->ops->action(v, a);
		if (flags & UI_CLOSE) /* that view, wherever it is now */
			ui_remove(ui, ui_index_of(ui, v));
		flags &= ~UI_CLOSE;
	}
	if (!done(flags)) {
		flags = own_action(ui, a);
		if (flags & UI_CLOSE)
			ui_remove(ui, ui->nviews - 1);
		flags &= ~UI_CLOSE;
	}
	for (int i = 0; i < UI_NPANES && !done(flags); i++) {
		struct pane *p = &ui->panes[i];
		if (p->ops && p->ops->action)
			flags = p->ops->action(p, a);
	}
	ui_apply(ui, flags);
	return flags;
}
