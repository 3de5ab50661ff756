/* The detail view: one event's whole record (event_record.h), its sources with
 * their own figures when they disagree, where it lies from the capital and
 * the nearest place, the context events 30 days either side and, for a
 * context event, the file's incidents in that window, which Enter jumps to. A cursor line moves
 * over the lines; the text is rebuilt when the width changes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_sides.h"
#include "sitrep/event_lookup.h"
#include "sitrep/event_record.h"
#include "sitrep/line_list.h"
#include "sitrep/session.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"

#define LABEL_W      15
#define CONTEXT_DAYS 30

struct detail {
	long long id;      /* as the timeline knows it */
	const char *layer; /* the context layer it comes from, NULL: the file's own */
	long long own_id;  /* its id in its own file */
	struct event_record rec;
	struct event_row *ctx; /* a line's link is an index here */
	size_t nctx;
	struct mark *marks; /* the analyst's, from the notebook */
	size_t nmarks;
	/* a context event's: the file's incidents in its window; a line's
	 * link past the context events is an index here */
	struct event_row *inc;
	size_t ninc;
	struct around_counts inc_counts;
	bool has_inc;
	struct line_list lines;
	int built_for; /* the width the lines were wrapped for */
};

static struct detail *D(struct view *v)
{
	return v->priv;
}

static void add(struct detail *d, const char *label, const char *text, enum role r, int indent,
		int link)
{
	struct line *l = lines_add(&d->lines, label, text, r);
	l->indent = indent;
	l->link = link;
}

/* A labelled field, wrapped to the width; skipped when empty. */
static void field(struct detail *d, int width, const char *label, const char *text, enum role r)
{
	if (!text || !*text)
		return;
	char **parts = NULL;
	int n = 0;
	ui_wrap(text, width - LABEL_W - 2, &parts, &n);
	for (int i = 0; i < n; i++) {
		add(d, i == 0 ? label : NULL, parts[i], r, LABEL_W + 2, -1);
		free(parts[i]);
	}
	free(parts);
}

static void heading(struct detail *d, const char *text)
{
	add(d, NULL, "", ROLE_NORMAL, 0, -1);
	add(d, NULL, text, ROLE_HEADING, 1, -1);
}

/* Wrapped text under a heading, indented. */
static void para(struct detail *d, int width, int indent, const char *text, enum role r, int link)
{
	char **parts = NULL;
	int n = 0;
	ui_wrap(text, width - indent - 1, &parts, &n);
	for (int i = 0; i < n; i++) {
		add(d, NULL, parts[i], r, indent, link);
		free(parts[i]);
	}
	free(parts);
}

static void build_fields(struct detail *d, int width)
{
	const struct event_record *r = &d->rec;
	char buf[512];
	para(d, width, 1, r->title, ROLE_HEADING, -1);
	add(d, NULL, "", ROLE_NORMAL, 0, -1);
	date_format_span(buf, sizeof buf, &r->date);
	char date[600];
	snprintf(date, sizeof date, "%s (known to the %s)", buf, r->date_precision);
	field(d, width, "Date", date, ROLE_DATE);
	snprintf(buf, sizeof buf, "%s %s",
		 strcmp(r->kind, "context") == 0 ? ui_glyphs()->context : ui_glyphs()->incident,
		 r->kind);
	field(d, width, "Kind", buf, strcmp(r->kind, "context") == 0 ? ROLE_CONTEXT : ROLE_NORMAL);
	if (d->layer) {
		snprintf(buf, sizeof buf, "%s context (shown over this file, not in it)", d->layer);
		field(d, width, "Layer", buf, ROLE_CONTEXT);
	}
	snprintf(buf, sizeof buf, "%s%s%s", r->event_type ? r->event_type : "",
		 r->sub_event_type ? " / " : "", r->sub_event_type ? r->sub_event_type : "");
	field(d, width, "Type", buf, ROLE_TYPE);
	struct strbuf place = STRBUF_INIT;
	const char *parts[] = {r->location, r->admin2, r->admin1, r->country};
	for (size_t i = 0; i < ARRAY_SIZE(parts); i++)
		if (parts[i] && *parts[i])
			sb_addf(&place, "%s%s", place.len ? ", " : "", parts[i]);
	field(d, width, "Place", sb_str(&place), ROLE_PLACE);
	sb_free(&place);
	if (r->has_coords) {
		snprintf(buf, sizeof buf, "%.4f, %.4f", r->lat, r->lon);
		field(d, width, "Coordinates", buf, ROLE_NORMAL);
	}
	if (r->has_capital) {
		place_rel_format(&r->capital, buf, sizeof buf);
		field(d, width, "From capital", buf, ROLE_NORMAL);
	}
	if (r->has_nearest) {
		place_rel_format(&r->nearest, buf, sizeof buf);
		field(d, width, "Nearest place", buf, ROLE_NORMAL);
	}
}

static void build_figures(struct detail *d, int width)
{
	const struct event_record *r = &d->rec;
	struct strbuf f = STRBUF_INIT;
	if (r->fatalities >= 0)
		sb_addf(&f, "%lld", r->fatalities);
	else
		sb_add(&f, "unknown");
	if (r->fatalities_low >= 0 || r->fatalities_high >= 0)
		sb_addf(&f, " (range %lld-%lld)", r->fatalities_low >= 0 ? r->fatalities_low : 0,
			r->fatalities_high >= 0 ? r->fatalities_high : r->fatalities);
	bool disagree = event_record_figures_disagree(r);
	if (disagree) {
		sb_add(&f, "; sources disagree:");
		/* the comma goes before each figure after the first: a source
		 * without a figure last leaves none dangling ("Omondo 2,") */
		int listed = 0;
		for (int i = 0; i < r->nsources; i++)
			if (r->sources[i].fatalities >= 0)
				sb_addf(&f, "%s %s %lld", listed++ ? "," : "",
					r->sources[i].publisher ? r->sources[i].publisher : "?",
					r->sources[i].fatalities);
	}
	field(d, width, "Fatalities", sb_str(&f),
	      disagree || r->fatalities > 0 ? ROLE_FATAL : ROLE_NORMAL);
	field(d, width, "Note", r->fatalities_note, ROLE_NORMAL);
	sb_reset(&f);
	sb_addf(&f, "%s %s (#%lld)", r->origin ? r->origin : "", r->origin_id ? r->origin_id : "",
		r->id);
	field(d, width, "Origin", sb_str(&f), ROLE_DIM);
	sb_free(&f);
}

/* An actor is listed once, with all its roles: the first of its rows. */
static bool first_of_actor(const struct event_record *r, int i)
{
	for (int j = 0; j < i; j++)
		if (r->actors[j].id == r->actors[i].id)
			return false;
	return true;
}

/* "JNIM: side 1, first actor; claimed it (non-state armed group, part of
 * AQIM)": what the actor did in this event, then what it is. */
static void actor_line(struct detail *d, int width, const struct event_record *r, int i)
{
	const struct event_record_actor *a = &r->actors[i];
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "%s: ", a->name);
	for (int j = i; j < r->nactors; j++)
		if (r->actors[j].id == a->id)
			sb_addf(&sb, "%s%s", j > i ? "; " : "",
				actor_role_label(r->actors[j].role));
	if (a->kind || a->parent)
		sb_addf(&sb, " (%s%s%s%s)", a->kind ? a->kind : "",
			a->kind && a->parent ? ", " : "", a->parent ? "part of " : "",
			a->parent ? a->parent : "");
	para(d, width, 3, sb_str(&sb), ROLE_ACTOR, -1);
	sb_free(&sb);
}

static void build_lists(struct detail *d, int width)
{
	const struct event_record *r = &d->rec;
	bool disagree = event_record_figures_disagree(r);
	char buf[1024];
	if (r->description && *r->description) {
		heading(d, "Description");
		para(d, width, 3, r->description, ROLE_NORMAL, -1);
	}
	heading(d, "Actors");
	for (int i = 0; i < r->nactors; i++)
		if (first_of_actor(r, i))
			actor_line(d, width, r, i);
	if (!r->nactors)
		para(d, width, 3, "none recorded", ROLE_DIM, -1);
	heading(d, disagree ? "Sources (their figures differ)" : "Sources");
	for (int i = 0; i < r->nsources; i++) {
		const struct event_record_source *s = &r->sources[i];
		snprintf(buf, sizeof buf, "%d. %s%s%s%s%s", i + 1, s->publisher ? s->publisher : "",
			 s->publisher && s->title ? ": " : "", s->title ? s->title : "",
			 s->published ? ", " : "", s->published ? s->published : "");
		para(d, width, 3, buf, ROLE_NORMAL, -1);
		if (s->url)
			para(d, width, 6, s->url, ROLE_URL, -1);
		if (s->quote && *s->quote) {
			snprintf(buf, sizeof buf, "\"%s\"", s->quote);
			para(d, width, 6, buf, ROLE_DIM, -1);
		}
		if (disagree && s->fatalities >= 0) {
			snprintf(buf, sizeof buf, "figure: %lld", s->fatalities);
			para(d, width, 6, buf, ROLE_FATAL, -1);
		}
	}
	if (!r->nsources)
		para(d, width, 3, "none recorded", ROLE_DIM, -1);
}

static void build_context(struct detail *d, int width)
{
	heading(d, "Context within 30 days (Enter jumps)");
	for (size_t i = 0; i < d->nctx; i++) {
		const struct event_row *c = &d->ctx[i];
		char buf[1024];
		long days = c->date.start - d->rec.date.start;
		snprintf(buf, sizeof buf, "%s %s (%+ld d)  %s", ui_glyphs()->context, c->date_start,
			 days, c->title ? c->title : "");
		para(d, width, 3, buf, ROLE_LINK, (int)i);
	}
	if (!d->nctx)
		para(d, width, 3, "none", ROLE_DIM, -1);
}

/* Stars, tags and notes, each with who and when; a note's lines as written. */
static void build_marks(struct detail *d, int width)
{
	const struct glyphs *g = ui_glyphs();
	char buf[512];
	if (!d->nmarks)
		return;
	heading(d, "Marks (your notebook)");
	for (size_t i = 0; i < d->nmarks; i++) {
		const struct mark *m = &d->marks[i];
		const char *glyph = m->kind == MARK_STAR  ? g->star
				    : m->kind == MARK_TAG ? g->tag
							  : g->note;
		snprintf(buf, sizeof buf, "%s %s%s%s  (%s, %.10s)", glyph, mark_kind_name(m->kind),
			 m->kind == MARK_TAG ? " " : "", m->kind == MARK_TAG ? m->value : "",
			 m->author, m->created);
		para(d, width, 3, buf, m->kind == MARK_NOTE ? ROLE_LABEL : ROLE_KEY, -1);
		if (m->kind != MARK_NOTE)
			continue;
		char *text = xstrdup(m->value), *save = NULL;
		for (char *line = strtok_r(text, "\n", &save); line;
		     line = strtok_r(NULL, "\n", &save))
			para(d, width, 6, line, ROLE_NORMAL, -1);
		free(text);
	}
}

/* What happened around a context event: the file's incidents. */
static void build_incidents(struct detail *d, int width)
{
	const struct around_counts *k = &d->inc_counts;
	long total = k->before + k->during + k->after;
	char buf[1024];

	if (!d->has_inc)
		return;
	snprintf(buf, sizeof buf, "Incidents within %d days: %ld before, %ld during, %ld after",
		 CONTEXT_DAYS, k->before, k->during, k->after);
	heading(d, buf);
	for (size_t i = 0; i < d->ninc; i++) {
		const struct event_row *c = &d->inc[i];
		long days = c->date.start < d->rec.date.start ? c->date.start - d->rec.date.start
			    : c->date.start > d->rec.date.end ? c->date.start - d->rec.date.end
							      : 0;
		char fat[32] = "";
		if (c->fatalities > 0)
			snprintf(fat, sizeof fat, " (%lld killed)", c->fatalities);
		snprintf(buf, sizeof buf, "%s %s (%+ld d)  %s%s", ui_glyphs()->incident,
			 c->date_start, days, c->title ? c->title : "", fat);
		para(d, width, 3, buf, ROLE_LINK, (int)(d->nctx + i));
	}
	if (!total)
		para(d, width, 3, "none in this file", ROLE_DIM, -1);
	else if ((long)d->ninc < total) {
		snprintf(buf, sizeof buf, "and %ld more (:around 30d on the timeline shows them)",
			 total - (long)d->ninc);
		para(d, width, 3, buf, ROLE_DIM, -1);
	}
}

static void build(struct detail *d, int width)
{
	lines_clear(&d->lines);
	build_fields(d, width);
	build_marks(d, width);
	build_figures(d, width);
	build_lists(d, width);
	build_context(d, width);
	build_incidents(d, width);
	d->built_for = width;
	if (d->lines.sel >= d->lines.n)
		d->lines.sel = d->lines.n - 1;
}

static int load_context(struct view *v, struct detail *d)
{
	char *err = NULL;
	int rc = session_context_around(v->s, &d->rec.date, CONTEXT_DAYS, d->id, 50, &d->ctx,
					&d->nctx, &err);
	if (!rc && strcmp(d->rec.kind, "context") == 0) {
		rc = event_incidents_around(session_db(v->s), &d->rec.date, CONTEXT_DAYS, 50,
					    &d->inc, &d->ninc, &d->inc_counts, &err);
		d->has_inc = rc == 0;
	}
	if (rc)
		ui_error(v->ui, "%s", err ? err : "context query failed");
	free(err);
	return rc;
}

static void load_marks(struct view *v)
{
	struct detail *d = D(v);
	char *err = NULL;
	marks_free(d->marks, d->nmarks);
	if (session_event_marks(v->s, d->id, &d->marks, &d->nmarks, &err) != 0)
		ui_error(v->ui, "notebook: %s", err ? err : "cannot be read");
	free(err);
}

/* A mark written (here or in the timeline below): shown at once. */
static int detail_changed(struct view *v)
{
	load_marks(v);
	D(v)->built_for = 0;
	return 0;
}

static int detail_open(struct view *v, long long id)
{
	if (!id) { /* opened by name: the selected event */
		const struct event_row *r = session_current(v->s);
		if (!r) {
			ui_error(v->ui, "No event selected");
			return -1;
		}
		id = r->id;
	}
	struct detail *d = xcalloc(1, sizeof *d);
	d->id = id;
	lines_init(&d->lines, true, 0, 0);
	char *err = NULL;
	sqlite3 *db = session_db_of(v->s, id, &d->own_id, &d->layer);
	int rc = db ? event_record_load(db, d->own_id, &d->rec, &err) : 1;
	if (rc != 0) {
		ui_error(v->ui, "%s",
			 rc > 0 ? "No such event"
			 : err  ? err
				: "cannot load the event");
		free(err);
		free(d);
		return -1;
	}
	load_context(v, d);
	v->priv = d;
	load_marks(v);
	return 0;
}

static void detail_close(struct view *v)
{
	struct detail *d = D(v);
	lines_free(&d->lines);
	event_record_free(&d->rec);
	event_rows_free(d->ctx, d->nctx);
	marks_free(d->marks, d->nmarks);
	event_rows_free(d->inc, d->ninc);
	free(d);
}

static void draw_line(void *ctx, WINDOW *w, int y, int cols, const struct line *l, bool sel)
{
	const char *needle = ctx;
	ui_put(w, y, 0, 1, sel ? ui_glyphs()->cursor : " ", sel ? ROLE_CURSOR : ROLE_NORMAL, 0,
	       NULL);
	if (l->label)
		ui_put(w, y, 1, LABEL_W, l->label, sel ? ROLE_CURSOR : ROLE_LABEL, PUT_PAD, NULL);
	ui_put(w, y, l->indent, cols - l->indent, l->text, l->role, 0, needle);
}

static void detail_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct detail *d = D(v);
	if (d->built_for != cols)
		build(d, cols);
	lines_draw(&d->lines, w, rows, cols, draw_line, (void *)session_search_folded(v->s));
}

/* Enter on a context event: the timeline moves to it and its detail
 * replaces this one. */
static int jump(struct view *v, long link)
{
	struct detail *d = D(v);
	const struct event_row *c =
	    (size_t)link < d->nctx ? &d->ctx[link] : &d->inc[(size_t)link - d->nctx];
	if (session_show_event(v->s, c->id, c->date_start) != 0)
		ui_message(v->ui, "That event is outside the filter");
	ui_open(v->ui, VIEW_DETAIL, c->id);
	return UI_CLOSE; /* this view, below the new one */
}

static int detail_action(struct view *v, enum action a)
{
	struct detail *d = D(v);
	const struct line *l = lines_selected(&d->lines);

	if (a == ACT_STAR || a == ACT_TAG || a == ACT_NOTE || a == ACT_NOTE_EDITOR)
		return ui_mark_action(v->ui, a, d->id); /* this event, whatever the timeline's */
	if (a == ACT_BEFORE_AFTER) {                    /* this event too */
		ui_open(v->ui, VIEW_BEFORE_AFTER, d->id);
		return UI_HANDLED;
	}
	if (a != ACT_ENTER)
		return lines_action(&d->lines, a, session_search_folded(v->s));
	if (l && l->link >= 0)
		return jump(v, l->link);
	ui_message(v->ui, "Select a listed event to jump to it");
	return UI_HANDLED;
}

static int detail_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	if (lines_mouse(&D(v)->lines, m, y))
		return detail_action(v, ACT_ENTER);
	return UI_HANDLED;
}

static void detail_position(struct view *v, struct strbuf *out)
{
	if (D(v)->layer)
		sb_addf(out, "%s #%lld  ", D(v)->layer, D(v)->own_id);
	else
		sb_addf(out, "#%lld  ", D(v)->id);
	lines_position(&D(v)->lines, out);
}

const struct view_ops detail_view_ops = {
    .name = "detail",
    .open = detail_open,
    .close = detail_close,
    .draw = detail_draw,
    .action = detail_action,
    .mouse = detail_mouse,
    .position = detail_position,
    .changed = detail_changed,
};
