/* timeline_match: a note for a match the row does not show (see
 * timeline_match.h). */
#include <stdlib.h>
#include <string.h>

#include "sitrep/actor_sides.h"
#include "sitrep/event_lookup.h"
#include "sitrep/session.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "sitrep/text_search.h"
#include "sitrep/ui.h"
#include "sitrep/ui_draw.h"
#include "sitrep/util.h"
#include "timeline_match.h"
#include "timeline_row.h"

/* Characters of context kept before a match in the note. */
#define SNIPPET_BEFORE 24

/* The match of needle in text: its offsets in text itself, or false. */
static bool find_in(const char *text, const char *needle, size_t *at, size_t *end)
{
	if (!text || !*text)
		return false;
	char *f = text_fold(text);
	size_t len;
	long k = text_search_find(f, needle, &len);
	free(f);
	if (k < 0)
		return false;
	*at = text_search_source_offset(text, (size_t)k);
	*end = text_search_source_offset(text, (size_t)k + len);
	return true;
}

/* Whether the match [.., end) of text shows in a cell of cols columns: a
 * text that does not fit is cut one column short, for the ellipsis. */
static bool shows(const char *text, size_t end, int cols)
{
	if (text_width(text) <= cols)
		return true;
	char *head = xstrndup(text, end);
	bool in = text_width(head) <= cols - 1;
	free(head);
	return in;
}

/* "in the description: …the Kati camp of…" from text around the match. */
static void note(struct view *v, const char *where, const char *text, size_t at)
{
	size_t from = at;
	for (int k = 0; k < SNIPPET_BEFORE && from > 0; k++) {
		from--;
		while (from > 0 && ((unsigned char)text[from] & 0xC0) == 0x80)
			from--; /* a character's first byte */
	}
	while (from > 0 && from < at && text[from - 1] != ' ')
		from++; /* a word's start */
	struct strbuf sb = STRBUF_INIT;
	sb_addf(&sb, "/%s: in the %s: %s", session_search(v->s), where,
		from > 0 ? (ui_text_flags() ? "..." : "\u2026") : "");
	sb_add(&sb, text + from);
	/* the message line cuts it to the screen, with its ellipsis */
	ui_message(v->ui, "%s", sb_str(&sb));
	sb_free(&sb);
}

void timeline_match_note(struct view *v, const struct event_row *r, int width)
{
	const char *needle = session_search_folded(v->s);
	if (!needle || !r)
		return;
	char place[512];
	text_place(place, sizeof place, r->location, r->admin1);
	struct strbuf sides = STRBUF_INIT;
	actor_sides_format(r->sides, ui_glyphs()->arrow, &sides);
	const struct {
		enum config_column col;
		const char *name, *text;
	} cells[] = {
	    {COL_TITLE, "title", r->title},
	    {COL_PLACE, "place", place},
	    {COL_ACTORS, "actors", sides.len ? sb_str(&sides) : r->actors},
	    {COL_TYPE, "type", r->event_type},
	};
	const char *hidden = NULL, *hidden_text = NULL;
	size_t hidden_at = 0, at, end;
	for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
		if (!find_in(cells[i].text, needle, &at, &end))
			continue;
		if (shows(cells[i].text, end, timeline_cell_cols(v, width, cells[i].col))) {
			sb_free(&sides);
			return; /* in sight: the highlight says it */
		}
		if (!hidden) {
			hidden = cells[i].name;
			hidden_text = cells[i].text;
			hidden_at = at;
		}
	}
	if (hidden) {
		note(v, hidden, hidden_text, hidden_at);
		sb_free(&sides);
		return;
	}
	sb_free(&sides);
	/* nowhere on the row: the description (or an actor's name that the
	 * sides say once under another role) */
	char *desc = NULL, *err = NULL;
	long long own_id;
	const char *layer;
	sqlite3 *db = session_db_of(v->s, r->id, &own_id, &layer); /* a layer's event too */
	if (db && event_description(db, own_id, &desc, &err) == 0 &&
	    find_in(desc, needle, &at, &end))
		note(v, "description", desc, at);
	free(desc);
	free(err);
}
