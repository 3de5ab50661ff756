/* The themes (dark, the default; light; mono) for each colour depth. Colours are only an
 * extra: every role that carries meaning (context events, cursor, errors,
 * matches) also has a non-colour attribute, so mono terminals and colour-
 * blind users lose nothing. */
#include <stdbool.h>
#include <stdlib.h>

#include "sitrep/theme.h"

struct style {
	short fg, bg; /* -1: the terminal's default */
	attr_t attr;
};

struct role_styles {
	struct style c256, c8;
	attr_t mono;
};

#define D (-1)
/* The timeline's roles use the terminal's own 16 colours even with 256:
 * an SGR for colour 0-15 is 5 bytes against 11, which is what keeps a
 * scrolled line under 300 bytes over SSH (bench/tui.sh), and the user's
 * palette decides how they look. For the same reason the cursor changes
 * only the background (one SGR on, one off), and the strip's context bars
 * take the context colour without bold (the mark under them says it). */
static const struct role_styles defaults[ROLE_COUNT] = {
    [ROLE_NORMAL] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_CURSOR] = {{D, 4, 0}, {D, COLOR_BLUE, 0}, A_REVERSE},
    [ROLE_STATUS] = {{D, 8, 0}, {COLOR_BLACK, COLOR_WHITE, 0}, A_REVERSE},
    [ROLE_STATUS_DIM] = {{7, 8, 0}, {COLOR_BLACK, COLOR_WHITE, 0}, A_REVERSE},
    [ROLE_MESSAGE] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_ERROR] = {{9, D, A_BOLD}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_SEP_YEAR] = {{3, D, A_BOLD}, {COLOR_YELLOW, D, A_BOLD}, A_BOLD},
    [ROLE_SEP_MONTH] = {{8, D, 0}, {COLOR_CYAN, D, 0}, 0},
    [ROLE_DATE] = {{D, D, 0}, {COLOR_CYAN, D, 0}, 0},
    [ROLE_CONTEXT] = {{11, D, A_BOLD}, {COLOR_YELLOW, D, A_BOLD}, A_BOLD},
    [ROLE_STRIP_CONTEXT] = {{11, D, 0}, {COLOR_YELLOW, D, 0}, 0},
    [ROLE_INCIDENT] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_TYPE] = {{5, D, 0}, {COLOR_MAGENTA, D, 0}, 0},
    [ROLE_PLACE] = {{2, D, 0}, {COLOR_GREEN, D, 0}, 0},
    [ROLE_ACTOR] = {{6, D, 0}, {D, D, A_BOLD}, 0},
    [ROLE_FATAL] = {{9, D, 0}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_SEARCH] = {{16, 220, 0}, {COLOR_BLACK, COLOR_YELLOW, 0}, A_UNDERLINE | A_BOLD},
    [ROLE_PROMPT] = {{D, D, A_BOLD}, {D, D, A_BOLD}, A_BOLD},
    [ROLE_HEADING] = {{179, D, A_BOLD}, {COLOR_YELLOW, D, A_BOLD}, A_BOLD},
    [ROLE_LABEL] = {{6, D, 0}, {COLOR_CYAN, D, 0}, 0},
    [ROLE_LINK] = {{214, D, A_UNDERLINE}, {COLOR_YELLOW, D, A_UNDERLINE}, A_UNDERLINE},
    [ROLE_URL] = {{75, D, 0}, {COLOR_BLUE, D, 0}, A_UNDERLINE},
    [ROLE_KEY] = {{150, D, A_BOLD}, {COLOR_GREEN, D, A_BOLD}, A_BOLD},
    [ROLE_DIM] = {{8, D, 0}, {D, D, A_DIM}, A_DIM},
};
/* For terminals with a light background: darker inks, the same
 * non-colour attributes (the mono column is shared with the dark theme). */
static const struct role_styles light[ROLE_COUNT] = {
    [ROLE_NORMAL] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_CURSOR] = {{231, 25, 0}, {COLOR_WHITE, COLOR_BLUE, A_BOLD}, A_REVERSE},
    [ROLE_STATUS] = {{16, 252, 0}, {COLOR_WHITE, COLOR_BLACK, 0}, A_REVERSE},
    [ROLE_STATUS_DIM] = {{240, 252, 0}, {COLOR_WHITE, COLOR_BLACK, 0}, A_REVERSE},
    [ROLE_MESSAGE] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_ERROR] = {{160, D, A_BOLD}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_SEP_YEAR] = {{130, D, A_BOLD}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_SEP_MONTH] = {{245, D, 0}, {COLOR_BLUE, D, 0}, 0},
    [ROLE_DATE] = {{24, D, 0}, {COLOR_BLUE, D, 0}, 0},
    [ROLE_CONTEXT] = {{166, D, A_BOLD}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_STRIP_CONTEXT] = {{166, D, 0}, {COLOR_RED, D, 0}, 0},
    [ROLE_INCIDENT] = {{D, D, 0}, {D, D, 0}, 0},
    [ROLE_TYPE] = {{60, D, 0}, {COLOR_MAGENTA, D, 0}, 0},
    [ROLE_PLACE] = {{28, D, 0}, {COLOR_GREEN, D, 0}, 0},
    [ROLE_ACTOR] = {{125, D, 0}, {COLOR_MAGENTA, D, A_BOLD}, 0},
    [ROLE_FATAL] = {{160, D, 0}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_SEARCH] = {{16, 228, 0}, {COLOR_BLACK, COLOR_YELLOW, 0}, A_UNDERLINE | A_BOLD},
    [ROLE_PROMPT] = {{D, D, A_BOLD}, {D, D, A_BOLD}, A_BOLD},
    [ROLE_HEADING] = {{130, D, A_BOLD}, {COLOR_RED, D, A_BOLD}, A_BOLD},
    [ROLE_LABEL] = {{24, D, 0}, {COLOR_BLUE, D, 0}, 0},
    [ROLE_LINK] = {{166, D, A_UNDERLINE}, {COLOR_RED, D, A_UNDERLINE}, A_UNDERLINE},
    [ROLE_URL] = {{25, D, 0}, {COLOR_BLUE, D, 0}, A_UNDERLINE},
    [ROLE_KEY] = {{28, D, A_BOLD}, {COLOR_GREEN, D, A_BOLD}, A_BOLD},
    [ROLE_DIM] = {{245, D, 0}, {D, D, A_DIM}, A_DIM},
};
#undef D

static const struct role_styles *palette = defaults;
static bool force_mono;

void theme_select(int name)
{
	palette = name == THEME_LIGHT ? light : defaults;
	force_mono = name == THEME_MONOCHROME;
}

static attr_t attrs[ROLE_COUNT];
static enum theme_depth depth;
static bool default_pairs; /* the terminal takes -1 (its own colour) in a pair */

/* Every role gets a colour pair in colour modes, even one all in the
 * terminal's own colours: ncurses goes back from a coloured field to a
 * role without a pair with a colour reset and an attribute reset (sgr0),
 * 11 bytes, where a pair in the default colours costs one colour change,
 * 5, on every scrolled line. */
static attr_t style_attr(int role, const struct style *s)
{
	if (s->fg == -1 && s->bg == -1 && !default_pairs)
		return s->attr;
	init_pair((short)(role + 1), s->fg, s->bg);
	return s->attr | COLOR_PAIR(role + 1);
}

void theme_init(void)
{
	const char *nc = getenv("NO_COLOR");
	if ((nc && *nc) || !has_colors() || force_mono)
		depth = THEME_MONO;
	else {
		start_color();
		default_pairs = use_default_colors() == OK;
		depth = COLORS >= 256 ? THEME_256 : COLORS >= 8 ? THEME_8 : THEME_MONO;
	}
	for (int r = 0; r < ROLE_COUNT; r++) {
		if (depth == THEME_256)
			attrs[r] = style_attr(r, &palette[r].c256);
		else if (depth == THEME_8)
			attrs[r] = style_attr(r, &palette[r].c8);
		else
			attrs[r] = palette[r].mono;
	}
}

enum theme_depth theme_depth(void)
{
	return depth;
}

attr_t theme_attr(enum role r)
{
	return (unsigned)r < ROLE_COUNT ? attrs[r] : 0;
}
