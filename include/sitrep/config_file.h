/* config_file: the user's settings file, $XDG_CONFIG_HOME/sitrep/config
 * (~/.config/sitrep/config by default): a line-oriented "name = value"
 * format plus "bind KEY ACTION" lines. Parsing is pure; a bad line becomes
 * a "FILE:LINE: message" in the result and is otherwise ignored, so a broken
 * file costs a warning, never the session. sitrep(1), CONFIGURATION, has the
 * format with an example. */
#ifndef SITREP_CONFIG_H
#define SITREP_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

enum config_theme { THEME_NAME_DARK, THEME_NAME_LIGHT, THEME_NAME_MONO, THEME_NAME_COUNT };

/* The timeline's columns, in the order the user lists them; type, place
 * and actors can be given a width in cells ("actors:40"). */
#define CONFIG_COLUMN_MIN 4
#define CONFIG_COLUMN_MAX 200
enum config_column {
	COL_DATE,
	COL_KIND,
	COL_TYPE,
	COL_PLACE,
	COL_ACTORS,
	COL_FATALITIES,
	COL_TITLE,
	COL_COUNT
};

struct config_binding {
	char *key;    /* as written: "j", "<C-d>", "<F5>" */
	char *action; /* an action's name: "move-down" */
	int line;
};

struct config {
	int theme;      /* enum config_theme, -1 when not set */
	char *database; /* NULL when not set; "~/" expanded from $HOME */
	char *view;     /* the view opened first, by name; NULL when not set */
	char *author;   /* who the notebook's marks are by; NULL: $USER */
	int mouse;      /* 1 on, 0 off, -1 not set */
	int context;    /* the bundled context layer: 1 on, 0 off, -1 not set */
	int clipboard;  /* y copies through OSC 52: 1 on, 0 off, -1 not set */
	int map_shade;  /* the map's outlines: 1 shade, 0 braille, -1 not set */
	int descending; /* date-order: 1 descending, 0 ascending, -1 not set */
	enum config_column column[COL_COUNT]; /* "columns", in order */
	int column_width[COL_COUNT];          /* each one's "NAME:WIDTH", 0: automatic */
	size_t ncolumn;                       /* 0: not set */
	struct config_binding *binds;
	size_t nbinds;
	char **errors; /* "FILE:LINE: message", sanitised for a terminal */
	size_t nerrors;
};

/* Which key and action names exist: the tables belong to the TUI (keymap.h,
 * action.h), so the parser asks. A NULL function accepts every name. */
struct config_checks {
	bool (*key_ok)(const char *name, void *ctx);
	bool (*action_ok)(const char *name, void *ctx);
	bool (*view_ok)(const char *name, void *ctx);
	void *ctx;
};

void config_init(struct config *c);
void config_free(struct config *c);

/* Parse text (a whole file) named name in messages, into c: later lines
 * override earlier settings, bindings add up. */
void config_parse(struct config *c, const char *name, const char *text,
		  const struct config_checks *checks);
/* Read and parse path. 0 read, 1 no such file (not an error), -1 could not
 * be read (an error is added). */
int config_load(struct config *c, const char *path, const struct config_checks *checks);

/* $XDG_CONFIG_HOME/sitrep, else $HOME/.config/sitrep; NULL when neither
 * variable is set (absolute paths only). Caller frees. */
char *config_dir(void);
/* config_dir()/config, or NULL. Caller frees. */
char *config_path(void);

const char *config_theme_name(int theme); /* "dark" "light" "mono" */
const char *config_column_name(enum config_column c);

#endif
