/* prompt: the line editor behind the search, filter and command prompts:
 * a UTF-8 line with a cursor, edited by whole characters (Backspace over a
 * wide character removes all of it), readline's common keys, and history.
 * Pure: no curses calls; the UI draws it (ui_prompt.c). */
#ifndef SITREP_PROMPT_H
#define SITREP_PROMPT_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/history.h"
#include "sitrep/keymap.h"
#include "sitrep/strbuf.h"

struct prompt {
	char kind;         /* '/', 'f' or ':' (also the history's kind) */
	const char *label; /* shown before the text: "/", "filter: ", ":" */
	struct strbuf text;
	size_t cursor;        /* byte offset in text, on a character boundary */
	struct history *hist; /* may be NULL */
	size_t hist_pos;      /* browsing: index into hist, hist->n when not */
	char *draft;          /* the line being typed before browsing started */
};

enum prompt_result { PROMPT_EDITING, PROMPT_SUBMIT, PROMPT_CANCEL };

void prompt_init(struct prompt *p, char kind, const char *label, struct history *hist);
void prompt_free(struct prompt *p);
void prompt_set(struct prompt *p, const char *text); /* cursor at the end */
const char *prompt_text(const struct prompt *p);

/* Feed one key. Enter submits, Esc and Ctrl-G cancel (so does Backspace
 * on an empty line, as in vim). */
enum prompt_result prompt_key(struct prompt *p, struct key k);

/* Editing primitives, exposed for tests. */
void prompt_insert(struct prompt *p, uint32_t cp);
void prompt_left(struct prompt *p);
void prompt_right(struct prompt *p);
void prompt_backspace(struct prompt *p);
void prompt_delete(struct prompt *p);
void prompt_kill_start(struct prompt *p);       /* Ctrl-U */
void prompt_kill_end(struct prompt *p);         /* Ctrl-K */
void prompt_kill_word(struct prompt *p);        /* Ctrl-W: the word before the cursor */
void prompt_history(struct prompt *p, int dir); /* -1 older (Up), +1 newer */

/* Display columns of the text before the cursor. */
int prompt_cursor_col(const struct prompt *p);

#endif
