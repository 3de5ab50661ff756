/* The timeline view: one line per event around a cursor, with year and
 * month separators, fitted to the width. It holds only a rowbuf (the rows
 * on screen plus a margin) and the cursor's screen row. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/config_file.h"
#include "sitrep/event_lookup.h"
#include "sitrep/rowbuf.h"
#include "sitrep/session.h"
#include "sitrep/text.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"
#include "timeline_match.h"
#include "timeline_row.h"

struct timeline {
	struct rowbuf buf;
	int cur_y;      /* screen row of the cursor */
	int height;     /* rows of the last draw */
	long *line_row; /* per screen row: its row index, -1 for others */
	int nline_row;
	bool desc;                 /* newest first: the screen shows rowbuf's rows upside down */
	bool lent_total;           /* buf.total is the density strip's, not counted here */
	unsigned long filter_seen; /* the session_filter_version shown */
	bool header;               /* the first line names the columns */
	int width;                 /* columns of the last draw */
};

enum sep { SEP_NONE, SEP_MONTH, SEP_YEAR };

static struct timeline *T(struct view *v)
{
	return v->priv;
}

static int margin(struct timeline *t)
{
	return t->height + 8;
}

static void report(struct view *v, int rc, char *err)
{
	if (rc)
		ui_error(v->ui, "%s", err ? err : "query failed");
	free(err);
}

/* The row shown next to row i on screen: dir +1 below it, -1 above it;
 * -1 when none is in the buffer. Newest first turns the buffer over. */
static long step_row(const struct timeline *t, long i, int dir)
{
	long j = i + (t->desc ? -dir : dir);
	return j >= 0 && j < (long)t->buf.n ? j : -1;
}

/* The separator above row i, as shown. */
static enum sep sep_of(const struct timeline *t, long i)
{
	const struct rowbuf *b = &t->buf;
	long prev = step_row(t, i, -1);
	if (prev < 0)
		return (t->desc ? b->at_end : b->at_start) ? SEP_YEAR : SEP_NONE;
	const char *a = b->rows[prev].date_start, *c = b->rows[i].date_start;
	if (strncmp(a, c, 4) != 0)
		return SEP_YEAR;
	return strncmp(a, c, 7) != 0 ? SEP_MONTH : SEP_NONE;
}

/* The number of events in the filter, from the density strip's counts
 * when those are done (no filter on a file with per-day counts, or a
 * filter counted lately): then no count(*) has to run, and the status
 * line's k/N is right on the first screen, whatever the file's size. */
static bool total_from_strip(struct view *v)
{
	struct density *d = session_density(v->s);
	struct timeline *t = T(v);
	t->lent_total = d && density_total(d, session_filter_text(v->s), &t->buf.total);
	if (t->lent_total) /* the strip counts the file's own events: the layers' too */
		t->buf.total += (long long)session_extra(v->s)->n;
	return t->lent_total;
}

/* False once the strip has withdrawn the total it lent (the file's per-day
 * counts failed their check after the first screen). */
static bool lent_total_stands(struct view *v)
{
	long long n;
	return density_total(session_density(v->s), session_filter_text(v->s), &n) &&
	       n + (long long)session_extra(v->s)->n == T(v)->buf.total;
}

/* The timeline's cursor is the session's selected event. */
static int timeline_open(struct view *v, long long arg)
{
	struct timeline *t = xcalloc(1, sizeof *t);
	v->priv = t;
	t->height = LINES > 3 ? LINES - 2 : 20;
	rowbuf_init(&t->buf, session_query(v->s));
	total_from_strip(v);
	t->desc = session_settings(v->s)->descending;
	t->filter_seen = session_filter_version(v->s);
	session_set_timeline(v->s, v);
	char *err = NULL;
	int rc = t->desc ? rowbuf_last(&t->buf, margin(t), &err)
			 : rowbuf_first(&t->buf, margin(t), &err);
	report(v, rc, err);
	return 0;
}

static void timeline_close(struct view *v)
{
	struct timeline *t = T(v);
	if (session_timeline(v->s) == v)
		session_set_timeline(v->s, NULL);
	rowbuf_free(&t->buf);
	free(t->line_row);
	free(t);
}

/* Keep the cursor's row within rows lines with the separators next to it
 * in sight: the one above it at the top edge, the one below it at the
 * bottom edge. Besides showing where a month ends before the cursor
 * crosses it, this spreads the cost of crossing over two key presses:
 * the separator comes in with the month's last event, and the step onto
 * the next month's first event, which moves the strip's bucket too,
 * scrolls in one line (see bench/tui.sh). */
static void clamp_cursor_row(struct timeline *t, int rows)
{
	long next = step_row(t, (long)t->buf.cur, 1);
	int min_y = rows > 1 && sep_of(t, (long)t->buf.cur) != SEP_NONE;
	int max_y = rows - 1 - (rows > 2 && next >= 0 && sep_of(t, next) != SEP_NONE);
	if (t->cur_y > max_y)
		t->cur_y = max_y;
	if (t->cur_y < min_y)
		t->cur_y = min_y;
}

/* Walk up from the cursor's line to find the first line on screen. */
static void top_of_screen(struct timeline *t, long *row, int *part)
{
	long i = (long)t->buf.cur;
	int p = 1, up = 0;
	while (up < t->cur_y) {
		if (p == 1 && sep_of(t, i) != SEP_NONE)
			p = 0;
		else if (step_row(t, i, -1) >= 0) {
			i = step_row(t, i, -1);
			p = 1;
		} else
			break;
		up++;
	}
	t->cur_y = up;
	*row = i;
	*part = p;
}

static void draw_body(struct view *v, WINDOW *w, int rows, int cols);

/* A header line when there is room for it and a few rows. */
static void timeline_draw(struct view *v, WINDOW *w, int rows, int cols)
{
	struct timeline *t = T(v);
	WINDOW *body = rows >= 6 ? derwin(w, rows - 1, cols, 1, 0) : NULL;
	t->header = body != NULL;
	if (!body) {
		draw_body(v, w, rows, cols);
		return;
	}
	timeline_draw_header(v, w, cols);
	draw_body(v, body, rows - 1, cols);
	delwin(body);
}

static void draw_body(struct view *v, WINDOW *w, int rows, int cols)
{
	struct timeline *t = T(v);
	const struct rowbuf *b = &t->buf;
	t->height = rows;
	t->width = cols;
	if (t->nline_row < rows) {
		t->line_row = xrealloc(t->line_row, (size_t)rows * sizeof *t->line_row);
		t->nline_row = rows;
	}
	for (int y = 0; y < rows; y++)
		t->line_row[y] = -1;
	if (!b->n) {
		ui_put(w, 0, 1, cols - 1,
		       b->unread ? "The events could not be read: g or G tries again"
		       : *session_filter_text(v->s) ? "No event matches the filter (F clears it)"
						    : "No events in this database",
		       ROLE_DIM, 0, NULL);
		return;
	}
	clamp_cursor_row(t, rows);
	/* at the end of the data, fill the screen from the bottom, as less does */
	int below = 0;
	for (long j = step_row(t, (long)b->cur, 1); j >= 0 && below < rows; j = step_row(t, j, 1))
		below += 1 + (sep_of(t, j) != SEP_NONE);
	if ((t->desc ? b->at_start : b->at_end) && t->cur_y + 1 + below < rows)
		t->cur_y = rows - 1 - below;
	long i;
	int part;
	top_of_screen(t, &i, &part);
	for (int y = 0; y < rows && i >= 0; y++) {
		if (part == 0) {
			timeline_draw_sep(w, y, &b->rows[i], sep_of(t, i) == SEP_YEAR);
			part = 1;
			continue;
		}
		timeline_draw_row(v, w, y, cols, &b->rows[i], i == (long)b->cur);
		t->line_row[y] = i;
		i = step_row(t, i, 1);
		part = i >= 0 && sep_of(t, i) != SEP_NONE ? 0 : 1;
	}
}

/* Move the cursor by delta rows; the screen row follows for small moves
 * and stays put for page moves (as in tig and less). */
static void move_cursor(struct view *v, long delta, bool keep_row)
{
	struct timeline *t = T(v);
	long moved;
	char *err = NULL;
	int rc = rowbuf_move(&t->buf, t->desc ? -delta : delta, margin(t), &moved, &err);
	report(v, rc, err);
	if (rc || keep_row || !moved)
		return;
	const struct rowbuf *b = &t->buf;
	long shown = t->desc ? -moved : moved; /* rows moved down the screen */
	int lines = 0;
	long i = (long)b->cur;
	/* down: the rows from the new cursor up to the old one; up: below it */
	for (long k = 0; k < shown && i >= 0; k++, i = step_row(t, i, -1))
		lines += 1 + (sep_of(t, i) != SEP_NONE);
	for (long k = 0, j = step_row(t, i, 1); k < -shown && j >= 0; k++, j = step_row(t, j, 1))
		lines -= 1 + (sep_of(t, j) != SEP_NONE);
	t->cur_y += lines;
	clamp_cursor_row(t, t->height);
}

/* Move the cursor to the next event matching where, down the screen
 * (forward) or up it; with wrap, past the end start again at the top, as
 * vim and less do. 1 moved, 0 none, -1 error (reported). */
static int seek_match(struct view *v, const struct sqlfrag *where, const struct row_set *extra,
		      bool forward, bool wrap, int cur_y, bool *wrapped)
{
	struct timeline *t = T(v);
	const struct event_row *r = rowbuf_cursor(&t->buf);
	if (!r)
		return 0;
	struct query q = {.db = session_db(v->s), .where = where, .extra = extra};
	struct event_key k;
	event_row_key(r, &k);
	struct event_row *rows = NULL;
	size_t n = 0;
	char *err = NULL;
	/* down the screen is back in time when newest is first */
	enum query_dir dir = forward != t->desc ? QUERY_FORWARD : QUERY_BACKWARD;
	int rc = query_page(&q, &k, dir, false, 1, &rows, &n, &err);
	*wrapped = false;
	if (!rc && !n && wrap) {
		*wrapped = true;
		rc = query_page(&q, NULL, dir, false, 1, &rows, &n, &err);
	}
	if (!rc && n) {
		event_row_key(&rows[0], &k);
		rc = rowbuf_seek(&t->buf, &k, margin(t), &err);
		t->cur_y = cur_y;
	}
	report(v, rc, err);
	event_rows_free(rows, n);
	return rc ? -1 : n > 0;
}

static void find(struct view *v, bool forward)
{
	struct timeline *t = T(v);
	struct ui *ui = v->ui;
	struct sqlfrag where;
	sqlfrag_init(&where);
	session_search_where(v->s, &where);
	struct row_set extra = session_search_extra(v->s);
	bool wrapped;
	int rc = seek_match(v, &where, &extra, forward, true, t->height / 2, &wrapped);
	free((void *)extra.v);
	if (rc > 0 && wrapped)
		ui_message(ui, forward ? "Search hit the end, continued at the top"
				       : "Search hit the top, continued at the end");
	else if (rc > 0)
		timeline_match_note(v, rowbuf_cursor(&t->buf), t->width);
	else if (rc == 0 && rowbuf_cursor(&t->buf))
		ui_error(ui, "Not found: %s", session_search(v->s));
	sqlfrag_free(&where);
}

/* The next context event after the cursor (or before it), in the filter. */
static void jump_context(struct view *v, bool forward)
{
	struct timeline *t = T(v);
	struct ui *ui = v->ui;
	struct sqlfrag where, context;
	sqlfrag_init(&where);
	sqlfrag_init(&context);
	event_context_cond(&context);
	sqlfrag_and(&where, &session_filter(v->s)->where, &context);
	sqlfrag_free(&context);
	bool wrapped;
	/* a layer's events are all context events */
	if (seek_match(v, &where, session_extra(v->s), forward, false, t->height / 3, &wrapped) ==
		0 &&
	    rowbuf_cursor(&t->buf))
		ui_message(ui, forward ? "No later context event" : "No earlier context event");
	sqlfrag_free(&where);
}

static int timeline_action(struct view *v, enum action a)
{
	struct timeline *t = T(v);
	int h = t->height > 1 ? t->height : 1;
	char *err = NULL;
	int rc = 0;
	switch (a) {
	case ACT_MOVE_DOWN:
		move_cursor(v, 1, false);
		break;
	case ACT_MOVE_UP:
		move_cursor(v, -1, false);
		break;
	case ACT_PAGE_DOWN:
		move_cursor(v, h, true);
		break;
	case ACT_PAGE_UP:
		move_cursor(v, -h, true);
		break;
	case ACT_HALF_DOWN:
		move_cursor(v, h / 2, true);
		break;
	case ACT_HALF_UP:
		move_cursor(v, -h / 2, true);
		break;
	case ACT_MOVE_FIRST:
		rc = t->desc ? rowbuf_last(&t->buf, margin(t), &err)
			     : rowbuf_first(&t->buf, margin(t), &err);
		t->cur_y = 0;
		break;
	case ACT_MOVE_LAST:
		rc = t->desc ? rowbuf_first(&t->buf, margin(t), &err)
			     : rowbuf_last(&t->buf, margin(t), &err);
		t->cur_y = h - 1;
		break;
	case ACT_REVERSE: {
		struct session_settings *set = session_settings(v->s);
		set->descending = !set->descending;
		t->desc = set->descending;
		t->cur_y = t->height / 3;
		session_settings_changed(v->s);
		ui_message(v->ui, t->desc ? "Newest first" : "Oldest first");
		break;
	}
	case ACT_ENTER: {
		const struct event_row *r = rowbuf_cursor(&t->buf);
		if (r)
			ui_open(v->ui, VIEW_DETAIL, r->id);
		break;
	}
	case ACT_FIND_NEXT:
	case ACT_FIND_PREV:
		if (!session_search(v->s))
			return UI_UNHANDLED;
		find(v, a == ACT_FIND_NEXT);
		break;
	case ACT_CONTEXT_NEXT:
	case ACT_CONTEXT_PREV:
		jump_context(v, a == ACT_CONTEXT_NEXT);
		break;
	default:
		return UI_UNHANDLED;
	}
	report(v, rc, err);
	return UI_HANDLED;
}

static int timeline_mouse(struct view *v, enum mouse_kind m, int y, int x)
{
	struct timeline *t = T(v);
	y -= t->header;
	if (m == MOUSE_WHEEL_DOWN || m == MOUSE_WHEEL_UP) {
		move_cursor(v, m == MOUSE_WHEEL_DOWN ? 3 : -3, false);
		return UI_HANDLED;
	}
	if (y < 0 || y >= t->height || y >= t->nline_row || t->line_row[y] < 0)
		return UI_HANDLED;
	long delta = t->line_row[y] - (long)t->buf.cur, moved;
	char *err = NULL;
	int rc = rowbuf_move(&t->buf, delta, margin(t), &moved, &err);
	report(v, rc, err);
	t->cur_y = y;
	if (!rc && m == MOUSE_DOUBLE)
		return timeline_action(v, ACT_ENTER);
	return UI_HANDLED;
}

static void timeline_position(struct view *v, struct strbuf *out)
{
	const struct rowbuf *b = &T(v)->buf;
	if (!b->n)
		sb_add(out, b->unread ? "?" : "0/0");
	else if (b->total < 0 || b->rank < 0)
		sb_addf(out, T(v)->desc ? "?/..." : "%lld/...", b->rank + 1);
	else
		sb_addf(out, "%lld/%lld", T(v)->desc ? b->total - b->rank : b->rank + 1, b->total);
}

/* The filter changed: stay near the same event, count again later. */
static int refill(struct view *v)
{
	struct timeline *t = T(v);
	const struct event_row *r = rowbuf_cursor(&t->buf);
	struct event_key k;
	char *err = NULL;
	int rc;
	t->buf.total = -1;
	total_from_strip(v);
	if (r) {
		event_row_key(r, &k);
		rc = rowbuf_seek(&t->buf, &k, margin(t), &err);
	} else {
		rc = t->desc ? rowbuf_last(&t->buf, margin(t), &err)
			     : rowbuf_first(&t->buf, margin(t), &err);
		t->cur_y = 0;
	}
	/* A failed refill keeps the old rows (rowbuf.c), which here belong to
	 * the filter before: show none rather than rows the chips deny. */
	if (rc)
		rowbuf_clear(&t->buf);
	report(v, rc, err);
	return UI_HANDLED;
}

/* The filter changed: the rows are read again. The order changed (a saved
 * view loaded): the same rows turn over, the cursor kept. */
static int timeline_changed(struct view *v)
{
	struct timeline *t = T(v);
	bool desc = session_settings(v->s)->descending;

	if (t->filter_seen != session_filter_version(v->s)) {
		t->filter_seen = session_filter_version(v->s);
		refill(v);
	}
	if (t->desc != desc) {
		t->desc = desc;
		t->cur_y = t->height / 3;
	}
	return UI_HANDLED;
}

static int timeline_select(struct view *v, long long id, const char *date)
{
	struct timeline *t = T(v);
	struct event_key k = {.id = id};
	snprintf(k.date, sizeof k.date, "%s", date);
	char *err = NULL;
	int rc = rowbuf_seek(&t->buf, &k, margin(t), &err);
	report(v, rc, err);
	const struct event_row *r = rowbuf_cursor(&t->buf);
	return !rc && r && r->id == id ? 0 : -1;
}

/* "-30d", "+2w", "+1m", "-1y" from the cursor's date. 0, or -1 when arg
 * is not an offset. */
static int goto_relative(struct view *v, const char *arg, long *day)
{
	const struct event_row *r = rowbuf_cursor(&T(v)->buf);
	char *end;
	int y, m, d;
	if ((arg[0] != '+' && arg[0] != '-') || !r)
		return -1;
	long n = strtol(arg, &end, 10);
	if (end == arg + 1 || !strchr("dwmy", *end) || !*end || end[1] || labs(n) > 100000)
		return -1;
	if (*end == 'd' || *end == 'w') {
		*day = r->date.start + n * (*end == 'w' ? 7 : 1);
		return 0;
	}
	date_civil(r->date.start, &y, &m, &d);
	long months = (long)y * 12 + (m - 1) + (*end == 'y' ? n * 12 : n);
	y = (int)(months / 12);
	m = (int)(months % 12) + 1;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m); /* 31 March - 1m is 28 or 29 February */
	if (y < 1 || y > 9999)
		return -1;
	*day = date_days(y, m, d);
	return 0;
}

/* An event by its origin id (MLI2665) or #ROWID: 1 when found and shown
 * (or reported), 0 when arg names no event. */
static int goto_event(struct view *v, const char *arg)
{
	struct event_key k;
	bool found = false;
	char *err = NULL;

	if (event_find(session_db(v->s), arg, &k, &found, &err) != 0) {
		free(err); /* not an id after all: the caller tries a date */
		return 0;
	}
	if (!found)
		return 0;
	if (timeline_select(v, k.id, k.date) != 0)
		ui_message(v->ui, "goto: event %s is not in the filter; the nearest shown", arg);
	T(v)->cur_y = T(v)->height / 3;
	return 1;
}

static int timeline_command(struct view *v, const char *cmd, const char *arg)
{
	struct timeline *t = T(v);
	if (strcmp(cmd, "goto") != 0)
		return UI_UNHANDLED;
	struct date_span span;
	char iso[DATE_ISO_LEN];
	long day;
	int id = goto_event(v, arg);
	if (id != 0)
		return UI_HANDLED;
	if (goto_relative(v, arg, &day) == 0) {
		date_format(iso, day);
	} else if (date_parse_iso(arg, &span) == 0) {
		date_format(iso, span.start);
	} else {
		ui_error(v->ui,
			 "goto: %s: not a date (2022-07), an offset (-30d, +1y) or an "
			 "event id",
			 arg);
		return UI_HANDLED;
	}
	struct event_key k;
	bool found = false;
	char *err = NULL;
	int rc = query_seek_date(session_query(v->s), iso, &k, &found, &err);
	if (!rc && found)
		rc = rowbuf_seek(&t->buf, &k, margin(t), &err);
	else if (!rc) {
		rc = rowbuf_last(&t->buf, margin(t), &err);
		ui_message(v->ui, "No event on or after %s: at the last one", iso);
	}
	t->cur_y = t->height / 3;
	report(v, rc, err);
	return UI_HANDLED;
}

/* Counting every match can take a while on a big file: it is done after
 * the first screen is on the terminal. */
static int timeline_idle(struct view *v)
{
	struct timeline *t = T(v);
	char *err = NULL;
	int rc = 0, did = 0;
	/* a withdrawn total may have placed the cursor's rank too (newest
	 * first): everything is taken again, as after a filter change */
	if (t->lent_total && !lent_total_stands(v)) {
		refill(v);
		did = 1;
	}
	if (t->buf.total < 0 && !total_from_strip(v)) {
		rc = rowbuf_count(&t->buf, &err);
		did = 1;
	}
	report(v, rc, err);
	if (rc)
		t->buf.total = 0;
	return did;
}

static const struct event_row *timeline_current(struct view *v)
{
	return rowbuf_cursor(&T(v)->buf);
}

const struct view_ops timeline_view_ops = {
    .name = "timeline",
    .panes = true,
    .open = timeline_open,
    .close = timeline_close,
    .draw = timeline_draw,
    .action = timeline_action,
    .mouse = timeline_mouse,
    .position = timeline_position,
    .changed = timeline_changed,
    .command = timeline_command,
    .select = timeline_select,
    .idle = timeline_idle,
    .current = timeline_current,
};
