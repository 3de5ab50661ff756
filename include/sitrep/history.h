/* history: the prompts' history, one list for all prompts with each entry
 * tagged by its prompt's kind ('/', 'f', ':'), kept across runs in
 * $XDG_STATE_HOME/sitrep/history (~/.local/state/sitrep/history). */
#ifndef SITREP_HISTORY_H
#define SITREP_HISTORY_H

#include <stddef.h>

#define HISTORY_MAX 500

struct history_entry {
	char kind;
	char *text;
};

struct history {
	struct history_entry *items; /* oldest first */
	size_t n, cap;
};

/* Add text as the newest entry of kind; a repeat moves to the end. */
void history_add(struct history *h, char kind, const char *text);
/* The entry before (dir -1) or after (+1) index from of the same kind;
 * returns its index, or h->n when there is none going forward, or
 * (size_t)-1 when there is none going back. */
size_t history_step(const struct history *h, char kind, size_t from, int dir);
void history_free(struct history *h);

/* The file: $XDG_STATE_HOME/sitrep/history, else ~/.local/state/...;
 * NULL when neither variable is set. Caller frees. */
char *history_path(void);
/* Missing file: empty history, 0. -1 on a read error. */
int history_load(struct history *h, const char *path);
/* Writes the newest HISTORY_MAX entries (directories created). 0 or -1. */
int history_save(const struct history *h, const char *path);

#endif
