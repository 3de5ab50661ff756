/* ui_copy: y copies the selected event as a citation to the clipboard of
 * the terminal the user sits at, through OSC 52 (ESC ] 52 ; c ; BASE64
 * BEL), which xterm, kitty, iTerm2, WezTerm, foot, Windows Terminal and
 * tmux (set-clipboard on) take, over SSH too: nothing on the host needs a
 * clipboard. "clipboard = off" in the config turns it off. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/event_record.h"
#include "sitrep/strbuf.h"
#include "sitrep/text.h"
#include "ui_impl.h"

/* Field text without control characters: a pasted citation is plain. */
static void put(struct strbuf *out, const char *s)
{
	if (s)
		text_sanitize(out, s, 0);
}

/* "2022-08-15, Gao, Gao, Mali: Last Barkhane unit leaves Mali. Actors: ...
 * Deaths: N. Sources: URL; URL." */
static void citation(const struct event_record *r, struct strbuf *out)
{
	char date[48];

	date_format_span(date, sizeof date, &r->date);
	sb_add(out, date);
	const char *parts[] = {r->location, r->admin1, r->country};
	const char *last = NULL;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i] || !*parts[i] || (last && strcmp(last, parts[i]) == 0))
			continue;
		sb_add(out, ", ");
		put(out, parts[i]);
		last = parts[i];
	}
	sb_add(out, ": ");
	put(out, r->title);
	sb_add(out, ".");
	for (int i = 0; i < r->nactors; i++) {
		sb_add(out, i ? "; " : " Actors: ");
		put(out, r->actors[i].name);
		if (r->actors[i].role) {
			sb_add(out, " (");
			put(out, r->actors[i].role);
			sb_add(out, ")");
		}
	}
	if (r->nactors)
		sb_add(out, ".");
	if (r->fatalities >= 0)
		sb_addf(out, " Deaths: %lld.", r->fatalities);
	int n = 0;
	for (int i = 0; i < r->nsources; i++) {
		if (!r->sources[i].url || !*r->sources[i].url)
			continue;
		sb_add(out, n++ ? "; " : " Sources: ");
		put(out, r->sources[i].url);
	}
	if (n)
		sb_add(out, ".");
}

static void base64(const char *s, size_t n, struct strbuf *out)
{
	static const char b64[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; i < n; i += 3) {
		unsigned v = (unsigned)p[i] << 16 | (i + 1 < n ? (unsigned)p[i + 1] << 8 : 0) |
			     (i + 2 < n ? p[i + 2] : 0);
		sb_addc(out, b64[v >> 18 & 63]);
		sb_addc(out, b64[v >> 12 & 63]);
		sb_addc(out, i + 1 < n ? b64[v >> 6 & 63] : '=');
		sb_addc(out, i + 2 < n ? b64[v & 63] : '=');
	}
}

int ui_copy(struct ui *ui)
{
	const struct event_row *row = session_current(ui->s);
	struct event_record rec;
	long long own;
	const char *layer;
	char *err = NULL;

	if (ui->clipboard_off) {
		ui_message(ui, "Copying is off (clipboard = off in the config file)");
		return UI_HANDLED;
	}
	if (!row) {
		ui_message(ui, "No event selected");
		return UI_HANDLED;
	}
	sqlite3 *db = session_db_of(ui->s, row->id, &own, &layer);
	int rc = db ? event_record_load(db, own, &rec, &err) : 1;
	if (rc != 0) {
		ui_error(ui, "copy: %s", rc > 0 ? "no such event" : err ? err : "cannot read it");
		free(err);
		return UI_HANDLED;
	}
	struct strbuf text = STRBUF_INIT, seq = STRBUF_INIT;
	citation(&rec, &text);
	sb_add(&seq, "\033]52;c;");
	base64(sb_str(&text), text.len, &seq);
	sb_add(&seq, "\a");
	/* past curses, straight to the terminal: the sequence moves nothing */
	fputs(sb_str(&seq), stdout);
	fflush(stdout);
	ui_message(ui, "Copied #%lld as a citation (%zu bytes) to the terminal's clipboard",
		   row->id, text.len);
	sb_free(&text);
	sb_free(&seq);
	event_record_free(&rec);
	return UI_HANDLED;
}
