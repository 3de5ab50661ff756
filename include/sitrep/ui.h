/* ui: the terminal session: the main loop (input -> action -> flags ->
 * redraw), the stack of views, layout and resizing, the status line, the
 * prompt, messages and the headless harness (key script, screen dumps).
 * Views reach shared state (database, filter, search) through struct ui. */
#ifndef SITREP_UI_H
#define SITREP_UI_H

#include <curses.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/actors.h"
#include "sitrep/bucket.h"
#include "sitrep/config_file.h"
#include "sitrep/density.h"
#include "sitrep/filter.h"
#include "sitrep/filter_stack.h"
#include "sitrep/history.h"
#include "sitrep/keyscript.h"
#include "sitrep/prompt.h"
#include "sitrep/query.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/view.h"

#define UI_MAX_VIEWS 8
#define UI_MIN_COLS  40
#define UI_MIN_ROWS  10

/* Screen regions: the density strip and the filter chips above the view
 * (timeline only), the actor panel beside it when split, then a status
 * line and the prompt / message line(s). */
struct ui_layout {
	int strip_y, strip_h;
	int chips_y, chips_h;
	int side_w; /* 0: no split */
	int view_y, view_x, view_h, view_w;
	int status_y;
	int bottom_y, bottom_h;
};

struct ui {
	sqlite3 *db;
	char *db_name;            /* base name, for the status line */
	char *filter_text;        /* "" when none */
	struct filter_sql filter; /* the compiled filter: pages' and counts' forms */
	struct query q;           /* {db, &where, &count_where}: what views query */
	char *search;             /* as typed; NULL when none */
	char *search_folded;

	struct view views[UI_MAX_VIEWS];
	int nviews;

	int rows, cols;
	bool too_small;
	struct ui_layout lay;
	WINDOW *win_view, *win_status, *win_bottom;
	WINDOW *win_strip, *win_chips, *win_side;

	/* the filter as chips; filter_text is the text of those switched on */
	struct filter_stack stack;
	bool chip_mode; /* keys go to the chip bar */
	size_t chip_sel;

	/* the density strip above the timeline */
	struct density *density;
	enum bucket_zoom zoom;
	bool strip_on;
	long strip_first; /* first bucket on screen */
	int strip_cells;

	/* the actor panel beside the timeline */
	bool split;
	bool focus_side;
	struct view side; /* ops NULL until first split */
	enum actors_sort actor_sort;
	bool mouse_on;
	bool descending;     /* the timeline newest first */
	unsigned shown_cols; /* the timeline's: 1 << enum config_column each; 0 all */

	struct strbuf message;
	bool message_error;
	bool prompting;
	struct prompt prompt;
	bool perr_set; /* a filter error shown under the prompt */
	struct filter_error perr;

	struct history hist;
	char *hist_path;

	bool scripted; /* headless: input from script */
	struct keyscript script;
	char *pending_dump; /* save-display after the next redraw */

	bool busy; /* work left between keys: read keys without waiting */
	bool quit;
	int exit_status;
};

struct view *ui_top(struct ui *ui);
/* Push a view opened with arg; -1 (nothing pushed) when open failed. */
int ui_push(struct ui *ui, const struct view_ops *ops, const void *arg);
void ui_pop(struct ui *ui);

/* The message line. */
void ui_message(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void ui_error(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Compile and apply a filter, replacing the chips; views refresh. -1 with
 * *err set. */
int ui_set_filter(struct ui *ui, const char *text, struct filter_error *err);
/* Apply the chips as they are now (after a toggle, push or removal). */
int ui_apply_stack(struct ui *ui, struct filter_error *err);
/* Add one term (a chip) built from field and a value from data. */
void ui_add_term(struct ui *ui, const char *field, const char *value);
void ui_set_search(struct ui *ui, const char *text);
/* The filter AND'ed with the search, for finding matches. */
void ui_search_where(struct ui *ui, struct sqlfrag *out);

/* Run a command line (without the ':'). Returns UI_* flags. */
int ui_command(struct ui *ui, const char *line);
/* Perform an action: the top view first, then the UI's own. */
int ui_action(struct ui *ui, enum action a);

/* ui_prompt.c */
void ui_prompt_open(struct ui *ui, char kind, const char *initial);
int ui_prompt_key(struct ui *ui, struct key k);
void ui_prompt_draw(struct ui *ui);

/* ui_layout.c */
void ui_layout(struct ui *ui);
void ui_render(struct ui *ui);

/* ui_input.c: the next input from the terminal or the script; false when
 * the script has ended or a signal asked to stop. */
bool ui_read(struct ui *ui, struct input *in);
void ui_signals_install(void);
int ui_signal_pending(void); /* the signal number, 0 none */

/* The command line's own commands (besides every action by name), for
 * the help view. Terminated by a NULL name. */
struct ui_command_info {
	const char *name, *args, *help;
};
extern const struct ui_command_info ui_command_list[];

/* ui_strip.c: the density strip. */
/* Before the first screen: set the counter to the filter, so that a strip
 * complete at once (no filter, a file with per-day counts) is drawn so. */
void ui_strip_start(struct ui *ui);
void ui_strip_draw(struct ui *ui);
/* A step of counting; true when it did some (the screen changes). */
bool ui_strip_idle(struct ui *ui);
bool ui_strip_busy(struct ui *ui);
int ui_strip_action(struct ui *ui, enum action a);
void ui_strip_click(struct ui *ui, int x);

/* ui_chips.c: the filter chips and their selection mode. */
void ui_chips_draw(struct ui *ui);
int ui_chips_key(struct ui *ui, struct key k);

/* ui_split.c: the actor panel beside the timeline, focus, saved views. */
int ui_split_action(struct ui *ui, enum action a);
void ui_side_draw(struct ui *ui);
int ui_view_command(struct ui *ui, const char *cmd, const char *arg);

/* ui_config.c: read $XDG_CONFIG_HOME/sitrep/config (theme, keys, mouse);
 * bad lines are reported on stderr and skipped. 0, or -1 (never today). */
int ui_config_load(struct ui *ui);
/* The database the config file names, or NULL: used when neither --db nor
 * SITREP_DB says. Caller frees. */
char *ui_config_database(void);

/* One step of the work left between keys (counts, the strip, the actor
 * panel): true when some was done, so the screen changed; ui->busy says
 * whether to look for more before waiting for a key. */
bool ui_background(struct ui *ui);

/* The timeline's selected event (views[0]), or NULL. */
const struct event_row *ui_current_event(struct ui *ui);

/* screen_dump.c: the screen as text, and FILE.attr with a code per cell
 * and a legend of the attributes, so style changes show in a diff.
 * 0, or -1 with *err set. */
int screen_dump(const char *path, char **err);

#endif
