/* keymap: keys by name ("j", "<Down>", "<C-W>", "<F1>") and the map from
 * keys to actions, built from the action table's default keys. The key
 * script (keyscript.h) and a future config file use the same names. */
#ifndef SITREP_KEYMAP_H
#define SITREP_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/action.h"

/* A key as curses reports it: a character (code point) or a KEY_* code. */
struct key {
	int code;
	bool fn; /* code is a curses KEY_* value, not a character */
};

/* Parse one key name at s: a character (UTF-8) or "<Name>". Returns the
 * bytes used, 0 when s is empty or the name is unknown. */
size_t key_parse(const char *s, struct key *k);
/* "j", "Down", "Ctrl-W", "F1", "Space" — the way help shows a key. */
void key_describe(struct key k, char *buf, size_t size);
/* A table's key list ("j <Down> <C-N>") as "j, Down, Ctrl-N". */
void keymap_describe(const char *keys, char *buf, size_t size);

/* Bind the default keys of every action (idempotent). */
void keymap_init(void);
/* The action bound to k, or ACT_NONE. */
enum action keymap_lookup(struct key k);
/* Bind k to a (replacing an earlier binding). Returns 0, -1 when full. */
int keymap_bind(struct key k, enum action a);

#endif
