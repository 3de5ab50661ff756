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
#include "sitrep/util.h"
#include "timeline_row.h"

/* The columns of a line, in the order drawn, each with its width in
 * cells (its gap included): what the config file's "columns" asks, fitted
 * to a screen width. */
struct cols {
	enum config_column col[COL_COUNT];
	int width[COL_COUNT];
	int n;
};

/* Widths of the columns whose size is their content's, gap included. */
#define GUTTER  1
#define DATE_W  11
#define KIND_W  2
#define FATAL_W 5
/* Beyond this the title has room enough: a wider screen widens the
 * other columns (few titles are longer, see data/events.sitrep). */
#define TITLE_ENOUGH 64

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* The automatic widths (gap not included) of type, place and actors for a
 * screen width: shares of the room the fixed columns leave, each up to a
 * cap that fits most of the data's values; -1 for the type beside the
 * actor panel at 80 columns, so that the title keeps room to be read. */
static void auto_widths(int w, int *type, int *place, int *actors)
{
	int rem = w - 22; /* the gutter, date, kind, fatalities and 3 gaps */
	if (w < 64) {
		*type = -1;
		*place = clamp(rem * 30 / 100, 6, 12);
		*actors = clamp(rem * 25 / 100, 6, 12);
		return;
	}
	*type = clamp(rem * 16 / 100, 6, 22);
	*place = clamp(rem * 22 / 100, 8, 32);
	*actors = clamp(rem * 18 / 100, 8, 40);
	/* a wide screen: the title's room past TITLE_ENOUGH goes to the type
	 * up to the longest type ("Explosions/Remote violence"), then a third
	 * to the place and two to the actors (sides of three or four actors
	 * are the longest values), each up to a cap */
	int spare = rem - *type - *place - *actors - TITLE_ENOUGH;
	if (spare <= 0)
		return;
	int add = clamp(26 - *type, 0, spare);
	*type += add;
	spare -= add;
	int to_place = clamp(spare / 3, 0, 48 - *place);
	*place += to_place;
	*actors += clamp(spare - to_place, 0, 64 - *actors);
}

static const enum config_column default_cols[] = {COL_DATE,   COL_KIND,       COL_TYPE, COL_PLACE,
						  COL_ACTORS, COL_FATALITIES, COL_TITLE};

static struct cols layout_cols(const struct session_settings *set, int w)
{
	struct cols c = {.n = 0};
	int type, place, actors, used = GUTTER, title = -1;
	auto_widths(w, &type, &place, &actors);
	size_t n = set->ncols ? set->ncols : ARRAY_SIZE(default_cols);
	for (size_t i = 0; i < n; i++) {
		enum config_column col = set->ncols ? set->cols[i] : default_cols[i];
		int asked = set->ncols ? set->col_width[i] : 0, width;
		switch (col) {
		case COL_DATE:
			width = DATE_W;
			break;
		case COL_KIND:
			width = KIND_W;
			break;
		case COL_FATALITIES:
			width = FATAL_W;
			break;
		case COL_TYPE:
			width = asked ? asked + 1 : type + 1; /* 0: no type */
			break;
		case COL_PLACE:
			width = (asked ? asked : place) + 1;
			break;
		case COL_ACTORS:
			width = (asked ? asked : actors) + 1;
			break;
		default:
			title = c.n;
			width = 0;
			break;
		}
		if (col != COL_TITLE && width <= 0)
			continue;
		c.col[c.n] = col;
		c.width[c.n++] = width;
		used += width;
	}
	/* a date of a range ("2015-05-15+") fills its 11 cells: the kind's
	 * marker, or else a gap, keeps it from the next column */
	for (int i = 0; i < c.n; i++)
		if (c.col[i] == COL_DATE && i + 1 < c.n && c.col[i + 1] != COL_KIND) {
			c.width[i]++;
			used++;
		}
	if (title >= 0) /* the title takes the rest, wherever it stands */
		c.width[title] = w - used > 0 ? w - used : 0;
	return c;
}

static void format_date(const struct event_row *r, char *buf, size_t size)
{
	if (r->date.prec == DATE_DAY)
		snprintf(buf, size, "%s%s", r->date_start, r->date.end > r->date.start ? "+" : "");
	else
		date_format_span(buf, size, &r->date);
}

/* The kind's marker, and the analyst's mark beside it: a star above a tag
 * above a note. */
static void draw_kind(struct view *v, WINDOW *w, int y, int x, const struct event_row *r,
		      bool selected)
{
	const struct glyphs *g = ui_glyphs();
	ui_put(w, y, x, KIND_W, r->context ? g->context : g->incident,
	       selected     ? ROLE_CURSOR
	       : r->context ? ROLE_CONTEXT
			    : ROLE_DIM,
	       PUT_PAD, NULL);
	unsigned m = session_marks_of(v->s, r->id);
	if (m)
		ui_put(w, y, x + 1, 1,
		       m & SESSION_MARK_STAR  ? g->star
		       : m & SESSION_MARK_TAG ? g->tag
					      : g->note,
		       selected ? ROLE_CURSOR : ROLE_KEY, 0, NULL);
}

/* One cell of a row: the column col, cols wide at x. The cursor's row is
 * one bar in the cursor's colours, every cell and gap of it, so that it
 * reads as a row in every theme and depth (a field's own ink on the
 * cursor's background could vanish: blue actors on a blue bar at 8
 * colours); matches of the search keep their own colours on it. */
static void draw_cell(struct view *v, WINDOW *w, int y, int x, int cols, enum config_column col,
		      const struct event_row *r, bool selected, bool last)
{
	const struct glyphs *g = ui_glyphs();
	const char *needle = session_search_folded(v->s);
	enum role text_role = selected ? ROLE_CURSOR : r->context ? ROLE_CONTEXT : ROLE_NORMAL;
#define OWN(role) (selected ? ROLE_CURSOR : (role))
	/* each field pads its gap in its own colour: one colour change per
	 * field instead of a reset and a change (fewer bytes per line); the
	 * cursor's bar runs to the edge */
	int pad = last && !selected ? 0 : PUT_PAD | (last ? 0 : PUT_GAP);
	char buf[512];
	switch (col) {
	case COL_DATE:
		format_date(r, buf, sizeof buf);
		ui_put(w, y, x, cols, buf, OWN(ROLE_DATE), PUT_PAD, NULL);
		break;
	case COL_KIND:
		draw_kind(v, w, y, x, r, selected);
		break;
	case COL_TYPE:
		ui_put(w, y, x, cols, r->event_type, OWN(r->context ? ROLE_CONTEXT : ROLE_TYPE),
		       pad, needle);
		break;
	case COL_PLACE:
		text_place(buf, sizeof buf, r->location, r->admin1);
		ui_put(w, y, x, cols, buf, OWN(ROLE_PLACE), pad, needle);
		break;
	case COL_ACTORS: {
		/* the sides when the roles are known, else the names as stored */
		struct strbuf sides = STRBUF_INIT;
		actor_sides_format(r->sides, g->arrow, &sides);
		ui_put(w, y, x, cols, sides.len ? sb_str(&sides) : r->actors, OWN(ROLE_ACTOR), pad,
		       needle);
		sb_free(&sides);
		break;
	}
	case COL_FATALITIES:
		if (r->fatalities >= 0)
			snprintf(buf, sizeof buf, "%lld", r->fatalities);
		else
			buf[0] = '\0';
		ui_put(w, y, x, cols - 1, buf, OWN(r->fatalities > 0 ? ROLE_FATAL : ROLE_DIM),
		       PUT_RIGHT, NULL);
		/* the number is right-aligned: its gap takes the title's colour */
		if (cols > 1)
			ui_fill(w, y, x + cols - 1, 1, " ", text_role);
		break;
	default:
		ui_put(w, y, x, cols, r->title, text_role, pad, needle);
		break;
	}
#undef OWN
}

void timeline_draw_row(struct view *v, WINDOW *w, int y, int width, const struct event_row *r,
		       bool selected)
{
	const struct glyphs *g = ui_glyphs();
	struct cols c = layout_cols(session_settings(v->s), width);
	ui_put(w, y, 0, GUTTER, selected ? g->cursor : " ", selected ? ROLE_CURSOR : ROLE_NORMAL,
	       PUT_PAD, NULL);
	int x = GUTTER;
	for (int i = 0; i < c.n && x < width; i++) {
		int cols = c.width[i] < width - x ? c.width[i] : width - x;
		if (cols > 0)
			draw_cell(v, w, y, x, cols, c.col[i], r, selected, i == c.n - 1);
		x += c.width[i];
	}
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

int timeline_cell_cols(struct view *v, int width, enum config_column col)
{
	struct cols c = layout_cols(session_settings(v->s), width);
	int x = GUTTER;
	for (int i = 0; i < c.n; i++) {
		int cols = c.width[i] < width - x ? c.width[i] : width - x;
		if (c.col[i] == col)
			return cols <= 0 ? 0 : i == c.n - 1 ? cols : cols - 1;
		x += c.width[i];
	}
	return 0;
}

/* The line above the rows naming their columns, at the rows' widths. */
void timeline_draw_header(struct view *v, WINDOW *w, int width)
{
	static const char *const names[COL_COUNT] = {
	    [COL_DATE] = "Date",   [COL_KIND] = "K",        [COL_TYPE] = "Type",
	    [COL_PLACE] = "Place", [COL_ACTORS] = "Actors", [COL_FATALITIES] = "Dead",
	    [COL_TITLE] = "Title",
	};
	struct cols c = layout_cols(session_settings(v->s), width);
	int x = GUTTER;
	ui_fill(w, 0, 0, width, " ", ROLE_LABEL);
	for (int i = 0; i < c.n && x < width; i++) {
		int cols = c.width[i] < width - x ? c.width[i] : width - x;
		if (c.col[i] == COL_FATALITIES)
			ui_put(w, 0, x, cols - 1, names[c.col[i]], ROLE_LABEL, PUT_RIGHT, NULL);
		else if (cols > 0)
			ui_put(w, 0, x, cols, names[c.col[i]], ROLE_LABEL,
			       i == c.n - 1 ? 0 : PUT_PAD | PUT_GAP, NULL);
		x += c.width[i];
	}
}
