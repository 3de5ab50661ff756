/* Line editing for the prompts. Positions are byte offsets kept on
 * character boundaries; widths come from text.h so wide characters count
 * as the two columns they take. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/prompt.h"
#include "sitrep/text.h"
#include "sitrep/util.h"

void prompt_init(struct prompt *p, char kind, const char *label, struct history *hist)
{
	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->label = label;
	sb_init(&p->text);
	sb_add(&p->text, "");
	p->hist = hist;
	p->hist_pos = hist ? hist->n : 0;
}

void prompt_free(struct prompt *p)
{
	sb_free(&p->text);
	free(p->draft);
	p->draft = NULL;
}

void prompt_set(struct prompt *p, const char *text)
{
	sb_reset(&p->text);
	sb_add(&p->text, text);
	p->cursor = p->text.len;
}

const char *prompt_text(const struct prompt *p)
{
	return sb_str(&p->text);
}

/* Splice: replace bytes [from, to) with s. */
static void splice(struct prompt *p, size_t from, size_t to, const char *s, size_t n)
{
	struct strbuf nb = STRBUF_INIT;
	sb_addn(&nb, p->text.buf, from);
	sb_addn(&nb, s, n);
	sb_addn(&nb, p->text.buf + to, p->text.len - to);
	sb_free(&p->text);
	p->text = nb;
}

/* Byte offset of the character before off. */
static size_t prev_char(const struct prompt *p, size_t off)
{
	const char *s = p->text.buf;
	while (off > 0) {
		off--;
		if (((unsigned char)s[off] & 0xc0) != 0x80)
			break;
	}
	return off;
}

static size_t next_char(const struct prompt *p, size_t off)
{
	uint32_t cp;
	if (off >= p->text.len)
		return p->text.len;
	return off + text_decode(p->text.buf + off, p->text.len - off, &cp);
}

void prompt_insert(struct prompt *p, uint32_t cp)
{
	struct strbuf enc = STRBUF_INIT;
	text_encode(&enc, cp);
	splice(p, p->cursor, p->cursor, enc.buf, enc.len);
	p->cursor += enc.len;
	sb_free(&enc);
}

void prompt_left(struct prompt *p)
{
	p->cursor = prev_char(p, p->cursor);
}
void prompt_right(struct prompt *p)
{
	p->cursor = next_char(p, p->cursor);
}

void prompt_backspace(struct prompt *p)
{
	size_t from = prev_char(p, p->cursor);
	/* combining marks go with the character they sit on */
	while (from > 0) {
		uint32_t cp;
		text_decode(p->text.buf + from, p->text.len - from, &cp);
		if (text_cp_width(cp) != 0)
			break;
		from = prev_char(p, from);
	}
	splice(p, from, p->cursor, "", 0);
	p->cursor = from;
}

void prompt_delete(struct prompt *p)
{
	splice(p, p->cursor, next_char(p, p->cursor), "", 0);
}

void prompt_kill_start(struct prompt *p)
{
	splice(p, 0, p->cursor, "", 0);
	p->cursor = 0;
}

void prompt_kill_end(struct prompt *p)
{
	splice(p, p->cursor, p->text.len, "", 0);
}

void prompt_kill_word(struct prompt *p)
{
	size_t to = p->cursor, from = to;
	while (from > 0 && p->text.buf[from - 1] == ' ')
		from--;
	while (from > 0 && p->text.buf[from - 1] != ' ')
		from--;
	splice(p, from, to, "", 0);
	p->cursor = from;
}

void prompt_history(struct prompt *p, int dir)
{
	if (!p->hist)
		return;
	size_t i = history_step(p->hist, p->kind, p->hist_pos, dir);
	if (i == (size_t)-1)
		return;
	if (p->hist_pos == p->hist->n) { /* leaving the line being typed */
		free(p->draft);
		p->draft = xstrdup(prompt_text(p));
	}
	p->hist_pos = i;
	prompt_set(p, i < p->hist->n ? p->hist->items[i].text : (p->draft ? p->draft : ""));
}

int prompt_cursor_col(const struct prompt *p)
{
	char *before = xstrndup(prompt_text(p), p->cursor);
	int w = text_width(before);
	free(before);
	return w;
}

static enum prompt_result edit_key(struct prompt *p, int c)
{
	switch (c) {
	case 1:
		p->cursor = 0;
		break; /* Ctrl-A */
	case 5:
		p->cursor = p->text.len;
		break; /* Ctrl-E */
	case 2:
		prompt_left(p);
		break; /* Ctrl-B */
	case 6:
		prompt_right(p);
		break; /* Ctrl-F */
	case 4:
		prompt_delete(p);
		break; /* Ctrl-D */
	case 11:
		prompt_kill_end(p);
		break; /* Ctrl-K */
	case 21:
		prompt_kill_start(p);
		break; /* Ctrl-U */
	case 23:
		prompt_kill_word(p);
		break; /* Ctrl-W */
	case 16:
		prompt_history(p, -1);
		break; /* Ctrl-P */
	case 14:
		prompt_history(p, +1);
		break; /* Ctrl-N */
	case '\n':
	case '\r':
		return PROMPT_SUBMIT;
	case 27:
	case 7:
		return PROMPT_CANCEL; /* Esc, Ctrl-G */
	case 8:
	case 127: /* Backspace as ^H or DEL */
		if (p->text.len == 0)
			return PROMPT_CANCEL;
		prompt_backspace(p);
		break;
	default:
		if (c >= 0x20 && c != 0x7f)
			prompt_insert(p, (uint32_t)c);
	}
	return PROMPT_EDITING;
}

enum prompt_result prompt_key(struct prompt *p, struct key k)
{
	if (!k.fn)
		return edit_key(p, k.code);
	switch (k.code) {
	case KEY_LEFT:
		prompt_left(p);
		break;
	case KEY_RIGHT:
		prompt_right(p);
		break;
	case KEY_HOME:
		p->cursor = 0;
		break;
	case KEY_END:
		p->cursor = p->text.len;
		break;
	case KEY_DC:
		prompt_delete(p);
		break;
	case KEY_UP:
		prompt_history(p, -1);
		break;
	case KEY_DOWN:
		prompt_history(p, +1);
		break;
	case KEY_ENTER:
		return PROMPT_SUBMIT;
	case KEY_BACKSPACE:
		return edit_key(p, 127);
	}
	return PROMPT_EDITING;
}
