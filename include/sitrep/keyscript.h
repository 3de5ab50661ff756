/* keyscript: the headless harness's script of input. Each line is keys:
 * characters as typed and <Name>s (see keymap.h); a line starting with ':'
 * is a command line, typed and then entered, except ":save-display FILE",
 * which the harness runs itself so that a screen with an open prompt can
 * be saved as it is. Besides keys a script can
 * resize the screen (<Resize 120x40>) and use the mouse (<Click ROW COL>,
 * <DoubleClick ROW COL>, <WheelUp ROW COL>, <WheelDown ROW COL>; 0-based).
 * '#' starts a comment line. Pure: no curses state, tested directly. */
#ifndef SITREP_KEYSCRIPT_H
#define SITREP_KEYSCRIPT_H

#include <stdbool.h>
#include <stddef.h>

#include "sitrep/keymap.h"

enum input_type { INPUT_KEY, INPUT_RESIZE, INPUT_MOUSE, INPUT_DUMP };
enum mouse_kind { MOUSE_CLICK, MOUSE_DOUBLE, MOUSE_WHEEL_UP, MOUSE_WHEEL_DOWN };

/* One input event, from the terminal or from a script. */
struct input {
	enum input_type type;
	struct key key;        /* INPUT_KEY */
	enum mouse_kind mouse; /* INPUT_MOUSE */
	int y, x;              /* INPUT_MOUSE: screen cell */
	int rows, cols;        /* INPUT_RESIZE */
	const char *path;      /* INPUT_DUMP: owned by the script */
};

struct keyscript {
	struct input *items;
	size_t n, cap, pos;
};

/* Parse a script. 0, or -1 with "line L: message" in err. */
int keyscript_parse(const char *text, struct keyscript *ks, char *err, size_t errsize);
/* Read and parse a file. 0, or -1 with "FILE:L: message" in err. */
int keyscript_load(const char *path, struct keyscript *ks, char *err, size_t errsize);
/* The next input; false at the end of the script. */
bool keyscript_next(struct keyscript *ks, struct input *in);
void keyscript_free(struct keyscript *ks);

#endif
