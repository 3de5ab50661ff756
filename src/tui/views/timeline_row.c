/* timeline_row: the timeline's lines (see timeline_row.h): the columns'
 * widths for a screen width and the config file's choice, and each
 * line's cells in its roles' colours. */
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_sides.h"
#include "sitrep/config_file.h"
#include "sitrep/session.h"
#include "sitrep/text.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "timeline_row.h"

/* Column widths for a given screen width. */
struct cols {
	int type, place, actors, fatal, title;
};

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct cols layout_cols(int w)
{
	struct cols c;
	int rem = w - 22;
	c.type = clamp(rem * 16 / 100, 6, 22);
	c.place = clamp(rem * 22 / 100, 8, 32);
	c.actors = clamp(rem * 18 / 100, 8, 40);
	c.fatal = 4;
	if (w < 64) {
		/* beside the actor panel at 80 columns: the type goes, so that
		 * the title keeps room to be read */
		c.type = -1;
		c.place = clamp(rem * 30 / 100, 6, 12);
		c.actors = clamp(rem * 25 / 100, 6, 12);
	}
	c.title = rem - c.type - c.place - c.actors;
	return c;
}

/* The config file's "columns": a column left out gives its room to the
 * title (the order stays the timeline's own). */
static bool shown(const struct view *v, enum config_column col)
{
	unsigned shown_cols = session_settings(v->s)->shown_cols;
	return !shown_cols || (shown_cols & (1u << col));
}

static struct cols chosen_cols(const struct view *v, int w)
{
	struct cols c = layout_cols(w);
	if (!shown(v, COL_TYPE))
		c.type = -1;
	if (!shown(v, COL_PLACE))
		c.place = -1;
	if (!shown(v, COL_ACTORS))
		c.actors = -1;
	if (!shown(v, COL_FATALITIES))
		c.fatal = -1;
	return c;
}

static void format_date(const struct event_row *r, char *buf, size_t size)
{
	if (r->date.prec == DATE_DAY)
		snprintf(buf, size, "%s%s", r->date_start, r->date.end > r->date.start ? "+" : "");
	else
		date_format_span(buf, size, &r->date);
}

void timeline_draw_row(struct view *v, WINDOW *w, int y, int width, const struct event_row *r,
		       bool selected)
{
	const struct glyphs *g = ui_glyphs();
	const char *needle = session_search_folded(v->s);
	struct cols c = chosen_cols(v, width);
	char date[32], place[512], fat[24];
	format_date(r, date, sizeof date);
	text_place(place, sizeof place, r->location, r->admin1);
	if (r->fatalities >= 0)
		snprintf(fat, sizeof fat, "%lld", r->fatalities);
	else
		fat[0] = '\0';
	/* the cursor marks the gutter and date only: moving it rewrites a few
	 * cells, not two whole lines (see bench/tui.sh) */
	enum role cur = selected ? ROLE_CURSOR : ROLE_DATE;
	int x = 0;
	ui_put(w, y, x, 1, selected ? g->cursor : " ", selected ? ROLE_CURSOR : ROLE_NORMAL,
	       PUT_PAD, NULL);
	x += 1;
	if (shown(v, COL_DATE))
		x += ui_put(w, y, x, 11, date, cur, PUT_PAD, NULL);
	if (shown(v, COL_KIND)) {
		ui_put(w, y, x, 2, r->context ? g->context : g->incident,
		       r->context ? ROLE_CONTEXT : ROLE_DIM, PUT_PAD, NULL);
		/* the analyst's mark beside the kind: a star above a tag above a note */
		unsigned m = session_marks_of(v->s, r->id);
		if (m)
			ui_put(w, y, x + 1, 1,
			       m & SESSION_MARK_STAR  ? g->star
			       : m & SESSION_MARK_TAG ? g->tag
						      : g->note,
			       ROLE_KEY, 0, NULL);
		x += 2;
	}
	enum role text_role = r->context ? ROLE_CONTEXT : ROLE_NORMAL;
	/* each field pads its gap in its own colour: one colour change per
	 * field instead of a reset and a change (fewer bytes per line) */
	if (c.type >= 0)
		ui_put(w, y, x, c.type + 1, r->event_type, r->context ? ROLE_CONTEXT : ROLE_TYPE,
		       PUT_PAD | PUT_GAP, needle);
	x += c.type + 1;
	if (c.place >= 0)
		ui_put(w, y, x, c.place + 1, place, ROLE_PLACE, PUT_PAD | PUT_GAP, needle);
	x += c.place + 1;
	if (c.actors >= 0) {
		/* the sides when the roles are known, else the names as stored */
		struct strbuf sides = STRBUF_INIT;
		actor_sides_format(r->sides, g->arrow, &sides);
		ui_put(w, y, x, c.actors + 1, sides.len ? sb_str(&sides) : r->actors, ROLE_ACTOR,
		       PUT_PAD | PUT_GAP, needle);
		sb_free(&sides);
	}
	x += c.actors + 1;
	if (c.fatal >= 0) {
		ui_put(w, y, x, c.fatal, fat, r->fatalities > 0 ? ROLE_FATAL : ROLE_DIM, PUT_RIGHT,
		       NULL);
		/* the number is right-aligned: its gap takes the title's colour */
		ui_fill(w, y, x + c.fatal, 1, " ", text_role);
	}
	x += c.fatal + 1;
	if (shown(v, COL_TITLE))
		ui_put(w, y, x, width - x, r->title, text_role, 0, needle);
}

static const char *const month_names[] = {"January",   "February", "March",    "April",
					  "May",       "June",     "July",     "August",
					  "September", "October",  "November", "December"};

/* Rule characters each side of a separator's label: enough to read as a
 * rule; each one is 3 bytes in UTF-8 and a separator scrolls in with a
 * line of its own (bench/tui.sh). */
#define SEP_RULE 2

void timeline_draw_sep(WINDOW *w, int y, const struct event_row *r, bool year)
{
	const struct glyphs *g = ui_glyphs();
	int m = atoi(r->date_start + 5);
	char label[40];
	if (year)
		snprintf(label, sizeof label, " %.4s ", r->date_start);
	else
		snprintf(label, sizeof label, " %s %.4s ",
			 month_names[(m >= 1 && m <= 12) ? m - 1 : 0], r->date_start);
	enum role role = year ? ROLE_SEP_YEAR : ROLE_SEP_MONTH;
	const char *line = year ? g->hline2 : g->hline;
	ui_fill(w, y, 1, SEP_RULE, line, role);
	int x = 1 + SEP_RULE + ui_put(w, y, 1 + SEP_RULE, 30, label, role, 0, NULL);
	ui_fill(w, y, x, SEP_RULE, line, role);
}

/* The line above the rows naming their columns, at the rows' widths. */
void timeline_draw_header(struct view *v, WINDOW *w, int width)
{
	struct cols c = chosen_cols(v, width);
	int x = 1;
	ui_fill(w, 0, 0, width, " ", ROLE_LABEL);
	if (shown(v, COL_DATE))
		x += ui_put(w, 0, x, 11, "Date", ROLE_LABEL, PUT_PAD, NULL);
	if (shown(v, COL_KIND)) {
		ui_put(w, 0, x, 2, "K", ROLE_LABEL, PUT_PAD, NULL);
		x += 2;
	}
	if (c.type >= 0)
		ui_put(w, 0, x, c.type + 1, "Type", ROLE_LABEL, PUT_PAD | PUT_GAP, NULL);
	x += c.type + 1;
	if (c.place >= 0)
		ui_put(w, 0, x, c.place + 1, "Place", ROLE_LABEL, PUT_PAD | PUT_GAP, NULL);
	x += c.place + 1;
	if (c.actors >= 0)
		ui_put(w, 0, x, c.actors + 1, "Actors", ROLE_LABEL, PUT_PAD | PUT_GAP, NULL);
	x += c.actors + 1;
	if (c.fatal >= 0)
		ui_put(w, 0, x, c.fatal, "Dead", ROLE_LABEL, PUT_RIGHT, NULL);
	x += c.fatal + 1;
	if (shown(v, COL_TITLE))
		ui_put(w, 0, x, width - x, "Title", ROLE_LABEL, 0, NULL);
}
