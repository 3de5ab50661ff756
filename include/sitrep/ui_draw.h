/* ui_draw: putting text from data on the screen, always through text.h
 * (sanitised, fitted by display width, ASCII when the locale is not
 * UTF-8), and the glyphs that differ between UTF-8 and ASCII. */
#ifndef SITREP_UI_DRAW_H
#define SITREP_UI_DRAW_H

#include <curses.h>
#include <stdbool.h>

#include "sitrep/strbuf.h"
#include "sitrep/theme.h"

struct glyphs {
	const char *context;  /* marker of a context event */
	const char *incident; /* marker of an incident */
	const char *cursor;   /* gutter mark of the selected line */
	const char *hline;    /* month separator */
	const char *hline2;   /* year separator */
	const char *bullet;
	const char *arrow;
	const char *star, *tag, *note; /* the analyst's marks (notebook.h) */
};

/* Choose UTF-8 or ASCII output (call once, after setlocale). */
void ui_draw_init(bool ascii);
const struct glyphs *ui_glyphs(void);
int ui_text_flags(void); /* TEXT_ASCII or 0 */

/* PUT_GAP keeps the last column blank: a cut field never touches the next. */
enum { PUT_PAD = 1, PUT_RIGHT = 2, PUT_GAP = 4 };

/* Put s at (y, x) fitted to cols columns with role's attributes, matches
 * of needle_folded (NULL: none) drawn as search matches. Returns the
 * columns used. */
int ui_put(WINDOW *w, int y, int x, int cols, const char *s, enum role r, int flags,
	   const char *needle_folded);
/* Fill cols columns at (y, x) with a glyph. */
void ui_fill(WINDOW *w, int y, int x, int cols, const char *glyph, enum role r);
/* Word-wrap s to cols columns: the sanitised lines appended to *lines
 * (realloc'd). Returns the number of lines added. */
int ui_wrap(const char *s, int cols, char ***out, int *nout);

#endif
