/* ui_impl: the browser's core, private to src/tui/: the stack of views,
 * the panes, the prompt and the message line, the terminal's windows, and
 * the headless harness. Views and panes see only ui.h and session.h. */
#ifndef SITREP_UI_IMPL_H
#define SITREP_UI_IMPL_H

#include <curses.h>
#include <stdbool.h>

#include "sitrep/filter.h"
#include "sitrep/history.h"
#include "sitrep/keyscript.h"
#include "sitrep/pane.h"
#include "sitrep/prompt.h"
#include "sitrep/session.h"
#include "sitrep/strbuf.h"
#include "sitrep/ui.h"
#include "sitrep/view.h"

#define UI_MAX_VIEWS 8
#define UI_MIN_COLS  40
#define UI_MIN_ROWS  10

enum { PANE_STRIP, PANE_CHIPS, PANE_SIDE, PANE_STATUS, UI_NPANES };

struct ui {
	struct session *s;

	struct view views[UI_MAX_VIEWS];
	int nviews;
	struct pane panes[UI_NPANES]; /* ops NULL: not opened */
	struct pane *focus;           /* NULL: the view on top */

	int rows, cols;
	bool too_small;
	WINDOW *win_view, *win_bottom;
	int view_y, view_x, view_h, view_w;
	int bottom_h; /* the prompt line, and the filter error under it */

	struct strbuf message;
	bool message_error;
	bool prompting;
	bool key_seen; /* a key came: the status line stops offering "? help" */
	struct prompt prompt;
	int prompt_arg;    /* 'e': the chip edited */
	long long mark_id; /* 't', 'n': the event tagged or noted */
	bool perr_set;     /* a filter error shown under the prompt */
	struct filter_error perr;
	struct history hist;
	char *hist_path;

	bool mouse_on;
	bool clipboard_off; /* "clipboard = off": y copies nothing */
	bool scripted;      /* headless: input from script */
	struct keyscript script;
	char *pending_dump; /* save-display after the next redraw */

	int pending; /* UI_* flags not acted on yet (ui_loop.c) */
	bool busy;   /* work left between keys: read keys without waiting */
	bool quit;
	int exit_status;
};

/* ui.c: the stack of views and the actions */
int ui_push(struct ui *ui, enum view_id id, long long arg);
void ui_remove(struct ui *ui, int index);
int ui_index_of(struct ui *ui, const struct view *v); /* -1 when not on the stack */
int ui_action(struct ui *ui, enum action a);
/* Tell every view and pane that heard of an older session version. */
void ui_notify(struct ui *ui);

/* ui_loop.c: the main loop */
void ui_run(struct ui *ui);
/* Act on flags now (a handler's result). */
void ui_apply(struct ui *ui, int flags);
/* One step of background work; true when some was done. */
bool ui_background(struct ui *ui);

/* ui_layout.c */
void ui_layout(struct ui *ui);
void ui_render(struct ui *ui);
struct pane *ui_pane_at(struct ui *ui, int y, int x);

/* ui_prompt.c */
int ui_prompt_key(struct ui *ui, struct key k);
void ui_prompt_draw(struct ui *ui);

/* Another process changed the file: the views read again, the status
 * line says how (ui_loop.c). True when it did. */
bool ui_poll_file(struct ui *ui);
/* A submitted tag ('t') or note ('n') prompt. */
int ui_mark_submit(struct ui *ui, char kind, const char *text);
/* Tab on the tag prompt: the word before the cursor completed. */
void ui_mark_complete(struct ui *ui);

/* ui_input.c: the next input from the terminal or the script; false when
 * the script has ended or a signal asked to stop. */
bool ui_read(struct ui *ui, struct input *in);
void ui_signals_install(void);
int ui_signal_pending(void); /* the signal number, 0 none */

/* ui_saved.c: :save, :load, :views */
int ui_saved_command(struct ui *ui, const char *cmd, const char *arg);
/* :around [15d|50km] and the around action (ui_around.c). */
int ui_around(struct ui *ui, const char *arg);
/* The copy action: the selected event as a citation, by OSC 52 (ui_copy.c). */
int ui_copy(struct ui *ui);

/* ui_config.c: read $XDG_CONFIG_HOME/sitrep/config (theme, keys, mouse,
 * settings); bad lines are reported on stderr and skipped. */
int ui_config_load(struct ui *ui);
/* The database the config file names, or NULL. Caller frees. */
char *ui_config_database(void);
/* Whether the config file leaves the bundled context layer on. */
bool ui_config_context(void);
const char *ui_config_author(void); /* NULL when not set */
/* The view the config file opens first (VIEW_TIMELINE when none). */
enum view_id ui_config_view(void);

/* screen_dump.c: the screen as text, and FILE.attr with a code per cell
 * and a legend of the attributes, so style changes show in a diff.
 * 0, or -1 with *err set. */
int screen_dump(const char *path, char **err);

#endif
