/* ui: the terminal session: the main loop (input -> action -> flags ->
 * redraw), the stack of views, layout and resizing, the status line, the
 * prompt, messages and the headless harness (key script, screen dumps).
 * Views reach shared state (database, filter, search) through struct ui. */
#ifndef SITREP_UI_H
#define SITREP_UI_H

#include <curses.h>
#include <sqlite3.h>
#include <stdbool.h>

#include "sitrep/filter.h"
#include "sitrep/history.h"
#include "sitrep/keyscript.h"
#include "sitrep/prompt.h"
#include "sitrep/query.h"
#include "sitrep/sqlfrag.h"
#include "sitrep/view.h"

#define UI_MAX_VIEWS 8
#define UI_MIN_COLS 40
#define UI_MIN_ROWS 10

/* Screen regions. Today: the view above a status line and the prompt /
 * message line(s); a density strip above and a panel beside the view will
 * take their rows and columns from here. */
struct ui_layout {
	int strip_y, strip_h;
	int view_y, view_x, view_h, view_w;
	int status_y;
	int bottom_y, bottom_h;
};

struct ui {
	sqlite3 *db;
	char *db_name;            /* base name, for the status line */
	char *filter_text;        /* "" when none */
	struct sqlfrag where;     /* the compiled filter */
	struct sqlfrag count_where; /* the same rows, the form that counts fastest */
	struct query q;           /* {db, &where, &count_where}: what views query */
	char *search;             /* as typed; NULL when none */
	char *search_folded;

	struct view views[UI_MAX_VIEWS];
	int nviews;

	int rows, cols;
	bool too_small;
	struct ui_layout lay;
	WINDOW *win_view, *win_status, *win_bottom;

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

/* Compile and apply a filter; views refresh. -1 with *err set. */
int ui_set_filter(struct ui *ui, const char *text, struct filter_error *err);
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

/* screen_dump.c: the screen as text, and FILE.attr with a code per cell
 * and a legend of the attributes, so style changes show in a diff.
 * 0, or -1 with *err set. */
int screen_dump(const char *path, char **err);

#endif
