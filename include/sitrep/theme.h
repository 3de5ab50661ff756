/* theme: colour roles. Code draws with a role (ROLE_DATE, ROLE_CONTEXT...),
 * never with a colour; the theme maps each role to attributes for the
 * terminal at hand: 256 colours, 8 colours, or none (NO_COLOR set, or a
 * monochrome terminal), where bold/underline/reverse alone must carry the
 * meaning. A later config file can replace entries by role name. */
#ifndef SITREP_THEME_H
#define SITREP_THEME_H

#include <curses.h>

/* _(ID, "name") */
#define THEME_ROLES(_)                                                                             \
	_(NORMAL, "normal")                                                                        \
	_(CURSOR, "cursor")                                                                        \
	_(STATUS, "status")                                                                        \
	_(STATUS_DIM, "status-dim")                                                                \
	_(MESSAGE, "message")                                                                      \
	_(ERROR, "error")                                                                          \
	_(SEP_YEAR, "separator-year")                                                              \
	_(SEP_MONTH, "separator-month")                                                            \
	_(DATE, "date")                                                                            \
	_(CONTEXT, "context")                                                                      \
	_(STRIP_CONTEXT, "strip-context")                                                          \
	_(INCIDENT, "incident")                                                                    \
	_(TYPE, "type")                                                                            \
	_(PLACE, "place")                                                                          \
	_(ACTOR, "actor")                                                                          \
	_(FATAL, "fatalities")                                                                     \
	_(SEARCH, "search-match")                                                                  \
	_(PROMPT, "prompt")                                                                        \
	_(HEADING, "heading")                                                                      \
	_(LABEL, "label")                                                                          \
	_(LINK, "link")                                                                            \
	_(URL, "url")                                                                              \
	_(KEY, "key")                                                                              \
	_(DIM, "dim")

enum role {
#define THEME_ENUM_(id, name) ROLE_##id,
	THEME_ROLES(THEME_ENUM_)
#undef THEME_ENUM_
	    ROLE_COUNT
};

enum theme_depth { THEME_MONO, THEME_8, THEME_256 };

/* The theme by name, before theme_init: dark (the default), light (for
 * light backgrounds) or mono (attributes only, whatever the terminal). */
enum theme_name { THEME_DARK, THEME_LIGHT, THEME_MONOCHROME };
void theme_select(int name);

/* Choose the depth (NO_COLOR, has_colors, COLORS) and set up colour pairs.
 * Call after initscr/newterm. */
void theme_init(void);
enum theme_depth theme_depth(void);
/* The attributes (colour pair included) for role. */
attr_t theme_attr(enum role r);

#endif
